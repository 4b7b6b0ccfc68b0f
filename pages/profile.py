"""Hồ sơ tỉnh / Province profile: one province's published figures with their documents, funding by year and by
period, projects and outcomes, reports that differ, the years it reports, its place among the provinces, what
1 July 2025 changed, and a deck and picture of it all. The province is the shared filter's one area (?area=…)."""

from dataclasses import replace

import streamlit as st

from khuyencong.figures.data import number_columns, styled, table_view
from khuyencong.figures.profile import (
    counts_sentence,
    coverage_sentence,
    coverage_table,
    figures_table,
    formed_in_2025,
    headline,
    kind_note,
    load_profile,
    merge_sentence,
    place_sentence,
    place_table,
    place_view,
    profile_area,
    published_counts_sentence,
    real_first,
)
from khuyencong.figures.sources import coverage_grid, coverage_legend, differing_table
from khuyencong.i18n.formatting import format_year_span, not_reported
from khuyencong.i18n.labels import t
from khuyencong.render.coverage import make_coverage_chart
from khuyencong.ui.captions import show_sources
from khuyencong.ui.fetch import code_lists, fetch, query
from khuyencong.ui.key_figures import show_key_figures
from khuyencong.ui.kind_picker import kind_picker
from khuyencong.ui.presenting import show_chart
from khuyencong.ui.profile import (
    choose_province,
    profile_charts,
    profile_downloads,
    province_choices,
)
from khuyencong.ui.shell import current_filters

filters = current_filters()
lang = filters.lang
codes = code_lists()
st.title(t("page_profile", lang))

area = profile_area(filters)
options, labels = province_choices(filters)
picker = st.columns([3, 2, 3], vertical_alignment="bottom")  # room for "Bắc Giang (đến 6/2025) · TD&MN phía Bắc"
picker[0].selectbox(t("profile_pick_label", lang), options, index=options.index(area) if area in options else None,
                    format_func=labels.get, key="profile_pick", placeholder=t("profile_pick_placeholder", lang),
                    on_change=choose_province)
if area is None:
    st.info(t("profile_pick_prompt", lang) if not filters.areas else t("profile_pick_one", lang), icon="ℹ️")
    st.stop()

profile = load_profile(query, filters, area)
st.header(profile.name)
st.caption(t("profile_scope", lang, region=profile.region_name or "—",
             years=format_year_span(filters.year_from, filters.year_to),
             sources=codes.source_names(filters.sources, lang)))
st.info(merge_sentence(profile, lang), icon=":material/merge:")
if not profile.has_figures:
    st.warning(t("profile_no_figures", lang, name=profile.name,
                 years=format_year_span(filters.year_from, filters.year_to)))
    if formed_in_2025(profile) and not filters.current_units:
        st.caption(t("profile_no_figures_formed", lang))
    st.stop()

kind_picker(picker[1], filters, "profile")  # the kind of the headline's yearly figure (kind= in the URL)
kpis = headline(profile, codes, lang)
show_key_figures(kpis, lang, filters=replace(filters, areas=(area,)))  # its rows: this unit's
if missing_kind := kind_note(profile, codes, lang):
    st.caption(missing_kind)
if profile.has_illustrative:
    st.caption("**" + t("caption_illustrative", lang) + "**")
charts = profile_charts(profile, codes, lang)
profile_downloads(picker[2], profile, kpis, charts, codes, lang)

# 1. The published figures, each with its document
st.subheader(t("profile_figures_header", lang))
if profile.published.empty:
    st.info(t("profile_no_money", lang))
else:
    st.dataframe(figures_table(profile, codes, lang), hide_index=True, width="stretch", placeholder="—",
                 column_config={t("profile_col_link", lang): st.column_config.LinkColumn(
                     display_text=t("data_open_doc", lang), width=80),
                     t("profile_col_doc", lang): st.column_config.TextColumn(width="large")})
    st.caption(t("profile_figures_note", lang))
show_sources(profile.published["doc_id"], profile.has_illustrative, lang)

# 2. Funding by year and source: plan and executed side by side; 3. period totals over their years
st.subheader(t("profile_funding_header", lang))
for chart in charts:
    show_chart(chart.figure, key=chart.key)
    st.caption(chart.note)
    show_sources(chart.doc_ids, chart.has_illustrative, lang)
if not charts:  # the figures section above has said so already
    st.caption(t("profile_no_money", lang))

# 4. Projects and outcomes, real rows first
st.subheader(t("profile_projects_header", lang))
if published := published_counts_sentence(profile, codes, lang):
    st.markdown(published)
for table in ("projects", "outcomes"):
    rows = real_first(query, table, profile)
    st.markdown(counts_sentence(profile, table, lang))
    if len(rows):
        # The profile is of one unit: its name in every row would only repeat the header.
        view = table_view(table, rows, lang, codes, filters.current_units).drop(columns=[t("data_col_area", lang)])
        kinds = number_columns(table, lang)
        st.dataframe(styled(view, table, lang), hide_index=True, width="stretch", height=min(420, 38 + 35 * len(view)),
                     placeholder=not_reported(lang),
                     column_config={name: st.column_config.LinkColumn(name, display_text=t("data_open_doc", lang))
                                    for name in kinds["links"]})
        summary = profile.projects if table == "projects" else profile.outcomes
        show_sources(summary["doc_ids"], summary["has_illustrative"], lang)

# 5. Reports that differ
st.subheader(t("profile_differing_header", lang))
if profile.differing.empty:
    st.caption(t("profile_differing_none", lang))
else:
    st.dataframe(differing_table(profile.differing, codes, lang), hide_index=True, width="stretch",
                 column_config={t("sources_col_link", lang): st.column_config.LinkColumn(
                     display_text=t("data_open_doc", lang), width=80)})
    st.caption(t("sources_differing_note", lang))

# 6. Coverage of years
st.subheader(t("profile_coverage_header", lang))
st.markdown(coverage_sentence(profile, lang))
if len(profile.coverage):
    grid = coverage_grid(profile.coverage, filters.year_from, filters.year_to, codes.names("figure", lang), lang)
    show_chart(make_coverage_chart(grid, lang, t("profile_coverage_title", lang, name=profile.name)),
               "profile_coverage")
    st.caption(t("profile_coverage_note", lang, legend=coverage_legend(lang)))
    st.dataframe(coverage_table(profile, codes, lang), hide_index=True)

# 7. Its place in its region and among all provinces
st.subheader(t("profile_place_header", lang))
areas = fetch("area_choices")
region_column, id_column = ("current_region_id", "current_area_id") if filters.current_units else \
    ("region_id", "area_id")
ranks, alone = place_table(query, profile, dict(zip(areas[id_column], areas[region_column])), codes, lang)
st.markdown(place_sentence(profile, ranks, alone, codes, lang))
if len(ranks):
    st.dataframe(place_view(ranks, codes, lang), hide_index=True)
    st.caption(t("profile_place_note", lang))
