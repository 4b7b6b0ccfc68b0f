"""Dữ liệu / Data: the rows behind the figures, exactly as filtered, to read, search, sort and download."""

import streamlit as st

from khuyencong.figures.data import (
    EXPORT_ROW_LIMIT,
    PAGE_ROWS,
    TABLE_NAMES,
    TABLES,
    filters_sentence,
    qualifier_legend,
    styled,
    table_rows,
    table_summary,
    table_view,
)
from khuyencong.i18n.formatting import format_number, not_reported
from khuyencong.i18n.labels import N_, t
from khuyencong.render.data_files import csv_builder, file_name, xlsx_builder
from khuyencong.ui.captions import show_sources
from khuyencong.ui.columns import fit_headers, grid_height
from khuyencong.ui.fetch import code_lists, query, query_uncached
from khuyencong.ui.links import profile_link_column, with_profile_links
from khuyencong.ui.provenance import column_config
from khuyencong.ui.shell import area_names, current_filters

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The unit the table's amounts read in, said under it as the files' "Thông tin" sheet says it (data_info_money).
UNIT_NOTES = {"allocations": N_("data_unit_bn"), "stated": N_("data_unit_bn"), "projects": N_("data_unit_mvnd"),
              "outcomes": N_("data_unit_outcomes")}

filters = current_filters()
lang = filters.lang
st.title(t("page_data", lang))
st.caption(t("data_intro", lang))

picks = st.columns([3, 2], vertical_alignment="bottom")
# Allocations first: the money, with its kind and qualifier, is what a reader of the published figures looks for.
table = picks[0].segmented_control(t("data_table", lang), TABLES, key="dx_table", default="allocations", required=True,
                                   format_func=lambda name: t(TABLE_NAMES[name], lang))
search = picks[1].text_input(t("data_search", lang), key="dx_search", placeholder=t("data_search_placeholder", lang),
                             help=t("data_search_help", lang))

codes = code_lists()
summary = table_summary(query, table, filters, search)
total = summary["total_rows"]
area_text = area_names(filters)

st.markdown(filters_sentence(filters, table, search, area_text, total, codes))
if table in ("allocations", "stated"):
    st.caption(t("data_allocation_years_note", lang))
    st.caption(t("data_qualifier_note", lang, signs=qualifier_legend(codes, lang)))
if table == "stated":
    st.caption(t("data_stated_note", lang))
if total == 0:
    st.info(t("data_no_rows", lang))
else:
    pages = -(-total // PAGE_ROWS)
    page = 1
    if pages > 1:
        paging = st.columns([1, 4], vertical_alignment="bottom")
        page = paging[0].number_input(t("data_page", lang), min_value=1, max_value=pages, value=1, step=1,
                                      key=f"dx_page_{table}")
        first = (page - 1) * PAGE_ROWS
        paging[1].caption(t("data_page_rows", lang, first=format_number(first + 1, lang),
                            last=format_number(min(first + PAGE_ROWS, total), lang),
                            total=format_number(total, lang), pages=format_number(pages, lang)))
    shown = table_rows(query, table, filters, search, offset=(page - 1) * PAGE_ROWS)
    view = table_view(table, shown, lang, codes, filters.current_units)
    area_at = 1 if table == "projects" else 0  # the project code leads the projects table
    view = with_profile_links(view, shown["unit_id"], filters, after=area_at)
    layout = column_config(table, lang)
    layout[t("profile_link_column", lang)] = profile_link_column(lang)
    st.dataframe(styled(view, table, lang), hide_index=True, width="stretch", height=grid_height(len(view), 560),
                 key="dx_grid",
                 column_config=fit_headers(layout), placeholder=not_reported(lang))
    st.caption(t("data_sort_note", lang) + " " + t(UNIT_NOTES[table], lang))
show_sources(summary["doc_ids"], summary["has_illustrative"], lang)

st.subheader(t("data_downloads", lang))
too_many = total > EXPORT_ROW_LIMIT
if too_many:
    st.warning(t("data_too_many", lang, n=format_number(total, lang), limit=format_number(EXPORT_ROW_LIMIT, lang)))
buttons = st.columns(4)
buttons[0].download_button(
    t("data_download_xlsx", lang), xlsx_builder(query_uncached, filters, (table,), search, area_text),
    file_name=file_name(filters, table, "xlsx", search), mime=XLSX, key="dx_xlsx", on_click="ignore",
    icon=":material/table_view:", help=t("data_download_help", lang), disabled=total == 0 or too_many,
    width="stretch")
buttons[1].download_button(
    t("data_download_xlsx_all", lang), xlsx_builder(query_uncached, filters, TABLES, search, area_text),
    file_name=file_name(filters, None, "xlsx", search), mime=XLSX, key="dx_xlsx_all", on_click="ignore",
    icon=":material/library_books:", help=t("data_download_all_help", lang), width="stretch")
buttons[2].download_button(
    t("data_download_csv", lang), csv_builder(query_uncached, filters, table, search),
    file_name=file_name(filters, table, "csv", search), mime="text/csv", key="dx_csv", on_click="ignore",
    icon=":material/description:", help=t("data_download_csv_help", lang), disabled=total == 0 or too_many,
    width="stretch")
buttons[3].download_button(
    t("data_download_csv_vn", lang), csv_builder(query_uncached, filters, table, search, dialect="vi"),
    file_name=file_name(filters, table, "csv", search, dialect="vi"), mime="text/csv", key="dx_csv_vn",
    on_click="ignore", icon=":material/description:", help=t("data_download_csv_vn_help", lang),
    disabled=total == 0 or too_many, width="stretch")
