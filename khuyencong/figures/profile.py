"""Figures of the province profile: one unit's published figures with their documents, its funding by year and by
period, projects and outcomes, reports that differ, the years it reports, its place among the provinces, and what
1 July 2025 changed for it. Every query is a shared one with the area fixed (the shared filters with areas=(area,)).
"""

from dataclasses import dataclass, replace

import pandas as pd

from khuyencong.data import code_lists as lists
from khuyencong.data.code_lists import CodeLists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.data import PAGE_ROWS, SIDES, table_rows, table_summary
from khuyencong.figures.funding import DIFFERS_MARK, other_kind_text, published_value, qualified_money
from khuyencong.figures.overview import KeyFigure
from khuyencong.i18n.formatting import (
    cite_document,
    format_date,
    format_number,
    format_year_span,
    is_missing,
    not_reported,
)
from khuyencong.i18n.labels import N_, t

STATED_TOTAL = "_stated_total"  # plan_executed's stated totals (all levels together) as a series of their own
MIN_PEERS = 2  # a rank needs at least one other province reporting the same figure


def profile_area(filters: Filters) -> str | None:
    """The unit the profile shows: the one area of the shared filter (?area=…), else None (the page offers a
    picker)."""
    return filters.areas[0] if len(filters.areas) == 1 else None


def profile_filters(filters: Filters, area: str) -> Filters:
    """The shared filters with the area fixed: every section reads the shared queries through these."""
    return replace(filters, areas=(area,))


@dataclass
class Profile:
    area: str
    filters: Filters
    name: str
    level: str
    region_id: str | None
    region_name: str | None
    published: pd.DataFrame       # plan_executed rows: every published khuyến công figure, with its document
    differing: pd.DataFrame       # differing_reports rows of this unit
    coverage: pd.DataFrame        # coverage rows (one per year with a figure)
    merge: pd.DataFrame           # profile_merge rows
    projects: dict                # table_summary of projects
    outcomes: dict                # table_summary of outcomes
    listed: pd.Series | None = None        # project_summary: listed projects apart from proposals
    published_counts: pd.DataFrame | None = None  # published_project_counts: the documents' own latest count
    counts_history: pd.DataFrame | None = None    # every published count (outcome de_an, all activities)
    comparable: pd.DataFrame | None = None  # comparable_by_unit of the chosen kind: its latest year, its average
    other_kinds: pd.DataFrame | None = None  # other_kind_figures: the latest figure of each other kind

    @property
    def has_figures(self) -> bool:
        return bool(len(self.published) or self.projects["total_rows"] or self.outcomes["total_rows"])

    @property
    def has_illustrative(self) -> bool:
        return bool(self.published["is_illustrative"].astype(bool).any()) if len(self.published) else False

    @property
    def annual(self) -> pd.DataFrame:
        return self.published[self.published["year_from"] == self.published["year_to"]]

    @property
    def periods(self) -> pd.DataFrame:
        return self.published[self.published["year_from"] < self.published["year_to"]]

    @property
    def doc_ids(self) -> list[str]:
        return sorted(set(self.published["doc_id"]) | set(self.differing["doc_id"]))


def load_profile(query: Query, filters: Filters, area: str) -> Profile:
    """Everything the profile shows of `area` under the shared filters (years, sources, illustrative, unit mode)."""
    pf = profile_filters(filters, area)
    lang = filters.lang
    info = query("profile_area", area=area, current_units=filters.current_units)
    row = info.iloc[0] if len(info) else None
    published = query("plan_executed", **pf.sql_params())
    published["funding_source"] = published["funding_source"].fillna(STATED_TOTAL)
    return Profile(
        area=area, filters=pf,
        name=str(row[f"unit_name_{lang}"]) if row is not None else area,
        level=str(row["level"]) if row is not None else "province",
        region_id=None if row is None or is_missing(row["region_id"]) else str(row["region_id"]),
        region_name=None if row is None or is_missing(row["region_name_vi"]) else str(row[f"region_name_{lang}"]),
        published=published,
        differing=query("differing_reports", **pf.sql_params()),
        coverage=query("coverage", **pf.sql_params()).dropna(subset=["year"]),
        merge=query("profile_merge", area=area),
        projects=_summary(query, "projects", pf),
        outcomes=_summary(query, "outcomes", pf),
        listed=query("project_summary", **pf.sql_params()).iloc[0],
        published_counts=query("published_project_counts", **pf.sql_params()),
        counts_history=query("published_counts_of_unit", **pf.sql_params()),
        comparable=query("comparable_by_unit", **pf.sql_params(), figure=pf.kind),
        other_kinds=query("other_kind_figures", **pf.sql_params(), figure=pf.kind),
    )


