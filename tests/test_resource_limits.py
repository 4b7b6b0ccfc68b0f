"""Ceilings the README and the code promise, read back from the running thing: the dashboard's DuckDB connection is
capped at 512 MB per app process (README, The dashboard), and the Import page's check runs in a worker process at a
lower CPU priority with a 4 GB address-space ceiling (etl/check_worker.py), as the kernel sees that process."""

import os
import resource
import threading
import time
from pathlib import Path

from conftest import private_copy, run_page, serving


def test_the_apps_connection_is_capped_at_512_mb(real_only_db_path, tmp_path):
    """DuckDB states 512 MB (512 × 10⁶ bytes) as 488,28 MiB: it prints '488.2 MiB'."""
    from khuyencong.ui.app_state import get_database

    db = private_copy(real_only_db_path, tmp_path)  # a DuckDB instance of its own: no other test's settings
    assert not run_page(db).exception
    with serving(db):
        database = get_database()  # the connection the page just served from (st.cache_resource, one per process)
    assert database.path == db
    value, unit = database.query("SELECT current_setting('memory_limit') AS m")["m"].iloc[0].split()
    assert unit == "MiB" and abs(float(value) * 2**20 - 512 * 10**6) < 0.1 * 2**20


def _process_tree() -> dict[int, int]:
    """pid -> parent pid of every process the kernel lists."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _descendants(pid: int) -> set[int]:
    parents = _process_tree()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def test_the_check_worker_runs_niced_by_10_under_a_4_gb_address_space(real_only_db_path, tmp_path):
    """The worker is watched from outside while it checks a file: the kernel's nice value and RLIMIT_AS of each
    process below this one (the fork server's child), until one shows both or the check ends."""
    from etl.check_worker import check_in_worker

    db = private_copy(real_only_db_path, tmp_path)
    head = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\n"
    # Rows enough for the check to last a while (the repeats are reported as duplicates: every row is read).
    rows = [f"Cao Bằng,{year},{source},Dự toán,{year}" for year in range(2002, 2026)
            for source in ("Địa phương", "Trung ương")]
    data = (head + "\n".join(rows * 10) + "\n").encode()
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    wanted = (min(mine + 10, 19), (4 * 2**30, 4 * 2**30))  # nice +10; 4 GiB soft and hard
    seen: dict[int, tuple] = {}
    result: list = []
    checking = threading.Thread(target=lambda: result.append(check_in_worker(db, [("nhieu-dong.csv", data)])))
    checking.start()
    while checking.is_alive() and wanted not in seen.values():
        for pid in _descendants(os.getpid()):
            try:
                seen[pid] = (os.getpriority(os.PRIO_PROCESS, pid), resource.prlimit(pid, resource.RLIMIT_AS))
            except (ProcessLookupError, PermissionError):
                continue
        time.sleep(0.002)  # polling the kernel's view, not waiting for time to pass
    checking.join()
    assert result and result[0][0].rows["allocation"] > 0  # the check itself ran to its end
    assert wanted in seen.values(), f"no worker at nice {wanted[0]} with RLIMIT_AS 4 GiB; seen {set(seen.values())}"
