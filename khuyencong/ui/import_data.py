"""The Import page's logic: the admin password gate, the check/load calls and the tables of their reports.

The importer (etl.importer) is imported when it is called, so this module loads even where it is absent.
"""

import hashlib
import hmac
import math
import os
import threading
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from pathlib import Path
from time import monotonic, sleep

import pandas as pd
import streamlit as st

from etl.template import DEFAULT_OUT as TEMPLATE_PATH
from khuyencong.data.code_lists import ACTIVITIES, FIGURES, SECTORS, SOURCES, STATUSES, CodeLists
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import N_, t
from khuyencong.i18n.markdown import escape_markdown

PASSWORD_ENV = "KC_ADMIN_PASSWORD"
UNLOCKED = "im_unlocked"
FAILURES = "im_failures"
PASSWORD_KEY = "im_password"
LOGIN_OUTCOME = "im_login_outcome"
DONE, LOAD_ERROR, LOAD_PROBLEMS = "im_done", "im_load_error", "im_load_problems"
MAPPED = "im_mapped"  # what the last "remember" did, for the page to say
CHECKED, ROUND = "im_checked", "im_round"  # the last check (key, reports); the uploader's generation
INCLUDE_HIDDEN = "im_include_hidden"  # the box: read hidden rows, columns and sheets (a file holding some is refused)
MAX_PROBLEMS_SHOWN = 1000
MAX_DELAY_S = 8
LOCKED_UNTIL = "im_locked_until"
FREE_ATTEMPTS = 5                       # wrong passwords in a row before a lock-out, per session and per process
FIRST_LOCKOUT_S, MAX_LOCKOUT_S = 30, 15 * 60
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_NAME = TEMPLATE_PATH.name
UPLOAD_TYPES = ["xlsx", "csv"]

Files = list[tuple[str, bytes]]


# --- The password gate ---------------------------------------------------------------------------------------------

def admin_password() -> str | None:
    """$KC_ADMIN_PASSWORD, else the KC_ADMIN_PASSWORD secret; None (import disabled) when neither is set."""
    value = os.environ.get(PASSWORD_ENV)
    if not value:
        try:
            value = st.secrets.get(PASSWORD_ENV)
        except Exception:  # no secrets.toml at all (StreamlitSecretNotFoundError) or one that does not parse
            value = None
    return str(value) if value else None


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of the UTF-8 bytes."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def failure_delay(failures: int) -> int:
    """Seconds to wait before answering an attempt made after `failures` wrong ones in this session: 0, 2, 4, 8, 8…"""
    return 0 if failures <= 0 else min(2**failures, MAX_DELAY_S)


