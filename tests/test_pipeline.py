"""The stages of ``match``: lanes, scope, first-choice and fact-check features, ecosystem de-duplication,
and pipelines picked by name."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from matcher import eligibility as elig
from matcher.ecosystem import rank_ecosystem
from matcher.lanes import fitting_support, split_lanes
from matcher.models import Actor, CompanyProfile, Programme, Project
from matcher.pipeline import PIPELINES, first_answers_up, hybrid_affinity, select_pipeline
from matcher.rank import (LinearScorer, Scored, Weights, example_affinity, first_choice_match, first_choice_role,
                          programme_features)
from matcher.scope import funding_signal

FIX = Path(__file__).resolve().parent / "fixtures" / "corpus"


def _prog(name: str = "berlin-innovation-grant", **changes) -> Programme:
    data = yaml.safe_load((FIX / "programmes" / f"{name}.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    return Programme.model_validate(data)


def _scored(p: Programme, score: float, overall: str = "eligible", status: str = "rolling") -> Scored:
    return Scored(p, score, overall, status)


SRC = {"title": "Richtlinie", "url": "https://example.org/r", "kind": "official"}


# ---------------------------------------------------------------- lanes

def test_support_offers_leave_the_money_lane_unless_advice_is_asked():
    grant = _scored(_prog(), 0.5)
    advice = _scored(_prog(id="advice-x", instruments=["advice"]), 0.9)
    network = _scored(_prog(id="net-x", instruments=["network"]), 0.8)
    money, support = split_lanes([advice, network, grant], CompanyProfile(needs=["rnd"]))
    assert [x.prog.id for x in money] == ["berlin-innovation-grant"]
    assert [x.prog.id for x in support] == ["advice-x", "net-x"]

    money, support = split_lanes([advice, network, grant], CompanyProfile(needs=["advice"]))
    assert [x.prog.id for x in money] == ["advice-x", "net-x", "berlin-innovation-grant"] and support == []


def test_advice_offers_below_the_first_screen_get_the_support_lane_when_advice_is_asked():
    # "which EU calls fit, and who helps with the proposal?": six calls outrank the advice offer; it is still shown,
    # beside them and only once
    calls = [_scored(_prog(id=f"call-{i}"), 1.0 - i / 10) for i in range(6)]
    advice = _scored(_prog(id="advice-x", instruments=["advice"]), 0.3)
    early = _scored(_prog(id="network-x", instruments=["network"]), 0.95)
    ranked = calls[:2] + [early] + calls[2:] + [advice]
    money, support = split_lanes(ranked, CompanyProfile(needs=["rnd", "advice"]), first_screen=5)
    assert [x.prog.id for x in money] == ["call-0", "call-1", "network-x", "call-2", "call-3", "call-4", "call-5"]
    assert [x.prog.id for x in support] == ["advice-x"]


def test_advice_and_money_asked_together_keep_money_first_and_advice_beside_it():
    grant = _scored(_prog(), 0.5)
    advice = _scored(_prog(id="advice-x", instruments=["advice"]), 0.9)
    for profile in (CompanyProfile(needs=["financing", "advice", "digitalisation"]),
                    CompanyProfile(needs=["advice", "digitalisation"], instruments_wished=["grant"])):
        money, support = split_lanes([advice, grant], profile)
        assert [x.prog.id for x in money] == ["berlin-innovation-grant"] and support == [advice]


def test_training_stays_in_its_lane_for_a_skills_need_and_support_fills_in_when_no_money_fits():
    training = _scored(_prog(id="course-x", instruments=["training"]), 0.7)
    grant = _scored(_prog(), 0.5)
    money, support = split_lanes([training, grant], CompanyProfile(needs=["skills"]))
    assert [x.prog.id for x in money] == ["berlin-innovation-grant"] and support == [training]
    grant = _scored(_prog(), 0.5, overall="ineligible")
    money, support = split_lanes([training, grant], CompanyProfile(needs=["rnd"]))
    assert [x.prog.id for x in money] == ["course-x", "berlin-innovation-grant"] and support == []


def test_the_support_lane_shows_offers_that_serve_a_stated_need():
    succession = _prog(id="succession-office", instruments=["advice"], needs=["succession", "advice"])
    energy = _prog(id="energy-advice", instruments=["advice"], needs=["energy_resources", "advice"])
    profile = CompanyProfile(needs=["energy_resources"], topics=["energy-efficiency"])
    items = [Scored(p, 0.5, "eligible", "rolling", programme_features(p, profile, 0.5, "eligible", "rolling"))
             for p in (succession, energy)]
    assert [x.prog.id for x in fitting_support(items)] == ["energy-advice"]
    # nothing stated: every offer may fit
    items = [Scored(p, 0.5, "eligible", "rolling", programme_features(p, CompanyProfile(), 0.5, "eligible", "rolling"))
             for p in (succession, energy)]
    assert len(fitting_support(items)) == 2


def test_support_offers_of_a_field_the_company_did_not_name_come_last():
    am_course = _prog(id="am-course", instruments=["training"], needs=["skills"], topics=["additive-manufacturing", "skills"])
    chamber = _prog(id="chamber-advice", instruments=["advice"], needs=["skills", "advice"], topics=["skills", "advice"])
    profile = CompanyProfile(needs=["skills"], topics=["production", "skills"])
    items = [Scored(p, s, "eligible", "rolling", programme_features(p, profile, s, "eligible", "rolling"))
             for p, s in ((am_course, 0.9), (chamber, 0.5))]
    assert [x.prog.id for x in fitting_support(items)] == ["chamber-advice", "am-course"]
    # the company works with additive manufacturing: the course is in its field and keeps its place
    profile = CompanyProfile(needs=["skills"], topics=["additive-manufacturing", "skills"])
    items = [Scored(p, s, "eligible", "rolling", programme_features(p, profile, s, "eligible", "rolling"))
             for p, s in ((am_course, 0.9), (chamber, 0.5))]
    assert [x.prog.id for x in fitting_support(items)] == ["am-course", "chamber-advice"]


# ---------------------------------------------------------------- scope

@pytest.mark.parametrize("text", ["Schreib mir ein Gedicht zum Geburtstag", "What's the weather tomorrow?"])
def test_no_funding_signal_in_unrelated_requests(text):
    assert not funding_signal(text, CompanyProfile(), set())


@pytest.mark.parametrize("text", ["Gibt es Zuschüsse für uns?", "We need a loan", "Unser Betrieb hat 6 Leute"])
def test_funding_or_company_words_are_a_signal(text):
    assert funding_signal(text, CompanyProfile(), set())


def test_a_named_programme_or_a_stated_fact_is_a_signal():
    assert funding_signal("Pro FIT?", CompanyProfile(), {"pro-fit-projektfinanzierung"})
    assert funding_signal("in Berlin", CompanyProfile(in_berlin=True), set())


# ---------------------------------------------------------------- features

def test_first_choice_counts_for_the_main_need_and_the_named_groups():
    p = _prog(first_choice=[{"need": "rnd", "groups": ["kmu"], "reason_de": "Hauptprogramm für FuE von KMU",
                             "reason_en": "main R&D programme for SMEs", "source": SRC}])
    assert first_choice_match(p, CompanyProfile(needs=["rnd"], size_class="small")) == 1.0
    assert first_choice_match(p, CompanyProfile(needs=["investment", "rnd"], size_class="small")) == 0.6
    assert first_choice_match(p, CompanyProfile(needs=["rnd"], size_class="large")) == 0.0
    assert first_choice_match(p, CompanyProfile(needs=["investment"], size_class="small")) == 0.0
    assert first_choice_match(p, CompanyProfile(needs=["rnd"])) == 1.0  # size unknown: not excluded
    assert first_choice_match(p, CompanyProfile(needs=["rnd"]), known_group=True) == 0.0  # ... but not known


def test_a_first_choice_with_needs_holds_only_when_the_company_states_one_of_them():
    """A technology start-up programme is the first answer for a start-up's founding only when the company
    also develops something (R&D), not for a café's founding."""
    p = _prog(first_choice=[{"need": "founding", "groups": ["startup"], "with_needs": ["rnd"],
                             "reason_de": "Anlaufkosten junger Technologie-Start-ups",
                             "reason_en": "start-up costs of young technology companies", "source": SRC}])
    assert first_choice_match(p, CompanyProfile(needs=["founding"], stage="startup")) == 0.0
    assert first_choice_match(p, CompanyProfile(needs=["founding", "rnd"], stage="startup")) == 1.0


