"""The case base (matcher/case_base.py): votes of the most similar dev consultations (by embedding and by words),
stored without text, loaded with clear errors, fed to the learned ranker by its own stage, never holding a
locked-test or real-company case."""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import yaml

from matcher.case_base import (
    CASE_BASE_FILE,
    CaseBase,
    CaseBaseError,
    WordIndex,
    build_case_base,
    load_case_base,
    term_hash,
    word_terms,
)
from matcher.learned import INPUT_NAMES, ranker_inputs
from matcher.models import CompanyProfile, Programme
from matcher.pipeline import make_case_votes

FIX = Path(__file__).resolve().parent / "fixtures" / "corpus"


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, dtype=float)
    return v / np.linalg.norm(v)


TEXTS = ["Wir wollen unsere Halle dämmen und die Heizung tauschen, Energieeffizienz im Betrieb",
         "Energieeffizienz: neue Druckluftanlage und Abwärme nutzen",
         "Wir entwickeln mit der TU einen Prototyp für eine neue Sortieranlage",
         "Ausgründung aus der Universität, Gründerteam mit Prototyp"]


def _base(k: int = 2, words: bool = False) -> CaseBase:
    """Two energy consultations near axis 0, one R&D consultation on axis 1, one far away on axis 2."""
    rows = [("de-1", _unit(1, 0.1, 0), {"eew": 2, "ibb-energy": 1}),
            ("de-2", _unit(1, -0.1, 0), {"eew": 2}),
            ("de-3", _unit(0, 1, 0), {"pro-fit": 2}),
            ("de-4", _unit(0, 0, 1), {"exist": 2})]
    return build_case_base(rows, "test-embedder", k=k, texts=TEXTS if words else None)


def test_the_nearest_consultations_vote_for_what_they_named():
    v = _base().votes(_unit(1, 0, 0))
    # both neighbours (similarity about 0.995) named EEW as a must, one the IBB loan as a should; divided by k = 2
    assert v["eew"] == pytest.approx(0.995, abs=0.01)
    assert v["ibb-energy"] == pytest.approx(0.995 * 0.5 / 2, abs=0.01)
    assert "pro-fit" not in v and "exist" not in v


def test_a_vote_shrinks_when_the_nearest_consultations_are_far_from_the_request():
    near = _base().votes(_unit(1, 0, 0))["eew"]
    far = _base().votes(_unit(1, 0, 1.5))["eew"]
    assert 0 < far < near / 2
    # a neighbour pointing away (negative similarity) never votes
    assert _base(k=4).votes(_unit(-1, 0, 0)) == {}


def test_leaving_a_case_out_removes_its_vote():
    base = _base()
    without = base.without(["de-1"])
    assert without.case_ids == ("de-2", "de-3", "de-4") and base.case_ids[0] == "de-1"
    v = without.votes(_unit(1, 0, 0))
    assert "ibb-energy" not in v and v["eew"] < base.votes(_unit(1, 0, 0))["eew"]


def test_the_case_base_round_trips_through_its_file_without_any_text(tmp_path):
    base = _base()
    path = tmp_path / "case_base.json"
    path.write_text(json.dumps(base.to_dict()), encoding="utf-8")
    back = load_case_base(path)
    assert back is not None and back.case_ids == base.case_ids and back.programmes == base.programmes
    q = _unit(1, 0.3, 0.2)
    assert back.votes(q) == pytest.approx(base.votes(q), abs=1e-3)
    assert back.fits(SimpleNamespace(model_id="test-embedder", dim=3))
    assert not back.fits(SimpleNamespace(model_id="other", dim=3))
    assert not back.fits(SimpleNamespace(model_id="test-embedder", dim=4))
    with pytest.raises(ValueError, match="3-dimensional"):
        back.votes(np.ones(4))


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.update(vectors_float16_base64="AAAA"), "vector values"),
    (lambda d: d["relevance"].pop(), "one relevance list per case"),
    (lambda d: d["relevance"][0].append([99, 1.0]), "unknown programme"),
    (lambda d: d.pop("case_ids"), "case_ids"),
    (lambda d: d.update(k=0), "k must be at least 1"),
])
def test_a_damaged_case_base_file_says_how_to_fix_it(tmp_path, damage, message):
    d = _base().to_dict()
    damage(d)
    path = tmp_path / "case_base.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(CaseBaseError, match=message) as e:
        load_case_base(path)
    assert "evals.fit --ranker" in str(e.value)
    assert load_case_base(tmp_path / "absent.json") is None


