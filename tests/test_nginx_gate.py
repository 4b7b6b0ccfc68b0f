"""The gate behind the shipped nginx configuration, two app processes (khuyencong/cluster.py, as `make serve-many`):

- wrong guesses are counted across processes: 8 guesses sent alternately to each process, 5 compared, 3 refused
  uncompared (before: 10 of 14 were compared with 2 processes, each counting its own);
- after a sign-in, a websocket and an upload through nginx, the access log holds no session id, no unlock token,
  no whole route cookie (before: `PUT /_stcore/upload_file/<session id>/<file id>` with the route);
- /_stcore/metrics is not served from outside (before: anyone read the upload store's size there).
"""

import asyncio
import time

import pytest
from conftest import private_copy
from gate_client import Client

from khuyencong.cluster import read_access_log, route_cookies, route_tag, running_cluster

pytestmark = [pytest.mark.nginx, pytest.mark.slow]
PASSWORD = "Mật-khẩu thử 9!"
CSV = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,Địa phương,Dự toán,99999\n".encode()


@pytest.fixture(scope="module")
def cluster(demo_db_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gate-cluster")
    db_path = private_copy(demo_db_path, folder)
    with running_cluster(2, db_path, env={"KC_ADMIN_PASSWORD": PASSWORD}, log_dir=folder / "logs") as running:
        running.db_path = db_path
        yield running


@pytest.fixture(autouse=True)
def no_guesses_yet(cluster):
    """Each test starts with no wrong guess counted (all of them come from 127.0.0.1)."""
    (cluster.db_path.parent / f".{cluster.db_path.name}.sign-in.json").unlink(missing_ok=True)


def sign_in_lines(cluster) -> list[dict]:
    return [row for row in read_access_log(cluster.access_log) if row["path"] == "/api/sign-in"]


def test_wrong_guesses_are_counted_across_both_processes(cluster):
    routes = list(route_cookies(cluster).items())  # (upstream, a kc_route value nginx sends there)
    outcomes, served_by = [], []
    for number in range(8):
        upstream, route = routes[number % 2]
        guesser = Client(cluster.url, {"kc_route": route})  # a fresh browser on a chosen process
        assert guesser.sign_in(f"doan-sai-{number}") == 303
        outcomes.append(guesser.cookies["kc_sign_in"].split(".")[0])
        served_by.append(upstream)
    assert outcomes == ["wrong"] * 5 + ["locked"] * 3
    deadline = time.monotonic() + 30
    while len(sign_in_lines(cluster)) < 8 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert {row["upstream"] for row in sign_in_lines(cluster)} == set(cluster.upstreams)  # both processes guessed
    # The right password from this address waits too; the page says how long.
    late = Client(cluster.url, {"kc_route": routes[0][1]})
    assert late.sign_in(PASSWORD) == 303 and late.cookies["kc_sign_in"].startswith("locked.")
    assert "kc_unlock" not in late.cookies


def test_the_access_log_names_no_session_after_an_upload(cluster):
    async def scenario():
        operator = Client(cluster.url)
        assert await asyncio.to_thread(operator.sign_in, PASSWORD) == 303
        seen = await operator.open()
        assert seen.uploader
        assert await asyncio.to_thread(operator.upload, seen.session_id, "cao-bang.csv", CSV) == 204
        await operator.close()
        return operator, seen.session_id

    operator, session = asyncio.run(scenario())
    route = operator.cookies["kc_route"]
    deadline = time.monotonic() + 30  # nginx logs a websocket when it closes
    while time.monotonic() < deadline and not any(
            row["path"] == "/_stcore/stream" and row["route"] == route_tag(route)
            for row in read_access_log(cluster.access_log)):
        time.sleep(0.2)
    text = cluster.access_log.read_text(encoding="utf-8")
    lines = [row for row in read_access_log(cluster.access_log) if row["route"] == route_tag(route)]
    uploads = [row for row in lines if row["method"] == "PUT"]
    assert [(row["path"], row["status"]) for row in uploads] == [("/_stcore/upload_file/-", "204")]
    assert any(row["path"] == "/_stcore/stream" and row["status"] == "101" for row in lines)
    for secret in (session, operator.cookies["kc_unlock"], route, PASSWORD):
        assert secret not in text
    assert session not in (cluster.log_dir / "error.log").read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "status"), [("/_stcore/metrics", 404), ("/_stcore/agent/openapi.json", 404),
                                              ("/_stcore/script-health-check", 404), ("/_stcore/health", 200)])
def test_internal_endpoints_are_not_served_from_outside(cluster, path, status):
    assert Client(cluster.url).request(path)[0] == status
