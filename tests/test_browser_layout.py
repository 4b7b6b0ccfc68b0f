"""Screens measured, not eyeballed (issues 16 and 27): on every page, at 1440×900, 1920×1080 and 390×844, in Vietnamese
and English, no chart text overlaps another or is cut by its chart's frame, no key figure, label or chip is cut short
with "…", no toolbar (a chart's, a table's) covers a legend or a line of text, no heading or paragraph runs off the
screen (boxes from the browser's layout); and every table header fits the width its column is given (the text
measured in the browser's font against the page's column settings)."""

import json

import pytest
from browser_state import open_tab, wait_idle
from conftest import run_page, serve_dashboard

pytestmark = [pytest.mark.chromium, pytest.mark.slow]

VIEWPORTS = [(1440, 900), (1920, 1080), (390, 844)]
# The illustrative data gives every page its fullest content: more charts, longer legends, every table.
# Every page; and the real figures alone where a province has few years far apart (Bắc Giang: "2005, 2009,
# 2011–2020, 2023") and long source names stand in the filter's chips.
PAGES = ["?demo=1", "trends?demo=1", "outcomes?demo=1", "plan_actual?demo=1", "compare?demo=1",
         "profile?area=nghe-an&demo=1", "data?area=nghe-an&demo=1", "sources?demo=1", "import_data?demo=1",
         "?area=bac-giang", "trends?area=bac-giang", "profile?area=bac-giang", "data?area=bac-giang",
         "compare?kind=allocated", "sources?area=bac-giang"]

# Every problem on the page as a sentence. A chart text counts when shown (not display:none, e.g. the labels a phone
# hides); 1,5 px of touching is not an overlap. Text inside a horizontally scrolling box (a wide table) is not off
# screen: it is a scroll away.
MEASURE = """() => {
  const problems = [];
  const shown = (el) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1.5
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1.5;
  document.querySelectorAll('.js-plotly-plot').forEach((plot, index) => {
    const frame = plot.getBoundingClientRect();
    const boxes = [...plot.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && shown(t) && !t.closest('.hoverlayer'))
      .map((t) => [t.textContent, t.getBoundingClientRect(), t]);
    const out = (r, f) => r.left < f.left - 1 || r.right > f.right + 1 || r.top < f.top - 1 || r.bottom > f.bottom + 1;
    for (const [text, r, element] of boxes) {
      if (out(r, frame)) problems.push(`chart ${index}: "${text}" cut by the frame`);
      // a map's labels are clipped to the map's own box, inside the chart
      const map = element.closest('.geo') && element.closest('.geo').querySelector('.bg');
      if (map && out(r, map.getBoundingClientRect())) problems.push(`chart ${index}: "${text}" cut by the map's box`);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (hit(boxes[i][1], boxes[j][1])) problems.push(`chart ${index}: "${boxes[i][0]}" over "${boxes[j][0]}"`);
  });
  document.querySelectorAll('[data-testid=stMetric]').forEach((metric) => {
    if ([...metric.querySelectorAll('*')].some((el) => el.scrollWidth > el.clientWidth + 1
        && getComputedStyle(el).overflowX !== 'visible'))
      problems.push(`key figure cut: "${metric.innerText.replace(/\\s+/g, ' ')}"`);
  });
  // Text cut short with "…" or hidden overflow (a toggle's label, a chip in the filter, a key figure): in the page
  // and in the sidebar when it is open; a box that scrolls shows the rest a scroll away.
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  const open = sidebar && sidebar.getBoundingClientRect().right > 0;  // closed: moved out of the screen
  document.querySelectorAll('[data-testid=stMain] *, [data-testid=stSidebar] *').forEach((el) => {
    if (el.children.length || !el.textContent.trim() || !shown(el) || !el.checkVisibility()) return;
    if (!open && sidebar.contains(el)) return;
    for (let box = el; box && !box.matches('[data-testid=stElementContainer]'); box = box.parentElement) {
      const s = getComputedStyle(box);
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') return;
      if ((s.textOverflow === 'ellipsis' || s.overflowX === 'hidden') && box.clientWidth > 0
          && box.scrollWidth > box.clientWidth + 1) {
        problems.push(`cut: "${el.textContent.slice(0, 60)}"`);
        return;
      }
    }
  });
  // Toolbars: Plotly's over its chart's legend, a table's over the lines of text around it (each shows on a tap).
  document.querySelectorAll('.js-plotly-plot').forEach((plot, index) => {
    const bar = plot.querySelector('.modebar-container'), legend = plot.querySelector('.legend');
    if (bar && legend && shown(bar) && hit(bar.getBoundingClientRect(), legend.getBoundingClientRect()))
      problems.push(`chart ${index}: its toolbar over its legend`);
  });
  const lines = [...document.querySelectorAll('[data-testid=stMain] :is(h1, h2, h3, p)')]
    .filter((el) => shown(el) && el.checkVisibility()).map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return [el, [...range.getClientRects()]];
    });
  document.querySelectorAll('[data-testid=stElementToolbar]').forEach((bar) => {
    if (!bar.parentElement.checkVisibility()) return;  // a table in a closed expander
    const box = bar.getBoundingClientRect();
    const under = lines.find(([el, rects]) => !bar.parentElement.contains(el) && rects.some((r) => hit(box, r)));
    if (under) problems.push(`a table's toolbar over "${under[0].textContent.slice(0, 60)}"`);
  });
  const width = document.documentElement.clientWidth;
  document.querySelectorAll('[data-testid=stMain] :is(h1, h2, h3, p, [data-testid=stMetric])').forEach((el) => {
    if (!shown(el) || el.getBoundingClientRect().right <= width + 1) return;
    for (let box = el.parentElement; box; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && box.getBoundingClientRect().right <= width + 1) return;
    }
    problems.push(`off screen: "${el.textContent.slice(0, 60)}"`);
  });
  return problems;
}"""


