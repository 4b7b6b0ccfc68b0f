"""The dashboard side of bench_pages.py, run in its own process so that its peak memory is the dashboard's alone.

Each page runs through dashboard.py with AppTest, as a viewer's browser session would: cold (empty query cache,
default view), then after each filter change (sidebar areas and years set to values not seen before), then warm
(unchanged filters). Every query the app sends to DuckDB is recorded (name, SQL text, parameters, seconds) so
that the floor can replay exactly those queries.

    .venv/bin/python bench/page_runs.py PLAN.json OUT.json
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {  # name in the results -> page file (None: the default page, Overview)
    "overview": None, "trends": "pages/trends.py", "outcomes": "pages/outcomes.py",
    "plan_actual": "pages/plan_actual.py", "compare": "pages/compare.py", "data": "pages/data.py",
    "sources": "pages/sources.py",
}


class QueryRecorder:
    """Wraps the app's query path: run_query names the query, Database.query times the SQL that DuckDB runs."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        self.sql: dict[str, str] = {}
        self._local = threading.local()
        self._lock = threading.Lock()

    def install(self) -> None:
        import khuyencong.data.queries
        import khuyencong.ui.fetch
        from khuyencong.data.database import Database

        original_run_query, original_query = khuyencong.data.queries.run_query, Database.query
        recorder = self

        def run_query(db, name, **params):
            recorder._local.name = name
            try:
                return original_run_query(db, name, **params)
            finally:
                recorder._local.name = None

        def query(self, sql, params=None):
            started = time.perf_counter()
            try:
                return original_query(self, sql, params)
            finally:
                recorder.record(sql, params, time.perf_counter() - started)

        # data.py binds run_query at import: replace it wherever the app looks it up.
        for module in (khuyencong.data.queries, khuyencong.ui.fetch):
            if getattr(module, "run_query", None) is original_run_query:
                module.run_query = run_query
        Database.query = query

    def record(self, sql: str, params, seconds: float) -> None:
        key = hashlib.sha1(sql.encode()).hexdigest()[:12]
        with self._lock:
            self.sql.setdefault(key, sql)
            self.calls.append({"name": getattr(self._local, "name", None) or "?", "sql": key,
                               "params": params if params is not None else [], "seconds": round(seconds, 6)})

    def take(self) -> list[dict]:
        with self._lock:
            calls, self.calls = self.calls, []
        return calls


class PageTimedOut(Exception):
    """AppTest gave up on the run: later runs of the page would measure a half-finished session."""


def run_timed(app, timeout: float) -> tuple[float, str | None]:
    """Seconds for one script run (what the viewer waits for on the server), and the page's error if it failed."""
    started = time.perf_counter()
    try:
        app.run(timeout=timeout)
    except RuntimeError as error:
        if "timed out" in str(error):
            raise PageTimedOut(f"timed out after {timeout:.0f} s") from error
        raise
    seconds = time.perf_counter() - started
    if app.exception:
        exception = app.exception[0]
        where = [line.strip().splitlines()[0] for line in exception.stack_trace if line.strip().startswith("File ")]
        return seconds, f"{exception.message} ({where[-1] if where else 'no trace'})"[:400]
    return seconds, None


def new_session(page: str | None, timeout: float):
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    app.query_params["lang"] = "vi"
    if page:
        # Before the first run a page is found by its file name, which is its url_path (see dashboard.py).
        app.switch_page(page)
    return app


def set_filters(app, change: dict) -> None:
    """Change the sidebar as a viewer would: the areas and the years (one rerun)."""
    app.multiselect(key="f_areas").set_value(list(change["areas"]))
    app.slider(key="f_years").set_value(tuple(change["years"]))


def measure_page(page: str | None, plan: dict, recorder: QueryRecorder) -> dict:
    """Cold, each filter change, warm; a page error is noted and measuring goes on, a timeout ends the page."""
    import streamlit as st

    timeout = plan["timeout"]
    st.cache_data.clear()
    recorder.take()
    result = {"cold_s": None, "cold_queries": [], "changes": [], "warm_s": [], "errors": []}
    app = new_session(page, timeout)
    try:
        result["cold_s"], error = run_timed(app, timeout)
        result["cold_queries"] = recorder.take()
        if error:
            result["errors"].append(f"cold: {error}")
        for change in plan["changes"]:
            set_filters(app, change)
            seconds, error = run_timed(app, timeout)
            result["changes"].append({"filters": change, "seconds": seconds, "queries": recorder.take()})
            if error:
                result["errors"].append(f"change to {', '.join(change['areas'])} {change['years']}: {error}")
        for _ in range(plan["warm_runs"]):
            seconds, error = run_timed(app, timeout)
            result["warm_s"].append(seconds)
            if recorder.take():
                result["errors"].append("a warm run queried the database: the cache did not hold")
            if error:
                result["errors"].append(f"warm: {error}")
    except PageTimedOut as error:
        result["errors"].append(str(error))
        recorder.take()
    return result


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(plan_path: str, out_path: str) -> int:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    os.environ["KC_DB_PATH"] = plan["db"]
    from streamlit import config

    config.set_option("client.showErrorDetails", "full")  # the error itself in the results, not "redacted"
    recorder = QueryRecorder()
    recorder.install()
    # One untimed run first: imports and opening the database are paid once per server, not per page view.
    started = time.perf_counter()
    run_timed(new_session(None, plan["timeout"]), plan["timeout"])
    warm_up = time.perf_counter() - started
    recorder.take()
    baseline = peak_rss_mb()
    pages = {}
    for name in plan["pages"]:
        pages[name] = measure_page(PAGES[name], plan, recorder)
        changes = [c["seconds"] for c in pages[name]["changes"]]
        print(f"  {name}: cold {pages[name]['cold_s'] or float('nan'):.3f} s, change median "
              f"{statistics.median(changes) if changes else float('nan'):.3f} s"
              + (f" ERRORS {pages[name]['errors']}" if pages[name]["errors"] else ""), flush=True)
    out = {"pages": pages, "sql": recorder.sql, "warm_up_s": warm_up, "rss_after_warm_up_mb": baseline,
           "peak_rss_mb": peak_rss_mb()}
    Path(out_path).write_text(json.dumps(out, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
