"""A viewer whose server process died is told so.

Behind nginx with several app processes, a browser whose process dies reconnects its websocket to another process
(deploy/nginx: max_fails, proxy_next_upstream), which has no session of that id and starts an empty one. Streamlit's
frontend neither reruns the page nor says anything then: the old page (an unlocked Import page, a checked file, its
confirm button) stays on screen until the next click, which then meets a session that knows nothing of it.

Two parts mend that. In the browser, a watcher reruns the page as soon as the connection is back (`watch_reconnects`),
so what is shown is the new session's. On the server, a session knows it replaced a lost one because the websocket
that opened it asked for an earlier session id (Streamlit's frontend sends it as the third Sec-WebSocket-Protocol
entry on every reconnect) that is not its own (`replaced_lost_session`); the page then says so.
"""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from khuyencong.i18n.labels import t

# The frontend marks the app's root with its connection state (CONNECTED, PINGING_SERVER, CONNECTING…); a change
# back to CONNECTED is a reconnect, after which the page asks for a run with every widget's state and the URL.
_WATCH_JS = """
export default function ({ setTriggerValue }) {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app) return;
  let last = app.getAttribute("data-test-connection-state");
  const observer = new MutationObserver(() => {
    const now = app.getAttribute("data-test-connection-state");
    if (now === "CONNECTED" && last && last !== "CONNECTED") setTriggerValue("reconnected", Date.now());
    last = now;
  });
  observer.observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
  return () => observer.disconnect();
}
"""
_watch = st.components.v2.component("kc_reconnect_watch", html="<span></span>", js=_WATCH_JS)


def watch_reconnects() -> None:
    """Mount the browser-side watcher (no visible element): a reconnect reruns the page at once."""
    _watch(key="kc_reconnect_watch", on_reconnected_change=lambda: None, height=0)


def requested_session_id(protocol_header: str | None) -> str | None:
    """The session id a websocket asked to resume: the third entry of its Sec-WebSocket-Protocol header
    ("streamlit, <xsrf token>, <session id>"), as Streamlit's server reads it."""
    entries = [entry.strip() for entry in (protocol_header or "").split(",")]
    return entries[2] if len(entries) >= 3 and entries[2] else None


def replaced_lost_session() -> bool:
    """Whether this session was started for a browser that asked for another one, which this process does not have
    (its process died, or it expired): what that browser had in it (an unlock, an uploaded file) is gone."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return False
    asked = requested_session_id(st.context.headers.get("Sec-WebSocket-Protocol"))
    return asked is not None and asked != ctx.session_id


def show_session_restarted(lang: str) -> None:
    """The notice on every page of a session that replaced a lost one."""
    if replaced_lost_session():
        st.warning(t("session_restarted", lang), icon=":material/restart_alt:")