def test_a_field_role_holds_only_in_its_field_and_is_shown_but_not_ranked():
    """A hydrogen partnership is the first answer for hydrogen R&D, not for every R&D project; the role
    returned is the one for the company's earliest need. A role limited to topics explains the card but adds
    nothing to the rank (the topic feature already counts the field)."""
    p = _prog(first_choice=[
        {"need": "rnd", "topics": ["hydrogen"], "reason_de": "EU-Partnerschaft für Wasserstoff-FuE",
         "reason_en": "EU partnership for hydrogen R&D", "source": SRC},
        {"need": "partners", "reason_de": "Konsortien für Wasserstoffprojekte",
         "reason_en": "consortia for hydrogen projects", "source": SRC}])
    assert first_choice_role(p, CompanyProfile(needs=["rnd"], topics=["robotics"])) is None
    assert first_choice_role(p, CompanyProfile(needs=["rnd"], topics=["robotics", "hydrogen"])).need == "rnd"
    assert first_choice_role(p, CompanyProfile(needs=["partners", "rnd"], topics=["hydrogen"])).need == "partners"
    assert first_choice_role(p, CompanyProfile(needs=["rnd", "partners"], topics=["hydrogen"])).need == "rnd"
    assert first_choice_match(p, CompanyProfile(needs=["rnd"], topics=["hydrogen"])) == 0.0
    assert first_choice_match(p, CompanyProfile(needs=["rnd", "partners"], topics=["hydrogen"])) == 0.6


def test_a_role_with_facts_needs_the_text_to_state_them():
    """An EU partnership's call needs a consortium: the role holds only when the text says there is one."""
    p = _prog(first_choice=[{"need": "rnd", "with_facts": ["consortium"], "reason_de": "Verbundprojekte in Europa",
                             "reason_en": "European collaborative projects", "source": SRC}])
    assert first_choice_match(p, CompanyProfile(needs=["rnd"])) == 0.0
    assert first_choice_match(p, CompanyProfile(needs=["rnd"], facts={"consortium": False})) == 0.0
    assert first_choice_match(p, CompanyProfile(needs=["rnd"], facts={"consortium": True})) == 1.0


