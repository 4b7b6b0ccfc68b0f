"""The Overview's total shows its change on the year, or the span of as many years, before it, only where the two
can be compared (the year_coverage rule), and says nothing otherwise. Real data only."""

import pytest
from conftest import run_page

LABEL = {"vi": "Tổng kinh phí khuyến công", "en": "Total khuyến công funding"}


def total_metric(app, lang: str):
    """The total, whose label names the provinces it adds when it adds several ("… · Nghệ An, Ninh Bình (có số mọi
    năm 2017)")."""
    return next(m for m in app.metric if m.label.startswith(LABEL[lang]))


@pytest.mark.parametrize(("params", "lang", "delta"), [
    # Nghệ An's local allocations: 3 tỷ in 2006, 4 tỷ in 2007
    ({"area": "nghe-an", "year": "2007"}, "vi", "+33,3% so với 2006"),
    ({"area": "nghe-an", "year": "2007"}, "en", "+33.3% vs 2006"),
    # 2016–2018 (4 + 4,5 + 4,5) against 2013–2015 (4 + 4 + 4): the span before, of the same length
    ({"area": "nghe-an", "years": "2016-2018"}, "vi", "+8,3% so với 2013–2015"),
    # two provinces that both report 2016 and 2017, with the same sources: 8,1 tỷ against 9,3 tỷ
    ({"area": "nghe-an,ninh-binh", "year": "2017"}, "vi", "-12,9% so với 2016"),
])
def test_a_comparable_total_shows_its_change(shown_page, real_only_db_path, params, lang, delta):
    app = shown_page(real_only_db_path, lang=lang, **params)
    assert not app.exception
    assert total_metric(app, lang).proto.delta == delta


@pytest.mark.parametrize("params", [
    {"area": "nghe-an", "year": "2002"},                    # no year before with figures
    {"area": "nghe-an", "years": "2002-2003"},              # 2000–2001 not reported
    {"area": "nghe-an,ninh-binh", "year": "2016"},          # Ninh Bình reports nothing for 2015: units change
    {"area": "nghe-an", "years": "2010-2018"},              # 2001–2009: 2001 not reported
    {"area": "nghe-an", "years": "2002-2018"},              # the total adds a period total (Trung ương 2002–2018)
    {},                                                     # all areas 2002–2025: no span before
])
def test_no_change_is_shown_where_the_years_cannot_be_compared(shown_page, real_only_db_path, params):
    app = shown_page(real_only_db_path, **params)
    assert not app.exception
    assert total_metric(app, "vi").proto.delta == ""


@pytest.fixture()
def time_zone(monkeypatch):
    """Sets the process's time zone (TZ and tzset), as on a machine configured for it; restored afterwards."""
    import time

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("machine_zone", ["UTC", "Asia/Ho_Chi_Minh", "America/New_York"])
def test_the_last_load_reads_in_vietnam_time_whatever_the_machine_zone(shown_page, tmp_path, time_zone, machine_zone):
    """A build made just now shows the clock of Vietnam now, read from the zone database, not from the app's code."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from conftest import quiet

    from etl.build import build_database

    time_zone(machine_zone)
    vietnam = ZoneInfo("Asia/Ho_Chi_Minh")
    before = datetime.now(vietnam)
    db = build_database(tmp_path / "kc.duckdb", with_demo=False, progress=quiet)
    after = datetime.now(vietnam)   # the minute may turn during the build: either reading is right
    for lang, label in [("vi", "Nạp dữ liệu lần cuối (giờ Việt Nam, UTC+7)"),
                        ("en", "Last loaded (Vietnam time, UTC+7)")]:
        shown = next(m.value for m in shown_page(db, lang=lang).metric if m.label == label)
        assert any(shown.endswith(f"{t:%H:%M}") and str(t.year) in shown for t in (before, after)), (shown, before)


@pytest.mark.parametrize(("params", "mode", "delta"), [
    ({"area": "nghe-an", "year": "2007"}, "nominal", "+33,3% so với 2006"),
    ({"area": "nghe-an", "years": "2016-2018"}, "nominal", "+8,3% so với 2013–2015"),
    ({"area": "nghe-an", "years": "2002-2003"}, "nominal", ""),   # nothing reported before 2002
    ({"area": "nghe-an", "year": "2007"}, "real", ""),            # real values: no change shown
])
def test_the_trends_total_shows_its_change_in_nominal_money(real_only_db_path, params, mode, delta):
    app = run_page(real_only_db_path, "pages/trends.py", **params)
    if mode == "real":
        app.radio(key="trend_value_mode").set_value("real").run()
    assert not app.exception
    total = next(m for m in app.metric if m.label == "Tổng các năm có số liệu")
    assert total.proto.delta == delta
