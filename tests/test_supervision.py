"""Operations that heal (issue 28): two app processes behind nginx, run by supervisord as `make serve-many` runs them
(khuyencong/cluster.py), and the process of a viewer who is loading a file through the Import page killed with
SIGKILL while the load runs. Over the next 30 s, at least 90 % of the requests sent through nginx are answered (the
dead process's browsers go to the other one); a new process serves on the dead one's port within 30 s; the load is
in the database whole or not at all, now and after the next build; and the viewer's page, rerun on the other
process, says that the session restarted and the file was not loaded, with no confirm button left."""

import os
import signal
import threading
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from conftest import private_copy, run_etl
from import_corpus import PROJECT_HEAD, csv_bytes
from playwright.sync_api import expect
from test_nginx_browser import PROBLEMS, Viewer

try:  # main keeps the browser waits in tests/browser_state.py since 8273fb3
    from browser_state import wait_idle
except ImportError:
    from test_browser import wait_idle

from khuyencong.cluster import route_cookies, running_cluster
from khuyencong.i18n.labels import t

pytestmark = [pytest.mark.chromium, pytest.mark.nginx, pytest.mark.slow]
PASSWORD = "Mật-khẩu thử 9!"
PROJECTS = 20_000          # enough rows that the load is still running when its process is killed
FILE = "son-la-de-an.csv"
PROBE_SECONDS = 30
LOST_FILE = "Phiên làm việc đã khởi động lại: tệp chưa được nạp, hãy chọn lại tệp"   # the words


def son_la_projects(count: int) -> bytes:
    """`count` projects of Sơn La in 2024 (no document gives Sơn La a project), 10 triệu each, as the template's CSV."""
    rows = [[n + 1, "Sơn La", 2024, f"Đề án thử số {n + 1}", "Trung tâm Khuyến công", None, "dao_tao_nghe", None,
             "KCĐP", 10, None, None, "Đang thực hiện", None] for n in range(count)]
    return csv_bytes([PROJECT_HEAD, *rows])


def loaded_projects(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM project WHERE area_id = 'son-la' AND NOT is_illustrative "
                           "AND doc_id LIKE 'tep-%'").fetchone()[0]
    finally:
        con.close()


def parent_of(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def descendants(pid: int) -> set[int]:
    """Every living process under `pid` (the fork server, and the check or load worker it forked)."""
    parents = {int(p.name): parent_of(int(p.name)) for p in Path("/proc").iterdir() if p.name.isdigit()}
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def probe(url: str, route: str, until: float, answers: list[bool]) -> None:
    """Health requests through nginx until `until`, two every half second: one from a new browser (no cookie: any
    process) and one with the killed process's route cookie."""
    while time.monotonic() < until:
        for cookie in (None, route):
            request = urllib.request.Request(f"{url}/_stcore/health",
                                             headers={"Cookie": f"kc_route={cookie}"} if cookie else {})
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    answers.append(response.status == 200)
            except OSError:
                answers.append(False)
        time.sleep(0.5)


@pytest.fixture(scope="module")
def cluster(demo_db_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("supervised")
    db_path = private_copy(demo_db_path, folder)
    with running_cluster(2, db_path, env={"KC_ADMIN_PASSWORD": PASSWORD}, log_dir=folder / "logs") as running:
        running.db_path = db_path
        yield running


def test_a_process_killed_during_a_load_is_replaced_and_its_viewer_told(cluster, browser, tmp_path):
    routes = route_cookies(cluster)
    port = cluster.ports[0]
    route = routes[cluster.upstreams[0]]
    viewer = Viewer(browser, cluster, route)
    main = viewer.open(f"{cluster.url}/import_data")
    viewer.page.locator("input[type='password']").fill(PASSWORD)
    viewer.page.get_by_role("button", name=t("import_data_unlock")).click()
    wait_idle(viewer.page)
    upload = tmp_path / FILE
    upload.write_bytes(son_la_projects(PROJECTS))
    viewer.page.locator("input[type='file']").set_input_files(str(upload))
    confirm = viewer.page.get_by_role("button", name=t("import_data_confirm"))
    expect(confirm).to_be_enabled(timeout=120000)     # checked in a worker, which has exited
    assert loaded_projects(cluster.db_path) == 0

    victim = cluster.pid(port)
    confirm.click()
    deadline = time.monotonic() + 60
    while not (workers := {p for p in descendants(victim) if parent_of(p) != victim}):
        assert time.monotonic() < deadline, "the load's worker never started"
        time.sleep(0.05)
    answers: list[bool] = []
    killed = time.monotonic()
    prober = threading.Thread(target=probe, args=(cluster.url, route, killed + PROBE_SECONDS, answers))
    os.kill(victim, signal.SIGKILL)
    prober.start()

    replaced_after = None
    while time.monotonic() < killed + PROBE_SECONDS and replaced_after is None:
        new = cluster.pid(port)
        if new and new != victim:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        replaced_after = time.monotonic() - killed
            except OSError:
                pass
        time.sleep(0.2)
    # The viewer's page reruns on the other process as soon as its websocket is back, and says what was lost.
    expect(main).to_contain_text(LOST_FILE, timeout=60000)
    expect(main).to_contain_text(t("session_restarted"))
    assert viewer.page.get_by_role("button", name=t("import_data_confirm")).count() == 0
    assert viewer.page.locator(PROBLEMS).count() == 0
    for log in cluster.backend_logs.values():   # the replacement session's first run included
        assert "Traceback" not in log.read_text(encoding="utf-8", errors="replace"), log.name
    prober.join()
    viewer.close()

    print(f"\nprobes answered: {sum(answers)}/{len(answers)}; replacement served after {replaced_after} s")
    assert replaced_after is not None, f"no new process answered on port {port} within {PROBE_SECONDS} s"
    assert sum(answers) >= 0.9 * len(answers) and len(answers) >= 2 * PROBE_SECONDS
    # The worker went with its process (it would otherwise finish a load its viewer was told was not made).
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "the load's worker outlived its app process"
        time.sleep(0.2)
    # Whole or absent: all 20.000 projects or none, with the kept copy exactly when they are there, and a rebuild
    # (which replays imports/) gives the same.
    projects = loaded_projects(cluster.db_path)
    kept = (cluster.db_path.parent / "imports" / FILE).exists()
    assert (projects, kept) in {(0, False), (PROJECTS, True)}
    assert run_etl("build", "--db", str(cluster.db_path)).returncode == 0
    assert loaded_projects(cluster.db_path) == projects