def lockout_seconds(failures: int) -> float:
    """How long the gate stays shut after `failures` wrong passwords in a row: not at all up to FREE_ATTEMPTS - 1,
    then 30 s, doubling with each further one, up to 15 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(FIRST_LOCKOUT_S * 2 ** min(failures - FREE_ATTEMPTS, 20), MAX_LOCKOUT_S)


class Throttle:
    """Wrong passwords counted over every session of this server process, so that a new session (a reload, another
    browser) does not start afresh. The schedule and the clock are injectable so tests need not wait."""

    def __init__(self, schedule: Callable[[int], float] = lockout_seconds, clock: Callable[[], float] = monotonic):
        self.schedule, self.clock = schedule, clock
        self.failures, self.locked_until = 0, 0.0
        # Sessions run in threads of one process. Re-entrant: an attempt holds it across check, compare and count,
        # and failed()/succeeded() take it again.
        self.lock = threading.RLock()

    def failed(self) -> None:
        with self.lock:
            self.failures += 1
            if wait := self.schedule(self.failures):
                self.locked_until = self.clock() + wait

    def succeeded(self) -> None:
        with self.lock:
            self.failures, self.locked_until = 0, 0.0


THROTTLE = Throttle()


def seconds_locked(state: MutableMapping) -> int:
    """Seconds before the next attempt is heard: the later of this session's lock-out and the process's."""
    until = max(state.get(LOCKED_UNTIL, 0.0), THROTTLE.locked_until)
    return max(0, math.ceil(until - THROTTLE.clock()))


def try_unlock(state: MutableMapping, given: str, expected: str) -> bool:
    """Check a password attempt; after earlier failures, wait first (whatever the answer) so guessing is slow.

    While the gate is locked out, an attempt is refused without being compared, the right password too.
    """
    if seconds_locked(state):
        return False
    delay = failure_delay(state.get(FAILURES, 0))
    if delay:
        sleep(delay)
    # Check-and-count is one step: sessions pressing Unlock together never get more wrong guesses compared than
    # the limit, and none is compared once the limit has locked the gate.
    with THROTTLE.lock:
        return _attempt(state, given, expected)


def _attempt(state: MutableMapping, given: str, expected: str) -> bool:
    if seconds_locked(state):
        return False
    if given and password_matches(given, expected):
        state[UNLOCKED] = True
        state[FAILURES] = 0
        state.pop(LOCKED_UNTIL, None)
        THROTTLE.succeeded()
        return True
    state[FAILURES] = state.get(FAILURES, 0) + 1
    THROTTLE.failed()
    if wait := THROTTLE.schedule(state[FAILURES]):
        state[LOCKED_UNTIL] = THROTTLE.clock() + wait
    return False


def authorised(state: MutableMapping) -> bool:
    """Whether this session may check and load files: import is enabled and the session was unlocked here."""
    return state.get(UNLOCKED) is True and admin_password() is not None


def submit_password(state: MutableMapping) -> None:
    """The unlock button's callback: check what was typed, then wipe it from the session whatever the answer.

    A callback runs once per click, before the script, so the answer is not lost when the script reruns.
    """
    given = state.get(PASSWORD_KEY) or ""
    state[PASSWORD_KEY] = ""
    expected = admin_password()
    if expected is None:
        return
    if seconds_locked(state):
        state[LOGIN_OUTCOME] = "locked"
    elif not given:
        state[LOGIN_OUTCOME] = "empty"
    elif not try_unlock(state, given, expected):
        state[LOGIN_OUTCOME] = "wrong"


def lock(state: MutableMapping) -> None:
    state[UNLOCKED] = False


def format_wait(seconds: int, lang: str) -> str:
    """45 giây / 45 s under a minute; whole minutes, rounded up, above."""
    if seconds < 60:
        return t("import_data_wait_seconds", lang, n=seconds)
    return t("import_data_wait_minutes", lang, n=math.ceil(seconds / 60))


# --- Files ---------------------------------------------------------------------------------------------------------

def template_bytes() -> bytes | None:
    """The committed template workbook, or None when it has not been generated."""
    return TEMPLATE_PATH.read_bytes() if TEMPLATE_PATH.exists() else None


def max_file_bytes() -> int:
    from etl.importer import MAX_FILE_BYTES

    return int(MAX_FILE_BYTES)


def format_size(size: int, lang: str) -> str:
    """1.5 MB / 1,5 MB; KB below a megabyte."""
    if size >= 1024 * 1024:
        return f"{format_number(size / (1024 * 1024), lang, 1)} MB"
    return f"{format_number(size / 1024, lang, 0)} KB"


def split_by_size(files: Iterable[tuple[str, bytes]], limit: int) -> tuple[Files, Files]:
    """(files within the limit, files over it), in upload order."""
    kept, refused = [], []
    for name, data in files:
        (refused if len(data) > limit else kept).append((name, data))
    return kept, refused


def files_key(files: Sequence[tuple[str, bytes]], db_version: str) -> tuple:
    """What a check result depends on: the database and each file's name and content."""
    return (db_version, *((name, hashlib.sha256(data).hexdigest()) for name, data in files))


def check_for(state: MutableMapping, db_path: Path, files: Files, include_hidden: bool = False) -> list:
    """The page's check: only for an authorised session (PermissionError otherwise), then `check`."""
    if not authorised(state):
        raise PermissionError("import is locked")
    return check(db_path, files, include_hidden)


