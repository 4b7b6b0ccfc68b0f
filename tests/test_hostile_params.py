"""Hostile links: random text, SQL fragments, huge numbers, unusual Unicode and repeated keys in the query string.

Two levels. The pure URL parser (khuyencong/data/filters.py) is fuzzed with many hypothesis examples: it never
raises, keeps
only values the database offers, and names every value it dropped. Then fewer examples go through the real app
(dashboard.py with AppTest on the demo database): no exception, no error box, the notice when something was ignored,
and a URL rewritten to hold only valid values.
"""

import re
import string

import pytest
from conftest import reference_codes, run_page, serving
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from khuyencong.data.filters import (
    FILTER_KEYS,
    UNIT_MODES,
    Choices,
    filters_to_params,
    parse_filters,
    parse_presentation,
)
from khuyencong.i18n.markdown import code_span as literal
from khuyencong.ui.shell import KEPT_PARAMS, MAX_NOTICE_ITEMS, ignored_notice

CHOICES = Choices(areas_reported=("nghe-an", "ha-tinh", "thai-binh", "hung-yen", "hung-yen-2025"),
                  areas_current=("nghe-an", "ha-tinh", "hung-yen-2025"), activities=("dao_tao_nghe", "tu_van"),
                  sectors=("det_may", "co_khi"), first_year=2002, last_year=2025,
                  sources=reference_codes("funding_source.csv"), kinds=reference_codes("figure_kind.csv"))
VALID = ["vi", "en", "reported", "current", "nghe-an", "ha-tinh", "thai-binh", "hung-yen-2025", "local", "central",
         "counterpart", "dao_tao_nghe", "det_may", "0", "1", "2007", "2002-2018", "2025", "executed"]
HOSTILE = ["' OR 1=1 --", "1; DROP TABLE allocation", "nghe-an' OR '1'='1", "local;DELETE FROM project", "$areas",
           str(10**400), "-" + str(10**400), "1e309", "NaN", "２０２０", "٢٠٠٧", "²⁰²⁰", "\x00", "nghe\x00-an",
           "\u202enghe-an", "مرحبا بالعالم", "נגה-אן", "Nghệ An", "nghe-an\u0301", "🏭", "\ud7ff", "x" * 100_000,
           "-99999-99999999", "99999999", "-99999", "2018-2002", "1900-2100", "2002-2018-2025", "0002", " 2007 ",
           "%27%20OR%201%3D1", "<script>alert(1)</script>", "[link](javascript:alert(1))", "![x](http://e.x/p.png)",
           ":red[đỏ]", "$x^2$", "`", "``code``", "\n\nhai dòng", "{0}", "{items}", "\\", ",,,", "  ", ""]
HOSTILE_EXAMPLES = [
    {"area": ["' OR 1=1 --"]},
    {"source": ["1; DROP TABLE allocation"]},
    {"year": [str(10**400)]},
    {"year": ["２０２０"], "years": ["２００２-２０１８"]},
    {"area": ["\x00"], "lang": ["\x00"]},
    {"area": ["\u202enghe-an", "مرحبا"], "sector": ["נגה"]},
    {"activity": ["x" * 100_000]},
    {"years": ["-99999-99999999"]},
    {"years": ["2002-2018", "2007"], "year": ["2010"], "area": ["nghe-an", "nghe-an", "ha-tinh,atlantis"]},
    {"lang": ["en", "vi", "fr"], "units": ["current", "reported"], "demo": ["0", "1", "2"]},
    {"present": ["1"], "slide": ["²"], "utm_source": ["newsletter"]},
    {"area": ["[link](javascript:alert(1))", "![x](http://e.x/p.png)", ":red[đỏ]", "`"]},
]

value_texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
years = st.integers(-99999, 99999999)
parts = st.one_of(st.sampled_from(VALID), st.sampled_from(HOSTILE), value_texts,
                  st.integers(min_value=-10**30, max_value=10**30).map(str),
                  st.tuples(years, years).map(lambda pair: f"{pair[0]}-{pair[1]}"))
values = st.one_of(parts, st.lists(parts, min_size=2, max_size=4).map(",".join))
keys = st.one_of(st.sampled_from(FILTER_KEYS + KEPT_PARAMS), st.text(string.ascii_lowercase + "_", min_size=1,
                                                                     max_size=8))
link_params = st.dictionaries(keys, st.lists(values, min_size=1, max_size=3), max_size=6)


def split(value: str) -> list[str]:
    """A query value as the parser reads it: comma-separated, stripped, empty parts dropped."""
    return [part.strip() for part in value.split(",") if part.strip()]


