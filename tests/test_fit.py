"""Fitting the ranking weights: features computed once, weights only re-score (evals/fit.py)."""

from __future__ import annotations

import pytest

from evals.fit import evaluate, fit_coordinate_ascent, fit_weights, ranking, scored_states
from evals.schema import GoldCase
from matcher.rank import Weights

CASES = [
    GoldCase(id="de-901", lang="de", query="Wir recyceln Kunststoff in Berlin, 40 Mitarbeitende, und entwickeln eine "
             "neue Sortieranlage", must=["berlin-innovation-grant"]),
    GoldCase(id="de-902", lang="de", query="Bäckerei in Berlin, 12 Mitarbeitende, wir wollen Energie sparen und einen "
             "effizienten Ofen kaufen", must=["energy-efficiency-grant"]),
    GoldCase(id="de-903", lang="de", query="Maschinenbau in Berlin, 120 Mitarbeitende, wir brauchen einen Kredit für "
             "neue Maschinen", must=["bund-investment-loan"]),
]


@pytest.fixture(scope="module")
def states(engine):
    return scored_states(CASES, engine)


def test_features_are_computed_once_and_rankings_follow_the_weights(states, engine):
    assert set(states) == {c.id for c in CASES}
    shown, first = ranking(states["de-901"], Weights(), engine)
    assert shown[0] == "berlin-innovation-grant" and first[0] == shown[0]
    # the same features under other weights give another order: only the scorer changed
    upside_down = Weights(retrieval=-1.0, need=0, topic=0, instrument=0, first_choice_bonus=0, example=0,
                          eligible_bonus=0, home_level_bonus=0)
    assert ranking(states["de-901"], upside_down, engine)[0][0] != "berlin-innovation-grant"
    assert ranking(states["de-901"], Weights(), engine)[0] == shown  # the states were not changed


def test_coordinate_ascent_never_lowers_the_training_score(states, engine):
    base = evaluate(states, CASES, Weights(), engine)["ndcg@10"]
    w = fit_coordinate_ascent(states, CASES, engine, Weights(), passes=1)
    assert evaluate(states, CASES, w, engine)["ndcg@10"] >= base


def test_logistic_fit_maps_coefficients_onto_weights(states):
    w = fit_weights(states, CASES, Weights())
    assert w.retrieval == pytest.approx(Weights().retrieval)  # rescaled so retrieval keeps its weight
    assert isinstance(w.need, float)


def test_the_ranker_fitted_on_cases_ranks_their_programmes_and_keeps_the_states(states, engine):
    from evals.fit import fit_ranker

    before = [(x.prog.id, x.score) for x in states["de-902"].candidates]
    r = fit_ranker(states, CASES, meta={"note": "test"})
    assert r.meta == {"note": "test"} and len(r.roots) >= 1
    m = evaluate(states, CASES, Weights(), engine, r)
    assert set(m) >= {"ndcg@10", "recall@5"} and 0.0 <= m["ndcg@10"] <= 1.0
    shown, first = ranking(states["de-902"], Weights(), engine, r)
    assert "energy-efficiency-grant" in first
    assert [(x.prog.id, x.score) for x in states["de-902"].candidates] == before  # a copy was re-scored
