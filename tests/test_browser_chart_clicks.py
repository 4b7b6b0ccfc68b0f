"""Click-to-filter beyond the year, in a real browser (issue 16): a click on an activity's bar in Outcomes makes it
the activity filter (activity= in the URL, a chip, the chart redrawn with that activity alone), then a click on a
sector's bar the sector filter; a click on a province's bar in Compare makes it the area filter (area=, a chip, its
bar marked as selected); a click on a map area offers that area's source rows and documents."""

import re

import pytest
from browser_state import hover, open_tab, runs, steady_point, wait_idle
from conftest import ROOT, serve_dashboard
from playwright.sync_api import expect
from test_browser_map import click_map_area

OUTPUT = ROOT / "test-output" / "screenshots"
pytestmark = [pytest.mark.chromium, pytest.mark.slow]

# The chart whose title (page text just above it on screen) holds `title`.
TITLED = """(title) => [...document.querySelectorAll('.js-plotly-plot')].find((plot) => {
  let box = plot.closest('[data-testid=stElementContainer]');
  for (let n = 0; box && n < 3; n++) {
    box = box.previousElementSibling;
    if (box && box.textContent.includes(title)) return true;
  }
  return false;
})"""
# The centre of the bar of chart `title` whose point carries `code` at customdata[position], in viewport pixels.
BAR = """([title, position, code]) => {
  const plot = (""" + TITLED + """)(title);
  if (!plot) return null;
  for (const path of plot.querySelectorAll('.bars .point path')) {
    const trace = path.closest('.trace'), i = path.__data__ && path.__data__.i;
    const data = trace && trace.__data__ && trace.__data__[0] && trace.__data__[0].trace.customdata;
    if (data && data[i] && data[i][position] === code) {
      path.scrollIntoView({block: 'center'});
      const box = path.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue;
      return [box.x + box.width / 2, box.y + box.height / 2];
    }
  }
  return null;
}"""
# The y labels of chart `title`: what the bars stand for, as drawn.
LABELS = """(title) => {
  const plot = (""" + TITLED + """)(title);
  // a label wrapped onto lines reads as one line of words
  const read = (t) => [...t.querySelectorAll('tspan.line')].map((l) => l.textContent).join(' ') || t.textContent;
  return plot ? [...plot.querySelectorAll('.ytick text')].map(read) : null;
}"""


@pytest.fixture(scope="module")
def server(demo_db_path):
    with serve_dashboard(demo_db_path) as base:
        yield base


def chips(page):
    return page.locator("[data-testid='stButtonGroup']").first


def click_bar(page, title: str, position: int, code: str) -> int:
    """Click the bar; returns the number of script runs before the click (wait_idle(page, after=it))."""
    wait_idle(page, after=runs(page) - 1)
    point = steady_point(page, BAR, [title, position, code])   # scrolled into view, laid out
    hover(page, point)
    before = runs(page)
    page.mouse.click(*point)
    return before