def _lift_case(first_choice_status: str = "rolling", size_class: str | None = "small"):
    fc = [{"need": "rnd", "groups": ["kmu"], "reason_de": "Hauptprogramm für FuE von KMU",
           "reason_en": "Main R&D programme for SMEs", "source": SRC}]
    items = [_scored(_prog(id=f"p{i}"), 1.0 - i / 10) for i in range(7)]
    workhorse = _scored(_prog(id="workhorse", first_choice=fc), 0.2, status=first_choice_status)
    workhorse.features = {"first_choice": 1.0}  # as the score stage sets it
    items.append(workhorse)
    st = SimpleNamespace(ranked=items, profile=CompanyProfile(needs=["rnd"], size_class=size_class))
    return [x.prog.id for x in first_answers_up(st, None).ranked]


def test_a_first_answer_for_the_main_need_is_lifted_to_the_first_screen():
    assert _lift_case()[:5] == ["p0", "p1", "p2", "p3", "workhorse"]
    assert _lift_case()[5:] == ["p4", "p5", "p6"]
    # not when it is merely planned, or when the company's group is unknown
    assert _lift_case(first_choice_status="planned")[4] == "p4"
    assert _lift_case(size_class=None)[4] == "p4"


def test_linear_scorer_adds_bonuses_and_subtracts_penalties():
    w = Weights()
    s = LinearScorer(w)
    assert s({"retrieval": 1.0}) == pytest.approx(w.retrieval)
    assert s({"retrieval": 1.0, "first_choice": 1.0}) == pytest.approx(w.retrieval + w.first_choice_bonus)
    assert s({"retrieval": 1.0, "planned": 1.0}) == pytest.approx(w.retrieval - w.planned_penalty)


def test_example_affinity_is_relative_to_the_neighbours():
    best = {"a": 0.62, "b": 0.55, "c": 0.41, "d": 0.40, "e": 0.39}
    aff = example_affinity(best, k=3)
    assert aff["a"] == 1.0 and 0 < aff["b"] < 1 and "d" not in aff and "e" not in aff
    # a uniform shift of every similarity (the cosine floor) changes nothing
    assert example_affinity({k: v + 0.2 for k, v in best.items()}, k=3) == pytest.approx(aff)
    assert example_affinity({}) == {}


def test_hybrid_affinity_averages_dense_and_lexical_closeness():
    dense = {"a": 0.62, "b": 0.55, "c": 0.41, "d": 0.40}
    lexical = {"b": 9.0, "c": 2.0}
    aff = hybrid_affinity(dense, lexical)
    d, lx = example_affinity(dense), example_affinity({"b": 1.0, "c": 2 / 9})
    assert aff["a"] == pytest.approx(0.5 * d["a"])           # close in meaning only
    assert aff["b"] == pytest.approx(0.5 * d["b"] + 0.5 * lx["b"])
    assert aff["b"] > aff["a"]                                # close in meaning and in words wins
    # one side missing (no vector index, or no word in common): the other alone, not halved
    assert hybrid_affinity(None, lexical) == pytest.approx(example_affinity({"b": 1.0, "c": 2 / 9}))
    assert hybrid_affinity(dense, {}) == pytest.approx(d)
    assert hybrid_affinity(None, None) == {}


def test_features_keep_the_example_and_typical_project_similarity():
    f = programme_features(_prog(), CompanyProfile(needs=["rnd"]), 0.4, "eligible", "rolling", example=0.7,
                           typical=0.6)
    assert f["example"] == 0.7 and f["typical"] == 0.6 and f["eligible"] == 1.0 and f["need"] == 1.0
    w = Weights()
    assert LinearScorer(w)({"retrieval": 0.0, "typical": 1.0}) == pytest.approx(w.typical)


def test_a_close_typical_project_or_funded_example_is_a_stated_reason():
    from matcher.answer import programme_reasons

    p = CompanyProfile()
    assert programme_reasons({"typical": 0.8}, [], [], p, ["grant"], [], "de", {}) == [
        "Nah an den typischen Vorhaben, die dieses Programm fördert"]
    assert programme_reasons({"example": 0.9, "typical": 0.8}, [], [], p, ["grant"], [], "en", {}) == [
        "Close to a project this programme has funded"]
    assert "typischen" not in " ".join(programme_reasons({"typical": 0.2}, [], [], p, ["grant"], [], "de", {}))


# ---------------------------------------------------------------- fact checks

def _grw_like() -> Programme:
    el = yaml.safe_load((FIX / "programmes" / "berlin-innovation-grant.yaml").read_text())["eligibility"]
    el["checks"] = [
        {"fact": "supraregional_sales", "text_de": "Überwiegend überregionaler Absatz",
         "text_en": "Mainly supra-regional sales", "question_de": "Verkaufen Sie überwiegend außerhalb Berlins?",
         "question_en": "Do you sell mainly outside Berlin?"},
        {"fact": "new_activity", "only_for": ["large"], "text_de": "Große Unternehmen: nur neue Tätigkeit",
         "text_en": "Large companies: new activity only", "question_de": "Ist es eine neue Tätigkeit?",
         "question_en": "Is it a new activity?"},
    ]
    return _prog(eligibility=el)


def test_an_unknown_deciding_fact_is_asked_and_makes_the_verdict_uncertain():
    p = CompanyProfile(org_type="company", employees=6, size_class="micro", in_berlin=True)
    crits = elig.check(_grw_like(), p)
    fact = [c for c in crits if c.rule == "fact:supraregional_sales"][0]
    assert fact.verdict == "unknown" and fact.question.startswith("Verkaufen Sie")
    assert not any(c.rule == "fact:new_activity" for c in crits)  # only for large companies
    assert elig.overall(crits) == "uncertain"
    assert "Verkaufen Sie überwiegend außerhalb Berlins?" in elig.follow_up_questions([crits], p, "de")


