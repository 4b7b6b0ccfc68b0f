"""The map in a real browser: a click on a province filters the dashboard to it (the URL gets area=…, the page names
the province, a link opens its profile), and no map asks cdn.plot.ly for its base map."""

import re

import pytest
from browser_state import open_tab, runs, steady_point, wait_idle
from conftest import ROOT, serve_dashboard
from playwright.sync_api import expect

OUTPUT = ROOT / "test-output" / "screenshots"
pytestmark = [pytest.mark.chromium, pytest.mark.slow]

# A point inside the shape of one unit, in viewport pixels: Plotly gives each shape's path its location as data.
INSIDE = """(unit) => {
  const path = [...document.querySelectorAll('path.choroplethlocation')]
    .find((p) => p.__data__ && p.__data__.loc === unit);
  if (!path) return null;
  const box = path.getBBox(), svg = path.ownerSVGElement, matrix = path.getScreenCTM();
  for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
    const point = svg.createSVGPoint();
    point.x = box.x + box.width * i / 24; point.y = box.y + box.height * j / 24;
    if (path.isPointInFill(point)) { const s = point.matrixTransform(matrix); return [s.x, s.y]; }
  }
  return null;
}"""


def click_map_area(browser, url: str, unit: str, requests: list | None = None):
    """A page at `url` after a click inside `unit` on its map and the filter's rerun (requests: every URL asked)."""
    page = open_tab(browser, viewport={"width": 1440, "height": 1000})
    if requests is not None:
        page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="domcontentloaded", timeout=60000)
    wait_idle(page)
    page.wait_for_selector("path.choroplethlocation", timeout=60000)
    page.locator(".geo").first.scroll_into_view_if_needed()
    point = steady_point(page, INSIDE, unit)
    before = runs(page)
    page.mouse.click(*point)
    page.wait_for_url(f"**area={unit}**", timeout=30000)
    wait_idle(page, after=before)
    return page


@pytest.fixture(scope="module")
def server(real_only_db_path):
    with serve_dashboard(real_only_db_path) as base:
        yield base


@pytest.mark.parametrize(("path", "unit", "name", "profile"), [
    ("", "nghe-an", "Nghệ An", "Hồ sơ Nghệ An"),
    ("compare?lang=en", "lam-dong", "Lâm Đồng", "Profile of Lâm Đồng"),
])
def test_a_click_on_a_province_filters_the_dashboard_to_it(server, browser, path, unit, name, profile):
    requests: list[str] = []
    page = click_map_area(browser, f"{server}/{path}", unit, requests)
    # The area filter holds that province alone (the URL and the sidebar's area picker say so).
    assert re.search(rf"[?&]area={unit}(&|$)", page.url)
    expect(page.locator(".st-key-f_areas")).to_contain_text(name, timeout=30000)
    link = page.get_by_role("link", name=profile)
    expect(link).to_have_attribute("href", f"profile?area={unit}" + ("&lang=en" if "lang=en" in path else ""))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"map_click_{unit}.png"))
    assert not [r for r in requests if "cdn.plot.ly" in r]
    assert any(r.endswith("app/static/topojson/world_110m.json") for r in requests)
    page.close()


def test_a_click_on_a_province_without_any_figure_filters_to_it_and_says_not_reported(server, browser):
    """Every province is a filter choice (its page says 'không có số liệu', never 0), the ones no document covers
    too: a click on Lai Châu (its only figures are left out: no last year) filters the dashboard to Lai Châu."""
    page = click_map_area(browser, f"{server}/?area=nghe-an", "lai-chau")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text("Lai Châu · 2002–2025", timeout=30000)
    total = page.locator("[data-testid='stMetric']").filter(has_text="Tổng kinh phí khuyến công").first
    expect(total).to_contain_text("không có số liệu")
    page.close()
