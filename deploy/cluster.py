"""Several app instances behind nginx, with one Chroma server and one PostgreSQL, all on 127.0.0.1.

    python -m deploy.cluster start --instances 2 --port 8080 --run-dir .cluster   # foreground; Ctrl-C stops all
    python -m deploy.cluster start ... --detach                                 # return once it answers
    python -m deploy.cluster stop --run-dir .cluster

The same ``matcher serve`` code runs N times; only configuration differs (``MATCHER_PORT``,
``MATCHER_DATA_DIR``, ``MATCHER_CHROMA_HOST/PORT``, ``MATCHER_DATABASE_URL``). Every file (PostgreSQL
cluster, Chroma data, per-instance data dirs, nginx config and logs, pids) lives under the run dir;
nothing is written elsewhere and no system service is touched. Ports are picked free at start.

Session affinity: Gradio keeps a session's state and its queue/SSE stream in one process, so every
request of a browser (or ``gradio_client.Client``, which keeps the cookies of its first response) must
reach the same instance. nginx pins a client with a cookie ``fl_node`` naming the instance that answered
its first request; a client without the cookie (or pinned to an unknown instance) goes to the least busy
live instance. ``ip_hash`` would send every client on one machine (or behind one NAT) to one instance.
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PG_USER = "postgres"
DB_NAME = "foerderlotse"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pg_bindir() -> Path | None:
    import glob
    import re

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: [int(n) for n in re.findall(r"\d+", p)])
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def nginx_bin() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


def _venv_bin(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def _wait(what: str, check, timeout_s: float, procs: list[subprocess.Popen] = (), log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for p in procs:
            if p.poll() is not None:
                tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
                raise RuntimeError(f"{what} exited with {p.returncode}\n{tail}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} not ready within {timeout_s:.0f} s\n{tail}")


def _http_ok(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as r:
        return r.status == 200


@dataclass
class Cluster:
    """N app instances + nginx + Chroma server + PostgreSQL under ``run_dir``; ``start()`` / ``stop()``."""

    run_dir: Path
    instances: int = 2
    port: int = 0  # nginx; 0 = a free port
    corpus_dir: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)

    # ------------------------------------------------------------ paths and urls
    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.ports['nginx']}/"

    @property
    def database_url(self) -> str:
        return f"postgresql+psycopg://{PG_USER}@{HOST}:{self.ports['postgres']}/{DB_NAME}"

    def instance_url(self, i: int) -> str:
        return f"http://{HOST}:{self.ports[f'app{i}']}/"

    def _log(self, name: str) -> Path:
        return self.run_dir / "logs" / f"{name}.log"

    def app_env(self, i: int) -> dict[str, str]:
        env = {**os.environ, **self.extra_env, "MATCHER_DATA_DIR": str(self.run_dir / f"app{i}"),
               "MATCHER_HOST": HOST, "MATCHER_PORT": str(self.ports.get(f"app{i}", 0)),
               "MATCHER_CHROMA_HOST": HOST, "MATCHER_CHROMA_PORT": str(self.ports["chroma"]),
               "MATCHER_DATABASE_URL": self.database_url, "GRADIO_ANALYTICS_ENABLED": "False",
               "GRADIO_TEMP_DIR": str(self.run_dir / f"app{i}" / "gradio")}
        env.pop("MATCHER_AUTH", None)
        if self.corpus_dir:
            env["MATCHER_CORPUS_DIR"] = str(self.corpus_dir)
        return env

    # ------------------------------------------------------------ start
    def start(self, timeout_s: float = 240.0) -> Cluster:
        if self.instances < 1:
            raise ValueError("instances must be >= 1")
        missing = [n for n, ok in (("postgresql", pg_bindir()), ("nginx", nginx_bin())) if not ok]
        if missing:
            raise RuntimeError(f"missing Debian packages: {' '.join(missing)} (make serve-cluster installs them)")
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.run_dir = self.run_dir.resolve()
        if os.geteuid() == 0:  # the postgres user must reach its data dir (mkdtemp makes 0700 dirs)
            self.run_dir.chmod(self.run_dir.stat().st_mode | 0o711)
        (self.run_dir / "logs").mkdir(exist_ok=True)
        # each port is chosen right before its server starts (an app's at its first start, nginx's in
        # _start_nginx): a port chosen minutes earlier may be taken by then
        self.ports = {"postgres": free_port(), "chroma": free_port(), "nginx": self.port or 0}
        try:
            self._start_postgres()
            self._start_chroma(timeout_s)
            self._build_index(timeout_s)
            for i in range(1, self.instances + 1):
                self.start_instance(i)
            for i in range(1, self.instances + 1):
                self.wait_instance(i, timeout_s)
            self._start_nginx(timeout_s)
        except BaseException:
            self.stop()
            raise
        self._write_state()
        return self

    def _pg(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        argv = [str(pg_bindir() / cmd[0]), *cmd[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            argv = ["runuser", "-u", PG_USER, "--", *argv]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stdout}\n{done.stderr}")
        return done

    def _start_postgres(self) -> None:
        pg = self.run_dir / "postgres"
        pg.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            u = pwd.getpwnam(PG_USER)
            os.chown(pg, u.pw_uid, u.pw_gid)
        data = pg / "data"
        if not (data / "PG_VERSION").exists():
            # trust on 127.0.0.1 only: this is a local cluster; on real machines use passwords (README)
            self._pg("initdb", "-D", str(data), "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--no-locale")
        opts = (f"-p {self.ports['postgres']} -k {pg} -c listen_addresses={HOST} -c max_connections=300 "
                f"-c synchronous_commit=on")
        self._pg("pg_ctl", "-D", str(data), "-l", str(pg / "server.log"), "-o", opts, "-w", "-t", "60", "start")
        self.procs["postgres"] = None  # stopped with pg_ctl
        self._pg("createdb", "-h", HOST, "-p", str(self.ports["postgres"]), "-U", PG_USER, DB_NAME, check=False)

    def _spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self._log(name), "ab")
        p = subprocess.Popen(argv, cwd=REPO, env=env or os.environ.copy(), stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
        log.close()
        self.procs[name] = p
        return p

    def _start_chroma(self, timeout_s: float) -> None:
        p = self._spawn("chroma", [_venv_bin("chroma"), "run", "--path", str(self.run_dir / "chroma"), "--host", HOST,
                                   "--port", str(self.ports["chroma"])],
                        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        _wait("chroma", lambda: _http_ok(f"http://{HOST}:{self.ports['chroma']}/api/v2/heartbeat"), timeout_s, [p],
              self._log("chroma"))

    def _build_index(self, timeout_s: float) -> None:
        """Build the collection on the Chroma server once, before the instances start (they reuse it)."""
        env = self.app_env(0)
        env["MATCHER_DATA_DIR"] = str(self.run_dir / "indexer")
        with open(self._log("index"), "ab") as log:
            subprocess.run([_venv_bin("matcher"), "index"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                           check=True, timeout=timeout_s)

    def start_instance(self, i: int) -> subprocess.Popen:
        """Start instance ``i``; a restarted instance keeps its port (nginx routes to it)."""
        if f"app{i}" not in self.ports:
            self.ports[f"app{i}"] = free_port()
        return self._spawn(f"app{i}", [_venv_bin("matcher"), "serve", "--host", HOST, "--port",
                                       str(self.ports[f"app{i}"])], self.app_env(i))

    def wait_instance(self, i: int, timeout_s: float = 240.0) -> None:
        _wait(f"app{i}", lambda: _http_ok(self.instance_url(i)), timeout_s, [self.procs[f"app{i}"]], self._log(f"app{i}"))

    def nginx_conf(self) -> str:
        apps = [(i, self.ports[f"app{i}"]) for i in range(1, self.instances + 1)]
        pool = "\n".join(f"        server {HOST}:{p} max_fails=1 fail_timeout=5s;" for _, p in apps)
        pinned = "\n".join(f"    upstream fl_app{i} {{ server {HOST}:{p}; }}" for i, p in apps)
        routes = "\n".join(f'        "{HOST}:{p}" fl_app{i};' for i, p in apps)
        d = self.run_dir / "nginx"
        return f"""# generated by deploy/cluster.py; every path is under the run dir
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log {d}/access.log;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
    client_max_body_size 25m;

    # first contact: the least busy live instance
    upstream fl_any {{
        least_conn;
{pool}
    }}
    # one group per instance for pinned clients
{pinned}
    # the cookie fl_node names the instance that answered the first request
    map $cookie_fl_node $fl_backend {{
        default fl_any;
{routes}
    }}
    # after a retry $upstream_addr lists every instance tried; the last one answered
    map $upstream_addr $fl_answered {{
        "~(?<last>[0-9.]+:[0-9]+)$" $last;
        default "";
    }}
    server {{
        listen {HOST}:{self.ports['nginx']};
        location / {{
            proxy_pass http://$fl_backend;
            proxy_next_upstream error timeout http_502;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header Connection "";
            proxy_buffering off;          # Gradio streams answers as server-sent events
            proxy_cache off;
            proxy_read_timeout 3600s;
            add_header Set-Cookie "fl_node=$fl_answered; Path=/; HttpOnly; SameSite=Lax" always;
        }}
    }}
}}
"""

    def _start_nginx(self, timeout_s: float, attempts: int = 3) -> None:
        """Start nginx on its port. A port chosen by the system minutes earlier may meanwhile be the local end of
        an outgoing connection (the instances talk to Chroma and PostgreSQL): unless the port was given, a bind
        failure picks a fresh free port and tries again."""
        d = self.run_dir / "nginx"
        (d / "tmp").mkdir(parents=True, exist_ok=True)
        for attempt in range(1, attempts + 1):
            if not self.port:
                self.ports["nginx"] = free_port()
            (d / "nginx.conf").write_text(self.nginx_conf(), encoding="utf-8")
            p = self._spawn("nginx", [nginx_bin(), "-p", str(d), "-c", str(d / "nginx.conf"), "-g", "daemon off;"])
            try:
                _wait("nginx", lambda: _http_ok(self.url), timeout_s, [p], d / "error.log")
                return
            except RuntimeError as ex:
                if self.port or attempt == attempts or "Address already in use" not in str(ex):
                    raise

    def reload_nginx(self) -> None:
        p = self.procs.get("nginx")
        if p and p.poll() is None:
            p.send_signal(signal.SIGHUP)

    def _write_state(self) -> None:
        state = {"url": self.url, "database_url": self.database_url, "ports": self.ports,
                 "pids": {k: p.pid for k, p in self.procs.items() if p is not None},
                 "instances": self.instances, "pg_data": str(self.run_dir / "postgres" / "data")}
        (self.run_dir / "cluster.json").write_text(json.dumps(state, indent=2), encoding="utf-8")

    # ------------------------------------------------------------ stop
    def kill_instance(self, i: int, sig: int = signal.SIGKILL) -> None:
        """End one app instance at once (as a crash would)."""
        p = self.procs[f"app{i}"]
        if p.poll() is None:
            p.send_signal(sig)
            p.wait(timeout=30)

    def stop(self) -> None:
        for name in ["nginx", *sorted((k for k in self.procs if k.startswith("app")), reverse=True), "chroma"]:
            p = self.procs.get(name)
            if p is None or p.poll() is not None:
                continue
            p.terminate()
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait(timeout=10)
        if "postgres" in self.procs:
            data = self.run_dir / "postgres" / "data"
            if (data / "postmaster.pid").exists():
                self._pg("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", check=False)
        self.procs.clear()


def stop_run_dir(run_dir: Path) -> None:
    """Stop a detached cluster from its ``cluster.json`` (the processes this tool started, by pid)."""
    state_file = run_dir / "cluster.json"
    if not state_file.exists():
        print(f"no cluster.json in {run_dir}", file=sys.stderr)
        return
    state = json.loads(state_file.read_text())
    for name, pid in sorted(state["pids"].items(), key=lambda kv: kv[0] != "nginx"):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
    c = Cluster(run_dir)
    c.procs["postgres"] = None
    data = Path(state["pg_data"])
    if (data / "postmaster.pid").exists():
        c._pg("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", check=False)
    state_file.unlink()
    print(f"stopped the cluster in {run_dir}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    st = sub.add_parser("start")
    st.add_argument("--instances", type=int, default=2)
    st.add_argument("--port", type=int, default=8080, help="nginx port on 127.0.0.1 (0: a free one)")
    st.add_argument("--run-dir", type=Path, default=REPO / ".cluster")
    st.add_argument("--corpus-dir", type=Path, default=None)
    st.add_argument("--detach", action="store_true", help="return once it answers; stop with `stop`")
    sp = sub.add_parser("stop")
    sp.add_argument("--run-dir", type=Path, default=REPO / ".cluster")
    a = ap.parse_args(argv)
    if a.cmd == "stop":
        stop_run_dir(a.run_dir)
        return 0
    if (a.run_dir / "cluster.json").exists():
        print(f"a cluster seems to run from {a.run_dir} (cluster.json exists): stop it first", file=sys.stderr)
        return 1
    c = Cluster(a.run_dir, a.instances, a.port, a.corpus_dir)
    print(f"starting {a.instances} instances, Chroma, PostgreSQL and nginx under {a.run_dir} ...", flush=True)
    c.start()
    print(f"ready: {c.url}  (instances {', '.join(c.instance_url(i) for i in range(1, a.instances + 1))}; "
          f"database {c.database_url}; logs in {c.run_dir / 'logs'})", flush=True)
    if a.detach:
        for p in c.procs.values():  # keep running after we exit
            if p is not None:
                p.returncode = None
        return 0
    stopping = []
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):  # Ctrl-C, kill, a closed terminal: stop everything
        signal.signal(sig, lambda *_: stopping.append(1))
    try:
        while not stopping and all(p is None or p.poll() is None for p in c.procs.values()):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        print("stopping ...", flush=True)
        c.stop()
        (c.run_dir / "cluster.json").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
