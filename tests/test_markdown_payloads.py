"""Text that came from data is shown as text on every page (issue 17, break 1).

A workbook whose file name and every text cell (source, note, project name, implementer, place) carry Markdown
payloads (an image on a listening address, a link, a javascript: link, Streamlit colour, bold) is loaded with the
real CLI; then every page is opened in Chromium on that province, in both languages. No request reaches the
listening address, no link or image is made from a payload, and no colour or bold either: the payload's own
characters are on the screen instead.
"""

import shutil

import pytest
from browser_state import open_tab, wait_idle
from conftest import ROOT, run_etl, serve_dashboard
from import_corpus import ALLOC_HEAD, OUTCOME_HEAD, PROJECT_HEAD, workbook

from khuyencong.ui.navigation import PAGES

pytestmark = [pytest.mark.chromium, pytest.mark.slow]

TRAP = "127.0.0.1:9"  # discard port: a request there is a payload that ran
PAYLOAD = f"![t](http://{TRAP}/track.png) :red[ĐỎ] **ĐẬM** [lnk](http://{TRAP}/x) <b>THẺ</b>"
FILE_NAME = "[x](javascript:alert(1)) :red[TỆP] ![i](tep-anh.png).xlsx"  # a name holds no "/"

MADE_FROM_PAYLOAD = """() => {
  const made = [];
  for (const img of document.querySelectorAll('img'))
    if (img.src.includes('127.0.0.1:9') || img.src.includes('tep-anh')) made.push('img ' + img.src);
  for (const a of document.querySelectorAll('a')) {
    const href = a.getAttribute('href') || '';
    if (href.includes('127.0.0.1:9') || href.startsWith('javascript:')) made.push('link ' + href);
  }
  for (const el of document.querySelectorAll('strong, b, em, span[style*="color"], [class*="Colored"]')) {
    const text = el.textContent.trim();
    if (['ĐẬM', 'THẺ', 'ĐỎ', 'TỆP'].includes(text)) made.push(el.tagName + ' ' + text);
  }
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    if (h.textContent.includes('ĐẬM') || h.textContent.includes('TỆP')) made.push('heading ' + h.textContent);
  return made;
}"""


@pytest.fixture(scope="module")
def hostile_db(real_only_db_path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("payloads") / "data"
    folder.mkdir()
    db = folder / "kc.duckdb"
    shutil.copyfile(real_only_db_path, db)
    book = workbook({
        "PhanBo": [ALLOC_HEAD, [1, "Cao Bằng", 2023, "Địa phương", "Dự toán", 1500, PAYLOAD, PAYLOAD]],
        "DeAn": [PROJECT_HEAD, [1, "Cao Bằng", 2023, PAYLOAD, PAYLOAD, PAYLOAD, "dao_tao_nghe", None, "Địa phương",
                                250, 200, None, "Hoàn thành", PAYLOAD]],
        "KetQua": [OUTCOME_HEAD, [1, "Cao Bằng", 2023, "Cả năm", None, None, "Cơ sở được hỗ trợ", 40, 42, 35,
                                  PAYLOAD]],
    })
    path = folder.parent / FILE_NAME
    path.write_bytes(book)
    loaded = run_etl("load", str(path), "--db", str(db))
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    return db


@pytest.fixture(scope="module")
def server(hostile_db):
    with serve_dashboard(hostile_db) as base:
        yield base


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page_path", [p.url_path or "" for p in PAGES if p.url_path != "import_data"])
def test_no_page_renders_markdown_from_data(server, browser, page_path, lang):
    page = open_tab(browser, viewport={"width": 1440, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if TRAP in request.url else None)
    page.goto(f"{server}/{page_path}?area=cao-bang&years=2023-2023&lang={lang}", wait_until="domcontentloaded",
              timeout=60000)
    wait_idle(page)
    expanders = page.locator("[data-testid='stExpander'] details")
    # One at a time, each seen open before the next (an opening one moves those below it under the mouse).
    for i in range(expanders.count()):
        details = expanders.nth(i)
        if not details.evaluate("(el) => el.open"):
            details.locator("summary").first.click()
            details.page.wait_for_function("(el) => el.open", arg=details.element_handle(), timeout=30000)
    made = page.evaluate(MADE_FROM_PAYLOAD)
    shown = page.inner_text("body")
    (ROOT / "test-output").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "test-output" / f"payloads_{page_path or 'overview'}_{lang}.png"),
                    full_page=True)
    page.close()
    assert requests == [] and made == [], (requests, made)
    if "ĐẬM" in shown:  # where the payload is shown, it is shown as typed
        assert "**ĐẬM**" in shown or "ĐẬM" not in shown.replace("**ĐẬM**", "")
