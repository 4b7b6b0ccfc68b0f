"""A bar is at most one year wide, on its own year, in the picture a director forwards too (issue 27): Bắc Giang's
profile chart (2005: 1,15 tỷ, 2009: 2,63 tỷ allocated; 2022: 3,5 tỷ local plan, data/sources) exported as the PNG
is, drawn by Kaleido as SVG, its bars measured against its own year ticks."""

import re

import pandas as pd
import pytest

from khuyencong.data.code_lists import load_code_lists
from khuyencong.data.database import Database
from khuyencong.data.queries import database_query
from khuyencong.render.images import figure_for_export, render_image
from khuyencong.render.profile import make_profile_annual_chart

BARS = re.compile(r'class="point"><path d="M([\d.]+),[\d.]+V[\d.]+H([\d.]+)V')
pytestmark = pytest.mark.chromium  # Kaleido draws the picture with Chromium

TICKS = re.compile(r'<g class="xtick"><text[^>]*?translate\(([\d.]+),0\)[^>]*>(\d{4})</text>')


@pytest.fixture(scope="module")
def codes(real_only_db_path):
    return load_code_lists(database_query(Database(real_only_db_path)))


def bac_giang(two_series: bool) -> pd.DataFrame:
    rows = [("state", "allocated", 1, "plan", 2005, 1150.0),
            ("state", "allocated", 1, "plan", 2009, 2630.0)]
    if two_series:
        rows.append(("local", "approved_plan", 0, "plan", 2022, 3500.0))
    return pd.DataFrame(rows, columns=["funding_source", "figure", "kind_order", "side", "year_from", "amount_mvnd"]) \
        .assign(is_illustrative=False)


@pytest.mark.parametrize("two_series", [False, True])
def test_exported_bars_stand_on_their_years(codes, two_series):
    rows = bac_giang(two_series)
    names = {(s, f): f"{s} {f}" for s, f in zip(rows["funding_source"], rows["figure"])}
    fig = make_profile_annual_chart(rows, "vi", "Bắc Giang", "tỷ đồng", codes=codes, names=names,
                                    texts=["x"] * len(rows), docs=["d"] * len(rows))
    out = figure_for_export(fig, "Nguồn: …")
    svg = render_image(out, "svg").decode()
    ticks = [(float(x), int(year)) for x, year in TICKS.findall(svg)]
    (x0, y0), (x1, y1) = ticks[0], ticks[-1]
    per_year = (x1 - x0) / (y1 - y0)  # pixels of one year, from the axis as drawn
    first = out.layout.xaxis.range[0]  # the plot's left edge, in years (bars are drawn in the plot's own frame)
    bars = [(first + float(a) / per_year, first + float(b) / per_year) for a, b in BARS.findall(svg)]
    assert len(bars) == len(rows)
    last = out.layout.xaxis.range[1]
    for (low, high), year in zip(sorted(bars), sorted(rows["year_from"])):
        assert year - 0.51 <= low < high <= year + 0.51, (year, low, high)
        assert first <= low and high <= last  # nothing cut at the right edge
