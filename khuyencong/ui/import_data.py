"""The Import page's logic: the operators' gate, the check/load calls and the tables of their reports.

The gate: an operator signs in through the form the page shows, which posts to the server's sign-in endpoint
(khuyencong/sign_in_routes.py), never through the websocket; the unlock is the browser's HttpOnly cookie, checked on
every run against the state every process shares (khuyencong/sign_in.py). `unlocked_operator()` is the one question
the page and every section behind the gate ask.

The importer (etl.importer) is imported when it is called, so this module loads even where it is absent.
"""

import hashlib
import html
import math
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from etl.operators import Operator
from etl.template import DEFAULT_OUT as TEMPLATE_PATH
from khuyencong import sign_in_routes
from khuyencong.data.code_lists import ACTIVITIES, FIGURES, SECTORS, SOURCES, STATUSES, CodeLists
from khuyencong.data.database import database_path
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import N_, t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.sign_in import (
    OUTCOME_COOKIE,
    ROUTE_COOKIE,
    UNLOCK_COOKIE,
    Authority,
    SignInState,
    admin_password,
)

OUTCOME_SEEN = "im_sign_in_seen"       # the last sign-in outcome this session has said
DONE, LOAD_ERROR, LOAD_PROBLEMS = "im_done", "im_load_error", "im_load_problems"
MAPPED = "im_mapped"  # what the last "remember" did, for the page to say
CHECKED, ROUND = "im_checked", "im_round"  # the last check (key, reports); the uploader's generation
INCLUDE_HIDDEN = "im_include_hidden"  # the box: read hidden rows, columns and sheets (a file holding some is refused)
MAX_PROBLEMS_SHOWN = 1000
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_NAME = TEMPLATE_PATH.name
UPLOAD_TYPES = ["xlsx", "csv"]
OUTCOMES = {"wrong": N_("import_data_wrong_password"), "empty": N_("import_data_empty_password"),
            "disabled": N_("import_data_disabled")}

Files = list[tuple[str, bytes]]


# --- The gate ------------------------------------------------------------------------------------------------------

def request_cookies() -> dict[str, str]:
    """The cookies the browser attached to this session sent with its websocket; none where there is no browser
    (AppTest: tests put a real unlock token here)."""
    try:
        return st.context.cookies.to_dict()
    except Exception:  # no client (AppTest, a bare script run)
        return {}


def client_address() -> str | None:
    """The browser's address as the server saw it (the client's, once uvicorn has read nginx's X-Forwarded-For);
    None on loopback or without a client (sign_in.client_key names both 'localhost')."""
    try:
        address = st.context.ip_address
    except Exception:
        return None
    return address if isinstance(address, str) else None  # AppTest's stand-in runtime answers with a mock


def authority() -> Authority:
    return Authority(database_path(), admin_password())


def sign_in_state() -> SignInState:
    return SignInState(database_path())


def import_enabled() -> bool:
    """Whether anyone may load: an active operator account or KC_ADMIN_PASSWORD."""
    return authority().enabled()


def can_sign_in() -> bool:
    """Whether this server has the sign-in endpoint (started as `streamlit run app.py`)."""
    return sign_in_routes.SERVED


def unlocked_operator() -> Operator | None:
    """The operator signed in in this browser, else None: the one check before anything behind the gate.

    The browser's `kc_unlock` cookie must prove an unlock that still counts (not idle, its page open, the account
    active with the same password). The cookie is read from the client attached to the session now, so a client that
    took over a signed-in operator's session id has no operator. Once signed in, the session is also marked never
    to be resumed by another connection: a second client naming its id gets a fresh session of its own.
    """
    token = request_cookies().get(UNLOCK_COOKIE)
    if not token:  # every viewer: nothing read
        return None
    auth = authority()
    if not auth.enabled():
        return None
    operator = sign_in_state().operator_for(token, auth)
    if operator is not None:
        _refuse_resume()
    return operator


def _refuse_resume() -> None:
    try:
        from streamlit import runtime
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is not None and runtime.exists():
            runtime.get_instance().mark_session_nonresumable(ctx.session_id)
    except Exception:  # AppTest's runtime has no session manager; nothing to protect there
        pass


def seconds_locked() -> int:
    """Seconds before a guess from this browser (its address, or itself once it has signed in) is compared again."""
    return sign_in_state().seconds_locked(client_address(), request_cookies().get(ROUTE_COOKIE))


def sign_in_outcome(state: MutableMapping) -> str | None:
    """What the last sign-in attempt from this browser gave ('wrong', 'empty', 'disabled', 'locked', 'ok'), once per
    attempt: the endpoint's short-lived cookie carries it, with a nonce this session remembers having said."""
    value = request_cookies().get(OUTCOME_COOKIE)
    if not value or state.get(OUTCOME_SEEN) == value:
        return None
    state[OUTCOME_SEEN] = value
    return value.split(".", 1)[0]


def outcome_message(outcome: str | None, lang: str) -> str | None:
    return t(OUTCOMES[outcome], lang) if outcome in OUTCOMES else None


def sign_out() -> None:
    """The Lock button: end this browser's unlock everywhere (its cookie proves nothing from now on)."""
    sign_in_state().revoke(request_cookies().get(UNLOCK_COOKIE))


