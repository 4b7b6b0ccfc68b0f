"""The import page's security, and exports of data that came in through an import.

The gate: nothing behind it shows or runs without a live unlock cookie (khuyencong/sign_in.py; the sign-in itself,
its throttle and the takeover attacks are tests/test_sign_in.py and tests/test_gate_server.py): not by a stale
callback, a tampered session value or a query parameter. The password never appears in the page, in Python log
records, in load_log or in the output of a `streamlit run` server driven by Chromium. Finally, text a spreadsheet
would run as a formula, loaded from a workbook, comes out of the .xlsx and .csv exports as text, and numbers stay
numbers.
"""

import csv
import hashlib
import io
import logging
from pathlib import Path

import duckdb
import openpyxl
import pytest
import xlsxwriter
from conftest import run_etl, run_page, serve_dashboard, sign_in

from khuyencong.render.browser import find_chromium
from khuyencong.ui import import_data as importing

PAGE = "pages/import_data.py"
PASSWORD = "Mật-khẩu đúng 7#"
WRONG = [f"doan-sai-{i}" for i in range(12)]
CSV = "Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,2024,Địa phương,Dự toán,77\n".encode()


@pytest.fixture()
def gate(monkeypatch, browser_cookies):
    """The admin password set; the browser's cookies (none yet)."""
    monkeypatch.setenv("KC_ADMIN_PASSWORD", PASSWORD)
    return browser_cookies


def behind_the_gate(app) -> bool:
    """Whether anything only an operator may use is on the page: the uploader, the lock button, a confirm button."""
    keys = {getattr(b, "key", None) for b in app.button}
    return bool(len(app.file_uploader) or keys & {"im_lock", "im_confirm"})


