"""Bounded load test of the running web app over its Gradio API (127.0.0.1 only).

    python -m evals.load --sessions 20 --seconds 60 --start          # launch a fresh app (temp data dir, SQLite)
    python -m evals.load --sessions 10 --seconds 15 --start --database-url postgresql+psycopg://...
    python -m evals.load --sessions 20 --seconds 60 --port 7860      # an app that is already running

Every session is one browser-like client on one asyncio event loop (its own cookies, Gradio session hash
and heartbeat stream; the server keeps one consultation per session; calls speak Gradio's queue protocol,
``queue/join`` + ``queue/data`` server-sent events, as the browser does) and one distinct company: a unique employee count (11+i), a Berlin district and a sector. A session repeats
consultations of four chat turns (``/chat``, the path the browser uses) and between them sends 👍/👎
feedback (``/feedback_up``/``/feedback_down``) with a unique comment, saves the consultation under a
unique client name (``/save``), lists saved consultations (``/list_saved``) and starts over (``/reset``).

Every chat answer is checked to belong to its session: the last user message in the returned history
is the one just sent, the history has exactly this consultation's turns, and the profile line and the
employees field show this session's employee count. Feedback rows are later checked against the
session state the server must have used (query hash of this session's last message, consultation id
of this session's last save). A ``/chat`` answer streams: the question with a "thinking" bubble, then the
first answer piece ("/chat first chunk"), then the next one ("/chat second chunk": with the app's "what was
understood" piece first, this is the first piece of the matched answer), then cards, picture and profile.

Bounded: the run stops starting new calls after ``--seconds`` or ``--max-requests``; every call has a
timeout (``--timeout``, default 120 s). At the end the database is read with ``matcher.store.Store``
(same data dir / URL as the app) and must hold exactly the feedback and consultations written.
The table is printed and, with ``--results``, written as the "## Load test" block at the end of
``evals/RESULTS.md`` (one row per database backend; a previous block is replaced).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS_MD = HERE / "RESULTS.md"
BLOCK = "## Load test"
HOST = "127.0.0.1"

# /chat outputs: msg, chatbot, cards, projects, chart, suggestions label, the 8 profile fields, support offers,
# the completion signal.
CHATBOT, CARDS, EMPLOYEES, N_CHAT_OUT = 1, 2, 6, 17  # 17: the Förderfahrplan tab is the last output
TURNS_PER_CONSULTATION = 4

DISTRICTS = ["Spandau", "Pankow", "Neukölln", "Marzahn", "Reinickendorf", "Lichtenberg", "Tempelhof", "Steglitz",
             "Treptow", "Köpenick", "Moabit", "Wedding", "Charlottenburg", "Schöneweide", "Adlershof", "Siemensstadt",
             "Hellersdorf", "Zehlendorf", "Friedrichshain", "Kreuzberg", "Weißensee", "Mahlsdorf", "Tegel", "Buch"]
SECTORS_DE = ["Maschinenbaubetrieb", "Kunststoffrecycler", "Lebensmittelhersteller", "Chemiebetrieb",
              "Elektronikfertiger", "Metallverarbeiter", "Medizintechnikhersteller", "Softwarehaus für die Industrie",
              "Druckereibetrieb", "Textilhersteller", "Möbelhersteller", "Hersteller von Solaranlagen"]
SECTORS_EN = ["mechanical engineering firm", "plastics recycler", "food manufacturer", "chemicals company",
              "electronics manufacturer", "metalworking company", "medical device maker", "industrial software firm",
              "printing company", "textile manufacturer", "furniture maker", "solar equipment maker"]
NEEDS_DE = ["Wir wollen unsere Fertigung digitalisieren.", "Wir suchen einen Zuschuss für die Weiterbildung.",
            "Wir möchten den Energieverbrauch senken.", "Wir planen eine Investition in eine neue Halle.",
            "Wir wollen mit einer Hochschule ein neues Produkt entwickeln.", "Wir wollen ins Ausland exportieren."]
NEEDS_EN = ["We want to digitalise our production.", "We are looking for a grant for staff training.",
            "We want to cut our energy use.", "We plan to invest in a new production hall.",
            "We want to develop a new product with a university.", "We want to export abroad."]
PROFILE_RE = re.compile(r"^\*\*(?:Ihr Profil|Your profile):\*\*(.*)$", re.M)
COUNT_RE = re.compile(r"(\d[\d.,]*)\s+(?:Mitarbeitende|employees)")


# ---------------------------------------------------------------- bookkeeping


@dataclass
class Stats:
    """Shared counters of one run (all sessions); every mutation under ``lock``."""

    max_requests: int
    deadline: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    started: int = 0
    served: int = 0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    wrong_session: list[str] = field(default_factory=list)
    connects: int = 0
    # what the database must hold afterwards
    feedback: dict[str, dict] = field(default_factory=dict)  # comment -> expected row fields
    feedback_uncertain: set[str] = field(default_factory=set)  # comments of calls that failed/timed out
    consultations: dict[str, str] = field(default_factory=dict)  # id -> client name
    consultations_uncertain: set[str] = field(default_factory=set)  # client names of failed saves
    trace: list[tuple[float, str, float]] = field(default_factory=list)  # (end time, endpoint, seconds) per call

    def take(self) -> bool:
        """Reserve one request; False once the time or the request budget is used up."""
        with self.lock:
            if self.stop.is_set() or time.monotonic() >= self.deadline or self.started >= self.max_requests:
                self.stop.set()
                return False
            self.started += 1
            return True

    def ok(self, endpoint: str, seconds: float, served: bool = True) -> None:
        with self.lock:
            self.served += served
            self.latencies.setdefault(endpoint, []).append(seconds)
            self.trace.append((time.monotonic(), endpoint, seconds))

    def error(self, msg: str) -> None:
        with self.lock:
            self.errors.append(msg)

    def wrong(self, msg: str) -> None:
        with self.lock:
            self.wrong_session.append(msg)


class CallFailed(Exception):
    pass


def _text(message: dict) -> str:
    content = message.get("content") if isinstance(message, dict) else None
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return str(content)


def _value(update: Any) -> Any:
    return update["value"] if isinstance(update, dict) and "value" in update else update


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


# ---------------------------------------------------------------- one session


SKIP_TYPES = {"state", "row", "column", "tabs", "tab", "tabitem", "box", "form", "accordion", "group",
              "interpretation", "dataset", "sidebar"}  # gradio_client.utils.SKIP_COMPONENTS


class Api:
    """What the load generator needs of the app's Gradio config: per API name the dependency id, the
    positions of ``gr.State`` inputs (the browser sends ``null`` there; the server keeps the state) and
    which outputs the API leaves out (state, buttons), so results look as ``gradio_client`` returns them."""

    def __init__(self, config: dict):
        comps = {c["id"]: c.get("type") for c in config.get("components", [])}
        # outputs the API leaves out, by the rule of gradio_client (state, layout and components marked skip_api)
        skip = {c["id"]: c.get("skip_api", c.get("type") in SKIP_TYPES) for c in config.get("components", [])}
        self.prefix = "/" + (config.get("api_prefix") or "/gradio_api").strip("/")
        self.endpoints: dict[str, dict] = {}
        for i, dep in enumerate(config.get("dependencies", [])):
            name = dep.get("api_name")
            if not name:
                continue
            self.endpoints["/" + name] = {
                "fn_index": dep.get("id", i),
                "state_in": [comps.get(c) == "state" for c in dep.get("inputs", [])],
                "skip_out": [skip.get(c, False) for c in dep.get("outputs", [])],
            }

    def payload(self, endpoint: str, values: list) -> list:
        """The ``data`` list of a call: ``values`` in the endpoint's input order, ``null`` for state inputs."""
        ep, it = self.endpoints[endpoint], iter(values)
        data = [None if is_state else next(it) for is_state in ep["state_in"]]
        rest = list(it)
        if rest:
            raise ValueError(f"{endpoint}: {len(rest)} values too many")
        return data

    def result(self, endpoint: str, data: list) -> Any:
        """The outputs the API shows (no state, no buttons); a single one unwrapped, as ``gradio_client`` does."""
        flags = self.endpoints[endpoint]["skip_out"]
        out = [d for d, skipped in zip(data, flags) if not skipped]
        return out[0] if len(out) == 1 else out