def test_a_stated_fact_decides():
    base = dict(org_type="company", employees=6, size_class="micro", in_berlin=True)
    yes = elig.check(_grw_like(), CompanyProfile(**base, facts={"supraregional_sales": True}))
    no = elig.check(_grw_like(), CompanyProfile(**base, facts={"supraregional_sales": False}))
    assert elig.overall(yes) == "eligible" and elig.overall(no) == "ineligible"


def test_a_condition_for_large_companies_is_asked_of_a_large_one():
    p = CompanyProfile(org_type="company", employees=300, size_class="large", in_berlin=True,
                       facts={"supraregional_sales": True})
    crits = elig.check(_grw_like(), p, "en")
    assert [c.verdict for c in crits if c.rule == "fact:new_activity"] == ["unknown"]


# ---------------------------------------------------------------- ecosystem

def _eco_corpus():
    src = [{"title": "MPI-Bericht", "section": "Tabelle 1", "kind": "report"}]
    common = dict(topics=["recycling"], summary_de="Ein Kompetenzzentrum zur Kreislaufwirtschaft in Berlin.",
                  summary_en="A competence centre for the circular economy in Berlin.", offer_de="Beratung und Netzwerk",
                  offer_en="Advice and network", sources=src, as_of="2026-11-01")
    proj = Project(id="mpi-hub", name="Circular Hub", status="running", fields_of_action=["innovation"], **common)
    actor = Actor(id="hub-actor", name="Circular Hub e.V.", actor_kind="network", for_whom_de="KMU",
                  for_whom_en="SMEs", same_as=["mpi-hub"], **common)
    other = Actor(id="other-actor", name="Other network", actor_kind="network", for_whom_de="KMU",
                  for_whom_en="SMEs", **common)
    return SimpleNamespace(corpus=SimpleNamespace(projects=[proj], actors=[actor, other], topics=[]))


def test_the_same_offer_is_shown_once_under_one_kind():
    eng = _eco_corpus()
    hits = rank_ecosystem(eng, {"mpi-hub": 0.9, "hub-actor": 0.95, "other-actor": 0.5},
                          CompanyProfile(topics=["recycling"]), [], "de")
    ids = [h.id for h in hits]
    assert "other-actor" in ids
    assert len({"mpi-hub", "hub-actor"} & set(ids)) == 1


def test_requests_like_the_company_s_lift_an_offer_in_the_ecosystem_lane():
    eng = _eco_corpus()
    fused = {"mpi-hub": 0.5, "other-actor": 0.6}
    plain = [h.id for h in rank_ecosystem(eng, fused, CompanyProfile(topics=["recycling"]), [], "de")]
    lifted = [h.id for h in rank_ecosystem(eng, fused, CompanyProfile(topics=["recycling"]), [], "de",
                                           typical={"mpi-hub": 1.0})]
    assert plain.index("other-actor") < plain.index("mpi-hub")
    assert lifted.index("mpi-hub") < lifted.index("other-actor")
    # close requests alone admit an offer that shares no topic and is not close in its description
    far = rank_ecosystem(eng, {"other-actor": 0.1, "mpi-hub": 1.0}, CompanyProfile(topics=["ai"]), [], "de",
                         typical={"other-actor": 0.9})
    assert "other-actor" in [h.id for h in far]
    # closeness of the description alone admits nothing
    near_only = rank_ecosystem(eng, {"other-actor": 1.0, "mpi-hub": 1.0}, CompanyProfile(topics=["succession"]), [], "de")
    assert near_only == []


def test_the_first_contact_for_a_field_is_lifted_with_its_mandate_as_reason():
    from matcher.models import FirstContact, Source

    eng = _eco_corpus()
    other = eng.corpus.actors[1]
    eng.corpus.actors[1] = other.model_copy(update={"first_contact": FirstContact(
        topics=["recycling"], reason_de="Zentrale Anlaufstelle für Recycling in Berlin.",
        reason_en="Berlin's central contact point for recycling.", source=Source(**other.sources[0].model_dump()))})
    fused = {"mpi-hub": 0.9, "other-actor": 0.5}
    hits = rank_ecosystem(eng, fused, CompanyProfile(topics=["recycling"]), [], "de")
    assert hits[0].id == "other-actor" and hits[0].why == "Zentrale Anlaufstelle für Recycling in Berlin."
    # for a company in another field the mandate does not count
    hits = rank_ecosystem(eng, fused, CompanyProfile(topics=["recycling", "ai"]), [], "en")
    assert hits[0].why == "Berlin's central contact point for recycling."
    plain = rank_ecosystem(eng, fused, CompanyProfile(topics=["ai", "robotics"]), [], "de")
    assert all(h.why != "Zentrale Anlaufstelle für Recycling in Berlin." for h in plain)


def test_an_eu_call_on_the_shortlist_makes_the_eu_advice_point_a_first_contact():
    from matcher.models import FirstContact, Source

    eng = _eco_corpus()
    other = eng.corpus.actors[1]
    eng.corpus.actors[1] = other.model_copy(update={"first_contact": FirstContact(
        levels=["eu"], reason_de="Berät zu EU-Förderprogrammen.", reason_en="Advises on EU funding.",
        source=Source(**other.sources[0].model_dump()))})
    fused = {"mpi-hub": 0.9, "other-actor": 0.6}
    company = CompanyProfile(topics=["recycling"])
    with_eu = rank_ecosystem(eng, fused, company, ["berlin-grant", "eu-call"], "de", shown_levels=["berlin", "eu"])
    assert with_eu[0].id == "other-actor" and with_eu[0].why == "Berät zu EU-Förderprogrammen."
    without = rank_ecosystem(eng, fused, company, ["berlin-grant"], "de", shown_levels=["berlin"])
    assert without[0].id != "other-actor"


