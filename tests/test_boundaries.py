"""The bundled province shapes: one valid shape per province of 2008–2025 and per unit of 2025, the source's
defects fixed, and the committed files exactly what `python -m etl.boundaries` makes."""

import csv
import json
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from etl.boundaries import BOUNDARIES, PROVINCES_FILE, REFERENCE, UNITS_2025_FILE, build_boundaries

AREAS = list(csv.DictReader((REFERENCE / "area.csv").open(encoding="utf-8")))


def shapes(path: Path) -> dict[str, object]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    ids = [f["properties"]["area_id"] for f in features]
    assert len(ids) == len(set(ids)), "one feature per area"
    return {f["properties"]["area_id"]: shape(f["geometry"]) for f in features}


def provinces_on(day: str) -> set[str]:
    return {a["area_id"] for a in AREAS if a["level"] == "province"
            and (a["valid_from"] or "0000") <= day and (a["valid_to"] or "9999") >= day}


@pytest.mark.parametrize(("path", "day", "count"), [
    (PROVINCES_FILE, "2020-01-01", 63),
    (UNITS_2025_FILE, "2025-07-01", 34),
])
def test_every_province_of_the_period_has_exactly_one_valid_shape(path, day, count):
    drawn = shapes(path)
    assert len(drawn) == count
    assert set(drawn) == provinces_on(day)
    assert all(geometry.is_valid and not geometry.is_empty for geometry in drawn.values())


@pytest.mark.parametrize(("area_id", "lon", "lat", "defect"), [
    ("bac-kan", 105.85, 22.24, "named Đông Bắc in the source"),
    ("hung-yen", 106.06, 20.83, "named Đồng Bằng Sông Hồng in the source"),
    ("dong-nai", 107.20, 11.06, "named Đông Nam Bộ in the source"),
    ("dong-thap", 105.65, 10.55, "named Ð?ng Tháp in the source"),
    ("quang-nam", 108.00, 15.55, "named Quàng Nam in the source"),
    ("hai-phong", 107.73, 20.13, "Bạch Long Vĩ, in the unnamed multipolygon"),
    ("quang-ngai", 109.12, 15.38, "Lý Sơn, in the unnamed multipolygon"),
    ("ba-ria-vung-tau", 106.61, 8.70, "Côn Đảo, put in Sóc Trăng by the source"),
])
def test_a_place_lies_in_its_own_province(area_id, lon, lat, defect):
    drawn = shapes(PROVINCES_FILE)
    holders = [a for a, geometry in drawn.items() if geometry.distance(Point(lon, lat)) < 0.02]
    assert holders == [area_id], defect


def test_names_carry_diacritics_from_the_area_table():
    names = {f["properties"]["area_id"]: f["properties"]["name_vi"]
             for f in json.loads(PROVINCES_FILE.read_text(encoding="utf-8"))["features"]}
    assert names["dong-thap"] == "Đồng Tháp"
    assert names["quang-nam"] == "Quảng Nam"
    assert not [n for n in names.values() if "?" in n or "Ð" in n]


def test_units_of_2025_cover_the_same_land_as_the_63_provinces():
    old = sum(g.area for g in shapes(PROVINCES_FILE).values())
    new = sum(g.area for g in shapes(UNITS_2025_FILE).values())
    assert new == pytest.approx(old, rel=1e-3)
    # Bình Định went whole into Gia Lai (2025): the new unit contains Quy Nhơn.
    assert shapes(UNITS_2025_FILE)["gia-lai-2025"].contains(Point(109.2, 13.77))


def test_committed_files_are_what_the_script_makes(tmp_path):
    assert build_boundaries(tmp_path) == (63, 34)
    for path in (PROVINCES_FILE, UNITS_2025_FILE):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), f"rerun python -m etl.boundaries: {path.name}"


def test_bundled_map_files_are_small():
    for path in (PROVINCES_FILE, UNITS_2025_FILE):
        assert path.stat().st_size < 2_000_000


def test_archipelagos_are_listed_with_their_provinces():
    rows = {r["archipelago_id"]: r for r in csv.DictReader((BOUNDARIES / "archipelagos.csv").open(encoding="utf-8"))}
    assert rows["hoang-sa"]["name_vi"] == "Quần đảo Hoàng Sa (Đà Nẵng)"
    assert rows["truong-sa"]["name_en"] == "Truong Sa (Spratly) Islands"
    assert {rows["hoang-sa"]["area_id"], rows["truong-sa"]["area_id"]} <= provinces_on("2020-01-01")
    assert {rows["hoang-sa"]["area_id_2025"], rows["truong-sa"]["area_id_2025"]} <= provinces_on("2025-07-01")
