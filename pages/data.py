"""Dữ liệu / Data: the rows behind the figures, exactly as filtered, to read, search, sort and download."""

import streamlit as st

from khuyencong.captions import show_sources
from khuyencong.explorer import (
    TABLES,
    csv_builder,
    file_name,
    filters_sentence,
    number_columns,
    styled,
    table_rows,
    table_view,
    xlsx_builder,
)
from khuyencong.formatting import NOT_REPORTED
from khuyencong.labels import t
from khuyencong.shell import area_names, current_filters, unit_name

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

filters = current_filters()
lang = filters.lang
st.title(t("page_data", lang))
st.caption(t("dx_intro", lang))

picks = st.columns([2, 3], vertical_alignment="bottom")
table = picks[0].segmented_control(t("dx_table", lang), TABLES, key="dx_table", default="projects", required=True,
                                   format_func=lambda name: t(f"dx_table_{name}", lang))
search = picks[1].text_input(t("dx_search", lang), key="dx_search", placeholder=t("dx_search_placeholder", lang),
                             help=t("dx_search_help", lang))

with st.spinner(t("dx_preparing", lang)):
    rows = {name: table_rows(name, filters, search) for name in TABLES}
    views = {name: table_view(name, rows[name], lang, unit_name, filters.current_units) for name in TABLES}
area_text = area_names(filters)
shown = rows[table]

st.markdown(filters_sentence(filters, table, search, area_text, len(shown)))
if table == "allocations":
    st.caption(t("dx_allocation_years_note", lang))
if shown.empty:
    st.info(t("dx_no_rows", lang))
else:
    kinds = number_columns(table, lang)
    layout = {name: st.column_config.NumberColumn(name, width=150) for name in kinds["money"] + kinds["values"]}
    layout |= {name: st.column_config.TextColumn(name, width="large") for name in kinds["long_text"]}
    st.dataframe(styled(views[table], table, lang), hide_index=True, width="stretch", height=560, key="dx_grid",
                 column_config=layout, placeholder=NOT_REPORTED[lang])
    st.caption(t("dx_sort_note", lang))
show_sources(sorted(set(shown["doc_id"])), bool(shown["is_illustrative"].any()), lang)

st.subheader(t("dx_downloads", lang))
buttons = st.columns(3)
buttons[0].download_button(
    t("dx_download_xlsx", lang), xlsx_builder(filters, {table: shown}, {table: views[table]}, search, area_text),
    file_name=file_name(filters, table, "xlsx", search), mime=XLSX, key="dx_xlsx", on_click="ignore",
    icon=":material/table_view:", help=t("dx_download_help", lang), disabled=shown.empty, width="stretch")
buttons[1].download_button(
    t("dx_download_xlsx_all", lang), xlsx_builder(filters, rows, views, search, area_text),
    file_name=file_name(filters, None, "xlsx", search), mime=XLSX, key="dx_xlsx_all", on_click="ignore",
    icon=":material/library_books:", help=t("dx_download_help", lang),
    disabled=all(frame.empty for frame in rows.values()), width="stretch")
buttons[2].download_button(
    t("dx_download_csv", lang), csv_builder(views[table]), file_name=file_name(filters, table, "csv", search),
    mime="text/csv", key="dx_csv", on_click="ignore", icon=":material/description:",
    help=t("dx_download_csv_help", lang), disabled=shown.empty, width="stretch")
