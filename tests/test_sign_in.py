"""The sign-in state every app process shares (khuyencong/sign_in.py): the throttle per client address, and unlocks.

Guesses are counted in a file beside the database under its own lock, before they are compared: five are compared,
then each further guess from that address waits (30 s doubling to 15 min), whether the guesses come from threads of
one process or from several processes. Another address is never delayed; after the wait the right password signs
in. An unlock is the hash of a cookie token: it ends when idle, when its browser's pages are closed (after a grace for
a reload), when the Lock button revokes it, and when the account is disabled or its password reset. The clock is a
fake one the tests move.
"""

import multiprocessing
import threading

import pytest

from etl import operators
from khuyencong import sign_in
from khuyencong.sign_in import Authority, SignInState, client_key, lockout_seconds

PASSWORD = "Mật-khẩu đúng 7#"
LAN = "lan-mật-khẩu-10"
WRONG = [f"doan-sai-{i}" for i in range(20)]
ATTACKER, OPERATOR = "203.0.113.66", "198.51.100.7"


class Clock:
    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def lan_account() -> operators.Account:
    """Operator 'lan', for Cao Bằng (hashed once: argon2 takes a third of a second or more)."""
    return operators.Account("lan", True, frozenset({"cao-bang"}), operators.hash_password(LAN))


@pytest.fixture()
def place(tmp_path, lan_account):
    """A database path (no database needed: the state and accounts live beside it), its clock, the accounts file
    with 'lan' and the shortcut password."""
    db_path = tmp_path / "kc.duckdb"
    operators.write_accounts(operators.accounts_path(db_path), {"lan": lan_account})
    clock = Clock()
    return db_path, SignInState(db_path, clock), Authority(db_path, PASSWORD), clock


class CountingAuthority(Authority):
    """The real authority, counting the guesses it compared."""

    def __init__(self, *args):
        super().__init__(*args)
        self.compared: list[str] = []
        self.lock = threading.Lock()

    def verify(self, name, password):
        with self.lock:
            self.compared.append(password)
        return super().verify(name, password)


@pytest.mark.parametrize(("failures", "seconds"), [(0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (9, 480), (10, 900),
                                                   (200, 900)])
def test_the_wait_grows_from_30_seconds_to_15_minutes(failures, seconds):
    assert lockout_seconds(failures) == seconds


def test_five_guesses_are_compared_then_the_address_waits_and_the_right_password_still_signs_in_after(place):
    db_path, state, _, clock = place
    authority = CountingAuthority(db_path, PASSWORD)
    answers = [state.attempt(ATTACKER, "lan", guess, authority).status for guess in WRONG[:8]]
    assert answers == ["wrong"] * 5 + ["locked"] * 3
    assert len(authority.compared) == 5  # the three after the fifth were never compared
    locked = state.attempt(ATTACKER, "lan", LAN, authority)
    assert (locked.status, locked.wait) == ("locked", 30) and len(authority.compared) == 5  # the right one waits too

    # Another address (the operator's office) is not delayed by the guessing, even for the same account.
    assert state.attempt(OPERATOR, "lan", LAN, authority).status == "ok"

    clock.now += 30  # after the wait the right password signs in from the guessing address too
    outcome = state.attempt(ATTACKER, "lan", LAN, authority)
    assert outcome.status == "ok" and outcome.operator == operators.Operator("lan", frozenset({"cao-bang"}))
    assert state.seconds_locked(ATTACKER) == 0  # a success forgets the count


def test_a_browser_that_signed_in_before_is_not_delayed_by_a_guesser_behind_the_same_address(place):
    """An office behind one NAT address: the guesser shuts the address, not the operator's usual browser."""
    db_path, state, _, _ = place
    authority = CountingAuthority(db_path, PASSWORD)
    usual, fresh = "3f2a9c01e4b7d6a5c3b2a1f0e9d8c7b6", "probe001"  # nginx route cookies
    assert state.attempt(OPERATOR, "lan", LAN, authority, browser=usual).status == "ok"  # yesterday, from there
    guesses = [state.attempt(OPERATOR, "lan", guess, authority, browser=fresh).status for guess in WRONG[:7]]
    assert guesses == ["wrong"] * 5 + ["locked"] * 2
    # A route cookie proves nothing by itself: a new one (or none) counts as the address, which waits.
    assert state.attempt(OPERATOR, "lan", LAN, authority, browser="another1").status == "locked"
    assert state.attempt(OPERATOR, "lan", LAN, authority).status == "locked"
    assert state.seconds_locked(OPERATOR, usual) == 0 and state.seconds_locked(OPERATOR, fresh) == 30
    assert state.attempt(OPERATOR, "lan", LAN, authority, browser=usual).status == "ok"
    assert len(authority.compared) == 5 + 1 + 1  # the guesser's five, the operator's two sign-ins
    assert usual not in state.path.read_text()  # kept as a hash


def test_guessing_on_never_shuts_the_operator_out_for_longer_than_the_longest_wait(place):
    db_path, state, authority, clock = place
    for number in range(30):  # a guess every time one is heard, for hours
        assert state.attempt(ATTACKER, "", "sai", authority).status == "wrong"
        assert state.seconds_locked(ATTACKER) == lockout_seconds(number + 1) <= 15 * 60
        clock.now += state.seconds_locked(ATTACKER)
    assert state.attempt(ATTACKER, "", PASSWORD, authority).status == "ok"


def test_a_burst_of_threads_never_gets_more_than_five_compared(place):
    db_path, state, _, _ = place
    authority = CountingAuthority(db_path, PASSWORD)
    start = threading.Barrier(12)
    answers: list[str] = []

    def press(guess: str) -> None:
        start.wait()
        answers.append(state.attempt(ATTACKER, "", guess, authority).status)

    threads = [threading.Thread(target=press, args=(guess,)) for guess in WRONG[:12]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(authority.compared) == 5
    assert sorted(answers) == ["locked"] * 7 + ["wrong"] * 5


def _guess_in_a_process(db_path, start, results, guesses):
    state = SignInState(db_path)
    authority = Authority(db_path, PASSWORD)
    start.wait()
    for guess in guesses:
        results.put(state.attempt(ATTACKER, "", guess, authority).status)


def test_guesses_from_four_processes_are_counted_together(tmp_path):
    """What a second app process behind nginx is: another process guessing into the same file."""
    db_path = tmp_path / "kc.duckdb"
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_guess_in_a_process, args=(db_path, start, results, WRONG[i * 3:i * 3 + 3]))
               for i in range(4)]
    for worker in workers:
        worker.start()
    answers = sorted(results.get(timeout=120) for _ in range(12))
    for worker in workers:
        worker.join(timeout=60)
    assert answers == ["locked"] * 7 + ["wrong"] * 5  # 5 compared of 12, whichever process took each


