"""What stands beneath every chart and table: its source documents as one collapsed list of links ("Nguồn (n)"),
and a plain word when data is illustrative. The same component on every page."""

from pathlib import Path
from urllib.parse import quote, urlencode

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


DOCUMENT_PAGE = "document"  # navigation's hidden page that shows a document's stored copy (pages/document.py)
ROOT = Path(__file__).resolve().parents[2]
STORED_COPIES = ROOT / "data" / "sources"  # the only folder a stored copy is read from


def document_link(row, lang: str = "vi") -> str | None:
    """Where a reader opens the document: its URL, else the page that shows its stored copy, else None."""
    if not is_missing(row.url) and str(row.url).strip():
        return str(row.url).strip()
    if stored_copy_path(row) is not None:
        params = {"doc": row.doc_id} | ({"lang": lang} if lang != "vi" else {})
        return f"{DOCUMENT_PAGE}?{urlencode(params)}"
    return None


def stored_copy_path(row) -> Path | None:
    """The stored text of a document (source_document.local_copy), when it is a file under data/sources/."""
    copy = getattr(row, "local_copy", None)
    if is_missing(copy) or not str(copy).strip():
        return None
    path = (ROOT / str(copy)).resolve()
    return path if path.is_relative_to(STORED_COPIES) and path.is_file() else None


def stored_copy_text(row) -> str | None:
    """The text of a document's stored copy, or None without one."""
    path = stored_copy_path(row)
    return None if path is None else path.read_text(encoding="utf-8")


def linked_document(row, lang: str) -> str:
    """describe_document with the title as a Markdown link to the document (or its stored copy)."""
    link = document_link(row, lang)
    if link is None:
        return describe_document(row, lang)
    publisher = None if is_missing(row.publisher) else escape_markdown(row.publisher)
    title = f"[{escape_markdown(row.title)}]({quote(link, safe=':/?=&%#.-_~+')})"
    return cite_document(title, publisher, row.published_on, row.date_note, lang)


def real_documents(doc_ids) -> list:
    """The real (not illustrative) documents among doc_ids, in doc_id order, each once."""
    documents = document_rows()
    return [documents[d] for d in sorted(set(doc_ids)) if d in documents and not documents[d].is_illustrative]


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


def sources_label(n: int, lang: str) -> str:
    return t("sources_n", lang, n=n)


def show_source_list(doc_ids, lang: str, container=None) -> int:
    """"Nguồn (n)": the real documents, collapsed, each a link (the stored copy where there is no URL); returns n."""
    documents = real_documents(doc_ids)
    if documents:
        with (container or st).expander(sources_label(len(documents), lang), icon=":material/description:"):
            st.markdown("\n".join(f"- {linked_document(row, lang)}" for row in documents))
    return len(documents)


def show_sources(doc_ids, has_illustrative: bool, lang: str) -> None:
    """Beneath a chart or table: the illustrative notice when needed and the collapsed "Nguồn (n)" list of links
    (the charts above get the sources as their footnote, for slides and images)."""
    from khuyencong.ui.presenting import is_presenting, note_sources

    doc_ids = list(doc_ids)
    note_sources(sources_caption(doc_ids, has_illustrative, lang), has_illustrative, doc_ids)
    if is_presenting():
        return
    if has_illustrative:
        st.caption("**" + t("caption_illustrative", lang) + "**")
    if not show_source_list(doc_ids, lang) and not has_illustrative:
        st.caption(t("caption_no_sources", lang))


def show_caveats(notes: list[str], lang: str, container=None):
    """The notes on how figures are counted as one plain sentence, with the notes themselves (Markdown) under a
    collapsed "Chi tiết": the first screen keeps its figures and chart, the notes stay one click away. Returns the
    expander (for a link to add in it), None without notes."""
    if not notes:
        return None
    place = container or st
    place.caption(t("caveats_sentence", lang, n=len(notes)))
    details = place.expander(t("caveats_details", lang), icon=":material/info:")
    for note in notes:
        details.markdown(note)
    return details
