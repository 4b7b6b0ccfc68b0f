"""What stands beneath every chart and table: its source documents, and a plain word when data is illustrative."""

import re

import pandas as pd
import streamlit as st

from khuyencong.i18n.formatting import cite_document
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import fetch


def describe_document(row, lang: str) -> str:
    """Title (publisher, date) as a reader cites it."""
    return cite_document(row.title, row.publisher, row.published_on, row.date_note, lang)


def markdown_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A table for st.table, which reads every cell as Markdown: a cell starting with a sign such as '>' (more than)
    is escaped so it shows as written ('> 10,2 tỷ đồng'), not as a quote."""
    escape = lambda v: re.sub(r"^([>#*+\-])", r"\\\1", v) if isinstance(v, str) else v  # noqa: E731
    return frame.map(escape).rename(index=escape)


def sources_caption(doc_ids, has_illustrative: bool, lang: str) -> str:
    """One caption line: the real documents behind the figures, and the illustrative notice when needed."""
    documents = fetch("document_titles").set_index("doc_id")
    real = [describe_document(documents.loc[d], lang) for d in sorted(set(doc_ids))
            if d in documents.index and not documents.loc[d, "is_illustrative"]]
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
    note_sources(caption)
    if not is_presenting():
        st.caption(caption)
