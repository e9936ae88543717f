"""Where the app's CPU goes during a chat load: ``py-spy`` samples a fresh app while ``evals.load`` runs.

    python -m evals.profile_turn --sessions 10 --seconds 20      # needs `pip install py-spy`

Prints the app's CPU per ``/chat`` answer and, from the sampled stacks, the share of the app's busy
samples spent inside a few named parts (inclusive, so they may overlap): ``match``, the answer writer,
our render functions, Gradio's postprocessing and streaming diffs, the JSON encoding of updates,
export files. Bounded: one load run on 127.0.0.1; py-spy stops with it.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .load import App, print_report, run_load

PARTS = {  # label -> substrings of a frame ("function (file)") that mark the part
    "match (matcher.api.match)": ["match (matcher/api.py"],
    "answer writer": ["write (matcher/llm.py", "write (matcher/answer.py"],
    "UI render (ui/render.py)": ["(ui/render.py"],
    "UI profile editor updates": ["profile_updates (ui/handlers.py"],
    "session state (ui/session.py)": ["(ui/session.py"],
    "export files (PDF/Markdown)": ["(ui/export.py"],
    "Gradio preprocess": ["preprocess_data (gradio/blocks.py"],
    "Gradio postprocess": ["postprocess_data (gradio/blocks.py"],
    "Gradio streaming diffs": ["handle_streaming_diffs (gradio/blocks.py", "handle_streaming_outputs (gradio/blocks.py"],
    "JSON encoding of messages": ["dumps (", "(orjson", "(json/encoder.py"],
    "Gradio component re-creation for gr.update": ["updateable.<locals>.wrapper (gradio/component_meta.py"],
    "Gradio session config updates": ["(gradio/state_holder.py"],
    "pydantic validation": ["(pydantic/main.py"],
}


def summarize(raw: Path) -> tuple[int, dict[str, int]]:
    """(busy samples, samples per part) from py-spy's raw (collapsed stack) output."""
    total, per = 0, collections.Counter()
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        count = int(n)
        total += count
        for label, needles in PARTS.items():
            if any(nd in stack for nd in needles):
                per[label] += count
    return total, dict(per)


def sequential_turns(app: App, turns: int) -> tuple[float, float]:
    """(app CPU ms per /chat turn, in-process ``match`` CPU ms per turn) for ``turns`` sequential turns of
    the load test's conversations (a fresh client every 4 turns); the difference is the UI's cost."""
    import time

    from gradio_client import Client

    from matcher.engine import set_engine
    from matcher.settings import get_settings
    from ui import session as ui_session

    from .load import Session, Stats

    stats = Stats(max_requests=10**6, deadline=time.monotonic() + 3600)
    msgs: list[list[str]] = []
    for k in range(0, turns, 4):
        s = Session(k // 4, app.url, "seq", stats, 120.0)
        conv = []
        for t in range(min(4, turns - k)):
            s.turn = t
            conv.append(s.message())
        msgs.append(conv)
    cpu0 = app.cpu_s()
    for conv in msgs:
        c = Client(app.url, verbose=False, download_files=False, analytics_enabled=False)
        for m in conv:
            c.predict(message=m, api_name="/chat")
        c.close()
    app_ms = 1000 * (app.cpu_s() - cpu0) / turns
    import os

    os.environ["MATCHER_DATA_DIR"] = str(app.data_dir)
    get_settings.cache_clear()
    set_engine(None)
    ui_session.chat_turn(ui_session.new_state(), msgs[0][0], ui_session.filters_from([], [], False), False, None)
    t0 = time.process_time()
    for conv in msgs:
        st = ui_session.new_state()
        for m in conv:
            ui_session.chat_turn(st, m, ui_session.filters_from([], [], False), False, None)
    match_ms = 1000 * (time.process_time() - t0) / turns
    return app_ms, match_ms


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.profile_turn")
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--rate", type=int, default=50, help="py-spy samples per second")
    ap.add_argument("--out", type=Path, default=None, help="keep py-spy's raw output here")
    ap.add_argument("--turns", type=int, default=40, help="sequential /chat turns for the CPU-per-turn figure")
    ap.add_argument("--results", action="store_true", help="write the figures as a note into the load block of RESULTS.md")
    a = ap.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        print("py-spy not found: pip install py-spy", file=sys.stderr)
        return 2
    data = Path(tempfile.mkdtemp(prefix="matcher-prof-"))
    raw = a.out or data / "pyspy.txt"
    app = App(data)
    try:
        app.wait()
        rec = subprocess.Popen([spy, "record", "--pid", str(app.proc.pid), "--rate", str(a.rate), "--format", "raw",
                                "--output", str(raw), "--duration", str(int(a.seconds) + 5), "--nonblocking"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cpu0 = app.cpu_s()
        r = run_load(app.url, app.store_url, a.sessions, a.seconds, timeout_s=120.0)
        cpu1 = app.cpu_s()
        rec.wait(timeout=a.seconds + 60)
        app_ms, match_ms = sequential_turns(app, a.turns) if a.turns else (float("nan"), float("nan"))
    finally:
        app.stop()
    r["server_cpu_s"] = round(cpu1 - cpu0, 2)
    print_report(r)
    chats = r["chat_answers"] or 1
    print(f"\napp CPU {r['server_cpu_s']} s for {r['chat_answers']} /chat answers and {r['requests']} calls: "
          f"{1000 * r['server_cpu_s'] / chats:.0f} ms per /chat answer (all calls' CPU counted)")
    total, per = summarize(raw)
    print(f"py-spy: {total} busy samples (all threads); inclusive share per part:")
    for label, n in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"  {label:35s} {100 * n / max(total, 1):5.1f} %  (~{1000 * r['server_cpu_s'] * n / max(total, 1) / chats:.0f} ms per /chat)")
    print(f"\nsequential, {a.turns} /chat turns: app CPU {app_ms:.0f} ms per turn, of which match (and the session "
          f"bookkeeping, measured in process) {match_ms:.0f} ms: {app_ms - match_ms:.0f} ms per turn beyond match")
    if a.results:
        import datetime as dt
        import os

        from .load import _commit, write_note

        top = ", ".join(f"{label} {100 * n / max(total, 1):.0f} %" for label, n in
                        sorted(per.items(), key=lambda kv: -kv[1])[:4])
        write_note("Chat turn profile", (
            f"{dt.datetime.now():%Y-%m-%d %H:%M}, commit {_commit()}, `python -m evals.profile_turn --sessions "
            f"{a.sessions} --seconds {a.seconds:g} --turns {a.turns}`, 1-min load avg {os.getloadavg()[0]:.2f}: "
            f"{a.turns} sequential `/chat` turns cost the app {app_ms:.0f} ms CPU each (client connects and the idle "
            f"queue polling included), `match` {match_ms:.0f} ms of it, so {app_ms - match_ms:.0f} ms beyond `match`; "
            f"under {a.sessions} sessions {1000 * r['server_cpu_s'] / chats:.0f} ms app CPU per `/chat` answer with all "
            f"calls counted. py-spy, share of busy samples: {top}."))
        print("wrote the note 'Chat turn profile' into the load block of evals/RESULTS.md")
    if not a.out:
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
