"""Sources a reader can open (issue 27): under every chart and table a collapsed "Nguồn (n)" list, each document a
link: its URL, or, where it has none, the Document page that shows its stored copy (Nghệ An's article behind most of
the money has no URL, its text is kept in data/sources/articles/); the Overview's notes as one sentence with "Chi
tiết", not a stack of boxes."""

import csv
from types import SimpleNamespace

import pytest
from conftest import ROOT, as_shown, run_page

from khuyencong.data.filters import parse_presentation
from khuyencong.ui.captions import document_link

NGHE_AN = "bct-2018-08-09-nghe-an-70-ty"
DOCUMENTS = {row["doc_id"]: row for row in csv.DictReader((ROOT / "data/sources/documents.csv").open(encoding="utf-8"))}


@pytest.fixture(scope="module")
def overview(real_only_db_path):
    return run_page(real_only_db_path)


def source_items(app) -> list[str]:
    return [as_shown(m.value) for e in app.expander if e.label.startswith("Nguồn (") for m in e.markdown]


def test_the_overview_lists_its_sources_collapsed_each_a_link(overview):
    assert not overview.exception
    assert not [c.value for c in overview.caption if c.value.startswith("Nguồn:")]  # no paragraph of titles
    labels = [e.label for e in overview.expander if e.label.startswith("Nguồn (")]
    assert len(labels) >= 2
    items = "\n".join(source_items(overview))
    title = DOCUMENTS[NGHE_AN]["title"]
    assert DOCUMENTS[NGHE_AN]["url"] == "" and DOCUMENTS[NGHE_AN]["local_copy"]
    assert f"[{title}](document?doc={NGHE_AN}) (Báo Công Thương, 09/08/2018)" in items
    # every listed document is a link, and a list says how many it holds
    for label, expander in ((e.label, e) for e in overview.expander if e.label.startswith("Nguồn (")):
        lines = [line for m in expander.markdown for line in m.value.split("\n") if line.startswith("- ")]
        assert label == f"Nguồn ({len(lines)})" and all(line.startswith("- [") for line in lines)


def test_the_overview_notes_are_one_sentence_with_details(overview):
    assert not overview.info  # no blue boxes between the figures and the chart
    sentence = next(c.value for c in overview.caption if c.value.startswith("Các số trên có "))
    details = next(e for e in overview.expander if e.label == "Chi tiết")
    assert f"có {len(details.markdown)} lưu ý" in sentence


@pytest.mark.parametrize(("doc_id", "link"), [
    (NGHE_AN, f"document?doc={NGHE_AN}"),
    ("arit-ctkcqg-den-2012", DOCUMENTS["arit-ctkcqg-den-2012"]["url"]),
    ("ttlt-26-2014-ttlt-btc-bct", None),  # neither a URL nor a stored copy: cited, not linked
])
def test_a_document_links_to_its_url_else_its_stored_copy(doc_id, link):
    row = DOCUMENTS[doc_id]
    document = SimpleNamespace(doc_id=doc_id, url=row["url"] or None, local_copy=row["local_copy"] or None)
    assert document_link(document) == link


def test_the_document_page_shows_the_stored_copy(real_only_db_path):
    app = run_page(real_only_db_path, "pages/document.py", doc=NGHE_AN)
    assert not app.exception
    text = (ROOT / DOCUMENTS[NGHE_AN]["local_copy"]).read_text(encoding="utf-8")
    sentence = "Giai đoạn 2002 – 2018, ngân sách hỗ trợ cho hoạt động khuyến công của Nghệ An là trên 70 tỷ đồng."
    assert sentence in text
    assert sentence in [as_shown(m.value) for m in app.markdown]
    assert as_shown(app.title[0].value) == DOCUMENTS[NGHE_AN]["title"]


def test_an_unknown_or_hostile_document_is_named_not_read(real_only_db_path):
    app = run_page(real_only_db_path, "pages/document.py", doc="khong-co-tai-lieu-nay")
    assert any("khong-co-tai-lieu-nay" in w.value for w in app.warning) and not app.exception
    assert parse_presentation({"doc": ["../../etc/passwd"]}) == ({}, ["doc=../../etc/passwd"])


@pytest.mark.parametrize(("page", "params"), [
    (None, {"demo": "1"}), ("pages/trends.py", {"demo": "1", "area": "nghe-an"}),
    ("pages/profile.py", {"area": "nghe-an", "demo": "1"}),
    ("pages/plan_actual.py", {"demo": "1", "area": "nghe-an", "years": "2023-2025"}),
])
def test_every_key_figure_has_its_rows_button_with_illustrative_data_too(demo_db_path, page, params):
    """The browser test clicks each button on the published figures; here every metric of the demonstration views
    (Plan vs actual's derived figures among them) has its "Số liệu gốc" button."""
    app = run_page(demo_db_path, page, **params)
    metrics = [m for m in app.metric if "Nạp dữ liệu lần cuối" not in m.label]
    buttons = [b for b in app.button if b.key and b.key.startswith("kf_")]
    assert len(metrics) >= 3 and len(buttons) == len(metrics)
    assert all(b.label == "Số liệu gốc" for b in buttons)
