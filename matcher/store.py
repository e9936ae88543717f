"""Saved consultations and answer feedback, in SQLite (default) or PostgreSQL.

One ``Store`` per database URL (``get_store()``). Every call is one short transaction, so many
threads, processes and app instances can write at once; tables are created on first use.
Privacy: feedback keeps the SHA-256 of the query, never its text, and no IP address or user agent.

    store = get_store()
    cid = store.save_consultation("Muster GmbH", profile, result.to_json_dict(), notes="Rückruf Mo")
    store.add_feedback(answer_id=result.id, helpful=True, consultation_id=cid,
                       query_sha256=query_hash(query), programme_ids=[h.id for h in result.programmes])
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import threading
import time
import unicodedata
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Literal, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy import event, exc

from .errors import InputError, StoreError
from .settings import get_settings

NAME_MAX, COMMENT_MAX, NOTES_MAX, ID_MAX, JSON_MAX = 200, 2000, 20_000, 200, 5_000_000
T = TypeVar("T")

metadata = sa.MetaData()
consultations = sa.Table(
    "consultations", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("client_name", sa.String(NAME_MAX), nullable=False),
    sa.Column("lang", sa.String(2), nullable=False),
    sa.Column("profile", sa.JSON, nullable=False),  # plain JSON, not JSONB: jsonb rejects \u0000
    sa.Column("result", sa.JSON, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
feedback = sa.Table(
    "feedback", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("answer_id", sa.String(ID_MAX), nullable=False, index=True),
    sa.Column("consultation_id", sa.String(32), nullable=True, index=True),
    sa.Column("helpful", sa.Boolean, nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("query_sha256", sa.String(64), nullable=True),
    sa.Column("programme_ids", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
)


rechecks = sa.Table(
    "rechecks", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("consultation_id", sa.String(32), nullable=False, index=True),
    sa.Column("corpus_hash", sa.String(64), nullable=False),
    sa.Column("differences", sa.JSON, nullable=False),
    sa.Column("result", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
)


class Recheck(BaseModel):
    """A saved consultation re-run against a later corpus (stored beside it, never over it)."""

    id: str
    consultation_id: str
    corpus_hash: str
    differences: dict[str, Any]
    result: dict[str, Any]
    created_at: dt.datetime


class ConsultationSummary(BaseModel):
    """One line of the saved-consultations list."""

    id: str
    client_name: str
    lang: Literal["de", "en"]
    created_at: dt.datetime
    updated_at: dt.datetime


class Consultation(ConsultationSummary):
    """A saved consultation: the profile and the ``MatchResult`` JSON dict as they were shown."""

    profile: dict[str, Any]
    result: dict[str, Any]
    notes: str


class Feedback(BaseModel):
    """A helpful / not helpful vote on one answer."""

    id: str
    answer_id: str
    helpful: bool
    comment: str
    consultation_id: str | None
    query_sha256: str | None
    programme_ids: list[str]
    created_at: dt.datetime


def query_hash(query: str) -> str:
    """The SHA-256 hex digest that ``add_feedback`` stores instead of the query text."""
    return hashlib.sha256(query.strip().encode("utf-8")).hexdigest()


def mask_url(url: str) -> str:
    """The URL with any password replaced by ``***``, safe for messages and logs."""
    try:
        shown = sa.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparsable database URL>"
    return re.sub(r"(?i)(password=)[^&]*", r"\1***", shown)


def _clean(field: str, value: Any, max_len: int, *, min_len: int = 0, multiline: bool = True) -> str:
    if not isinstance(value, str):
        raise InputError(f"{field} must be a string, got {type(value).__name__}")
    value = "".join(ch for ch in value.replace("\r\n", "\n")
                    if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    value = value.strip() if multiline else " ".join(value.split())
    if not min_len <= len(value) <= max_len:
        span = f"{min_len}-{max_len} characters" if min_len else f"at most {max_len} characters"
        raise InputError(f"{field} must be {span} (got {len(value)} after removing control characters)")
    return value


def _json_object(field: str, value: Any) -> dict:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if not isinstance(value, dict):
        raise InputError(f"{field} must be a JSON object (dict), got {type(value).__name__}")
    try:
        size = len(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError) as e:
        raise InputError(f"{field} is not JSON-serialisable: {e}") from None
    if size > JSON_MAX:
        raise InputError(f"{field} is too large ({size} bytes as JSON, limit {JSON_MAX})")
    return value


def _id(value: Any) -> str:
    """A 32-hex id as made by this module, or "" (which matches no row)."""
    return value.lower() if isinstance(value, str) and re.fullmatch(r"[0-9a-fA-F]{32}", value) else ""


def _check_limit(limit: Any, most: int) -> None:
    if not isinstance(limit, int) or not 1 <= limit <= most:
        raise InputError(f"limit must be 1-{most}, got {limit!r}")


def _dates(row: dict) -> dict:
    # SQLite hands back naive datetimes; we only ever write UTC.
    return {k: (v.replace(tzinfo=dt.UTC) if v.tzinfo is None else v.astimezone(dt.UTC))
            if isinstance(v, dt.datetime) else v for k, v in row.items()}


class Store:
    """Saved consultations and feedback in one database.

    Args:
        url: SQLAlchemy URL; ``None`` means ``MATCHER_DATABASE_URL`` or else SQLite in the data dir.
            ``postgresql://`` is read as ``postgresql+psycopg://`` (psycopg 3).
        busy_timeout_s: how long SQLite waits for another writer before "database is locked".
        retries: extra attempts, with backoff, when SQLite still reports "database is locked".
    """

    def __init__(self, url: str | None = None, *, busy_timeout_s: float = 30.0, retries: int = 8):
        if url is None:
            settings = get_settings()
            url = settings.database_url or settings.sqlite_url
        self.url, self.safe_url, self._retries = url, mask_url(url), retries
        self._engine = _make_engine(url, busy_timeout_s)
        self._sqlite = self._engine.dialect.name == "sqlite"
        self._ready, self._lock = False, threading.Lock()

    # ------------------------------------------------------------ consultations
    def save_consultation(self, client_name: str, profile: dict, result: dict, notes: str = "",
                          lang: str = "de") -> str:
        """Save a consultation; returns its id (uuid4 hex). ``result`` is ``MatchResult.to_json_dict()``."""
        if lang not in ("de", "en"):
            raise InputError(f"lang must be 'de' or 'en', got {lang!r}")
        now = dt.datetime.now(dt.UTC)
        row = dict(id=uuid.uuid4().hex, client_name=_clean("client name", client_name, NAME_MAX, min_len=1,
                   multiline=False), lang=lang, profile=_json_object("profile", profile),
                   result=_json_object("result", result), notes=_clean("notes", notes, NOTES_MAX),
                   created_at=now, updated_at=now)
        self._tx("saving a consultation", lambda c: c.execute(consultations.insert().values(**row)))
        return row["id"]

    def list_consultations(self, limit: int = 100) -> list[ConsultationSummary]:
        """Saved consultations, newest first (at most ``limit``, 1-1000)."""
        _check_limit(limit, 1000)
        t = consultations.c
        q = (sa.select(t.id, t.client_name, t.lang, t.created_at, t.updated_at)
             .order_by(t.created_at.desc(), t.id).limit(limit))
        rows = self._tx("listing consultations", lambda c: c.execute(q).all(), write=False)
        return [ConsultationSummary(**_dates(r._asdict())) for r in rows]

    def get_consultation(self, consultation_id: str) -> Consultation | None:
        """The saved consultation, or ``None`` if there is none with this id."""
        q = sa.select(consultations).where(consultations.c.id == _id(consultation_id))
        row = self._tx("reading a consultation", lambda c: c.execute(q).first(), write=False)
        return Consultation(**_dates(row._asdict())) if row else None

    def update_notes(self, consultation_id: str, notes: str) -> bool:
        """Replace the notes; returns False if the consultation does not exist."""
        q = (consultations.update().where(consultations.c.id == _id(consultation_id))
             .values(notes=_clean("notes", notes, NOTES_MAX), updated_at=dt.datetime.now(dt.UTC)))
        return self._tx("updating notes", lambda c: c.execute(q).rowcount) == 1

    def delete_consultation(self, consultation_id: str) -> bool:
        """Delete a consultation and its feedback (comments may name the client); False if absent."""
        cid = _id(consultation_id)

        def delete(c: sa.Connection) -> int:
            c.execute(feedback.delete().where(feedback.c.consultation_id == cid))
            c.execute(rechecks.delete().where(rechecks.c.consultation_id == cid))
            return c.execute(consultations.delete().where(consultations.c.id == cid)).rowcount

        return self._tx("deleting a consultation", delete) == 1

    # ------------------------------------------------------------ rechecks
    def save_recheck(self, consultation_id: str, differences: dict, result: dict, corpus_hash: str = "") -> str:
        """Store a recheck of a consultation (its differences and the new result); returns its id."""
        cid = _id(consultation_id)
        if not cid:
            raise InputError(f"consultation id must be an id from save_consultation, got {consultation_id!r}")
        row = dict(id=uuid.uuid4().hex, consultation_id=cid, corpus_hash=_clean("corpus hash", corpus_hash, 64),
                   differences=_json_object("differences", differences), result=_json_object("result", result),
                   created_at=dt.datetime.now(dt.UTC))
        self._tx("saving a recheck", lambda c: c.execute(rechecks.insert().values(**row)))
        return row["id"]

    def list_rechecks(self, consultation_id: str | None = None, limit: int = 100) -> list[Recheck]:
        """Rechecks, newest first; only one consultation's if given."""
        _check_limit(limit, 1000)
        q = sa.select(rechecks).order_by(rechecks.c.created_at.desc(), rechecks.c.id).limit(limit)
        if consultation_id is not None:
            q = q.where(rechecks.c.consultation_id == _id(consultation_id))
        rows = self._tx("listing rechecks", lambda c: c.execute(q).all(), write=False)
        return [Recheck(**_dates(r._asdict())) for r in rows]

    # ------------------------------------------------------------ feedback
    def add_feedback(self, answer_id: str, helpful: bool, comment: str = "",
                     consultation_id: str | None = None, query_sha256: str | None = None,
                     programme_ids: list[str] | tuple[str, ...] = ()) -> str:
        """Record a vote on an answer; returns the feedback id. Pass ``query_hash(query)``, not the query."""
        if not isinstance(helpful, bool):
            raise InputError(f"helpful must be True or False, got {helpful!r}")
        if query_sha256 is not None and not re.fullmatch(r"[0-9a-f]{64}", str(query_sha256).lower()):
            raise InputError("query_sha256 must be 64 hex characters (use matcher.store.query_hash(query))")
        if not isinstance(programme_ids, (list, tuple)) or not all(isinstance(p, str) for p in programme_ids):
            raise InputError("programme_ids must be a list of strings (the ranked programme ids shown)")
        if len(programme_ids) > 200 or any(len(p) > ID_MAX for p in programme_ids):
            raise InputError(f"programme_ids: at most 200 ids of at most {ID_MAX} characters each")
        if consultation_id is not None and not _id(consultation_id):
            raise InputError(f"consultation id must be an id from save_consultation, got {consultation_id!r}")
        row = dict(id=uuid.uuid4().hex, answer_id=_clean("answer id", answer_id, ID_MAX, min_len=1,
                   multiline=False), helpful=helpful, comment=_clean("comment", comment, COMMENT_MAX),
                   consultation_id=_id(consultation_id) or None,
                   query_sha256=query_sha256.lower() if query_sha256 else None,
                   programme_ids=list(programme_ids), created_at=dt.datetime.now(dt.UTC))
        self._tx("saving feedback", lambda c: c.execute(feedback.insert().values(**row)))
        return row["id"]

    def list_feedback(self, consultation_id: str | None = None, limit: int = 1000) -> list[Feedback]:
        """Feedback, newest first (at most ``limit``, 1-10000); only one consultation's if given."""
        _check_limit(limit, 10_000)
        q = sa.select(feedback).order_by(feedback.c.created_at.desc(), feedback.c.id).limit(limit)
        if consultation_id is not None:
            q = q.where(feedback.c.consultation_id == _id(consultation_id))
        rows = self._tx("listing feedback", lambda c: c.execute(q).all(), write=False)
        return [Feedback(**_dates(r._asdict())) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts: consultations, feedback, helpful, not_helpful."""
        f = feedback.c
        q = sa.select(
            sa.select(sa.func.count()).select_from(consultations).scalar_subquery(),
            sa.func.count(f.id), sa.func.count(f.id).filter(f.helpful.is_(True)),
        ).select_from(feedback)
        n_con, n_fb, n_yes = self._tx("counting rows", lambda c: c.execute(q).one(), write=False)
        return {"consultations": n_con, "feedback": n_fb, "helpful": n_yes, "not_helpful": n_fb - n_yes}

    def close(self) -> None:
        self._engine.dispose()

    # ------------------------------------------------------------ plumbing
    def _tx(self, doing: str, fn: Callable[[sa.Connection], T], write: bool = True) -> T:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    self._run("creating tables", _create_tables, write=True)
                    self._ready = True
        return self._run(doing, fn, write)

    def _run(self, doing: str, fn: Callable[[sa.Connection], T], write: bool) -> T:
        """One transaction; on SQLite, retried with backoff while the file is locked."""
        for attempt in range(self._retries + 1):
            connected = False
            try:
                with self._engine.connect() as conn:
                    connected = True
                    conn.execution_options(matcher_write=write)
                    with conn.begin():
                        return fn(conn)
            except exc.DBAPIError as e:
                locked = self._sqlite and any(w in str(e.orig).lower() for w in ("locked", "busy"))
                if locked and attempt < self._retries:
                    time.sleep(min(0.05 * 2 ** attempt, 1.0) * random.uniform(0.5, 1.5))
                    continue
                if connected:
                    hint = " (raise busy_timeout_s or reduce writers)" if locked else ""
                    raise StoreError(f"database error while {doing} at {self.safe_url}: {self._reason(e)}{hint}") from e
                if self._sqlite:
                    raise StoreError(f"cannot open SQLite database {self.safe_url}: {self._reason(e)}. Check that "
                                     "the data dir exists and is writable (MATCHER_DATA_DIR), or set "
                                     "MATCHER_DATABASE_URL.") from e
                raise StoreError(f"cannot reach database at {self.safe_url}: {self._reason(e)}. Is the server "
                                 "running and the URL right? Set MATCHER_DATABASE_URL (unset it to use SQLite "
                                 "in the data dir).") from e
        raise AssertionError("unreachable")

    def _reason(self, e: exc.DBAPIError) -> str:
        reason = (str(e.orig).strip().splitlines() or [type(e.orig).__name__])[0]
        password = sa.make_url(self.url).password
        return reason.replace(str(password), "***") if password else reason


def _create_tables(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        # Serialise create_all across app instances starting at once (it is check-then-create).
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72640193)")
    metadata.create_all(conn)


def _make_engine(url: str, busy_timeout_s: float) -> sa.Engine:
    try:
        u = sa.make_url(url)
    except exc.ArgumentError:
        raise StoreError("invalid database URL (MATCHER_DATABASE_URL); expected e.g. "
                         "'postgresql+psycopg://user@host:5432/db' or 'sqlite:///path/matcher.db'") from None
    if u.drivername == "postgresql":
        u = u.set(drivername="postgresql+psycopg")
    try:
        if u.get_backend_name() != "sqlite":
            args = {"connect_timeout": 10} if u.get_backend_name() == "postgresql" else {}
            return sa.create_engine(u, pool_pre_ping=True, pool_size=5, max_overflow=15, connect_args=args)
        if not u.database or u.database == ":memory:" or u.database.startswith("file:"):
            raise StoreError("in-memory SQLite is not supported (each connection would see its own "
                             "empty database); use a file URL like 'sqlite:///path/matcher.db'")
        Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(u, pool_size=5, max_overflow=15, connect_args={
            "timeout": busy_timeout_s, "check_same_thread": False})
    except (ImportError, exc.NoSuchModuleError) as e:
        raise StoreError(f"no database driver for {mask_url(url)}: {e}. For PostgreSQL use "
                         "'postgresql+psycopg://…' and `pip install 'psycopg[binary]'`.") from None
    except OSError as e:
        raise StoreError(f"cannot create the folder for {mask_url(url)}: {e}; set MATCHER_DATA_DIR") from None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Writers take the lock up front: a deferred BEGIN that upgrades to a write lock later
        # gets SQLITE_BUSY at once, without waiting for busy_timeout.
        write = conn.get_execution_options().get("matcher_write", True)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def get_store(url: str | None = None) -> Store:
    """The app's shared ``Store`` for ``url`` (default: from settings), created once per URL."""
    if url is None:
        settings = get_settings()
        url = settings.database_url or settings.sqlite_url
    return _store_for(url)


@lru_cache(maxsize=16)
def _store_for(url: str) -> Store:
    return Store(url)
