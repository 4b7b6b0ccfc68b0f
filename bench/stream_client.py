"""A protocol-level viewer of the dashboard: Streamlit's own websocket messages, no browser.

What a browser's session costs the server is its websocket traffic (plus the static files a first visit downloads):
the page's HTML is fetched (its cookies kept, as a browser keeps them, so a sticky proxy keeps the session on one
process), then the websocket at /_stcore/stream asks for a script run (BackMsg rerun_script with the page's url path
and query string, as the frontend sends on load) and every ForwardMsg is read until script_finished. A filter change
is a second rerun_script in the same session carrying the changed sidebar widgets' values (WidgetState), as the
frontend sends when a widget changes.

Used by bench_capacity.py, where this client's CPU is kept apart from the server's.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR}
FILTER_KEYS = ("f_areas", "f_years")  # the sidebar's area and year widgets (khuyencong/ui/shell.py KEYS)


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float = 0.0
    messages: int = 0
    bytes: int = 0
    elements: int = 0
    headings: list[str] = field(default_factory=list)  # the page's headings, to check which page ran
    errors: list[str] = field(default_factory=list)


def widget_key(widget_id: str) -> str | None:
    """The user key of a widget id ('$$ID-<hash>-f_areas' -> 'f_areas'); None for a widget without a key."""
    if not widget_id.startswith("$$ID-"):
        return None
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] != "None" else None


def store_cookies(jar: dict[str, str], set_cookie_headers: list[str]) -> None:
    """Keep each Set-Cookie's name=value in the jar, as a browser would for this host."""
    for header in set_cookie_headers:
        cookie = SimpleCookie()
        try:
            cookie.load(header)
        except Exception:  # a cookie Python's parser refuses is one a simple client would not keep either
            continue
        for name, morsel in cookie.items():
            jar[name] = morsel.value


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def filter_states(widgets: dict[str, dict], areas: list[str], years: tuple[int, int]) -> list[WidgetState]:
    """WidgetStates for the sidebar's areas (their option labels, as a multiselect sends them) and years."""
    states = []
    area_state = WidgetState(id=widgets["f_areas"]["id"])
    area_state.string_array_value.data.extend(areas)
    states.append(area_state)
    year_state = WidgetState(id=widgets["f_years"]["id"])
    year_state.double_array_value.data.extend(float(y) for y in years)
    states.append(year_state)
    return states


class StreamSession:
    """One viewer: a cookie jar, one websocket, one Streamlit session."""

    def __init__(self, base: str, timeout_s: float = 300) -> None:
        self.base = base.rstrip("/")
        self.timeout_s = timeout_s
        self.cookies: dict[str, str] = {}
        self.ws = None
        self.page_script_hash = ""
        self.query_string = ""
        self.widgets: dict[str, dict] = {}  # user key -> {"id": ..., "options": [...]} of keyed widgets seen

    def _fetch_page(self, path: str) -> None:
        request = urllib.request.Request(f"{self.base}/{path}")
        if self.cookies:
            request.add_header("Cookie", cookie_header(self.cookies))
        with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
            response.read()
            store_cookies(self.cookies, response.headers.get_all("Set-Cookie") or [])

    async def open(self, path: str, query_string: str = "") -> Run:
        """Load the page as a new viewer: its HTML, then the websocket and the first script run."""
        started = time.perf_counter()
        await asyncio.to_thread(self._fetch_page, path)
        ws_base = self.base.replace("http://", "ws://", 1).replace("https://", "wss://", 1)
        headers = {"Cookie": cookie_header(self.cookies)} if self.cookies else {}
        # The frontend sends ["streamlit", xsrf token, session id] as subprotocols; the XSRF token only matters to
        # a signed-in user's cookie, which viewers do not have.
        self.ws = await connect(f"{ws_base}/_stcore/stream", subprotocols=["streamlit"], additional_headers=headers,
                                max_size=None, open_timeout=self.timeout_s, compression=None)
        self.query_string = query_string
        message = BackMsg()
        message.rerun_script.query_string = query_string
        message.rerun_script.page_name = path
        message.rerun_script.page_script_hash = ""
        run = await self._run(message)
        run.seconds = time.perf_counter() - started
        return run

    async def change(self, states: list[WidgetState]) -> Run:
        """A rerun with changed widget values (what the frontend sends when a viewer changes a widget)."""
        started = time.perf_counter()
        message = BackMsg()
        message.rerun_script.query_string = self.query_string
        message.rerun_script.page_script_hash = self.page_script_hash
        message.rerun_script.widget_states.widgets.extend(states)
        run = await self._run(message)
        run.seconds = time.perf_counter() - started
        return run

    async def _run(self, message: BackMsg) -> Run:
        run = Run()
        await self.ws.send(message.SerializeToString())
        deadline = time.monotonic() + self.timeout_s
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                run.errors.append(f"no script_finished within {self.timeout_s:g} s")
                return run
            try:
                data = await asyncio.wait_for(self.ws.recv(), timeout=remaining)
            except TimeoutError:
                continue
            run.messages += 1
            run.bytes += len(data)
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "navigation":  # st.navigation names the page that ran (new_session names the main script)
                self.page_script_hash = forward.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = forward.page_info_changed.query_string
            elif kind == "delta":
                self._read_delta(forward, run)
            elif kind == "script_finished" and forward.script_finished in DONE:
                return run

    def _read_delta(self, forward: ForwardMsg, run: Run) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return
        run.elements += 1
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            run.errors.append(f"exception box: {element.exception.message[:300]}")
            return
        if kind == "heading":
            run.headings.append(element.heading.body)
        widget = getattr(element, kind, None)
        widget_id = getattr(widget, "id", "") if widget is not None else ""
        key = widget_key(widget_id) if isinstance(widget_id, str) else None
        if key in FILTER_KEYS:
            self.widgets[key] = {"id": widget_id, "options": list(getattr(widget, "options", []))}

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
