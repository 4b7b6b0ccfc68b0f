"""The article reader proven by round trip: known figures are written into sentences the way Vietnamese and English
articles write them (every amount spelling, qualifier, kind, funding source, period and area form), and read back.
Each field comes back exactly as written, or the reader asks about it; there is no third outcome (a wrong value
given silently)."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.extract.areas import Reference
from etl.extract.reader import read_paragraph

AREAS = [("nghe-an", "tỉnh Nghệ An", "Nghe An province"), ("binh-dinh", "tỉnh Bình Định", "Binh Dinh province"),
         ("ha-tinh", "Hà Tĩnh", "Ha Tinh"), ("lam-dong", "tỉnh Lâm Đồng", "Lam Dong province"),
         ("quang-ninh", "Quảng Ninh", "Quang Ninh province"), ("can-tho", "thành phố Cần Thơ", "Can Tho city"),
         ("bac-giang", "tỉnh Bắc Giang", "Bac Giang")]
SOURCES = {  # code → (Vietnamese words after the amount, English words after it)
    "local": ("kinh phí khuyến công địa phương", "of local industry promotion funding"),
    "central": ("kinh phí khuyến công quốc gia", "of national industry promotion funding"),
    "counterpart": ("vốn đối ứng của các cơ sở", "of reciprocal capital from beneficiaries"),
    "state": ("từ ngân sách nhà nước", "from the State budget"),
    None: ("", ""),  # no level named: "state" proposed, and asked
}
KINDS = {  # code → (Vietnamese verb before the amount, English verb)
    "allocated": ("được phân bổ", "was allocated"), "approved_plan": ("được phê duyệt", "approved"),
    "target": ("dự kiến chi", "plans to spend"), "estimated_executed": ("ước thực hiện", None),
    "executed": ("đã chi", "spent"), "disbursed": ("đã giải ngân", "disbursed"), "settled": ("quyết toán", "settled"),
    None: ("có", "had"),  # no word for the kind: asked
}
QUALIFIERS = {"exact": [("", "")], "more_than": [("hơn", "more than"), ("trên", "over")],
              "approx": [("khoảng", "about"), ("khoảng", "some")], "nearly": [("gần", "nearly"), ("gần", "almost")]}


def vi_number(value: Decimal) -> str:
    """1234.5 → '1.234,5' (Vietnamese: dot for thousands, comma for decimals)."""
    whole, _, decimals = f"{value.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + decimals if decimals else "")


def en_number(value: Decimal) -> str:
    """1234.5 → '1234.5' (no thousands separator: one comma and three digits would read two ways)."""
    return f"{value.normalize():f}"


@st.composite
def figures(draw):
    lang = draw(st.sampled_from(["vi", "en"]))
    area = draw(st.sampled_from(AREAS))
    shape = draw(st.sampled_from(["year", "range", "open"]))
    year_from = draw(st.integers(2005, 2022))
    year_to = year_from if shape == "year" else draw(st.integers(year_from + 1, 2024)) if shape == "range" else None
    kind = draw(st.sampled_from([k for k, words in KINDS.items() if words[1 if lang == "en" else 0]]))
    source = draw(st.sampled_from(list(SOURCES)))
    qualifier = draw(st.sampled_from(list(QUALIFIERS)))
    tenths = draw(st.integers(1, 9_999_990))  # 0,1 … 999.999 triệu đồng in tenths
    mvnd = (Decimal(tenths) / 10).normalize()
    if lang == "vi":
        spellings = ["trieu"] + (["ty"] if mvnd >= 100 and (mvnd * 1000) % 1000 == 0 else []) + (
            ["compound"] if mvnd > 1000 and mvnd % 1000 and mvnd == mvnd.to_integral_value() else [])
    else:
        spellings = ["billion", "million"] if mvnd >= 100 and (mvnd * 1000) % 1000 == 0 else ["million"]
    spelling = draw(st.sampled_from(spellings))
    period_form = draw(st.integers(0, 1))
    return dict(lang=lang, area=area, shape=shape, year_from=year_from, year_to=year_to, kind=kind, source=source,
                qualifier=qualifier, mvnd=mvnd, spelling=spelling, period_form=period_form,
                qualifier_form=draw(st.integers(0, len(QUALIFIERS[qualifier]) - 1)),
                currency=draw(st.booleans()), accents=lang == "en" or draw(st.integers(0, 3)) > 0)


def amount_text(f) -> str:
    mvnd = f["mvnd"]
    dong = " đồng" if f["currency"] else ""
    if f["lang"] == "vi":
        if f["spelling"] == "ty":
            return f"{vi_number(mvnd / 1000)} tỷ{dong}"
        if f["spelling"] == "compound":
            return f"{int(mvnd // 1000)} tỷ {int(mvnd % 1000)} triệu{dong}"
        return f"{vi_number(mvnd)} triệu{dong}"
    if f["spelling"] == "billion":
        return f"VND{en_number(mvnd / 1000)} billion" if f["currency"] else f"{en_number(mvnd / 1000)} billion VND"
    return f"VND {en_number(mvnd)} million" if f["currency"] else f"{en_number(mvnd)} million VND"


def period_text(f) -> str:
    y1, y2 = f["year_from"], f["year_to"]
    if f["lang"] == "vi":
        return {"year": f"Năm {y1}", "range": [f"Giai đoạn {y1}–{y2}", f"Từ năm {y1} đến năm {y2}"][f["period_form"]],
                "open": f"Từ năm {y1} đến nay"}[f["shape"]]
    return {"year": f"In {y1}", "range": [f"In the {y1}-{y2} period", f"From {y1} to {y2}"][f["period_form"]],
            "open": f"Since {y1}"}[f["shape"]]


def sentence(f) -> tuple[str, str]:
    side = 1 if f["lang"] == "en" else 0
    area = f["area"][2 if side else 1]
    verb, source = KINDS[f["kind"]][side], SOURCES[f["source"]][side]
    qualifier = QUALIFIERS[f["qualifier"]][f["qualifier_form"]][side]
    amount = amount_text(f)
    words = " ".join(w for w in (period_text(f) + ",", area, verb, qualifier, amount, source) if w) + "."
    if not f["accents"]:  # Vietnamese typed without diacritics: "Nam 2019, tinh Nghe An duoc phan bo 2 ty dong"
        words, amount = without_accents(words), without_accents(amount)
    return words, amount


def without_accents(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if not unicodedata.combining(c))


@pytest.fixture(scope="module")
def reference(real_only_db_path) -> Reference:
    return Reference.from_database(real_only_db_path)


def about(figure, prefix: str) -> bool:
    return any(q.key.startswith(prefix) for q in figure.questions)


@settings(derandomize=True, max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(figures())
def test_a_written_figure_reads_back_exactly_or_is_asked_about(reference, f):
    text, amount = sentence(f)
    extraction = read_paragraph(reference, text, lang=f["lang"])
    assert len(extraction.figures) == 1, (text, [p.value_as_written for p in extraction.figures])
    got = extraction.figures[0]
    assert got.value_as_written == amount == text[got.start:got.end], text
    assert got.amount_mvnd == f["mvnd"] or about(got, "extract_q_two_readings"), text
    assert got.qualifier == f["qualifier"], text
    expected_years = (f["year_from"], f["year_to"]) if f["shape"] != "open" else (f["year_from"], None)
    assert (got.year_from, got.year_to) == expected_years, text
    if f["shape"] == "open":
        assert about(got, "extract_q_year_open_from"), text
    assert got.area_id == f["area"][0] or about(got, "extract_q_area"), text
    assert got.funding_source == (f["source"] or "state") or about(got, "extract_q_source"), text
    if f["source"] is None:
        assert about(got, "extract_q_source"), text
    assert got.figure == f["kind"] or about(got, "extract_q_kind"), text
    if f["kind"] is None:
        assert got.figure is None and about(got, "extract_q_kind"), text
