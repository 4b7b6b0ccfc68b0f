"""Filters survive the round trip through the URL; anything unknown in it is dropped and named, never used."""

import pytest
from conftest import reference_codes

from khuyencong.data.filters import Choices, Filters, filters_to_params, parse_filters

CHOICES = Choices(areas_reported=("nghe-an", "thai-binh", "hung-yen", "hung-yen-2025"),
                  areas_current=("nghe-an", "hung-yen-2025"), activities=("dao_tao_nghe",), sectors=("det_may",),
                  first_year=2002, last_year=2025,
                  sources=reference_codes("funding_source.csv"), kinds=reference_codes("figure_kind.csv"))


@pytest.mark.parametrize(("params", "expected"), [
    ({}, Filters(year_from=2002, year_to=2025)),
    ({"area": ["nghe-an"], "years": ["2007-2016"], "source": ["local"]},
     Filters(areas=("nghe-an",), year_from=2007, year_to=2016, sources=("local",))),
    ({"year": ["2007"]}, Filters(year_from=2007, year_to=2007)),
    ({"kind": ["executed"], "area": ["nghe-an"]}, Filters(kind="executed", areas=("nghe-an",))),
    ({"lang": ["en"], "units": ["current"], "area": ["hung-yen-2025"], "demo": ["0"]},
     Filters(lang="en", unit_mode="current", areas=("hung-yen-2025",), include_illustrative=False)),
    ({"area": ["nghe-an,thai-binh"], "activity": ["dao_tao_nghe"], "sector": ["det_may"]},
     Filters(areas=("nghe-an", "thai-binh"), activities=("dao_tao_nghe",), sectors=("det_may",))),
])
def test_valid_params_become_filters(params, expected):
    filters, ignored = parse_filters(params, CHOICES)
    assert (filters, ignored) == (expected, [])


@pytest.mark.parametrize(("params", "ignored"), [
    ({"year": ["abc"]}, ["year=abc"]),
    ({"area": ["atlantis"]}, ["area=atlantis"]),
    ({"area": ["nghe-an' OR 1=1 --"]}, ["area=nghe-an' OR 1=1 --"]),
    ({"years": ["2018-2002"]}, ["years=2018-2002"]),
    ({"years": ["1900-2100"]}, ["years=1900-2100"]),
    ({"year": ["9" * 400]}, ["year=" + "9" * 40 + "…"]),
    ({"lang": ["fr"]}, ["lang=fr"]),
    ({"source": ["local;DROP TABLE allocation"]}, ["source=local;DROP TABLE allocation"]),
    ({"units": ["current"], "area": ["thai-binh"]}, ["area=thai-binh"]),  # an old unit is not one of the 34
    ({"year": ["٢٠٠٧"]}, ["year=٢٠٠٧"]),
    ({"kind": ["spent' OR 1=1"]}, ["kind=spent' OR 1=1"]),
    ({"kind": ["executed", "target"]}, ["kind=target"]),  # one kind at a time
])
def test_hostile_or_unknown_values_are_ignored_and_named(params, ignored):
    filters, found = parse_filters(params, CHOICES)
    assert found == ignored
    assert filters.areas == () and (filters.year_from, filters.year_to) == (2002, 2025)


@pytest.mark.parametrize("filters", [
    Filters(year_from=2002, year_to=2025),
    Filters(lang="en", areas=("nghe-an", "thai-binh"), year_from=2007, year_to=2016, sources=("local", "central")),
    Filters(unit_mode="current", areas=("hung-yen-2025",), year_from=2010, year_to=2010, include_illustrative=False,
            activities=("dao_tao_nghe",), sectors=("det_may",)),
    Filters(areas=("nghe-an",), kind="approved_plan"),
])
def test_params_round_trip(filters):
    params = {k: [v] for k, v in filters_to_params(filters, CHOICES).items()}
    assert parse_filters(params, CHOICES) == (filters, [])


def test_default_view_has_a_short_link():
    assert filters_to_params(Filters(year_from=2002, year_to=2025), CHOICES) == {}