def read_options(include_hidden: bool) -> dict:
    """How the files are read, as keyword arguments of the importer: the page's box "read hidden rows, columns and
    sheets" (refused otherwise); unticked, none (the importer's own default)."""
    if not include_hidden:
        return {}
    from etl.importing.report_layout import ReadOptions

    return {"options": ReadOptions(include_hidden=True)}


def check(db_path: Path, files: Files, include_hidden: bool = False) -> list:
    """Dry run of the importer in a worker process (viewers keep the server's CPU): reports, nothing written."""
    from etl.check_worker import check_in_worker

    return check_in_worker(db_path, files, **read_options(include_hidden))


def load(db_path: Path, files: Files, include_hidden: bool = False) -> list:
    """Load the files (all or nothing) and drop every cached query result so the charts show the new figures."""
    from etl.importer import load_files

    reports = load_files(db_path, files, **read_options(include_hidden))
    if can_confirm(reports):
        st.cache_data.clear()
    return reports


def confirm_load(state: MutableMapping, db_path: Path, files: Files, lang: str, include_hidden: bool = False) -> None:
    """The confirm button's callback: load the files that were checked and leave the outcome for the page to show.

    After a load the uploader gets a new key (an empty one for the next file) and the old check is forgotten.
    Nothing happens for a session that is not authorised (a stale button, a tampered state).
    """
    if not authorised(state):
        return
    try:
        with st.spinner(t("import_data_loading", lang)):
            reports = load(db_path, files, include_hidden)
    except Exception as error:  # the importer writes nothing on failure; say so instead of a traceback
        state[LOAD_ERROR] = str(error)
        return
    if can_confirm(reports):
        state[DONE] = loaded_message(reports, lang)
        state[ROUND] = state.get(ROUND, 0) + 1
        state.pop(CHECKED, None)
    else:
        state[LOAD_PROBLEMS] = reports


# --- Reports -------------------------------------------------------------------------------------------------------

def problem_count(reports: Sequence) -> int:
    return sum(len(report.problems) for report in reports)


def count(report, severity: str) -> int:
    return sum(problem.severity == severity for problem in report.problems)


def can_confirm(reports: Sequence) -> bool:
    """Loading is allowed when there is something to load and no error in any file (warnings do not block)."""
    return bool(reports) and not any(count(report, "error") for report in reports)


def summary_line(report, lang: str) -> tuple[str, str]:
    """('error' | 'warning' | 'ok', the sentence about one file)."""
    errors, warnings = count(report, "error"), count(report, "warning")
    name = escape_markdown(report.file_name)
    if errors:
        kind, text = "error", t("import_data_file_errors", lang, name=name, errors=errors, warnings=warnings)
    elif warnings:
        kind, text = "warning", t("import_data_file_warnings", lang, name=name, warnings=warnings)
    else:
        kind, text = "ok", t("import_data_file_ok", lang, name=name)
    if report.already_loaded:
        text += " (" + t("import_data_already_loaded", lang) + ")"
    return kind, text


PROBLEM_HEADERS = (N_("import_data_col_file"), N_("import_data_col_severity"), N_("import_data_col_sheet"),
                   N_("import_data_col_row"),
                   N_("import_data_col_column"), N_("import_data_col_value"), N_("import_data_col_reason"))
CHANGE_HEADERS = (N_("import_data_col_file"), N_("import_data_col_table"), N_("import_data_col_rows"),
                  N_("import_data_col_added"), N_("import_data_col_changed"),
                  N_("import_data_col_removed"), N_("import_data_col_note"))
PROBLEM_COLUMNS = ("file", "severity", "sheet", "row", "column", "value", "reason")
CHANGE_COLUMNS = ("file", "table", "rows", "added", "changed", "removed", "note")
SEVERITIES = {"error": N_("import_data_severity_error"), "warning": N_("import_data_severity_warning")}
TABLE_LABELS = {"allocation": N_("import_data_table_allocation"), "project": N_("import_data_table_project"),
                "outcome": N_("import_data_table_outcome"), "source_document": N_("import_data_table_source_document")}


