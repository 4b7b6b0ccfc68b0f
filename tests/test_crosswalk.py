"""Units as reported against the 34 units in force from 1 July 2025, through v_area_current."""

import pytest


@pytest.mark.parametrize(("area_id", "current_id", "current_name"), [
    ("thai-binh", "hung-yen-2025", "Hưng Yên"),
    ("hung-yen", "hung-yen-2025", "Hưng Yên"),
    ("ha-tay", "ha-noi", "Hà Nội"),
    ("nghe-an", "nghe-an", "Nghệ An"),
    ("ba-ria-vung-tau", "tp-ho-chi-minh-2025", "TP. Hồ Chí Minh"),
    ("kien-giang", "an-giang-2025", "An Giang"),
    ("hung-yen-2025", "hung-yen-2025", "Hưng Yên"),
    ("kv-phia-bac", "kv-phia-bac", "Khu vực phía Bắc"),
])
def test_unit_maps_to_its_current_unit(real_db, area_id, current_id, current_name):
    row = real_db.execute("SELECT current_area_id, current_name_vi FROM v_area_current WHERE area_id = ?",
                          [area_id]).fetchone()
    assert row == (current_id, current_name)


def test_each_of_the_63_maps_to_exactly_one_of_the_34(real_db):
    rows = real_db.execute("""
        SELECT v.area_id, v.current_area_id, c.valid_to
        FROM area AS a JOIN v_area_current AS v USING (area_id) JOIN area AS c ON c.area_id = v.current_area_id
        WHERE a.level = 'province' AND (a.valid_from IS NULL) AND a.area_id <> 'ha-tay'
    """).fetchall()
    assert len(rows) == 63
    assert all(valid_to is None for _, _, valid_to in rows)
    assert len({current for _, current, _ in rows}) == 34


@pytest.mark.parametrize(("code", "old_unit", "new_unit"), [
    ("15", "yen-bai", "lao-cai-2025"), ("24", "bac-giang", "bac-ninh-2025"), ("44", "quang-binh", "quang-tri-2025"),
    ("52", "binh-dinh", "gia-lai-2025"), ("80", "long-an", "tay-ninh-2025"), ("82", "tien-giang", "dong-thap-2025"),
    ("91", "kien-giang", "an-giang-2025"),
])
def test_reused_code_names_two_different_units(real_db, code, old_unit, new_unit):
    rows = real_db.execute("SELECT area_id FROM area WHERE gso_code = ? ORDER BY valid_to NULLS LAST",
                           [code]).fetchall()
    assert rows == [(old_unit,), (new_unit,)]


def test_thai_binh_allocations_sum_into_hung_yen_in_current_units(demo_db):
    as_reported = demo_db.execute(
        "SELECT sum(amount_mvnd) FROM allocation WHERE area_id IN ('thai-binh', 'hung-yen', 'hung-yen-2025') "
        "AND figure = 'allocated'").fetchone()[0]
    current = demo_db.execute(
        "SELECT sum(a.amount_mvnd) FROM allocation AS a JOIN v_area_current AS v USING (area_id) "
        "WHERE v.current_area_id = 'hung-yen-2025' AND a.figure = 'allocated'").fetchone()[0]
    assert current == as_reported and current > 0
