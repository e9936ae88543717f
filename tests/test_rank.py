"""Pure scoring functions: fusion, features, group order and diversity."""

import pytest

from matcher.rank import FUSIONS, fuse_rrf, instrument_match, need_match, select_fusion, topic_match


def test_rrf_rewards_agreement_and_ignores_missing_lexical_hits():
    fused = fuse_rrf({"a": 0.9, "b": 0.8, "c": 0.1}, {"b": 3.0})
    assert max(fused, key=fused.get) == "b"
    assert fused["a"] > fused["c"]


def test_rrf_breaks_ties_by_id():
    fused = fuse_rrf({"b": 0.5, "a": 0.5}, {})
    assert fused["a"] > fused["b"]


def test_unknown_fusion_lists_the_valid_names():
    with pytest.raises(ValueError, match="choose one of: convex, dense, lexical, rrf"):
        select_fusion("magic")
    assert set(FUSIONS) == {"convex", "dense", "lexical", "rrf"}


@pytest.mark.parametrize("profile,prog,expected", [
    (["rnd"], ["rnd", "partners"], 1.0),
    (["partners"], ["rnd", "partners"], 0.75),
    ([], ["rnd"], 0.0),
    (["investment"], ["rnd"], 0.0),
    # advice is a way of helping, not a subject: a succession office does not meet advice on innovation management
    (["advice"], ["succession", "advice"], 0.0),
    (["succession", "advice"], ["succession", "advice"], 1.0),
    (["advice"], ["advice", "rnd"], 1.0),
])
def test_need_match_weights_the_programmes_main_purpose(profile, prog, expected):
    assert need_match(profile, prog) == expected


def test_topic_and_instrument_match():
    assert topic_match(["recycling"], ["recycling", "circular-economy"]) == 0.5
    assert topic_match([], ["x"]) == 0.0
    assert instrument_match(["grant"], ["grant", "loan"]) == 1.0
    assert instrument_match(["grant"], ["loan"]) == -1.0
    assert instrument_match([], ["loan"]) == 0.0
    # a wish for training or advice does not count against a grant (support offers have their own lane)
    assert instrument_match(["training"], ["grant"]) == 0.0
    assert instrument_match(["training", "grant"], ["loan"]) == -1.0
    assert instrument_match(["advice"], ["advice", "network"]) == 1.0
    # a loan, a guarantee or investors asked for do not rule a grant out; equity asked for does not rule a loan in
    assert instrument_match(["loan"], ["grant"]) == 0.0
    assert instrument_match(["loan", "guarantee"], ["grant"]) == 0.0
    assert instrument_match(["equity"], ["grant"]) == 0.0
    assert instrument_match(["equity", "scholarship"], ["grant"]) == -1.0
    assert instrument_match(["equity"], ["loan"]) == -1.0
    assert instrument_match([], ["grant"], unwanted=["grant"]) == -1.0
    # forms of money the writer rules out: a programme offering only those counts like a mismatch
    assert instrument_match([], ["equity"], unwanted=["equity"]) == -1.0
    assert instrument_match([], ["equity", "loan"], unwanted=["equity"]) == 0.0
    assert instrument_match(["loan"], ["equity", "loan"], unwanted=["equity"]) == 1.0
    assert instrument_match([], ["advice", "network"], unwanted=["equity"]) == 0.0


def test_technology_open_programmes_fit_any_technology_halfway():
    assert topic_match(["microelectronics", "ai"], ["innovation", "technology-transfer"]) == 0.5
    assert topic_match(["microelectronics", "innovation"], ["microelectronics", "innovation"]) == 1.0
    assert topic_match(["recycling"], ["robotics", "ai", "automation"]) == 0.0


def test_wished_instrument_is_not_diversified_away():
    import datetime as dt

    from matcher.models import CompanyProfile, Eligibility, Programme, Source
    from matcher.rank import Scored, Weights, order

    def p(pid, instr, score):
        prog = Programme(id=pid, name=f"Programm {pid}", provider="x", level="bund", instruments=[instr], target_groups=["kmu"],
                         eligibility=Eligibility(applicants=["company"]), needs=["rnd"], topics=["innovation"],
                         status="rolling", summary_de="x" * 40, summary_en="x" * 40,
                         sources=[Source(title="src", url="https://example.org")], as_of=dt.date(2026, 1, 1))
        return Scored(prog, score, "eligible", "rolling")

    items = [p("g1", "grant", 0.90), p("g2", "grant", 0.89), p("l1", "loan", 0.86)]
    assert [x.prog.id for x in order(items, Weights())] == ["g1", "l1", "g2"]
    assert [x.prog.id for x in order(items, Weights(), wished_instruments=["grant"])] == ["g1", "g2", "l1"]
    del CompanyProfile


