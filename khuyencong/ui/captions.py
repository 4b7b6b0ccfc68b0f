"""What stands beneath every chart and table: its source documents, and a plain word when data is illustrative."""

import streamlit as st

from khuyencong.i18n.formatting import format_date, text_or_empty
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import fetch


def describe_document(row, lang: str) -> str:
    """Title (publisher, date) as a reader cites it."""
    date = format_date(row.published_on, lang) or text_or_empty(row.date_note)
    details = ", ".join(part for part in (text_or_empty(row.publisher), date) if part)
    return f"{row.title} ({details})" if details else row.title


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