def fetch_api(url: str, timeout_s: float = 30.0) -> Api:
    import httpx

    r = httpx.get(url.rstrip("/") + "/config", timeout=timeout_s)
    r.raise_for_status()
    return Api(r.json())


class Session:
    """One browser-like user on one asyncio event loop: its own HTTP client (cookies, so the cluster's sticky
    cookie pins it like a browser), its own Gradio session hash with a heartbeat stream, one company,
    consultations of several turns.

    A call speaks Gradio's queue protocol as the browser does: ``POST <prefix>/queue/join`` with the data and
    the session hash, then ``GET <prefix>/queue/data?session_hash=...`` as server-sent events until the event's
    ``process_completed`` (the server closes the stream when the session has no pending event). No polling:
    every streamed update is timed as it arrives.
    """

    def __init__(self, i: int, url: str, run_id: str, stats: Stats, timeout_s: float, api: Api | None = None):
        self.i, self.url, self.run_id, self.stats, self.timeout_s = i, url.rstrip("/"), run_id, stats, timeout_s
        self.api = api
        self.en = i % 3 == 2  # every third company writes in English
        self.employees = 11 + i  # unique per session, < 1000 so no thousands separator
        self.district = DISTRICTS[i % len(DISTRICTS)]
        self.sector = (SECTORS_EN if self.en else SECTORS_DE)[i % len(SECTORS_DE)]
        self.http = None  # httpx.AsyncClient
        self.session_hash = ""
        self.heartbeat = None  # asyncio.Task
        self.consultation = 0
        self.turn = 0  # chat turns answered in the current consultation
        self.last_message = ""
        self.cid: str | None = None  # consultation id of the current consultation's save
        self.fb_no = 0

    # ---- plumbing
    async def _connect(self) -> None:
        """A fresh browser: new cookie jar and session hash, the page config, the heartbeat stream."""
        import httpx

        await self._close()
        self.http = httpx.AsyncClient(base_url=self.url, timeout=httpx.Timeout(self.timeout_s, connect=30.0))
        r = await self.http.get("/config")  # what the page loads first; nginx pins the session here
        r.raise_for_status()
        self.session_hash = uuid.uuid4().hex[:11]
        self.heartbeat = asyncio.create_task(self._heartbeat(self.http, self.session_hash))
        with self.stats.lock:
            self.stats.connects += 1
        self.turn, self.cid, self.last_message = 0, None, ""

    async def _heartbeat(self, http, session_hash: str) -> None:
        """Hold ``/heartbeat/<session>`` open like the browser (the server forgets a session when it closes)."""
        try:
            async with http.stream("GET", f"{self.api.prefix}/heartbeat/{session_hash}",
                                   timeout=None) as resp:
                async for _ in resp.aiter_raw():
                    pass
        except asyncio.CancelledError:
            raise
        except Exception:
            pass  # a dead instance: the next call fails and reconnects

    async def _close(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat.cancel()
            with contextlib.suppress(BaseException):
                await self.heartbeat
            self.heartbeat = None
        if self.http is not None:
            with contextlib.suppress(Exception):
                await self.http.aclose()
            self.http = None

    async def _events(self, event_id: str):
        """The server-sent messages of this session's queue stream that belong to ``event_id``."""
        async with self.http.stream("GET", f"{self.api.prefix}/queue/data",
                                    params={"session_hash": self.session_hash}) as resp:
            resp.raise_for_status()
            buf = b""
            async for chunk in resp.aiter_raw():
                buf += chunk
                while b"\n\n" in buf:
                    block, buf = buf.split(b"\n\n", 1)
                    for line in block.split(b"\n"):
                        if not line.startswith(b"data:"):
                            continue
                        msg = json.loads(line[5:])
                        kind = msg.get("msg")
                        if kind == "close_stream":
                            return
                        if kind == "heartbeat":
                            continue
                        if msg.get("event_id") in (None, event_id):
                            yield msg

    async def _call(self, endpoint: str, values: list) -> Any:
        """One API call with a timeout; raises CallFailed (already counted as an error)."""
        t0 = time.perf_counter()
        event_id = None
        try:
            async with asyncio.timeout(self.timeout_s):
                ep = self.api.endpoints[endpoint]
                r = await self.http.post(f"{self.api.prefix}/queue/join", json={
                    "data": self.api.payload(endpoint, values), "fn_index": ep["fn_index"],
                    "session_hash": self.session_hash, "event_data": None, "trigger_id": None})
                if r.status_code != 200:
                    raise RuntimeError(f"queue/join answered {r.status_code}: {r.text[:200]}")
                event_id = r.json()["event_id"]
                updates, done = 0, None
                async for msg in self._events(event_id):
                    kind = msg.get("msg")
                    if kind == "process_generating":
                        updates += 1
                        if endpoint == "/chat" and updates in (2, 3):
                            # the 1st update is the question with the "thinking" bubble, the 2nd the first
                            # answer piece, the 3rd the first piece after it (the matched answer)
                            self.stats.ok("/chat first chunk" if updates == 2 else "/chat second chunk",
                                          time.perf_counter() - t0, served=False)
                    elif kind == "process_completed":
                        done = msg  # the server closes the stream right after (read to the end, as the browser does)
                    elif kind == "unexpected_error":
                        raise RuntimeError(f"unexpected_error: {msg.get('message')}")
                if done is None:
                    raise RuntimeError("the event stream ended without a result")
                out = done.get("output") or {}
                if not done.get("success", True) or "error" in out:
                    raise RuntimeError(f"the app raised an error: {str(out.get('error'))[:300]}")
                result = self.api.result(endpoint, out.get("data") or [])
        except TimeoutError:
            self.stats.error(f"S{self.i:02d} {endpoint}: no answer within {self.timeout_s:.0f}s")
            await self._cancel(endpoint, event_id)
            raise CallFailed from None
        except Exception as ex:
            self.stats.error(f"S{self.i:02d} {endpoint}: {type(ex).__name__}: {str(ex)[:300]}")
            raise CallFailed from None
        if endpoint == "/chat" and updates < 3:  # answered in fewer updates: the end bounds the first chunks
            for k in range(max(updates, 1) + 1, 4):
                self.stats.ok("/chat first chunk" if k == 2 else "/chat second chunk", time.perf_counter() - t0,
                              served=False)
        self.stats.ok(endpoint, time.perf_counter() - t0)
        return result

    async def _cancel(self, endpoint: str, event_id: str | None) -> None:
        if event_id is None:
            return
        with contextlib.suppress(Exception):
            await self.http.post(f"{self.api.prefix}/cancel", timeout=10, json={
                "fn_index": self.api.endpoints[endpoint]["fn_index"], "session_hash": self.session_hash,
                "event_id": event_id})

    # ---- the steps
    def message(self) -> str:
        needs = NEEDS_EN if self.en else NEEDS_DE
        need = needs[(self.i + self.consultation + self.turn) % len(needs)]
        if self.en:
            return f"We are a {self.sector} in Berlin-{self.district} with {self.employees} employees. {need}"
        return f"Wir sind ein {self.sector} in Berlin-{self.district} mit {self.employees} Mitarbeitenden. {need}"

    async def chat(self) -> None:
        msg = self.message()
        # inputs after the state: language choice, levels, instruments, only open, show ineligible
        out = await self._call("/chat", [msg, "auto", [], [], False, False])
        self.turn += 1
        self.last_message = msg
        problem = self.check_answer(out, msg)
        if problem:
            self.stats.wrong(f"S{self.i:02d} K{self.consultation} T{self.turn}: {problem}")

    def check_answer(self, out: Any, msg: str) -> str | None:
        """Why this /chat output is not this session's answer (None if it is)."""
        if not isinstance(out, (list, tuple)) or len(out) != N_CHAT_OUT:
            return f"unexpected output shape {type(out).__name__}/{len(out) if hasattr(out, '__len__') else '-'}"
        history = out[CHATBOT]
        if not isinstance(history, list) or len(history) != 2 * self.turn:
            return f"history has {len(history) if isinstance(history, list) else '?'} messages, expected {2 * self.turn}"
        user, bot = history[-2], history[-1]
        if user.get("role") != "user" or _text(user) != msg:
            return f"last user message is not ours: {_text(user)[:80]!r}"
        if bot.get("role") != "assistant":
            return "last message is not an answer"
        m = PROFILE_RE.search(_text(bot))
        counts = COUNT_RE.findall(m.group(1)) if m else []
        if counts != [str(self.employees)]:
            return f"profile line shows {counts or 'no employee count'}, expected {self.employees}"
        if _value(out[EMPLOYEES]) != self.employees:
            return f"employees field is {_value(out[EMPLOYEES])!r}, expected {self.employees}"
        if "fl-card" not in str(out[CARDS]):
            return "no programme cards"
        return None

    async def feedback(self, helpful: bool) -> None:
        from matcher.store import query_hash

        self.fb_no += 1
        comment = f"load {self.run_id} S{self.i:02d} F{self.fb_no}"
        expected = {"helpful": helpful, "consultation_id": self.cid, "query_sha256": query_hash(self.last_message)}
        try:
            out = await self._call("/feedback_up" if helpful else "/feedback_down", [comment, "auto"])
        except CallFailed:
            with self.stats.lock:
                self.stats.feedback_uncertain.add(comment)
            raise
        with self.stats.lock:
            self.stats.feedback[comment] = expected
        if out != "":
            self.stats.error(f"S{self.i:02d} feedback: comment box not cleared ({out!r})")

    async def save(self) -> None:
        name = f"Lasttest {self.run_id} S{self.i:02d} K{self.consultation} {self.district}"
        try:
            out = await self._call("/save", [name, f"Lasttest Sitzung {self.i}", "auto"])
        except CallFailed:
            with self.stats.lock:
                self.stats.consultations_uncertain.add(name)
            raise
        cid = _value(out)
        choices = out.get("choices", []) if isinstance(out, dict) else []
        if not (isinstance(cid, str) and re.fullmatch(r"[0-9a-f]{32}", cid)):
            with self.stats.lock:
                self.stats.consultations_uncertain.add(name)
            self.stats.error(f"S{self.i:02d} save: no consultation id in {str(out)[:200]}")
            return
        with self.stats.lock:
            self.stats.consultations[cid] = name
        self.cid = cid
        label = next((lab for lab, v in choices if v == cid), None)
        if label is None or not label.startswith(name):
            self.stats.wrong(f"S{self.i:02d} save: list entry for {cid} is {label!r}, expected {name!r}")

    async def list_saved(self) -> None:
        out = await self._call("/list_saved", [])
        if not isinstance(out, dict) or "choices" not in out:
            self.stats.error(f"S{self.i:02d} list_saved: unexpected output {str(out)[:200]}")

    async def reset(self) -> None:
        out = await self._call("/reset", ["auto"])
        self.consultation += 1
        self.turn, self.cid, self.last_message = 0, None, ""
        if not isinstance(out, (list, tuple)) or out[1] != []:  # outputs: msg, chatbot, ...
            self.stats.error(f"S{self.i:02d} reset: chat not emptied")

    def plan(self) -> list:
        """The calls of one consultation: 4 chat turns with two votes, a save and (every other time) a listing."""
        # save early (short runs must reach it): the 1st vote carries no consultation id, the 2nd this save's
        steps: list = [self.chat, lambda: self.feedback(True), self.save, self.chat, self.chat,
                       lambda: self.feedback(False), self.chat]
        if self.consultation % 2 == 1:
            steps.insert(0, self.list_saved)
        return [*steps, self.reset]

    async def run(self) -> None:
        try:
            await self._connect()
        except Exception as ex:
            self.stats.error(f"S{self.i:02d} connect: {type(ex).__name__}: {str(ex)[:200]}")
            return
        try:
            while not self.stats.stop.is_set():
                for step in self.plan():
                    if not self.stats.take():
                        return
                    try:
                        await step()
                    except CallFailed:
                        # The server may still hold a half-finished turn for this session: start a
                        # new session so that later checks do not depend on it.
                        try:
                            await self._connect()
                        except Exception as ex:
                            self.stats.error(f"S{self.i:02d} reconnect: {type(ex).__name__}: {str(ex)[:200]}")
                            return
                        self.consultation += 1
                        break
        finally:
            await self._close()


# ---------------------------------------------------------------- the app


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen | None, log: Path | None, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log else ""
            raise RuntimeError(f"app exited with {proc.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"app at {url} did not answer within {timeout_s:.0f}s")


class App:
    """``matcher serve`` on a free 127.0.0.1 port with its own data dir (and optional database URL)."""

    def __init__(self, data_dir: Path, database_url: str | None = None, corpus_dir: Path | None = None,
                 extra_env: dict[str, str] | None = None, port: int | None = None):
        self.data_dir, self.database_url = data_dir, database_url
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}/"
        self.log = data_dir / "server.log"
        env = {**os.environ, "MATCHER_DATA_DIR": str(data_dir), "MATCHER_HOST": HOST,
               "MATCHER_PORT": str(self.port), "GRADIO_ANALYTICS_ENABLED": "False", **(extra_env or {})}
        env.pop("MATCHER_AUTH", None)
        env.pop("MATCHER_DATABASE_URL", None)
        env.pop("GRADIO_TEMP_DIR", None)  # under this instance's data dir
        if database_url:
            env["MATCHER_DATABASE_URL"] = database_url
        if corpus_dir:
            env["MATCHER_CORPUS_DIR"] = str(corpus_dir)
        matcher = Path(sys.executable).parent / "matcher"
        cmd = [str(matcher)] if matcher.exists() else [sys.executable, "-m", "matcher.cli"]
        self._log_fh = open(self.log, "wb")
        self.proc = subprocess.Popen([*cmd, "serve", "--host", HOST, "--port", str(self.port)], cwd=REPO, env=env,
                                     stdout=self._log_fh, stderr=subprocess.STDOUT)

    @property
    def store_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'matcher.db'}"

    def wait(self, timeout_s: float = 180.0) -> None:
        """Until it answers HTTP and one /match (which builds or opens the index) has returned."""
        from gradio_client import Client

        try:
            wait_http(self.url, self.proc, self.log, timeout_s)
            c = Client(self.url, verbose=False, download_files=False, analytics_enabled=False,
                       httpx_kwargs={"timeout": timeout_s})
            try:
                c.submit(text="Berliner Unternehmen, Innovation", api_name="/match").result(timeout=timeout_s)
            finally:
                c.close()
        except BaseException:
            self.stop()
            raise

    @staticmethod
    def warm(url: str, timeout_s: float) -> None:
        """One /match on ``url`` (opens the index and loads the model)."""
        from gradio_client import Client

        c = Client(url, verbose=False, download_files=False, analytics_enabled=False,
                   httpx_kwargs={"timeout": timeout_s})
        try:
            c.submit(text="Berliner Unternehmen, Innovation", api_name="/match").result(timeout=timeout_s)
        finally:
            c.close()

    def cpu_s(self) -> float | None:
        """User+system CPU seconds the app process has used so far (Linux /proc)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return None

    def server_errors(self) -> list[str]:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [ln for ln in text.splitlines() if "Traceback" in ln or re.search(r"\b(ERROR|CRITICAL)\b", ln)]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log_fh.close()


# ---------------------------------------------------------------- database check


def db_snapshot(store_url: str) -> dict:
    from matcher.store import Store

    store = Store(store_url)
    try:
        return {"counts": store.counts(), "feedback": store.list_feedback(limit=10_000),
                "consultations": store.list_consultations(limit=1000)}
    finally:
        store.close()


def check_db(stats: Stats, run_id: str, before: dict, after: dict) -> dict:
    """Compare what the sessions wrote with what the database holds; ``exact`` is the verdict."""
    tag = f"load {run_id} "
    problems: list[str] = []
    fb_rows = [f for f in after["feedback"] if f.comment.startswith(tag)]
    comments = [f.comment for f in fb_rows]
    if len(comments) != len(set(comments)):
        problems.append(f"{len(comments) - len(set(comments))} duplicated feedback rows")
    sure, maybe = set(stats.feedback), stats.feedback_uncertain
    missing = sure - set(comments)
    extra = set(comments) - sure - maybe
    if missing:
        problems.append(f"{len(missing)} feedback rows missing, e.g. {sorted(missing)[:3]}")
    if extra:
        problems.append(f"{len(extra)} unexpected feedback rows, e.g. {sorted(extra)[:3]}")
    for f in fb_rows:
        exp = stats.feedback.get(f.comment)
        if exp is None:
            continue
        got = {"helpful": f.helpful, "consultation_id": f.consultation_id, "query_sha256": f.query_sha256}
        if got != exp:
            diff = {k: (got[k], exp[k]) for k in exp if got[k] != exp[k]}
            problems.append(f"feedback {f.comment!r} was stored with another session's state: {diff}")
    tag_c = f"Lasttest {run_id} "
    c_rows = {c.id: c.client_name for c in after["consultations"] if c.client_name.startswith(tag_c)}
    if c_rows != stats.consultations:
        lost = {k: v for k, v in stats.consultations.items() if c_rows.get(k) != v}
        odd = {k: v for k, v in c_rows.items() if k not in stats.consultations
               and v not in stats.consultations_uncertain}
        if lost:
            problems.append(f"{len(lost)} consultations missing or renamed, e.g. {list(lost.values())[:3]}")
        if odd:
            problems.append(f"{len(odd)} unexpected consultations, e.g. {list(odd.values())[:3]}")
    names = sorted(stats.consultations.values())
    if len(names) != len(set(names)):
        problems.append("client names were not unique (load test bug)")
    d_fb = after["counts"]["feedback"] - before["counts"]["feedback"]
    d_con = after["counts"]["consultations"] - before["counts"]["consultations"]
    d_yes = after["counts"]["helpful"] - before["counts"]["helpful"]
    exp_yes = sum(1 for e in stats.feedback.values() if e["helpful"])
    if not maybe and d_fb != len(sure):
        problems.append(f"feedback count grew by {d_fb}, {len(sure)} written")
    if not maybe and d_yes != exp_yes:
        problems.append(f"helpful count grew by {d_yes}, {exp_yes} written")
    if not stats.consultations_uncertain and d_con != len(stats.consultations):
        problems.append(f"consultation count grew by {d_con}, {len(stats.consultations)} written")
    return {"feedback_written": len(sure), "feedback_uncertain": len(maybe), "feedback_in_db": len(comments),
            "feedback_count_delta": d_fb, "helpful_written": exp_yes, "helpful_delta": d_yes,
            "consultations_written": len(stats.consultations), "consultations_in_db": len(c_rows),
            "consultations_count_delta": d_con, "problems": problems, "exact": not problems}


# ---------------------------------------------------------------- the run


def run_load(url: str, store_url: str | None, sessions: int = 20, seconds: float = 60.0, max_requests: int = 5000,
             timeout_s: float = 120.0, ramp_s: float = 2.0) -> dict:
    """Run ``sessions`` concurrent sessions against ``url`` for ``seconds``; returns the report dict.

    ``store_url`` is the app's database (None: skip the database check).
    """
    if not re.match(rf"^http://{re.escape(HOST)}:\d+/?$", url):
        raise ValueError(f"load tests only run against http://{HOST}:PORT/, not {url}")
    run_id = uuid.uuid4().hex[:8]
    api = fetch_api(url)
    missing = {"/chat", "/feedback_up", "/feedback_down", "/save", "/list_saved", "/reset"} - set(api.endpoints)
    if missing:
        raise RuntimeError(f"the app at {url} has no API endpoints {sorted(missing)}")
    before = db_snapshot(store_url) if store_url else None
    load0 = os.getloadavg()[0]
    cpu0 = time.process_time()
    t0 = time.monotonic()
    stats = Stats(max_requests=max_requests, deadline=t0 + seconds)

    async def all_sessions() -> int:
        tasks = []
        for i in range(sessions):
            tasks.append(asyncio.create_task(Session(i, url, run_id, stats, timeout_s, api).run(), name=f"load-S{i:02d}"))
            await asyncio.sleep(ramp_s / max(sessions, 1))
        done, pending = await asyncio.wait(tasks, timeout=max(0.0, t0 + seconds + timeout_s + 60 - time.monotonic()))
        stats.stop.set()
        for task in pending:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                ex = task.exception()
                stats.error(f"{task.get_name()} crashed: {type(ex).__name__}: {str(ex)[:200]}")
        return len(pending)

    hung = asyncio.run(all_sessions())
    if hung:
        stats.error(f"{hung} sessions still busy {timeout_s + 60:.0f}s after the end")
    wall = time.monotonic() - t0
    client_cpu = time.process_time() - cpu0
    load1 = os.getloadavg()[0]
    all_lat = [x for ep, xs in stats.latencies.items() if "chunk" not in ep for x in xs]
    report = {
        "run_id": run_id, "url": url, "sessions": sessions, "seconds": seconds, "wall_s": round(wall, 1),
        "requests": stats.served, "started": stats.started, "connects": stats.connects,
        "req_per_s": round(stats.served / wall, 2) if wall else 0.0,
        "errors": len(stats.errors), "error_samples": stats.errors[:10],
        "wrong_session": len(stats.wrong_session), "wrong_samples": stats.wrong_session[:10],
        "p50_s": _pct(all_lat, 0.5), "p95_s": _pct(all_lat, 0.95), "max_s": max(all_lat, default=float("nan")),
        "per_endpoint": {ep: {"n": len(xs), "p50_s": _pct(xs, 0.5), "p95_s": _pct(xs, 0.95), "max_s": max(xs)}
                         for ep, xs in sorted(stats.latencies.items())},
        "chat_answers": len(stats.latencies.get("/chat", [])),
        "load_avg": (round(load0, 2), round(load1, 2)), "cores": os.cpu_count(),
        "client_cpu_s": round(client_cpu, 1),
    }
    if os.environ.get("LOAD_TRACE"):  # per-call latencies over time, for diagnosis
        Path(os.environ["LOAD_TRACE"]).write_text("".join(f"{t - t0:.3f}\t{ep}\t{sec:.4f}\n" for t, ep, sec in stats.trace))
    if store_url:
        from matcher.store import mask_url

        report["db"] = check_db(stats, run_id, before, db_snapshot(store_url))
        report["backend"] = "PostgreSQL" if store_url.startswith("postgresql") else "SQLite"
        report["store_url"] = mask_url(store_url)
    return report


def run_with_app(sessions: int, seconds: float, database_url: str | None = None, corpus_dir: Path | None = None,
                 max_requests: int = 5000, timeout_s: float = 120.0, keep: bool = False,
                 extra_env: dict[str, str] | None = None) -> dict:
    """Start a fresh app (temp data dir), run the load, stop the app; the report includes server log errors."""
    data = Path(tempfile.mkdtemp(prefix="matcher-load-"))
    try:
        return _run_with_app(data, sessions, seconds, database_url, corpus_dir, max_requests, timeout_s, extra_env)
    finally:  # a failed start already put the log tail into its exception
        if not keep:
            shutil.rmtree(data, ignore_errors=True)


def _run_with_app(data: Path, sessions: int, seconds: float, database_url: str | None, corpus_dir: Path | None,
                  max_requests: int, timeout_s: float, extra_env: dict[str, str] | None) -> dict:
    app = App(data, database_url, corpus_dir, extra_env)
    try:
        t = time.monotonic()
        app.wait()
        startup = time.monotonic() - t
        cpu0 = app.cpu_s()
        report = run_load(app.url, app.store_url, sessions, seconds, max_requests, timeout_s)
        cpu1 = app.cpu_s()
        report["startup_s"] = round(startup, 1)
        report["server_cpu_s"] = round(cpu1 - cpu0, 1) if cpu0 is not None and cpu1 is not None else None
        alive = app.proc.poll() is None
    finally:
        app.stop()
    errs = app.server_errors()
    report.update(server_alive=alive, server_log_errors=len(errs), server_log_samples=errs[:10],
                  data_dir=str(data))
    return report


def proc_cpu_s(pid: int, with_children: bool = True) -> float:
    """CPU seconds of a process, its reaped children and (``with_children``) its live children (Linux /proc)."""
    tck = os.sysconf("SC_CLK_TCK")

    def stat(p: int) -> list[str] | None:
        try:
            return Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            return None

    f = stat(pid)
    if f is None:
        return 0.0
    total = sum(int(x) for x in f[11:15]) / tck  # utime, stime, cutime, cstime
    if with_children:
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                c = stat(int(d.name))
                if c is not None and int(c[1]) == pid:
                    total += sum(int(x) for x in c[11:13]) / tck
    return total


def run_with_cluster(sessions: int, seconds: float, instances: int = 2, kill_at: float | None = None,
                     corpus_dir: Path | None = None, max_requests: int = 5000, timeout_s: float = 120.0,
                     keep: bool = False) -> dict:
    """Start ``instances`` app instances + nginx + Chroma server + PostgreSQL (deploy/cluster.py, temp run
    dir), run the load through nginx, stop everything. ``kill_at``: SIGKILL instance 1 after that many
    seconds (the database check then shows whether any acknowledged write was lost)."""
    from deploy.cluster import Cluster

    run_dir = Path(tempfile.mkdtemp(prefix="matcher-cluster-"))
    cluster = Cluster(run_dir, instances, 0, corpus_dir)
    try:
        t = time.monotonic()
        cluster.start()
        for i in range(1, instances + 1):  # warm every instance (index open, model loaded) before measuring
            App.warm(cluster.instance_url(i), 240.0)
        startup = time.monotonic() - t
        apps = {f"app{i}": cluster.procs[f"app{i}"].pid for i in range(1, instances + 1)}
        pg_pid = int((run_dir / "postgres" / "data" / "postmaster.pid").read_text().split()[0])
        others = {"nginx": cluster.procs["nginx"].pid, "chroma": cluster.procs["chroma"].pid, "postgres": pg_pid}
        cpu0 = {k: proc_cpu_s(p) for k, p in {**apps, **others}.items()}
        killer = None
        if kill_at is not None:
            def kill() -> None:
                time.sleep(kill_at)
                cpu0["app1_at_kill"] = proc_cpu_s(apps["app1"])
                cluster.kill_instance(1)
            killer = threading.Thread(target=kill, name="kill-app1", daemon=True)
            killer.start()
        report = run_load(cluster.url, cluster.database_url, sessions, seconds, max_requests, timeout_s)
        cpu1 = {k: proc_cpu_s(p) for k, p in {**apps, **others}.items()}
        if kill_at is not None:
            cpu1["app1"] = cpu0.pop("app1_at_kill", cpu0["app1"])
        alive = {k: cluster.procs[k].poll() is None for k in apps}
        report["startup_s"] = round(startup, 1)
        report["server_cpu_s"] = round(sum(cpu1[k] - cpu0[k] for k in apps), 1)
        report["service_cpu_s"] = {k: round(cpu1[k] - cpu0[k], 1) for k in others}
        report["backend"] = f"PostgreSQL, {instances} instances + nginx" + (" (1 killed)" if kill_at else "")
        report["killed_at_s"] = kill_at
        report["server_alive"] = all(v for k, v in alive.items() if not (kill_at is not None and k == "app1"))
    finally:
        cluster.stop()
    errs = []
    for i in range(1, instances + 1):
        log = run_dir / "logs" / f"app{i}.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        errs += [ln for ln in text.splitlines() if "Traceback" in ln or re.search(r"\b(ERROR|CRITICAL)\b", ln)]
    report.update(server_log_errors=len(errs), server_log_samples=errs[:10], data_dir=str(run_dir))
    if not keep:
        shutil.rmtree(run_dir, ignore_errors=True)
    return report


# ---------------------------------------------------------------- output


def _ms(s: float) -> str:
    return "–" if s != s else f"{s * 1000:,.0f} ms" if s < 10 else f"{s:,.1f} s"


def _row(r: dict) -> list[str]:
    db = r.get("db") or {}
    chat = r["per_endpoint"].get("/chat", {})
    exact = ("yes" if db.get("exact") else "**NO**") if db else "not checked"
    return [
        r.get("backend", "?"), f"{r['sessions']} × {r['seconds']:g} s (wall {r['wall_s']:g} s)",
        f"{r['requests']} ({r['chat_answers']} chat)", f"{r['req_per_s']:g}", str(r["errors"]),
        f"{_ms(r['p50_s'])} / {_ms(r['p95_s'])}", f"{_ms(chat.get('p50_s', float('nan')))} / "
        f"{_ms(chat.get('p95_s', float('nan')))}", str(r["wrong_session"]),
        f"{db.get('feedback_in_db', '–')}/{db.get('feedback_written', '–')}",
        f"{db.get('consultations_in_db', '–')}/{db.get('consultations_written', '–')}", exact,
        f"{r['load_avg'][0]:g} → {r['load_avg'][1]:g}",
    ]


HEADER = ["database", "sessions × duration", "requests served", "req/s", "errors", "p50 / p95 (all calls)",
          "p50 / p95 (/chat)", "wrong-session answers", "feedback in DB / written", "consultations in DB / written",
          "DB exact", "load avg"]


def table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def print_report(r: dict) -> None:
    print(table([_row(r)]))
    print("\nper endpoint:")
    for ep, v in r["per_endpoint"].items():
        print(f"  {ep:15s} n={v['n']:5d}  p50 {_ms(v['p50_s']):>9s}  p95 {_ms(v['p95_s']):>9s}  max {_ms(v['max_s']):>9s}")
    print(f"CPU seconds during the run: app {r.get('server_cpu_s', '–')}, load generator {r['client_cpu_s']} "
          f"(wall {r['wall_s']} s, {r['cores']} cores)")
    if r.get("server_cpu_s") and r.get("chat_answers"):
        print(f"app CPU per /chat answer (all calls counted): {1000 * r['server_cpu_s'] / r['chat_answers']:.0f} ms")
    if r.get("service_cpu_s"):
        print("services CPU seconds: " + ", ".join(f"{k} {v}" for k, v in r["service_cpu_s"].items()))
    if r.get("startup_s") is not None:
        print(f"app start to first answer: {r['startup_s']} s; server alive at the end: {r.get('server_alive')}; "
              f"ERROR/Traceback lines in the server log: {r.get('server_log_errors')}")
    for key in ("error_samples", "wrong_samples", "server_log_samples"):
        for line in r.get(key) or []:
            print(f"  {key[:-8]}: {line}")
    db = r.get("db")
    if db:
        print(f"database ({r['store_url']}): feedback {db['feedback_in_db']} rows of this run / {db['feedback_written']}"
              f" written (count +{db['feedback_count_delta']}, helpful +{db['helpful_delta']}/{db['helpful_written']}),"
              f" consultations {db['consultations_in_db']} / {db['consultations_written']} (count "
              f"+{db['consultations_count_delta']}); exact: {db['exact']}")
        for p in db["problems"]:
            print(f"  db problem: {p}")


def _commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                             timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "ui", "matcher"], cwd=REPO,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return sha + (" (+uncommitted matcher/ui changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "?"


def _split_block(text: str) -> tuple[str, str, str]:
    """(before, the "## Load test" block, after) of RESULTS.md; the block ends at the next # or ## heading."""
    m = re.search(rf"(?m)^{re.escape(BLOCK)}\b.*$", text)
    if not m:
        return text, "", ""
    nxt = re.search(r"(?m)^#{1,2} ", text[m.end():])
    end = m.end() + nxt.start() if nxt else len(text)
    return text[: m.start()], text[m.start(): end], text[end:]


