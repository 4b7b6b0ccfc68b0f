"""Shared by the browser benchmarks: a `streamlit run` server on a free port, Chromium driven by Playwright
(async, so one process drives many sessions at once) and in-page timing of when each chart is drawn.

Timing is measured inside the page: an init script's MutationObserver stamps performance.now() (milliseconds since
navigation start) when each Plotly chart first has its SVG and a trace, and when the main table gets its canvas.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from khuyencong.render.browser import require_chromium

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1440, "height": 1000}
# url path (the file name under pages/) of every page a viewer reads; "" is the overview.
PAGES = ["", "trends", "outcomes", "plan_actual", "compare", "data", "sources"]
SETTLE_MS = 300  # a page counts as done once idle and drawn for this long (a rerun right after idle restarts it)

INIT_SCRIPT = """
(() => {
  if (window.__kcBench) return;
  const CHART = "[data-testid='stPlotlyChart']";
  const TABLE = "[data-testid='stMain'] [data-testid='stDataFrame']";
  const state = {sawRunning: false, idleAt: null, readySince: null};
  const now = () => performance.now();
  function chartDrawn(chart) {
    const gd = chart.querySelector('.js-plotly-plot');
    if (!gd || !gd.querySelector('.main-svg')) return false;
    if (gd.querySelector('g.trace, g.slice')) return true;
    return Array.isArray(gd._fullData) && gd._fullData.length === 0;  // a figure with no trace is drawn with its frame
  }
  function stampDrawn() {
    const t = now();
    for (const chart of document.querySelectorAll(CHART)) {
      if (chart.__kcDrawnAt === undefined && chartDrawn(chart)) chart.__kcDrawnAt = t;
    }
    const table = document.querySelector(TABLE);
    if (table && table.__kcDrawnAt === undefined && table.querySelector("[data-testid='data-grid-canvas']")) {
      table.__kcDrawnAt = t;
    }
  }
  function trackScript(records) {
    if (records.some(r => r.oldValue === 'running')) state.sawRunning = true;
    const app = document.querySelector("[data-testid='stApp']");
    const value = app && app.getAttribute('data-test-script-state');
    if (value === 'running') { state.sawRunning = true; state.idleAt = null; }
    else if (value === 'notRunning' && state.sawRunning && state.idleAt === null) state.idleAt = now();
  }
  new MutationObserver(stampDrawn).observe(document, {childList: true, subtree: true});
  new MutationObserver(trackScript).observe(document, {attributes: true, subtree: true, attributeOldValue: true,
                                                       attributeFilter: ['data-test-script-state']});
  window.__kcBench = {
    // Idle (the script ran and finished), no lazy element still loading, every chart (else the main table) drawn.
    done() {
      stampDrawn();
      const charts = [...document.querySelectorAll(CHART)];
      const table = document.querySelector(TABLE);
      let ready = state.idleAt !== null && !document.querySelector("[data-testid='stSkeleton']")
        && charts.every(c => c.__kcDrawnAt !== undefined);
      if (ready && charts.length === 0 && table) ready = table.__kcDrawnAt !== undefined;
      if (!ready) { state.readySince = null; return false; }
      if (state.readySince === null) state.readySince = now();
      return now() - state.readySince >= %SETTLE%;
    },
    report() {
      const charts = [...document.querySelectorAll(CHART)];
      const times = charts.map(c => c.__kcDrawnAt).filter(t => t !== undefined);
      const table = document.querySelector(TABLE);
      const exceptions = [...document.querySelectorAll("[data-testid='stException']")];
      return {charts: charts.length, drawn: times.length, idle: state.idleAt,
              first: times.length ? Math.min(...times) : null, all: times.length ? Math.max(...times) : null,
              table: table && table.__kcDrawnAt !== undefined ? table.__kcDrawnAt : null,
              exceptions: exceptions.map(e => e.innerText.slice(0, 300))};
    },
  };
})();
""".replace("%SETTLE%", str(SETTLE_MS))


# --- The server ----------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vm_rss_kib(pid: int) -> int | None:
    """Resident memory of one process in KiB, from /proc/<pid>/status (psutil is not installed)."""
    try:
        match = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    except OSError:
        return None
    return int(match.group(1)) if match else None


class Server:
    """`streamlit run dashboard.py` serving `db` on a free port, its output kept in `log`; stopped on exit."""

    def __init__(self, db: Path, log: Path, extra_env: dict | None = None, port: int = 0) -> None:
        self.db, self.log, self.port = Path(db), Path(log), port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.extra_env = extra_env or {}
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        env = {**os.environ, "KC_DB_PATH": str(self.db.resolve()), **self.extra_env}
        env.pop("KC_ADMIN_PASSWORD", None)  # viewers only: the import page stays locked
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(self.port),
                 "--server.headless", "true"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            self._wait_healthy(timeout_s=120)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_healthy(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}; see {self.log}")
            try:
                if urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=1).status == 200:
                    return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"streamlit did not answer within {timeout_s} s; see {self.log}")

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_mib(self) -> float | None:
        kib = vm_rss_kib(self.pid)
        return round(kib / 1024, 1) if kib is not None else None

    def tracebacks(self) -> list[str]:
        """The exception line of every Python traceback the server printed (a page's exception is also a box)."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        found = []
        for block in text.split("Traceback (most recent call last):")[1:]:
            lines = [line for line in block.splitlines()[1:] if line and not line[0].isspace()]
            found.append(lines[0][:300] if lines else "?")
        return found

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __exit__(self, *_exc) -> None:
        self.stop()


# --- Browser sessions ----------------------------------------------------------------------------------------------

@dataclass
class Visit:
    """One navigation: milliseconds from navigation start; `errors` empty when the page drew cleanly."""

    path: str
    started_at: float                  # seconds since the epoch, to line visits up with loads
    first_ms: float | None = None      # first chart drawn (the main table on pages without a chart)
    all_ms: float | None = None        # every chart drawn (the main table on pages without a chart)
    idle_ms: float | None = None       # the script run finished
    charts: int = 0
    target: str = "charts"             # "charts", or "table" on pages without a chart
    errors: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # console errors that are not the app's (see ignored_reason)


# Console errors that are not the app's: Streamlit's frontend probes /<page>/_stcore/health and host-config on a deep
# link to find its base path (404, then it falls back), and resources of other hosts fail on a machine offline.
BASE_PATH_PROBE = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/[^?#]+/_stcore/(health|host-config)$")
LOCAL_URL = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/")


def ignored_reason(text: str, url: str) -> str | None:
    """Why a console error is not counted (None: it is counted)."""
    if not text.startswith("Failed to load resource"):
        return None
    if BASE_PATH_PROBE.match(url):
        return "Streamlit base-path probe (404)"
    if url and not LOCAL_URL.match(url):
        return f"external resource unreachable: {url.split('?')[0]}"
    return None


class Session:
    """A browser context with one tab: its own cookies, so its own Streamlit session on every navigation."""

    def __init__(self, context, page) -> None:
        self.context, self.page = context, page
        self.messages: list[str] = []
        self.ignored: list[str] = []
        page.on("pageerror", lambda error: self.messages.append(f"pageerror: {error}"))
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        reason = ignored_reason(message.text, url)
        if reason:
            self.ignored.append(reason)
        else:
            self.messages.append(f"console error: {message.text[:300]}" + (f" ({url})" if url else ""))

    async def close(self) -> None:
        await self.context.close()


async def launch_browser(playwright):
    return await playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)


async def open_session(browser) -> Session:
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(INIT_SCRIPT)
    return Session(context, await context.new_page())


def page_url(base: str, path: str, query: str) -> str:
    return f"{base}/{path}" + (f"?{query}" if query else "")


async def visit(session: Session, base: str, path: str, query: str = "", timeout_s: float = 120) -> Visit:
    """Navigate (a full page load: a new Streamlit session) and wait until every chart is drawn or time runs out."""
    from playwright.async_api import Error as PlaywrightError

    result = Visit(path=path, started_at=time.time())
    session.messages.clear()
    session.ignored.clear()
    deadline = time.monotonic() + timeout_s
    try:
        await session.page.goto(page_url(base, path, query), wait_until="commit", timeout=timeout_s * 1000)
    except PlaywrightError as error:
        result.errors.append(f"navigation failed: {str(error).splitlines()[0]}")
        return result
    try:
        remaining_ms = max(1000.0, (deadline - time.monotonic()) * 1000)
        await session.page.wait_for_function("() => window.__kcBench && window.__kcBench.done()",
                                             timeout=remaining_ms, polling=100)
    except PlaywrightError:
        result.errors.append(f"not drawn within {timeout_s:g} s")
    try:
        report = await session.page.evaluate("() => window.__kcBench ? window.__kcBench.report() : null")
    except PlaywrightError as error:
        report = None
        result.errors.append(f"page unreadable: {str(error).splitlines()[0]}")
    if report:
        fill_from_report(result, report)
    result.errors += session.messages
    result.ignored += session.ignored
    return result


def fill_from_report(result: Visit, report: dict) -> None:
    result.charts, result.idle_ms = report["charts"], report["idle"]
    if report["charts"]:
        result.first_ms, result.all_ms = report["first"], report["all"]
        if report["drawn"] < report["charts"] and not any("not drawn" in e for e in result.errors):
            result.errors.append(f"{report['charts'] - report['drawn']} of {report['charts']} charts not drawn")
    else:
        result.target = "table"
        result.first_ms = result.all_ms = report["table"]
        if report["table"] is None and not result.errors:
            result.errors.append("nothing drawn: no chart and no table")
    result.errors += [f"exception box: {text}" for text in report["exceptions"]]


# --- Figures -------------------------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation; None for no values."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    position = (len(values) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def seconds(ms: float | None) -> float | None:
    return None if ms is None else round(ms / 1000, 2)


def summarise(values: list[float | None]) -> dict:
    """Median, p95 and max in seconds of millisecond timings (None values, i.e. never drawn, are counted apart)."""
    present = [v for v in values if v is not None]
    return {"n": len(values), "missing": len(values) - len(present),
            "median_s": seconds(statistics.median(present) if present else None),
            "p95_s": seconds(percentile(present, 95)), "max_s": seconds(max(present) if present else None)}


def fmt_s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def database_counts(db: Path) -> dict:
    """Rows of the main tables of the served database, read before the server opens it."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("project", "outcome", "allocation")}
    finally:
        con.close()


def ignored_counts(visits: list[Visit]) -> dict[str, int]:
    """How often each kind of not-counted console error was seen."""
    counts: dict[str, int] = {}
    for v in visits:
        for reason in v.ignored:
            counts[reason] = counts.get(reason, 0) + 1
    return dict(sorted(counts.items()))


def thousands(number: int) -> str:
    """1.000.000 (Vietnamese grouping, as the issues write it)."""
    return f"{number:,}".replace(",", ".")


def display_path(path: Path) -> str:
    """A path inside the repository relative to it, else absolute."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def page_label(path: str) -> str:
    return path or "overview"
