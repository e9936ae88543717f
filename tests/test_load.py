"""Load test of the running app (``evals/load.py``): concurrent sessions, no errors, no cross-session answers,
and exactly the feedback and consultations written end up in the database (SQLite and PostgreSQL).

Each test starts its own app (``matcher serve`` on a free 127.0.0.1 port, temp data dir, shipped corpus).
Set ``MATCHER_LOAD_RESULTS=1`` to also write the figures into the "## Load test" block of evals/RESULTS.md.
"""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.slow


def _run_and_check(sessions: int, seconds: float, database_url: str | None = None) -> dict:
    from evals.load import print_report, run_with_app, write_results

    r = run_with_app(sessions, seconds, database_url=database_url, timeout_s=120.0)
    print_report(r)
    if os.environ.get("MATCHER_LOAD_RESULTS", "").lower() in ("1", "true", "yes"):
        write_results(r)
    assert r["server_alive"], "the app died under load"
    assert r["errors"] == 0, r["error_samples"]
    assert r["wrong_session"] == 0, r["wrong_samples"]
    assert r["db"]["exact"], r["db"]["problems"]
    db = r["db"]
    assert db["feedback_uncertain"] == 0
    assert db["feedback_in_db"] == db["feedback_written"] == db["feedback_count_delta"]
    assert db["consultations_in_db"] == db["consultations_written"] == db["consultations_count_delta"]
    # every session got answers; feedback and saves happened (the run did more than connect)
    assert r["chat_answers"] >= sessions and db["feedback_written"] > 0 and db["consultations_written"] > 0
    assert r["server_log_errors"] == 0, r["server_log_samples"]
    return r


@pytest.mark.timeout(900)
def test_twenty_sessions_for_a_minute_on_sqlite():
    _run_and_check(sessions=20, seconds=60)


@pytest.mark.postgres
@pytest.mark.timeout(600)
def test_ten_sessions_on_postgresql(postgres_db_url):
    r = _run_and_check(sessions=10, seconds=15, database_url=postgres_db_url)
    assert r["backend"] == "PostgreSQL"
