"""Databases built once per test session by the real ETL, from the bundled data."""

import contextlib
import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

from etl.build import build_database
from khuyencong.render.browser import INSTALL_HINT, find_chromium

ROOT = Path(__file__).resolve().parent.parent

# KC_TEST_UPTIME=60 runs the suite as on a machine booted 60 s ago: time.monotonic() (seconds since boot) starts
# there, differences unchanged. Code that takes a monotonic reading for an absolute time fails then (the heap trim did).
if os.environ.get("KC_TEST_UPTIME"):
    import time as _time

    _shift = _time.monotonic() - float(os.environ["KC_TEST_UPTIME"])
    _monotonic, _monotonic_ns = _time.monotonic, _time.monotonic_ns
    _time.monotonic = lambda: _monotonic() - _shift
    _time.monotonic_ns = lambda: _monotonic_ns() - int(_shift * 1e9)

# The suite's examples are the same on every run and machine (derandomize), and a slow example on a busy machine is
# not a failure (deadline; speed is measured in bench/). HYPOTHESIS_PROFILE=explore searches anew each run.
settings.register_profile("suite", derandomize=True, deadline=None, database=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


@pytest.hookimpl(tryfirst=True)  # before -m "not slow" deselects
def pytest_collection_modifyitems(items):
    """A test that needs a browser or nginx starts one: it is slow too."""
    for item in items:
        if item.get_closest_marker("chromium") or item.get_closest_marker("nginx"):
            item.add_marker(pytest.mark.slow)


def missing_nginx() -> str | None:
    from khuyencong.cluster import NGINX

    return None if Path(NGINX).exists() else f"no {NGINX}: install Debian's nginx (sudo apt-get install nginx)"


def missing_chromium() -> str | None:
    return None if find_chromium() else f"no Chromium or Chrome found: {INSTALL_HINT}"


# marker -> what is missing for it (None: nothing).
REQUIREMENTS = {"chromium": missing_chromium, "nginx": missing_nginx}


def pytest_runtest_setup(item):
    """A test needing a browser or nginx that is not there is skipped, naming what to install; under CI (which
    installs both) it fails."""
    for marker, missing in REQUIREMENTS.items():
        if item.get_closest_marker(marker) and (reason := missing()):
            if os.environ.get("CI"):
                pytest.fail(f"{reason} (CI must run these tests)", pytrace=False)
            pytest.skip(reason)


def reference_codes(file_name: str) -> tuple[str, ...]:
    """The codes of a code list as data/reference/<file_name> holds them (first column), in file order."""
    with (ROOT / "data" / "reference" / file_name).open(encoding="utf-8") as handle:
        return tuple(row[0] for row in list(csv.reader(handle))[1:])


def quiet(_message: str) -> None:
    pass


def session_database(tmp_path_factory, name: str, with_demo: bool) -> Path:
    """A database of this test run, built once by the real ETL however many xdist workers there are (the first to
    come builds it under a lock), then copied for this process: workers never share one file."""
    import fcntl
    import shutil

    own = tmp_path_factory.getbasetemp()
    shared = own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own   # the run's folder, above the workers'
    template = shared / f"template-{name}" / "kc.duckdb"
    with open(shared / f"template-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            template.parent.mkdir(exist_ok=True)
            build_database(template, with_demo=with_demo, progress=quiet)
    target = tmp_path_factory.mktemp(name) / "kc.duckdb"
    shutil.copyfile(template, target)
    return target


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """The database `make run` serves: bundled real figures plus illustrative data."""
    return session_database(tmp_path_factory, "demo", with_demo=True)


@pytest.fixture(scope="session")
def real_only_db_path(tmp_path_factory) -> Path:
    """Built with --no-demo: only figures transcribed from source documents."""
    return session_database(tmp_path_factory, "real", with_demo=False)


def private_copy(source: Path, tmp_path: Path) -> Path:
    """A copy of a session database in tmp_path/data/ (its imports/ folder beside it), for a test that writes."""
    import shutil

    target = tmp_path / "data" / "kc.duckdb"
    target.parent.mkdir()
    shutil.copyfile(source, target)
    return target


@pytest.fixture()
def db(demo_db_path, tmp_path) -> Path:
    """A private copy of the demo database (the session one stays untouched)."""
    return private_copy(demo_db_path, tmp_path)


# Chromium's flags for tests: no sandbox (containers), no GPU, nothing fetched in the background.
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    from khuyencong.render.browser import find_chromium

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def demo_db(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    yield con
    con.close()


@pytest.fixture()
def real_db(real_only_db_path):
    con = duckdb.connect(str(real_only_db_path), read_only=True)
    yield con
    con.close()


def run_etl(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m etl ...` as a user would, from the project root."""
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def as_shown(text):
    """Markdown source as the reader sees it: backslash escapes and the word joiners that unlink URLs removed."""
    import re

    return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "") if isinstance(text, str) else text


def shown_table(app, index: int = 0):
    """A st.table as the reader sees it (its cells are Markdown, text from data escaped)."""
    value = app.table[index].value
    return value.map(as_shown).rename(index=as_shown)


def chart_data(app) -> list:
    """Every Plotly chart on an AppTest page as a figure dict with its arrays decoded (Plotly 7 packs them), its
    title (page text above the chart on screen, kept in layout.meta) back in layout.title."""
    import base64
    import json

    import numpy as np

    def decode(value):
        if isinstance(value, dict) and set(value) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            return array.reshape(value["shape"]).tolist() if "shape" in value else array.tolist()
        if isinstance(value, dict):
            return {k: decode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [decode(v) for v in value]
        return value

    def titled(fig):
        meta = fig["layout"].get("meta") or {}
        if isinstance(meta, dict) and "title" in meta:
            fig["layout"]["title"] = {**fig["layout"].get("title", {}), "text": meta["title"]}
        return fig

    return [titled(decode(json.loads(e.proto.spec))) for e in app.main if type(e).__name__ == "UnknownElement"
            and hasattr(e.proto, "spec")]


@contextlib.contextmanager
def serving(db_path):
    """KC_DB_PATH set to db_path for the block, then as it was: what the app serves while the block runs."""
    before = os.environ.get("KC_DB_PATH")
    os.environ["KC_DB_PATH"] = str(db_path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("KC_DB_PATH", None)
        else:
            os.environ["KC_DB_PATH"] = before


def open_app(db_path, timeout: float = 30):
    """dashboard.py as an AppTest that serves db_path on every run (and in what its runs hand over, such as a
    download's builder), leaving KC_DB_PATH as it was: a test never leaves its database to the next one."""
    from streamlit.testing.v1 import AppTest

    class ServingApp(AppTest):
        def _run(self, widget_state=None, timeout=None):
            with serving(db_path):
                return super()._run(widget_state, timeout)

    app = ServingApp(str(ROOT / "dashboard.py"), default_timeout=timeout)
    app.db_path = db_path
    return app


def run_page(db_path, page: str | None = None, **params):
    """Run dashboard.py as Streamlit does, with query parameters, then switch to `page` if given."""
    app = open_app(db_path)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    return app


@pytest.fixture(scope="module")
def shown_page():
    """run_page, run once per module for each database, page and parameters: for tests that only read what a view
    shows (a test that sets a widget or clicks runs its own run_page)."""
    opened = {}

    def shown(db_path, page: str | None = None, **params):
        key = (str(db_path), page, tuple(sorted(params.items())))
        if key not in opened:
            opened[key] = run_page(db_path, page, **params)
        return opened[key]

    return shown


@pytest.fixture()
def browser_cookies(monkeypatch) -> dict[str, str]:
    """The cookies an AppTest run's "browser" sends (AppTest has no client, so st.context.cookies is empty): the
    Import page's gate reads them here. The server counts as started by app.py (it has the sign-in endpoint)."""
    from khuyencong import sign_in_routes
    from khuyencong.ui import import_data

    cookies: dict[str, str] = {}
    monkeypatch.setattr(import_data, "request_cookies", lambda: cookies)
    monkeypatch.setattr(sign_in_routes, "SERVED", True)
    return cookies


def sign_in(db_path, password: str, name: str = "", client: str = "192.0.2.10") -> str:
    """Sign in as the endpoint does (khuyencong.sign_in: the shared state beside db_path, the throttle, argon2 or the
    KC_ADMIN_PASSWORD shortcut) and open a page with it, as the server's middleware counts it; the cookie token."""
    from khuyencong.sign_in import Authority, SignInState, admin_password

    state = SignInState(db_path)
    outcome = state.attempt(client, name, password, Authority(db_path, admin_password()))
    assert outcome.status == "ok", outcome
    state.connected(outcome.token)
    return outcome.token


@contextlib.contextmanager
def serve_dashboard(db_path, *args: str, env: dict | None = None, output=subprocess.DEVNULL):
    """`streamlit run app.py` on a free port serving db_path, as `make run` does; yields its base URL."""
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true", *args], cwd=ROOT,
        env={**os.environ, "KC_DB_PATH": str(db_path), **(env or {})}, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("streamlit did not answer")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


DOWNLOAD_KEYS = ("dx_xlsx", "dx_xlsx_all", "dx_csv", "dx_csv_vn", "cmp_xlsx", "cmp_csv", "cmp_csv_vn")


@pytest.fixture()
def downloads(monkeypatch):
    """file name -> the bytes a Data or Compare page download button would serve (built as Streamlit does on a click).

    The page hands each st.download_button a callable, registered with the media file manager (add_deferred);
    AppTest's runtime is thrown away after each run, so the callables are recorded here and called.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager

    registered: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)
        registered[file_id] = (file_name, data_callable)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)

    def files(app, suffixes: tuple[str, ...] = DOWNLOAD_KEYS) -> dict[str, bytes]:
        out = {}
        for button in app.get("download_button"):
            if button.proto.id.endswith(suffixes):
                name, build = registered[button.proto.deferred_file_id]
                with serving(app.db_path):   # built on the click, after the run: from the page's database
                    out[name] = build()
        return out

    return files


def _expander_texts(app, starts: tuple[str, ...]) -> list[str]:
    """Every text (Markdown, caption, info, warning) inside the expanders whose label starts with one of `starts`."""
    texts = []
    for expander in app.expander:
        if expander.label.startswith(starts):
            for kind in ("markdown", "caption", "info", "warning"):
                texts += [as_shown(element.value) for element in getattr(expander, kind)]
    return texts


def details_notes(app) -> list[str]:
    """The notes under a page's "Chi tiết" / "Details" (issue 27: one sentence on screen, the notes one click away)."""
    return _expander_texts(app, ("Chi tiết", "Details"))


def source_list(app) -> str:
    """The items of every collapsed "Nguồn (n)" / "Sources (n)" list, as shown."""
    return "\n".join(_expander_texts(app, ("Nguồn (", "Sources (")))
