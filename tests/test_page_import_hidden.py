"""The Import page and hidden rows (issue 26): a workbook whose hidden row holds a struck project is refused by the
real check (the page's worker), naming the row; ticking "Đọc cả dòng, cột, sheet ẩn" checks it again with the hidden
row read, and the model the page shows lists the rows left out and where the table ends."""

import sys
from pathlib import Path

import pytest
from conftest import as_shown

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_classes import PROJECT_HEAD, Sheet, book  # noqa: E402
from test_page_import import PASSWORD, XLSX, unlocked  # noqa: E402

from khuyencong.i18n.labels import t  # noqa: E402

ROWS = [["UBND TỈNH HÀ TĨNH"], ["DANH MỤC ĐỀ ÁN KHUYẾN CÔNG NĂM 2019"], ["Đơn vị tính: triệu đồng"], PROJECT_HEAD,
        [1, "Hỗ trợ máy sấy chè", 450, 900], [2, "Đề án bổ sung", 300, None], ["Tổng cộng", None, 750, 900],
        [], ["Ghi chú: đề án 2 bổ sung tháng 7"]]


@pytest.fixture()
def with_password(monkeypatch, browser_cookies) -> dict[str, str]:
    """KC_ADMIN_PASSWORD set; the browser's cookies, which the sign-in fills."""
    monkeypatch.setenv("KC_ADMIN_PASSWORD", PASSWORD)
    return browser_cookies


@pytest.fixture(scope="module")
def hidden_row_workbook() -> bytes:
    return book(Sheet("Danh muc", ROWS, hidden_rows=(6,)))


def problems(app, lang="vi") -> list[tuple]:
    """(row, severity, reason) of every problem the page lists; none when it shows no problem table."""
    reason = t("import_data_col_reason", lang)
    frame = next((f.value for f in app.dataframe if reason in f.value.columns), None)
    if frame is None:
        return []
    return list(zip(frame[t("import_data_col_row", lang)], frame[t("import_data_col_severity", lang)],
                    frame[reason]))


def test_a_hidden_row_is_refused_then_read_when_the_box_is_ticked(demo_db_path, with_password, hidden_row_workbook):
    app = unlocked(demo_db_path, with_password)
    app.file_uploader[0].set_value(("ha-tinh-2019.xlsx", hidden_row_workbook, XLSX))
    app.run()
    assert not app.exception
    error = t("import_data_severity_error", "vi")
    assert [(row, severity, reason) for row, severity, reason in problems(app)] == [
        (6, error, t("etl_hidden_row", "vi"))]
    assert app.button(key="im_confirm").disabled

    app.checkbox(key="im_include_hidden").check()
    app.run()
    assert not app.exception
    assert [p for p in problems(app) if p[1] == error] == []
    assert not app.button(key="im_confirm").disabled
    captions = "\n".join(as_shown(c.value) for c in app.caption)
    assert "9: ghi chú dưới bảng" in captions          # the note row, left out and said so
    assert "Bảng kết thúc ở dòng 7 (dòng tổng cộng)" in captions