def sign_in_form(lang: str, page: str, query: dict[str, list[str]]) -> str:
    """The sign-in form: plain HTML posting to the server's endpoint (relative to the page, so under a base path
    too), with the page and its query string to come back to."""
    def field(label: str, name: str, kind: str, autocomplete: str, help_text: str) -> str:
        return (f'<label class="kc-field"><span>{html.escape(label)}</span>'
                f'<input name="{name}" type="{kind}" autocomplete="{autocomplete}" maxlength="256" '
                f'title="{html.escape(help_text)}"></label>')

    button = html.escape(t("import_data_unlock", lang))
    return (
        "<style>.kc-sign-in{display:flex;flex-direction:column;gap:.6rem;max-width:420px}"
        ".kc-field{display:flex;flex-direction:column;gap:.25rem;font-size:.875rem}"
        ".kc-field input{font:inherit;font-size:1rem;padding:.45rem .6rem;border:1px solid #d5d7de;"
        "border-radius:.5rem;background:#f0f2f6}"
        ".kc-sign-in button{align-self:flex-start;font:inherit;padding:.4rem .9rem;border:1px solid #d5d7de;"
        "border-radius:.5rem;background:#fff;cursor:pointer}</style>"
        f'<form class="kc-sign-in" method="post" action="{sign_in_routes.SIGN_IN}">'
        + field(t("import_data_operator", lang), "name", "text", "username", t("import_data_operator_help", lang))
        + field(t("import_data_password", lang), "password", "password", "current-password",
                t("import_data_password_help", lang))
        + f'<input type="hidden" name="page" value="{html.escape(page)}">'
        f'<input type="hidden" name="query" value="{html.escape(urlencode(query, doseq=True))}">'
        f'<button type="submit">{button}</button></form>')


def format_wait(seconds: int, lang: str) -> str:
    """45 giây / 45 s under a minute; whole minutes, rounded up, above."""
    if seconds < 60:
        return t("import_data_wait_seconds", lang, n=seconds)
    return t("import_data_wait_minutes", lang, n=math.ceil(seconds / 60))


def scope_label(operator: Operator, lang: str, name_of: Callable[[str], str]) -> str:
    """Every area, or the names of the areas the operator may load for."""
    if operator.scope is None:
        return t("import_data_scope_all", lang)
    return ", ".join(sorted(name_of(area) for area in operator.scope))


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


def check_for(db_path: Path, files: Files, include_hidden: bool = False) -> list:
    """The page's check: only for a signed-in operator (PermissionError otherwise), within the operator's scope."""
    operator = unlocked_operator()
    if operator is None:
        raise PermissionError("import is locked")
    return check(db_path, files, operator, include_hidden)


def read_options(include_hidden: bool) -> dict:
    """How the files are read, as keyword arguments of the importer: the page's box "read hidden rows, columns and
    sheets" (refused otherwise); unticked, none (the importer's own default)."""
    if not include_hidden:
        return {}
    from etl.importing.report_layout import ReadOptions

    return {"options": ReadOptions(include_hidden=True)}


def check(db_path: Path, files: Files, operator: Operator, include_hidden: bool = False) -> list:
    """Dry run of the importer in a worker process (viewers keep the server's CPU): reports, nothing written."""
    from etl.check_worker import check_in_worker

    return check_in_worker(db_path, files, operator=operator, **read_options(include_hidden))


def load(db_path: Path, files: Files, operator: Operator, include_hidden: bool = False) -> list:
    """Load the files (all or nothing) as `operator` (named in load_log, rows within its scope) in a worker process
    with the check's bounds on memory and time, then drop every cached query result so the charts show the new
    figures."""
    from etl.check_worker import load_in_worker

    reports = load_in_worker(db_path, files, operator=operator, **read_options(include_hidden))
    if can_confirm(reports):
        st.cache_data.clear()
    return reports


def confirm_load(state: MutableMapping, db_path: Path, files: Files, lang: str, include_hidden: bool = False) -> None:
    """The confirm button's callback: load the files that were checked and leave the outcome for the page to show.

    After a load the uploader gets a new key (an empty one for the next file) and the old check is forgotten.
    Nothing happens unless this browser is signed in now (a stale button, a session taken over, a tampered state).
    """
    operator = unlocked_operator()
    if operator is None:
        return
    try:
        with st.spinner(t("import_data_loading", lang)):
            reports = load(db_path, files, operator, include_hidden)
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

    Nothing happens unless this browser is signed in, or when no entry was chosen.
    """
    code = state.get(mapping_key(unknown))
    if code is None or unlocked_operator() is None:
        return
    from etl.importer import remember_value

    name = labels.get(unknown.list_name, {}).get(code, (code, code))[1 if lang == "en" else 0]
    if remember_value(db_path, unknown.list_name, unknown.value, code):
        state[MAPPED] = t("import_data_unknown_remembered", lang, value=unknown.value, name=name)
    else:
        state[MAPPED] = t("import_data_unknown_not_remembered", lang, value=unknown.value)
    state.pop(CHECKED, None)  # the files read differently now