def _headers(keys: Sequence[str], lang: str) -> list[str]:
    return [t(key, lang) for key in keys]


def problem_table(reports: Sequence, lang: str, limit: int | None = None) -> pd.DataFrame:
    """One line per problem, errors first: file, severity, sheet, row, column, value, reason in the UI language.

    With `limit`, only the first ones (a file wrong on every row can have hundreds of thousands).
    """
    rows = []
    for report in reports:
        for problem in report.problems:
            rows.append((report.file_name or problem.file, t(SEVERITIES[problem.severity], lang),
                         problem.sheet, problem.row, problem.column, problem.value,
                         problem.reason_en if lang == "en" else problem.reason_vi, problem.severity != "error"))
    rows.sort(key=lambda row: row[-1])  # stable: errors first, each file's in its order
    frame = pd.DataFrame(rows[:limit], columns=[*PROBLEM_COLUMNS, "_order"]).drop(columns="_order")
    frame["row"] = frame["row"].astype("Int64")
    frame.columns = _headers(PROBLEM_HEADERS, lang)
    return frame


def table_label(table: str, lang: str) -> str:
    return t(TABLE_LABELS[table], lang) if table in TABLE_LABELS else table


def change_table(reports: Sequence, lang: str) -> pd.DataFrame:
    """Per file and table: rows read, and how many would be added, changed, removed."""
    rows = []
    for report in reports:
        note = t("import_data_already_loaded", lang) if report.already_loaded else ""
        tables = list(dict.fromkeys([*report.rows, *report.added, *report.changed, *report.removed]))
        for table in tables:
            rows.append((report.file_name, table_label(table, lang), report.rows.get(table, 0),
                         report.added.get(table, 0), report.changed.get(table, 0), report.removed.get(table, 0),
                         note))
        if not tables:
            rows.append((report.file_name, "", 0, 0, 0, 0, note))
    frame = pd.DataFrame(rows, columns=list(CHANGE_COLUMNS))
    frame.columns = _headers(CHANGE_HEADERS, lang)
    return frame


def totals(reports: Sequence) -> dict[str, int]:
    """Rows added, changed and removed over every file and table."""
    return {kind: sum(sum(getattr(report, kind).values()) for report in reports)
            for kind in ("added", "changed", "removed")}


def loaded_message(reports: Sequence, lang: str) -> str:
    sums = {kind: format_number(value, lang) for kind, value in totals(reports).items()}
    return t("import_data_loaded", lang, files=len(reports), **sums)


# --- What was understood (report-layout sheets) --------------------------------------------------------------------

FIELD_LABELS = {
    "name": N_("import_data_field_name"), "implementer": N_("import_data_field_implementer"),
    "location": N_("import_data_field_location"), "activity_id": N_("import_data_field_activity_id"),
    "sector_id": N_("import_data_field_sector_id"), "funding_source": N_("import_data_field_funding_source"),
    "figure": N_("import_data_field_figure"), "status": N_("import_data_field_status"),
    "note": N_("import_data_field_note"), "source": N_("import_data_field_source"),
    "area_id": N_("import_data_field_area_id"), "year": N_("import_data_field_year"),
    "sequence": N_("import_data_field_sequence"), "label": N_("import_data_field_label"),
    "period": N_("import_data_field_period"), "indicator_id": N_("import_data_field_indicator_id"),
}
MONEY_ROLES = {"kc": N_("import_data_money_kc"), "counterpart": N_("import_data_money_counterpart"),
               "total": N_("import_data_money_total")}
# A field holding a code → the code list naming its codes (the names the rest of the dashboard shows).
CODE_LISTS = {"funding_source": SOURCES, "figure": FIGURES, "status": STATUSES, "activity_id": ACTIVITIES,
              "sector_id": SECTORS}
COLUMN_HEADERS = (N_("import_data_col_column"), N_("import_data_col_header"), N_("import_data_col_meaning"))
SECTION_HEADERS = (N_("import_data_col_row"), N_("import_data_col_section"), N_("import_data_col_applies"))
Names = dict[str, dict[str, str]]


