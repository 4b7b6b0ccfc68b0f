"""Clicks in a real browser (issue 16): a click on the 2007 bar of Nghệ An's funding chart makes 2007 the year
filter (the URL says years=2007-2007), and the panel of source rows then shows the Báo Công Thương article and the
figure as it wrote it; a click on a filter chip removes that filter from the view and the URL."""

import re

import pytest
from browser_state import hover, open_tab, runs, steady_point, wait_idle
from conftest import ROOT, serve_dashboard
from playwright.sync_api import expect

OUTPUT = ROOT / "test-output" / "screenshots"
pytestmark = [pytest.mark.chromium, pytest.mark.slow]

# The centre of the bar drawn for `year`, in viewport pixels: Plotly keeps each bar's point as data on its path.
BAR = """(year) => {
  const path = [...document.querySelectorAll('.js-plotly-plot .bars .point path')]
    .find((p) => p.__data__ && (p.__data__.p === year || p.__data__.x === year));
  if (!path) return null;
  const box = path.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2];
}"""


@pytest.fixture(scope="module")
def server(real_only_db_path):
    with serve_dashboard(real_only_db_path) as base:
        yield base


@pytest.mark.parametrize(("lang", "button"), [("vi", "Số liệu gốc và tài liệu"), ("en", "Source rows and documents")])
def test_a_click_on_a_bar_filters_the_year_and_the_panel_cites_the_article(server, browser, lang, button):
    page = open_tab(browser, f"{server}/trends?area=nghe-an&lang={lang}", viewport={"width": 1440, "height": 1000})
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    point = steady_point(page, BAR, 2007)
    hover(page, point)
    before = runs(page)
    page.mouse.click(*point)
    page.wait_for_url("**years=2007-2007**", timeout=30000)
    wait_idle(page, after=before)
    assert re.search(r"[?&]years=2007-2007(&|$)", page.url) and "area=nghe-an" in page.url
    page.get_by_role("button", name=button).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=30000)
    expect(dialog.locator("[role=gridcell]").first).to_be_attached(timeout=30000)  # the grid has drawn its rows
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"provenance_nghe-an-2007_{lang}.png"))
    grid = dialog.locator("[data-testid='stDataFrame']")
    expect(grid).to_have_count(1)
    text = dialog.inner_text() + " " + " ".join(
        page.evaluate("(el) => [...el.querySelectorAll('[role=gridcell], [role=columnheader]')]"
                      ".map((c) => c.textContent)", grid.element_handle()))
    assert "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công" in text
    assert "Báo Công Thương" in text
    assert "4 tỷ đồng/năm" in text  # the figure as the article wrote it
    page.close()


def test_a_click_on_a_filter_chip_removes_that_filter(server, browser):
    page = open_tab(browser, f"{server}/trends?area=nghe-an,ha-tinh&years=2007-2018&source=local",
                    viewport={"width": 1440, "height": 1000})
    chips = page.locator("[data-testid='stButtonGroup']").first
    expect(chips).to_contain_text("Hà Tĩnh", timeout=30000)
    before = runs(page)
    chips.get_by_text("Hà Tĩnh").click()
    page.wait_for_url(lambda url: "ha-tinh" not in url, timeout=30000)
    wait_idle(page, after=before)
    assert "area=nghe-an" in page.url and "years=2007-2018" in page.url
    before = runs(page)
    page.locator("[data-testid='stButtonGroup']").first.get_by_text("2007–2018").click()
    page.wait_for_url(lambda url: "years=" not in url, timeout=30000)
    wait_idle(page, after=before)
    expect(page.locator("[data-testid='stButtonGroup']").first).not_to_contain_text("Hà Tĩnh")
    assert "area=nghe-an" in page.url and "source=local" in page.url
    page.close()
