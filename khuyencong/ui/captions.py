"""What stands beneath every chart and table: its source documents, and a plain word when data is illustrative."""


import pandas as pd
import streamlit as st

from khuyencong.i18n.formatting import cite_document, is_missing
from khuyencong.i18n.labels import t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.ui.fetch import fetch, once_per_version


def describe_document(row, lang: str) -> str:
    """Title (publisher, date) as a reader cites it, in Markdown: the title and publisher may come from a workbook."""
    publisher = None if is_missing(row.publisher) else escape_markdown(row.publisher)
    return cite_document(escape_markdown(row.title), publisher, row.published_on, row.date_note, lang)


def markdown_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A table for st.table, which reads every cell as Markdown: every text cell shown as written ('> 10,2 tỷ đồng'
    stays a figure, not a quote; a name from a workbook stays a name)."""
    escape = lambda v: escape_markdown(v) if isinstance(v, str) else v  # noqa: E731
    return frame.map(escape).rename(index=escape)


def document_rows() -> dict:
    """doc_id → its row of document_titles (title, publisher, published_on, date_note, url, is_illustrative), made
    once per database version: every caption and key figure of a run looks documents up (read only)."""
    return once_per_version(("documents",), lambda: {
        row.doc_id: row for row in fetch("document_titles").itertuples(index=False)})


def sources_caption(doc_ids, has_illustrative: bool, lang: str) -> str:
    """One caption line: the real documents behind the figures, and the illustrative notice when needed."""
    documents = document_rows()
    real = [describe_document(documents[d], lang) for d in sorted(set(doc_ids))
            if d in documents and not documents[d].is_illustrative]
    parts = []
    if has_illustrative:
        parts.append("**" + t("caption_illustrative", lang) + "**")
    if real:
        parts.append(t("caption_sources", lang, docs="; ".join(real)))
    elif not has_illustrative:
        parts.append(t("caption_no_sources", lang))
    return " ".join(parts)


def show_sources(doc_ids, has_illustrative: bool, lang: str) -> None:
    """Write the sources caption beneath a chart or table (and give it to the charts above as their footnote)."""
    from khuyencong.ui.presenting import is_presenting, note_sources

    caption = sources_caption(doc_ids, has_illustrative, lang)
    note_sources(caption, has_illustrative)
    if not is_presenting():
        st.caption(caption)
