"""The learned ranker (matcher/learned.py): trees exported from scikit-learn, evaluated with numpy, loaded with
clear errors, blended into the score by its own stage."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import yaml

from matcher.learned import (
    INPUT_NAMES,
    RANKER_FILE,
    SUPPORT_INPUT_NAMES,
    SUPPORT_RANKER_FILE,
    RankerError,
    TreeRanker,
    load_ranker,
    ranker_inputs,
    support_inputs,
)
from matcher.models import CompanyProfile, Programme
from matcher.pipeline import LEVEL_REQUEST_WEIGHT, SUPPORT_LANE, make_learned_score, make_learned_support
from matcher.rank import Scored, Weights

FIX = Path(__file__).resolve().parent / "fixtures" / "corpus"


def _prog(name: str) -> Programme:
    return Programme.model_validate(yaml.safe_load((FIX / "programmes" / f"{name}.yaml").read_text(encoding="utf-8")))


def _sklearn_model(seed: int = 0, with_missing: bool = True):
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(seed)
    x = rng.random((600, len(INPUT_NAMES)))
    y = ((x[:, 0] + 0.5 * x[:, 3] - x[:, 20] * x[:, 1]) > 0.6).astype(int)
    if with_missing:
        x[rng.random(x.shape) < 0.05] = np.nan  # learned missing-value directions must be followed too
    return HistGradientBoostingClassifier(max_iter=30, max_depth=4, random_state=0).fit(x, y), x


def test_exported_trees_give_the_same_log_odds_as_scikit_learn():
    from evals.fit import tree_ranker_from_sklearn

    model, x = _sklearn_model()
    r = tree_ranker_from_sklearn(model, blend=0.7, meta={})
    assert np.allclose(r.raw(x), model.decision_function(x), atol=1e-9)
    assert np.allclose(r.predict(x), model.predict_proba(x)[:, 1], atol=1e-9)


def test_a_ranker_file_round_trips_and_wrong_files_get_an_actionable_error(tmp_path):
    from evals.fit import tree_ranker_from_sklearn

    model, x = _sklearn_model(seed=1, with_missing=False)
    r = tree_ranker_from_sklearn(model, blend=0.5, meta={"fitted_on": "2026-12-04"})
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(r.to_dict()), encoding="utf-8")
    back = load_ranker(path)
    assert back.blend == 0.5 and back.meta["fitted_on"] == "2026-12-04"
    assert np.allclose(back.predict(x), r.predict(x), atol=1e-8)

    assert load_ranker(tmp_path / "absent.json") is None  # no file: the hand weights alone
    d = r.to_dict()
    d["inputs"] = d["inputs"][:-1] + ["something_else"]
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(RankerError, match="other inputs.*re-fit"):
        load_ranker(path)
    path.write_text('{"roots": [0], "feature"', encoding="utf-8")
    with pytest.raises(RankerError, match="not a readable ranker.*evals.fit --ranker"):
        load_ranker(path)
    d = r.to_dict()
    d["left"][0] = 10 ** 6
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(RankerError, match="outside"):
        load_ranker(path)
    with pytest.raises(ValueError, match="expected rows of"):
        r.raw(np.zeros((2, 3)))


def test_the_shipped_ranker_fits_the_inputs_this_code_computes_and_beat_the_hand_weights_in_cv():
    r = load_ranker(RANKER_FILE)
    assert r is not None, "matcher/ranker.json is missing: run python -m evals.fit --ranker"
    assert r.names == INPUT_NAMES and 0 < r.blend <= 1 and len(r.roots) > 10
    cv = r.meta["cv_dev"]
    assert cv["ranker"]["ndcg@10"] > cv["hand"]["ndcg@10"]
    p = r.predict(np.zeros((1, len(INPUT_NAMES))))
    assert 0.0 < p[0] < 1.0


def test_inputs_describe_the_candidate_and_the_company():
    prog = _prog("berlin-innovation-grant")
    profile = CompanyProfile(needs=["rnd", "partners"], stage="established", size_class="small", in_berlin=True,
                             instruments_wished=["grant"])
    row = dict(zip(INPUT_NAMES, ranker_inputs({"retrieval": 0.8, "need": 1.0}, prog, profile), strict=True))
    assert len(row) == len(INPUT_NAMES)
    assert row["retrieval"] == 0.8 and row["need"] == 1.0 and row["topic"] == 0.0
    assert row["main_need=rnd"] == 1.0 and row["main_need=partners"] == 0.0 and row["need=partners"] == 1.0
    assert row[f"programme_instrument={prog.instruments[0]}"] == 1.0 and row["wished=grant"] == 1.0
    assert row[f"programme_level={prog.level}"] == 1.0
    assert row["stage=established"] == 1.0 and row["size=small"] == 1.0 and row["size=None"] == 0.0
    assert row["company_needs"] == 2.0 and row["in_berlin"] == 1.0
    # size fit: nothing known about the sum or the staff
    assert row["log10_project_eur"] == 0.0 and row["log10_employees"] == -1.0
    assert row["log10_programme_max_eur"] == pytest.approx(math.log10(400_000)) and row["programme_for=kmu"] == 1.0
    assert row["programme_for=large"] == 0.0 and row["project_above_programme_max"] == 0.0

    big = profile.model_copy(update={"project_eur": 4_000_000, "employees": 99})
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, big), strict=True))
    assert row["log10_project_eur"] == pytest.approx(math.log10(4_000_000)) and row["log10_employees"] == pytest.approx(2.0)
    assert row["log10_project_over_programme_max"] == pytest.approx(1.0) and row["project_above_programme_max"] == 1.0


def test_the_shipped_support_ranker_fits_its_inputs_and_beat_the_hand_lane_in_cv():
    r = load_ranker(SUPPORT_RANKER_FILE, SUPPORT_INPUT_NAMES)
    assert r is not None, "matcher/support_ranker.json is missing: run python -m evals.fit --ranker"
    assert r.names == SUPPORT_INPUT_NAMES and len(r.roots) > 10
    cv = r.meta["cv_dev"]
    assert cv["ranker+support"]["recall@5"] > cv["ranker"]["recall@5"]
    assert cv["ranker+support"]["ndcg@10"] >= cv["ranker"]["ndcg@10"]
    # each ranker file is checked against its own inputs: the programme ranker is no support ranker
    with pytest.raises(RankerError, match="other inputs"):
        load_ranker(RANKER_FILE, SUPPORT_INPUT_NAMES)


def test_support_inputs_tell_a_generic_advice_point_from_an_offer_for_the_company_s_need():
    generic = _prog("berlin-innovation-grant").model_copy(update={
        "id": "funding-advice", "instruments": ["advice"], "needs": ["advice", "financing", "rnd", "investment"]})
    energy = generic.model_copy(update={"id": "energy-advice", "needs": ["energy_resources", "advice"]})
    profile = CompanyProfile(needs=["energy_resources", "investment"])

    def row(prog):
        return dict(zip(SUPPORT_INPUT_NAMES, support_inputs({"retrieval": 0.4, "need": 1.0}, prog, profile), strict=True))

    g, e = row(generic), row(energy)
    assert len(g) == len(SUPPORT_INPUT_NAMES) and g["retrieval"] == 0.4 and g["need"] == 1.0
    assert g["programme_needs"] == 4.0 and e["programme_needs"] == 2.0
    assert g["shared_needs"] == 1.0 and e["shared_needs"] == 1.0
    assert e["serves_main_need"] == 1.0 and e["first_need_is_main_need"] == 1.0 and e["first_need_asked"] == 1.0
    assert g["serves_main_need"] == 0.0 and g["first_need_is_main_need"] == 0.0 and g["first_need_asked"] == 0.0
    assert g["need=energy_resources"] == 1.0 and g["need=rnd"] == 0.0 and g["programme_need=rnd"] == 1.0
    assert e["company_needs"] == 2.0 and e[f"programme_level={energy.level}"] == 1.0
    # no stated needs: nothing is served, nothing breaks
    empty = dict(zip(SUPPORT_INPUT_NAMES, support_inputs({}, energy, CompanyProfile()), strict=True))
    assert empty["serves_main_need"] == 0.0 and empty["company_needs"] == 0.0


class _SupportPrefers:
    """A stand-in support ranker with fixed probabilities per offer id."""

    def __init__(self, p: dict[str, float]):
        self.p = p
        self.ids: list[str] = []

    def predict(self, x):
        assert x.shape == (len(self.ids), len(SUPPORT_INPUT_NAMES))
        return np.asarray([self.p[i] for i in self.ids])


def test_the_support_stage_shows_the_three_offers_the_support_ranker_rates_highest():
    from types import SimpleNamespace

    base = _prog("berlin-innovation-grant")
    pool = [Scored(base.model_copy(update={"id": f"offer-{i}", "instruments": ["advice"]}), 1.0 - i / 10, "eligible",
                   "rolling") for i in range(5)]
    ranker = _SupportPrefers({"offer-0": 0.1, "offer-1": 0.5, "offer-2": 0.2, "offer-3": 0.9, "offer-4": 0.5})
    ranker.ids = [x.prog.id for x in pool]
    state = SimpleNamespace(support_pool=pool, support=pool[:3], profile=CompanyProfile(needs=["advice"]))
    make_learned_support(ranker)(state, None)
    # highest first; equal probabilities keep the ranking's order (offer-1 before offer-4)
    assert [x.prog.id for x in state.support] == ["offer-3", "offer-1", "offer-4"] and SUPPORT_LANE == 3
    empty = SimpleNamespace(support_pool=[], support=[], profile=CompanyProfile())
    assert make_learned_support(ranker)(empty, None).support == []


class _Prefers:
    """A stand-in ranker that is sure about one programme (the stage only needs ``predict`` and ``blend``)."""

    blend = 0.7

    def __init__(self, favourite_row_index: int, n: int):
        self.p = np.full(n, 0.1)
        self.p[favourite_row_index] = 0.9

    def predict(self, x):
        assert x.shape[1] == len(INPUT_NAMES)
        return self.p


def test_the_learned_stage_blends_the_probability_into_the_score_and_keeps_the_features():
    from types import SimpleNamespace

    a, b = _prog("berlin-innovation-grant"), _prog("bund-investment-loan")
    xs = [Scored(a, 1.0, "eligible", "rolling", features={"retrieval": 1.0}),
          Scored(b, 0.5, "eligible", "rolling", features={"retrieval": 0.5})]
    state = SimpleNamespace(candidates=xs, profile=CompanyProfile(needs=["investment"]), need_probs=None, case_votes=None,
                            word_votes=None)
    make_learned_score(_Prefers(1, 2))(state, None)
    assert xs[0].score == pytest.approx(0.7 * 0.1 + 0.3 * 1.0) and xs[1].score == pytest.approx(0.7 * 0.9 + 0.3 * 0.5)
    assert xs[1].score > xs[0].score and xs[1].learned == pytest.approx(0.9)
    assert xs[0].features == {"retrieval": 1.0}
    # a programme the user names keeps the full named bonus: the trees cannot learn a request from the gold cases
    named = [Scored(a, 1.0, "eligible", "rolling", features={"retrieval": 1.0, "named": 1.0, "level_wish": 1.0})]
    make_learned_score(_Prefers(0, 1), Weights(named_bonus=0.3))(
        SimpleNamespace(candidates=named, profile=CompanyProfile(), need_probs=None, case_votes=None,
                        word_votes=None), None)
    assert named[0].score == pytest.approx(0.7 * (0.9 + 0.3 + LEVEL_REQUEST_WEIGHT) + 0.3 * 1.0)
    empty = SimpleNamespace(candidates=[], profile=CompanyProfile())
    assert make_learned_score(_Prefers(0, 1))(empty, None) is empty


def test_match_blends_the_shipped_ranker_by_default_and_full_hand_is_the_linear_score(real_engine):
    from matcher.api import match

    q = "Wir sind ein Maschinenbauer in Berlin-Spandau mit 45 Mitarbeitern und wollen eine neue CNC-Fräse kaufen"
    learned = match(q, top_k=10, engine=real_engine)
    hand = match(q, top_k=10, engine=real_engine, pipeline="full-hand")
    assert learned.programmes and hand.programmes
    s_learned = {h.id: h.score for h in learned.programmes}
    s_hand = {h.id: h.score for h in hand.programmes}
    common = set(s_learned) & set(s_hand)
    assert common and any(abs(s_learned[i] - s_hand[i]) > 1e-6 for i in common)
    assert all(0.0 < h.why["learned"] < 1.0 for h in learned.programmes)  # shown with the features
    assert not any("learned" in h.why for h in hand.programmes)


def test_match_chooses_the_support_lane_with_the_shipped_support_ranker(real_engine):
    from matcher.api import match
    from matcher.learned import default_ranker, default_support_ranker
    from matcher.pipeline import full_pipeline
    from matcher.rank import default_weights

    queries = ["Bäckerei in Berlin-Neukölln, 12 Mitarbeitende, wir wollen Energie sparen und einen effizienten Ofen kaufen",
               "Our Berlin software startup (8 people) wants to find partners in other EU countries for a joint R&D project",
               "Wir sind ein Zulieferer in Marzahn mit 30 Leuten und wollen unsere Fertigung digitalisieren"]
    from matcher.case_base import default_case_base
    from matcher.need_model import default_need_model

    hand_lane = full_pipeline(default_weights(), ranker=default_ranker(), need_model=default_need_model(),
                              case_base=default_case_base())
    learned_lane = full_pipeline(default_weights(), ranker=default_ranker(), support_ranker=default_support_ranker(),
                                 need_model=default_need_model(), case_base=default_case_base())
    differs = 0
    for q in queries:
        shown = match(q, top_k=5, engine=real_engine)
        learned = match(q, top_k=5, engine=real_engine, pipeline=learned_lane)
        hand = match(q, top_k=5, engine=real_engine, pipeline=hand_lane)
        assert [h.id for h in shown.support] == [h.id for h in learned.support]  # the default is the learned lane
        assert [h.id for h in shown.programmes] == [h.id for h in hand.programmes]  # the money lane is untouched
        assert 0 < len(shown.support) <= 3 and not {h.id for h in shown.support} & {h.id for h in shown.programmes}
        assert all(set(h.instruments) <= {"advice", "network", "training"} for h in shown.support)
        differs += [h.id for h in shown.support] != [h.id for h in hand.support]
    assert differs, "the support ranker chose no other offer than the hand order for any request"
    bakery = match(queries[0], top_k=5, engine=real_engine)
    assert "kek-energieeffizienz-beratung" in [h.id for h in bakery.support]


def test_the_results_report_the_ranker_s_cross_validation_as_the_fair_dev_figure(tmp_path):
    from evals.run import ranker_cv_lines

    assert ranker_cv_lines(tmp_path / "absent.json") == []
    path = tmp_path / "ranker.json"
    cv = {"hand": {"recall@5": 0.866, "ndcg@10": 0.722, "mrr": 0.761},
          "ranker": {"recall@5": 0.863, "ndcg@10": 0.753, "mrr": 0.775}}
    path.write_text(json.dumps({"meta": {"fitted_on": "2026-12-04", "dev_cases": 612, "cv_dev": cv}}), encoding="utf-8")
    (line, blank) = ranker_cv_lines(path)
    assert "612 dev cases" in line and "ndcg@10 0.753 (hand weights 0.722)" in line and blank == ""
    # with the support lane's ranker shipped, the product is the ranker+support row
    cv["ranker+support"] = {"recall@5": 0.869, "ndcg@10": 0.763, "mrr": 0.778}
    path.write_text(json.dumps({"meta": {"fitted_on": "2026-12-04", "dev_cases": 612, "cv_dev": cv}}), encoding="utf-8")
    (line, _) = ranker_cv_lines(path)
    assert "support_ranker.json" in line and "recall@5 0.869 (hand weights 0.866)" in line