def test_the_word_index_is_tf_idf_over_words_and_word_pairs():
    from sklearn.feature_extraction.text import TfidfVectorizer

    assert word_terms("Neue CNC-Fräse, 2 MA") == ["neue", "cnc", "fräse", "ma", "neue cnc", "cnc fräse", "fräse ma"]
    texts = [*TEXTS, "Prototyp einer Sortieranlage für Kunststoff mit der TU", "Heizung tauschen, Halle dämmen"]
    queries = ["Wir wollen mit der TU eine Sortieranlage entwickeln", "Halle dämmen", "Geburtstagsgedicht"]
    # the same cosine similarities as scikit-learn's vectoriser with these settings, from hashed terms
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2))
    cases = vec.fit_transform(texts)
    expected = (vec.transform(queries) @ cases.T).toarray()
    index = WordIndex.build(texts)
    got = np.asarray([index.similarities(q, len(texts)) for q in queries])
    assert got == pytest.approx(expected, abs=1e-6)
    assert got[1].argmax() in (0, 5) and not got[2].any()
    # the hash is fixed: a shipped index must read the same on every machine and in every Python run
    assert term_hash("zuschuss") == 0x2B8CC6FF8DFD5920
    assert len(index.hashes) == len(set(vec.vocabulary_))


def test_the_consultations_nearest_by_words_vote_and_leaving_one_out_removes_its_vote(tmp_path):
    base = _base(words=True)
    v = base.word_votes("Wir möchten Energieeffizienz verbessern und die Heizung tauschen")
    assert max(v, key=v.get) == "eew" and "exist" not in v
    assert base.word_votes("Geburtstagsgedicht für Oma") == {}
    assert _base().word_votes("Heizung tauschen") is None  # no word index: unknown, not zero
    without = base.without(["de-1"])
    w = without.word_votes("Wir möchten Energieeffizienz verbessern und die Heizung tauschen")
    assert "ibb-energy" not in w and w["eew"] < v["eew"]
    q = "Prototyp mit der TU"
    assert without.word_votes(q) == pytest.approx(base.word_votes(q))
    path = tmp_path / "case_base.json"
    path.write_text(json.dumps(base.to_dict()), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert not any(word in text for word in ("Heizung", "heizung", "prototyp", "Sortieranlage"))
    back = load_case_base(path)
    assert back.word_votes(q) == pytest.approx(base.word_votes(q))


@pytest.mark.parametrize("damage, message", [
    (lambda w: w.update(idf_float32_base64="AAAAAA=="), "different lengths"),  # one float
    (lambda w: w.update(indptr=list(reversed(w["indptr"]))), "not in order"),
    (lambda w: w.update(cases_int32_base64=base64.b64encode(
        np.full(len(base64.b64decode(w["cases_int32_base64"])) // 4, 9, "<i4").tobytes()).decode()), "does not hold"),
    (lambda w: w.update(hashes_uint64_base64=base64.b64encode(
        np.frombuffer(base64.b64decode(w["hashes_uint64_base64"]), "<u8")[::-1].tobytes()).decode()), "not sorted"),
])
def test_a_damaged_word_index_says_how_to_fix_it(tmp_path, damage, message):
    d = _base(words=True).to_dict()
    damage(d["words"])
    path = tmp_path / "case_base.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(CaseBaseError, match=message):
        load_case_base(path)


def test_the_ranker_gets_the_vote_of_its_programme_and_nan_without_a_case_base():
    prog = Programme.model_validate(yaml.safe_load((FIX / "programmes" / "energy-efficiency-grant.yaml")
                                                   .read_text(encoding="utf-8")))
    profile = CompanyProfile(needs=["energy_resources"])
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, profile, None, {prog.id: 0.4, "other": 0.9}), strict=True))
    assert row["case_vote"] == 0.4
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, profile, None, {"other": 0.9}), strict=True))
    assert row["case_vote"] == 0.0
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, profile), strict=True))
    assert math.isnan(row["case_vote"]) and math.isnan(row["case_word_vote"])
    row = dict(zip(INPUT_NAMES, ranker_inputs({}, prog, profile, None, None, {prog.id: 0.2}), strict=True))
    assert math.isnan(row["case_vote"]) and row["case_word_vote"] == 0.2


