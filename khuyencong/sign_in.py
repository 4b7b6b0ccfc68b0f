"""Who may load, who is signed in, and how fast a client may guess: shared by every app process of one database.

- **Authority**: the operator accounts (etl/operators.py, argon2 hashes and scopes) and the KC_ADMIN_PASSWORD
  shortcut (operator `admin`, every area).
- **SignInState**: one file beside the database, `.<db file>.sign-in.json`, changed only under the flock
  `.<db file>.sign-in.lock` (read, change, write beside, rename), so every process sees every guess and every
  unlock whichever process served it. It holds
  - `throttle`: client address → wrong guesses in a row and when the next guess may be compared. The first
    FREE_ATTEMPTS guesses are compared at once; after them each guess waits 30 s, doubling to 15 min. A guess is
    counted before it is compared (and forgotten on success), so however many processes and sessions guess at once,
    no more than FREE_ATTEMPTS are compared before the wait. The wait is per address: a guesser elsewhere never
    delays an operator. A browser that has signed in before (its nginx route cookie, kept as a hash in `browsers`)
    is counted on its own, so a guesser behind the same address (an office's NAT) does not delay an operator at
    their usual browser either; a route cookie alone proves nothing (a client picks its own), so an unknown one
    counts as its address. The CLI on the server has no gate at all.
  - `unlocks`: sha256 of a random cookie token → operator, the account's stamp (a password reset ends it), when it
    was made and last used, and how many of the browser's websockets are open. A token counts while it is used
    (idle at most IDLE_SECONDS) and while its browser keeps a page open (GRACE_SECONDS after its last websocket
    closed, for a reload). The token itself is only in the browser's HttpOnly cookie; the file holds its hash.

The load lock (.<db file>.lock) is not used: a load holds it for minutes, and a sign-in must not wait for one.
Nothing here imports Streamlit at module level (the server's endpoint and the page both use it).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import math
import os
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from etl.operators import (
    SHORTCUT_NAME,
    Account,
    Operator,
    account_stamp,
    accounts_path,
    normal_name,
    read_accounts,
    verify,
)

PASSWORD_ENV = "KC_ADMIN_PASSWORD"
UNLOCK_COOKIE = "kc_unlock"           # HttpOnly, SameSite=Strict: the browser's proof of a sign-in
ROUTE_COOKIE = "kc_route"             # nginx's (deploy/nginx/khuyencong.conf): names a browser, proves nothing
OUTCOME_COOKIE = "kc_sign_in"         # what the last attempt gave, for the page to say once
FREE_ATTEMPTS = 5                     # wrong guesses compared from one address before the wait
FIRST_WAIT_S, MAX_WAIT_S = 30, 15 * 60
IDLE_SECONDS = 30 * 60                # an unlock unused this long is over
GRACE_SECONDS = 20                    # an unlock whose browser closed its last page is over after this (reload)
TOUCH_EVERY_S = 60                    # how often a page run writes "still used" (every run would rewrite the file)
FORGET_AFTER_S = 24 * 3600            # a client with no guess for a day starts afresh
KNOWN_BROWSER_DAYS = 90               # a browser that signed in is counted on its own for this long after


def admin_password() -> str | None:
    """$KC_ADMIN_PASSWORD, else the KC_ADMIN_PASSWORD secret (.streamlit/secrets.toml); None when neither is set."""
    value = os.environ.get(PASSWORD_ENV)
    if not value:
        try:
            import streamlit as st

            value = st.secrets.get(PASSWORD_ENV)
        except Exception:  # no secrets.toml at all (StreamlitSecretNotFoundError) or one that does not parse
            value = None
    return str(value) if value else None


def lockout_seconds(failures: int) -> float:
    """How long a client waits after `failures` wrong guesses in a row: not at all up to FREE_ATTEMPTS - 1, then
    30 s, doubling with each further one, up to 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_WAIT_S * 2 ** min(failures - FREE_ATTEMPTS, 20), MAX_WAIT_S)


