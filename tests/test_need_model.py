"""The need model (matcher/need_model.py): need probabilities from the request's embedding and the keyword reading,
fitted with scikit-learn, evaluated with numpy, loaded with clear errors, fed to the learned ranker by its own stage."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import yaml

from matcher.learned import INPUT_NAMES, ranker_inputs
from matcher.lexicon import NEED_ORDER
from matcher.models import CompanyProfile, Programme
from matcher.need_model import (
    NEED_MODEL_FILE,
    NeedModel,
    NeedModelError,
    NeedProbs,
    fit_need_model,
    keyword_need_probs,
    load_need_model,
    need_inputs,
)
from matcher.pipeline import make_need_probabilities

FIX = Path(__file__).resolve().parent / "fixtures" / "corpus"


def _rows(n: int = 240, dim: int = 8, seed: int = 0):
    """Synthetic requests: dimension 0 of the embedding says 'energy', dimension 1 says 'rnd'; the keywords read
    'investment' for every request (a word that is no need here)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        v = rng.normal(0, 0.3, dim)
        kind = i % 3
        if kind == 0:
            v[0] += 2.0
            want = ["energy_resources", "investment"]
        elif kind == 1:
            v[1] += 2.0
            want = ["rnd"]
        else:
            want = ["investment"]
        rows.append((v, ["investment"], want))
    return rows


def test_the_model_learns_which_needs_the_request_has_and_which_is_the_main_one():
    m = fit_need_model(_rows(), "test-embedder", {"note": "x"})
    energy = np.zeros(8)
    energy[0] = 2.0
    p = m.predict(energy, ["investment"])
    assert p.need["energy_resources"] > 0.8 and p.need["rnd"] < 0.2
    assert max(p.main, key=p.main.get) == "energy_resources" and sum(p.main.values()) == pytest.approx(1.0)
    assert p.need["succession"] < 0.01 and p.main["succession"] == 0.0  # no request ever had it
    plain = m.predict(np.zeros(8), ["investment"])
    assert max(plain.main, key=plain.main.get) == "investment"
    assert set(p.need) == set(p.main) == set(NEED_ORDER)


def test_two_main_needs_only_still_give_a_distribution():
    rows = [r for r in _rows() if r[2][0] in ("rnd", "investment")]
    m = fit_need_model(rows, "test-embedder")
    rnd = np.zeros(8)
    rnd[1] = 2.0
    p = m.predict(rnd, ["investment"])
    assert m.main_classes == ("rnd", "investment") and p.main["rnd"] > 0.8
    assert p.main["rnd"] + p.main["investment"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="no rows with expected needs"):
        fit_need_model([(np.zeros(8), ["rnd"], [])], "test-embedder")


def test_a_need_model_file_round_trips_and_wrong_files_get_an_actionable_error(tmp_path):
    m = fit_need_model(_rows(), "test-embedder")
    path = tmp_path / "need_model.json"
    path.write_text(json.dumps(m.to_dict()), encoding="utf-8")
    back = load_need_model(path)
    v = np.arange(8) / 10
    assert back.predict(v, ["rnd"]) == m.predict(v, ["rnd"])
    assert load_need_model(tmp_path / "absent.json") is None
    d = m.to_dict()
    d["need_coef"] = d["need_coef"][:-1]
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(NeedModelError, match="do not fit.*evals.fit --ranker"):
        load_need_model(path)
    d = m.to_dict()
    d["needs"] = d["needs"][:-1]
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(NeedModelError, match="other needs"):
        load_need_model(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(NeedModelError, match="not a usable need model"):
        load_need_model(path)
    with pytest.raises(ValueError, match="8-dimensional"):
        m.predict(np.zeros(5), [])


def test_the_keyword_reading_stands_in_without_a_model():
    p = keyword_need_probs(["rnd", "financing"])
    assert p.need["rnd"] == p.need["financing"] == 1.0 and p.need["advice"] == 0.0
    assert p.main["rnd"] == 1.0 and p.main["financing"] == 0.0
    assert keyword_need_probs([]).main == {n: 0.0 for n in NEED_ORDER}
    assert len(need_inputs(np.zeros(4), ["rnd"])) == 4 + 2 * len(NEED_ORDER)


def test_the_ranker_gets_the_probabilities_of_the_programme_s_own_needs():
    fixture = FIX / "programmes" / "energy-efficiency-grant.yaml"
    prog = Programme.model_validate(yaml.safe_load(fixture.read_text(encoding="utf-8"))).model_copy(
        update={"needs": ["energy_resources", "investment"]})
    profile = CompanyProfile(needs=["investment", "energy_resources"])
    probs = NeedProbs({**{n: 0.0 for n in NEED_ORDER}, "energy_resources": 0.9, "investment": 0.4},
                      {**{n: 0.0 for n in NEED_ORDER}, "energy_resources": 0.7, "investment": 0.2})
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, profile, probs), strict=True))
    assert row["need_prob_first"] == 0.9 and row["need_prob_max"] == 0.9
    assert row["main_prob_first"] == 0.7 and row["main_prob_max"] == 0.7
    # without probabilities the keyword reading stands in: both needs read, "investment" first
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, profile), strict=True))
    assert row["need_prob_first"] == 1.0 and row["main_prob_first"] == 0.0 and row["main_prob_max"] == 1.0


def test_the_stage_uses_the_model_only_with_the_embedder_it_was_fitted_for():
    m = fit_need_model(_rows(), "test-embedder")
    vec = np.zeros(8)
    vec[0] = 2.0
    state = SimpleNamespace(query_vec=vec, profile=CompanyProfile(needs=["investment"]), need_probs=None)
    same = SimpleNamespace(embedder=SimpleNamespace(model_id="test-embedder", dim=8))
    make_need_probabilities(m)(state, same)
    assert state.need_probs.need["energy_resources"] > 0.8
    for eng, st in ((SimpleNamespace(embedder=SimpleNamespace(model_id="other", dim=8)), state),
                    (same, SimpleNamespace(query_vec=None, profile=CompanyProfile(), need_probs=None))):
        st.need_probs = None
        make_need_probabilities(m)(st, eng)
        assert st.need_probs is None  # the ranker falls back to the keyword reading
    make_need_probabilities(None)(state, same)
    assert state.need_probs is None


def test_the_shipped_need_model_reads_a_request_it_never_saw(real_engine):
    from matcher.api import read_profile
    from matcher.clock import today
    from matcher.need_model import default_need_model
    from matcher.pipeline import make_retrieve

    m = load_need_model(NEED_MODEL_FILE)
    assert m is not None, "matcher/need_model.json is missing: run python -m evals.fit --ranker"
    assert m.fits(real_engine.embedder) and m.meta.get("dev_cases", 0) > 100 and default_need_model() is not None
    q = ("Unsere Bäckerei in Berlin-Wedding (22 Leute) zahlt sich an Strom und Gas dumm und dämlich; die alten "
         "Etagenöfen sollen raus, wir wollen auf effiziente Elektroöfen mit Wärmerückgewinnung umstellen.")
    st = make_retrieve("rrf")(read_profile(q, real_engine, today(real_engine.settings)), real_engine)
    assert st.query_vec is not None and len(st.query_vec) == m.dim
    st = make_need_probabilities(m)(st, real_engine)
    p = st.need_probs
    assert p.need["energy_resources"] > 0.5 and p.need["succession"] < 0.2 and p.need["founding"] < 0.2
    assert max(p.main, key=p.main.get) in ("energy_resources", "investment")
