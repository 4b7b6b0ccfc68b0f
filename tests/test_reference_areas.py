"""Checks for the area reference CSVs (provinces, regions, 2025 merger crosswalk)."""

import csv
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

REF_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"

AREA_FILE = "area.csv"
CROSSWALK_FILE = "area_crosswalk.csv"
ALIAS_FILE = "area_alias.csv"
DOCS_FILE = "reference_documents.csv"

ALL_FILES = [AREA_FILE, CROSSWALK_FILE, ALIAS_FILE, DOCS_FILE]

EXPECTED_HEADERS = {
    AREA_FILE: [
        "area_id",
        "name_vi",
        "name_en",
        "level",
        "gso_code",
        "region",
        "region_id",
        "valid_from",
        "valid_to",
        "doc_id",
        "note",
    ],
    CROSSWALK_FILE: ["from_area_id", "to_area_id", "effective_on", "doc_id", "note"],
    ALIAS_FILE: ["alias", "area_id", "valid_from", "valid_to", "note"],
    DOCS_FILE: ["doc_id", "title", "publisher", "published_on", "url", "note", "date_note", "kind", "local_copy"],
}

OLD_DATE = "2024-06-30"
NEW_DATE = "2025-07-01"


def read_csv(name):
    with open(REF_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def valid_on(row, day):
    return (row["valid_from"] == "" or row["valid_from"] <= day) and (
        row["valid_to"] == "" or row["valid_to"] >= day
    )


def provinces_on(day):
    return [
        r for r in read_csv(AREA_FILE) if r["level"] == "province" and valid_on(r, day)
    ]


def code_map(day):
    return {r["gso_code"]: r["area_id"] for r in provinces_on(day)}


def crosswalk_map():
    return {r["from_area_id"]: r["to_area_id"] for r in read_csv(CROSSWALK_FILE)}


@pytest.mark.parametrize("name", ALL_FILES)
def test_header_and_encoding(name):
    raw = (REF_DIR / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "BOM present"
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    with open(REF_DIR / name, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == EXPECTED_HEADERS[name]


@pytest.mark.parametrize("name", ALL_FILES)
def test_all_fields_nfc(name):
    for row in read_csv(name):
        for key, value in row.items():
            assert unicodedata.is_normalized("NFC", value), (name, key, value)


def test_row_counts_by_level():
    levels = Counter(r["level"] for r in read_csv(AREA_FILE))
    assert levels == {"province": 87, "region": 10, "national": 1}


def test_area_id_unique_and_slug():
    ids = [r["area_id"] for r in read_csv(AREA_FILE)]
    assert len(ids) == len(set(ids))
    for area_id in ids:
        assert re.fullmatch(r"[a-z0-9-]+", area_id), area_id
        assert not area_id.isdigit()


def test_gso_code_format():
    for r in read_csv(AREA_FILE):
        if r["level"] == "province":
            assert re.fullmatch(r"\d{2}", r["gso_code"]), r
        else:
            assert r["gso_code"] == "", r


@pytest.mark.parametrize("day, expected", [(OLD_DATE, 63), (NEW_DATE, 34)])
def test_province_count_and_distinct_codes(day, expected):
    rows = provinces_on(day)
    assert len(rows) == expected
    assert len({r["gso_code"] for r in rows}) == expected


def test_63_plus_ha_tay_each_have_one_crosswalk_row_to_a_current_unit():
    from_ids = Counter(r["from_area_id"] for r in read_csv(CROSSWALK_FILE))
    expected = {r["area_id"] for r in provinces_on(OLD_DATE)} | {"ha-tay"}
    assert set(from_ids) == expected
    assert all(n == 1 for n in from_ids.values())
    current = {r["area_id"] for r in provinces_on(NEW_DATE)}
    targets = set(crosswalk_map().values())
    assert targets <= current
    assert targets == current, "every 2025 unit must be hit"


@pytest.mark.parametrize(
    "old, new",
    [
        ("thai-binh", "hung-yen-2025"),
        ("hung-yen", "hung-yen-2025"),
        ("ha-giang", "tuyen-quang-2025"),
        ("yen-bai", "lao-cai-2025"),
        ("bac-kan", "thai-nguyen-2025"),
        ("vinh-phuc", "phu-tho-2025"),
        ("hoa-binh", "phu-tho-2025"),
        ("bac-giang", "bac-ninh-2025"),
        ("hai-duong", "hai-phong-2025"),
        ("ha-nam", "ninh-binh-2025"),
        ("nam-dinh", "ninh-binh-2025"),
        ("quang-binh", "quang-tri-2025"),
        ("quang-nam", "da-nang-2025"),
        ("kon-tum", "quang-ngai-2025"),
        ("binh-dinh", "gia-lai-2025"),
        ("ninh-thuan", "khanh-hoa-2025"),
        ("dak-nong", "lam-dong-2025"),
        ("binh-thuan", "lam-dong-2025"),
        ("phu-yen", "dak-lak-2025"),
        ("ba-ria-vung-tau", "tp-ho-chi-minh-2025"),
        ("binh-duong", "tp-ho-chi-minh-2025"),
        ("tp-ho-chi-minh", "tp-ho-chi-minh-2025"),
        ("binh-phuoc", "dong-nai-2025"),
        ("long-an", "tay-ninh-2025"),
        ("soc-trang", "can-tho-2025"),
        ("hau-giang", "can-tho-2025"),
        ("ben-tre", "vinh-long-2025"),
        ("tra-vinh", "vinh-long-2025"),
        ("tien-giang", "dong-thap-2025"),
        ("bac-lieu", "ca-mau-2025"),
        ("kien-giang", "an-giang-2025"),
        ("nghe-an", "nghe-an"),
        ("hue", "hue"),
        ("cao-bang", "cao-bang"),
        ("ha-noi", "ha-noi"),
        ("ha-tay", "ha-noi"),
    ],
)
def test_merger_cases(old, new):
    assert crosswalk_map()[old] == new


def test_ha_tay_crosswalk_date_and_doc():
    row = next(r for r in read_csv(CROSSWALK_FILE) if r["from_area_id"] == "ha-tay")
    assert (row["effective_on"], row["doc_id"]) == ("2008-08-01", "nq-15-2008-qh12")


@pytest.mark.parametrize(
    "code, old_id, new_id",
    [
        ("15", "yen-bai", "lao-cai-2025"),
        ("24", "bac-giang", "bac-ninh-2025"),
        ("44", "quang-binh", "quang-tri-2025"),
        ("52", "binh-dinh", "gia-lai-2025"),
        ("80", "long-an", "tay-ninh-2025"),
        ("82", "tien-giang", "dong-thap-2025"),
        ("91", "kien-giang", "an-giang-2025"),
        ("08", "tuyen-quang", "tuyen-quang-2025"),
        ("79", "tp-ho-chi-minh", "tp-ho-chi-minh-2025"),
        ("40", "nghe-an", "nghe-an"),
    ],
)
def test_reused_codes(code, old_id, new_id):
    assert code_map(OLD_DATE)[code] == old_id
    assert code_map(NEW_DATE)[code] == new_id


@pytest.mark.parametrize(
    "region_id, expected",
    [
        ("vung-tdmnpb", 14),
        ("vung-dbsh", 11),
        ("vung-btb-dhmt", 14),
        ("vung-tn", 5),
        ("vung-dnb", 6),
        ("vung-dbscl", 13),
    ],
)
def test_region_counts_over_63(region_id, expected):
    counts = Counter(r["region_id"] for r in provinces_on(OLD_DATE))
    assert counts[region_id] == expected


def test_region_ids_and_names_consistent():
    areas = read_csv(AREA_FILE)
    regions = {r["area_id"]: r["name_vi"] for r in areas if r["level"] == "region"}
    for r in areas:
        if r["level"] == "province":
            assert regions[r["region_id"]] == r["region"], r["area_id"]
        else:
            assert r["region_id"] == r["region"] == "", r["area_id"]


def test_new_units_valid_from_and_doc():
    new_units = [r for r in read_csv(AREA_FILE) if r["area_id"].endswith("-2025")]
    assert len(new_units) == 23
    for r in new_units:
        assert r["valid_from"] == NEW_DATE
        assert r["doc_id"] == "nq-202-2025-qh15"
        assert "Vùng theo tỉnh giữ tên" in r["note"]


def test_doc_ids_exist():
    docs = [r["doc_id"] for r in read_csv(DOCS_FILE)]
    assert len(docs) == len(set(docs))
    used = {r["doc_id"] for r in read_csv(AREA_FILE)}
    used |= {r["doc_id"] for r in read_csv(CROSSWALK_FILE)}
    assert used <= set(docs)
    assert set(docs) <= used, "unused document rows"


def test_aliases_resolve():
    ids = {r["area_id"] for r in read_csv(AREA_FILE)}
    for r in read_csv(ALIAS_FILE):
        assert r["alias"].strip() == r["alias"] != ""
        assert r["area_id"] in ids, r


def test_alias_periods_do_not_overlap():
    by_alias = {}
    for r in read_csv(ALIAS_FILE):
        by_alias.setdefault(r["alias"], []).append(r)
    for alias, rows in by_alias.items():
        for day in (OLD_DATE, NEW_DATE, "2008-01-01"):
            hits = {r["area_id"] for r in rows if valid_on(r, day)}
            assert len(hits) <= 1, (alias, day, hits)


@pytest.mark.parametrize(
    "alias, day, area_id",
    [
        ("Hưng Yên", OLD_DATE, "hung-yen"),
        ("Hưng Yên", NEW_DATE, "hung-yen-2025"),
        ("Thừa Thiên Huế", OLD_DATE, "hue"),
        ("Thừa Thiên - Huế", OLD_DATE, "hue"),
        ("Hoà Bình", OLD_DATE, "hoa-binh"),
        ("Thanh Hoá", NEW_DATE, "thanh-hoa"),
        ("Đắc Lắc", OLD_DATE, "dak-lak"),
        ("Bắc Cạn", OLD_DATE, "bac-kan"),
        ("Bà Rịa – Vũng Tàu", OLD_DATE, "ba-ria-vung-tau"),
        ("TP HCM", OLD_DATE, "tp-ho-chi-minh"),
        ("TP.HCM", NEW_DATE, "tp-ho-chi-minh-2025"),
        ("Sài Gòn", OLD_DATE, "tp-ho-chi-minh"),
        ("Nghe An", NEW_DATE, "nghe-an"),
        ("Tỉnh Nghệ An", OLD_DATE, "nghe-an"),
        ("Thái Bình", OLD_DATE, "thai-binh"),
    ],
)
def test_alias_lookup(alias, day, area_id):
    hits = [
        r["area_id"]
        for r in read_csv(ALIAS_FILE)
        if r["alias"] == alias and valid_on(r, day)
    ]
    assert hits == [area_id]
