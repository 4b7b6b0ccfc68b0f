"""End to end in a real browser: `streamlit run dashboard.py` on a free port, Chromium driven by Playwright."""

import pytest
from browser_state import act_and_wait, open_tab, wait_idle
from conftest import ROOT, serve_dashboard
from playwright.sync_api import expect

OUTPUT = ROOT / "test-output" / "screenshots"

pytestmark = [pytest.mark.chromium, pytest.mark.slow]

# path -> (view, charts drawn). The default view (published figures only) of Nghệ An, except where the charts need
# figures no published document gives: Plan/actual's progress chart is the northern region's, and the Outcomes
# page's money charts need project amounts, which only the illustrative data has (demo=1).
PAGES = {"": ("area=nghe-an", 2), "trends": ("area=nghe-an", 4), "outcomes": ("area=nghe-an&demo=1", 3),
         "plan_actual": ("area=kv-phia-bac", 1), "compare": ("area=nghe-an", 3), "data": ("area=nghe-an", 0),
         "sources": ("area=nghe-an", 1)}


@pytest.fixture(scope="module")
def server(demo_db_path):
    with serve_dashboard(demo_db_path) as base:
        yield base


def is_streamlit_probe(url: str) -> bool:
    """Streamlit's own frontend asks /<page>/_stcore/health and host-config on a deep link and gets a 404 before it
    finds the server's root; that is Streamlit's probing, not an error of this app."""
    return "/_stcore/health" in url or "/_stcore/host-config" in url


def open_page(browser, url: str):
    """A tab at url, settled, and the list its errors are collected in."""
    page = open_tab(browser, viewport={"width": 1440, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(f"{message.text} ({message.location.get('url')})")
            if message.type == "error" and not is_streamlit_probe(message.location.get("url", "")) else None)
    page.goto(url, wait_until="domcontentloaded", timeout=60000)
    wait_idle(page)
    return page, errors


def assert_charts(page, expected: int) -> None:
    """Exactly `expected` charts, allowing a loaded machine time to draw them."""
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(expected, timeout=30000)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_draws_without_errors(server, browser, path, lang):
    view, charts = PAGES[path]
    page, errors = open_page(browser, f"{server}/{path}?{view}&lang={lang}")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"{path or 'overview'}_{lang}.png"), full_page=True)
    assert page.locator("[data-testid='stException']").count() == 0
    assert errors == []
    assert_charts(page, charts)
    page.close()


def test_key_figure_on_screen_and_a_copied_link_opens_the_same_view(server, browser):
    page, _ = open_page(browser, f"{server}/?area=nghe-an&years=2007-2016&source=local")
    expect(page.locator("[data-testid='stMain']")).to_contain_text("40 tỷ đồng", timeout=30000)
    copied = page.url
    page.close()
    again = open_tab(browser, copied)
    expect(again.locator("[data-testid='stMain']")).to_contain_text("40 tỷ đồng", timeout=30000)
    again.close()


def test_switching_language_changes_the_chart_and_the_url(server, browser):
    page, _ = open_page(browser, f"{server}/trends?area=nghe-an")
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_contain_text("Địa phương", timeout=30000)
    act_and_wait(page, page.get_by_text("English", exact=True).click)
    assert "lang=en" in page.url
    expect(page.locator("[data-testid='stPlotlyChart']").first).to_contain_text("Local", timeout=30000)
    page.close()


def test_presentation_mode_enter_and_leave(server, browser):
    page, _ = open_page(browser, f"{server}/trends?area=nghe-an&present=1&slide=1")
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert_charts(page, 1)  # slide 0 is the key figures; 1 the page's first chart
    act_and_wait(page, page.get_by_role("button", name="Thoát trình chiếu").click)
    assert "present" not in page.url and "area=nghe-an" in page.url
    assert page.locator("[data-testid='stSidebar']").is_visible()
    assert_charts(page, PAGES["trends"][1])
    page.close()


def test_xlsx_downloads_through_the_ui(server, browser, tmp_path):
    import openpyxl

    page, _ = open_page(browser, f"{server}/data?area=nghe-an&years=2007-2016")
    with page.expect_download(timeout=60000) as download:
        page.get_by_role("button", name="Excel – bảng này").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.startswith("khuyen-cong_nghe-an_2007-2016")
    workbook = openpyxl.load_workbook(path)
    assert "Thông tin" in workbook.sheetnames
    page.close()
