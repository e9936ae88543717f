"""The learned ranker (matcher/learned.py): trees exported from scikit-learn, evaluated with numpy, loaded with
clear errors, blended into the score by its own stage."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import yaml

from matcher.learned import INPUT_NAMES, RANKER_FILE, RankerError, TreeRanker, load_ranker, ranker_inputs
from matcher.models import CompanyProfile, Programme
from matcher.pipeline import LEVEL_REQUEST_WEIGHT, make_learned_score
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
    state = SimpleNamespace(candidates=xs, profile=CompanyProfile(needs=["investment"]))
    make_learned_score(_Prefers(1, 2))(state, None)
    assert xs[0].score == pytest.approx(0.7 * 0.1 + 0.3 * 1.0) and xs[1].score == pytest.approx(0.7 * 0.9 + 0.3 * 0.5)
    assert xs[1].score > xs[0].score and xs[1].learned == pytest.approx(0.9)
    assert xs[0].features == {"retrieval": 1.0}
    # a programme the user names keeps the full named bonus: the trees cannot learn a request from the gold cases
    named = [Scored(a, 1.0, "eligible", "rolling", features={"retrieval": 1.0, "named": 1.0, "level_wish": 1.0})]
    make_learned_score(_Prefers(0, 1), Weights(named_bonus=0.3))(
        SimpleNamespace(candidates=named, profile=CompanyProfile()), None)
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


def test_the_results_report_the_ranker_s_cross_validation_as_the_fair_dev_figure(tmp_path):
    from evals.run import ranker_cv_lines

    assert ranker_cv_lines(tmp_path / "absent.json") == []
    path = tmp_path / "ranker.json"
    cv = {"hand": {"recall@5": 0.866, "ndcg@10": 0.722, "mrr": 0.761},
          "ranker": {"recall@5": 0.863, "ndcg@10": 0.753, "mrr": 0.775}}
    path.write_text(json.dumps({"meta": {"fitted_on": "2026-12-04", "dev_cases": 612, "cv_dev": cv}}), encoding="utf-8")
    (line, blank) = ranker_cv_lines(path)
    assert "612 dev cases" in line and "ndcg@10 0.753 (hand weights 0.722)" in line and blank == ""
