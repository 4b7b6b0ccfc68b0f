"""Many viewers for real: two app processes behind Debian's nginx, configured from deploy/nginx/ as the README shows
(khuyencong/cluster.py), driven by Chromium. Pages load through the proxy, the websocket upgrades, a browser stays on
its process while different browsers spread over both, an import through the Import page passes XSRF through the
proxy, and after its swap every process shows the new figure with no error."""

import time

import pytest
from browser_state import COUNT_RUNS, runs, submit_and_wait, wait_idle
from conftest import private_copy
from playwright.sync_api import expect
from test_browser import is_streamlit_probe
from test_viewers_during_load import SHOWN, workbook_version

from khuyencong.cluster import read_access_log, route_cookies, route_tag, running_cluster
from khuyencong.i18n.labels import t

pytestmark = [pytest.mark.chromium, pytest.mark.nginx, pytest.mark.slow]
PASSWORD = "Mật-khẩu thử 9!"
PROBLEMS = "[data-testid='stException'], [data-testid='stAlertContentError']"
MAIN = "[data-testid='stMain']"


@pytest.fixture(scope="module")
def cluster(demo_db_path, tmp_path_factory):
    """Two processes serving a private copy of the demo database (the import test swaps it), XSRF on as shipped."""
    folder = tmp_path_factory.mktemp("cluster")
    db_path = private_copy(demo_db_path, folder)
    with running_cluster(2, db_path, env={"KC_ADMIN_PASSWORD": PASSWORD}, log_dir=folder / "logs") as running:
        yield running


