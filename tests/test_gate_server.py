"""The Import page's gate against a served app (`streamlit run app.py`), spoken to at the protocol level: HTTP and
Streamlit's websocket (tests/gate_client.py), as a browser and as an attacker would.

- Session takeover: a second client that opens a websocket naming a signed-in operator's session id (as Streamlit's
  frontend does on reconnect) sees the sign-in form, never the uploader: with the operator's tab open and within
  two seconds of it closing. (Before: it saw the unlocked page and could load a file.)
- A session that never signed in cannot upload (refused before its body is read); a signed-in one can, and the
  server lets go of its files as soon as its tab is closed (before: a session's files stayed in the upload store
  after the session was dropped, 209 MB still held minutes after the client left).
- The sign-in form of another site is refused; a wrong password gives no cookie.
"""

import asyncio
import re
import time
import urllib.error
import urllib.request

import pytest
from conftest import private_copy, serve_dashboard
from gate_client import REFUSED_UNREAD, Client

pytestmark = pytest.mark.slow
PASSWORD = "Mật-khẩu thử 9!"
CSV = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,Địa phương,Dự toán,99999\n".encode()


@pytest.fixture(scope="module")
def served(demo_db_path, tmp_path_factory):
    db_path = private_copy(demo_db_path, tmp_path_factory.mktemp("gate"))
    # On loopback as deployed (README): uvicorn then trusts nginx's X-Forwarded-* from 127.0.0.1.
    with serve_dashboard(db_path, "--server.address", "127.0.0.1", env={"KC_ADMIN_PASSWORD": PASSWORD}) as base:
        yield base


def test_a_client_with_only_the_session_id_sees_the_sign_in_form_tab_open_and_tab_closed(served):
    async def scenario():
        operator = Client(served)
        assert await asyncio.to_thread(operator.sign_in, PASSWORD) == 303
        assert "kc_unlock" in operator.cookies
        mine = await operator.open()
        assert mine.uploader and not mine.sign_in_form and not mine.exceptions
        session = mine.session_id
        assert session

        attacker = Client(served)  # its own browser: its own XSRF cookie, no unlock cookie
        open_tab = await attacker.open(session_id=session)
        assert open_tab.sign_in_form and not open_tab.uploader
        assert open_tab.session_id != session  # a signed-in session is not handed to another connection
        assert (await operator.run()).uploader  # and the operator's tab still has it
        await attacker.close()

        await operator.close()  # the operator closes the tab; the attacker tries at once, then again
        for _ in range(2):
            closed_tab = await Client(served).open(session_id=session)
            assert closed_tab.sign_in_form and not closed_tab.uploader and not closed_tab.exceptions
            await asyncio.sleep(1)

    asyncio.run(scenario())


def test_only_a_signed_in_browser_can_upload(served):
    async def scenario():
        stranger = Client(served)
        seen = await stranger.open()
        assert seen.sign_in_form
        refused = await asyncio.to_thread(stranger.upload, seen.session_id, "a.csv", b"x" * 1_000_000)
        await stranger.close()

        operator = Client(served)
        await asyncio.to_thread(operator.sign_in, PASSWORD)
        mine = await operator.open()
        accepted = await asyncio.to_thread(operator.upload, mine.session_id, "cao-bang.csv", CSV)
        # The stranger's cookies with the operator's session id: still refused (the unlock is the cookie).
        borrowed = await asyncio.to_thread(stranger.upload, mine.session_id, "x.csv", CSV)
        await operator.close()
        return refused, accepted, borrowed

    refused, accepted, borrowed = asyncio.run(scenario())
    # Refused: 403, or the connection closed before the whole body was sent (the server did not read it).
    assert refused in (403, REFUSED_UNREAD) and borrowed == 403 and accepted == 204


def upload_store_bytes(base: str) -> int:
    """What Streamlit's upload store holds, as its own metrics say (read on the app process, not through nginx)."""
    text = urllib.request.urlopen(f"{base}/_stcore/metrics", timeout=60).read().decode()
    found = re.search(r'^cache_memory_bytes\{cache_type="UploadedFileManager"[^}]*\} (\d+)', text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def store_reaches(base: str, wanted, seconds: float = 60) -> int:
    """The upload store's size once `wanted(size)` holds (Streamlit refreshes that metric every 5 s)."""
    deadline = time.monotonic() + seconds
    while not wanted(size := upload_store_bytes(base)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return size


def test_an_operators_files_are_let_go_when_the_tab_closes(served):
    async def scenario():
        operator = Client(served)
        await asyncio.to_thread(operator.sign_in, PASSWORD)
        mine = await operator.open()
        assert await asyncio.to_thread(operator.upload, mine.session_id, "lon.csv", b"x" * 2_000_000) == 204
        held = await asyncio.to_thread(store_reaches, served, lambda size: size >= 2_000_000)
        await operator.close()
        return held

    assert asyncio.run(scenario()) >= 2_000_000
    assert store_reaches(served, lambda size: size == 0) == 0  # no session of this server holds a file now


def test_a_sign_in_from_another_site_or_with_a_wrong_password_gives_no_cookie(served):
    foreign = Client(served)
    assert foreign.sign_in(PASSWORD, origin="https://evil.example") == 403
    wrong = Client(served)
    assert wrong.sign_in("doan-sai") == 303
    assert "kc_unlock" not in foreign.cookies and "kc_unlock" not in wrong.cookies
    assert wrong.cookies["kc_sign_in"].startswith("wrong.")


def test_behind_tls_the_cookies_are_secure(served):
    """nginx says https (X-Forwarded-Proto, trusted from loopback): the unlock cookie gets Secure."""
    import urllib.parse

    client = Client(served)
    client.page()
    origin = served.replace("http://", "https://")
    form = urllib.parse.urlencode({"name": "", "password": PASSWORD, "page": "import_data", "query": ""}).encode()
    request = urllib.request.Request(f"{served}/api/sign-in", data=form, method="POST", headers={
        "Origin": origin, "X-Forwarded-Proto": "https", "Content-Type": "application/x-www-form-urlencoded"})
    try:
        client.opener.open(request, timeout=60)
    except urllib.error.HTTPError as answer:  # the 303, not followed
        cookies = answer.headers.get_all("Set-Cookie")
    unlock = next(c for c in cookies if c.startswith("kc_unlock="))
    assert {"HttpOnly", "Secure", "SameSite=strict", "Path=/"} <= {part.strip() for part in unlock.split(";")}
    assert "Max-Age" not in unlock and "expires" not in unlock.lower()  # gone with the browser