def _summary(query: Query, table: str, pf: Filters) -> dict:
    """table_summary of the Data page's table, with how many of its rows are real (from published documents)."""
    summary = table_summary(query, table, pf)
    real = table_summary(query, table, replace(pf, include_illustrative=False)) if pf.include_illustrative else summary
    return summary | {"real_rows": real["total_rows"]}


def source_label(source: str, codes: CodeLists, lang: str) -> str:
    """A funding source's name; a stated total of every level is named as such."""
    return t("profile_stated_total", lang) if source == STATED_TOTAL else codes.source_name(source, lang)


def figure_text(row, codes: CodeLists, lang: str) -> str:
    """The amount with its qualifier's sign ('> 10,2 tỷ đồng'), never 0 for a missing one; a figure of part of its
    last year says so ('≥ 700 triệu đồng (đợt 1 năm 2025)')."""
    text = qualified_money(None if is_missing(row.amount_mvnd) else float(row.amount_mvnd), [row.qualifier], codes,
                           lang)
    partial = getattr(row, "partial_period", None)
    if partial is None or is_missing(partial):
        return text
    return f"{text} ({codes.name(lists.PARTIAL_PERIODS, partial, lang)} {int(row.year_to)})"


def year_ranges(years) -> str:
    """'2002–2018, 2020': whole years joined into runs."""
    ordered = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(format_year_span(a, b) for a, b in runs)


# --- Headline figures ---------------------------------------------------------------------------------------------

SIDE_FIGURES = {"plan": N_("profile_kpi_plan"), "executed": N_("profile_kpi_executed")}


def latest_of_side(published: pd.DataFrame, side: str) -> pd.DataFrame | None:
    """The published figures of one side (plan or executed) the headline shows: of the latest span that has figures
    of both sides (a plan and what was done of it: Bắc Giang 2016–2020, target 141,35 tỷ and executed > 30,72 tỷ),
    else of the side's latest span (a figure of a whole span before one of part of its last year); of that span, the
    total the document states (all levels) if there is one, else the levels of its first kind, to be added up (the
    total rule: one kind, one span, never plan and executed together). None when the side has none."""
    rows = published[published["side"] == side]
    if rows.empty:
        return None
    partial = rows["partial_period"].notna() if "partial_period" in rows else pd.Series(False, index=rows.index)
    spans = published.groupby(["year_from", "year_to"])["side"].nunique()
    paired = [span for span, sides in spans.items() if sides == 2]
    if paired:
        year_from, year_to = max(paired, key=lambda span: (span[1], span[0]))
    else:
        whole = rows[~partial] if (~partial).any() else rows
        year_from, year_to = max(zip(whole["year_from"], whole["year_to"]), key=lambda span: (span[1], span[0]))
    rows = rows[(rows["year_from"] == year_from) & (rows["year_to"] == year_to)]
    stated = rows[rows["funding_source"] == STATED_TOTAL]
    if len(stated):
        return stated.sort_values("kind_order", kind="stable").iloc[:1]
    first = rows["kind_order"].min()
    return rows[rows["kind_order"] == first]


