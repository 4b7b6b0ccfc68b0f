"""Funding trends in real values, base year selectable (README, Funding trends: "Nominal or real (CPI, base year
selectable)"): picking a base year restates every annual figure at that year's prices as the consumer price
inflation in data/reference/cpi_inflation.csv says (World Bank FP.CPI.TOTL.ZG, doc wb-fp-cpi-totl-zg), worked out
here from the yearly rates themselves, not from the database's index."""

import csv
import math

from conftest import ROOT, chart_data, run_page
from shown import MONEY, assert_shows

TRENDS = "pages/trends.py"
# Nghệ An's local allocations, Báo Công Thương 09/08/2018: 2 tỷ a year 2002–2005, 3 tỷ in 2006, 4 tỷ a year
# 2007–2016, 4,5 tỷ a year 2017–2018 (triệu đồng).
NGHE_AN_LOCAL = {**dict.fromkeys(range(2002, 2006), 2000), 2006: 3000, **dict.fromkeys(range(2007, 2017), 4000),
                 2017: 4500, 2018: 4500}


def inflation() -> dict[int, float]:
    with (ROOT / "data" / "reference" / "cpi_inflation.csv").open(encoding="utf-8") as handle:
        return {int(row["year"]): float(row["inflation_pct"]) for row in csv.DictReader(handle)}


def at_prices_of(base: int, year: int, rates: dict[int, float]) -> float:
    """What one đồng of `year` is worth at `base` year's prices: prices grow by each year's inflation after `year`
    up to `base` (or shrink back to `base` when it is earlier)."""
    growth = math.prod(1 + rates[t] / 100 for t in range(min(year, base) + 1, max(year, base) + 1))
    return growth if base >= year else 1 / growth


def test_each_base_year_restates_the_figures_as_the_cpi_says(real_only_db_path):
    rates = inflation()
    app = run_page(real_only_db_path, TRENDS, area="nghe-an")
    app.radio(key="trend_value_mode").set_value("real").run()
    assert app.selectbox(key="trend_base_year").value == 2025  # prices of the latest year first
    for base in (2025, 2010, 2002):
        app.selectbox(key="trend_base_year").set_value(base).run()
        assert not app.exception
        figure = chart_data(app)[0]
        assert figure["layout"]["yaxis"]["title"]["text"] == f"Kinh phí (tỷ đồng, giá năm {base})"
        local = next(tr for tr in figure["data"] if tr.get("name") == "Địa phương" and tr.get("customdata"))
        shown = {int(x): data[1] for x, data in zip(local["x"], local["customdata"])}
        expected = {year: amount * at_prices_of(base, year, rates) for year, amount in NGHE_AN_LOCAL.items()}
        assert shown.keys() == expected.keys()
        for year, value in shown.items():  # the database's index keeps 4 decimals
            assert math.isclose(value, expected[year], rel_tol=1e-5), (base, year, value, expected[year])
        total = next(m.value for m in app.metric if m.label == "Tổng các năm có số liệu")
        assert_shows(total, sum(expected.values()) / 1000, "vi", MONEY["vi"])
        # Two equal amounts a year apart differ by that year's inflation alone, whatever the base: 2008, 23,12 %.
        assert math.isclose(shown[2007] / shown[2008], 1 + 23.12 / 100, rel_tol=1e-5)
    assert shown[2002] == NGHE_AN_LOCAL[2002]  # at its own year's prices a figure is as published
