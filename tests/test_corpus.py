"""Corpus validation: precise 'file: field: problem' messages, and the shipped corpus is valid."""

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
import yaml

from matcher.corpus import check_corpus

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "corpus"
TODAY = dt.date(2026, 11, 30)


@pytest.fixture
def corpus_copy(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(FIXTURE, dst)
    return dst


def edit(path: Path, **changes):
    data = yaml.safe_load(path.read_text())
    for k, v in changes.items():
        if v is None:
            data.pop(k, None)
        else:
            data[k] = v
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


P = "programmes/berlin-innovation-grant.yaml"


@pytest.mark.parametrize("mutate,expected", [
    (lambda d: edit(d / P, sources=None), f"corpus/{P}: sources: Field required"),
    (lambda d: edit(d / P, sources=[]), f"corpus/{P}: sources: List should have at least 1 item"),
    (lambda d: edit(d / P, instruments=["gift"]), f"corpus/{P}: instruments.0: Input should be"),
    (lambda d: edit(d / P, as_of="25.11.2026"), f"corpus/{P}: as_of: Input should be a valid date"),
    (lambda d: edit(d / P, topics=["alchemy"]), f"corpus/{P}: topics: unknown topic 'alchemy'"),
    (lambda d: edit(d / P, first_choice=[{"need": "rnd", "topics": ["alchemy"], "reason_de": "Erste Wahl für Alchemie",
                                          "reason_en": "First answer for alchemy",
                                          "source": {"title": "Quelle", "url": "https://example.org", "kind": "official"}}]),
     f"corpus/{P}: first_choice.0.topics: unknown topic 'alchemy'"),
    (lambda d: edit(d / P, first_choice=[{"need": "rnd", "with_facts": ["lucky"], "reason_de": "Erste Wahl mit Glück",
                                          "reason_en": "First answer with luck",
                                          "source": {"title": "Quelle", "url": "https://example.org", "kind": "official"}}]),
     f"corpus/{P}: first_choice.0.with_facts: 'lucky' is no fact the profile reader reads"),
    (lambda d: edit(d / "projects/mpi-test-circular-hub.yaml", first_contact={
        "facts": ["lucky"], "reason_de": "Erste Adresse mit Glück", "reason_en": "First address with luck",
        "source": {"title": "Testbericht", "section": "(2.1) Projekte", "kind": "report"}}),
     "first_contact.facts: 'lucky' is no fact the profile reads"),
    # one role per mandate: the error names the role
    (lambda d: edit(d / "projects/mpi-test-circular-hub.yaml", first_contact=[
        {"needs": ["partners"], "reason_de": "Erste Adresse für Partner", "reason_en": "First address for partners",
         "source": {"title": "Testbericht", "section": "(2.1) Projekte", "kind": "report"}},
        {"facts": ["lucky"], "reason_de": "Erste Adresse mit Glück", "reason_en": "First address with luck",
         "source": {"title": "Testbericht", "section": "(2.1) Projekte", "kind": "report"}}]),
     "first_contact.1.facts: 'lucky' is no fact the profile reads"),
    (lambda d: edit(d / P, level="mars"), f"corpus/{P}: level: Input should be 'berlin', 'bund' or 'eu'"),
    (lambda d: edit(d / P, colour="blue"), f"corpus/{P}: colour: unknown field"),
    (lambda d: edit(d / P, amount={"max_eur": "viel", "text_de": "x"}), f"corpus/{P}: amount.max_eur: Input should be a valid integer"),
    (lambda d: edit(d / P, amount={"max_eur": 5000, "min_is_floor": True, "text_de": "bis 5.000 EUR"}),
     f"corpus/{P}: amount.min_is_floor: a floor needs amount.min_eur"),
    (lambda d: edit(d / P, topics=["innovation"], field_only=True),
     f"corpus/{P}: field_only: open only to its fields, so its topics must all be fields, not innovation"),
    (lambda d: edit(d / P, sources=[{"title": "Quelle ohne Link"}]), f"corpus/{P}: sources.0: Value error, a source needs a url"),
    (lambda d: (d / P).write_text("id: x\nname: [unclosed\n"), f"corpus/{P}: (yaml): malformed YAML at line"),
    (lambda d: (d / P).write_text(""), f"corpus/{P}: (file): empty file"),
    (lambda d: (d / P).write_text("- a list\n"), f"corpus/{P}: (record): expected a mapping"),
    (lambda d: shutil.copy(d / P, d / "programmes/copy.yaml"), "corpus/programmes/copy.yaml: id: 'berlin-innovation-grant' must equal the file name"),
    (lambda d: (shutil.copy(d / "projects/mpi-test-robotics.yaml", d / "projects/berlin-innovation-grant.yaml"),
                edit(d / "projects/berlin-innovation-grant.yaml", id="berlin-innovation-grant")),
     "duplicate id 'berlin-innovation-grant'"),
    (lambda d: edit(d / "projects/mpi-test-circular-hub.yaml", related_programmes=["nope"]), "related_programmes: unknown programme id 'nope'"),
    (lambda d: edit(d / "projects/mpi-test-circular-hub.yaml", same_as=["nope"]), "same_as: unknown record id 'nope'"),
    (lambda d: edit(d / P, apply_via=["nope"]), f"corpus/{P}: apply_via: 'nope' is not another programme's id"),
    (lambda d: edit(d / "projects/mpi-test-circular-hub.yaml", typical_projects={
        "source": {"title": "Irgendein Blog", "url": "https://example.org/blog", "kind": "secondary"},
        "read": "record_only", "items": [{"de": "Wir sind ein Möbelbauer und wollen Reststoffe verwerten.",
                                          "en": "We are a furniture maker wanting to reuse offcuts."}]}),
     "typical_projects.source: 'Irgendein Blog' is not among the record's sources"),
    (lambda d: edit(d / P, sources=[{"title": "Quelle", "url": "https://example.org", "kind": "rumour"}]),
     f"corpus/{P}: sources.0.kind: Input should be"),
])
def test_broken_records_give_precise_messages(corpus_copy, mutate, expected):
    mutate(corpus_copy)
    rep = check_corpus(corpus_copy, today=TODAY)
    assert not rep.ok
    assert any(expected in e for e in rep.errors), rep.errors


def test_stale_as_of_is_a_warning_not_an_error(corpus_copy):
    edit(corpus_copy / P, as_of="2024-01-01")
    rep = check_corpus(corpus_copy, today=TODAY)
    assert rep.ok
    assert any(f"corpus/{P}: as_of: stale" in w for w in rep.warnings)


def test_fixture_corpus_is_valid():
    rep = check_corpus(FIXTURE, today=TODAY)
    assert rep.ok, rep.errors
    assert len(rep.corpus.programmes) == 6


def test_shipped_corpus_is_valid_and_complete():
    rep = check_corpus(REPO / "corpus", today=TODAY)
    assert rep.ok, "\n".join(rep.errors)
    c = rep.corpus
    assert len(c.programmes) >= 80
    assert len(c.actors) >= 10
    # every entry of the seed report's two overview tables: 33 running + 27 completed, 3 names in both
    assert len(c.projects) >= 57
    assert sum(1 for p in c.projects if len(p.phases) >= 2) >= 3
    levels = {p.level for p in c.programmes}
    assert levels == {"berlin", "bund", "eu"}
    for r in c.records():
        assert r.sources and r.as_of


def test_every_fact_base_programme_is_in_the_corpus():
    # the shared material lies beside the project (../shared); FL_SHARED_DIR points elsewhere
    shared = Path(os.environ.get("FL_SHARED_DIR") or REPO.parent / "shared")
    facts = shared / "research" / "programmes.yaml"
    if not facts.exists():
        pytest.skip("the shared fact base is not beside this checkout")
    slugs = {p["slug"] for p in yaml.safe_load(facts.read_text())["programmes"]}
    ids = {p.stem for p in (REPO / "corpus" / "programmes").glob("*.yaml")}
    assert slugs - ids == set()