def side_figure(profile: Profile, side: str, codes: CodeLists, lang: str) -> KeyFigure:
    """'Kế hoạch · Mục tiêu / dự kiến 2016–2020': 141,35 tỷ đồng — the side and the kind in the label, so a target
    is never read as money spent (Bắc Giang: target 141,35 tỷ, executed > 30,72 tỷ); the levels added are named."""
    rows = latest_of_side(profile.published, side)
    if rows is None:
        return KeyFigure(f"profile_kpi_{side}", t(SIDE_FIGURES[side], lang, kind="—", span="—"),
                         not_reported(lang), t("profile_kpi_side_none", lang))
    row = rows.iloc[0]
    span = format_year_span(int(row.year_from), int(row.year_to))
    kind = codes.name(lists.FIGURES, row.figure, lang)
    label = t(SIDE_FIGURES[side], lang, kind=kind, span=span)
    if len(rows) == 1:
        source = "" if row.funding_source == STATED_TOTAL else " · " + source_label(row.funding_source, codes, lang)
        return KeyFigure(f"profile_kpi_{side}", label + source, figure_text(row, codes, lang),
                         t("profile_kpi_latest_help", lang, span=span, kind=kind,
                           source=source_label(row.funding_source, codes, lang), doc=cite_row(row, lang)),
                         illustrative=bool(row.is_illustrative), doc_ids=(str(row.doc_id),))
    sources = " + ".join(source_label(s, codes, lang) for s in rows["funding_source"])
    text = qualified_money(float(rows["amount_mvnd"].astype(float).sum()), list(rows["qualifier"]), codes, lang)
    parts = "; ".join(f"{source_label(r.funding_source, codes, lang)} {figure_text(r, codes, lang)}"
                      for r in rows.itertuples())
    return KeyFigure(f"profile_kpi_{side}", f"{label} · {sources}", text,
                     t("profile_kpi_levels_help", lang, parts=parts),
                     illustrative=bool(rows["is_illustrative"].astype(bool).any()),
                     doc_ids=tuple(sorted(set(rows["doc_id"]))))


def kind_figure(profile: Profile, codes: CodeLists, lang: str) -> KeyFigure:
    """The chosen kind's latest yearly figure (kind= of the URL), with its year; where the kind has none but others
    have, it says which, with the figure (never a bare "không có số liệu")."""
    kind = codes.name(lists.FIGURES, profile.filters.kind, lang)
    rows = profile.comparable
    if rows is None or rows.empty:
        return KeyFigure("profile_kpi_kind", t("profile_kpi_kind_missing", lang, kind=kind), not_reported(lang),
                         kind_note(profile, codes, lang))
    row = rows.iloc[0]
    text = qualified_money(float(row["latest_mvnd"]), list(row["latest_qualifiers"]), codes, lang)
    if bool(row["latest_differs"]):
        text += " " + DIFFERS_MARK
    help_text = t("profile_kpi_kind_help", lang, n=format_number(int(row["years_reported"]), lang),
                  average=qualified_money(float(row["average_mvnd"]), list(row["average_qualifiers"]), codes, lang),
                  sources=", ".join(codes.source_name(s, lang) for s in row["latest_sources"]))
    return KeyFigure("profile_kpi_kind", t("profile_kpi_kind", lang, kind=kind, year=int(row["latest_year"])), text,
                     help_text, illustrative=bool(row["latest_illustrative"]),
                     doc_ids=tuple(row["latest_doc_ids"]))


def kind_note(profile: Profile, codes: CodeLists, lang: str) -> str | None:
    """'Không có số Phân bổ từng năm trong phạm vi; có số Kế hoạch được duyệt: 5,02 tỷ đồng (2021); …' when the
    chosen kind has no yearly figure; None when it has one."""
    if profile.comparable is not None and len(profile.comparable):
        return None
    kind = codes.name(lists.FIGURES, profile.filters.kind, lang)
    others = other_kind_text(profile.other_kinds, codes, lang)
    return t("profile_kpi_kind_none", lang, kind=kind) + ("; " + others if others else "") + "."


