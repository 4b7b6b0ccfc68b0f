"""The article section of the Import page in a real browser: paste a paragraph with its article's URL, title and
publisher, accept two proposed figures (one after editing it), drop the third, load; the figures appear on the
province's profile with their sentence and their document, and a rebuild of the database keeps them."""

import pytest
from browser_state import act_and_wait, submit_and_wait, wait_idle
from conftest import private_copy, run_etl, serve_dashboard
from playwright.sync_api import expect
from test_browser import OUTPUT, open_page

from khuyencong.i18n.labels import t

pytestmark = [pytest.mark.chromium, pytest.mark.slow]
PASSWORD = "Mật-khẩu bài báo 5?"
PARAGRAPH = ("Năm 2022, Sở Công Thương tỉnh Nam Định được UBND tỉnh giao 3,2 tỷ đồng kinh phí khuyến công địa phương "
             "để thực hiện 18 đề án; kinh phí khuyến công quốc gia được phân bổ 900 triệu đồng. Năm 2023, tỉnh dự "
             "kiến bố trí 4 tỷ đồng cho hoạt động khuyến công.")
SENTENCE = PARAGRAPH.split(". ")[0] + "."
URL = "https://congthuong.example/nam-dinh-khuyen-cong-2022"
TITLE = "Nam Định: 3,2 tỷ đồng khuyến công địa phương năm 2022"


def profile_cells(page, base: str) -> list[str]:
    """The text of the cells the Nam Định profile's figures table draws (its first columns: years to the quote),
    once the page also names the figures' document under the table."""
    page.goto(f"{base}/profile?area=nam-dinh", wait_until="domcontentloaded", timeout=60000)
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(f"{TITLE} (Báo Công Thương)", timeout=60000)  # the document, under the table
    grid = page.locator("[data-testid='stDataFrame']").first
    expect(grid.locator("[role='gridcell']").filter(has_text=SENTENCE).first).to_be_attached(timeout=60000)
    return grid.locator("[role='gridcell']").all_inner_texts()


def test_paste_accept_edit_drop_load_then_the_profile_and_a_rebuild(real_only_db_path, tmp_path, browser):
    db = private_copy(real_only_db_path, tmp_path)
    with serve_dashboard(db, env={"KC_ADMIN_PASSWORD": PASSWORD}) as base:
        page, errors = open_page(browser, f"{base}/import_data")
        page.locator("input[type='password']").fill(PASSWORD)
        submit_and_wait(page, page.get_by_role("button", name=t("import_data_unlock")).click)
        main = page.locator("[data-testid='stMain']")
        main.get_by_role("textbox", name=t("article_text"), exact=True).fill(PARAGRAPH)
        main.get_by_role("textbox", name=t("article_url"), exact=True).fill(URL)
        main.get_by_role("textbox", name=t("article_title"), exact=True).fill(TITLE)
        main.get_by_role("textbox", name=t("article_publisher"), exact=True).fill("Báo Công Thương")
        act_and_wait(page, main.get_by_role("button", name=t("article_read")).click)
        expect(main).to_contain_text("3 số liệu đề xuất.", timeout=60000)

        figures = [page.locator(f".st-key-art_1_{index}_box") for index in range(3)]
        expect(figures[0]).to_contain_text("3,2 tỷ đồng")
        expect(figures[2]).to_contain_text(t("extract_q_source_siblings").split(":")[0])  # asked, not guessed
        figures[0].get_by_text(t("article_accept"), exact=True).click()   # may be chosen already: no rerun then
        expect(figures[0].get_by_role("radio", name=t("article_accept"))).to_be_checked()
        qualifier = figures[1].get_by_role("combobox", name=t("article_field_qualifier"))  # edited: "hơn 900 triệu"
        qualifier.click()
        qualifier.press("ArrowDown")
        act_and_wait(page, page.get_by_role("option", name="Số tối thiểu (hơn)").click)
        figures[1].get_by_text(t("article_accept"), exact=True).click()
        expect(figures[1].get_by_role("radio", name=t("article_accept"))).to_be_checked()
        figures[2].get_by_text(t("article_drop"), exact=True).click()
        expect(figures[2].get_by_role("radio", name=t("article_drop"))).to_be_checked()
        wait_idle(page)
        OUTPUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT / "import_article_vi.png"), full_page=True)
        main.get_by_role("button", name=t("article_load")).click()
        expect(main).to_contain_text(t("article_loaded", count=2, title=TITLE), timeout=60000)

        cells = profile_cells(page, base)
        assert SENTENCE in cells
        assert {"3,2 tỷ đồng", "> 900 triệu đồng"} <= set(cells), cells
        assert "4 tỷ đồng" not in cells  # dropped

        built = run_etl("build", "--db", str(db), "--no-demo")
        assert built.returncode == 0, built.stderr
        after = profile_cells(page, base)
        assert SENTENCE in after and {"3,2 tỷ đồng", "> 900 triệu đồng"} <= set(after)
        assert page.locator("[data-testid='stException']").count() == 0
        assert errors == []
        page.close()
