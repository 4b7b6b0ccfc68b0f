"""SIGKILL `python -m etl build` and `python -m etl load` at seeded random moments: the serving file is always the
old one byte for byte or the whole new one, the dashboard keeps answering, and the next run succeeds."""

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow  # kills builds and loads, with a server watching

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_corpus as corpus  # noqa: E402
from conftest import ROOT  # noqa: E402

from etl.atomic import TEMP_MARK  # noqa: E402
from khuyencong.data.database import Database  # noqa: E402
from khuyencong.data.queries import run_query  # noqa: E402

# Kills per test: half anywhere in the run, half in the window of the temporary file (write, fsync, swap, clean-up).
# The phases themselves are each hit on purpose in test_hostile_probe (Ctrl-C at the write, the fsync, each side of
# the rename); these seeded kills look for what no named phase foresaw.
TRIALS = 12
BUILD_SEED = 2_0241_2
LOAD_SEED = 2_0241_3
# One workbook filling all three tables (1 allocation, 2 projects, 2 outcomes for Quảng Nam 2023).
WORKBOOK = "quang-nam-2023.xlsx"
FUNDING_PARAMS = {"current_units": False, "figure": "allocated", "year_from": 2000, "year_to": 2030,
                  "sources": ["local", "central"], "areas": [], "include_illustrative": True}


def etl(*args: str) -> list[str]:
    return [sys.executable, "-m", "etl", *args]


def run_to_the_end(args: list[str]) -> subprocess.CompletedProcess:
    """An uninterrupted run; the timeout turns a stale lock (a run that waits forever) into a failure."""
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)


def temps(serving: Path) -> list[str]:
    return sorted(p.name for p in serving.parent.glob(f".{serving.name}{TEMP_MARK}*"))


@dataclass(frozen=True)
class Snapshot:
    """What the serving path holds: its bytes' digest, what the figures are made of, and when it was written."""

    sha256: str
    content: tuple        # row count of every table and the money totals
    last_loaded: datetime


