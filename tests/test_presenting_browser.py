"""Presentation mode on a 1920×1080 projector, measured in Chromium from the element boxes and the computed styles
(issue 16): the chart fills the screen left by the controls, its tick labels, axis titles and the labels on the
marks are ≥ 20 px and the legend ≥ 18 px, and no axis title overlaps the tick labels of its axis."""

import pytest
from browser_state import open_tab
from conftest import ROOT, serve_dashboard

OUTPUT = ROOT / "test-output" / "screenshots"
pytestmark = [pytest.mark.chromium, pytest.mark.slow]
WIDTH, HEIGHT = 1920, 1080

# Boxes and font sizes of the presented chart's SVG text, by role, and of the stage and the controls under it.
MEASURE = """() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const texts = (selector) => [...document.querySelectorAll('.js-plotly-plot ' + selector)]
    .filter((e) => e.textContent.trim() && e.getBoundingClientRect().width > 0)
    .map((e) => ({text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize), ...box(e)}));
  const buttons = [...document.querySelectorAll('[data-testid="stMain"] button')].map(box);
  return {
    chart: box(document.querySelector('[data-testid="stPlotlyChart"]')),
    container: box(document.querySelector('.block-container')),
    controls_bottom: Math.max(...buttons.map((b) => b.y + b.h)),
    xticks: texts('g.xtick text'), yticks: texts('g.ytick text'),
    xtitle: texts('text.xtitle'), ytitle: texts('text.ytitle'),
    values: texts('g.points text'), legend: texts('g.legend text.legendtext'),
  };
}"""


def overlaps(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


@pytest.fixture(scope="module")
def server(real_only_db_path):
    with serve_dashboard(real_only_db_path) as base:
        yield base


# Nghệ An's Trends charts: 1 stacked bars with a legend; 3 the change on the year before, its labels on the bars;
# 4 plan against executed, horizontal bars with labels and a title on each axis.
@pytest.mark.parametrize(("lang", "slide"), [("vi", 1), ("vi", 3), ("en", 3), ("en", 4)])
def test_the_presented_chart_fills_the_screen_in_type_read_from_the_back_of_the_hall(server, browser, lang, slide):
    page = open_tab(browser, f"{server}/trends?area=nghe-an&lang={lang}&present=1&slide={slide}",
                    viewport={"width": WIDTH, "height": HEIGHT})
    page.wait_for_selector(".js-plotly-plot g.xtick text", timeout=60000)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"presentation_trends-{slide}_{lang}_1920.png"))
    m = page.evaluate(MEASURE)
    page.close()

    assert m["controls_bottom"] <= HEIGHT  # previous, next and leave stay on the screen
    # The height left between the top of the page and the caption and buttons under the chart.
    available = HEIGHT - (m["controls_bottom"] - (m["chart"]["y"] + m["chart"]["h"])) - m["chart"]["y"]
    assert m["chart"]["h"] >= 0.85 * available and m["chart"]["h"] >= 0.8 * HEIGHT
    assert m["chart"]["w"] >= 0.85 * m["container"]["w"] and m["chart"]["w"] >= 0.85 * WIDTH

    ticks = m["xticks"] + m["yticks"]
    assert ticks and min(t["size"] for t in ticks) >= 20
    titles = m["xtitle"] + m["ytitle"]
    assert titles and min(t["size"] for t in titles) >= 20
    if slide in (3, 4):
        assert m["values"] and min(v["size"] for v in m["values"]) >= 20
    if slide == 1:
        assert m["legend"] and min(item["size"] for item in m["legend"]) >= 18
    for title, tick_labels in ((m["xtitle"], m["xticks"]), (m["ytitle"], m["yticks"])):
        for axis_title in title:
            clashes = [tick["text"] for tick in tick_labels if overlaps(axis_title, tick)]
            assert not clashes, f"{axis_title['text']!r} overlaps {clashes}"