def test_a_site_s_management_is_the_first_contact_for_companies_on_the_site():
    from matcher.ecosystem import first_contact_for
    from matcher.models import FirstContact, Source

    src = Source(title="WISTA", url="https://example.org/wista", kind="official")
    park = SimpleNamespace(first_contact=FirstContact(places=["Adlershof", "WISTA"], reason_de="Betreibt den Park.",
                                                      reason_en="Runs the park.", source=src))
    assert first_contact_for(park, CompanyProfile(places=["Adlershof"])) == ["Adlershof"]
    assert first_contact_for(park, CompanyProfile(places=["Spandau"])) == []


def test_a_first_contact_names_a_field_or_a_level():
    from pydantic import ValidationError

    from matcher.models import FirstContact, Source

    src = Source(title="EEN page", url="https://example.org/een", kind="official")
    assert FirstContact(levels=["eu"], reason_de="Berät zu EU-Programmen.", reason_en="Advises on EU funding.", source=src)
    assert FirstContact(needs=["internationalisation"], reason_de="Berät beim Schritt ins Ausland.",
                        reason_en="Advises on going abroad.", source=src)
    assert FirstContact(facts=["planned_berlin_site"], reason_de="Begleitet Ansiedlungen in Berlin.",
                        reason_en="Helps companies settle in Berlin.", source=src)
    with pytest.raises(ValidationError, match="topics, levels, needs, facts, org_types or places"):
        FirstContact(reason_de="Berät zu allem.", reason_en="Advises on anything.", source=src)


def test_a_contact_by_mandate_gives_its_reason_to_the_same_offer_and_only_when_the_mandate_fits():
    from matcher.ecosystem import asked_with_shown, mandate_reasons
    from matcher.models import FirstContact, Source

    src = Source(title="BIS", url="https://example.org/bis", kind="official")
    bp = SimpleNamespace(id="bp-actor", same_as=["bp-support"], first_contact=FirstContact(
        facts=["staff_from_abroad"], reason_de="Berät zu Visum.", reason_en="Advises on visas.", source=src))
    een = SimpleNamespace(id="een", same_as=[], first_contact=FirstContact(
        levels=["eu"], reason_de="EU-Beratung.", reason_en="EU advice.", source=src))
    recs = [bp, een]
    assert mandate_reasons(recs, CompanyProfile(facts={"staff_from_abroad": True}), "en") == {
        "bp-actor": "Advises on visas.", "bp-support": "Advises on visas."}
    assert mandate_reasons(recs, CompanyProfile(facts={"staff_from_abroad": False}), "de") == {}
    # an EU call among the first programmes makes the EU advice point a contact by mandate
    assert mandate_reasons(recs, asked_with_shown(CompanyProfile(), ["berlin", "eu"]), "de") == {"een": "EU-Beratung."}
    assert mandate_reasons(recs, asked_with_shown(CompanyProfile(), ["berlin"]), "de") == {}


def test_a_first_contact_counts_for_a_need_or_a_fact_however_the_company_words_its_field():
    from matcher.ecosystem import first_contact_for
    from matcher.models import FirstContact, Source

    src = Source(title="KEK FAQ", url="https://example.org/kek", kind="official")
    fc = FirstContact(topics=["energy-efficiency"], needs=["energy_resources"], facts=["planned_berlin_site"],
                      reason_de="Zentrale Anlaufstelle.", reason_en="Central contact point.", source=src)
    rec = SimpleNamespace(first_contact=fc)
    assert first_contact_for(rec, CompanyProfile(needs=["energy_resources"])) == ["energy_resources"]
    assert first_contact_for(rec, CompanyProfile(facts={"planned_berlin_site": True})) == ["planned_berlin_site"]
    assert first_contact_for(rec, CompanyProfile(facts={"planned_berlin_site": False}, needs=["rnd"])) == []
    assert first_contact_for(SimpleNamespace(first_contact=None), CompanyProfile(needs=["energy_resources"])) == []
    office = SimpleNamespace(first_contact=FirstContact(
        org_types=["association", "research"], reason_de="Ansprechstelle für Vereine.",
        reason_en="Contact for associations.", source=src))
    assert first_contact_for(office, CompanyProfile(org_type="association")) == ["association"]
    assert first_contact_for(office, CompanyProfile(org_type="company")) == []
    assert first_contact_for(office, CompanyProfile()) == []