class Viewer:
    """One browser context (its own cookies, so its own route) with one page, recording websockets and errors."""

    def __init__(self, browser, cluster, route: str | None = None):
        self.context = browser.new_context(viewport={"width": 1440, "height": 1000})
        self.context.add_init_script(COUNT_RUNS)
        if route:
            self.context.add_cookies([{"name": "kc_route", "value": route, "url": cluster.url}])
        self.page = self.context.new_page()
        self.websockets: list[str] = []
        self.errors: list[str] = []
        self.page.on("websocket", lambda ws: self.websockets.append(ws.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" and not is_streamlit_probe(message.location.get("url", "")) else None)

    def open(self, url: str):
        self.page.goto(url, wait_until="domcontentloaded", timeout=60000)
        wait_idle(self.page)
        return self.page.locator(MAIN)

    def route(self) -> str:
        return next(c["value"] for c in self.context.cookies() if c["name"] == "kc_route")

    def close(self):
        self.context.close()


def lines_of(cluster, route: str, until_path: str | None = None) -> list[dict]:
    """The access log's lines of one browser; with until_path, once a request of that path is logged (nginx logs a
    websocket when it closes, a moment after its browser)."""
    deadline = time.monotonic() + 30
    while True:
        lines = [row for row in read_access_log(cluster.access_log) if row["route"] == route_tag(route)]
        if not until_path or any(row["path"] == until_path for row in lines) or time.monotonic() > deadline:
            return lines
        time.sleep(0.2)


def test_a_page_through_nginx_upgrades_its_websocket_and_stays_on_one_process(cluster, browser):
    viewer = Viewer(browser, cluster)
    main = viewer.open(f"{cluster.url}/?area=nghe-an&years=2007-2016&source=local")
    expect(main).to_contain_text("40 tỷ đồng", timeout=30000)  # Nghệ An's local money 2007–2016, as without nginx
    assert viewer.websockets == [cluster.url.replace("http", "ws") + "/_stcore/stream"]

    # A filter change reruns the script over the same websocket: the session is the process's, kept.
    before = runs(viewer.page)
    viewer.page.locator("[data-testid='stButtonGroup']").first.get_by_text("2007–2016").click()
    viewer.page.wait_for_url(lambda url: "years=" not in url, timeout=30000)
    wait_idle(viewer.page, after=before)
    expect(main).not_to_contain_text("40 tỷ đồng", timeout=30000)
    assert viewer.page.locator(PROBLEMS).count() == 0
    assert len(viewer.websockets) == 1
    assert viewer.errors == []

    route = viewer.route()
    viewer.close()
    lines = lines_of(cluster, route, until_path="/_stcore/stream")
    # Every request of this browser, from the first (which handed out the cookie) on, reached one process.
    assert lines[0]["path"].startswith("/?area=nghe-an")
    assert len(lines) > 10 and {row["upstream"] for row in lines} == {lines[0]["upstream"]}
    assert lines[0]["upstream"] in cluster.upstreams
    assert [row["status"] for row in lines if row["path"] == "/_stcore/stream"] == ["101"]
    assert {row["status"] for row in lines} <= {"101", "200", "304"}


def test_different_browsers_reach_both_processes(cluster, browser):
    """The route is per browser (a cookie), not per address: fresh browsers from 127.0.0.1 spread over both."""
    seen: set[str] = set()
    for _ in range(16):  # with two processes, 16 fresh browsers all on one: 1 in 32.768
        viewer = Viewer(browser, cluster)
        viewer.page.goto(f"{cluster.url}/", wait_until="commit", timeout=60000)
        route = viewer.route()
        viewer.close()
        seen |= {row["upstream"] for row in lines_of(cluster, route)}
        if seen == set(cluster.upstreams):
            break
    assert seen == set(cluster.upstreams)


def test_an_import_through_the_proxy_is_seen_by_every_process(cluster, browser, tmp_path):
    routes = route_cookies(cluster)                  # upstream -> a kc_route value nginx sends there
    url = f"{cluster.url}/?area=son-la"              # Sơn La: no figure until the workbook brings one
    for route in routes.values():                    # both processes open the database before the swap
        viewer = Viewer(browser, cluster, route)
        main = viewer.open(url)
        expect(main).to_contain_text("không có số liệu", timeout=30000)
        expect(main).not_to_contain_text(SHOWN[1])
        viewer.close()

    workbook = tmp_path / "son-la-2024.xlsx"
    workbook.write_bytes(workbook_version(1))
    importer = Viewer(browser, cluster, routes[cluster.upstreams[0]])
    main = importer.open(f"{cluster.url}/import_data")
    importer.page.locator("input[type='password']").fill(PASSWORD)
    submit_and_wait(importer.page, importer.page.get_by_role("button", name=t("import_data_unlock")).click)
    importer.page.locator("input[type='file']").set_input_files(str(workbook))
    confirm = importer.page.get_by_role("button", name=t("import_data_confirm"))
    expect(confirm).to_be_enabled(timeout=60000)
    confirm.click()
    expect(main).to_contain_text("Đã nạp 1 tệp", timeout=60000)
    assert importer.page.locator(PROBLEMS).count() == 0
    session = lines_of(cluster, routes[cluster.upstreams[0]])
    upload = [row for row in session if row["path"].startswith("/_stcore/upload_file")]
    assert upload and {row["status"] for row in upload} <= {"200", "204"}   # XSRF header and cookie accepted
    assert {row["upstream"] for row in session} == {cluster.upstreams[0]}    # page, websocket, upload: one process
    importer.close()
    swapped = len(read_access_log(cluster.access_log))

    for upstream, route in routes.items():
        viewer = Viewer(browser, cluster, route)
        main = viewer.open(url)
        expect(main).to_contain_text(SHOWN[1], timeout=30000)
        assert viewer.page.locator(PROBLEMS).count() == 0
        assert viewer.errors == []
        viewer.close()
        served = [row for row in read_access_log(cluster.access_log)[swapped:] if row["route"] == route_tag(route)]
        assert served and {row["upstream"] for row in served} == {upstream}
    for port, log in cluster.backend_logs.items():
        assert "Traceback" not in log.read_text(encoding="utf-8", errors="replace"), f"process {port}"

