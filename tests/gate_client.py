"""A client of the served dashboard that speaks HTTP and Streamlit's websocket protocol as a browser does, for the
gate's attack tests (tests/test_gate_server.py, tests/test_nginx_gate.py): a cookie jar, the page's HTML, the
sign-in form's POST, a websocket that may name an existing session id (as Streamlit's frontend does when it
reconnects, and as an attacker who read the id somewhere would), script runs of the Import page, and uploads."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

REFUSED_UNREAD = 0          # an upload the server refused before reading it all (the connection closed under it)
FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR}


@dataclass
class Seen:
    """What one script run of the Import page showed this client."""

    session_id: str = ""
    uploader: bool = False          # the file uploader: only behind the gate
    sign_in_form: bool = False      # the sign-in form
    texts: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One browser: its cookies, and at most one websocket (one tab)."""

    def __init__(self, base: str, cookies: dict[str, str] | None = None):
        self.base = base.rstrip("/")
        self.cookies: dict[str, str] = dict(cookies or {})
        self.ws = None
        self.opener = urllib.request.build_opener(_NoRedirect)

    def _keep(self, headers) -> None:
        """Each Set-Cookie's name=value, as a browser keeps it (Python's SimpleCookie refuses the XSRF cookie's |)."""
        for header in headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip().strip('"')

    def request(self, path: str, method: str = "GET", data: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        with response:
            body = response.read()
            self._keep(response.headers)
            return response.status, dict(response.headers), body

    def page(self) -> None:
        """What a browser fetches first: the page, and the health check that hands out the XSRF cookie."""
        self.request("/import_data")
        self.request("/_stcore/health")

    def sign_in(self, password: str, name: str = "", origin: str | None = None) -> int:
        """The sign-in form's POST, as the browser sends it from the Import page."""
        self.page()
        form = urllib.parse.urlencode({"name": name, "password": password, "page": "import_data", "query": ""})
        status, _headers, _body = self.request(
            "/api/sign-in", "POST", form.encode(),
            {"Origin": origin or self.base, "Content-Type": "application/x-www-form-urlencoded"})
        return status

    async def open(self, session_id: str = "") -> Seen:
        """A tab: the page's HTML, the websocket (naming session_id if given), one run of the Import page."""
        if "_streamlit_xsrf" not in self.cookies:
            await asyncio.to_thread(self.page)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Origin": self.base}
        protocols = ["streamlit", self.cookies.get("_streamlit_xsrf", ""), *([session_id] if session_id else [])]
        self.ws = await connect(self.base.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=protocols,
                                additional_headers=headers, max_size=None, open_timeout=120, compression=None)
        return await self.run()

    async def run(self) -> Seen:
        """One run of the Import page in this tab's session, read to its end."""
        message = BackMsg()
        message.rerun_script.page_name = "import_data"
        message.rerun_script.query_string = ""
        await self.ws.send(message.SerializeToString())
        seen = Seen()
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self.ws.recv(), timeout=180))
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                seen.session_id = forward.new_session.initialize.session_id
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which == "file_uploader":
                    seen.uploader = True
                elif which == "html" and "kc-sign-in" in element.html.body:
                    seen.sign_in_form = True
                elif which == "exception":
                    seen.exceptions.append(element.exception.message)
                elif which in ("markdown", "alert"):
                    seen.texts.append(getattr(element, which).body)
            elif kind == "script_finished" and forward.script_finished in DONE:
                return seen
        raise TimeoutError("the Import page did not finish")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    def upload(self, session_id: str, name: str, data: bytes) -> int:
        """PUT a file to a session's upload store, as the file uploader does (XSRF header from the cookie): the
        status, or REFUSED_UNREAD when the server answered and closed before the whole body was sent."""
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        try:
            status, _headers, _body = self.request(
                f"/_stcore/upload_file/{session_id}/{uuid.uuid4()}", "PUT", body,
                {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": self.base,
                 "X-Xsrftoken": self.cookies.get("_streamlit_xsrf", "")})
        except (urllib.error.URLError, ConnectionError):
            return REFUSED_UNREAD
        return status
