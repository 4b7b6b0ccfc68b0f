"""Tài liệu nguồn / Source document: one document as the data cites it (title, publisher, date, link) and, where it
has no public URL, its stored copy: every "Nguồn (n)" list and provenance dialog links here for such a document."""

import streamlit as st

from khuyencong.i18n.labels import t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.ui.captions import describe_document, document_rows, stored_copy_text
from khuyencong.ui.shell import current_filters

lang = current_filters().lang
doc_id = st.query_params.get("doc", "")
row = document_rows().get(doc_id)
if row is None:
    st.title(t("page_document", lang))
    st.warning(t("document_unknown", lang, doc=doc_id))
    st.stop()

st.title(escape_markdown(row.title))
st.caption(describe_document(row, lang))
if isinstance(row.url, str) and row.url.strip():
    st.link_button(t("document_open_url", lang), row.url.strip(), icon=":material/open_in_new:")
text = stored_copy_text(row)
if text is None:
    st.info(t("document_no_copy", lang))
else:
    st.subheader(t("document_copy_heading", lang))
    st.caption(t("document_copy_note", lang))
    with st.container(border=True):
        for paragraph in (p.strip() for p in text.split("\n\n")):
            if paragraph:
                st.markdown(escape_markdown(paragraph))