def published_count_figure(profile: Profile, codes: CodeLists, lang: str) -> KeyFigure:
    """The documents' own count of đề án, for the latest span they give one ('33 (2021)'); every other published
    count in the help. Never added to the listed projects."""
    rows = profile.published_counts
    if rows is None or rows.empty:
        return KeyFigure("profile_kpi_published", t("kpi_projects_published", lang), not_reported(lang),
                         t("kpi_published_help", lang))
    row = rows.iloc[0]
    history = profile.counts_history
    items = "; ".join(published_value(r, codes, lang) for _, r in history.iterrows()) \
        if history is not None and len(history) > 1 else ""
    return KeyFigure("profile_kpi_published", t("kpi_projects_published", lang), published_value(row, codes, lang),
                     t("kpi_published_help", lang) + (" " + t("profile_published_all", lang, items=items)
                                                      if items else ""),
                     illustrative=bool(row["is_illustrative"]), doc_ids=(str(row["doc_id"]),))


def headline(profile: Profile, codes: CodeLists, lang: str) -> list[KeyFigure]:
    """The key figures: the latest plan-side and executed-side figures, each naming its kind and side; the chosen
    kind's latest yearly figure; how many figures, the years, the documents; listed projects and the documents' own
    project count, apart; reports that differ. 'không có số liệu' where there is none, never 0. Each is marked when
    it holds illustrative rows and carries its documents (overview.KeyFigure)."""
    published = profile.published
    years = sorted({int(y) for y in profile.coverage["year"]}) if len(profile.coverage) else []
    docs = {d for d in set(published["doc_id"]) | set(profile.projects["doc_ids"]) | set(profile.outcomes["doc_ids"])
            if not str(d).startswith("minh-hoa")}
    groups = profile.differing.groupby(["year_from", "year_to", "funding_source"]).ngroups \
        if len(profile.differing) else 0

    def count(n: int) -> str:
        return format_number(n, lang) if n else not_reported(lang)

    published_docs = tuple(sorted(set(published["doc_id"])))
    published_illustrative = profile.has_illustrative
    coverage_illustrative = bool(len(profile.coverage) and profile.coverage["is_illustrative"].astype(bool).any())
    projects = profile.projects
    listed = profile.listed
    listed_count = int(listed["projects"]) if listed is not None else projects["total_rows"]
    proposals = int(listed["proposals"]) if listed is not None else 0
    return [
        side_figure(profile, "plan", codes, lang),
        side_figure(profile, "executed", codes, lang),
        kind_figure(profile, codes, lang),
        KeyFigure("profile_kpi_figures", t("profile_kpi_figures", lang), count(len(published)),
                  t("profile_kpi_figures_help", lang), illustrative=published_illustrative, doc_ids=published_docs),
        KeyFigure("profile_kpi_years", t("profile_kpi_years", lang), year_ranges(years) if years else
                  not_reported(lang), t("profile_kpi_years_help", lang), illustrative=coverage_illustrative,
                  doc_ids=published_docs),
        KeyFigure("profile_kpi_documents", t("profile_kpi_documents", lang), count(len(docs)),
                  t("profile_kpi_documents_help", lang), doc_ids=tuple(sorted(docs))),
        KeyFigure("profile_kpi_projects", t("kpi_projects", lang), count(listed_count),
                  t("profile_kpi_projects_help", lang) + (" " + t("kpi_projects_proposals", lang,
                                                                   n=format_number(proposals, lang))
                                                          if proposals else ""),
                  illustrative=bool(projects["total_rows"] > projects["real_rows"]),
                  doc_ids=tuple(sorted(set(projects["doc_ids"])))),
        published_count_figure(profile, codes, lang),
        KeyFigure("profile_kpi_differing", t("profile_kpi_differing", lang),
                  format_number(groups, lang) if len(published) else not_reported(lang),
                  t("profile_kpi_differing_help", lang),
                  doc_ids=tuple(sorted(set(profile.differing["doc_id"]))) if len(profile.differing) else ()),
    ]


def cite_row(row, lang: str) -> str:
    """A plan_executed / differing_reports row's document as a reader cites it: title (publisher, date)."""
    if is_missing(row.title):
        return str(row.doc_id)
    return cite_document(row.title, row.publisher, row.published_on, row.date_note, lang)


