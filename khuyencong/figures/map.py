"""Figures of the map of Vietnam (Overview and Compare): one value per province (or per unit after 1 July 2025) of
the measure shown, with what its hover says: the figure with its sign, its kind, its documents.

SQL does the sums (map_*.sql, by the macros funding_in_view and project_cube_in_view); this module only formats
them. Only units with a figure are returned: every shape without one is drawn as not reported (render/maps.py),
never as zero. The map always shows every province, whatever areas are selected: the selected ones are
highlighted, the others keep their figures (they are out of the selection, not unreported).

Per capita and per establishment are not offered: the database holds no population or establishment counts.
"""

from collections.abc import Collection
from dataclasses import dataclass, field, replace

import pandas as pd

from khuyencong.data.code_lists import FIGURES, load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.funding import qualified_money, shared_qualifier
from khuyencong.figures.plan_actual import executed_share_sign, percent_of
from khuyencong.i18n.formatting import format_number, format_percent, format_year_span, is_missing
from khuyencong.i18n.labels import N_, t

# The first is the default: each province's latest yearly figure compares; a sum over the years each province happens
# to report does not (Nghệ An's seventeen years beside one year of another), so it is offered last among the money.
MEASURES = ("latest", "average", "money", "projects", "execution")
MONEY_MEASURES = ("latest", "average", "money")
MEASURE_LABELS = {"latest": N_("map_measure_latest"), "average": N_("map_measure_average"),
                  "money": N_("map_measure_money"), "projects": N_("map_measure_projects"),
                  "execution": N_("map_measure_execution")}
TITLES = {"latest": N_("map_title_latest"), "average": N_("map_title_average"), "money": N_("map_title_money"),
          "projects": N_("map_title_projects"), "execution": N_("map_title_execution")}
UNIT_LABELS = {"latest": N_("map_unit_money"), "average": N_("map_unit_money_per_year"),
               "money": N_("map_unit_money"), "projects": N_("map_unit_projects"), "execution": N_("map_unit_percent")}
# The map's names of the two unit modes (the shared filter's unit_mode): False as reported, True the 2025 units; short
# in the title, longer on the switch above the map.
MODE_NAMES = {False: N_("map_mode_reported"), True: N_("map_mode_current")}
SWITCH_NAMES = {False: N_("map_switch_reported"), True: N_("map_switch_current")}
MAX_DOCUMENTS = 3  # document titles named in a hover; the rest are counted


@dataclass
class MapView:
    """One value per unit with a figure; everything else on the map is not reported."""

    measure: str
    kind: str                    # the kind of figure of the money measure (figure_kind code)
    current_units: bool          # True: the 34 units from 1 July 2025; False: the 63 provinces as reported
    units: pd.DataFrame          # unit_id, value, text, mark, qualified, partial, detail, documents, illustrative
    highlighted: tuple[str, ...] = ()
    doc_ids: list[str] = field(default_factory=list)
    has_illustrative: bool = False
    not_drawn: list[str] = field(default_factory=list)   # names of units with a figure but no shape on this map
    kind_label: str = ""         # what a value is, for the hover: the kind of figure, 'Số đề án', ...

    @property
    def value_of(self) -> dict[str, float]:
        return dict(zip(self.units["unit_id"], self.units["value"]))


def _ids(values) -> list[str]:
    return [] if values is None or is_missing(values) else list(values)


def _document_text(doc_ids, titles: dict[str, str], lang: str) -> str:
    """'Title A; Title B; Title C (+2)' of the real documents; illustrative ones are named by the flag instead."""
    real = [titles[d] for d in doc_ids if d in titles]
    if not real:
        return ""
    shown = "; ".join(real[:MAX_DOCUMENTS])
    more = len(real) - MAX_DOCUMENTS
    return shown + (" " + t("map_more_documents", lang, n=format_number(more, lang)) if more > 0 else "")