def test_a_click_on_an_activity_then_a_sector_bar_filters_to_them(server, browser):
    page = open_tab(browser, f"{server}/outcomes?demo=1", viewport={"width": 1440, "height": 1000})
    title = "theo nội dung khuyến công"
    page.wait_for_function(f"() => {{ const l = ({LABELS})({title!r}); return l && l.length > 3; }}", timeout=60000)
    before = page.evaluate(LABELS, title)
    assert "Hội chợ, triển lãm" in before and len(before) > 3
    before = click_bar(page, title, 2, "hoi_cho_trien_lam")
    page.wait_for_url("**activity=hoi_cho_trien_lam**", timeout=30000)
    wait_idle(page, after=before)
    assert re.search(r"[?&]activity=hoi_cho_trien_lam(&|$)", page.url) and "demo=1" in page.url
    expect(chips(page)).to_contain_text("Hội chợ, triển lãm", timeout=30000)
    page.wait_for_function(f"() => {{ const l = ({LABELS})({title!r}); return l && l.length === 1; }}",
                           timeout=30000)
    assert page.evaluate(LABELS, title) == ["Hội chợ, triển lãm"]  # the chart now shows that activity alone

    sectors = "theo ngành nghề"
    page.wait_for_function(f"() => ({LABELS})({sectors!r}) !== null", timeout=30000)
    sector_labels = page.evaluate(LABELS, sectors)
    assert "Dệt may, thêu ren, dệt thổ cẩm" in sector_labels and len(sector_labels) > 1
    before = click_bar(page, sectors, 2, "det_may")
    page.wait_for_url("**sector=det_may**", timeout=30000)
    wait_idle(page, after=before)
    assert "activity=hoi_cho_trien_lam" in page.url
    expect(chips(page)).to_contain_text("Dệt may, thêu ren, dệt thổ cẩm", timeout=30000)
    page.wait_for_function(f"() => {{ const l = ({LABELS})({sectors!r}); return l && l.length === 1; }}",
                           timeout=30000)
    assert page.evaluate(LABELS, sectors) == ["Dệt may, thêu ren, dệt thổ cẩm"]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "outcomes_click_activity_sector.png"))
    page.close()


@pytest.mark.parametrize(("title", "position"), [("Xếp hạng", 1), ("theo địa phương và nguồn", 2)])
def test_a_click_on_a_province_bar_in_compare_filters_to_it(server, browser, title, position):
    page = open_tab(browser, f"{server}/compare?demo=1", viewport={"width": 1440, "height": 1000})
    page.wait_for_function(f"() => ({LABELS})({title!r}) !== null", timeout=60000)
    assert not [label for label in page.evaluate(LABELS, title) if label.startswith("▶")]
    before = click_bar(page, title, position, "thanh-hoa")
    page.wait_for_url("**area=thanh-hoa**", timeout=30000)
    wait_idle(page, after=before)
    assert re.search(r"[?&]area=thanh-hoa(&|$)", page.url)
    expect(chips(page)).to_contain_text("Thanh Hóa", timeout=30000)
    # The chart now marks Thanh Hóa as the selected area among the others.
    page.wait_for_function(f"() => ({LABELS})({title!r}) !== null", timeout=30000)
    # (the funding chart labels each bar with the year it shows: "▶ Thanh Hóa (2025)")
    marked = [label for label in page.evaluate(LABELS, title) if label.startswith("▶")]
    assert [re.sub(r" \(\d{4}\)$", "", label) for label in marked] == ["▶ Thanh Hóa"]
    page.close()


def test_a_click_on_a_map_area_offers_its_source_rows(server, browser):
    page = click_map_area(browser, f"{server}/?demo=1", "nghe-an")
    expect(page.get_by_text("Số liệu và tài liệu của Nghệ An:")).to_be_visible(timeout=30000)
    page.locator(".st-key-overview_map_rows").get_by_role("button").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=30000)
    expect(dialog).to_contain_text("Nghệ An", timeout=30000)
    expect(dialog.locator("[role=gridcell]").first).to_be_attached(timeout=30000)  # the grid has drawn its rows
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "map_click_provenance_nghe-an.png"))
    page.close()


def test_a_click_on_a_funding_source_segment_filters_to_that_source(server, browser):
    """Plotly's legend click never reaches Streamlit: a funding source is picked by a click on its bar segment."""
    page = open_tab(browser, f"{server}/?area=nghe-an", viewport={"width": 1440, "height": 1000})
    assert "source=" not in page.url
    before = click_bar(page, "Kinh phí khuyến công theo năm", 2, "local")
    page.wait_for_url("**source=local**", timeout=30000)
    wait_idle(page, after=before)
    assert re.search(r"[?&]source=local(&|$)", page.url) and "area=nghe-an" in page.url
    expect(chips(page)).to_contain_text("Địa phương", timeout=30000)
    page.close()
