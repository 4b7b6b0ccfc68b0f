"""Deterministic illustrative data, so the pages have project-level depth to show.

Every row it writes has is_illustrative = true and cites the document DEMO_DOC_ID, which says so.
Where a real figure exists, the illustrative rows fit it: the projects of an area, year and source
add up to the real annual allocation, and no illustrative allocation is made where a real one covers
the same area, source and year (a real period total included, so it is never silently spread). The same holds
for every kind it writes: no illustrative disbursed figure where a real disbursed one covers that province-year.
"""

import random
import re
from collections import defaultdict
from decimal import Decimal

import duckdb
import pandas as pd

from etl.load_log import log_load
from khuyencong.i18n.labels import t

DEFAULT_SEED = 20241
DEMO_DOC_ID = "minh-hoa"
YEARS = range(2002, 2026)

# area_id -> (local base in triệu đồng for 2002, central base, districts used as locations)
AREAS = {
    "nghe-an": (2000, 900, ["Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Thanh Chương", "Yên Thành"]),
    "ha-tinh": (1500, 800, ["Cẩm Xuyên", "Đức Thọ", "Hương Sơn", "Kỳ Anh", "Thạch Hà"]),
    "thanh-hoa": (2500, 1100, ["Hoằng Hóa", "Quảng Xương", "Nông Cống", "Thọ Xuân", "Hậu Lộc"]),
    "thai-binh": (1800, 900, ["Đông Hưng", "Kiến Xương", "Tiền Hải", "Vũ Thư", "Quỳnh Phụ"]),
    "hung-yen": (1400, 700, ["Văn Lâm", "Mỹ Hào", "Khoái Châu", "Tiên Lữ", "Phù Cừ"]),
    "ha-noi": (6000, 1500, ["Chương Mỹ", "Phú Xuyên", "Thường Tín", "Ứng Hòa", "Mỹ Đức"]),
}
# Units that merged on 1 July 2025 report 2025 as the new unit.
REPORTS_2025_AS = {"thai-binh": "hung-yen-2025", "hung-yen": "hung-yen-2025"}

# activity -> (sectors it usually serves, outcome indicators with triệu đồng of support per unit)
ACTIVITIES = {
    "dao_tao_nghe": (["det_may", "may_tre_dan_tcmn", "co_khi"], {"lao_dong_dao_tao": 4}),
    "nang_luc_quan_ly": (["khac", "che_bien_nlts_tp"], {"co_so_ho_tro": 15}),
    "mo_hinh_trinh_dien": (["che_bien_nlts_tp", "co_khi", "che_bien_go", "vat_lieu_xay_dung", "gom_su"],
                           {"may_moc_thiet_bi": 250, "mo_hinh_trinh_dien": 600}),
    "san_xuat_sach_hon": (["che_bien_nlts_tp", "vat_lieu_xay_dung"], {"co_so_sxsh": 60}),
    "san_pham_tieu_bieu": (["may_tre_dan_tcmn", "gom_su", "che_bien_nlts_tp"],
                           {"san_pham_tieu_bieu": 20, "nhan_hieu": 40}),
    "hoi_cho_trien_lam": (["may_tre_dan_tcmn", "che_bien_nlts_tp", "det_may"],
                          {"gian_hang": 12, "luot_co_so_hoi_cho": 30}),
    "tu_van_tro_giup": (["che_bien_go", "co_khi", "khac"], {"du_an_tu_van": 50}),
    "thong_tin_tuyen_truyen": (["khac"], {}),
    "quan_ly_thuc_hien": (["khac"], {}),
}
WITH_COUNTERPART = {"mo_hinh_trinh_dien", "san_xuat_sach_hon", "tu_van_tro_giup"}
NAME_PATTERNS = {
    "dao_tao_nghe": "Đào tạo nghề {sector} tại {place}",
    "nang_luc_quan_ly": "Tập huấn nâng cao năng lực quản lý, khởi sự doanh nghiệp tại {place}",
    "mo_hinh_trinh_dien": "Hỗ trợ ứng dụng máy móc thiết bị {sector} tại {place}",
    "san_xuat_sach_hon": "Đánh giá sản xuất sạch hơn cơ sở {sector} tại {place}",
    "san_pham_tieu_bieu": "Bình chọn và phát triển sản phẩm tiêu biểu {sector} ({place})",
    "hoi_cho_trien_lam": "Hỗ trợ tham gia hội chợ, triển lãm sản phẩm {sector}",
    "tu_van_tro_giup": "Tư vấn phát triển sản xuất {sector} tại {place}",
    "thong_tin_tuyen_truyen": "Chương trình truyền hình, bản tin khuyến công năm {year}",
    "quan_ly_thuc_hien": "Kiểm tra, giám sát, nghiệm thu đề án khuyến công năm {year}",
}
QUARTER_SHARES = {"Q1": Decimal("0.18"), "Q2": Decimal("0.27"), "Q3": Decimal("0.25"), "Q4": Decimal("0.30")}


