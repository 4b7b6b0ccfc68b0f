"""The HTTP side of the Import page's gate, added to Streamlit's own server by app.py (st.App):

- `POST <base>/api/sign-in`: the sign-in form posts here (never through the websocket), so the password goes from
  the browser to this endpoint alone and the unlock is a cookie of that browser: `kc_unlock`, a random token
  (HttpOnly, SameSite=Strict, Secure over https, no Max-Age: gone with the browser) whose hash the shared state
  keeps (khuyencong/sign_in.py). It answers 303 back to the page, with `kc_sign_in` saying how the attempt went.
  A form from another site (Origin not this host) is refused.
- A middleware in front of Streamlit's routes:
  - refuses at once (403, before a byte of the body is read) an upload to `/_stcore/upload_file/…` from a browser
    without a live unlock: a session that never signed in cannot fill the server's memory with files;
  - counts the websockets of each unlocked browser, so that closing its last page locks it (sign_in.GRACE_SECONDS
    later, for a reload).
The page checks the cookie on every run (st.context.cookies of the client attached to the session), so a client
that attaches to a signed-in operator's session id without the cookie sees the sign-in form.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qsl, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from khuyencong.data.database import database_path
from khuyencong.sign_in import (
    OUTCOME_COOKIE,
    ROUTE_COOKIE,
    UNLOCK_COOKIE,
    Authority,
    Outcome,
    SignInState,
    admin_password,
)

SIGN_IN = "api/sign-in"
MAX_FIELD = 1024              # a name, a password, a query string: anything longer is not a sign-in
# Set when app.py builds the routes: a server started with `streamlit run dashboard.py` has no sign-in endpoint, and
# the Import page says so instead of showing a form that cannot work.
SERVED = False


def base_path() -> str:
    """'/' or '/<server.baseUrlPath>/'."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def routes() -> list[Route]:
    global SERVED
    SERVED = True
    return [Route(base_path() + SIGN_IN, sign_in, methods=["POST"])]


def middleware() -> list[Middleware]:
    return [Middleware(GateMiddleware)]


def _state() -> tuple[SignInState, Authority]:
    db_path = database_path()
    return SignInState(db_path), Authority(db_path, admin_password())


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    host = request.headers.get("host")
    return bool(origin and host) and origin == f"{request.url.scheme}://{host}"


def _back_to(form) -> str:
    """The page the form was on, with its query string (the filters, the language); only a page path of this app."""
    page = str(form.get("page") or "")
    page = page if page.replace("_", "").isalnum() else ""
    query = urlencode(parse_qsl(str(form.get("query") or "")[:MAX_FIELD]))
    return base_path() + page + (f"?{query}" if query else "")


def _cookie(response: Response, name: str, value: str, request: Request, max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path=base_path(), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


async def sign_in(request: Request) -> Response:
    if not _same_origin(request):
        return PlainTextResponse("Forbidden", status_code=403)
    form = await request.form(max_files=0, max_fields=8, max_part_size=MAX_FIELD)
    name, password = str(form.get("name") or "")[:MAX_FIELD], str(form.get("password") or "")[:MAX_FIELD]
    state, authority = _state()
    client = request.client.host if request.client else None
    if not authority.enabled():
        outcome = Outcome("disabled")
    else:
        outcome = await run_in_threadpool(state.attempt, client, name, password, authority,
                                          request.cookies.get(ROUTE_COOKIE))
    response = RedirectResponse(_back_to(form), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    if outcome.token:
        _cookie(response, UNLOCK_COOKIE, outcome.token, request)
    # The nonce makes each attempt's outcome new to the page, which says it once.
    _cookie(response, OUTCOME_COOKIE, f"{outcome.status}.{secrets.token_hex(4)}", request, max_age=30)
    return response


def _is_upload(path: str) -> bool:
    return "/_stcore/upload_file/" in path


class GateMiddleware:
    """Uploads only from an unlocked browser; websockets of unlocked browsers counted (see the module docstring)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] in ("PUT", "POST") and _is_upload(scope["path"]):
            token = HTTPConnection(scope).cookies.get(UNLOCK_COOKIE)
            state, _authority = _state()
            if not await run_in_threadpool(state.counts, token):
                await PlainTextResponse("Sign in to upload", status_code=403)(scope, receive, send)
                return
        elif scope["type"] == "websocket" and scope["path"].endswith("/_stcore/stream"):
            token = HTTPConnection(scope).cookies.get(UNLOCK_COOKIE)
            if token:
                state, _authority = _state()
                await run_in_threadpool(state.connected, token)
                try:
                    await self.app(scope, receive, send)
                finally:
                    await run_in_threadpool(state.disconnected, token)
                return
        await self.app(scope, receive, send)
