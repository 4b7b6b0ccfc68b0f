"""Key figures (st.metric) as every page shows them: a "Minh họa" badge on each figure that holds illustrative rows
(none on a figure of real rows only), and a tooltip that names the documents behind the figure."""

import streamlit as st

from khuyencong.figures.overview import KeyFigure
from khuyencong.i18n.formatting import format_number, is_missing
from khuyencong.i18n.labels import t
from khuyencong.ui.captions import describe_document, document_rows

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


def show_key_figure(container, figure: KeyFigure, lang: str) -> None:
    """One key figure in `container` (a column), marked and with its documents on hover."""
    container.metric(key_figure_label(figure, lang), figure.value, delta=figure.delta,
                     help=key_figure_help(figure, lang))


def show_key_figures(figures: list[KeyFigure], lang: str, per_row: int = 3) -> None:
    """Key figures in rows of `per_row` columns."""
    for start in range(0, len(figures), per_row):
        for column, figure in zip(st.columns(per_row), figures[start:start + per_row]):
            show_key_figure(column, figure, lang)