def test_an_unlock_lives_while_used_and_its_page_is_open(place):
    db_path, state, authority, clock = place
    token = state.attempt(OPERATOR, "lan", LAN, authority).token
    assert state.operator_for(token, authority).name == "lan"  # just signed in: its page is reloading
    state.connected(token)
    clock.now += 25 * 60
    assert state.operator_for(token, authority).name == "lan"  # used: idle time starts again
    clock.now += 25 * 60
    assert state.operator_for(token, authority) is not None
    clock.now += sign_in.IDLE_SECONDS
    assert state.operator_for(token, authority) is None and not state.counts(token)  # idle 30 min: over


def test_closing_the_last_page_locks_after_a_grace_for_a_reload(place):
    db_path, state, authority, clock = place
    token = state.attempt(OPERATOR, "lan", LAN, authority).token
    state.connected(token)
    state.connected(token)  # two tabs
    state.disconnected(token)
    clock.now += 60
    assert state.counts(token)  # one tab still open
    state.disconnected(token)
    clock.now += sign_in.GRACE_SECONDS - 1
    state.connected(token)  # a reload
    assert state.operator_for(token, authority) is not None
    state.disconnected(token)
    clock.now += sign_in.GRACE_SECONDS
    assert state.operator_for(token, authority) is None
    state.connected(token)  # a page that opens later does not bring it back
    assert not state.counts(token)


@pytest.mark.parametrize("change", ["lock button", "disable", "reset", "shortcut unset"])
def test_an_unlock_ends_when_revoked_disabled_reset_or_unconfigured(place, change):
    db_path, state, authority, _ = place
    name, password = ("", PASSWORD) if change == "shortcut unset" else ("lan", LAN)
    token = state.attempt(OPERATOR, name, password, authority).token
    state.connected(token)
    path = operators.accounts_path(db_path)
    if change == "lock button":
        state.revoke(token)
    elif change == "disable":
        operators.disable(path, "lan")
    elif change == "reset":
        operators.reset(path, "lan", "mật-khẩu-mới-11")
    else:
        authority = Authority(db_path, None)
    assert state.operator_for(token, Authority(db_path, authority.shortcut_password)) is None


def test_the_state_file_holds_hashes_not_tokens_or_passwords(place):
    db_path, state, authority, _ = place
    state.attempt(ATTACKER, "lan", WRONG[0], authority)
    token = state.attempt(OPERATOR, "lan", LAN, authority).token
    text = state.path.read_text()
    assert token not in text and LAN not in text and WRONG[0] not in text
    assert sign_in.token_digest(token) in text
    assert oct(state.path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(("name", "password", "who"), [
    ("", PASSWORD, "admin"), ("admin", PASSWORD, "admin"), ("lan", LAN, "lan"), (" lan ", LAN, "lan"),
    ("lan", PASSWORD, None), ("", LAN, None), ("khong-co", LAN, None), ("lan", "", None)])
def test_who_a_name_and_password_sign_in(place, name, password, who):
    _, _, authority, _ = place
    operator = authority.verify(name, password)
    assert (operator.name if operator else None) == who


def test_without_the_shortcut_an_empty_name_signs_no_one_in(place):
    db_path, _, _, _ = place
    assert Authority(db_path, None).verify("", PASSWORD) is None
    assert Authority(db_path, None).enabled()  # lan's account is active
    operators.disable(operators.accounts_path(db_path), "lan")
    assert not Authority(db_path, None).enabled()


@pytest.mark.parametrize(("address", "key"), [(None, "localhost"), ("", "localhost"), ("127.0.0.1", "localhost"),
                                              ("::1", "localhost"), ("::ffff:127.0.0.1", "localhost"),
                                              ("::ffff:203.0.113.9", "203.0.113.9"), ("2001:db8::1", "2001:db8::1")])
def test_the_endpoint_and_the_page_name_a_client_alike(address, key):
    assert client_key(address) == key


def test_the_admin_password_comes_from_the_environment_else_the_secrets(monkeypatch):
    import streamlit as st

    monkeypatch.setenv("KC_ADMIN_PASSWORD", "from-env")
    assert sign_in.admin_password() == "from-env"
    monkeypatch.setenv("KC_ADMIN_PASSWORD", "")
    assert sign_in.admin_password() is None  # no secrets file in the project: disabled, no exception
    monkeypatch.setattr(st, "secrets", {"KC_ADMIN_PASSWORD": "from-secrets"})
    assert sign_in.admin_password() == "from-secrets"