def _mark(qualifiers, codes) -> str:
    """The sign drawn on a unit whose figure is not exact: the shared sign ('>', '≈'), or the signs in brackets
    ('(>)') for a sum that also adds exact figures (such a sum carries no sign of its own: funding.shared_qualifier)."""
    found = [q for q in qualifiers if q != "exact"]
    if not found:
        return ""
    shared = shared_qualifier(qualifiers)
    if shared:
        return codes.symbol(shared) or ""
    return "(" + "".join(sorted({codes.symbol(q) or "" for q in found})) + ")"


def _missing_members(reporting: list[str], members: dict[str, list[str]], unit: str) -> list[str]:
    """The old provinces of a 2025 unit with no figure in the sum (empty when all report, or as reported)."""
    return [m for m in members.get(unit, []) if m not in reporting]


def map_view(query: Query, filters: Filters, measure: str = "money", shape_ids: Collection[str] = ()) -> MapView:
    """The map's values for the shared filters: money of the filters' kind (the total rule), the number of projects,
    or the executed share of the plan (the latest span with one plan and one executed figure). `shape_ids`: the units
    the map draws (render.maps.shape_ids), so units with a figure but no shape are named in a note."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure}")
    lang = filters.lang
    codes = load_code_lists(query)
    # Every province, whatever the selection: the selected ones are highlighted, the others are not "not reported".
    view = replace(filters, areas=())
    titles = {r.doc_id: r.title for r in query("document_titles").itertuples() if not r.is_illustrative}
    members, member_names = {}, {}
    if filters.current_units:
        rows = query("map_members")
        members = {u: list(m) for u, m in zip(rows["unit_id"], rows["members"])}
        names = rows[f"member_names_{lang}"]
        member_names = {m: n for ms, ns in zip(rows["members"], names) for m, n in zip(ms, ns)}
    if measure in ("latest", "average"):
        units = _comparable_units(query, view, measure, codes, titles, lang)
    elif measure == "money":
        units = _money_units(query, view, codes, titles, lang)
    elif measure == "projects":
        units = _project_units(query, view, titles, lang)
    else:
        units = _execution_units(query, view, codes, titles, lang)

    partial, notes = [], []
    for unit, reporting in zip(units["unit_id"], units["reporting_areas"]):
        missing = _missing_members(reporting, members, unit) if filters.current_units else []
        partial.append(bool(missing))
        notes.append(t("map_partial_detail", lang, names=", ".join(member_names.get(m, m) for m in missing))
                     if missing else "")
    units["partial"] = partial
    units["detail"] = [" · ".join(p for p in (d, n) if p) for d, n in zip(units["detail"], notes)]
    units = units.drop(columns=["reporting_areas"])

    not_drawn = []
    if shape_ids:
        outside = [u for u in units["unit_id"] if u not in set(shape_ids)]
        if outside:
            labels = query("area_choices")
            column, label = ("current_area_id", f"current_label_{lang}") if filters.current_units else \
                ("area_id", f"label_{lang}")
            named = dict(zip(labels[column], labels[label]))
            not_drawn = [named.get(u, u) for u in outside]
        units = units[units["unit_id"].isin(set(shape_ids))].reset_index(drop=True)
    doc_ids = sorted({d for ids in units.pop("doc_ids") for d in ids})
    kind_label = codes.name(FIGURES, filters.kind, lang) if measure in MONEY_MEASURES else \
        t(MEASURE_LABELS[measure], lang)
    return MapView(measure, filters.kind, filters.current_units, units, tuple(filters.areas), doc_ids,
                   bool(units["illustrative"].any()) if len(units) else False, not_drawn, kind_label)


COLUMNS = ["unit_id", "value", "text", "mark", "qualified", "detail", "documents", "illustrative", "doc_ids",
           "reporting_areas"]


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=COLUMNS)
    frame["value"] = frame["value"].astype(float)
    frame["qualified"] = frame["qualified"].astype(bool)
    frame["illustrative"] = frame["illustrative"].astype(bool)
    return frame


def _money_units(query: Query, view: Filters, codes, titles: dict, lang: str) -> pd.DataFrame:
    rows = query("map_funding", **view.sql_params(), figure=view.kind)
    records = []
    for row in rows.itertuples():
        if is_missing(row.amount_mvnd):  # only period totals the rule leaves out: nothing counted, not reported
            continue
        amount = float(row.amount_mvnd)
        qualifiers = _ids(row.qualifiers)
        mark = _mark(qualifiers, codes)
        differs = bool(row.period_differs)
        detail = t("map_mixed_qualifiers", lang) if mark.startswith("(") else ""
        records.append({
            "unit_id": row.unit_id, "value": amount / 1000,
            "text": qualified_money(amount, qualifiers, codes, lang) + (" ⚑" if differs else ""),
            "mark": mark, "qualified": bool(mark),
            "detail": " · ".join(p for p in (detail, t("map_differs_detail", lang) if differs else "") if p),
            "documents": _document_text(_ids(row.doc_ids), titles, lang),
            "illustrative": bool(row.has_illustrative), "doc_ids": _ids(row.doc_ids),
            "reporting_areas": _ids(row.reporting_areas)})
    return _frame(records)


def _comparable_units(query: Query, view: Filters, measure: str, codes, titles: dict, lang: str) -> pd.DataFrame:
    """Per unit, its latest yearly figure of the kind (with its year, and the sources it adds) or its average per
    reported year (with how many years): figures that compare from one province to the next. A figure that lies in a
    period total it disagrees with says so (⚑)."""
    rows = query("comparable_by_unit", **view.sql_params(), figure=view.kind)
    records = []
    for row in rows.itertuples():
        latest = measure == "latest"
        amount = float(row.latest_mvnd if latest else row.average_mvnd)
        qualifiers = _ids(row.latest_qualifiers if latest else row.average_qualifiers)
        mark = _mark(qualifiers, codes)
        money = qualified_money(amount, qualifiers, codes, lang)
        if latest:
            text = t("map_latest_value", lang, year=int(row.latest_year), value=money)
            sources = ", ".join(codes.source_name(s, lang) for s in _ids(row.latest_sources))
            detail = t("map_latest_detail", lang, sources=sources)
        else:
            text = t("map_average_value", lang, value=money)
            detail = t("map_average_detail", lang, n=format_number(int(row.years_reported), lang),
                       years=format_year_span(int(row.first_year), int(row.latest_year)))
        differs = bool(row.latest_differs if latest else row.any_differs)
        if differs:
            text += " ⚑"
            detail += " · " + t("map_differs_detail", lang)
        doc_ids = _ids(row.latest_doc_ids if latest else row.doc_ids)
        records.append({
            "unit_id": row.unit_id, "value": amount / 1000, "text": text, "mark": mark, "qualified": bool(mark),
            "detail": detail, "documents": _document_text(doc_ids, titles, lang),
            "illustrative": bool(row.latest_illustrative if latest else row.has_illustrative), "doc_ids": doc_ids,
            "reporting_areas": _ids(row.latest_areas if latest else row.areas)})
    return _frame(records)


def _project_units(query: Query, view: Filters, titles: dict, lang: str) -> pd.DataFrame:
    rows = query("map_projects", **view.sql_params())
    records = [{"unit_id": row.unit_id, "value": float(row.projects),
                "text": t("map_projects_value", lang, n=format_number(int(row.projects), lang)),
                "mark": "", "qualified": False, "detail": "",
                "documents": _document_text(_ids(row.doc_ids), titles, lang),
                "illustrative": bool(row.has_illustrative), "doc_ids": _ids(row.doc_ids),
                "reporting_areas": _ids(row.reporting_areas)} for row in rows.itertuples()]
    return _frame(records)


def _execution_units(query: Query, view: Filters, codes, titles: dict, lang: str) -> pd.DataFrame:
    """Per unit, the executed share of the plan over the latest span that one reporting area published with exactly
    one plan-side and one executed-side figure of one funding level (as the Plan/actual page pairs them): a share
    is never of sums, and two spans are never added."""
    rows = query("plan_executed", **view.sql_params())
    records = []
    if rows.empty:
        return _frame(records)
    keys = ["unit_id", "area_id", "year_from", "year_to", "funding_source"]
    pairs = []
    for key, group in rows.groupby(keys, dropna=False, sort=False):
        plan, executed = group[group["side"] == "plan"], group[group["side"] == "executed"]
        if len(plan) == 1 and len(executed) == 1:
            pairs.append((key, plan.iloc[0], executed.iloc[0]))
    # The latest span first; of one span, all levels (no funding source) before one level.
    pairs.sort(key=lambda p: (-int(p[0][3]), -int(p[0][2]), not is_missing(p[0][4]), str(p[0][4])))
    seen = set()
    for (unit, area, year_from, year_to, source), plan, executed in pairs:
        if unit in seen:
            continue
        seen.add(unit)
        pct = percent_of(float(executed["amount_mvnd"]), float(plan["amount_mvnd"]))
        if pct is None:
            continue
        sign = executed_share_sign(plan["qualifier"], executed["qualifier"], codes)

        def figure(row) -> str:
            return f"{codes.name(FIGURES, row['figure'], lang)}: " \
                   f"{qualified_money(float(row['amount_mvnd']), [row['qualifier']], codes, lang)}"

        level = t("plan_actual_pub_all_levels", lang) if is_missing(source) else codes.source_name(source, lang)
        doc_ids = list(dict.fromkeys([plan["doc_id"], executed["doc_id"]]))
        records.append({
            "unit_id": unit, "value": pct, "text": f"{sign} {format_percent(pct, lang)}".strip(),
            "mark": sign, "qualified": bool(sign),
            "detail": t("map_execution_detail", lang, years=format_year_span(int(year_from), int(year_to)),
                        level=level, plan=figure(plan), executed=figure(executed)),
            "documents": _document_text(doc_ids, titles, lang),
            "illustrative": bool(plan["is_illustrative"] or executed["is_illustrative"]), "doc_ids": doc_ids,
            "reporting_areas": [area]})
    return _frame(records)


def mode_name(current_units: bool, lang: str, switch: bool = False) -> str:
    """'63 tỉnh' or '34 đơn vị từ 7/2025' (in a title); with switch, '63 tỉnh (như khi báo cáo)' and so on."""
    return t((SWITCH_NAMES if switch else MODE_NAMES)[current_units], lang)


def map_title(view: MapView, filters: Filters, codes, lang: str) -> str:
    """'Kinh phí khuyến công — Phân bổ, 2002–2025 · 63 tỉnh' and so on: short enough for the map's column."""
    years = format_year_span(filters.year_from, filters.year_to)
    mode = mode_name(view.current_units, lang)
    kind = codes.name(FIGURES, view.kind, lang)
    return t(TITLES[view.measure], lang, kind=kind, years=years, mode=mode)


