"""The provenance audit: errors for money programmes without official sources and for unsourced facts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from matcher.audit import audit_programme
from matcher.cli import cli
from matcher.models import Programme

FIX = Path(__file__).resolve().parent / "fixtures" / "corpus"
TODAY = dt.date(2026, 11, 30)
OFFICIAL = {"title": "IBB – Programmseite", "url": "https://example.org/p", "kind": "official",
            "published": "2026-03-01", "supports": ["location", "amount", "status", "max_employees",
                                                    "max_turnover_eur"]}


def _data(**changes) -> dict:
    d = yaml.safe_load((FIX / "programmes" / "berlin-innovation-grant.yaml").read_text(encoding="utf-8"))
    d.update({"sources": [OFFICIAL], "verified_on": "2026-11-30",
              "typical_projects": {"source": {k: OFFICIAL[k] for k in ("title", "url", "kind")}, "read": "stored_page",
                                   "items": [{"de": "Wir sind ein Berliner KMU und entwickeln einen neuen Sensor.",
                                              "en": "We are a Berlin SME developing a new sensor."}]}})
    d.update(changes)
    return d


def _codes(**changes) -> dict[str, bool]:
    p = Programme.model_validate(_data(**changes))
    known = {f.stem for f in (FIX / "programmes").glob("*.yaml")}  # the fixture's combination rules name them
    return {f.code: f.error for f in audit_programme(p, TODAY, known)}


def test_a_fully_sourced_verified_record_passes():
    assert _codes() == {}


def test_a_money_programme_on_a_secondary_source_fails():
    codes = _codes(sources=[{**OFFICIAL, "kind": "secondary"}])
    assert codes["no-official-source"] is True


def test_a_support_offer_on_a_secondary_source_is_only_a_warning():
    codes = _codes(instruments=["advice"], sources=[{**OFFICIAL, "kind": "secondary"}])
    assert codes["support-offer-without-official-source"] is False


def test_a_set_field_without_a_source_fails():
    codes = _codes(sources=[{**OFFICIAL, "supports": ["location", "status"]}])
    assert codes["no-provenance"] is True


def test_unclassified_old_and_unverified_sources_are_reported():
    codes = _codes(sources=[{**OFFICIAL, "kind": None, "published": "2020-01-01"}], verified_on=None)
    assert codes["unclassified-source"] is True and codes["old-source"] is False
    assert codes["not-verified"] is True
    codes = _codes(verified_on=None, verification_note_de="Keine offizielle Seite gefunden.")
    assert codes["unverified"] is False
    assert _codes(verified_on="2025-01-01")["stale-verification"] is False


def test_an_undated_status_is_a_warning():
    assert _codes(sources=[{**OFFICIAL, "published": None}], verified_on=None,
                  verification_note_de="Nicht geprüft.")["undated-status"] is False


def test_a_combination_with_an_unknown_programme_fails():
    rule = {"other": "no-such-programme", "rule": "excluded", "text_de": "Nicht mit X kombinierbar",
            "source": OFFICIAL}
    assert _codes(combination=[rule])["unknown-combination"] is True
    assert "unknown-combination" not in _codes(combination=[{**rule, "other": "any_grant"}])


def test_cli_exit_codes(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIX, corpus)
    monkeypatch.setenv("MATCHER_TODAY", "2026-11-30")
    from matcher.settings import get_settings

    get_settings.cache_clear()
    r = CliRunner().invoke(cli, ["corpus", "audit", "--dir", str(corpus)])
    assert r.exit_code == 1 and "no-official-source" in r.output  # the fixture records are unclassified
    for f in (corpus / "programmes").glob("*.yaml"):
        d = yaml.safe_load(f.read_text(encoding="utf-8"))
        d["sources"] = [{**s, "kind": "official", "supports": ["location", "amount", "status", "max_employees",
                         "max_turnover_eur", "max_company_age_years", "min_company_age_years", "partner",
                         "funding_rate", "deadline", "min_employees"]} for s in d["sources"]]
        d["verified_on"] = "2026-11-30"
        f.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    r = CliRunner().invoke(cli, ["corpus", "audit", "--dir", str(corpus), "--errors-only"])
    assert r.exit_code == 0, r.output
    get_settings.cache_clear()


def test_a_legal_text_mirror_marked_legal_fails():
    mirror = {**OFFICIAL, "title": "Richtlinie (Abschrift)", "url": "https://www.diebewertung.de/richtlinie", "kind": "legal"}
    assert _codes(sources=[OFFICIAL, mirror])["secondary-host-as-official"] is True
    assert "secondary-host-as-official" not in _codes(sources=[OFFICIAL, {**mirror, "kind": "secondary"}])


def test_typical_projects_must_rest_on_one_of_the_records_official_sources():
    items = [{"de": "Wir sind ein Metallbaubetrieb und entwickeln einen neuen Schweißroboter.",
              "en": "We are a metalworking firm developing a new welding robot."}]
    ok = {"source": {k: OFFICIAL[k] for k in ("title", "url", "kind")}, "read": "stored_page", "items": items}
    assert _codes(typical_projects=ok) == {}
    elsewhere = {**ok, "source": {"title": "Andere Seite", "url": "https://example.org/other", "kind": "official"}}
    assert _codes(typical_projects=elsewhere) == {"typical-projects-source": True}
    blog = {"title": "Blog", "url": "https://example.org/blog", "kind": "secondary"}
    codes = _codes(sources=[OFFICIAL, blog], typical_projects={**ok, "source": blog})
    assert codes == {"typical-projects-source": True}


def test_an_open_money_programme_without_typical_projects_is_a_warning():
    assert _codes(typical_projects=None) == {"no-typical-projects": False}
    assert "no-typical-projects" not in _codes(typical_projects=None, status="closed")


def test_project_and_contact_sources_must_be_classified():
    from matcher.audit import audit_ecosystem_record
    from matcher.models import Actor

    d = yaml.safe_load((FIX / "actors" / sorted(p.name for p in (FIX / "actors").glob("*.yaml"))[0]).read_text(encoding="utf-8"))
    d["sources"] = [{"title": "MPI-Bericht", "section": "(3.1)"}]
    assert [f.code for f in audit_ecosystem_record(Actor.model_validate(d))] == ["unclassified-source"]
    d["sources"] = [{"title": "Kammer-Seite", "url": "https://www.ihk.de/x", "kind": "official"}]
    assert [f.code for f in audit_ecosystem_record(Actor.model_validate(d))] == ["secondary-host-as-official"]
    d["sources"] = [{"title": "Kammer-Seite", "url": "https://www.ihk.de/x", "kind": "secondary"}]
    assert audit_ecosystem_record(Actor.model_validate(d)) == []


def test_every_project_and_contact_source_of_the_corpus_is_classified():
    from matcher.audit import audit_ecosystem_record
    from matcher.corpus import load_corpus

    corpus = load_corpus(Path(__file__).resolve().parents[1] / "corpus")
    assert [f.line() for r in (*corpus.projects, *corpus.actors) for f in audit_ecosystem_record(r)] == []