def test_a_contact_with_several_mandates_gives_the_reason_of_the_one_that_fits():
    from matcher.ecosystem import first_contact_for, first_contact_role
    from matcher.models import Actor, FirstContact, Source

    src = Source(title="Agency page", url="https://example.org/agency", kind="official")
    settle = FirstContact(facts=["planned_berlin_site"], reason_de="Erste Adresse für Ansiedlungen.",
                          reason_en="First address for settling.", source=src)
    visa = FirstContact(facts=["staff_from_abroad"], reason_de="Berät zu Visa ausländischer Fachkräfte.",
                        reason_en="Advises on visas for staff from abroad.", source=src)
    rec = SimpleNamespace(first_contact=[settle, visa])
    hiring = CompanyProfile(facts={"staff_from_abroad": True})
    assert first_contact_for(rec, hiring) == ["staff_from_abroad"]
    assert first_contact_role(rec, hiring) is visa
    both = CompanyProfile(facts={"staff_from_abroad": True, "planned_berlin_site": True})
    assert first_contact_role(rec, both) is settle  # the first listed mandate that fits
    assert first_contact_role(rec, CompanyProfile(needs=["rnd"])) is None
    # a single mapping in the YAML is one role
    actor = Actor.model_validate({
        "id": "test-agency", "name": "Test Agency", "actor_kind": "agency", "topics": ["networking"],
        "summary_de": "Eine Agentur, die Unternehmen in Berlin berät und vernetzt.",
        "summary_en": "An agency that advises and connects companies in Berlin.",
        "offer_de": "Beratung und Vernetzung", "offer_en": "Advice and contacts", "for_whom_de": "Unternehmen",
        "for_whom_en": "Companies",
        "sources": [src.model_dump()], "as_of": "2026-12-01",
        "first_contact": settle.model_dump()})
    assert actor.first_contact == [settle]


def test_a_project_that_finds_the_project_places_full_leaves_its_offer_to_its_contact_record():
    from matcher.ecosystem import MAX_PROJECTS, choose_offers

    def rec(i, kind, same=()):
        return SimpleNamespace(id=i, kind=kind, same_as=list(same))

    projects = [rec(f"p{n}", "project") for n in range(MAX_PROJECTS)]
    late = rec("p-kek", "project", ["a-kek"])
    contact = rec("a-kek", "actor", ["p-kek"])
    scored = [(1.0 - n / 10, r) for n, r in enumerate([*projects, late, contact, rec("a-other", "actor")])]
    ids = [r.id for _, r in choose_offers(scored, set(), 5)]
    assert ids == ["p0", "p1", "p2", "a-kek", "a-other"]
    # an offer shown in another lane is not shown again, under either kind
    assert "a-kek" not in [r.id for _, r in choose_offers(scored, {"p-kek"}, 5)]


def test_a_company_asking_for_eu_programmes_is_pointed_to_the_een(real_engine):
    from matcher.api import match

    r = match("Which EU programmes can we use for digitalisation? We are a printing company in Marienfelde with 90 "
              "employees and want to connect our machines to an MES.", engine=real_engine)
    shown = [h.id for h in r.projects] + [h.id for h in r.support]
    assert {"een-berlin-brandenburg", "enterprise-europe-network-berlin-brandenburg"} & set(shown)


def test_the_kek_is_the_first_contact_of_a_company_that_wants_to_save_energy(real_engine):
    from matcher.api import match

    r = match("Wir sind ein Metallbetrieb in Reinickendorf mit 60 Mitarbeitenden und wollen unseren Energieverbrauch "
              "senken, die Druckluft und die Hallenheizung sind alt. Wer berät uns, was gibt es an Förderung?",
              engine=real_engine)
    shown = [h.id for h in r.projects] + [h.id for h in r.support]
    assert {"kek-berlin", "mpi-kek-koordinierungsstelle", "kek-energieeffizienz-beratung"} & set(shown)
    kek = [h for h in r.projects if h.id in ("kek-berlin", "mpi-kek-koordinierungsstelle")]
    assert not kek or "Anlaufstelle" in kek[0].why


def test_a_company_recruiting_abroad_is_pointed_to_the_business_immigration_service(real_engine):
    from matcher.api import match

    r = match("Wir sind eine Fahrradmanufaktur in Kreuzberg mit 20 Leuten und finden keine Zweiradmechatroniker. Jetzt "
              "überlegen wir, Fachkräfte aus dem Ausland zu holen. Wer hilft uns bei Anerkennung und Visum?",
              engine=real_engine)
    # as the contact, or as the same offer in the support lane or among the programmes (advice was asked for),
    # with the service as its first reason
    bp = ([h.why for h in r.projects if h.id == "berlin-partner-wirtschaft-technologie"]
          + [h.reasons[0] for h in [*r.support, *r.programmes] if h.id == "berlin-partner" and h.reasons])
    assert bp and "Business Immigration Service" in bp[0]


def test_a_plant_replacing_its_compressors_is_pointed_to_the_kek_without_naming_energy(real_engine):
    from matcher.api import match

    r = match("Client notes: CNC parts maker in Marzahn, ~60 FTE. Plans two machining centres (EUR 1.3m). Separately: "
              "compressed-air system ~20 yrs old, wants to replace the compressors.", engine=real_engine)
    shown = [h.id for h in r.projects] + [h.id for h in r.support]
    assert {"kek-berlin", "mpi-kek-koordinierungsstelle", "kek-energieeffizienz-beratung"} & set(shown)


def test_a_company_moving_to_berlin_is_pointed_to_berlin_partner(real_engine):
    from matcher.api import match

    r = match("We are a software company from Hamburg with 25 people and plan to move our headquarters to Berlin next "
              "year. Which support is there for the move and for hiring?", engine=real_engine)
    assert r.profile.facts.get("planned_berlin_site") is True
    shown = [h.id for h in r.projects] + [h.id for h in r.support]
    assert {"berlin-partner-wirtschaft-technologie", "berlin-partner"} & set(shown)
    bp = [h for h in r.projects if h.id == "berlin-partner-wirtschaft-technologie"]
    assert not bp or "settling in Berlin" in bp[0].why


# ---------------------------------------------------------------- pipelines by name