def figures_table(profile: Profile, codes: CodeLists, lang: str) -> pd.DataFrame:
    """Every published money figure of the unit, newest span first: years, funding source, kind, plan or executed
    side, amount with its sign, as written, the sentence that states it (where kept), document and its link,
    illustrative or not."""
    rows = profile.published.sort_values(["year_to", "year_from"], ascending=False, kind="stable")
    return pd.DataFrame({
        t("profile_col_years", lang): [format_year_span(int(a), int(b)) for a, b in zip(rows["year_from"],
                                                                                          rows["year_to"])],
        t("profile_col_source", lang): [source_label(s, codes, lang) for s in rows["funding_source"]],
        t("profile_col_kind", lang): [codes.name(lists.FIGURES, f, lang) for f in rows["figure"]],
        t("profile_col_side", lang): [t(SIDES[s], lang) for s in rows["side"]],
        t("profile_col_amount", lang): [figure_text(r, codes, lang) for r in rows.itertuples()],
        # an empty text cell reads "không có" (a grid would show None as "None"); an empty link is blank
        t("profile_col_as_written", lang): [t("data_text_none", lang) if is_missing(v) else str(v)
                                            for v in rows["value_as_written"]],
        t("profile_col_quote", lang): [t("data_text_none", lang) if is_missing(v) else str(v) for v in rows["quote"]],
        t("profile_col_doc", lang): [cite_row(r, lang) for r in rows.itertuples()],
        t("profile_col_link", lang): ["" if is_missing(u) else str(u) for u in rows["url"]],
        t("profile_col_illustrative", lang): [t("data_yes", lang) if v else t("data_no", lang)
                                              for v in rows["is_illustrative"]],
    })


# --- Coverage -----------------------------------------------------------------------------------------------------

def coverage_table(profile: Profile, codes: CodeLists, lang: str) -> pd.DataFrame:
    """Which years each funding source and kind of figure is reported for: annual years as runs, period totals as
    their spans."""
    out = []
    for (source, figure), rows in profile.published.groupby(["funding_source", "figure"], sort=False):
        annual = rows[rows["year_from"] == rows["year_to"]]
        spans = rows[rows["year_from"] < rows["year_to"]]
        out.append({
            t("profile_col_source", lang): source_label(source, codes, lang),
            t("profile_col_kind", lang): codes.name(lists.FIGURES, figure, lang),
            t("profile_col_annual_years", lang): year_ranges(annual["year_from"]) if len(annual) else "—",
            t("profile_col_periods", lang): ", ".join(format_year_span(int(a), int(b)) for a, b in sorted(
                set(zip(spans["year_from"], spans["year_to"])))) or "—",
        })
    return pd.DataFrame(out)


def coverage_sentence(profile: Profile, lang: str) -> str:
    """'Có số liệu cho 17 trong 24 năm được chọn (2002–2018); không có số liệu: 2019–2025.'"""
    pf = profile.filters
    every = range(pf.year_from, pf.year_to + 1)
    years = {int(y) for y in profile.coverage["year"]}
    if not years:
        return t("profile_coverage_none", lang, span=format_year_span(pf.year_from, pf.year_to))
    missing = [y for y in every if y not in years]
    return t("profile_coverage_sentence", lang, n=format_number(len(years), lang),
             total=format_number(len(every), lang), years=year_ranges(years),
             missing=year_ranges(missing) if missing else "—")


# --- Projects and outcomes ----------------------------------------------------------------------------------------

def real_first(query: Query, table: str, profile: Profile) -> pd.DataFrame:
    """The unit's project or outcome rows (the Data page's query, one page of it): every real row first, then, when
    the view includes them, illustrative rows up to the page's size."""
    real = table_rows(query, table, replace(profile.filters, include_illustrative=False))
    if not profile.filters.include_illustrative or len(real) >= PAGE_ROWS:
        return real.reset_index(drop=True)
    every = table_rows(query, table, profile.filters)
    made_up = every[every["is_illustrative"].astype(bool)].head(PAGE_ROWS - len(real))
    return pd.concat([real, made_up], ignore_index=True) if len(made_up) else real.reset_index(drop=True)


