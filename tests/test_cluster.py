"""The cluster (deploy/cluster.py): N ``matcher serve`` instances behind nginx with one Chroma server and
one PostgreSQL. The load test runs through nginx: sessions stay on their instance (sticky cookie), and
killing an instance mid-run loses no feedback or saved consultation that was acknowledged.
"""

from __future__ import annotations

import pytest

from fixtures.engine import FIXTURE_CORPUS

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture(scope="module", autouse=True)
def _needs_nginx_and_postgres():
    from deploy.cluster import nginx_bin, pg_bindir

    from fixtures.postgres import skip_or_fail

    if not nginx_bin() or not pg_bindir():
        skip_or_fail("nginx or PostgreSQL missing: make cluster-deps")


@pytest.mark.timeout(600)
def test_load_through_nginx_keeps_sessions_apart_and_the_database_exact():
    from evals.load import print_report, run_with_cluster

    r = run_with_cluster(sessions=8, seconds=15, instances=2, corpus_dir=FIXTURE_CORPUS)
    print_report(r)
    assert r["errors"] == 0, r["error_samples"]
    assert r["wrong_session"] == 0, r["wrong_samples"]
    assert r["db"]["exact"], r["db"]["problems"]
    assert r["chat_answers"] >= 8 and r["db"]["feedback_written"] > 0 and r["db"]["consultations_written"] > 0
    assert r["server_alive"] and r["server_log_errors"] == 0, r["server_log_samples"]


@pytest.mark.timeout(600)
def test_killing_an_instance_mid_run_loses_no_acknowledged_write():
    from evals.load import print_report, run_with_cluster

    r = run_with_cluster(sessions=8, seconds=20, instances=2, kill_at=7, corpus_dir=FIXTURE_CORPUS)
    print_report(r)
    db = r["db"]
    assert db["exact"], db["problems"]  # every acknowledged feedback and save is in PostgreSQL, nothing else
    assert r["wrong_session"] == 0, r["wrong_samples"]
    assert r["server_alive"], "the surviving instance died"
    # the run went on after the kill: sessions of the dead instance reconnected to the other one
    assert r["connects"] > 8 and r["chat_answers"] >= 16
    assert db["feedback_in_db"] >= db["feedback_written"] > 0 and db["consultations_in_db"] >= db["consultations_written"] > 0
