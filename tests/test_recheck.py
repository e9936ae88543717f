"""`matcher consultations recheck` end to end: a consultation saved through the UI session, a copy of the corpus
with one deadline and one amount changed, the recheck against the copy lists exactly those two differences,
stores the recheck beside the consultation and leaves the consultation as it was (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import shutil

import pytest
import yaml
from click.testing import CliRunner

from fixtures.engine import FIXTURE_CORPUS, TODAY
from matcher.cli import cli
from matcher.store import Store
from ui import plan_render, session

pytestmark = pytest.mark.slow

README_CASE = "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        (tmp_path / "db").mkdir()
        return f"sqlite:///{tmp_path / 'db' / 'matcher.db'}"
    return request.getfixturevalue("postgres_db_url")


def _edit(path, **changes) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def cli_env(engine, tmp_path):
    """Run the CLI in-process against other settings; restores the test engine and settings afterwards."""
    from matcher.engine import set_engine
    from matcher.settings import get_settings

    keys = ("MATCHER_CORPUS_DIR", "MATCHER_DATA_DIR", "MATCHER_TODAY", "MATCHER_DATABASE_URL")
    old = {k: os.environ.get(k) for k in keys}

    def run(args: list[str], **env: str):
        os.environ.update(env)
        get_settings.cache_clear()
        set_engine(None)
        return CliRunner().invoke(cli, args)

    yield run
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    get_settings.cache_clear()
    set_engine(engine)


def test_recheck_after_a_corpus_change_lists_exactly_the_changed_deadline_and_amount(engine, db_url, tmp_path, cli_env):
    # a consultation saved as the UI saves it (chat turn on the fixture corpus)
    st = session.new_state()
    res = session.chat_turn(st, README_CASE, session.filters_from([], [], False), False, None)
    shortlist = [h.id for h in res.programmes]
    assert {"berlin-innovation-grant", "eu-accelerator"} <= set(shortlist)
    store = Store(db_url)
    cid = store.save_consultation("Recycling Test GmbH", st["profile"], session.saved_payload(st), lang="de")
    saved = store.get_consultation(cid)

    # the corpus changes: one deadline, one amount
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, corpus)
    _edit(corpus / "programmes" / "eu-accelerator.yaml", deadline="2027-01-21")
    _edit(corpus / "programmes" / "berlin-innovation-grant.yaml",
          amount={"max_eur": 500000, "text_de": "Zuschuss bis 500.000 EUR", "text_en": "Grant up to EUR 500,000"})

    r = cli_env(["consultations", "recheck", "--json"], MATCHER_CORPUS_DIR=str(corpus),
                MATCHER_DATA_DIR=str(tmp_path / "data"), MATCHER_TODAY=TODAY, MATCHER_DATABASE_URL=db_url)
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert [x["consultation_id"] for x in rows] == [cid]
    d = rows[0]["differences"]
    assert sorted((c["id"], c["field"], c["old"], c["new"]) for c in d["changed"]) == [
        ("berlin-innovation-grant", "amount", "Zuschuss bis 400.000 EUR", "Zuschuss bis 500.000 EUR"),
        ("eu-accelerator", "deadline", "2026-12-17", "2027-01-21"),
    ]
    assert d["now_fit"] == d["closed"] == d["new_calls"] == d["removed"] == []
    assert rows[0]["n_differences"] == 2

    # the text listing says the same; the recheck is stored beside the consultation, which is unchanged
    r = cli_env(["consultations", "recheck", "--since", "2000-01-01"])
    assert r.exit_code == 0, r.output
    assert "2 difference(s)" in r.stdout
    assert "changed amount: berlin-innovation-grant: Zuschuss bis 400.000 EUR -> Zuschuss bis 500.000 EUR" in r.stdout
    assert "changed deadline: eu-accelerator: 2026-12-17 -> 2027-01-21" in r.stdout
    rechecks = store.list_rechecks(cid)
    assert len(rechecks) == 2 and all(x.differences == d for x in rechecks)
    assert store.get_consultation(cid) == saved
    assert len(store.list_consultations()) == 1

    # and the consultant's list in the UI shows those two differences
    html = plan_render.rechecks_html(plan_render.recheck_rows(store.list_rechecks(), store.list_consultations()), "de")
    assert "Recycling Test GmbH" in html and "2 Änderung(en)" in html
    assert "Geändert: Frist: EU Accelerator (Testprogramm): 17.12.2026 → 21.01.2027" in html
    assert "Geändert: Umfang: Berliner Innovationszuschuss (Testprogramm): Zuschuss bis 400.000 EUR → " \
           "Zuschuss bis 500.000 EUR" in html
    store.close()
