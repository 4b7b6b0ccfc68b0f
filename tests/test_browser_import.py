"""The Import page in a real browser: check a report workbook, see what was understood, map its unknown activity to
the suggested entry, load it, and find the rows in the database."""

import shutil

import duckdb
import pytest
from browser_state import submit_and_wait, wait_idle
from conftest import BROWSER_ARGS, serve_dashboard
from playwright.sync_api import expect
from test_browser import OUTPUT, open_page
from test_value_mappings import QUERY, UNKNOWN, report_with_unknown_activity

from khuyencong.i18n.labels import t
from khuyencong.render.browser import find_chromium

pytestmark = [pytest.mark.chromium, pytest.mark.slow]
PASSWORD = "Mật-khẩu thử 9!"


def test_check_understand_map_and_load(demo_db_path, tmp_path):
    from playwright.sync_api import sync_playwright

    db_path = tmp_path / "data" / "kc.duckdb"
    db_path.parent.mkdir()
    shutil.copy(demo_db_path, db_path)
    workbook = tmp_path / "ha-tinh-2019.xlsx"
    workbook.write_bytes(report_with_unknown_activity())
    with serve_dashboard(db_path, env={"KC_ADMIN_PASSWORD": PASSWORD}) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=BROWSER_ARGS)
        page, errors = open_page(browser, f"{base}/import_data")
        page.locator("input[type='password']").fill(PASSWORD)
        submit_and_wait(page, page.get_by_role("button", name=t("import_data_unlock")).click)

        page.locator("input[type='file']").set_input_files(str(workbook))
        main = page.locator("[data-testid='stMain']")
        expect(main).to_contain_text(t("import_data_understood_header"), timeout=60000)
        wait_idle(page)
        expect(main).to_contain_text("dòng tiêu đề cột 7; dòng dữ liệu 8–9 (2 dòng)")
        expect(main).to_contain_text("Số thứ tự (bỏ qua)")  # column A's meaning, in the understood table
        expect(main).to_contain_text("địa phương «UBND TỈNH HÀ TĨNH»; năm 2019")
        expect(main).to_contain_text(f"«{UNKNOWN}»")
        choice = main.get_by_role("combobox", name=t("import_data_unknown_choose"))
        expect(choice).to_have_value("Đào tạo nghề, truyền nghề (gợi ý)")  # the suggestion, chosen already
        expect(page.get_by_role("button", name=t("import_data_confirm"))).to_be_disabled()
        OUTPUT.mkdir(parents=True, exist_ok=True)
        main.get_by_text(t("import_data_unknown_header"), exact=True).scroll_into_view_if_needed()
        page.screenshot(path=str(OUTPUT / "import_understood_vi.png"))

        page.get_by_role("button", name=t("import_data_unknown_remember")).click()
        expect(main).to_contain_text("Đã ghi nhớ", timeout=60000)
        wait_idle(page)
        confirm = page.get_by_role("button", name=t("import_data_confirm"))
        expect(confirm).to_be_enabled()
        confirm.click()
        expect(main).to_contain_text("Đã nạp 1 tệp", timeout=60000)
        assert page.locator("[data-testid='stException']").count() == 0
        assert errors == []
        browser.close()

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert con.execute(QUERY).fetchall()[0][:2] == ("Đề án dệt thổ cẩm Hương Khê", "dao_tao_nghe")
    finally:
        con.close()