def map_unit_label(measure: str, lang: str) -> str:
    """The unit of the colour scale: tỷ đồng, projects, percent."""
    return t(UNIT_LABELS[measure], lang)


def selected_unit(selection) -> str | None:
    """The unit id of the clicked shape, from st.plotly_chart's selection: the map's shapes carry their unit id as
    customdata[0] (render/maps.py); the archipelago labels and markers carry none."""
    for point in (selection or {}).get("points") or []:
        data = point.get("customdata")
        if data and isinstance(data, list | tuple) and data[0]:
            return str(data[0])
    return None


TABLE_COLUMNS = (N_("map_col_area"), N_("map_col_value"), N_("map_col_documents"))


def map_table(view: MapView, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The units with a figure, highest first, as the table beside the map shows them: name (marked '▶' when
    selected, '*' when partial), the figure with its sign, its documents (and the illustrative flag)."""
    rows = view.units.sort_values("value", ascending=False, kind="stable")
    illustrative = t("map_illustrative_unit", lang)
    return pd.DataFrame({
        t(TABLE_COLUMNS[0], lang): [("▶ " if u in view.highlighted else "") + names.get(u, u) + (" *" if p else "")
                                    for u, p in zip(rows["unit_id"], rows["partial"])],
        t(TABLE_COLUMNS[1], lang): list(rows["text"]),
        t(TABLE_COLUMNS[2], lang): [" · ".join(x for x in (d, illustrative if i else "") if x)
                                    for d, i in zip(rows["documents"], rows["illustrative"])],
    })