def test_unknown_pipeline_names_list_the_valid_ones():
    with pytest.raises(ValueError) as ex:
        select_pipeline("magic")
    assert "full" in str(ex.value) and "hybrid+rules" in str(ex.value)


def test_every_named_pipeline_runs(engine):
    from matcher.api import match

    text = "Wir recyceln Kunststoff in Berlin, 40 Mitarbeitende, und wollen eine Sortieranlage entwickeln"
    for name in PIPELINES:
        res = match(text, pipeline=name, top_k=3)
        assert res.programmes, name
    full = match(text)
    assert full.programmes[0].id == "berlin-innovation-grant"
    assert "score" in full.timings_ms and "money_and_support_lanes" in full.timings_ms


def test_an_open_question_does_not_lower_the_rank_verdict_but_a_no_excludes():
    from matcher.models import Criterion

    open_q = Criterion(rule="fact:project_not_started", verdict="unknown", reason="offen")
    ok = Criterion(rule="location", verdict="fulfilled", reason="Berlin")
    assert elig.overall([ok, open_q]) == "uncertain"
    assert elig.overall_for_ranking([ok, open_q]) == "eligible"
    no = Criterion(rule="fact:project_not_started", verdict="violated", reason="begonnen")
    assert elig.overall_for_ranking([ok, no]) == "ineligible"
    # a size or age limit the company did not state is asked, not counted against the rank; other open rules are
    size_unknown = Criterion(rule="employees", verdict="unknown", reason="?")
    age_unknown = Criterion(rule="company_age", verdict="unknown", reason="?")
    assert elig.overall([ok, size_unknown]) == "uncertain"
    assert elig.overall_for_ranking([ok, size_unknown, age_unknown]) == "eligible"
    partner_unknown = Criterion(rule="partner", verdict="unknown", reason="?")
    assert elig.overall_for_ranking([ok, partner_unknown]) == "uncertain"
    assert elig.overall_for_ranking([ok, Criterion(rule="employees", verdict="violated", reason="2.000")]) == "ineligible"
    # a selective condition (few meet it, and those say so) left open does lower the rank verdict
    ets = Criterion(rule="fact:emissions_intensive", verdict="unknown", reason="offen")
    assert elig.overall_for_ranking([ok, ets]) == "eligible"
    assert elig.overall_for_ranking([ok, ets], {"emissions_intensive"}) == "uncertain"
    assert elig.overall_for_ranking([ok, open_q], {"emissions_intensive"}) == "eligible"


def test_the_shipped_selective_conditions_lower_only_the_rank_of_their_programme(real_engine):
    """Klimaschutzverträge for a bakery that mentions no emissions-trading plant: still shown as a possibility
    (its verdict stays 'uncertain' with the question), but it no longer counts as eligible for the ranking;
    a cement works that says it is in emissions trading keeps it."""
    import datetime as dt

    from matcher.api import read_profile
    from matcher.pipeline import judge_eligibility

    def verdicts(text: str) -> tuple[str, str]:
        st = judge_eligibility(read_profile(text, real_engine, dt.date(2026, 11, 30)), real_engine)
        x = next(x for x in st.candidates if x.prog.id == "klimaschutzvertraege")
        return x.overall, x.rank_overall

    assert verdicts("Bäckerei in Berlin, 20 MA, wir wollen CO2 sparen") == ("uncertain", "uncertain")
    cement = "Zementwerk in Brandenburg im EU-Emissionshandel, 300 MA, wir wollen auf CO2-arme Klinkerproduktion umstellen"
    # the bid must come before the project starts: left open, that is a question, which does not lower the rank
    assert verdicts(cement) == ("uncertain", "eligible")
    assert verdicts(cement + "; begonnen haben wir noch nicht") == ("eligible", "eligible")


def test_co_investment_funds_and_short_time_work_need_their_deciding_fact(real_engine):
    """A metal shop buying a laser cutter mentions no co-investor and no loss of work: the DeepTech & Climate Fonds
    and Kurzarbeitergeld stay possible (with their questions) but leave the first screen; a start-up whose lead
    investor stands gets the co-investment funds as eligible."""
    from matcher.api import match

    shop = match("we r a small metal shop in wedding w/ 12 ppl, need money for new laser cutter", top_k=5,
                 engine=real_engine)
    assert not {"deeptech-climate-fonds", "kurzarbeitergeld"} & {h.id for h in shop.programmes}
    text = ("Robotik-Startup aus Berlin, 4 Jahre alt, 25 MA. Wir sammeln gerade eine Series A ein, "
            "Lead-Investor steht. Gibt es öffentliche Co-Investoren?")
    series_a = match(text + " Wir sind kurz vor dem Break-even.", top_k=5, engine=real_engine)
    shown = {h.id: h.eligibility for h in series_a.programmes}
    assert shown.get("coparion") == "eligible" and shown.get("berlininnogrowth-big") == "eligible"
    # BerlinInnoGrowth also needs a company close to break-even: unsaid, it is asked
    unsaid = match(text, top_k=10, engine=real_engine)
    big = next(h for h in unsaid.programmes if h.id == "berlininnogrowth-big")
    assert big.eligibility == "uncertain"
    assert any(c.rule == "fact:near_break_even" and c.verdict == "unknown" for c in big.criteria)


