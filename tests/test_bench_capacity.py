"""The capacity bench's measuring code: CPU read from /proc (a fake /proc tree and the real one), the protocol
client's helpers, and a smoke run of bench_capacity.py at 10.000 projects through nginx (to temporary results)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server_cpu import CLOCK_TICKS, cpu_seconds, parse_stat, process_tree, split_ticks  # noqa: E402
from bench.stream_client import store_cookies, widget_key  # noqa: E402


def stat_line(pid: int, comm: str, ppid: int, utime: int, stime: int, cutime: int = 0, cstime: int = 0) -> str:
    """A /proc/PID/stat line with the fields the bench reads set (and the others plausible)."""
    fields = ["S", ppid, pid, pid, 0, -1, 4194560, 100, 0, 0, 0, utime, stime, cutime, cstime, 20, 0, 3]
    return f"{pid} ({comm}) " + " ".join(str(f) for f in fields) + " 0" * 30 + "\n"


def fake_proc(root: Path, processes: dict[int, dict]) -> Path:
    """A /proc with the given processes: stat, one task per thread (its own stat) and the children of the main one."""
    for pid, p in processes.items():
        folder = root / str(pid)
        folder.mkdir(parents=True)
        (folder / "stat").write_text(stat_line(pid, p.get("comm", "python"), p.get("ppid", 1), *p["ticks"]))
        for tid, ticks in p.get("threads", {pid: p["ticks"][:2]}).items():
            task = folder / "task" / str(tid)
            task.mkdir(parents=True)
            (task / "stat").write_text(stat_line(tid, "python", p.get("ppid", 1), *ticks))
            (task / "children").write_text(" ".join(str(c) for c in p.get("children", []) if tid == pid))
    return root


@pytest.mark.parametrize("comm", ["python", "streamlit run", "a) (b", "(()"])
def test_stat_fields_are_counted_from_the_last_parenthesis(comm):
    stat = parse_stat(stat_line(4242, comm, 17, 150, 30, 7, 3))
    assert stat == {"pid": 4242, "comm": comm, "state": "S", "ppid": 17, "utime": 150, "stime": 30, "cutime": 7,
                    "cstime": 3}


@pytest.mark.parametrize("case, processes, roots, ticks", [
    ("one process, its threads inside its stat",
     {100: {"ticks": (300, 50), "threads": {100: (200, 30), 101: (100, 20)}}}, [100], 350),
    ("a live worker child counts",
     {100: {"ticks": (300, 50), "children": [200]}, 200: {"ppid": 100, "ticks": (40, 10)}}, [100], 400),
    ("a waited-for child's time stays in cutime/cstime",
     {100: {"ticks": (300, 50, 40, 10)}}, [100], 400),
    ("a grandchild counts",
     {100: {"ticks": (10, 0), "children": [200]}, 200: {"ppid": 100, "ticks": (10, 0), "children": [300]},
      300: {"ppid": 200, "ticks": (10, 0)}}, [100], 30),
    ("another process is not read",
     {100: {"ticks": (10, 0)}, 500: {"ticks": (900, 0)}}, [100], 10),
    ("a process gone counts nothing", {100: {"ticks": (10, 0)}}, [100, 999], 10),
])
def test_cpu_of_a_process_tree(tmp_path, case, processes, roots, ticks):
    proc = fake_proc(tmp_path, processes)
    assert cpu_seconds(roots, proc) == pytest.approx(ticks / CLOCK_TICKS), case


def test_process_tree_lists_descendants_once(tmp_path):
    proc = fake_proc(tmp_path, {100: {"ticks": (1, 0), "children": [200, 300]},
                                200: {"ppid": 100, "ticks": (1, 0), "children": [300]},
                                300: {"ppid": 200, "ticks": (1, 0)}})
    assert sorted(process_tree(100, proc)) == [100, 200, 300]


@pytest.mark.parametrize("case, before, after, expected", [
    ("main thread only", (100, {1: 100}), (160, {1: 160}), {"main": 60, "long_lived": 0, "short_lived": 0}),
    ("a worker alive at both readings",
     (100, {1: 80, 2: 20}), (200, {1: 120, 2: 80}), {"main": 40, "long_lived": 60, "short_lived": 0}),
    ("a script thread that began and ended in between",
     (100, {1: 80, 2: 20}), (250, {1: 120, 2: 30}), {"main": 40, "long_lived": 10, "short_lived": 100}),
    ("a thread that began and is still running",
     (100, {1: 100}), (150, {1: 110, 7: 40}), {"main": 10, "long_lived": 0, "short_lived": 40}),
])
def test_thread_split(case, before, after, expected):
    split = split_ticks(1, before[0], before[1], after[0], after[1])
    assert {k: round(v * CLOCK_TICKS) for k, v in split.items() if k != "total"} == expected, case
    assert split["total"] == pytest.approx((after[0] - before[0]) / CLOCK_TICKS)


def test_the_real_proc_counts_what_a_child_spent_and_not_an_idle_one():
    """A child spins 0.3 s of CPU, says how much its own clock counted, then sleeps: /proc must say the same."""
    spin = ("import sys, time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"
            "print(time.process_time(), flush=True)\ntime.sleep(60)")
    busy = subprocess.Popen([sys.executable, "-c", spin], stdout=subprocess.PIPE, text=True)
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        own_count = float(busy.stdout.readline())
        busy_cpu, idle_cpu = cpu_seconds([busy.pid]), cpu_seconds([idle.pid])
        own_tree = process_tree(os.getpid())
    finally:
        for child in (busy, idle):
            child.kill()
            child.wait()
    # Both count the whole process (its start-up too); /proc in ticks of 10 ms, and the print came after the count.
    assert own_count - 0.02 <= busy_cpu <= own_count + 0.05
    assert idle_cpu < 0.2 < busy_cpu
    assert {busy.pid, idle.pid} <= set(own_tree)


@pytest.mark.parametrize("widget_id, key", [
    ("$$ID-98d0124d64ab4d97bfdc8b4674f84de9-f_areas", "f_areas"),
    ("$$ID-965ae20aa4fe02bbcf979671259ace31-f_years", "f_years"),
    ("$$ID-965ae20aa4fe02bbcf979671259ace31-key-with-dashes", "key-with-dashes"),
    ("$$ID-965ae20aa4fe02bbcf979671259ace31-None", None),
    ("", None),
])
def test_widget_key(widget_id, key):
    assert widget_key(widget_id) == key


def test_cookies_are_kept_per_name_as_a_browser_keeps_them():
    jar = {"kc_route": "old"}
    store_cookies(jar, ["kc_route=abc123; Path=/; HttpOnly; SameSite=Lax",
                        "_streamlit_xsrf=2|aa|bb|1700000000; expires=Fri, 27 Nov 2026 17:00:00 GMT; Path=/"])
    assert jar == {"kc_route": "abc123", "_streamlit_xsrf": "2|aa|bb|1700000000"}


@pytest.mark.slow
@pytest.mark.chromium
def test_a_smoke_run_measures_every_page_asked_and_both_process_counts(tmp_path):
    """bench_capacity.py at 10.000 projects on two pages, briefly: every figure present, no page error, every filter
    change reached the page, and nginx spread the viewers over both processes."""
    md, results = tmp_path / "results.md", tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "bench/bench_capacity.py", "--scales", "10000", "--data-dir", str(tmp_path / "data"),
         "--pages", "outcomes,data", "--views", "2", "--changes", "2", "--browser-views", "1", "--seconds", "4",
         "--concurrency", "4", "--results-md", str(md), "--results-json", str(results)],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    scale = json.loads(results.read_text(encoding="utf-8"))["capacity"]["scales"]["10000"]
    assert list(scale["pages"]) == ["outcomes", "data"]
    for name, page in scale["pages"].items():
        assert page["errors"] == [] and page["chromium_errors"] == [], name
        assert page["view_cpu_ms"] > 0 and page["change_cpu_ms"] > 0 and page["chromium_view_cpu_ms"] > 0, name
        assert page["views_per_core_s"] == pytest.approx(1000 / page["view_cpu_ms"], abs=0.05)  # one decimal
        assert scale["compared"]["pages"][name]["view_cpu_ms"] > 0
    one, two = scale["throughput"]
    assert (one["processes"], two["processes"]) == (1, 2)
    assert one["failed"] == two["failed"] == 0 and one["views"] > 0 and two["views"] > 0
    assert all(count > 0 for count in two["sessions_per_process"].values()), two["sessions_per_process"]
    assert sum(two["sessions_per_process"].values()) >= two["views"]
    section = re.search(r"<!-- capacity:start -->(.*)<!-- capacity:end -->", md.read_text(encoding="utf-8"), re.S)
    assert section and "### 10.000 projects" in section.group(1)
    assert re.search(r"^\| outcomes \| [\d ]+ \| [\d,]+ \|", section.group(1), re.M)


def scale_run(commit: str, view_ms: float, before=None) -> dict:
    return {"measured_at": f"run of {commit}", "commit": commit, "before": before,
            "pages": {"compare": {"view_cpu_ms": view_ms, "views_per_core_s": round(1000 / view_ms, 1),
                                  "change_cpu_ms": 2 * view_ms}}}


def test_a_rerun_is_set_against_the_last_run_of_another_commit():
    from bench.bench_capacity import before_of

    assert before_of(None, "b2") is None                        # the first run of a scale has nothing before it
    first = scale_run("a1", 214.0)
    assert before_of(first, "b2") == {"measured_at": "run of a1", "commit": "a1", "pages": {
        "compare": {"view_cpu_ms": 214.0, "views_per_core_s": 4.7, "change_cpu_ms": 428.0}}}
    # Measured again on the same commit (a quiet machine this time): still set against a1, not against itself.
    second = scale_run("b2", 120.0, before=before_of(first, "b2"))
    assert before_of(second, "b2")["commit"] == "a1"