def client_key(address) -> str:
    """One client's name in the throttle, the same from the endpoint (request.client.host) and from a page run
    (st.context.ip_address, None on loopback): the address, with loopback (and no address at all) as 'localhost'."""
    if not isinstance(address, str) or not address:
        return "localhost"
    address = address.removeprefix("::ffff:")
    return "localhost" if address in ("127.0.0.1", "::1") else address


def wall_clock() -> float:
    """Seconds since the epoch: the clock every process shares (tests freeze it here)."""
    return time.time()


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Authority:
    """Who may sign in: the accounts file of a database and the KC_ADMIN_PASSWORD shortcut."""

    def __init__(self, db_path: Path, shortcut_password: str | None):
        self.path = accounts_path(db_path)
        self.shortcut_password = shortcut_password
        self._accounts: dict[str, Account] | None = None

    @property
    def accounts(self) -> dict[str, Account]:
        if self._accounts is None:
            self._accounts = read_accounts(self.path)
        return self._accounts

    def enabled(self) -> bool:
        """Import is on when the shortcut password is set or an account is active."""
        return self.shortcut_password is not None or any(a.active for a in self.accounts.values())

    def verify(self, name: str, password: str) -> Operator | None:
        """The operator these credentials sign in, else None. An empty name (or `admin`) is the shortcut."""
        import hmac

        name = normal_name(name)
        if name in ("", SHORTCUT_NAME):
            expected = self.shortcut_password
            if expected is None or not password:
                return None
            same = hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8"))
            return Operator(SHORTCUT_NAME) if same else None
        return verify(self.accounts, name, password) if password else None

    def stamp(self, operator: Operator) -> str:
        account = self.accounts.get(operator.name)
        return account_stamp(account) if account else ""

    def current(self, name: str, stamp: str) -> Operator | None:
        """The operator an unlock was made for, if it still may load: the account active with the same password,
        or the shortcut still configured."""
        if name == SHORTCUT_NAME:
            return Operator(SHORTCUT_NAME) if self.shortcut_password is not None else None
        account = self.accounts.get(name)
        if account is None or not account.active or account_stamp(account) != stamp:
            return None
        return account.operator()


@dataclass(frozen=True)
class Outcome:
    """What a sign-in attempt gave: 'ok' (with the operator and the new cookie token), 'wrong', 'empty' or
    'locked' (not compared; `wait` seconds before the next guess is heard)."""

    status: str
    operator: Operator | None = None
    token: str | None = None
    wait: int = 0