def test_hubs_are_projects_companies_can_turn_to():
    from matcher.ecosystem import is_hub

    eng = _eco_corpus()
    hub = eng.corpus.projects[0]
    assert not is_hub(hub.model_copy(update={"fields_of_action": ["innovation"], "topics": ["recycling"]}))
    assert is_hub(hub.model_copy(update={"fields_of_action": ["kompetenzen"]}))
    assert is_hub(hub.model_copy(update={"fields_of_action": ["innovation"], "topics": ["advice"]}))


def test_an_umbrella_fund_is_shown_only_when_named_and_then_says_where_to_apply(real_engine):
    from matcher.api import match

    plain = match("Berliner Maschinenbauer, 40 MA: wir suchen Förderung für ein Forschungsprojekt.", top_k=10,
                  engine=real_engine)
    assert "efre-berlin" not in [h.id for h in plain.programmes]
    named = match("Berliner Maschinenbauer, 40 MA: wir wollen EU-Regionalförderung (EFRE) für Forschung nutzen.",
                  top_k=10, engine=real_engine)
    hit = next(h for h in named.programmes if h.id == "efre-berlin")
    assert hit.reasons[0].startswith("Kein eigener Antrag – Zugang über: Pro FIT")


def test_the_master_craftsman_grant_is_a_first_answer_only_for_a_craft_founder(real_engine):
    from matcher.api import match
    researchers = match("Three of us are postdocs at Charité and want to spin out our wearable patch as a company in "
                        "2027; nothing is incorporated yet. What funding can we get?", engine=real_engine)
    craft = match("Ich mache mich als Elektriker selbstständig und brauche einen Transporter und Werkzeug.", engine=real_engine)
    assert "meistergruendungspraemie-berlin" not in [h.id for h in researchers.programmes[:3]]
    assert "meistergruendungspraemie-berlin" in [h.id for h in craft.programmes[:3]]


def test_only_eu_funding_wanted_keeps_eu_programmes_and_their_advice_offers(real_engine):
    from matcher.api import match
    r = match("Which EU programmes can we use for digitalisation? Printing company in Marienfelde, 90 employees, MES and "
              "AI camera inspection. We're only interested in EU funding.", engine=real_engine)
    by_id = {p.id: p for p in real_engine.corpus.programmes}
    shown = [h.id for h in r.programmes] + [h.id for h in r.support]
    assert shown and all(by_id[i].level == "eu" or "eu" in by_id[i].advises_on_levels for i in shown)
    # without "only" the EU level is a wish, not a filter: EU programmes come first, other offers stay
    plain = match("Which EU programmes can we use for digitalisation? Printing company in Marienfelde, 90 employees.",
                  engine=real_engine, top_k=20)
    assert by_id[plain.programmes[0].id].level == "eu"
    others = [h.id for h in [*plain.programmes, *plain.support]
              if by_id[h.id].level != "eu" and "eu" not in by_id[h.id].advises_on_levels]
    assert others


def test_a_programme_family_named_by_its_acronym_is_said_on_the_cards(real_engine):
    from matcher.api import match

    r = match("Berlin food-tech start-up, founded 2022, 14 people, we want to build a pilot plant for our "
              "fermentation process. Heard of EIC, is that realistic for us?", engine=real_engine)
    eic = [h for h in r.programmes if h.id.startswith("eic-")]
    assert eic and all("Part of the programme family you asked about" in h.reasons for h in eic)
    assert all("You asked about this programme" not in h.reasons for h in eic)


def test_berlin_start_is_a_first_answer_for_a_young_company_needing_a_loan_and_for_a_successor(real_engine):
    bs = next(p for p in real_engine.corpus.programmes if p.id == "berlin-start")
    young = CompanyProfile(org_type="company", employees=5, size_class="micro", stage="startup", in_berlin=True,
                           needs=["financing"])
    assert first_choice_match(bs, young) == 1.0
    old = young.model_copy(update={"stage": "established"})
    assert first_choice_match(bs, old) == 0.0
    successor = CompanyProfile(org_type="individual", stage="pre_founding", in_berlin=True,
                               needs=["succession", "financing"])
    assert first_choice_match(bs, successor) == 1.0


def test_a_company_from_abroad_is_told_that_its_own_country_s_een_is_its_first_address(real_engine):
    from matcher.api import match

    abroad = match("Hello, we are a Danish SME (Odense, 55 employees) developing robots for hospital logistics and are "
                   "looking for an R&D partner in Berlin. We have no entity in Germany.", engine=real_engine)
    een = next(h for h in abroad.projects if h.id == "een-berlin-brandenburg")
    assert "your own country" in een.why
    home = match("Wir sind ein Berliner Maschinenbauer mit 40 MA und wollen nach Skandinavien exportieren. Wer hilft "
                 "bei der Partnersuche im Ausland?", engine=real_engine)
    assert home.profile.in_germany is not False
    assert all("eigenen Land" not in h.why for h in home.projects)
    shown = {h.id for h in home.projects} | {h.id for h in home.support} | {h.id for h in home.programmes[:5]}
    assert {"een-berlin-brandenburg", "enterprise-europe-network-berlin-brandenburg"} & shown


def test_a_reason_for_companies_abroad_comes_in_both_languages():
    from pydantic import ValidationError

    from matcher.models import FirstContact, Source

    src = Source(title="EEN page", url="https://example.org/een", kind="official")
    with pytest.raises(ValidationError, match="reason_abroad_de and reason_abroad_en together"):
        FirstContact(levels=["eu"], reason_de="Berät zu EU-Programmen.", reason_en="Advises on EU funding.",
                     reason_abroad_de="Ihr eigenes Land zuerst.", source=src)