def test_field_specific_programme_for_another_field_is_a_mismatch():
    from matcher.rank import field_mismatch

    assert field_mismatch(["automation", "skills"], ["additive-manufacturing", "skills"])
    assert not field_mismatch(["additive-manufacturing"], ["additive-manufacturing", "skills"])
    assert not field_mismatch(["recycling"], ["innovation", "technology-transfer"])  # technology-open
    assert not field_mismatch([], ["hydrogen"])  # nothing known about the company's field
    # the main topic shared: a digitalisation loan that also names AI and IT security fits a digitalisation need
    assert not field_mismatch(["digitalisation", "urban-production"], ["digitalisation", "ai", "it-security"])
    assert field_mismatch(["production", "investment"], ["venture-capital", "decarbonisation", "ai"])
    # a generic main topic ("innovation") shared is no field in common
    assert field_mismatch(["ai", "innovation"], ["innovation", "energy-efficiency", "decarbonisation"])


def test_an_umbrella_fund_follows_every_programme_one_can_apply_to():
    import datetime as dt

    from matcher.models import Eligibility, Programme, Source
    from matcher.rank import Scored, Weights, order

    def p(pid, score, status="rolling", overall="eligible", via=()):
        prog = Programme(id=pid, name=f"Programm {pid}", provider="x", level="berlin", instruments=["grant"],
                         target_groups=["kmu"], eligibility=Eligibility(applicants=["company"]), needs=["rnd"],
                         topics=["innovation"], status=status, summary_de="x" * 40, summary_en="x" * 40,
                         sources=[Source(title="src", url="https://example.org")], as_of=dt.date(2026, 1, 1),
                         apply_via=list(via))
        return Scored(prog, score, overall, status)

    items = [p("efre", 0.99, via=["pa"]), p("pa", 0.50), p("pb", 0.40), p("shut", 0.95, status="closed"),
             p("no", 0.98, overall="ineligible")]
    assert [x.prog.id for x in order(items, Weights(diversity_penalty=0))] == ["pa", "pb", "efre", "shut", "no"]


def test_a_grant_wish_is_met_by_a_tax_credit_but_not_by_a_loan():
    from matcher.rank import instrument_match
    assert instrument_match(["grant"], ["tax_credit"]) == 1.0
    assert instrument_match(["grant"], ["loan"]) == -1.0
    assert instrument_match(["loan"], ["tax_credit"]) == -1.0


def _brute_force_order(items, w, greedy_depth=20, wished=(), levels=()):
    """The diversity step written the slow, obvious way: every greedy step compares the whole pool."""
    from matcher.rank import group_of

    out = []
    for g in (0, 1, 2, 3):
        pool = sorted((x for x in items if group_of(x) == g), key=lambda x: (-x.score, x.prog.id))
        used: dict[str, int] = {}
        for _ in range(min(greedy_depth, len(pool))):
            def adjusted(x):
                primary = x.prog.instruments[0]
                if primary in wished or x.prog.level in levels:
                    return x.score
                return x.score - w.diversity_penalty * used.get(primary, 0)

            best = min(pool, key=lambda x: (-adjusted(x), x.prog.id))
            pool.remove(best)
            used[best.prog.instruments[0]] = used.get(best.prog.instruments[0], 0) + 1
            out.append(best)
        out.extend(pool)
    return out