class SignInState:
    """The shared file of one database (see the module's docstring). `clock` is wall time (processes share it);
    wall_clock() unless given."""

    def __init__(self, db_path: Path, clock: Callable[[], float] | None = None):
        db_path = Path(db_path)
        self.path = db_path.with_name(f".{db_path.name}.sign-in.json")
        self.lock_path = db_path.with_name(f".{db_path.name}.sign-in.lock")
        self.clock = clock or (lambda: wall_clock())

    # -- the file ---------------------------------------------------------------------------------------------------
    def read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        data.setdefault("throttle", {})
        data.setdefault("unlocks", {})
        data.setdefault("browsers", {})
        return data

    @contextlib.contextmanager
    def changing(self) -> Iterator[dict]:
        """The state to change in place, written back whole when the block ends; one process at a time."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.lock_path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                data = self.read()
                yield data
                self._prune(data)
                temp = self.path.with_name(f"{self.path.name}.part-{os.getpid()}")
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(data, out)
                os.replace(temp, self.path)
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _prune(self, data: dict) -> None:
        now = self.clock()
        data["unlocks"] = {digest: u for digest, u in data["unlocks"].items() if self._live(u, now)}
        data["throttle"] = {client: entry for client, entry in data["throttle"].items()
                            if entry["next"] > now or now - entry["last"] < FORGET_AFTER_S}
        data["browsers"] = {browser: at for browser, at in data["browsers"].items()
                            if now - at < KNOWN_BROWSER_DAYS * 86400}

    @staticmethod
    def _live(unlock: dict, now: float) -> bool:
        if now - unlock["seen"] >= IDLE_SECONDS:
            return False
        return unlock["open"] > 0 or now - unlock["closed"] < GRACE_SECONDS

    # -- guessing ---------------------------------------------------------------------------------------------------
    @staticmethod
    def _bucket(data: dict, client: str | None, browser: str | None) -> str:
        """Where a guess is counted: a browser that signed in before on its own, anything else by its address."""
        if browser and token_digest(browser) in data["browsers"]:
            return "browser:" + token_digest(browser)
        return client_key(client)

    def seconds_locked(self, client: str | None, browser: str | None = None) -> int:
        """Seconds before a guess from this client (this browser, when it signed in before) is compared again."""
        data = self.read()
        entry = data["throttle"].get(self._bucket(data, client, browser))
        return max(0, math.ceil(entry["next"] - self.clock())) if entry else 0

    def attempt(self, client: str | None, name: str, password: str, authority: Authority,
                browser: str | None = None) -> Outcome:
        """One sign-in attempt from the address `client`, in the browser whose route cookie is `browser`: counted
        first (so concurrent guesses never get more compared than the limit), then compared outside the lock (argon2
        takes a third of a second); a success forgets the count, makes the browser a known one and makes an unlock
        whose token goes into the browser's cookie."""
        if not password:
            return Outcome("empty")
        with self.changing() as data:
            now = self.clock()
            client = self._bucket(data, client, browser)
            entry = data["throttle"].get(client)
            if entry and entry["next"] > now:
                return Outcome("locked", wait=math.ceil(entry["next"] - now))
            failures = (entry["failures"] if entry else 0) + 1
            data["throttle"][client] = {"failures": failures, "next": now + lockout_seconds(failures), "last": now}
        operator = authority.verify(name, password)
        if operator is None:
            return Outcome("wrong", wait=math.ceil(lockout_seconds(failures)))
        token = secrets.token_urlsafe(32)
        with self.changing() as data:
            now = self.clock()
            data["throttle"].pop(client, None)
            if browser:
                data["browsers"][token_digest(browser)] = now
            data["unlocks"][token_digest(token)] = {
                "operator": operator.name, "stamp": authority.stamp(operator), "created": now, "seen": now,
                "open": 0, "closed": now}
        return Outcome("ok", operator, token)

    # -- unlocks ----------------------------------------------------------------------------------------------------
    def operator_for(self, token: str | None, authority: Authority) -> Operator | None:
        """The operator whose unlock this cookie token proves, if it still counts; marks it used (at most once a
        minute)."""
        if not token:
            return None
        digest = token_digest(token)
        unlock = self.read()["unlocks"].get(digest)
        now = self.clock()
        if unlock is None or not self._live(unlock, now):
            return None
        operator = authority.current(unlock["operator"], unlock["stamp"])
        if operator is None:
            self.revoke(token)
            return None
        if now - unlock["seen"] >= TOUCH_EVERY_S:
            with self.changing() as data:
                if digest in data["unlocks"]:
                    data["unlocks"][digest]["seen"] = now
        return operator

    def counts(self, token: str | None) -> bool:
        """Whether the token is a live unlock, without marking it used (the upload guard asks on every request)."""
        unlock = self.read()["unlocks"].get(token_digest(token)) if token else None
        return unlock is not None and self._live(unlock, self.clock())

    def revoke(self, token: str | None) -> None:
        """End an unlock (the Lock button, an account disabled or reset)."""
        if token:
            with self.changing() as data:
                data["unlocks"].pop(token_digest(token), None)

    def connected(self, token: str | None) -> None:
        """A page of the browser holding this token opened its websocket."""
        self._count(token, +1)

    def disconnected(self, token: str | None) -> None:
        """A page of the browser holding this token closed its websocket: with none left open, the unlock ends
        after GRACE_SECONDS (a reload reconnects within them)."""
        self._count(token, -1)

    def _count(self, token: str | None, step: int) -> None:
        if not token:
            return
        digest = token_digest(token)
        if digest not in self.read()["unlocks"]:
            return
        with self.changing() as data:
            unlock = data["unlocks"].get(digest)
            if unlock is not None and (step < 0 or self._live(unlock, self.clock())):  # a closed unlock stays shut
                unlock["open"] = max(0, unlock["open"] + step)
                if step < 0:
                    unlock["closed"] = self.clock()
