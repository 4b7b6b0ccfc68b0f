"""Key figures (st.metric) as every page shows them: a "Minh họa" badge on each figure that holds illustrative rows
(none on a figure of real rows only), a tooltip that names the documents behind the figure, and under it a button
that opens the rows and documents behind it (provenance.py's dialog) in one click."""

import hashlib

import streamlit as st

from khuyencong.figures.overview import KeyFigure
from khuyencong.i18n.formatting import format_number, is_missing
from khuyencong.i18n.labels import t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.ui.captions import describe_document, document_rows
from khuyencong.ui.provenance import TABLES, Behind, open_provenance
from khuyencong.ui.shell import current_filters

# What each key figure rests on: its tables, and whether its allocations are of the view's kind of figure only. A
# figure not named here rests on every table of the view (its documents only, when it names them).
MONEY_OF_KIND = (("allocation",), True)
ROWS_BEHIND = {
    "kpi_total": MONEY_OF_KIND, "kpi_local_share": MONEY_OF_KIND, "kpi_central_share": MONEY_OF_KIND,
    "span_total": MONEY_OF_KIND, "years_reported": MONEY_OF_KIND, "avg_growth": MONEY_OF_KIND,
    "trends_units_reporting": MONEY_OF_KIND, "profile_kpi_kind": MONEY_OF_KIND,
    "profile_kpi_planned": (("allocation",), False), "profile_kpi_executed": (("allocation",), False),
    "profile_kpi_figures": (("allocation",), False), "profile_kpi_years": (("allocation",), False),
    "profile_kpi_differing": (("allocation",), False),
    "kpi_projects": (("project",), False), "kpi_leverage": (("project",), False),
    "profile_kpi_projects": (("project",), False), "plan_total": (("project",), False),
    "actual_total": (("project",), False), "pct": (("project",), False), "not_reported": (("project",), False),
    "kpi_projects_published": (("outcome",), False), "kpi_establishments": (("outcome",), False),
    "profile_kpi_published": (("outcome",), False), "actual": (("outcome",), False),
    "pct_plan": (("outcome",), False), "pct_prior": (("outcome",), False), "status": (("outcome",), False),
    "derived_plan": (("outcome",), False), "derived_prior": (("outcome",), False),
}
MAX_DOCUMENTS = 5  # named in a tooltip; the rest are counted ("và 3 tài liệu khác")
BADGE_COLOUR = "orange"


def badge(lang: str) -> str:
    """The mark of a figure that holds illustrative rows, as a Markdown badge for a metric's label."""
    return ":" + BADGE_COLOUR + "-badge[" + t("kpi_illustrative_badge", lang) + "]"


def key_figure_label(figure: KeyFigure, lang: str) -> str:
    return f"{figure.label} {badge(lang)}" if figure.illustrative else figure.label


def documents_help(doc_ids, lang: str) -> str:
    """'Tài liệu: - title (publisher, date) …' for a tooltip: real documents first, newest first, at most
    MAX_DOCUMENTS, then 'và N tài liệu khác'; the illustrative one named as such; '' without documents."""
    documents = document_rows()
    known = [documents[d] for d in dict.fromkeys(doc_ids) if d in documents]
    if not known:
        return ""
    # Real first, then newest first, undated last (stable sorts, as pandas' sort_values on the two columns).
    dated = sorted((r for r in known if not is_missing(r.published_on)), key=lambda r: r.published_on, reverse=True)
    rows = sorted(dated + [r for r in known if is_missing(r.published_on)], key=lambda r: bool(r.is_illustrative))
    lines = [("*" + t("kpi_doc_illustrative", lang) + "*") if row.is_illustrative else describe_document(row, lang)
             for row in rows[:MAX_DOCUMENTS]]
    if len(rows) > MAX_DOCUMENTS:
        lines.append(t("kpi_docs_more", lang, n=format_number(len(rows) - MAX_DOCUMENTS, lang)))
    return t("kpi_docs", lang) + "\n" + "\n".join(f"- {line}" for line in lines)


def key_figure_help(figure: KeyFigure, lang: str) -> str | None:
    parts = [p for p in (figure.help, documents_help(figure.doc_ids, lang)) if p]
    return "\n\n".join(parts) or None


def behind(figure: KeyFigure, filters) -> Behind:
    """The rows a key figure rests on (ROWS_BEHIND), under the view's filters."""
    tables, of_kind = ROWS_BEHIND.get(figure.key, (TABLES, False))
    return Behind(tables, (filters.kind,) if of_kind else (), tuple(figure.doc_ids),
                  f"**{escape_markdown(figure.label)}: {escape_markdown(str(figure.value))}**")


def button_key(figure: KeyFigure) -> str:
    """A widget key of the figure's button, unique on a page that shows one key twice (one per indicator)."""
    return "kf_" + figure.key + "_" + hashlib.sha1(f"{figure.label}|{figure.value}".encode()).hexdigest()[:8]


def show_key_figure(container, figure: KeyFigure, lang: str, filters=None) -> None:
    """One key figure in `container` (a column), marked, with its documents on hover and, one click away, the rows
    and documents behind it (under `filters`, the view's by default)."""
    from khuyencong.ui.presenting import is_presenting, register_key_figure

    register_key_figure(figure)
    container.metric(key_figure_label(figure, lang), figure.value, delta=figure.delta,
                     help=key_figure_help(figure, lang))
    if is_presenting():
        return
    if container.button(t("kf_rows", lang), key=button_key(figure), icon=":material/description:", type="tertiary",
                        help=t("kf_rows_help", lang)):
        filters = filters or current_filters()
        open_provenance(filters, behind(figure, filters))


def show_key_figures(figures: list[KeyFigure], lang: str, per_row: int = 3, filters=None) -> None:
    """Key figures in rows of `per_row` columns."""
    for start in range(0, len(figures), per_row):
        for column, figure in zip(st.columns(per_row), figures[start:start + per_row]):
            show_key_figure(column, figure, lang, filters)
