"""Several app processes behind a real nginx on loopback ports, run by supervisord: `make serve-many`, the nginx
browser and kill tests and the capacity bench.

supervisord (PyPI `supervisor`) runs every app process and nginx and starts again any that exits, on the same port:
one killed process is replaced, and meanwhile nginx sends its browsers to the others (deploy/nginx: max_fails,
proxy_next_upstream). In production a systemd unit per port does the same (deploy/systemd/khuyencong@.service).
nginx runs from a temporary prefix (its own config, pid, temp folders and logs), as the current user, so no root is
needed and no system nginx is touched. Its configuration is deploy/nginx/khuyencong.conf, the file the README
shows, with only the addresses changed (`nginx_config`): the routing, headers and log format are the production
ones. `python -m khuyencong.cluster --processes 3 --port 8080` serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import pwd
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xmlrpc.client
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "nginx"
SITE_CONFIG = DEPLOY / "khuyencong.conf"
NGINX = "/usr/sbin/nginx"
# Where the production config expects the project (README, Deploying): replaced by this checkout.
DEPLOYED_ROOT = "/srv/khuyencong/"
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
SUPERVISORD = str(Path(sys.executable).with_name("supervisord"))  # PyPI `supervisor`, pinned in requirements.txt


@dataclass
class Cluster:
    """A running cluster: nginx's base URL, the app processes' ports, nginx's access log and supervisord."""

    url: str
    ports: list[int]
    access_log: Path
    log_dir: Path
    supervisor: Supervisor
    backend_logs: dict[int, Path] = field(default_factory=dict)
    supervisord: subprocess.Popen | None = None

    @property
    def upstreams(self) -> list[str]:
        """The backends as nginx's $upstream_addr names them."""
        return [f"127.0.0.1:{port}" for port in self.ports]

    def pid(self, port: int) -> int | None:
        """The app process serving `port` now (a replacement after a restart), None while none runs."""
        return self.supervisor.pid(f"app-{port}")

    def nginx_pid(self) -> int | None:
        return self.supervisor.pid("nginx")


ACCESS_LINE = re.compile(r'^(?P<time>\S+) (?P<remote>\S+) "(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d{3}) '
                         r'(?P<bytes>\d+) upstream=(?P<upstream>\S+) upstream_status=(?P<upstream_status>\S+) '
                         r'route=(?P<route>\S*) rt=(?P<rt>\S+)$')


def read_access_log(path: Path) -> list[dict]:
    """nginx's access log (the `khuyencong` log_format) as dicts: time, method, path, status, upstream, route…"""
    rows = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        match = ACCESS_LINE.match(line)
        if match:
            rows.append(match.groupdict())
    return rows


def route_tag(route: str) -> str:
    """How the access log names a route cookie: its first 8 characters (the `kc_route_logged` map)."""
    return route[:8]