def page_text(app) -> str:
    parts = []

    def walk(node):
        if getattr(node, "proto", None) is not None:
            parts.append(str(node.proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    return "\n".join(parts)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- Nothing behind the gate without it ---------------------------------------------------------------------------

def test_check_and_load_need_a_signed_in_browser(db, gate, monkeypatch):
    before = digest(db)
    monkeypatch.setenv("KC_DB_PATH", str(db))
    for state in ({}, {"im_unlocked": True}, {"im_unlocked": "1"}):  # what unlocked a session before
        with pytest.raises(PermissionError):
            importing.check_for(db, [("a.csv", CSV)])
        importing.confirm_load(state, db, [("a.csv", CSV)], "vi")  # a stale or forged confirm click
        assert "im_done" not in state and "im_load_error" not in state
    assert digest(db) == before
    gate["kc_unlock"] = sign_in(db, PASSWORD)
    monkeypatch.delenv("KC_ADMIN_PASSWORD")  # import switched off on the server: an old unlock no longer counts
    state = {}
    importing.confirm_load(state, db, [("a.csv", CSV)], "vi")
    assert digest(db) == before and "im_done" not in state


def test_tampered_session_values_and_query_parameters_do_not_open_the_gate(db, gate, monkeypatch):
    app = run_page(db, None, im_unlocked="1", kc_unlock="x", im_password=PASSWORD, im_confirm="true")
    assert any("`im_unlocked`" in w.value for w in app.warning)  # named as ignored, like any unknown key
    assert not [w for w in app.warning if PASSWORD in w.value]  # a password in a link is not echoed back
    app.switch_page(PAGE).run()
    assert not behind_the_gate(app)
    app.session_state["im_unlocked"] = True
    app.session_state["im_checked"] = (("x",), [])
    app.run()
    assert not behind_the_gate(app) and not app.exception
    before = digest(db)
    gate["kc_unlock"] = sign_in(db, PASSWORD)  # a real unlock, then the server switches import off
    app.run()
    assert behind_the_gate(app)
    monkeypatch.delenv("KC_ADMIN_PASSWORD")
    app.run()
    assert not behind_the_gate(app) and any("đang tắt" in i.value for i in app.info)
    assert digest(db) == before


# --- The password stays secret ------------------------------------------------------------------------------------

class Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.name} {record.getMessage()} {record.exc_text or ''}")


def test_password_never_in_page_log_records_or_load_log(db, gate, capfd):
    from khuyencong.sign_in import Authority, SignInState

    records = Records()
    loggers = [logging.getLogger(), logging.getLogger("streamlit"), logging.getLogger("etl"),
               logging.getLogger("khuyencong")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(records)
        logger.setLevel(logging.DEBUG)
    try:
        assert SignInState(db).attempt("192.0.2.7", "", WRONG[0], Authority(db, PASSWORD)).status == "wrong"
        gate["kc_unlock"] = sign_in(db, PASSWORD)
        app = run_page(db, PAGE)
        app.file_uploader[0].set_value(("cao-bang-2024.csv", CSV, "text/csv"))
        app.run()
        app.button(key="im_confirm").click()
        app.run()
        shown = page_text(app)
    finally:
        for logger, level in zip(loggers, levels):
            logger.removeHandler(records)
            logger.setLevel(level)
    assert any(s.value.startswith("Đã nạp 1 tệp: thêm 1") for s in app.success)
    output = capfd.readouterr()
    con = duckdb.connect(str(db), read_only=True)
    try:
        log_rows = con.execute("SELECT * FROM load_log").fetchall()
    finally:
        con.close()
    assert any("cao-bang-2024.csv" in str(row) and row[-1] == "admin" for row in log_rows)  # who loaded it
    state_file = (db.parent / ".kc.duckdb.sign-in.json").read_text()
    for secret in (PASSWORD, WRONG[0], gate["kc_unlock"]):  # the shared state holds the token's hash only
        assert secret not in state_file
    for secret in (PASSWORD, WRONG[0]):
        assert secret not in shown
        assert not [line for line in records.lines if secret in line]
        assert secret not in output.out and secret not in output.err
        assert not [row for row in log_rows if secret in str(row)]
    assert records.lines  # the handler did see the run's log records


@pytest.mark.chromium
@pytest.mark.slow
def test_password_never_in_a_real_servers_output(db, tmp_path):
    """`streamlit run` at debug log level, the password typed in Chromium: wrong once, then right, then a load."""
    from playwright.sync_api import expect, sync_playwright

    log = tmp_path / "server.log"
    upload = tmp_path / "cao-bang-2024.csv"
    upload.write_bytes(CSV)
    admin = {"KC_ADMIN_PASSWORD": PASSWORD}
    with (log.open("w") as output,
          serve_dashboard(db, "--logger.level", "debug", env=admin, output=output) as base,
          sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(f"{base}/import_data", wait_until="domcontentloaded", timeout=60000)
        password = page.get_by_label("Mật khẩu quản trị", exact=True)
        for typed in (WRONG[0], PASSWORD):
            password.fill(typed, timeout=60000)
            page.get_by_role("button", name="Mở khóa").click()
            if typed != PASSWORD:
                expect(page.get_by_text("Mật khẩu không đúng")).to_be_visible(timeout=60000)
        page.locator("input[type=file]").set_input_files(str(upload), timeout=60000)
        confirm = page.get_by_role("button", name="Xác nhận nạp vào cơ sở dữ liệu")
        expect(confirm).to_be_enabled(timeout=60000)
        confirm.click()
        expect(page.get_by_text("Đã nạp 1 tệp")).to_be_visible(timeout=60000)
        html = page.content()
        browser.close()
    text = log.read_text(errors="replace")
    assert len(text.splitlines()) > 10  # debug logging was on, and its output is what is searched
    assert "Uncaught" not in text and "Traceback" not in text
    con = duckdb.connect(str(db), read_only=True)
    try:
        log_rows = [str(row) for row in con.execute("SELECT * FROM load_log").fetchall()]
    finally:
        con.close()
    assert any("cao-bang-2024.csv" in row for row in log_rows)
    for secret in (PASSWORD, WRONG[0]):
        assert secret not in text and secret not in html
        assert not [row for row in log_rows if secret in row]


# --- Exports of imported data ---------------------------------------------------------------------------------------

FORMULA_LIKE = {"name": '=HYPERLINK("http://x","y")', "implementer": "+1+1", "location": "@SUM(A1)",
                "note": "-2+3", "tab": "\t=1+1", "cr": "\r=2+2", "lf": "\n=cmd|' /C calc'!A0"}
PROJECT_HEAD = ["Tỉnh/Thành phố", "Năm", "Tên đề án", "Đơn vị thực hiện", "Địa điểm", "Nguồn kinh phí",
                "Kinh phí kế hoạch", "Ghi chú"]


def workbook_with_formula_like_text() -> bytes:
    """Cao Bằng 2024 projects whose text cells start with = + - @, tab, CR or LF, as a province might type them."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False})
    sheet = book.add_worksheet("DeAn")
    sheet.write_row(0, 0, PROJECT_HEAD)
    rows = [
        ["Cao Bằng", 2024, FORMULA_LIKE["name"], FORMULA_LIKE["implementer"], FORMULA_LIKE["location"],
         "Địa phương", 150.5, FORMULA_LIKE["note"]],
        ["Cao Bằng", 2024, FORMULA_LIKE["tab"], "Hợp tác xã", "Xã A", "Địa phương", 12, None],
        ["Cao Bằng", 2024, FORMULA_LIKE["cr"], "Hợp tác xã", "Xã B", "Địa phương", None, None],
        ["Cao Bằng", 2024, FORMULA_LIKE["lf"], "Hợp tác xã", "Xã C", "Địa phương", 0, None],
    ]
    for number, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(number, col, value)
            elif value is not None:
                sheet.write_number(number, col, value)
    book.close()
    return buffer.getvalue()


def test_formula_like_text_loaded_from_a_workbook_is_neutralised_in_every_export(db, tmp_path, downloads):
    path = tmp_path / "cao-bang-de-an.xlsx"
    path.write_bytes(workbook_with_formula_like_text())
    loaded = run_etl("load", str(path), "--db", str(db))
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = dict(con.execute("SELECT name, plan_mvnd FROM project WHERE doc_id = 'tep-cao-bang-de-an-xlsx'")
                      .fetchall())
    finally:
        con.close()
    # Text is stripped at the boundary, so the tab/CR/LF cases arrive as text starting with "=".
    assert sorted(stored) == sorted([FORMULA_LIKE["name"], "=1+1", "=2+2", "=cmd|' /C calc'!A0"])

    app = run_page(db, "pages/data.py", area="cao-bang", years="2024")
    app.segmented_control(key="dx_table").set_value("projects")
    app.run()
    assert not app.exception
    files = downloads(app)
    sheet = openpyxl.load_workbook(io.BytesIO(files["khuyen-cong_cao-bang_2024_de-an.xlsx"]))["Đề án"]
    header = [c.value for c in sheet[1]]
    cells = {header[c.column - 1]: c for row in sheet.iter_rows(min_row=2) for c in row
             if c.value in (FORMULA_LIKE["name"], FORMULA_LIKE["implementer"], FORMULA_LIKE["location"])}
    assert set(cells) == {"Tên đề án", "Đơn vị thực hiện", "Địa điểm"}
    for cell in cells.values():  # the text itself, kept as text, marked so Excel never runs it
        assert cell.data_type == "s" and cell.quotePrefix
    texts = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert not [c for c in texts if c.data_type == "f"]
    plans = sorted(c.value for c in sheet[openpyxl.utils.get_column_letter(header.index("Kế hoạch (triệu đồng)") + 1)]
                   [1:] if c.value is not None)
    assert plans == [0, 12, 150.5]
    note = next(c for row in sheet.iter_rows(min_row=2) for c in row if c.value == FORMULA_LIKE["note"])
    assert note.quotePrefix

    rows = list(csv.reader(io.StringIO(files["khuyen-cong_cao-bang_2024_de-an.csv"][3:].decode("utf-8"),
                                       newline="")))
    body = [cell for row in rows[1:] for cell in row]
    for text in (FORMULA_LIKE["name"], FORMULA_LIKE["implementer"], FORMULA_LIKE["location"], "=1+1", "=2+2"):
        assert "'" + text in body and text not in body
    plan = rows[0].index("Kế hoạch (triệu đồng)")
    assert sorted(row[plan] for row in rows[1:]) == ["", "0", "12", "150.5"]