def shown(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def used(key: str, part: str, filters) -> bool:
    """Whether the filters took this value."""
    years = {f"{filters.year_from}-{filters.year_to}"} | ({str(filters.year_from)}
                                                          if filters.year_from == filters.year_to else set())
    return {"lang": part == filters.lang, "units": part == filters.unit_mode, "area": part in filters.areas,
            "source": part in filters.sources, "activity": part in filters.activities,
            "sector": part in filters.sectors, "demo": part == ("1" if filters.include_illustrative else "0"),
            "years": part in years, "year": part in years, "kind": part == filters.kind}.get(key, False)


def assert_only_known_values(filters, choices: Choices) -> None:
    """What reaches SQL: only values the database offered, each once, years inside the data."""
    areas = choices.areas_current if filters.unit_mode == "current" else choices.areas_reported
    assert filters.lang in ("vi", "en") and filters.unit_mode in UNIT_MODES
    assert set(filters.areas) <= set(areas) and len(set(filters.areas)) == len(filters.areas)
    # () is every source (the funding_source table's codes)
    assert filters.sources == tuple(s for s in choices.sources if s in filters.sources)
    assert set(filters.activities) <= set(choices.activities) and set(filters.sectors) <= set(choices.sectors)
    assert choices.first_year <= filters.year_from <= filters.year_to <= choices.last_year
    assert type(filters.year_from) is int and type(filters.year_to) is int
    assert filters.include_illustrative in (True, False)
    assert filters.kind in choices.kinds


# --- The parser, fuzzed ---------------------------------------------------------------------------------------------

@settings(max_examples=1500, deadline=None)
@given(params=link_params)
@example(params={key: [value] for key, value in [("area", "' OR 1=1 --"), ("source", "1; DROP TABLE allocation")]})
@example(params={"year": [str(10**400)], "years": ["-99999-99999999"]})
@example(params={"area": ["２０２０", "\x00", "\u202enghe-an", "x" * 100_000]})
@example(params={"years": ["99999999-99999999"], "year": ["-99999"]})
def test_parser_never_raises_keeps_only_known_values_and_names_every_dropped_one(params):
    filters, ignored = parse_filters(params, CHOICES, also_known=KEPT_PARAMS)
    assert_only_known_values(filters, CHOICES)
    unknown = [key for key in params if key not in FILTER_KEYS + KEPT_PARAMS]
    given_items = {f"{shown(key)}={shown(part)}" for key, items in params.items() if key in FILTER_KEYS
                   for value in items for part in split(value)}
    assert set(ignored) <= given_items | {shown(key) for key in unknown}  # never names what the link did not hold
    for key in unknown:  # an unknown key is named by itself: its value may be a secret pasted by mistake
        assert shown(key) in ignored
        assert not [item for item in ignored if item.startswith(shown(key) + "=")]
    for key, items in params.items():
        for part in (part for value in items for part in split(value)):
            if key in FILTER_KEYS:
                assert used(key, part, filters) or f"{shown(key)}={shown(part)}" in ignored, (key, part)
    assert all(len(item) <= 2 * 41 + 1 for item in ignored)  # 100 KB of junk is named, not repeated


@settings(max_examples=300, deadline=None)
@given(params=link_params)
def test_what_was_kept_makes_a_link_that_reads_back_the_same(params):
    filters, _ = parse_filters(params, CHOICES)
    link = {key: [value] for key, value in filters_to_params(filters, CHOICES).items()}
    assert parse_filters(link, CHOICES) == (filters, [])


@pytest.mark.parametrize(("params", "ignored"), [
    ({"utm_source": ["tin-tuc"], "area": ["nghe-an"]}, ["utm_source"]),
    ({"aera": ["nghe-an"]}, ["aera"]),  # a typo in a key is named, not silently dropped
    ({"matkhau": ["bí mật", "khác"]}, ["matkhau"]),  # by the key alone: the value may be a secret
    ({"years": ["2005-2010"], "year": ["2007"]}, ["year=2007"]),  # one year range only; the other is named
    ({"years": ["2018-2002"], "year": ["2007"]}, ["years=2018-2002"]),
    ({"area": ["nghe-an,nghe-an"]}, ["area=nghe-an"]),
    ({"lang": ["en", "vi"]}, ["lang=vi"]),
    ({"present": ["1"], "slide": ["3"]}, []),  # presentation mode's own keys
])
def test_unknown_keys_second_year_ranges_and_repeats_are_named(params, ignored):
    assert parse_filters(params, CHOICES, also_known=KEPT_PARAMS)[1] == ignored


@pytest.mark.parametrize(("params", "kept", "ignored"), [
    ({"present": ["1"], "slide": ["3"]}, {"present": "1", "slide": "3"}, []),
    ({"present": ["<script>alert(1)</script>"], "slide": ["-1"]}, {},
     ["present=<script>alert(1)</script>", "slide=-1"]),
    ({"present": ["1"], "slide": ["03"]}, {"present": "1"}, ["slide=03"]),
    ({"slide": ["９"]}, {}, ["slide=９"]),
    ({"slide": ["1000"]}, {}, ["slide=1000"]),
    ({"present": ["1", "1"]}, {"present": "1"}, ["present=1"]),
])
def test_presentation_keys_are_validated_like_every_other_key(params, kept, ignored):
    assert parse_presentation(params) == (kept, ignored)


def test_a_hostile_presentation_value_is_named_and_leaves_the_link(demo_db_path):
    app = run_page(demo_db_path, present="javascript:alert(1)", slide="![x](http://e.x/p.png)", area="nghe-an")
    assert not app.exception
    assert [w.value for w in app.warning if w.value.startswith(NOTICE)]
    assert "present" not in app.query_params and "slide" not in app.query_params
    assert app.query_params["area"] == "nghe-an"


# --- The notice -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["[link](javascript:alert(1))", "![x](http://e.x/p.png)", ":red[đỏ]", "$x^2$",
                                   "`", "a``b", "``", "**đậm**", "<b>html</b>", "`x`"])