def test_the_stage_votes_by_embedding_only_with_its_embedder_and_by_words_with_any():
    base = _base(words=True)
    same = SimpleNamespace(embedder=SimpleNamespace(model_id="test-embedder", dim=3))
    text = "Ausgründung aus der Universität"
    state = SimpleNamespace(query_vec=_unit(0, 1, 0), retrieval_text=text, case_votes=None, word_votes=None)
    make_case_votes(base)(state, same)
    # the R&D consultation and the nearer of the two energy ones (similarity 0.1)
    assert set(state.case_votes) == {"pro-fit", "eew", "ibb-energy"}
    assert max(state.case_votes, key=state.case_votes.get) == "pro-fit"
    assert max(state.word_votes, key=state.word_votes.get) == "exist"
    for eng, st in ((SimpleNamespace(embedder=SimpleNamespace(model_id="other", dim=3)), state),
                    (same, SimpleNamespace(query_vec=None, retrieval_text=text, case_votes=None, word_votes=None))):
        st.case_votes = st.word_votes = None
        make_case_votes(base)(st, eng)
        assert st.case_votes is None and "exist" in st.word_votes
    state.case_votes = state.word_votes = None
    make_case_votes(None)(state, same)
    assert state.case_votes is None and state.word_votes is None


def test_the_shipped_case_base_holds_dev_cases_only_and_votes_for_a_request_it_never_saw(real_engine):
    from evals.run import case_parts
    from evals.schema import load_all_cases
    from matcher.api import read_profile
    from matcher.clock import today
    from matcher.pipeline import make_retrieve

    base = load_case_base(CASE_BASE_FILE)
    assert base is not None, "matcher/case_base.json is missing: run python -m evals.fit --ranker"
    assert base.fits(real_engine.embedder)
    parts = case_parts(load_all_cases())
    held_out = {c.id for c in parts["test"]} | {c.id for c in parts["real"]}
    assert len(base.case_ids) > 100 and set(base.case_ids) <= {c.id for c in parts["dev"]}
    assert not set(base.case_ids) & held_out, "a locked-test or real-company case is in the case base"
    assert set(base.programmes) <= {p.id for p in real_engine.corpus.programmes}
    q = ("Wir sind ein Berliner Softwareunternehmen mit 25 Beschäftigten und wollen zusammen mit der HTW ein neues "
         "Verfahren zur automatischen Qualitätsprüfung entwickeln. Welche Zuschüsse gibt es?")
    st = make_retrieve("rrf")(read_profile(q, real_engine, today(real_engine.settings)), real_engine)
    st = make_case_votes(base)(st, real_engine)
    assert base.words is not None, "the shipped case base has no word index: run python -m evals.fit --ranker"
    for votes in (st.case_votes, st.word_votes):
        assert votes and all(0.0 < v <= 1.0 for v in votes.values())
        best = sorted(votes, key=votes.get, reverse=True)[:5]
        kinds = {i for p in real_engine.corpus.programmes if p.id in best for i in p.instruments}
        assert "grant" in kinds  # similar R&D consultations named grants, not only loans or advice


def test_a_damaged_model_file_reaches_the_chat_as_its_own_actionable_message(tmp_path):
    from matcher.errors import MatcherError
    from matcher.learned import load_ranker
    from matcher.need_model import load_need_model
    from ui.handlers import _friendly

    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    for load in (load_case_base, load_need_model, load_ranker):
        with pytest.raises(MatcherError) as e:
            load(path)
        # the UI shows a MatcherError's own message (how to fix it), not the generic internal-error text
        assert "evals.fit --ranker" in _friendly(e.value, "de")
