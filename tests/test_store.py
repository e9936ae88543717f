"""Saved consultations and feedback against real SQLite files and a throwaway PostgreSQL."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.postgres import skip_or_fail
from matcher.errors import InputError, StoreError
from matcher.settings import get_settings
from matcher.store import Store, get_store, query_hash

PROFILE = {"lang": "de", "employees": 12, "needs": ["rnd"], "location": "berlin"}
RESULT = {"id": "a1", "lang": "de", "programmes": [{"id": "pro-fit", "score": 0.91}], "answer": "Förderung …"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'matcher.db'}"
    return request.getfixturevalue("postgres_db_url")


@pytest.fixture
def store(db_url: str):
    s = Store(db_url)
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'matcher.db'}")
    yield s
    s.close()


# ---------------------------------------------------------------- round trips (both backends)

def test_saved_consultation_round_trips(store: Store):
    cid = store.save_consultation("Muster GmbH", PROFILE, RESULT, notes="Rückruf Montag\nPRO FIT prüfen", lang="en")
    got = store.get_consultation(cid)
    assert got is not None
    assert (got.id, got.client_name, got.lang) == (cid, "Muster GmbH", "en")
    assert (got.profile, got.result, got.notes) == (PROFILE, RESULT, "Rückruf Montag\nPRO FIT prüfen")
    assert got.created_at == got.updated_at and got.created_at.tzinfo is not None
    assert len(cid) == 32 and int(cid, 16) >= 0


def test_list_is_newest_first_and_respects_limit(store: Store):
    ids = [store.save_consultation(f"Kunde {i}", PROFILE, RESULT) for i in range(3)]
    listed = store.list_consultations()
    assert [c.id for c in listed] == ids[::-1]
    assert [c.client_name for c in listed] == ["Kunde 2", "Kunde 1", "Kunde 0"]
    assert [c.id for c in store.list_consultations(limit=2)] == ids[:0:-1]


def test_update_notes_changes_notes_and_updated_at_only(store: Store):
    cid = store.save_consultation("Muster GmbH", PROFILE, RESULT, notes="alt")
    before = store.get_consultation(cid)
    assert store.update_notes(cid, "neu") is True
    after = store.get_consultation(cid)
    assert after.notes == "neu" and after.created_at == before.created_at
    assert after.updated_at > before.updated_at
    assert store.update_notes("0" * 32, "x") is False


def test_delete_removes_consultation_and_its_feedback(store: Store):
    keep = store.save_consultation("Bleibt AG", PROFILE, RESULT)
    gone = store.save_consultation("Weg GmbH", PROFILE, RESULT)
    store.add_feedback("a1", True, consultation_id=gone)
    store.add_feedback("a2", False, consultation_id=keep)
    assert store.delete_consultation(gone) is True
    assert store.delete_consultation(gone) is False
    assert store.get_consultation(gone) is None
    assert [c.id for c in store.list_consultations()] == [keep]
    assert [f.answer_id for f in store.list_feedback()] == ["a2"]


def test_feedback_round_trips_and_counts(store: Store):
    cid = store.save_consultation("Muster GmbH", PROFILE, RESULT)
    digest = query_hash("Zuschuss für eine neue Fräsmaschine")
    store.add_feedback("a1", True, "passt", consultation_id=cid, query_sha256=digest,
                       programme_ids=["pro-fit", "gruenderbonus"])
    store.add_feedback("a2", False, "Programm ist ausgelaufen")
    store.add_feedback("a3", False)
    mine = store.list_feedback(consultation_id=cid)
    assert len(mine) == 1
    f = mine[0]
    assert (f.answer_id, f.helpful, f.comment, f.consultation_id) == ("a1", True, "passt", cid)
    assert (f.query_sha256, f.programme_ids) == (digest, ["pro-fit", "gruenderbonus"])
    assert [x.answer_id for x in store.list_feedback()] == ["a3", "a2", "a1"]
    assert store.counts() == {"consultations": 1, "feedback": 3, "helpful": 1, "not_helpful": 2}


def test_unknown_or_malformed_ids_match_nothing(store: Store):
    cid = store.save_consultation("Muster GmbH", PROFILE, RESULT)
    for other in ("0" * 32, cid + "x", cid[:31], "not-an-id", None):
        assert store.get_consultation(other) is None
        assert store.update_notes(other, "x") is False
        assert store.delete_consultation(other) is False
    assert store.get_consultation(cid.upper()).id == cid


def test_json_with_nul_surrogate_and_umlauts_round_trips(store: Store):
    odd = {"text": "a\u0000b \ud800 Größe €", "nested": [{"n": 1.5, "ok": None}]}
    cid = store.save_consultation("Muster GmbH", odd, {"answer": "\u0000"})
    got = store.get_consultation(cid)
    assert (got.profile, got.result) == (odd, {"answer": "\u0000"})


def test_schema_stores_no_ip_user_agent_or_query_text(store: Store):
    store.counts()  # creates the tables
    engine = sa.create_engine(store.url, poolclass=sa.NullPool)
    insp = sa.inspect(engine)
    cols = {t: {c["name"] for c in insp.get_columns(t)} for t in ("consultations", "feedback")}
    engine.dispose()
    assert cols["feedback"] == {"id", "answer_id", "consultation_id", "helpful", "comment",
                                "query_sha256", "programme_ids", "created_at"}
    assert cols["consultations"] == {"id", "client_name", "lang", "profile", "result", "notes",
                                     "created_at", "updated_at"}
    for name in cols["feedback"] | cols["consultations"]:
        assert not any(word in name for word in ("ip", "addr", "agent", "host", "remote", "query_text"))


def test_tables_are_created_idempotently_by_several_stores(db_url: str):
    stores = [Store(db_url) for _ in range(3)]
    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(lambda s: s.counts()["consultations"], stores)) == [0, 0, 0]
    stores[0].save_consultation("A", PROFILE, RESULT)
    assert Store(db_url).counts()["consultations"] == 1
    for s in stores:
        s.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=250), notes=st.text(max_size=300))
def test_any_text_is_stored_cleanly_or_rejected(store: Store, name: str, notes: str):
    try:
        cid = store.save_consultation(name, {"q": name}, RESULT, notes=notes)
    except InputError as e:
        assert "client name must be 1-200 characters" in str(e)
        return
    got = store.get_consultation(cid)
    assert got.profile == {"q": name}  # JSON keeps everything, even NUL and lone surrogates
    for text in (got.client_name, got.notes):
        assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text if ch not in "\n\t")
    assert got.client_name == " ".join(got.client_name.split()) and "\n" not in got.client_name


# ---------------------------------------------------------------- concurrency (both backends)

def test_twenty_threads_writing_at_once_lose_nothing(store: Store):
    start = threading.Barrier(20)

    def writer(n: int) -> list[str]:
        start.wait()
        return [store.save_consultation(f"Kunde {n}-{i}", PROFILE, RESULT) for i in range(25)]

    with ThreadPoolExecutor(20) as pool:
        ids = [i for batch in pool.map(writer, range(20)) for i in batch]
    assert len(set(ids)) == 500
    assert store.counts()["consultations"] == 500
    assert {c.id for c in store.list_consultations(limit=1000)} == set(ids)


def _write_from_process(url: str, tag: str, n: int) -> None:
    s = Store(url)
    for i in range(n):
        s.save_consultation(f"{tag}-{i}", PROFILE, RESULT)
        s.add_feedback(f"{tag}-{i}", i % 2 == 0)
    s.close()


def test_two_processes_writing_at_once_lose_nothing(db_url: str):
    ctx = multiprocessing.get_context("spawn")  # no fork: the parent holds threads and pools
    procs = [ctx.Process(target=_write_from_process, args=(db_url, tag, 60)) for tag in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    s = Store(db_url)
    assert s.counts() == {"consultations": 120, "feedback": 120, "helpful": 60, "not_helpful": 60}
    names = {c.client_name for c in s.list_consultations(limit=1000)}
    assert names == {f"{t}-{i}" for t in ("p1", "p2") for i in range(60)}
    s.close()


# ---------------------------------------------------------------- SQLite specifics

def test_sqlite_uses_wal_and_waits_for_a_locked_database(tmp_path):
    path = tmp_path / "matcher.db"
    s = Store(f"sqlite:///{path}", busy_timeout_s=0.05)
    s.counts()
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    assert blocker.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    blocker.execute("BEGIN EXCLUSIVE")
    threading.Timer(0.5, lambda: blocker.execute("COMMIT")).start()
    t0 = time.monotonic()
    cid = s.save_consultation("Wartet GmbH", PROFILE, RESULT)  # busy for 0.5 s, then retried
    assert time.monotonic() - t0 >= 0.4
    assert s.get_consultation(cid).client_name == "Wartet GmbH"
    s.close()


def test_sqlite_lock_that_outlasts_the_retries_is_a_store_error(tmp_path):
    path = tmp_path / "matcher.db"
    s = Store(f"sqlite:///{path}", busy_timeout_s=0.01, retries=1)
    s.counts()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StoreError, match=r"database error while saving a consultation .*locked"):
        s.save_consultation("X", PROFILE, RESULT)
    blocker.execute("ROLLBACK")
    s.close()


def test_default_url_is_sqlite_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MATCHER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MATCHER_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        s = get_store()
        assert s.url == f"sqlite:///{tmp_path / 'data' / 'matcher.db'}"
        assert get_store() is s and get_store(s.url) is s
        assert get_store(f"sqlite:///{tmp_path / 'other.db'}") is not s
        s.save_consultation("A", PROFILE, RESULT)
        assert (tmp_path / "data" / "matcher.db").exists()
    finally:
        get_settings.cache_clear()


# ---------------------------------------------------------------- validation and errors

LONG = "x" * 2001


@pytest.mark.parametrize("method, kwargs, message", [
    ("save_consultation", {"client_name": ""}, "client name must be 1-200 characters (got 0"),
    ("save_consultation", {"client_name": " \x00\x07\n "}, "client name must be 1-200 characters (got 0"),
    ("save_consultation", {"client_name": "x" * 201}, "client name must be 1-200 characters (got 201"),
    ("save_consultation", {"client_name": 42}, "client name must be a string, got int"),
    ("save_consultation", {"lang": "fr"}, "lang must be 'de' or 'en', got 'fr'"),
    ("save_consultation", {"profile": ["x"]}, "profile must be a JSON object (dict), got list"),
    ("save_consultation", {"result": {"score": float("nan")}}, "result is not JSON-serialisable"),
    ("save_consultation", {"notes": "x" * 20_001}, "notes must be at most 20000 characters"),
    ("add_feedback", {"comment": LONG}, "comment must be at most 2000 characters (got 2001"),
    ("add_feedback", {"answer_id": "\t"}, "answer id must be 1-200 characters (got 0"),
    ("add_feedback", {"helpful": "yes"}, "helpful must be True or False, got 'yes'"),
    ("add_feedback", {"query_sha256": "Zuschuss Maschine"}, "query_sha256 must be 64 hex characters"),
    ("add_feedback", {"programme_ids": "pro-fit"}, "programme_ids must be a list of strings"),
    ("add_feedback", {"programme_ids": ["p"] * 201}, "programme_ids: at most 200 ids"),
    ("add_feedback", {"consultation_id": "42"}, "consultation id must be an id from save_consultation"),
    ("list_consultations", {"limit": 0}, "limit must be 1-1000, got 0"),
])
def test_invalid_input_is_rejected_with_a_clear_message(sqlite_store: Store, method, kwargs, message):
    defaults = {
        "save_consultation": {"client_name": "Muster GmbH", "profile": PROFILE, "result": RESULT},
        "add_feedback": {"answer_id": "a1", "helpful": True},
        "list_consultations": {},
    }[method]
    with pytest.raises(InputError) as err:
        getattr(sqlite_store, method)(**{**defaults, **kwargs})
    assert message in str(err.value)
    assert sqlite_store.counts()["consultations"] == sqlite_store.counts()["feedback"] == 0


def test_control_characters_are_stripped_but_newlines_kept_in_text(sqlite_store: Store):
    cid = sqlite_store.save_consultation(" Muster\x00 GmbH\x1b\n", PROFILE, RESULT, notes="a\r\nb\x07\tc")
    got = sqlite_store.get_consultation(cid)
    assert (got.client_name, got.notes) == ("Muster GmbH", "a\nb\tc")
    cid = sqlite_store.save_consultation("Muster\n\tGmbH  &  Co.\u200b", PROFILE, RESULT)
    assert sqlite_store.get_consultation(cid).client_name == "Muster GmbH & Co.\u200b"  # Cf is kept
    sqlite_store.add_feedback("a1", False, comment="zu\x00 alt\nbitte prüfen")
    assert sqlite_store.list_feedback()[0].comment == "zu alt\nbitte prüfen"


def test_query_hash_is_sha256_of_the_stripped_query():
    assert query_hash("  abc \n") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize("url, message, secret", [
    ("postgresql+psycopg://anna:s3cr3t@127.0.0.1:1/matcher",
     "cannot reach database at postgresql+psycopg://anna:***@127.0.0.1:1/matcher", "s3cr3t"),
    ("postgresql://anna@127.0.0.1:1/matcher?password=s3cr3t", "password=***", "s3cr3t"),
    ("not a url with pw s3cr3t", "invalid database URL (MATCHER_DATABASE_URL)", "s3cr3t"),
    ("mysql://anna:s3cr3t@h/db", "no database driver for mysql://anna:***@h/db", "s3cr3t"),
    ("sqlite://", "in-memory SQLite is not supported", None),
])
def test_unusable_database_url_is_a_store_error_without_the_password(url, message, secret):
    with pytest.raises(StoreError) as err:
        Store(url).counts()
    assert message in str(err.value)
    if secret:
        assert secret not in str(err.value)
    assert "MATCHER_DATABASE_URL" in str(err.value) or "SQLite" in str(err.value) or "psycopg" in str(err.value)


def test_missing_postgres_skips_locally_but_fails_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no binaries"):
        skip_or_fail("no binaries")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no binaries.*CI is set"):
        skip_or_fail("no binaries")