def test_notice_shows_values_as_literal_code_not_markdown(value):
    """CommonMark: a code span opened by N backticks ends at the next run of exactly N; nothing inside is rendered."""
    text = literal(f"area={value}")
    fence = re.match("`+", text).group()
    inside = text[len(fence):-len(fence)]
    assert text.endswith(fence) and not text.endswith("`" + fence)
    assert len(fence) not in {len(run) for run in re.findall("`+", inside)}
    assert inside.strip() == f"area={value}" and "\n" not in inside


def test_notice_keeps_blank_lines_from_breaking_out_and_counts_the_rest():
    items = [f"area=x{i}" for i in range(MAX_NOTICE_ITEMS + 5)] + ["area=a\n\n![x](http://e.x/p.png)"]
    text = ignored_notice(items, "vi")
    assert text.endswith("và 6 giá trị khác") and "x19" in text and "x20" not in text
    assert "\n" not in ignored_notice(["area=a\n\n![x](http://e.x/p.png)"], "en")
    assert ignored_notice(["area=a"], "en") == "Ignored invalid values in the link: `area=a`"


# --- Through the app ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_choices(demo_db_path) -> Choices:
    """The filter values the app offers on the demo database (the same queries the sidebar runs)."""
    from khuyencong.ui.shell import load_choices

    with serving(demo_db_path):
        return load_choices()[0]


app_values = st.one_of(st.sampled_from(VALID), st.sampled_from([h for h in HOSTILE if h]),
                       st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20))
app_params = st.dictionaries(st.sampled_from(FILTER_KEYS + KEPT_PARAMS + ("utm_source",)),
                             st.lists(app_values, min_size=1, max_size=3), min_size=1, max_size=4)
NOTICE = ("Bỏ qua giá trị không hợp lệ", "Ignored invalid values")


def check_app(app, params, choices: Choices) -> None:
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    filters, ignored = parse_filters(params, choices, also_known=KEPT_PARAMS)
    presentation, ignored_presentation = parse_presentation(params)
    ignored = ignored + ignored_presentation
    notices = [w.value for w in app.warning if w.value.startswith(NOTICE)]
    assert len(notices) == (1 if ignored else 0), (ignored, notices)
    for item in ignored[:MAX_NOTICE_ITEMS]:
        assert item.replace("\n", " ").replace("\r", " ") in notices[0]
    link = dict(app.query_params)
    assert {k: v for k, v in link.items() if k not in KEPT_PARAMS} == filters_to_params(filters, choices)
    assert {k: v for k, v in link.items() if k in KEPT_PARAMS} == presentation


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=app_params)
@example(params={"area": ["' OR 1=1 --"]})
@example(params={"source": ["1; DROP TABLE allocation"], "year": [str(10**400)]})
@example(params={"years": ["-99999-99999999"], "lang": ["en", "vi"]})
@example(params={"area": ["２０２０", "\x00", "\u202enghe-an"]})
@example(params={"activity": ["x" * 100_000]})
@example(params={"present": ["1"], "slide": ["²"], "area": ["nghe-an", "nghe-an"]})
@example(params={"area": ["![x](http://e.x/p.png)", "\n\nhai dòng"], "units": ["current"]})
@example(params={"demo": ["1"], "lang": ["en"]})  # the total's label then carries its "Illustrative" badge
def test_overview_survives_hostile_links(demo_db_path, demo_choices, params):
    app = run_page(demo_db_path, **params)
    check_app(app, params, demo_choices)
    if "present" not in parse_presentation(params)[0]:  # presenting shows one chart instead of the figures
        labels = {m.label.split(" :orange-badge[")[0] for m in app.metric}  # a marked figure's label ends in a badge
        # the total's label names the provinces it adds after its name when it adds several
        assert any(label.startswith(("Tổng kinh phí khuyến công", "Total khuyến công funding")) for label in labels)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=app_params)
@example(params={"area": ["' OR 1=1 --"], "years": ["2002-2018"]})
@example(params={"present": ["1"], "slide": ["９"], "sector": ["1; DROP TABLE allocation"]})
def test_trends_page_survives_hostile_links(demo_db_path, demo_choices, params):
    app = run_page(demo_db_path, **params)
    check_app(app, params, demo_choices)  # the notice shows on the first page the link opens
    app.switch_page("pages/trends.py").run()
    assert not app.exception and not app.error
    assert not [w for w in app.warning if w.value.startswith(NOTICE)]  # named once, then the URL is clean