def test_the_greedy_diversity_step_equals_comparing_the_whole_pool():
    import datetime as dt
    import random

    from matcher.models import Eligibility, Programme, Source
    from matcher.rank import Scored, Weights, order

    rnd = random.Random(7)
    for trial in range(60):
        items = []
        for i in range(rnd.randint(1, 40)):
            prog = Programme(id=f"p{i:02d}", name=f"Programm {i}", provider="x", level=rnd.choice(["berlin", "bund", "eu"]),
                             instruments=[rnd.choice(["grant", "loan", "equity", "advice"])], target_groups=["kmu"],
                             eligibility=Eligibility(applicants=["company"]), needs=["rnd"], topics=["innovation"],
                             status="rolling", summary_de="x" * 40, summary_en="x" * 40,
                             sources=[Source(title="src", url="https://example.org")], as_of=dt.date(2026, 1, 1))
            # coarse scores so that ties (broken by id) happen
            items.append(Scored(prog, rnd.choice([0.2, 0.4, 0.5, 0.6, 0.8]), rnd.choice(["eligible"] * 4 + ["ineligible"]),
                                rnd.choice(["rolling"] * 5 + ["closed"])))
        w = Weights(diversity_penalty=rnd.choice([0.0, 0.05, 0.1, 0.3]))
        wished = rnd.choice([(), ("grant",), ("loan", "equity")])
        levels = rnd.choice([(), ("eu",)])
        depth = rnd.choice([3, 20])
        got = order(items, w, greedy_depth=depth, wished_instruments=list(wished), wished_levels=list(levels))
        want = _brute_force_order(items, w, depth, wished, levels)
        assert [x.prog.id for x in got] == [x.prog.id for x in want], trial


def test_zim_is_the_first_answer_for_a_research_institute_looking_for_sme_partners():
    from pathlib import Path

    from matcher.corpus import check_corpus
    from matcher.models import CompanyProfile
    from matcher.rank import first_choice_role
    corpus = check_corpus(Path(__file__).resolve().parent.parent / "corpus").corpus
    zim = next(p for p in corpus.programmes if p.id == "zim")
    institute = CompanyProfile(org_type="research", in_berlin=True, needs=["rnd", "partners"])
    role = first_choice_role(zim, institute, known_group=True)
    assert role is not None and role.need == "partners" and "Forschungsinstitut" in role.reason_de
    # a company without the partner need gets the SME role for R&D, not the institute's
    sme = CompanyProfile(org_type="company", size_class="small", employees=20, in_berlin=True, needs=["rnd"])
    assert first_choice_role(zim, sme, known_group=True).need == "rnd"


def test_a_founders_programme_open_only_after_founding_steps_back_for_a_team_before_founding():
    from pathlib import Path

    from matcher.corpus import check_corpus
    from matcher.models import CompanyProfile
    from matcher.rank import LinearScorer, Weights, programme_features
    corpus = check_corpus(Path(__file__).resolve().parent.parent / "corpus").corpus
    bonus = next(p for p in corpus.programmes if p.id == "gruendungsbonus-berlin")
    team = CompanyProfile(org_type="individual", stage="pre_founding", in_berlin=True, needs=["founding"])
    young = team.model_copy(update={"org_type": "company", "stage": "startup"})
    f_team = programme_features(bonus, team, 0.8, "uncertain", "rolling")
    f_young = programme_features(bonus, young, 0.8, "uncertain", "rolling")
    assert f_team.get("later") == 1.0 and "later" not in f_young
    score = LinearScorer(Weights())
    assert score(f_team) == pytest.approx(score(f_young) - Weights().later_penalty)


def test_a_programme_only_for_another_field_meets_no_need_and_resembles_nothing():
    import datetime as dt

    from matcher.models import CompanyProfile, Eligibility, Programme, Source
    from matcher.rank import programme_features, serves_field

    games = Programme(id="games", name="Games-Förderung", provider="x", level="berlin", instruments=["grant"],
                      target_groups=["kmu"], eligibility=Eligibility(applicants=["company"]), needs=["rnd", "financing"],
                      topics=["games"], field_only=True, status="rolling", summary_de="x" * 40, summary_en="x" * 40,
                      sources=[Source(title="src", url="https://example.org")], as_of=dt.date(2026, 1, 1))
    sensor = CompanyProfile(needs=["rnd"], topics=["microelectronics", "innovation"])
    studio = CompanyProfile(needs=["rnd"], topics=["games", "creative-industries"])
    assert not serves_field(games, sensor.topics) and serves_field(games, studio.topics)
    f = programme_features(games, sensor, retrieval=0.9, overall="eligible", effective_status="rolling", typical=0.5)
    assert f["retrieval"] == 0 and "need" not in f and "typical" not in f and f["need_mismatch"] == 1.0
    f = programme_features(games, studio, retrieval=0.9, overall="eligible", effective_status="rolling", typical=0.5)
    assert f["retrieval"] == 0.9 and f["need"] == 1.0 and f["typical"] == 0.5 and f["topic"] == 1.0
    # a programme not marked field_only keeps its features for any field
    open_prog = games.model_copy(update={"field_only": False})
    assert programme_features(open_prog, sensor, retrieval=0.9, overall="eligible",
                              effective_status="rolling")["need"] == 1.0