def write_results(r: dict, path: Path = RESULTS_MD) -> None:
    """Put this run's row into the "## Load test" block at the end of RESULTS.md (other backends' rows stay)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    before, block, after = _split_block(old)
    rest = (before.rstrip("\n") + ("\n\n" + after.strip("\n") if after.strip() else "")).rstrip("\n")
    keep = []  # rows and notes of the other backend from an earlier run
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells and cells[0] not in (HEADER[0], r.get("backend")) and len(cells) == len(HEADER):
            keep.append(("row", cells[0], line))
        elif line.startswith("- ") and not line.startswith(f"- {r.get('backend')}:") and ":" in line:
            keep.append(("note", line[2:].split(":", 1)[0], line))
    now = dt.datetime.now()
    db = r.get("db") or {}
    chat = r["per_endpoint"].get("/chat", {})
    first, nan = r["per_endpoint"].get("/chat first chunk", {}), float("nan")
    second = r["per_endpoint"].get("/chat second chunk", {})
    per_chat = round(r["server_cpu_s"] / r["chat_answers"], 2) if r.get("server_cpu_s") and r["chat_answers"] else "–"
    note = (f"- {r.get('backend')}: {now:%Y-%m-%d %H:%M}, commit {_commit()}, {r['cores']} cores, 1-min load avg "
            f"{r['load_avg'][0]:g} at start, {r['load_avg'][1]:g} at end; {r['requests']} calls in {r['wall_s']:g} s "
            f"({r['connects']} clients); /chat max {_ms(chat.get('max_s', float('nan')))}, first answer chunk p50/p95 "
            f"{_ms(first.get('p50_s', nan))} / {_ms(first.get('p95_s', nan))}, second chunk (first piece of the matched "
            f"answer) p50/p95 {_ms(second.get('p50_s', nan))} / {_ms(second.get('p95_s', nan))}; CPU during the run: app "
            f"{r.get('server_cpu_s', '–')} s ({per_chat} s per /chat answer), load generator {r['client_cpu_s']} s"
            + (f", services {', '.join(f'{k} {v} s' for k, v in r['service_cpu_s'].items())}" if r.get("service_cpu_s") else "")
            + (f"; instance 1 killed after {r['killed_at_s']:g} s" if r.get("killed_at_s") is not None else "") + "; "
            f"errors {r['errors']}, wrong-session answers {r['wrong_session']}; server-log ERROR/Traceback lines "
            f"{r.get('server_log_errors', '–')}; DB: feedback +{db.get('feedback_count_delta', '–')} rows "
            f"(helpful +{db.get('helpful_delta', '–')}), consultations +{db.get('consultations_count_delta', '–')}"
            + ("" if not db.get("problems") else f"; problems: {'; '.join(db['problems'][:3])}") + ".")
    rows = [ln for kind, _k, ln in keep if kind == "row"] + ["| " + " | ".join(_row(r)) + " |"]
    notes = [ln for kind, _k, ln in keep if kind == "note"] + [note]
    lines = [
        f"{BLOCK} ({now:%Y-%m-%d})", "",
        "Produced by `python -m evals.load` (`--sessions N --seconds S --start`, or `tests/test_load.py`): N concurrent "
        "sessions against a fresh app on 127.0.0.1, closed loop without think time (each session sends its next call "
        "when the last one has returned), each a browser-like client (own cookies, Gradio session and heartbeat "
        "stream; calls speak Gradio's queue protocol, `queue/join` and the `queue/data` event stream, all sessions on "
        "one asyncio loop) and a distinct company "
        "(unique employee count, district, sector; every third in English). Each consultation: `/chat`, 👍, `/save` "
        "under a unique client name, 2 × `/chat`, 👎, `/chat`, `/reset`, and `/list_saved` in every other one. "
        "A wrong-session answer is a `/chat` result whose history, last user message, profile line or employees "
        "field is not this session's; the database check compares the feedback rows (comment, vote, query hash, "
        "consultation id) and the consultations (id, client name) with what the sessions wrote, and the row-count "
        "growth. Latencies are per API call (submit to result), including streaming (a `/chat` answer arrives as "
        "the question with a \"thinking\" bubble, what was understood from it (profile, or the programmes asked "
        "about; known before `match` runs), ~4 answer pieces, then cards, picture and profile once); the first "
        "answer chunk is the first update after the \"thinking\" one, the second chunk (in the notes) the one after it, "
        "i.e. the first piece of the matched answer. Per-call timeout 120 s. The load generator runs on "
        "the same 2 cores (its CPU time is in the notes; until 2026-11-30 it ran 20 `gradio_client.Client`s that "
        "polled and cost it more CPU than the app). "
        "App CPU per `/chat` answer divides the app's CPU for all calls (feedback, saves, lists, resets too) by the "
        "`/chat` answers; `python -m evals.profile_turn` measures one turn alone and where its CPU goes. The cluster "
        "rows run the same load through nginx (`deploy/cluster.py`: N `matcher serve` instances, one Chroma server, one "
        "PostgreSQL, sticky cookie); \"1 killed\" rows SIGKILL instance 1 mid-run: calls in flight on it fail (errors), "
        "their sessions reconnect to the other instance, and the database check shows whether an acknowledged "
        "feedback or save was lost.", "",
        table([]).split("\n")[0], table([]).split("\n")[1], *rows, "", *notes, "",
    ]
    text = (rest + "\n\n" if rest else "") + "\n".join(lines)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def write_note(key: str, text: str, path: Path = RESULTS_MD) -> None:
    """Put the note ``- key: text`` into the "## Load test" block (replacing an earlier one of that key);
    later load runs keep it, as they keep the other backends' notes."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    before, block, after = _split_block(old)
    if not block:
        block = f"{BLOCK}\n\n"
    lines = [ln for ln in block.rstrip("\n").splitlines() if not ln.startswith(f"- {key}:")]
    lines.append(f"- {key}: {text}")
    new = before + "\n".join(lines) + "\n" + (("\n" + after.lstrip("\n")) if after.strip() else "")
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.load", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0)
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--port", type=int, help="an app already running on 127.0.0.1:PORT")
    where.add_argument("--start", action="store_true", default=False, help="start a fresh app (temp MATCHER_DATA_DIR) and stop it after")
    ap.add_argument("--database-url", default=None,
                    help="with --start: MATCHER_DATABASE_URL for the app; with --port: the app's database "
                         "(default: MATCHER_DATABASE_URL or the SQLite file in --data-dir / MATCHER_DATA_DIR)")
    ap.add_argument("--data-dir", type=Path, default=None, help="with --port: the app's MATCHER_DATA_DIR")
    ap.add_argument("--corpus-dir", type=Path, default=None, help="with --start: MATCHER_CORPUS_DIR (default: shipped corpus)")
    ap.add_argument("--max-requests", type=int, default=5000)
    ap.add_argument("--timeout", type=float, default=120.0, help="per call, seconds")
    ap.add_argument("--no-db-check", action="store_true", help="with --port: do not read the database")
    ap.add_argument("--cluster", type=int, default=0, metavar="N",
                    help="start N instances + nginx + Chroma server + PostgreSQL (deploy/cluster.py) instead of one app")
    ap.add_argument("--kill-at", type=float, default=None, metavar="S",
                    help="with --cluster: kill instance 1 after S seconds (checks that no acknowledged write is lost)")
    ap.add_argument("--results", action="store_true", help=f"write the block '{BLOCK}' at the end of evals/RESULTS.md")
    ap.add_argument("--keep", action="store_true", help="with --start: keep the temp data dir (server.log, matcher.db)")
    ap.add_argument("--label", default=None, help="appended to the row's name in RESULTS.md (e.g. 'run 2'), so that "
                    "repeated runs of one setup keep a row each")
    a = ap.parse_args(argv)
    if a.sessions < 1 or a.seconds <= 0 or a.max_requests < 1 or a.timeout <= 0:
        ap.error("--sessions, --seconds, --max-requests and --timeout must be positive")
    if a.cluster:
        if not a.start:
            ap.error("--cluster needs --start")
        print(f"starting a cluster of {a.cluster} ... load avg {os.getloadavg()[0]:.2f}", flush=True)
        r = run_with_cluster(a.sessions, a.seconds, a.cluster, a.kill_at, a.corpus_dir, a.max_requests, a.timeout, a.keep)
    elif a.start:
        print(f"starting the app (temp data dir) ... load avg {os.getloadavg()[0]:.2f}", flush=True)
        r = run_with_app(a.sessions, a.seconds, a.database_url, a.corpus_dir, a.max_requests, a.timeout, a.keep)
    else:
        store_url = None
        if not a.no_db_check:
            from matcher.settings import Settings

            s = Settings(**({"data_dir": a.data_dir} if a.data_dir else {}))
            store_url = a.database_url or s.database_url or s.sqlite_url
        url = f"http://{HOST}:{a.port}/"
        wait_http(url, None, None, 10)
        r = run_load(url, store_url, a.sessions, a.seconds, a.max_requests, a.timeout)
    if a.label:
        r["backend"] = f"{r.get('backend', '?')}, {a.label}"
    print_report(r)
    if a.results:
        write_results(r)
        print(f"wrote the '{BLOCK}' block of {RESULTS_MD.relative_to(REPO)}")
    # with an instance killed, calls in flight on it fail by design; nothing acknowledged may be lost
    ok = (r["errors"] == 0 or a.kill_at is not None) and r["wrong_session"] == 0 \
        and (r.get("db") or {}).get("exact", True) and r.get("server_alive", True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
