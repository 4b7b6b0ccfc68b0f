"""Words (issue 27, item 6): every page, in both languages, on the default (real-only) data, reads in its own
language, with no literal "None" or "nan". AppTest walks each page once per language and reads everything a page
writes: headings, text, notes, metrics, widget labels and options, and every table cell."""

import re

import pytest
from conftest import run_page

from khuyencong.i18n.labels import catalog

PAGES = ["pages/overview.py", "pages/trends.py", "pages/outcomes.py", "pages/plan_actual.py", "pages/compare.py",
         "pages/profile.py", "pages/data.py", "pages/import_data.py", "pages/sources.py"]
PARAMS = {"pages/profile.py": {"area": "bac-giang"}}
MISSING = re.compile(r"(?<![\w-])(None|nan|NaN|NaT)(?![\w-])")


def page_words(app) -> list[str]:
    """What the page itself writes, one string per element: headings, text, notes, metrics, widgets, table headers.
    Table cells hold data (titles, notes as transcribed, names), read by table_cells."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "text"):
        texts += [str(e.value) for e in getattr(app, kind)]
    for metric in app.metric:
        texts += [metric.label, str(metric.value)]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "checkbox", "slider", "text_input", "button",
                 "expander", "tabs"):
        for widget in app.get(kind):
            texts.append(str(getattr(widget, "label", "")))
            options = getattr(widget, "options", None)
            if options:
                texts += [str(o) for o in options]
    for frames in (app.dataframe, app.table):
        for frame in frames:
            texts += [str(c) for c in frame.value.reset_index().columns]
    return texts


def table_cells(app) -> list:
    """Every cell of every table, as the table holds it (None and NaN included: a grid shows them as "None")."""
    return [v for frames in (app.dataframe, app.table) for frame in frames
            for v in frame.value.reset_index().to_numpy().ravel()]


def empty_cells(app) -> list[str]:
    """The headers of the columns that hold an empty (None, NaN) cell the grid would show as "None": a table given
    a placeholder ("—", "không có số liệu") shows that instead."""
    return [str(column) for frames in (app.dataframe, app.table) for frame in frames
            if not getattr(frame.proto, "placeholder", "")
            for column, values in frame.value.reset_index().items() if values.isna().any()]


def ui_fragments(lang: str, other: str) -> set[str]:
    """Pieces of `lang`'s catalog that no `other` catalog string holds: a page in `other` must not show them. Only
    pieces of three words or more (between placeholders and Markdown), so names and codes shared by both are not
    counted."""
    pieces = set()
    for key, text in catalog(lang).items():
        if text == catalog(other).get(key):
            continue
        for piece in re.split(r"\{[^}]*\}|[*_`#\n:()\[\]]", text):
            piece = piece.strip(" .,;·–-")
            if len(piece.split()) >= 3 and piece not in " ".join(catalog(other).values()):
                pieces.add(piece)
    return pieces


@pytest.fixture(scope="module")
def walked(real_only_db_path):
    opened = {}

    def walk(page: str, lang: str) -> list[str]:
        if (page, lang) not in opened:
            app = run_page(real_only_db_path, page, lang=lang, **PARAMS.get(page, {}))
            assert not app.exception, app.exception
            opened[(page, lang)] = page_words(app), table_cells(app), empty_cells(app)
        return opened[(page, lang)]

    return walk




@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_none_or_nan_on_any_page(walked, page, lang):
    words, cells, empty = walked(page, lang)
    found = [text for text in [*words, *(c for c in cells if isinstance(c, str))] if MISSING.search(text)]
    assert not found, found[:5]
    # an empty cell reads "—" or "không có số liệu", never the grid's "None"
    assert not empty


@pytest.mark.parametrize(("lang", "other"), [("en", "vi"), ("vi", "en")])
@pytest.mark.parametrize("page", PAGES)
def test_every_ui_word_is_in_the_pages_language(walked, page, lang, other):
    words, cells, _ = walked(page, lang)
    # notes transcribed from a source are data, and an English page says they are Vietnamese before quoting them
    text = "\n".join(w.split("(in Vietnamese):")[0] for w in words)
    found = sorted(f for f in ui_fragments(other, lang) if f in text)
    assert not found, found[:10]
    # a cell that is a whole UI string of the other language ("không có số liệu" in an English table)
    own = set(catalog(lang).values())
    whole = {v for v in catalog(other).values() if v not in own and "{" not in v and re.search(r"[^\W\d]{3}", v)}
    assert not sorted({c for c in cells if isinstance(c, str) and c in whole})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_import_page_speaks_to_people_not_in_variable_names(walked, lang):
    words, _, _ = walked("pages/import_data.py", lang)
    found = [w for w in words if re.search(r"\bKC_[A-Z_]+\b|python -m", w)]
    assert not found, found


@pytest.mark.parametrize(("lang", "note", "term"), [
    ("vi", "Trong tổng có số nguồn chỉ ghi gần đúng", "Số ghi gần đúng (>, ≈, ≥)"),
    ("en", "The total includes figures the source gives only roughly", "Rough figure (>, ≈, ≥)"),
])
def test_the_words_for_inexact_figures_are_plain_and_in_the_glossary(real_only_db_path, lang, note, term):
    # 2016–2020: Ninh Bình's "hơn 10,2 tỷ" (2019) and "khoảng 7,2 tỷ" (2020) are in the total (test_honest_totals)
    words = page_words(run_page(real_only_db_path, years="2016-2020", lang=lang))
    assert any(w.startswith(note) for w in words)
    assert any(term in w for w in words)  # the sidebar's glossary


def test_a_profile_pictures_footnote_is_plain_text(real_only_db_path, monkeypatch):
    from khuyencong.ui.profile import chart_footnote

    monkeypatch.setenv("KC_DB_PATH", str(real_only_db_path))
    # data/sources/documents.csv: the title holds a colon, the publisher brackets; a PNG is not Markdown
    assert chart_footnote(["arit-bac-giang-dao-tao-nghe"], False, "Bắc Giang · 2002–2025", "vi") == (
        "Nguồn: Bắc Giang: đào tạo nghề gắn với các cơ sở công nghiệp nông thôn (Cục Công Thương địa phương (ARIT), "
        "Bộ Công Thương, không ghi ngày). Bắc Giang · 2002–2025")


@pytest.mark.parametrize("page", ["pages/sources.py", "pages/outcomes.py"])
def test_english_pages_describe_publishers_in_english(walked, page):
    words, _, _ = walked(page, "en")
    text = "\n".join(words)
    # data/sources/documents.csv: "VCCI (đăng lại VEN)", "Vietnam.vn (bản dịch)"
    assert "(đăng lại" not in text and "(bản dịch)" not in text
    assert "republished from VEN" in text


def test_no_english_select_all_in_the_vietnamese_drop_downs(real_only_db_path):
    """Streamlit writes "Select all" in English in a multiselect's list; the sidebar's lists never offer it (nothing
    chosen already means all)."""
    app = run_page(real_only_db_path)
    boxes = {box.label: box.proto.select_all for box in app.multiselect}
    assert len(boxes) == 4 and set(boxes.values()) == {0}, boxes   # 0: the option hidden