COUNT_KEYS = {"projects": (N_("profile_projects_none"), N_("profile_projects_count")),
              "outcomes": (N_("profile_outcomes_none"), N_("profile_outcomes_count"))}


def published_counts_sentence(profile: Profile, codes: CodeLists, lang: str) -> str | None:
    """'Số đề án theo tài liệu: 33 (2021); 270 (2016–2020); …': every count the documents publish, latest first;
    never added to the listed projects. None without one."""
    rows = profile.counts_history
    if rows is None or rows.empty:
        return None
    return t("profile_published_counts", lang,
             items="; ".join(published_value(r, codes, lang) for _, r in rows.iterrows()))


def counts_sentence(profile: Profile, table: str, lang: str) -> str:
    """'12 đề án (10 từ tài liệu đã công bố, 2 minh họa).' or 'không có số liệu'."""
    summary = profile.projects if table == "projects" else profile.outcomes
    total, real = summary["total_rows"], summary["real_rows"]
    if not total:
        return t(COUNT_KEYS[table][0], lang)
    return t(COUNT_KEYS[table][1], lang, n=format_number(total, lang), real=format_number(real, lang),
             illustrative=format_number(total - real, lang))


# --- Place among the provinces ------------------------------------------------------------------------------------

KEY = ["figure", "year_from", "year_to", "funding_source"]


def place_table(query: Query, profile: Profile, region_of: dict[str, str], codes: CodeLists, lang: str
                ) -> tuple[pd.DataFrame, int]:
    """The unit's rank on each of its figures that other provinces publish too: the same kind, funding source (or
    stated total) and years exactly, so the numbers compared mean the same; among all provinces and in its region.
    Returns the table (most-reported figures first) and how many of its figures no other province reports."""
    columns = ["figure", "year_from", "year_to", "funding_source", "text", "rank", "peers", "region_rank",
               "region_peers", "qualified"]
    own = profile.published
    if own.empty or profile.level != "province":
        return pd.DataFrame(columns=columns), len(own)
    everyone = query("plan_executed", **replace(profile.filters, areas=()).sql_params())
    everyone["funding_source"] = everyone["funding_source"].fillna(STATED_TOTAL)
    # One figure per province and key: the first row is the newest document's (plan_executed's order).
    everyone = everyone.drop_duplicates(["unit_id", *KEY])
    out, alone = [], 0
    for row in own.drop_duplicates(KEY).itertuples():
        peers = everyone[(everyone["figure"] == row.figure) & (everyone["year_from"] == row.year_from)
                         & (everyone["year_to"] == row.year_to) & (everyone["funding_source"] == row.funding_source)]
        if peers["unit_id"].nunique() < MIN_PEERS:
            alone += 1
            continue
        amount = float(row.amount_mvnd)
        values = peers["amount_mvnd"].astype(float)
        in_region = peers[[region_of.get(u) == profile.region_id for u in peers["unit_id"]]]
        out.append({"figure": row.figure, "year_from": int(row.year_from), "year_to": int(row.year_to),
                    "funding_source": row.funding_source, "text": figure_text(row, codes, lang),
                    "rank": int((values > amount).sum()) + 1, "peers": int(peers["unit_id"].nunique()),
                    "region_rank": int((in_region["amount_mvnd"].astype(float) > amount).sum()) + 1,
                    "region_peers": int(in_region["unit_id"].nunique()),
                    "qualified": bool((peers["qualifier"] != "exact").any())})
    frame = pd.DataFrame(out, columns=columns)
    frame = frame.sort_values(["peers", "year_to"], ascending=[False, False], kind="stable").reset_index(drop=True)
    return frame, alone


def measure_name(row, codes: CodeLists, lang: str) -> str:
    """'Phân bổ · Địa phương · 2017'."""
    return " · ".join((codes.name(lists.FIGURES, row.figure, lang), source_label(row.funding_source, codes, lang),
                       format_year_span(int(row.year_from), int(row.year_to))))


