"""The gold evaluation cases load through the row model and only reference ids that exist in
the corpus (programmes, MPI projects, actors, topics)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from evals.schema import DEFAULT_CASES_PATH, GoldCase, load_all_cases, load_cases

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _ids(folder: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for f in sorted((CORPUS / folder).glob("*.yaml")):
        rec = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        if isinstance(rec, dict) and rec.get("id"):
            out[rec["id"]] = rec
    return out


@pytest.fixture(scope="module")
def cases() -> list[GoldCase]:
    return load_all_cases()


def test_cases_load_and_mix(cases: list[GoldCase]) -> None:
    assert DEFAULT_CASES_PATH.exists()
    assert len(cases) >= 70
    langs = Counter(c.lang for c in cases)
    assert langs["en"] >= 20 and langs["de"] >= 20
    tags = Counter(t for c in cases for t in c.tags)
    for tag in ("off-topic", "empty", "injection", "closed", "large", "non-berlin", "pre-founding", "research"):
        assert tags[tag] >= 1, f"no case tagged {tag!r}"


def test_programme_ids_exist(cases: list[GoldCase]) -> None:
    programmes = _ids("programmes")
    missing = Counter(p for c in cases for p in (*c.must, *c.should, *c.must_not) if p not in programmes)
    assert not missing, f"programme ids not in corpus/programmes (id: cases using it): {dict(sorted(missing.items()))}"


def test_closed_programmes_never_must(cases: list[GoldCase]) -> None:
    programmes = _ids("programmes")
    bad = sorted((c.id, p) for c in cases for p in c.must if programmes.get(p, {}).get("status") == "closed")
    assert not bad, f"closed programmes listed as must: {bad}"


def test_project_and_actor_ids_exist(cases: list[GoldCase]) -> None:
    known = set(_ids("projects")) | set(_ids("actors"))
    missing = Counter(p for c in cases for p in c.projects if p not in known)
    assert not missing, f"project/actor ids not in corpus/projects or corpus/actors: {dict(sorted(missing.items()))}"


def test_topic_ids_exist(cases: list[GoldCase]) -> None:
    topics = {t["id"] for t in yaml.safe_load((CORPUS / "topics.yaml").read_text(encoding="utf-8"))["topics"]}
    missing = sorted({(c.id, t) for c in cases for t in c.expected_profile.topics if t not in topics})
    assert not missing, f"topic ids not in corpus/topics.yaml: {missing}"


def test_model_rejects_bad_rows() -> None:
    with pytest.raises(ValueError):
        GoldCase.model_validate({"id": "de-999", "query": "x", "lang": "de", "unknown_field": 1})
    with pytest.raises(ValueError):
        GoldCase.model_validate({"id": "de-999", "query": "x", "lang": "de", "must": ["a"], "must_not": ["a"]})
    with pytest.raises(ValueError):
        GoldCase.model_validate({"id": "en-999", "query": "x", "lang": "de"})
