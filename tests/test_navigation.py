"""One smoke test per page of the navigation list, in both languages: the page runs through dashboard.py on the
published figures, shows its own title and a figure a reader would check against its document. The expected figure
is read from the bundled records (data/sources/*.csv) here, not from the app. A page added to
khuyencong/ui/navigation.py without a row in SMOKE fails test_every_page_has_a_smoke_row."""

import csv
from decimal import Decimal

import pytest
from conftest import ROOT, chart_data

from khuyencong.i18n.labels import t
from khuyencong.ui.navigation import PAGES


def records(table: str) -> list[dict]:
    with (ROOT / "data" / "sources" / f"{table}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def yearly(area: str, source: str, figure: str = "allocated") -> dict[int, Decimal]:
    """The area's yearly figures of one source and kind, in triệu đồng, as the documents give them."""
    return {int(r["year_from"]): Decimal(r["amount_mvnd"]) for r in records("allocation")
            if r["area_id"] == area and r["funding_source"] == source and r["figure"] == figure
            and r["year_from"] == r["year_to"]}


def bars(app, title_part: str, trace_name: str) -> dict[int, float]:
    """x → y of one trace of the chart whose title holds title_part."""
    chart = next(c for c in chart_data(app) if title_part in str((c["layout"].get("title") or {}).get("text")))
    trace = next(tr for tr in chart["data"] if tr.get("name") == trace_name)
    return dict(zip(trace["x"], trace["y"]))


def dataframe_with(app, column: str):
    return next(d.value for d in app.dataframe if column in d.value.columns)


LOCAL = {"vi": "Địa phương", "en": "Local"}
NGHE_AN_LOCAL = yearly("nghe-an", "local")   # Báo Công Thương, 09/08/2018: 2 tỷ a year 2002–2005 … 4,5 tỷ 2017–2018


def check_overview(app, lang):
    # the year chart's local bar of 2007: "giai đoạn 2007 – 2016 mỗi năm 4 tỷ đồng", in tỷ đồng
    shown = bars(app, {"vi": "theo năm", "en": "by year"}[lang], LOCAL[lang])
    assert shown[2007] == float(NGHE_AN_LOCAL[2007] / 1000) == 4.0


def check_trends(app, lang):
    # every reported year's local allocation on its own bar, none added or spread
    shown = bars(app, {"vi": "theo năm và nguồn", "en": "by year and source"}[lang], LOCAL[lang])
    assert {year: value for year, value in shown.items() if value} == {
        year: float(amount / 1000) for year, amount in NGHE_AN_LOCAL.items()}


def check_outcomes(app, lang):
    # the rows per activity add up to every row of Nghệ An the documents list (12 proposals of 2024, no money)
    listed = [r for r in records("project") if r["area_id"] == "nghe-an"]
    activity, count = {"vi": ("Nội dung", "Số đề án"), "en": ("Activity", "Projects")}[lang]
    table = next(d.value for d in app.dataframe if activity in d.value.columns and count in d.value.columns)
    assert sum(int(n) for n in table[count]) == len(listed) == 12


def check_plan_actual(app, lang):
    # Bắc Giang 2016–2020: target 38,35 tỷ central (VEN 17/09/2015) beside executed 6 tỷ central (VEN 12/03/2021)
    pairs = {(r["funding_source"], r["figure"]): Decimal(r["amount_mvnd"]) for r in records("allocation")
             if r["area_id"] == "bac-giang" and (r["year_from"], r["year_to"]) == ("2016", "2020")}
    text = " ".join(str(v) for d in app.dataframe for v in d.value.to_numpy().ravel()) + " ".join(
        str(v) for tb in app.table for v in tb.value.to_numpy().ravel())
    target, executed = pairs[("central", "target")] / 1000, pairs[("central", "executed")] / 1000
    written = {"vi": lambda x: f"{x:n}".replace(".", ","), "en": lambda x: f"{x:n}"}[lang]
    assert written(target) in text and written(executed) in text, (target, executed)


def check_compare(app, lang):
    # every province with a published whole-year allocation is a row of the comparison, Nghệ An among them (a
    # partial year or the national programme is no row)
    provinces = {r["area_id"] for r in records("allocation") if r["figure"] == "allocated"
                 and r["year_from"] == r["year_to"] and not r["partial_period"] and r["area_id"] != "toan-quoc"}
    table = next(tb.value for tb in app.table)
    assert "▶ Nghệ An" in list(table.index) and len(table) == len(provinces) == 7


def check_profile(app, lang):
    # the latest yearly figure of Nghệ An: 2018, 4,5 tỷ đồng ("giai đoạn 2017 – 2018, mỗi năm 4,5 tỷ đồng")
    latest = max(NGHE_AN_LOCAL)
    label = {"vi": f"({latest})", "en": f"({latest})"}[lang]
    value = {"vi": "4,5 tỷ đồng", "en": "VND 4.5 bn"}[lang]
    assert NGHE_AN_LOCAL[latest] == 4500
    # (⚑: the yearly local figures add up to 60 tỷ against the 53,7 tỷ the article states for 2002–2018)
    assert any(label in m.label and m.value.removesuffix(" ⚑") == value for m in app.metric), \
        [(m.label, m.value) for m in app.metric]


def check_data(app, lang):
    # one row per published money figure of Nghệ An, yearly and period totals alike
    rows = [r for r in records("allocation") if r["area_id"] == "nghe-an"]
    assert len(app.dataframe[0].value) == len(rows)


def check_import_data(app, lang):
    # the template can be downloaded by anyone; nothing can be uploaded before an operator signs in
    assert [b.proto.label for b in app.get("download_button")][0] == t("import_data_template_download", lang)
    assert app.get("file_uploader") == []


def check_sources(app, lang):
    # every source document of the real data is listed
    documents = [r for r in records("documents") if r.get("is_illustrative", "false").lower() != "true"]
    listed = dataframe_with(app, {"vi": "Tên tài liệu", "en": "Title"}[lang])
    assert len(listed) >= len(documents) - 5 and len(listed) > 50


# url_path → (query, check)
SMOKE = {
    None: ({"area": "nghe-an"}, check_overview),
    "trends": ({"area": "nghe-an"}, check_trends),
    "outcomes": ({"area": "nghe-an"}, check_outcomes),
    "plan_actual": ({"area": "bac-giang"}, check_plan_actual),
    "compare": ({"area": "nghe-an"}, check_compare),
    "profile": ({"area": "nghe-an"}, check_profile),
    "data": ({"area": "nghe-an"}, check_data),
    "import_data": ({}, check_import_data),
    "sources": ({"area": "nghe-an"}, check_sources),
}


def test_every_page_has_a_smoke_row():
    assert {p.url_path for p in PAGES} == set(SMOKE)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "overview")
def test_every_page_runs_shows_its_title_and_a_documented_figure(shown_page, real_only_db_path, page, lang):
    params, check = SMOKE[page.url_path]
    app = shown_page(real_only_db_path, None if page.url_path is None else page.file, lang=lang, **params)
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == t(page.label, lang)
    check(app, lang)