def place_view(frame: pd.DataFrame, codes: CodeLists, lang: str) -> pd.DataFrame:
    """The ranks as a table: measure, the unit's figure, rank among provinces, rank in its region."""
    return pd.DataFrame({
        t("profile_col_measure", lang): [measure_name(r, codes, lang) for r in frame.itertuples()],
        t("profile_col_amount", lang): list(frame["text"]),
        t("profile_col_rank", lang): [t("profile_rank_of", lang, rank=r.rank, n=r.peers) for r in frame.itertuples()],
        t("profile_col_region_rank", lang): [
            t("profile_rank_of", lang, rank=r.region_rank, n=r.region_peers) if r.region_peers >= MIN_PEERS
            else t("profile_rank_alone", lang) for r in frame.itertuples()],
        t("profile_col_rank_note", lang): [t("profile_rank_qualified", lang) if r.qualified else ""
                                           for r in frame.itertuples()],
    })


def place_sentence(profile: Profile, frame: pd.DataFrame, alone: int, codes: CodeLists, lang: str) -> str:
    """One sentence on the most widely reported comparable figure, or why the unit cannot be ranked."""
    if profile.level != "province":
        return t("profile_place_not_province", lang, name=profile.name)
    if profile.published.empty:
        return t("profile_place_no_figures", lang, name=profile.name)
    if frame.empty:
        return t("profile_place_none", lang, name=profile.name, n=format_number(alone, lang))
    best = frame.iloc[0]
    text = t("profile_place_sentence", lang, name=profile.name, measure=measure_name(best, codes, lang),
             amount=best["text"], rank=best["rank"], n=best["peers"])
    if profile.region_name and best["region_peers"] >= MIN_PEERS:
        text += " " + t("profile_place_region", lang, region=profile.region_name, rank=best["region_rank"],
                        n=best["region_peers"])
    elif profile.region_name:
        text += " " + t("profile_place_region_alone", lang, region=profile.region_name)
    if alone:
        text += " " + t("profile_place_alone", lang, n=format_number(alone, lang))
    return text


# --- 1 July 2025 --------------------------------------------------------------------------------------------------

def formed_in_2025(profile: Profile) -> bool:
    """Whether the unit was formed by merging others (its figures are reported under their names)."""
    return len(profile.merge) > 0 and not profile.merge["is_self"].astype(bool).any()


def merge_sentence(profile: Profile, lang: str) -> str:
    """What the reorganisations changed for the unit: merged into which unit together with which others, unchanged,
    or (for a unit formed then) merged from which; each change with its date and the decision's name. Units merged
    into this one on another date (Hà Tây into Hà Nội in 2008) get a sentence of their own."""
    rows = profile.merge.copy()
    if rows.empty:
        return t("profile_merge_none", lang, name=profile.name)
    rows["is_self"] = rows["is_self"].astype(bool)

    def values(row) -> dict:
        return {"name": profile.name, "date": format_date(row["effective_on"], lang), "doc": row["title"]}

    def names(part) -> str:
        return ", ".join(part[f"from_name_{lang}"])

    self_rows = rows[rows["is_self"]]
    if self_rows.empty:  # a unit formed from others
        return t("profile_merge_from", lang, **values(rows.iloc[0]), units=names(rows))
    own = self_rows.iloc[0]
    others = rows[~rows["is_self"] & (rows["from_area_id"] != rows["to_area_id"])]
    same_day = others[others["effective_on"] == own["effective_on"]]
    sentences = []
    if own["to_area_id"] == profile.area:
        sentences.append(t("profile_merge_absorbed", lang, **values(own), units=names(same_day)) if len(same_day)
                         else t("profile_merge_unchanged", lang, **values(own)))
    elif len(same_day):
        sentences.append(t("profile_merge_into_with", lang, **values(own), to=own[f"to_name_{lang}"],
                           units=names(same_day)))
    else:
        sentences.append(t("profile_merge_into", lang, **values(own), to=own[f"to_name_{lang}"]))
    if own["to_area_id"] == profile.area:
        for _, part in others[others["effective_on"] != own["effective_on"]].groupby("effective_on"):
            sentences.append(t("profile_merge_absorbed", lang, **values(part.iloc[0]), units=names(part)))
    return " ".join(sentences)
