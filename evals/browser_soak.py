"""The browser test again and again while a second app instance runs beside it and the CPU is loaded.

    python -m evals.browser_soak --runs 10                 # one process + SQLite per run (the test's own app)
    python -m evals.browser_soak --runs 3 --setup cluster  # the test against 2 instances + nginx + PostgreSQL

A second ``matcher serve`` (own data dir, port 7860 if free, else a free one) answers a chat every few
seconds, and ``--burners`` processes spin on the CPU, for the whole soak. Bounded: every pytest run has a
timeout; the helpers are ended by pid at the end. Prints one line per run and the tally.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .load import HOST, REPO, App


def _burn(stop_at: float) -> None:
    x = 0
    while time.time() < stop_at:
        x = (x * 31 + 7) % 1_000_003


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind((HOST, port))
            return True
        except OSError:
            return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.browser_soak")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--burners", type=int, default=2, help="CPU-spinning processes during the soak")
    ap.add_argument("--setup", choices=["single", "cluster"], default="single")
    ap.add_argument("--run-timeout", type=float, default=900.0)
    a = ap.parse_args(argv)
    data = Path(tempfile.mkdtemp(prefix="matcher-soak-"))
    second = App(data, port=7860 if _port_free(7860) else None)  # the default port, as in the report
    burners: list[multiprocessing.Process] = []
    stop = threading.Event()
    results: list[tuple[int, bool, float, str]] = []
    try:
        second.wait()
        stop_at = time.time() + a.runs * a.run_timeout
        burners = [multiprocessing.Process(target=_burn, args=(stop_at,), daemon=True) for _ in range(a.burners)]
        for b in burners:
            b.start()

        def chatter() -> None:  # the second instance is in use, not just idle
            from gradio_client import Client

            while not stop.is_set():
                try:
                    Client(second.url, verbose=False, download_files=False, analytics_enabled=False).predict(
                        message="Wir sind ein Berliner Maschinenbauer mit 50 Mitarbeitenden", api_name="/chat")
                except Exception:
                    pass
                stop.wait(3)

        threading.Thread(target=chatter, daemon=True).start()
        env = {**os.environ, "FL_UI_SETUP": a.setup}
        env.pop("FL_UI_URL", None)
        for i in range(1, a.runs + 1):
            t0 = time.monotonic()
            try:
                done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                       "tests/test_ui_browser.py"], cwd=REPO, env=env, capture_output=True, text=True,
                                      timeout=a.run_timeout)
                ok, tail = done.returncode == 0, (done.stdout.strip().splitlines() or [""])[-1]
            except subprocess.TimeoutExpired:
                ok, tail = False, f"timeout after {a.run_timeout:.0f} s"
            results.append((i, ok, time.monotonic() - t0, tail))
            print(f"run {i:2d}: {'pass' if ok else 'FAIL'} in {time.monotonic() - t0:5.1f} s  ({tail}); "
                  f"load avg {os.getloadavg()[0]:.2f}", flush=True)
    finally:
        stop.set()
        for b in burners:
            if b.is_alive():
                b.terminate()
                b.join(timeout=5)
        second.stop()
    passed = sum(ok for _, ok, _, _ in results)
    print(f"{passed}/{len(results)} runs passed ({a.setup} setup; beside a second instance on {second.url}, "
          f"{a.burners} CPU burners, {os.cpu_count()} cores)")
    return 0 if passed == len(results) == a.runs else 1


if __name__ == "__main__":
    sys.exit(main())
