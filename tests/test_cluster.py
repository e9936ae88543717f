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


def test_nginx_moves_to_a_fresh_port_when_its_port_was_taken_meanwhile(tmp_path, monkeypatch):
    """The nginx port is chosen when nginx starts; if that port is in use by then (the local end of an outgoing
    connection can land on it), nginx is started again on a fresh one instead of failing the whole cluster."""
    import http.server
    import socket
    import threading

    from deploy import cluster as cl

    class Ok(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    app = http.server.ThreadingHTTPServer((cl.HOST, 0), Ok)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    taken = socket.socket()
    taken.bind((cl.HOST, 0))
    taken.listen()
    real_free_port = cl.free_port
    picks = iter([taken.getsockname()[1]])
    monkeypatch.setattr(cl, "free_port", lambda: next(picks, None) or real_free_port())
    c = cl.Cluster(run_dir=tmp_path, instances=1)
    c.run_dir.mkdir(exist_ok=True)
    (c.run_dir / "logs").mkdir(exist_ok=True)
    c.ports = {"app1": app.server_address[1], "nginx": taken.getsockname()[1]}  # chosen earlier, taken since
    try:
        c._start_nginx(timeout_s=30)
        assert c.ports["nginx"] != taken.getsockname()[1]
        assert cl._http_ok(c.url)
    finally:
        c.stop()
        app.shutdown()
        taken.close()