def add_illustrative_data(con: duckdb.DuckDBPyConnection, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write the illustrative document, allocations, projects and outcomes; return row counts."""
    rng = random.Random(seed)
    covered = _real_coverage(con)
    covered_disbursed = _real_coverage(con, "disbursed")
    real_annual = _real_annual(con)
    sector_names = dict(con.execute("SELECT sector_id, lower(name_vi) FROM sector").fetchall())

    allocations, projects, outcomes = [], [], []
    for area, (local_base, central_base, places) in AREAS.items():
        for source, base in (("local", local_base), ("central", central_base)):
            planned = _annual_amounts(rng, area, source, base, covered, real_annual)
            for year, (amount, is_real) in planned.items():
                reporting_area = REPORTS_2025_AS.get(area, area) if year == 2025 else area
                if not is_real:
                    allocations.append(_allocation(reporting_area, year, source, "allocated", amount))
                year_projects = _projects(rng, area, reporting_area, year, source, amount, places, sector_names)
                projects += year_projects
                actual = sum((p["actual_mvnd"] for p in year_projects if p["actual_mvnd"] is not None), Decimal(0))
                if (reporting_area, source, year) not in covered_disbursed:
                    allocations.append(_allocation(reporting_area, year, source, "disbursed", actual))
    allocations = _merge_same_key(allocations)
    allocations += [row for row in _counterpart_allocations(projects)
                    if (row["area_id"], "counterpart", row["year_from"]) not in covered_disbursed]
    outcomes = _outcomes(rng, projects)

    document = pd.DataFrame([{
        "doc_id": DEMO_DOC_ID,
        "title": "Dữ liệu minh họa do chương trình tạo (không phải số liệu thật)",
        "publisher": "Nhóm phát triển dashboard (python -m etl demo)",
        "note": "Sinh ngẫu nhiên có kiểm soát (seed ghi trong load_log) để trình diễn chiều sâu cấp đề án. "
                "Không dùng để báo cáo. Nơi có số liệu thật, số minh họa cộng lại khớp số thật.",
        "kind": "illustrative", "is_illustrative": True,
    }])
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM outcome WHERE doc_id = ?", [DEMO_DOC_ID])
        con.execute("DELETE FROM project WHERE doc_id = ?", [DEMO_DOC_ID])
        con.execute("DELETE FROM allocation WHERE doc_id = ?", [DEMO_DOC_ID])
        # DuckDB cannot delete a referenced key in the same transaction, so the document row is kept once made.
        if not con.execute("SELECT count(*) FROM source_document WHERE doc_id = ?", [DEMO_DOC_ID]).fetchall()[0][0]:
            _insert_frame(con, "source_document", document)
        for table, rows in (("allocation", pd.DataFrame(allocations)),
                            ("project", pd.DataFrame(projects)), ("outcome", pd.DataFrame(outcomes))):
            _insert_frame(con, table, rows)
        counts = {"allocation": len(allocations), "project": len(projects), "outcome": len(outcomes)}
        log_load(con, "etl/demo.py", None, sum(counts.values()), "ok",
                 t("etl_log_demo_data", "vi", seed=seed, counts=", ".join(f"{k} {v}" for k, v in counts.items())))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def _insert_frame(con, table: str, rows: pd.DataFrame) -> None:
    # Decimals go as text: DuckDB would infer a narrow DECIMAL type from the first values and overflow later.
    rows = rows.apply(lambda col: col.map(lambda v: str(v) if isinstance(v, Decimal) else v)
                      if col.dtype == object else col)
    # Table and column names are this module's constants, never user input.
    con.register("demo_rows", rows)
    columns = ", ".join(rows.columns)
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM demo_rows")
    con.unregister("demo_rows")


def _real_coverage(con, figure: str = "allocated") -> set[tuple[str, str, int]]:
    """(area, source, year) already covered by a real figure of this kind, annual or period total."""
    rows = con.execute(
        "SELECT area_id, funding_source, year_from, year_to FROM allocation "
        "WHERE NOT is_illustrative AND figure = ?", [figure]
    ).fetchall()
    return {(a, s, y) for a, s, y0, y1 in rows for y in range(y0, y1 + 1)}


def _real_annual(con) -> dict[tuple[str, str, int], Decimal]:
    rows = con.execute(
        "SELECT area_id, funding_source, year_from, amount_mvnd FROM allocation "
        "WHERE NOT is_illustrative AND figure = 'allocated' AND year_from = year_to AND amount_mvnd IS NOT NULL"
    ).fetchall()
    return {(a, s, y): amount for a, s, y, amount in rows}


def _annual_amounts(rng, area, source, base, covered, real_annual) -> dict[int, tuple[Decimal, bool]]:
    """Amount per year and whether it is a real figure; years inside a real period total get none."""
    amounts = {}
    level = Decimal(base)
    for year in YEARS:
        level = level * Decimal(str(round(rng.uniform(1.02, 1.12), 3)))
        key = (area, source, year)
        if key in real_annual:
            amounts[year] = (real_annual[key], True)
            level = Decimal(real_annual[key])  # illustrative years continue from the real level
        elif key not in covered:
            amounts[year] = (Decimal(round(float(level) / 10) * 10), False)
    return amounts


def _allocation(area, year, source, figure, amount) -> dict:
    return {"area_id": area, "year_from": year, "year_to": year, "funding_source": source, "figure": figure,
            "amount_mvnd": amount, "doc_id": DEMO_DOC_ID, "is_illustrative": True,
            "note": "Số minh họa", "quote": None}


def _merge_same_key(allocations: list[dict]) -> list[dict]:
    """Two old units reporting 2025 as one new unit give one row with their sum."""
    merged: dict[tuple, dict] = {}
    for row in allocations:
        key = (row["area_id"], row["year_from"], row["funding_source"], row["figure"])
        if key in merged:
            merged[key]["amount_mvnd"] += row["amount_mvnd"]
        else:
            merged[key] = dict(row)
    return list(merged.values())


def _split(rng, total: Decimal, parts: int) -> list[Decimal]:
    """Split a total into whole triệu đồng that add up to it exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = sum(weights)
    shares = [Decimal(int(total * Decimal(w / scale))) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def _projects(rng, origin, area, year, source, amount, places, sector_names) -> list[dict]:
    count = rng.randint(3, 7) if amount >= 1000 else rng.randint(1, 3)
    rows = []
    for index, plan in enumerate(_split(rng, amount, count), start=1):
        activity = rng.choice(list(ACTIVITIES))
        sector = rng.choice(ACTIVITIES[activity][0])
        place = rng.choice(places)
        status, actual = _status_and_actual(rng, year, plan)
        counterpart = None
        if activity in WITH_COUNTERPART and actual is not None:
            counterpart = (actual * Decimal(str(round(rng.uniform(1.5, 4.0), 2)))).quantize(Decimal(1))
        rows.append({
            "project_id": f"MH-{origin}-{year}-{source}-{index:02d}",
            "area_id": area, "year": year,
            "name": NAME_PATTERNS[activity].format(sector=sector_names[sector], place=place, year=year),
            "implementer": f"Cơ sở minh họa {rng.randint(1, 400):03d}",
            "location": place,
            "activity_id": activity, "sector_id": sector, "funding_source": source,
            "plan_mvnd": plan, "actual_mvnd": actual, "counterpart_mvnd": counterpart,
            "status": status, "doc_id": DEMO_DOC_ID, "is_illustrative": True,
            "note": "Đề án minh họa",
        })
    return rows


def _status_and_actual(rng, year, plan) -> tuple[str, Decimal | None]:
    """Past years are completed (a few cancelled, with a real zero); 2025 is partly not yet reported."""
    roll = rng.random()
    if year < 2025:
        if roll < 0.03:
            return "cancelled", Decimal(0)
        return "completed", (plan * Decimal(str(round(rng.uniform(0.86, 1.0), 3)))).quantize(Decimal(1))
    if roll < 0.4:
        return "in_progress", None
    if roll < 0.5:
        return "approved", None
    return "completed", (plan * Decimal(str(round(rng.uniform(0.8, 1.0), 3)))).quantize(Decimal(1))


def _counterpart_allocations(projects: list[dict]) -> list[dict]:
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for p in projects:
        if p["counterpart_mvnd"] is not None:
            totals[(p["area_id"], p["year"])] += p["counterpart_mvnd"]
    return [_allocation(area, year, "counterpart", "disbursed", amount) for (area, year), amount in totals.items()]


def _outcomes(rng, projects: list[dict]) -> list[dict]:
    """Yearly outcomes per area, activity and sector; quarters and halves for the last three years."""
    support: dict[tuple, Decimal] = defaultdict(Decimal)
    counterpart: dict[tuple, Decimal] = defaultdict(Decimal)
    for p in projects:
        if p["actual_mvnd"]:
            key = (p["area_id"], p["year"], p["activity_id"], p["sector_id"])
            support[key] += p["actual_mvnd"]
            counterpart[key] += p["counterpart_mvnd"] or 0
    actual_values: dict[tuple, Decimal] = {}
    for (area, year, activity, sector), money in sorted(support.items()):
        per_unit = dict(ACTIVITIES[activity][1])
        for indicator, cost in per_unit.items():
            actual_values[(area, year, "year", activity, sector, indicator)] = Decimal(max(1, round(money / cost)))
        if counterpart[(area, year, activity, sector)]:
            actual_values[(area, year, "year", activity, sector, "von_doi_ung")] = counterpart[
                (area, year, activity, sector)]
        if activity == "tu_van_tro_giup":
            actual_values[(area, year, "year", activity, sector, "doanh_thu_tu_van")] = (
                money * Decimal(str(round(rng.uniform(0.3, 0.6), 2)))).quantize(Decimal(1))
    for key, value in list(actual_values.items()):
        area, year, _, activity, sector, indicator = key
        if year >= 2023:
            quarters = {q: (value * share).quantize(Decimal(1)) for q, share in QUARTER_SHARES.items()}
            for quarter, amount in quarters.items():
                actual_values[(area, year, quarter, activity, sector, indicator)] = amount
            actual_values[(area, year, "H1", activity, sector, indicator)] = quarters["Q1"] + quarters["Q2"]
    rows = []
    for (area, year, period, activity, sector, indicator), actual in sorted(actual_values.items()):
        prior = actual_values.get((area, year - 1, period, activity, sector, indicator))
        plan = (actual * Decimal(str(round(rng.uniform(0.85, 1.2), 2)))).quantize(Decimal(1))
        rows.append({
            "area_id": area, "year": year, "period": period, "activity_id": activity, "sector_id": sector,
            "indicator_id": indicator, "plan_value": plan, "actual_value": actual, "prior_value": prior,
            "qualifier": "exact", "doc_id": DEMO_DOC_ID, "is_illustrative": True, "note": "Số minh họa",
        })
    return rows


def refit_illustrative_data(con: duckdb.DuckDBPyConnection) -> dict[str, int] | None:
    """After real rows were added, regenerate the illustrative rows so that none sits where a real figure now
    covers (as a build would make them, with the seed it used); None when the database holds none."""
    if not con.execute("SELECT count(*) FROM allocation WHERE doc_id = ?", [DEMO_DOC_ID]).fetchone()[0]:
        return None
    return add_illustrative_data(con, seed=_seed_used(con))


def _seed_used(con: duckdb.DuckDBPyConnection) -> int:
    """The seed of the last illustrative data written (kept in load_log's message), else the default."""
    row = con.execute("SELECT message FROM load_log WHERE file_name = 'etl/demo.py' "
                      "ORDER BY loaded_at DESC LIMIT 1").fetchone()
    found = re.search(r"seed[^0-9]*([0-9]+)", row[0]) if row and row[0] else None
    return int(found.group(1)) if found else DEFAULT_SEED


def replace_illustrative_data(db_path, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Regenerate the illustrative rows of an existing database, swapped in atomically."""
    from etl.atomic import replace_database

    counts: dict[str, int] = {}
    replace_database(db_path, lambda con: counts.update(add_illustrative_data(con, seed)), start_from_current=True)
    return counts