def route_cookies(cluster: Cluster, tries: int = 64) -> dict[str, str]:
    """A kc_route cookie value per backend (upstream address -> value), found by asking nginx with probe values and
    reading which backend its access log names: a browser given that cookie is served by that backend. A probe value
    is 8 characters, so the log's route tag is the whole value."""
    found: dict[str, str] = {}
    for n in range(tries):
        value = f"probe{n:03d}"
        request = urllib.request.Request(f"{cluster.url}/_stcore/health", headers={"Cookie": f"kc_route={value}"})
        urllib.request.urlopen(request, timeout=10).close()
        upstream = None
        for _ in range(100):  # nginx writes the line just after the response
            upstream = next((row["upstream"] for row in reversed(read_access_log(cluster.access_log))
                             if row["route"] == value), None)
            if upstream:
                break
            time.sleep(0.02)
        if upstream and upstream not in found:
            found[upstream] = value
        if len(found) == len(cluster.ports):
            return found
    raise RuntimeError(f"no route found to every backend in {tries} tries: {found}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _replace(text: str, pattern: str, replacement: str, count: int = 1) -> str:
    """Substitute in the checked-in config, failing loudly when the file no longer has what is replaced."""
    new, found = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    if found != count:
        raise ValueError(f"{SITE_CONFIG.name}: expected {count}× /{pattern}/, found {found}")
    return new


def site_config(backend_ports: list[int], listen: str, access_log: Path) -> str:
    """deploy/nginx/khuyencong.conf served on `listen` (address:port) over these backends, without TLS, its proxy
    rules included from this checkout."""
    text = SITE_CONFIG.read_text(encoding="utf-8")
    # Each server keeps the production line's parameters (max_fails, fail_timeout).
    params = re.search(r"^    server 127\.0\.0\.1:\d+(.*);$", text, flags=re.MULTILINE).group(1)
    servers = "".join(f"    server 127.0.0.1:{port}{params};\n" for port in backend_ports)
    text = _replace(text, r"^(?:    server 127\.0\.0\.1:\d+[^;\n]*;\n)+", lambda _: servers)
    text = _replace(text, r"^    listen 443 ssl;$", f"    listen {listen};")
    text = _replace(text, r"^    ssl_certificate.*\n", "", count=2)
    text = _replace(text, r"^    access_log \S+ khuyencong;$", f"    access_log {access_log} khuyencong;")
    return _replace(text, re.escape(DEPLOYED_ROOT), lambda _: f"{ROOT}/")


def nginx_config(prefix: Path, backend_ports: list[int], listen: str, access_log: Path) -> str:
    """A whole nginx.conf running from `prefix` in the foreground with the site config inside its http block."""
    temp = "\n".join(f"    {name}_temp_path {prefix / 'temp' / name};"
                     for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root nginx would hand its workers to `nobody`, who cannot enter the private prefix: keep the caller.
    user = (f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"
            if os.geteuid() == 0 else "")
    site = site_config(backend_ports, listen, access_log)
    return (f"{user}daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'};\n"
            f"events {{\n    worker_connections 1024;\n}}\nhttp {{\n{temp}\n"
            + "".join(f"    {line}\n" if line else "\n" for line in site.splitlines()) + "}\n")


APP_SCRIPT = "app.py"  # what `make run` serves: the dashboard with its sign-in endpoint


def app_command(port, python: str = sys.executable) -> list[str]:
    """One app process: `make run`'s server on a loopback port. The systemd unit (deploy/systemd/khuyencong@.service)
    runs the same command with port %i; tests/test_deploy_config.py holds them together."""
    return [python, "-m", "streamlit", "run", APP_SCRIPT, "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true"]


def supervisor_config(prefix: Path, logs: Path, backend_ports: list[int], nginx_conf: Path) -> str:
    """supervisord.conf: every app process and nginx as programs restarted whenever they exit (a killed app process
    is replaced on its own port, so nginx's upstream list stays true). The programs inherit supervisord's
    environment (the cookie secret is never written to a file)."""
    def program(name: str, command: list[str], log: Path, extra: str = "") -> str:
        return (f"[program:{name}]\ncommand={' '.join(shlex.quote(part) for part in command)}\ndirectory={ROOT}\n"
                "autostart=true\nautorestart=true\nstartsecs=1\nstartretries=10\n"
                # stop the process's whole group: the check and load workers (etl/check_worker.py) go with it
                "stopasgroup=true\nkillasgroup=true\nstopwaitsecs=30\n"
                f"redirect_stderr=true\nstdout_logfile={log}\nstdout_logfile_maxbytes=0\n{extra}\n")

    sections = [
        f"[supervisord]\nnodaemon=true\nlogfile={logs / 'supervisord.log'}\nlogfile_maxbytes=0\n"
        f"pidfile={prefix / 'supervisord.pid'}\nchildlogdir={prefix}\n"
        + (f"user={pwd.getpwuid(os.geteuid()).pw_name}\n" if os.geteuid() == 0 else "") + "\n",
        f"[unix_http_server]\nfile={prefix / 'supervisor.sock'}\nchmod=0700\n\n",
        "[rpcinterface:supervisor]\n"
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n",
        f"[supervisorctl]\nserverurl=unix://{prefix / 'supervisor.sock'}\n\n",
    ]
    sections += [program(f"app-{port}", app_command(port), logs / f"backend-{port}.log") for port in backend_ports]
    # -e: the error log before the config is read (Debian's default path needs root).
    sections.append(program("nginx", [NGINX, "-p", str(prefix), "-c", str(nginx_conf), "-e", str(logs / "error.log")],
                            logs / "nginx.out", "stopsignal=QUIT\n"))
    return "".join(sections)


class Supervisor:
    """supervisord's XML-RPC interface on its unix socket: which pid serves a program now, and its state."""

    def __init__(self, socket_path: Path):
        from supervisor.xmlrpc import SupervisorTransport

        self.proxy = xmlrpc.client.ServerProxy(
            "http://127.0.0.1", transport=SupervisorTransport(serverurl=f"unix://{socket_path}"))

    def info(self, name: str) -> dict:
        return self.proxy.supervisor.getProcessInfo(name)

    def pid(self, name: str) -> int | None:
        """The running process of a program, None while it is down or starting over."""
        info = self.info(name)
        return info["pid"] if info["statename"] == "RUNNING" and info["pid"] else None


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_healthy(url: str, supervisord: subprocess.Popen, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if supervisord.poll() is not None:
            raise RuntimeError(f"supervisord exited with {supervisord.returncode} before {what} answered")
        if _healthy(url):
            return
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not answer {url}/_stcore/health within {timeout:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def running_cluster(processes: int, db_path, *, port: int = 0, env: dict | None = None,
                    log_dir: Path | None = None, address: str = "127.0.0.1") -> Iterator[Cluster]:
    """N `streamlit run app.py` processes serving db_path on free loopback ports, and nginx in front on `port`
    (0: a free one), all run by supervisord, which restarts any of them that exits. Every process gets the same
    cookie secret (generated here unless env or the environment sets STREAMLIT_SERVER_COOKIE_SECRET): Streamlit
    signs its session and login cookies with it, and a browser moved to another process (its own stopped) must
    still be read. The XSRF cookie is not signed: any process accepts it.
    Logs (access.log, error.log, backend-PORT.log, supervisord.log) go to log_dir, else to the temporary prefix."""
    if not Path(NGINX).exists():
        raise FileNotFoundError(f"{NGINX} not found: install Debian's nginx (sudo apt-get install nginx)")
    prefix = Path(tempfile.mkdtemp(prefix="kc-nginx-"))
    logs = Path(log_dir) if log_dir else prefix
    logs.mkdir(parents=True, exist_ok=True)
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / name).mkdir(parents=True)
    port = port or free_port()
    base_env = {**os.environ, **(env or {})}
    base_env.setdefault(COOKIE_SECRET_ENV, secrets.token_hex(32))
    base_env.setdefault("MALLOC_ARENA_MAX", "2")  # as `make run`: freed heap reused, not kept per thread
    base_env["KC_DB_PATH"] = str(db_path)
    ports = [free_port() for _ in range(processes)]
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_config(prefix, ports, f"{address}:{port}", logs / "access.log"), encoding="utf-8")
    supervisor_conf = prefix / "supervisord.conf"
    supervisor_conf.write_text(supervisor_config(prefix, logs, ports, conf), encoding="utf-8")
    cluster = Cluster(url=f"http://{'127.0.0.1' if address in ('0.0.0.0', '') else address}:{port}", ports=ports,
                      access_log=logs / "access.log", log_dir=logs,
                      backend_logs={p: logs / f"backend-{p}.log" for p in ports},
                      supervisor=Supervisor(prefix / "supervisor.sock"))
    supervisord = cluster.supervisord = subprocess.Popen([SUPERVISORD, "-c", str(supervisor_conf)],
                                   cwd=ROOT, env=base_env, stdout=subprocess.DEVNULL,
                                   stderr=(logs / "supervisord.out").open("wb"))
    try:
        for backend_port in ports:
            _wait_healthy(f"http://127.0.0.1:{backend_port}", supervisord, f"app process on port {backend_port}")
        _wait_healthy(cluster.url, supervisord, "nginx", timeout=30)
        yield cluster
    except RuntimeError as error:
        detail = "".join((logs / name).read_text(errors="replace")[-2000:]
                         for name in ("nginx.out", "supervisord.out") if (logs / name).exists())
        raise RuntimeError(f"{error}\n{detail}".strip()) from None
    finally:
        _stop(supervisord)  # SIGTERM: supervisord stops every program (and its group) before it exits
        if log_dir:
            shutil.rmtree(prefix, ignore_errors=True)
        else:
            shutil.rmtree(prefix / "temp", ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    from khuyencong.data.database import database_path

    parser = argparse.ArgumentParser(prog="python -m khuyencong.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3, help="app processes (default 3)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument("--address", default="127.0.0.1", help="nginx's address (default 127.0.0.1)")
    parser.add_argument("--db", type=Path, default=None, help="database served (default: KC_DB_PATH or "
                                                              "data/khuyencong.duckdb)")
    parser.add_argument("--log-dir", type=Path, default=ROOT / "logs" / "serve-many",
                        help="access.log, error.log, backend-PORT.log (default logs/serve-many)")
    args = parser.parse_args(argv)
    # Ctrl-C or a service manager's SIGTERM stops every process started here (a shell's `&` may ignore SIGINT).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    db_path = (args.db or database_path()).resolve()
    with running_cluster(args.processes, db_path, port=args.port, log_dir=args.log_dir,
                         address=args.address) as cluster:
        print(f"{args.processes} app processes ({', '.join(cluster.upstreams)}) behind nginx: {cluster.url}",
              flush=True)
        print(f"nginx access log: {cluster.access_log}; supervisord restarts a process that exits "
              f"({cluster.log_dir / 'supervisord.log'}); Ctrl-C stops them all.", flush=True)
        try:
            cluster.supervisord.wait()
        except KeyboardInterrupt:
            return 0
    print("supervisord stopped; see the logs in", args.log_dir, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
