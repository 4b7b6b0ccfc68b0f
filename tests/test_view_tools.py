"""The sidebar's link to the view and its glossary, on every page, in both languages."""

import pytest
from conftest import run_page

from khuyencong.ui.navigation import PAGES
from khuyencong.ui.view_tools import GLOSSARY, view_link

TERMS = {"vi": ["Phân bổ", "Giải ngân", "Quyết toán", "Tổng giai đoạn", "Số ghi gần đúng", "Đối ứng", "Cùng kỳ",
                "Lũy kế"],
         "en": ["Allocated", "Disbursed", "Settled", "Period total", "Rough figure", "Counterpart capital",
                "Same period last year", "Cumulative"]}


@pytest.mark.parametrize(("base", "params", "link"), [
    ("http://localhost:8501/trends", {"area": ["nghe-an"], "years": ["2007-2016"]},
     "http://localhost:8501/trends?area=nghe-an&years=2007-2016"),
    ("http://x/", {"area": ["nghe-an,ha-tinh"], "lang": ["en"]}, "http://x/?area=nghe-an%2Cha-tinh&lang=en"),
    ("http://x/", {}, "http://x/"),
    (None, {"year": ["2007"]}, "?year=2007"),
])
def test_the_link_holds_the_page_and_every_parameter(base, params, link):
    assert view_link(base, params) == link


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", [p.file for p in PAGES if p.url_path in (None, "data", "compare")])
def test_every_page_offers_the_link_and_the_glossary(demo_db_path, page, lang):
    app = run_page(demo_db_path, page, lang=lang, area="nghe-an", years="2007-2016", demo="1")
    assert not app.exception
    expanders = {e.label: e for e in app.sidebar.expander}
    link = expanders[{"vi": "Liên kết tới trang này", "en": "Link to this view"}[lang]]
    code = link.code[0].value
    for param in ("area=nghe-an", "years=2007-2016", "demo=1", f"lang={lang}" if lang == "en" else "area="):
        assert param in code
    glossary = expanders[{"vi": "Thuật ngữ", "en": "Glossary"}[lang]].markdown[0].value
    lines = glossary.splitlines()
    assert len(lines) == len(GLOSSARY) == len(TERMS[lang])
    for line, word in zip(lines, TERMS[lang]):
        term, definition = line.split("**")[1], line.split("**: ")[1]
        assert term.startswith(word) and len(definition) > 30   # each term named and defined
