"""Every key figure on every page opens the rows and documents behind it in one click (issue 27): a real browser
clicks each figure's "Số liệu gốc" button on the Overview, Trends, a province's profile and Plan vs actual, and reads
the dialog; the Overview's total opens the Nghệ An article behind most of it, with a link to its stored copy (it has
no URL); the Trends chart's dialog lists exactly the allocations of its kind, not every kind; and the Overview's
first screen at 1440×900 holds a chart, with its sources collapsed as "Nguồn (n)", and "Trình chiếu" is on the
first screen of every page (it was below the sidebar's fold); a slide's footer is readable (≥ 19 px, not cut) and
carries a QR code of the view."""

import csv
import re

import pytest
from browser_state import act_and_wait, open_tab, wait_idle
from conftest import ROOT, serve_dashboard
from playwright.sync_api import expect

pytestmark = [pytest.mark.chromium, pytest.mark.slow]
SCREEN = {"width": 1440, "height": 900}
NGHE_AN = "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công"  # data/sources/documents.csv, no URL, a stored copy
ROWS = re.compile(r"([\d.]+) dòng số liệu của ([\d.]+) tài liệu")


def csv_rows(name: str) -> list[dict]:
    with (ROOT / "data" / "sources" / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def server(real_only_db_path):
    with serve_dashboard(real_only_db_path) as base:
        yield base


def open_dialog(page, button) -> None:
    """Click a figure's button and wait for its dialog and the run that fills it (the dialog is a fragment: its rerun
    may end before the page's run counter sees it start, so the dialog itself is what is waited for)."""
    button.click()
    expect(page.get_by_role("dialog")).to_be_visible(timeout=60000)
    wait_idle(page)


def dialog_text(page) -> str:
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=30000)
    grid = dialog.locator("[data-testid='stDataFrame']")
    if grid.count():
        expect(grid.locator("[role=gridcell]").first).to_be_attached(timeout=30000)
        cells = page.evaluate("(el) => [...el.querySelectorAll('[role=gridcell], [role=columnheader]')]"
                              ".map((c) => c.textContent)", grid.element_handle())
    else:
        cells = []
    return dialog.inner_text() + "\n" + "\n".join(cells)


def close_dialog(page) -> None:
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0, timeout=30000)


# (Plan vs actual shows key figures only where a project has money, which no published document gives: its page
# opens on a summary sentence; its figures' buttons are counted by the AppTest tests of test_source_links.)
@pytest.mark.parametrize("path", ["", "trends", "profile?area=nghe-an"])
def test_each_key_figure_opens_its_rows_in_one_click(server, browser, path):
    page = open_tab(browser, f"{server}/{path}", viewport=SCREEN)
    buttons = page.get_by_role("button", name="Số liệu gốc", exact=True)
    count = buttons.count()
    # Every metric but the time of the last load (a clock, not a figure of the data).
    metrics = page.locator("[data-testid='stMetric']").filter(has_not_text="Nạp dữ liệu lần cuối").count()
    assert count == metrics and count >= 3, (count, metrics)  # one button under every key figure
    for i in range(count):
        open_dialog(page, buttons.nth(i))
        text = dialog_text(page)
        found = ROWS.search(text)
        if found:  # the rows behind the figure, each with its document
            assert int(found.group(1).replace(".", "")) > 0
            assert "Tài liệu nguồn" in text and "Nguồn (" in text, text[:300]
        else:  # a figure with nothing behind it says so
            assert "Không có dòng số liệu nào nằm sau số này" in text, text[:300]
        close_dialog(page)
    page.close()


def test_the_overview_total_opens_the_nghe_an_article_and_its_stored_copy(server, browser):
    page = open_tab(browser, f"{server}/", viewport=SCREEN)
    total = page.locator("[data-testid='stMetric']", has_text="Tổng kinh phí khuyến công")
    button = page.locator("[data-testid='stColumn']", has=total).get_by_role("button", name="Số liệu gốc",
                                                                               exact=True)
    act_and_wait(page, button.first.click)
    text = dialog_text(page)
    assert NGHE_AN in text and "Báo Công Thương" in text and "2 tỷ đồng/năm" in text  # as the article wrote it
    # Allocations of the view's kind only (Phân bổ): the other kinds' words never appear as a row's figure.
    assert "Phân bổ" in text and "Đề xuất ·" not in text
    links = page.get_by_role("dialog").locator("a[href*='document?doc=bct-2018-08-09-nghe-an-70-ty']")
    expect(links.first).to_be_attached()
    page.close()


def test_the_trends_chart_lists_the_rows_of_its_kind_only(server, browser):
    # The chart's allocations: its kind (Phân bổ), without the parts of a year it names instead of drawing.
    allocated = [r for r in csv_rows("allocation.csv") if r["figure"] == "allocated" and not r["partial_period"]]
    every_kind = csv_rows("allocation.csv")
    assert len(allocated) < len(every_kind)  # the old dialog listed every kind
    page = open_tab(browser, f"{server}/trends", viewport=SCREEN)
    act_and_wait(page, page.get_by_role("button", name="Số liệu gốc và tài liệu").click)
    text = dialog_text(page)
    shown = re.search(r"([\d.]+) dòng số liệu kinh phí", text)
    assert shown and int(shown.group(1).replace(".", "")) == len(allocated), (shown, len(allocated))
    page.close()


def test_the_overview_first_screen_holds_a_chart_and_collapsed_sources(server, browser):
    page = open_tab(browser, f"{server}/", viewport=SCREEN)
    chart = page.locator("[data-testid='stPlotlyChart']").first
    box = chart.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN["height"], box  # the whole chart on screen 1
    assert page.get_by_text("Nguồn:", exact=False).count() == 0  # no paragraph of titles
    sources = page.locator("[data-testid='stExpander'] summary", has_text=re.compile(r"Nguồn \(\d+\)$"))
    assert sources.count() >= 2
    details = page.locator("[data-testid='stExpander'] summary", has_text="Chi tiết")
    expect(details.first).to_be_visible()
    assert page.locator("[data-testid='stAlertContentInfo']").count() == 0  # no blue caveat boxes
    page.close()


@pytest.mark.parametrize("path", ["", "trends", "data"])
def test_the_present_button_is_on_the_first_screen(server, browser, path):
    page = open_tab(browser, f"{server}/{path}", viewport=SCREEN)
    button = page.get_by_role("button", name="Trình chiếu")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= SCREEN["height"], box
    page.close()


def test_a_slide_has_a_readable_footer_and_a_qr_code_of_the_view(server, browser):
    page = open_tab(browser, f"{server}/trends?area=nghe-an&present=1&slide=1", viewport=SCREEN)
    note = page.locator(".kc-note")
    expect(note).to_be_visible()
    style = note.evaluate("(el) => { const s = getComputedStyle(el); return [parseFloat(s.fontSize), "
                          "el.scrollHeight <= el.clientHeight + 1, s.webkitLineClamp]; }")
    assert style[0] >= 19 and style[1] and style[2] in ("none", "", None), style
    assert "Nguồn (1): Báo Công Thương" in note.inner_text()
    qr = page.locator("img.kc-qr")
    expect(qr).to_be_visible()
    link = qr.get_attribute("alt")
    assert link.startswith(server + "/trends?") and "area=nghe-an" in link and "present" not in link, link
    for control in ("Trước", "Tiếp", "Thoát trình chiếu"):  # the controls under the slide, on the screen
        box = page.get_by_role("button", name=control).bounding_box()
        assert box is not None and box["y"] + box["height"] <= SCREEN["height"], (control, box)
    page.close()
