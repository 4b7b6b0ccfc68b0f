"""Nhập dữ liệu / Import, run through dashboard.py with AppTest; and the functions of khuyencong/ui/import_data.py.

The page calls the importer (etl.importer). Where a test is about the page itself (the gate, what it shows for a
report, which bytes it hands on), a small stand-in importer is put in sys.modules with monkeypatch; it records its
calls and returns the reports the test chose. The last tests run the real importer (etl/importer.py: a missing one
fails them, never skips them) on a copy of the demo database. AppTest has no browser, so the cookies a browser
would send are the `browser_cookies` fixture's, holding a real unlock token made by the sign-in state
(conftest.sign_in).
"""

import io
import shutil
import sys
import types
from dataclasses import dataclass, field

import duckdb
import openpyxl
import pytest
from conftest import as_shown, private_copy, run_page, sign_in

from etl.operators import Operator
from etl.problems import Problem
from etl.template import DATA_SHEETS, build_template, code_lists
from khuyencong.i18n.labels import t
from khuyencong.ui import import_data as importing

PAGE = "pages/import_data.py"
PASSWORD = "Mật-khẩu đúng 7#"
WRONG = ["sai-lần-một", "sai-lần-hai", "sai-lần-ba"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ADMIN = Operator("admin")


@dataclass
class Report:
    """What the page reads of etl.importer.ImportReport."""
    file_name: str
    sha256: str = "0" * 64
    problems: list = field(default_factory=list)
    rows: dict = field(default_factory=dict)
    added: dict = field(default_factory=dict)
    changed: dict = field(default_factory=dict)
    removed: dict = field(default_factory=dict)
    already_loaded: bool = False


def problem(severity="error", row=5, reason=("Năm không hợp lệ", "Invalid year"), file="a.xlsx"):
    return Problem(file, row, "Năm", "20x4", reason[0], reason[1], sheet="DeAn", severity=severity)


@pytest.fixture()
def importer(monkeypatch):
    """A stand-in etl.importer: `module.reports` is what check_files returns; calls are recorded."""
    module = types.ModuleType("etl.importer")
    module.MAX_FILE_BYTES = 10 * 2**20
    module.ImportReport = Report
    module.calls = []
    module.reports = lambda files: [Report(name, rows={"project": 2}, added={"project": 2}) for name, _ in files]

    def check_files(db_path, files, operator=None):
        module.calls.append(("check", str(db_path), list(files), operator.name))
        return module.reports(files)

    def load_files(db_path, files, operator=None):
        module.calls.append(("load", str(db_path), list(files), operator.name))
        return module.reports(files)

    module.check_files, module.load_files = check_files, load_files
    monkeypatch.setitem(sys.modules, "etl.importer", module)
    # The page checks and loads in a worker process (etl.check_worker); here the stand-in answers in process.
    worker = types.ModuleType("etl.check_worker")
    worker.check_in_worker, worker.load_in_worker = check_files, load_files
    monkeypatch.setitem(sys.modules, "etl.check_worker", worker)
    return module


@pytest.fixture()
def with_password(monkeypatch, browser_cookies) -> dict[str, str]:
    """KC_ADMIN_PASSWORD set; the browser's cookies (none yet) for the test to fill."""
    monkeypatch.setenv("KC_ADMIN_PASSWORD", PASSWORD)
    return browser_cookies


def all_text(app) -> str:
    """Every element's protobuf as text: labels, values, messages, table data."""
    parts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    return "\n".join(parts)


def messages(app, kind: str) -> list[str]:
    """The messages of one kind as the reader sees them (file names are escaped Markdown)."""
    return [as_shown(element.value) for element in getattr(app, kind)]


def sign_in_forms(app) -> list[str]:
    """The sign-in forms on the page (st.html bodies)."""
    return [element.proto.body for element in app.get("html") if "kc-sign-in" in element.proto.body]


def table_with(app, column: str):
    """The page's table that has `column` (st.dataframe without selection has no key to find it by)."""
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def unlocked(db_path, cookies: dict, lang="vi"):
    """The page in a browser that signed in with KC_ADMIN_PASSWORD (operator admin)."""
    cookies["kc_unlock"] = sign_in(db_path, PASSWORD)
    return run_page(db_path, PAGE, **({"lang": lang} if lang != "vi" else {}))


# --- The page -----------------------------------------------------------------------------------------------------

def test_without_a_password_import_is_disabled(demo_db_path, monkeypatch, importer, browser_cookies):
    monkeypatch.delenv("KC_ADMIN_PASSWORD", raising=False)
    app = run_page(demo_db_path, PAGE)
    assert not app.exception
    assert any("đang tắt" in text for text in messages(app, "info"))
    assert len(app.file_uploader) == 0 and not sign_in_forms(app)
    assert not any(b.label == t("import_data_confirm") for b in app.button)
    assert [b.proto.label for b in app.get("download_button") if b.proto.id.endswith("im_template")] == \
        [t("import_data_template_download")]


def test_template_download_serves_the_committed_template(demo_db_path, monkeypatch, with_password):
    from streamlit.runtime.media_file_manager import MediaFileManager

    served = []
    original = MediaFileManager.add

    def record(self, data, mimetype, coordinates, file_name=None, **kwargs):
        served.append((file_name, data))
        return original(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", record)
    app = run_page(demo_db_path, PAGE)
    assert not app.exception
    name, data = next(item for item in served if item[0] == "khuyen-cong_mau-nhap-lieu.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [cell.value for cell in book["PhanBo"][3]][:3] == ["Tỉnh/Thành phố", "Từ năm", "Đến năm"]


def test_the_sign_in_form_posts_to_the_endpoint_and_nothing_behind_the_gate_shows(demo_db_path, with_password,
                                                                                     importer):
    app = run_page(demo_db_path, PAGE, lang="en", area="cao-bang")
    assert not app.exception
    [form] = sign_in_forms(app)
    # Relative to the page (so under a base path too), back to this page with its query string.
    assert '<form class="kc-sign-in" method="post" action="api/sign-in">' in form
    assert '<input name="password" type="password" autocomplete="current-password"' in form
    assert '<input type="hidden" name="page" value="import_data">' in form
    assert 'name="query" value="lang=en&amp;area=cao-bang"' in form or 'value="area=cao-bang&amp;lang=en"' in form
    assert ">Unlock</button>" in form and "<span>Operator</span>" in form
    assert len(app.file_uploader) == 0 and importer.calls == []
    assert not any(b.key in ("im_lock", "im_confirm") for b in app.button)


def test_a_sign_in_outcome_is_said_once(demo_db_path, with_password, importer):
    with_password["kc_sign_in"] = "wrong.1a2b3c4d"  # what the endpoint answered the last attempt with
    app = run_page(demo_db_path, PAGE)
    assert [e for e in messages(app, "error") if e.startswith("Mật khẩu không đúng")]
    app.run()  # the next run of the same session: said already
    assert not [e for e in messages(app, "error") if e.startswith("Mật khẩu không đúng")]
    with_password["kc_sign_in"] = "empty.99aa00bb"  # another attempt
    app.run()
    assert messages(app, "warning") == [] and "Nhập mật khẩu." in messages(app, "error")
    assert len(app.file_uploader) == 0


def test_a_live_unlock_opens_the_page_and_the_lock_button_ends_it(demo_db_path, with_password, importer):
    from khuyencong.sign_in import SignInState

    app = unlocked(demo_db_path, with_password)
    assert not app.exception
    assert len(app.file_uploader) == 1 and not sign_in_forms(app)
    assert any("cho **admin** (phạm vi: mọi địa phương)" in as_shown(c.value) for c in app.caption)
    assert PASSWORD not in all_text(app)
    token = with_password["kc_unlock"]
    assert SignInState(demo_db_path).counts(token)

    app.button(key="im_lock").click()
    app.run()
    assert len(app.file_uploader) == 0 and sign_in_forms(app)
    assert not SignInState(demo_db_path).counts(token)  # ended for every process, not only for this session


@pytest.mark.parametrize("cookie", ["", "not-a-token", "A" * 43])
def test_a_cookie_that_proves_no_unlock_shows_the_form(demo_db_path, with_password, importer, cookie):
    with_password["kc_unlock"] = cookie
    app = run_page(demo_db_path, PAGE)
    assert sign_in_forms(app) and len(app.file_uploader) == 0


def test_a_server_without_the_endpoint_says_so(demo_db_path, with_password, importer, monkeypatch):
    from khuyencong import sign_in_routes

    monkeypatch.setattr(sign_in_routes, "SERVED", False)  # `streamlit run dashboard.py`: nothing can sign in
    app = run_page(demo_db_path, PAGE)
    assert any("streamlit run app.py" in text for text in messages(app, "info"))
    assert not sign_in_forms(app) and len(app.file_uploader) == 0


def test_an_address_that_guessed_wrong_too_often_is_told_how_long_to_wait(demo_db_path, tmp_path, with_password,
                                                                          importer, monkeypatch):
    from khuyencong import sign_in
    from khuyencong.sign_in import Authority, SignInState

    monkeypatch.setattr(sign_in, "wall_clock", lambda: 1_800_000_000.0)  # the page reads the same instant
    db_path = private_copy(demo_db_path, tmp_path)
    state = SignInState(db_path)
    for guess in WRONG + ["sai-lần-bốn", "sai-lần-năm"]:  # AppTest has no client: as on loopback, "localhost"
        assert state.attempt("127.0.0.1", "", guess, Authority(db_path, PASSWORD)).status == "wrong"
    app = run_page(db_path, PAGE)
    assert any("thử lại sau 30 giây" in e for e in messages(app, "error"))


def test_upload_checks_shows_report_and_blocks_loading_on_errors(demo_db_path, with_password, importer):
    importer.reports = lambda files: [Report(
        "a.xlsx", problems=[problem("warning", 7, ("Thiếu nguồn kinh phí", "No funding source")), problem()],
        rows={"project": 3, "outcome": 1}, added={"project": 2}, changed={"project": 1}, removed={})]
    app = unlocked(demo_db_path, with_password)
    app.file_uploader[0].set_value(("a.xlsx", b"workbook bytes", XLSX))
    app.run()
    assert not app.exception
    assert importer.calls == [("check", str(demo_db_path), [("a.xlsx", b"workbook bytes")], "admin")]

    problems = table_with(app, "Lý do")
    assert list(problems.columns) == ["Tệp", "Mức độ", "Sheet", "Dòng", "Cột", "Giá trị", "Lý do"]
    assert list(problems["Mức độ"]) == ["Lỗi", "Cảnh báo"]  # errors first
    assert list(problems["Lý do"]) == ["Năm không hợp lệ", "Thiếu nguồn kinh phí"]
    assert list(problems["Dòng"]) == [5, 7]

    changes = table_with(app, "Bảng").set_index("Bảng")
    assert changes.loc["Đề án (DeAn)", ["Dòng đọc được", "Thêm", "Sửa", "Xóa"]].tolist() == [3, 2, 1, 0]
    assert changes.loc["Kết quả (KetQua)", "Dòng đọc được"] == 1

    confirm = app.button(key="im_confirm")
    assert confirm.disabled
    assert any("1 lỗi" in text for text in messages(app, "error"))
    app.run()  # a rerun with the same file does not check it again
    assert [call[0] for call in importer.calls] == ["check"]


def test_confirm_loads_the_same_bytes_and_reports_counts(demo_db_path, with_password, importer, monkeypatch):
    cleared = []
    monkeypatch.setattr(importing.st.cache_data, "clear", lambda: cleared.append(True))
    importer.reports = lambda files: [Report(name, rows={"allocation": 4}, added={"allocation": 3},
                                             changed={"allocation": 1}, already_loaded=False) for name, _ in files]
    app = unlocked(demo_db_path, with_password)
    files = [("phan-bo.xlsx", b"first file", XLSX), ("ket-qua.csv", "Năm,2024\n".encode(), "text/csv")]
    app.file_uploader[0].set_value(files)
    app.run()
    confirm = app.button(key="im_confirm")
    assert not confirm.disabled
    confirm.click()
    app.run()
    assert not app.exception
    sent = [(name, data) for name, data, _ in files]
    assert importer.calls == [("check", str(demo_db_path), sent, "admin"), ("load", str(demo_db_path), sent, "admin")]
    assert cleared == [True]
    assert messages(app, "success")[-1] == "Đã nạp 2 tệp: thêm 6, sửa 2, xóa 0 dòng. Các biểu đồ đã dùng số liệu mới."
    uploader = app.file_uploader[0]
    assert uploader.key == "im_files_1" and not uploader.value  # ready for the next file


# --- A session that replaced one whose process died (issue 28) ---------------------------------------------------

LOST_FILE = {"vi": "Phiên làm việc đã khởi động lại: tệp chưa được nạp, hãy chọn lại tệp",   # the words
             "en": "The session restarted: the file was not loaded, please choose the file again"}


@pytest.fixture()
def lost_session(monkeypatch):
    """The websocket that opened this session asked for another session's id, as Streamlit's frontend does when it
    reconnects to a process that never had it. AppTest opens no websocket, so that answer is stood in for here; the
    browser test (tests/test_supervision.py) sees the real handshake."""
    from khuyencong.ui import session_restart

    monkeypatch.setattr(session_restart, "replaced_lost_session", lambda: True)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_session_that_lost_its_file_says_so_and_offers_no_confirm(demo_db_path, with_password, importer,
                                                                   lost_session, lang):
    app = unlocked(demo_db_path, with_password, lang)
    assert not app.exception
    assert LOST_FILE[lang] in messages(app, "warning")
    assert t("session_restarted", lang) in messages(app, "warning")      # said on every page of that session
    assert "im_confirm" not in [button.key for button in app.button]
    assert importer.calls == []
    # The file chosen again is checked in this session: the notice gives way to the confirm button for that check.
    app.file_uploader[0].set_value(("a.xlsx", b"workbook bytes", XLSX))
    app.run()
    assert LOST_FILE[lang] not in messages(app, "warning")
    assert not app.button(key="im_confirm").disabled


def test_a_session_of_its_own_process_is_not_told_it_restarted(demo_db_path, with_password, importer):
    app = unlocked(demo_db_path, with_password)
    assert not [text for text in messages(app, "warning") if "khởi động lại" in text]


@pytest.mark.parametrize(("header", "asked"), [
    ("streamlit, xsrf-token, 3f2a-session", "3f2a-session"),   # a reconnect: the id the browser had
    ("streamlit, xsrf-token", None),                          # a first connection
    ("streamlit, , 3f2a-session", "3f2a-session"),            # XSRF off: the positions hold
    ("streamlit, xsrf-token, ", None),
    (None, None),                                             # no websocket (AppTest, a script)
])
def test_the_session_id_a_websocket_asked_for(header, asked):
    from khuyencong.ui.session_restart import requested_session_id

    assert requested_session_id(header) == asked


def test_too_large_files_are_refused_before_checking(demo_db_path, with_password, importer):
    importer.MAX_FILE_BYTES = 100
    app = unlocked(demo_db_path, with_password)
    app.file_uploader[0].set_value([("big.xlsx", b"x" * 101, XLSX), ("small.csv", b"x" * 100, "text/csv")])
    app.run()
    assert any("big.xlsx" in text and "quá lớn" in text for text in messages(app, "error"))
    assert importer.calls == [("check", str(demo_db_path), [("small.csv", b"x" * 100)], "admin")]


def test_english_report_and_already_loaded(demo_db_path, with_password, importer):
    importer.reports = lambda files: [Report("a.xlsx", problems=[problem("warning")], rows={"allocation": 2},
                                             already_loaded=True)]
    app = unlocked(demo_db_path, with_password, lang="en")
    assert not app.exception
    app.file_uploader[0].set_value(("a.xlsx", b"bytes", XLSX))
    app.run()
    problems = table_with(app, "Reason")
    assert list(problems.columns) == ["File", "Severity", "Sheet", "Row", "Column", "Value", "Reason"]
    assert problems.loc[0, "Reason"] == "Invalid year" and problems.loc[0, "Severity"] == "Warning"
    changes = table_with(app, "Table")
    assert changes.loc[0, "Note"] == "already loaded"
    assert not app.button(key="im_confirm").disabled  # warnings do not block


# --- The page logic -----------------------------------------------------------------------------------------------

def test_confirm_rule():
    assert not importing.can_confirm([])
    assert importing.can_confirm([Report("a"), Report("b", problems=[problem("warning")])])
    assert not importing.can_confirm([Report("a"), Report("b", problems=[problem("warning"), problem("error")])])


def test_change_table_lists_each_file_and_table():
    table = importing.change_table([Report("a.xlsx", rows={"project": 5, "mystery": 1}, removed={"project": 2}),
                                    Report("b.csv", already_loaded=True)], "vi")
    assert table.values.tolist() == [["a.xlsx", "Đề án (DeAn)", 5, 0, 0, 2, ""],
                                     ["a.xlsx", "mystery", 1, 0, 0, 0, ""],
                                     ["b.csv", "", 0, 0, 0, 0, "đã nạp trước đó"]]


def test_split_by_size():
    kept, refused = importing.split_by_size([("a", b"12"), ("b", b"123"), ("c", b"")], 2)
    assert kept == [("a", b"12"), ("c", b"")] and refused == [("b", b"123")]


# --- The real importer --------------------------------------------------------------------------------------------

def workbook_with(rows: dict[str, list[list]]) -> bytes:
    """The template with rows filled in under the headers, as a person would."""
    book = openpyxl.load_workbook(io.BytesIO(build_template()))
    for sheet_name, values in rows.items():
        for index, row in enumerate(values, start=4):
            for column, value in enumerate(row, start=1):
                book[sheet_name].cell(index, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SOURCE = "Quyết định số 1/QĐ-UBND ngày 02/01/2024 của UBND tỉnh (kiểm thử)"


def every_choice() -> dict[str, list[list]]:
    """Rows that use every value of every drop-down of the template once."""
    lists = code_lists()
    allocations = [[name, year, year, lists["funding"][i % 4], lists["figure"][i % 3], i + 1, SOURCE, None]
                   for i, name in enumerate(lists["province"]) for year in [2005 if name == "Hà Tây" else 2020]]
    projects = [["Nghệ An", 2023, f"Đề án kiểm thử {i}", "Cơ sở A", "Xã B", activity, lists["sector"][i % 8],
                 lists["funding"][i % 4], 100 + i, None, 0, lists["status"][i % 6], SOURCE]
                for i, activity in enumerate(lists["activity"])]
    outcomes = [["Nghệ An", 2023, lists["period"][i % 6], lists["activity"][i % 11], lists["sector"][i % 8],
                 indicator, 10, 12, None, SOURCE] for i, indicator in enumerate(lists["indicator"])]
    return {"PhanBo": allocations, "DeAn": projects, "KetQua": outcomes}


def errors_of(reports) -> list[str]:
    return [p.format() for r in reports for p in r.problems if p.severity == "error"]


def test_real_importer_accepts_the_empty_template_and_every_drop_down_value(demo_db_path):
    empty = importing.check(demo_db_path, [("mau.xlsx", build_template())], ADMIN)
    assert errors_of(empty) == [] and sum(empty[0].rows.values()) == 0
    rows = every_choice()
    reports = importing.check(demo_db_path, [("day-du.xlsx", workbook_with(rows))], ADMIN)
    assert errors_of(reports) == []
    assert reports[0].rows == {"allocation": len(rows["PhanBo"]), "project": len(rows["DeAn"]),
                               "outcome": len(rows["KetQua"])}


def test_real_import_through_the_page_helpers(demo_db_path, tmp_path, monkeypatch):
    db_path = tmp_path / "kc.duckdb"
    shutil.copy(demo_db_path, db_path)
    monkeypatch.setenv("KC_DB_PATH", str(db_path))
    headers = {sheet.name: sheet.headers for sheet in DATA_SHEETS}
    assert headers["PhanBo"][:6] == ["Tỉnh/Thành phố", "Từ năm", "Đến năm", "Nguồn kinh phí", "Loại số liệu",
                                     "Số tiền"]
    data = workbook_with({"PhanBo": [["Cao Bằng", 2024, 2024, "Khác", "Quyết toán", 1234.5, SOURCE, None]]})
    files = [("cao-bang-2024.xlsx", data)]
    query = ("SELECT area_id, funding_source, figure, amount_mvnd FROM allocation "
             "WHERE area_id = 'cao-bang' AND year_from = 2024 AND year_to = 2024 AND funding_source = 'other'")

    reports = importing.check(db_path, files, ADMIN)
    assert importing.can_confirm(reports), errors_of(reports)
    assert reports[0].added.get("allocation") == 1
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute(query).fetchall() == []  # a check writes nothing
    con.close()

    loaded = importing.load(db_path, files, ADMIN)
    assert importing.can_confirm(loaded)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute(query).fetchall()
    finally:
        con.close()
    assert [(area, source, figure, float(amount)) for area, source, figure, amount in rows] == \
        [("cao-bang", "other", "settled", 1234.5)]
    assert importing.totals(loaded)["added"] == 1
    again = importing.check(db_path, files, ADMIN)
    assert again[0].already_loaded


# --- What the check understood of a report-layout workbook ---------------------------------------------------------

UNDERSTOOD = {  # lang → (column meanings by letter, sections' "applies to", words of the heading, title and totals)
    "vi": ({"A": "Số thứ tự (bỏ qua)", "B": "Tên đề án", "D": "Tổng (chỉ để kiểm tra, không nạp)",
            "E": "Kinh phí khuyến công", "F": "Vốn đối ứng; Nguồn kinh phí: Đối ứng", "G": "Trạng thái"},
           {9: "Nguồn kinh phí: Trung ương", 14: "Nội dung khuyến công: Đào tạo nghề, truyền nghề"},
           ["dòng tiêu đề cột 7–8; dòng dữ liệu 11–17 (3 dòng)", "địa phương «UBND TỈNH HÀ TĨNH»; năm 2019",
            "Đã kiểm tra 5 dòng tổng/mục có số tiền (9, 12, 13, 18, 19)"]),
    "en": ({"A": "Row number (ignored)", "B": "Project name", "D": "Total (checked, not loaded)",
            "E": "Khuyến công funding", "F": "Counterpart funding; Funding source: Counterpart", "G": "Status"},
           {9: "Funding source: Central", 14: "Activity: Vocational training and craft transfer"},
           ["header rows 7–8; data rows 11–17 (3 rows)", "area “UBND TỈNH HÀ TĨNH”; year 2019",
            "5 total/section rows with amounts checked (9, 12, 13, 18, 19)"]),
}


@pytest.mark.parametrize("lang", UNDERSTOOD)
def test_check_shows_what_was_understood_of_a_report_workbook(demo_db_path, with_password, lang):
    from report_corpus import two_row_header

    meanings, sections, sentences = UNDERSTOOD[lang]
    app = unlocked(demo_db_path, with_password, lang)
    app.file_uploader[0].set_value(("ha-tinh-2019.xlsx", two_row_header(), XLSX))
    app.run()
    assert not app.exception
    assert any(h.value == t("import_data_understood_header", lang) for h in app.subheader)
    columns = table_with(app, t("import_data_col_meaning", lang))
    found = dict(zip(columns[t("import_data_col_column", lang)], columns[t("import_data_col_meaning", lang)]))
    assert {letter: found.get(letter) for letter in meanings} == meanings
    assert found["E"] and columns[t("import_data_col_header", lang)].tolist()[4] == "Kinh phí / Kinh phí khuyến công"
    applies = table_with(app, t("import_data_col_applies", lang))
    found = dict(zip(applies[t("import_data_col_row", lang)], applies[t("import_data_col_applies", lang)]))
    assert {row: found.get(row) for row in sections} == sections
    text = "\n".join(messages(app, "markdown") + messages(app, "caption"))
    for sentence in sentences:
        assert sentence in text
    assert "activity_id" not in all_text(app) and "dao_tao_nghe" not in all_text(app)  # no raw codes


def test_a_template_file_shows_no_understood_section(demo_db_path, with_password, importer):
    app = unlocked(demo_db_path, with_password)
    app.file_uploader[0].set_value(("a.xlsx", b"workbook bytes", XLSX))
    app.run()
    assert not app.exception
    assert not any(h.value == t("import_data_understood_header") for h in app.subheader)


@pytest.mark.parametrize("lang, suggested, remembered", [
    ("vi", "Đào tạo nghề, truyền nghề (gợi ý)", "Đã ghi nhớ: «Đào tạo nghề truyền thống cho lao động» là"),
    ("en", "Vocational training and craft transfer (suggested)",
     "Remembered: “Đào tạo nghề truyền thống cho lao động” is"),
])
def test_map_an_unknown_value_then_load(demo_db_path, tmp_path, with_password, lang, suggested, remembered):
    from test_value_mappings import QUERY, UNKNOWN, report_with_unknown_activity

    db_path = tmp_path / "data" / "kc.duckdb"
    db_path.parent.mkdir()
    shutil.copy(demo_db_path, db_path)
    app = unlocked(db_path, with_password, lang)
    app.file_uploader[0].set_value(("ha-tinh.xlsx", report_with_unknown_activity(), XLSX))
    app.run()
    assert not app.exception
    assert app.button(key="im_confirm").disabled  # the unknown activity is an error
    key = importing.mapping_key(types.SimpleNamespace(list_name="activity", value=UNKNOWN))
    assert [box.key for box in app.selectbox if (box.key or "").startswith("im_map_")] == [key]  # one unknown value
    choice = app.selectbox(key=key)
    assert choice.value == "dao_tao_nghe" and choice.format_func(choice.value) == suggested
    assert len(choice.options) > 5  # the whole list, not only the suggestion
    assert any(UNKNOWN in text for text in messages(app, "markdown"))

    app.button(key=key + "_save").click()
    app.run()
    assert not app.exception
    assert any(text.startswith(remembered) for text in messages(app, "success"))
    assert not any((box.key or "").startswith("im_map_") for box in app.selectbox)
    assert not app.button(key="im_confirm").disabled
    app.button(key="im_confirm").click()
    app.run()
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert con.execute(QUERY).fetchall()[0][:2] == ("Đề án dệt thổ cẩm Hương Khê", "dao_tao_nghe")
    finally:
        con.close()


@pytest.mark.parametrize("value", ["[bấm vào đây](http://evil.example)", "**đậm** _nghiêng_ `mã` # tiêu đề", "<b>x</b>",
                                   "C:\\tệp\\*.xlsx"])
def test_a_files_own_text_is_shown_literally(value):
    """The page shows a workbook's values in Markdown; a value must not become a link, bold text or a heading."""
    import re

    from khuyencong.i18n.markdown import escape_markdown

    shown = escape_markdown(value)
    assert re.search(r"(?<!\\)[\[\]()*_`<>#]", shown.replace("\\\\", "")) is None  # every special character escaped
    assert re.sub(r"\\(.)", r"\1", shown).replace("\u2060", "") == value  # nothing else changed (a URL is unlinked)
    unknown = types.SimpleNamespace(list_name="activity", value=value, sheet="Danh muc", column="Nội dung")
    assert shown in importing.unknown_line(unknown, "vi")
