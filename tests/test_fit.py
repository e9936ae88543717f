"""Fitting the ranking weights: features computed once, weights only re-score (evals/fit.py)."""

from __future__ import annotations

import numpy as np
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


def test_the_support_ranker_is_fitted_on_the_support_offers_and_cross_validated_beside_the_ranker(real_engine):
    from evals.fit import cross_validate_ranker, fit_support_ranker, support_rows
    from matcher.learned import SUPPORT_INPUT_NAMES

    cases = [
        GoldCase(id=f"de-91{i}", lang="de", query=q, must=[m]) for i, (q, m) in enumerate([
            ("Bäckerei in Berlin, 12 Mitarbeitende, wir wollen Energie sparen und einen effizienten Ofen kaufen",
             "kek-energieeffizienz-beratung"),
            ("Metallbau in Berlin-Marzahn, 30 Leute, wir wollen die Fertigung digitalisieren und ein MES einführen",
             "mittelstand-digital-zentren"),
            ("Tischlerei in Köpenick, der Inhaber geht in Rente und sucht einen Nachfolger", "nachfolgezentrale-berlin"),
            ("Softwarefirma in Berlin, 20 Mitarbeitende, wir suchen Partner in Frankreich für ein EU-Projekt",
             "enterprise-europe-network-berlin-brandenburg"),
            ("Brauerei in Berlin-Pankow mit 40 Beschäftigten, neue Kühlanlage soll Strom sparen",
             "kek-energieeffizienz-beratung"),
        ])]
    states = scored_states(cases, real_engine)
    x, y, sw = support_rows(states, cases)
    assert x.shape[1] == len(SUPPORT_INPUT_NAMES) and len(x) == len(y) == len(sw) and y.sum() >= 4
    assert set(sw[y == 1]) == {2.0}  # must offers weigh twice
    r = fit_support_ranker(states, cases, meta={"note": "test"})
    assert r.names == SUPPORT_INPUT_NAMES and r.meta == {"note": "test"}
    # the fitted lane shows the offer each training case names
    for c in cases:
        _shown, first = ranking(states[c.id], Weights(), real_engine, None, r)
        assert c.must[0] in first, c.id
    cv = cross_validate_ranker(states, cases, real_engine, folds=2)
    assert set(cv) == {"hand", "ranker", "ranker+support"}
    assert all(0.0 <= m["recall@5"] <= 1.0 for m in cv.values())


def test_each_dev_state_gets_need_probabilities_from_a_model_fitted_on_the_other_folds(engine):
    from evals.fit import attach_out_of_fold_need_probs, need_rows
    from evals.schema import ExpectedProfile

    texts = [("Bäckerei in Berlin, wir wollen Energie sparen und einen effizienten Ofen kaufen", ["energy_resources"]),
             ("Maschinenbau in Berlin, wir brauchen einen Kredit für neue Maschinen", ["investment", "financing"]),
             ("Wir recyceln Kunststoff in Berlin und entwickeln eine neue Sortieranlage", ["rnd"]),
             ("Druckerei in Berlin, die Stromkosten sollen runter, neue Trockner", ["energy_resources"]),
             ("Metallbau in Berlin, wir wollen eine Laseranlage finanzieren", ["investment", "financing"]),
             ("Softwarefirma in Berlin, wir entwickeln mit der TU eine KI für Lager", ["rnd"])]
    cases = [GoldCase(id=f"de-92{i}", lang="de", query=q, must=["berlin-innovation-grant"],
                      expected_profile=ExpectedProfile(needs=n)) for i, (q, n) in enumerate(texts)]
    states = scored_states(cases, engine)
    rows = need_rows(states, cases)
    assert len(rows) == 6 and all(len(v) == engine.embedder.dim for v, _read, _want in rows)
    assert all(states[c.id].need_probs is None for c in cases)
    attach_out_of_fold_need_probs(states, cases, engine.embedder.model_id, folds=2)
    for c in cases:
        p = states[c.id].need_probs
        assert p is not None and all(0.0 <= v <= 1.0 for v in p.need.values())
        assert sum(p.main.values()) == pytest.approx(1.0)
    # without expected needs there is nothing to learn: the keyword reading stays
    bare = {c.id: c.model_copy(update={"expected_profile": ExpectedProfile()}) for c in cases}
    states = scored_states(list(bare.values()), engine)
    attach_out_of_fold_need_probs(states, list(bare.values()), engine.embedder.model_id, folds=2)
    assert all(st.need_probs is None for st in states.values())


def test_each_dev_state_gets_case_votes_from_the_other_folds_only(engine):
    from evals.fit import attach_out_of_fold_case_votes, case_base_rows

    texts = [("Bäckerei in Berlin, wir wollen Energie sparen und einen effizienten Ofen kaufen", "energy-efficiency-grant"),
             ("Druckerei in Berlin, die Stromkosten sollen runter, neue Trockner", "energy-efficiency-grant"),
             ("Maschinenbau in Berlin, wir brauchen einen Kredit für neue Maschinen", "bund-investment-loan"),
             ("Metallbau in Berlin, wir wollen eine Laseranlage finanzieren", "bund-investment-loan"),
             ("Wir recyceln Kunststoff in Berlin und entwickeln eine neue Sortieranlage", "berlin-innovation-grant"),
             ("Softwarefirma in Berlin, wir entwickeln mit der TU eine KI für Lager", "berlin-innovation-grant")]
    cases = [GoldCase(id=f"de-93{i}", lang="de", query=q, must=[p]) for i, (q, p) in enumerate(texts)]
    states = scored_states(cases, engine)
    assert len(case_base_rows(states, cases)) == 6 and all(states[c.id].case_votes is None for c in cases)
    attach_out_of_fold_case_votes(states, cases, engine.embedder.model_id, folds=6)
    from matcher.case_base import NEIGHBOURS

    def cos(a, b):
        return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))

    for c in cases:
        votes = states[c.id].case_votes
        # each case's own must is voted for only by the one other case that names it, never by the case itself
        (twin,) = [o for o in cases if o.must == c.must and o.id != c.id]
        expected = max(cos(states[c.id].query_vec, states[twin.id].query_vec), 0.0) / NEIGHBOURS
        assert votes is not None and votes.get(c.must[0], 0.0) == pytest.approx(expected, abs=2e-3), (c.id, votes)
