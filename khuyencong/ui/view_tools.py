"""Two tools every page shares in the sidebar: a link to the view as it stands (page and every filter), to copy and
send, and a short glossary of the words the figures are named with."""

from urllib.parse import urlencode

import streamlit as st

from khuyencong.i18n.labels import N_, t

# The words a reader of khuyến công reports meets, in the order they are usually met: (term key, definition key).
GLOSSARY = (
    (N_("glossary_allocated"), N_("glossary_allocated_def")),
    (N_("glossary_disbursed"), N_("glossary_disbursed_def")),
    (N_("glossary_settled"), N_("glossary_settled_def")),
    (N_("glossary_period_total"), N_("glossary_period_total_def")),
    (N_("glossary_qualified"), N_("glossary_qualified_def")),
    (N_("glossary_counterpart"), N_("glossary_counterpart_def")),
    (N_("glossary_same_period"), N_("glossary_same_period_def")),
    (N_("glossary_cumulative"), N_("glossary_cumulative_def")),
)


def view_link(base_url: str | None, params: dict[str, list[str]]) -> str:
    """The address of this view: the page's URL with every query parameter the shell keeps (filters, language)."""
    query = urlencode([(key, value) for key, values in params.items() for value in values])
    base = base_url or ""
    return f"{base}?{query}" if query else base


def glossary_markdown(lang: str) -> str:
    """The glossary as a Markdown list: '**Phân bổ**: …'."""
    return "\n".join(f"- **{t(term, lang)}**: {t(definition, lang)}" for term, definition in GLOSSARY)


def render_view_tools(lang: str) -> None:
    """The sidebar's 'link to this view' (with the copy button st.code carries) and the glossary."""
    sidebar = st.sidebar
    with sidebar.expander(t("view_link_title", lang), icon=":material/link:"):
        st.caption(t("view_link_help", lang))
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.code(view_link(st.context.url, params), language=None, wrap_lines=True)
    with sidebar.expander(t("glossary_title", lang), icon=":material/menu_book:"):
        st.markdown(glossary_markdown(lang))
