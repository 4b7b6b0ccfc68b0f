"""Operator accounts: who may load files through the Import page, each with a password hash and a scope.

The accounts live in one tab-separated file the admin keeps (`python -m etl operators add|disable|reset|list`):
`<database folder>/operators.tsv`, or the file $KC_OPERATORS_FILE names. One line per operator:

    name    status    scope    password_hash
    lan     active    cao-bang,bac-kan    $argon2id$v=19$...

`status` is active or disabled; `scope` is `*` (every area) or the area ids the operator may load figures for. The
hash is argon2id (argon2-cffi); the password itself is never written anywhere. The file is replaced whole (written
beside it, then renamed) with mode 0600, so a reader sees the old file or the new one.

KC_ADMIN_PASSWORD stays as a one-operator shortcut: the operator `admin`, every area, no file needed.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from khuyencong.i18n.labels import N_

OPERATORS_ENV = "KC_OPERATORS_FILE"
FILE_NAME = "operators.tsv"
HEADER = ("name", "status", "scope", "password_hash")
ALL_AREAS = "*"
SHORTCUT_NAME = "admin"                  # the KC_ADMIN_PASSWORD operator; no account may take the name
NAME = re.compile(r"^[\w.@-]{1,64}$")    # letters (any script), digits, . _ @ -: safe in a table, a log, a shell
MIN_PASSWORD = 10

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Compared against when the name is unknown, so an unknown name costs the same time as a wrong password (made
    at first need: every `python -m etl` would otherwise pay for a hash)."""
    return _hasher.hash("kc-no-such-operator")


class OperatorError(ValueError):
    """A refused change to the accounts file; the message says why, in Vietnamese and English."""

    def __init__(self, key: str, **values):
        from etl.problems import bilingual

        super().__init__(bilingual(key, **values))


@dataclass(frozen=True)
class Operator:
    """Who is loading: the name load_log records and the areas the rows may belong to (None: every area).

    Passed from the page (or the CLI) to the importer and its worker, so it is a plain picklable value."""

    name: str
    scope: frozenset[str] | None = None

    def covers(self, area_id: str | None, current_area_id: str | None = None) -> bool:
        """Whether a row of this area (or of a unit whose 2025 successor is current_area_id) is in scope."""
        return self.scope is None or area_id in self.scope or (current_area_id is not None
                                                               and current_area_id in self.scope)


@dataclass(frozen=True)
class Account:
    name: str
    active: bool
    scope: frozenset[str] | None
    password_hash: str

    def operator(self) -> Operator:
        return Operator(self.name, self.scope)


def accounts_path(db_path: Path) -> Path:
    """$KC_OPERATORS_FILE, else operators.tsv beside the database."""
    return Path(os.environ.get(OPERATORS_ENV) or Path(db_path).parent / FILE_NAME)


def normal_name(name: str) -> str:
    return unicodedata.normalize("NFC", (name or "").strip())


def check_name(name: str) -> str:
    name = normal_name(name)
    if not NAME.match(name):
        raise OperatorError(N_("etl_operator_bad_name"), name=repr(name))
    if name.casefold() == SHORTCUT_NAME:
        raise OperatorError(N_("etl_operator_reserved_name"), name=SHORTCUT_NAME)
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise OperatorError(N_("etl_operator_short_password"), n=MIN_PASSWORD)


def parse_scope(text: str | None) -> frozenset[str] | None:
    """'*' or '' → None (every area); 'a,b' → {'a', 'b'}."""
    items = [item.strip() for item in (text or "").split(",") if item.strip()]
    return None if not items or items == [ALL_AREAS] else frozenset(items)


def scope_text(scope: frozenset[str] | None) -> str:
    return ALL_AREAS if scope is None else ",".join(sorted(scope))


def read_accounts(path: Path) -> dict[str, Account]:
    """The accounts by name; none when the file does not exist."""
    path = Path(path)
    if not path.is_file():
        return {}
    accounts = {}
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"))
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(HEADER) or row[1] not in ("active", "disabled"):
            raise OperatorError(N_("etl_operator_file_malformed"), path=path, line=number)
        name, status, scope, password_hash = row
        accounts[name] = Account(name, status == "active", parse_scope(scope), password_hash)
    return accounts


def write_accounts(path: Path, accounts: dict[str, Account]) -> None:
    """Replace the file whole, readable by its owner only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(HEADER)
    for account in sorted(accounts.values(), key=lambda a: a.name):
        writer.writerow((account.name, "active" if account.active else "disabled", scope_text(account.scope),
                         account.password_hash))
    temp = path.with_name(f".{path.name}.part-{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(buffer.getvalue())
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_matches(password_hash: str, given: str) -> bool:
    """argon2 verification; False for a wrong password or a damaged hash."""
    try:
        return _hasher.verify(password_hash, given)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def verify(accounts: dict[str, Account], name: str, given: str) -> Operator | None:
    """The operator when `name` is an active account and `given` its password; None otherwise, in about the same
    time whatever was wrong (an unknown name is checked against a dummy hash)."""
    account = accounts.get(normal_name(name))
    if account is None or not account.active:
        password_matches(_dummy_hash(), given)
        return None
    return account.operator() if password_matches(account.password_hash, given) else None


def add(path: Path, name: str, password: str, scope: frozenset[str] | None) -> Account:
    accounts = read_accounts(path)
    name = check_name(name)
    if name in accounts:
        raise OperatorError(N_("etl_operator_exists"), name=name)
    check_password(password)
    accounts[name] = Account(name, True, scope, hash_password(password))
    write_accounts(path, accounts)
    return accounts[name]


def _existing(accounts: dict[str, Account], name: str) -> Account:
    name = normal_name(name)
    if name not in accounts:
        raise OperatorError(N_("etl_operator_unknown"), name=name)
    return accounts[name]


def disable(path: Path, name: str) -> Account:
    """Disable an account: its sign-ins are refused and its open unlocks end at their next check."""
    accounts = read_accounts(path)
    account = _existing(accounts, name)
    accounts[account.name] = Account(account.name, False, account.scope, account.password_hash)
    write_accounts(path, accounts)
    return accounts[account.name]


def reset(path: Path, name: str, password: str, scope: frozenset[str] | None | bool = False) -> Account:
    """A new password (the account active again); a new scope when one is given (False: keep the old one)."""
    accounts = read_accounts(path)
    account = _existing(accounts, name)
    check_password(password)
    new_scope = account.scope if scope is False else scope
    accounts[account.name] = Account(account.name, True, new_scope, hash_password(password))
    write_accounts(path, accounts)
    return accounts[account.name]


def account_stamp(account: Account) -> str:
    """Changes when the account's password is reset: an unlock made with the old password then no longer counts."""
    import hashlib

    return hashlib.sha256(account.password_hash.encode()).hexdigest()[:16]