def snapshot(serving: Path, scratch: Path) -> Snapshot:
    """Read the serving file once and open that copy read-only.

    A private copy, not the serving path: DuckDB shares one instance per path within a process, so a second
    connection to the serving path could see the file the Database below still holds open.
    """
    data = serving.read_bytes()
    scratch.write_bytes(data)
    con = duckdb.connect(str(scratch), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
        counts = tuple((t, con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables)
        money = con.execute("SELECT (SELECT sum(amount_mvnd) FROM allocation), (SELECT sum(plan_mvnd) FROM project), "
                            "(SELECT sum(actual_value) FROM outcome)").fetchone()
        last_loaded = con.execute("SELECT max(loaded_at) FROM load_log").fetchone()[0]
    finally:
        con.close()
    return Snapshot(hashlib.sha256(data).hexdigest(), counts + (money,), last_loaded)


def judge(before: Snapshot, after: Snapshot, whole_new: Snapshot) -> str:
    """'old' when the bytes did not change; else the file must be a whole new one.

    A build or load stamps the time into load_log, so two complete runs never give the same bytes: "whole new" is
    every table's row count and money total equal to an uninterrupted run's, written after the old file.
    """
    if after.sha256 == before.sha256:
        return "old"
    assert after.content == whole_new.content, "the serving file is neither the old one nor a whole new one"
    assert after.last_loaded > before.last_loaded
    return "new"


@dataclass
class Timeline:
    """When an uninterrupted run's temporary file appeared and when the run ended, in seconds from its start."""

    temp_at: float
    end: float


def measure(args: list[str], serving: Path, prepare=lambda: None, runs: int = 2) -> Timeline:
    """The fastest of a few uninterrupted runs: other work on the machine only slows a run down, and delays taken
    from a slow run would put every kill after the end."""
    timelines = []
    for _ in range(runs):
        prepare()
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        temp_at = None
        while process.poll() is None:
            if temp_at is None and temps(serving):
                temp_at = time.perf_counter() - started
            time.sleep(0.002)
        assert process.returncode == 0
        end = time.perf_counter() - started
        timelines.append(Timeline(temp_at if temp_at is not None else end, end))
    return min(timelines, key=lambda timeline: timeline.end)


@dataclass
class Kill:
    delay: float
    after_temp: bool      # counted from the moment the temporary file appears, else from the start


def kill_plan(seed: int, timeline: Timeline) -> list[Kill]:
    """Half spread over the whole run (start-up, reading, writing, exit); half counted from the temporary file's
    appearance over the write, swap and clean-up window, which is short for a load and moves with the start-up."""
    rng = random.Random(seed)
    window = timeline.end - timeline.temp_at
    return [Kill(rng.uniform(0, 1.2 * timeline.end), False) if i % 2 == 0 else Kill(rng.uniform(0, 1.2 * window), True)
            for i in range(TRIALS)]


def kill_during(args: list[str], serving: Path, kill: Kill) -> int:
    """Start a run in its own process group and SIGKILL the group as planned; the exit code (-9 when killed)."""
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    while kill.after_temp and process.poll() is None and not temps(serving):
        time.sleep(0.001)
    try:
        return process.wait(timeout=kill.delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.wait()


class Dashboard:
    """One Database opened before the trials and kept across them, asked for the funding chart's data all along."""

    def __init__(self, serving: Path) -> None:
        self.db = Database(serving)
        self.errors: list[str] = []
        self.answers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep_asking, daemon=True)
        self._thread.start()

    def _keep_asking(self) -> None:
        while not self._stop.is_set():
            try:
                if run_query(self.db, "funding_by_year", **FUNDING_PARAMS).empty:
                    self.errors.append("funding_by_year came back empty")
                self.answers += 1
            except Exception as error:  # anything a viewer would see instead of the chart
                self.errors.append(repr(error))
            self._stop.wait(0.02)

    def last_loaded(self) -> datetime:
        return self.db.query("SELECT max(loaded_at) AS t FROM load_log")["t"].iloc[0].to_pydatetime()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.db.close()


@pytest.fixture()
def serving(tmp_path) -> Path:
    path = tmp_path / "data" / "kc.duckdb"
    path.parent.mkdir()
    result = run_to_the_end(etl("build", "--db", str(path)))
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture()
def dashboard(serving):
    viewer = Dashboard(serving)
    yield viewer
    viewer.close()


def assert_next_run_found_nothing_in_the_way(serving: Path) -> None:
    assert temps(serving) == []
    assert not serving.with_name(serving.name + ".wal").exists()


def test_killed_builds_leave_the_old_or_a_whole_new_database(serving, dashboard, tmp_path):
    scratch = tmp_path / "snapshot.duckdb"
    build = etl("build", "--db", str(serving))
    timeline = measure(build, serving)
    whole_new = snapshot(serving, scratch)
    outcomes, killed_mid_write = [], 0
    for kill in kill_plan(BUILD_SEED, timeline):
        before = snapshot(serving, scratch)
        exit_code = kill_during(build, serving, kill)
        assert exit_code in (0, -signal.SIGKILL)
        killed_mid_write += bool(temps(serving))
        after = snapshot(serving, scratch)
        outcomes.append(judge(before, after, whole_new))
        assert dashboard.last_loaded() == after.last_loaded  # the kept Database reopened on the swap, or kept on
        result = run_to_the_end(build)
        assert result.returncode == 0, result.stderr
        assert_next_run_found_nothing_in_the_way(serving)
        assert snapshot(serving, scratch).content == whole_new.content
    assert dashboard.errors == []
    assert dashboard.answers > TRIALS
    # Not vacuous: some kills hit a build while it was writing its temporary file.
    assert killed_mid_write > 0, outcomes
    print(f"builds killed: {Counter(outcomes)}, {killed_mid_write} while writing")  # shown with pytest -rP


def test_killed_loads_leave_the_old_or_a_whole_new_database(serving, dashboard, tmp_path):
    scratch = tmp_path / "snapshot.duckdb"
    workbook = tmp_path / WORKBOOK
    workbook.write_bytes(corpus.BY_NAME[WORKBOOK].data())
    base = tmp_path / "before-load.duckdb"
    shutil.copyfile(serving, base)
    kept = serving.parent / "imports" / WORKBOOK

    def serve_the_unloaded_database() -> None:
        """Swap the pre-load file back in (as a build would: copy, then os.replace) and forget kept imports."""
        incoming = serving.with_name("incoming.duckdb")
        shutil.copyfile(base, incoming)
        os.replace(incoming, serving)
        shutil.rmtree(kept.parent, ignore_errors=True)

    load = etl("load", str(workbook), "--db", str(serving))
    timeline = measure(load, serving, prepare=serve_the_unloaded_database)
    whole_new = snapshot(serving, scratch)
    assert whole_new.content != snapshot(base, scratch).content  # the load changes what a user sees
    outcomes, killed_mid_write = [], 0
    for kill in kill_plan(LOAD_SEED, timeline):
        serve_the_unloaded_database()
        before = snapshot(serving, scratch)
        exit_code = kill_during(load, serving, kill)
        assert exit_code in (0, -signal.SIGKILL)
        killed_mid_write += bool(temps(serving))
        after = snapshot(serving, scratch)
        outcome = judge(before, after, whole_new)
        outcomes.append(outcome)
        assert dashboard.last_loaded() == after.last_loaded
        result = run_to_the_end(load)
        assert result.returncode == 0, result.stdout + result.stderr
        assert ("already loaded" in result.stdout) == (outcome == "new")
        assert_next_run_found_nothing_in_the_way(serving)
        assert snapshot(serving, scratch).content == whole_new.content
        assert kept.read_bytes() == workbook.read_bytes()  # what the next `etl build` replays
    assert dashboard.errors == []
    assert dashboard.answers > TRIALS
    assert killed_mid_write > 0, outcomes
    print(f"loads killed: {Counter(outcomes)}, {killed_mid_write} while writing")


def test_a_load_killed_right_after_its_swap_keeps_its_figures_through_the_next_build(serving, tmp_path):
    """The narrowest window: the new database is in place and the process dies at once. The file was kept under
    imports/ before the swap, so the next build still has its figures without anyone rerunning the load."""
    workbook = tmp_path / WORKBOOK
    workbook.write_bytes(corpus.BY_NAME[WORKBOOK].data())
    die_after_swap = ("import os, signal, sys\n"
                      "import etl.importer\n"
                      "swap = etl.importer.replace_database\n"
                      "def swap_then_die(*args, **kwargs):\n"
                      "    swap(*args, **kwargs)\n"
                      "    os.kill(os.getpid(), signal.SIGKILL)\n"
                      "etl.importer.replace_database = swap_then_die\n"
                      "from etl.__main__ import main\n"
                      "sys.exit(main(sys.argv[1:]))\n")
    killed = subprocess.run([sys.executable, "-c", die_after_swap, "load", str(workbook), "--db", str(serving)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    rebuilt = run_to_the_end(etl("build", "--db", str(serving)))
    assert rebuilt.returncode == 0, rebuilt.stderr
    con = duckdb.connect(str(serving), read_only=True)
    try:
        quang_nam = con.execute("SELECT sum(amount_mvnd) FROM allocation WHERE doc_id = 'tep-quang-nam-2023-xlsx'")
        assert quang_nam.fetchone()[0] == 1500
    finally:
        con.close()