def code_names(codes: CodeLists, lang: str) -> Names:
    """field → code → its name in `lang`, from the code lists the dashboard already holds."""
    return {name: codes.names(code_list, lang) for name, code_list in CODE_LISTS.items()}


def field_label(name: str | None, lang: str) -> str:
    return t(FIELD_LABELS[name], lang) if name in FIELD_LABELS else t("import_data_field_ignored", lang)


def code_name(names: Names, name: str, code) -> str:
    return names.get(name, {}).get(code) or str(code)


SKIPPED_ROLES = {"ratio": N_("import_data_skipped_ratio"), "count": N_("import_data_skipped_count"),
                 "loan": N_("import_data_skipped_loan"), "text": N_("import_data_skipped_text"),
                 "unknown": N_("import_data_skipped_unknown"), "money_looking": N_("import_data_skipped_unknown"),
                 "unit": N_("import_data_field_unit")}


def column_meaning(column, lang: str, names: Names) -> str:
    """A report column's meaning in words: 'Kinh phí khuyến công; Năm: 2024; Nguồn kinh phí: Trung ương'."""
    if column.field != "money":
        role = "unit" if column.field == "unit" else getattr(column, "role", "")
        if column.field in (None, "unit") and role in SKIPPED_ROLES:
            return t(SKIPPED_ROLES[role], lang)
        return field_label(column.field, lang)
    parts = [t(MONEY_ROLES[column.role], lang) if column.role in MONEY_ROLES else column.role]
    if column.year is not None:
        parts.append(f"{field_label('year', lang)}: {column.year}")
    if column.funding is not None:
        parts.append(f"{field_label('funding_source', lang)}: {code_name(names, 'funding_source', column.funding)}")
    if column.figure is not None:
        parts.append(f"{field_label('figure', lang)}: {code_name(names, 'figure', column.figure)}")
    if column.factor != 1:
        parts.append(t("import_data_money_factor", lang, factor=format_number(float(column.factor), lang, 6)))
    return "; ".join(parts)


def column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def understood_heading(file_name: str, sheet, lang: str) -> str:
    """The table a sheet was read as: which table, header rows, data rows."""
    first, last = sheet.header_rows
    data = f"{sheet.data_rows[0]}–{sheet.data_rows[1]}" if sheet.data_rows else "-"
    return t("import_data_understood_table", lang, file=escape_markdown(file_name),
             sheet=escape_markdown((sheet.sheet or "csv") + (f" #{sheet.number}" if getattr(sheet, "number", 1) > 1
                                                              else "")),
             table=table_label(sheet.table, lang), header=str(first) if first == last else f"{first}–{last}",
             data=data, rows=format_number(sheet.rows, lang))


def understood_columns(sheet, lang: str, names: Names) -> pd.DataFrame:
    rows = [(column_letter(c.index), c.header, column_meaning(c, lang, names)) for c in sheet.columns]
    return pd.DataFrame(rows, columns=_headers(COLUMN_HEADERS, lang))


def understood_title(sheet, lang: str) -> str:
    """What the title rows gave: area, years, document, unit."""
    title, found = sheet.title, []
    if title.area:
        found.append(t("import_data_understood_area", lang, text=title.area_line or title.area))
    if title.years:
        found.append(t("import_data_understood_years", lang, years="–".join(str(y) for y in sorted(set(title.years)))))
    if title.decision:
        found.append(t("import_data_understood_decision", lang, text=title.decision))
    if title.unit:
        found.append(t("import_data_understood_unit", lang, text=title.unit))
    values = "; ".join(found) or t("import_data_understood_nothing", lang)
    return t("import_data_understood_title", lang, values=escape_markdown(values))


def section_values(values: dict, lang: str, names: Names) -> str:
    return "; ".join(f"{field_label(name, lang)}: {code_name(names, name, code)}" for name, code in values.items())


def understood_sections(sheet, lang: str, names: Names) -> pd.DataFrame:
    rows = [(s.row, s.text, section_values(s.values, lang, names)) for s in sheet.sections]
    return pd.DataFrame(rows, columns=_headers(SECTION_HEADERS, lang))