@pytest.fixture(scope="module")
def server(demo_db_path):
    with serve_dashboard(demo_db_path) as base:
        yield base


# Every box a measure reads, as one string: the same twice 100 ms apart means the layout has settled after a resize.
LAYOUT = """() => JSON.stringify([...document.querySelectorAll(
  '[data-testid=stMain] .main-svg, [data-testid=stMain] :is(h1, h2, h3, p, [data-testid=stMetric])')].map(
  (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }))"""


def resize_and_settle(page, width: int, height: int) -> None:
    """The same page at another window size, once Plotly has redrawn every chart to it and nothing moves."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_function(f"""() => {{
      const now = ({LAYOUT})();
      const same = window.__kcLayout === now && window.innerWidth === {width};
      window.__kcLayout = now;
      return same;
    }}""", timeout=60000, polling=100)


# A desktop screen is measured at both sizes in one load (the window made wider: the sidebar stays open, as it opens
# on a desktop); a phone is loaded at its own size (Streamlit closes the sidebar on a narrow screen when it loads).
SCREENS = {"desktop": VIEWPORTS[:2], "phone": VIEWPORTS[2:]}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_text_overlaps_or_is_cut(server, browser, screen, lang):
    (width, height), *wider = SCREENS[screen]
    page = open_tab(browser, viewport={"width": width, "height": height})
    found, charts = [], 0
    for path in PAGES:
        page.goto(f"{server}/{path}&lang={lang}", wait_until="domcontentloaded", timeout=60000)
        wait_idle(page)
        charts += page.locator(".js-plotly-plot").count()
        found += [f"{path} at {width}×{height}: {problem}" for problem in page.evaluate(MEASURE)]
        for other_width, other_height in wider:
            resize_and_settle(page, other_width, other_height)
            found += [f"{path} at {other_width}×{other_height}: {problem}" for problem in page.evaluate(MEASURE)]
        if wider:
            page.set_viewport_size({"width": width, "height": height})
    page.close()
    assert charts >= 15  # the measure ran over the pages' charts, not over pages still loading
    assert found == []


# Streamlit's named column widths, in pixels.
NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}
DATA_TABLES = ["allocations", "periods", "projects", "outcomes"]
HEADER_PAD = 2 * 8  # the grid's padding either side of a header


def fixed_headers(db_path, lang: str) -> dict[str, int]:
    """Every table header of the pages that its column gives a fixed width, with the pixels it has for its text."""
    headers = {}

    def collect(app) -> None:
        for frame in app.dataframe:
            for name, config in (json.loads(frame.proto.columns) if frame.proto.columns else {}).items():
                width = NAMED_WIDTHS.get(config.get("width"), config.get("width"))
                if isinstance(width, int) and not config.get("hidden"):
                    headers[config.get("label") or name] = width - HEADER_PAD

    for page in ("pages/trends.py", "pages/plan_actual.py", "pages/compare.py", "pages/profile.py",
                 "pages/sources.py"):
        collect(run_page(db_path, page, lang=lang, demo="1", area="nghe-an"))
    data = run_page(db_path, "pages/data.py", lang=lang, demo="1", area="nghe-an")
    for table in DATA_TABLES:
        collect(data.segmented_control(key="dx_table").set_value(table).run())
    return headers


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_table_headers_fit_their_columns(server, demo_db_path, browser, lang):
    headers = fixed_headers(demo_db_path, lang)
    assert len(headers) >= 10
    page = open_tab(browser, f"{server}/data?area=nghe-an&lang={lang}")
    # The grid draws its headers in the app's own face, semibold at 14 px; a canvas on the page measures it.
    needed = page.evaluate("""(labels) => {
      const context = document.createElement('canvas').getContext('2d');
      context.font = `600 14px ${getComputedStyle(document.body).fontFamily}`;
      return labels.map((label) => Math.ceil(context.measureText(label).width));
    }""", list(headers))
    page.close()
    cut = {label: (need, headers[label]) for label, need in zip(headers, needed) if need > headers[label]}
    assert cut == {}