def understood_skipped(sheet, lang: str) -> str | None:
    """The rows left out and why ("dòng 9: ghi chú dưới bảng; …"), and where the table ends; None when none."""
    parts = [f"{row}: {t(why, lang, **values)}" for row, why, values in getattr(sheet, "skipped", [])]
    end = getattr(sheet, "end", None)
    if not parts and not end:
        return None
    text = t("import_data_understood_skipped", lang, rows="; ".join(parts) or "-")
    if end:
        text += " " + t("import_data_understood_end", lang, row=end[0], why=t(end[1], lang))
    return escape_markdown(text)


def understood_totals(sheet, lang: str) -> str:
    if not sheet.totals_count:
        return t("import_data_understood_no_totals", lang)
    more = " …" if sheet.totals_count > len(sheet.totals_checked) else ""
    return t("import_data_understood_totals", lang, count=format_number(sheet.totals_count, lang),
             rows=", ".join(str(row) for row in sheet.totals_checked) + more)


# --- Mapping unknown values ----------------------------------------------------------------------------------------

LIST_FIELDS = {"activity": "activity_id", "sector": "sector_id", "funding_source": "funding_source",
               "figure": "figure", "status": "status", "period": "period", "indicator": "indicator_id"}


def catalogue(db_path: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """list → code → (Vietnamese, English) name: every entry an unknown value may be mapped to."""
    import duckdb

    from etl.importing.codes import Codes

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return Codes(con).labels
    finally:
        con.close()


def unknown_values(reports: Sequence) -> list:
    """The unknown values of every file, each (list, folded value) once, in the order met."""
    from etl.importing.values import fold

    seen = {}
    for report in reports:
        for unknown in getattr(report, "unknown", []):
            seen.setdefault((unknown.list_name, fold(unknown.value)), unknown)
    return list(seen.values())


def mapping_key(unknown) -> str:
    """The widget key of one unknown value's choice: the same value keeps its choice across re-checks."""
    return "im_map_" + hashlib.sha1(f"{unknown.list_name}|{unknown.value}".encode()).hexdigest()[:12]


def choices_for(unknown, labels: dict[str, dict[str, tuple[str, str]]], lang: str) -> list[str]:
    """The codes offered for an unknown value: its suggestions first, then the whole list by name."""
    entries = labels.get(unknown.list_name, {})
    side = 1 if lang == "en" else 0
    rest = sorted((code for code in entries if code not in unknown.suggestions), key=lambda c: entries[c][side])
    return [code for code in unknown.suggestions if code in entries] + rest


def choice_label(unknown, labels, code: str, lang: str) -> str:
    name = labels.get(unknown.list_name, {}).get(code, (code, code))[1 if lang == "en" else 0]
    return t("import_data_unknown_suggested", lang, name=name) if code in unknown.suggestions else name


def unknown_line(unknown, lang: str) -> str:
    return t("import_data_unknown_value", lang, value=escape_markdown(unknown.value),
             list=field_label(LIST_FIELDS.get(unknown.list_name), lang),
             sheet=escape_markdown(unknown.sheet or "csv"),
             column=escape_markdown(unknown.column or ""))


def map_value(state: MutableMapping, db_path: Path, unknown, labels, lang: str) -> None:
    """The remember button's callback: keep the chosen code for this value beside the imports, then check again.

    Nothing happens for a session that is not authorised, or when no entry was chosen.
    """
    code = state.get(mapping_key(unknown))
    if not authorised(state) or code is None:
        return
    from etl.importer import remember_value

    name = labels.get(unknown.list_name, {}).get(code, (code, code))[1 if lang == "en" else 0]
    if remember_value(db_path, unknown.list_name, unknown.value, code):
        state[MAPPED] = t("import_data_unknown_remembered", lang, value=unknown.value, name=name)
    else:
        state[MAPPED] = t("import_data_unknown_not_remembered", lang, value=unknown.value)
    state.pop(CHECKED, None)  # the files read differently now
