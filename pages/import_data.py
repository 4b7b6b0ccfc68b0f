"""Nhập dữ liệu / Import: download the template; signed in as an operator, check files, preview, then load them; or
paste a published paragraph and load the figures accepted from it."""

import math

import streamlit as st

from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.ui.app_state import get_database
from khuyencong.ui.article_import import show_article_import
from khuyencong.ui.fetch import code_lists
from khuyencong.ui.import_data import (
    CHECKED,
    DONE,
    INCLUDE_HIDDEN,
    LOAD_ERROR,
    LOAD_PROBLEMS,
    MAPPED,
    MAX_PROBLEMS_SHOWN,
    ROUND,
    TEMPLATE_NAME,
    UPLOAD_TYPES,
    XLSX_MIME,
    can_confirm,
    can_sign_in,
    catalogue,
    change_table,
    check_for,
    choice_label,
    choices_for,
    code_names,
    confirm_load,
    files_key,
    format_size,
    format_wait,
    import_enabled,
    map_value,
    mapping_key,
    max_file_bytes,
    outcome_message,
    problem_count,
    problem_table,
    scope_label,
    seconds_locked,
    sign_in_form,
    sign_in_outcome,
    sign_out,
    split_by_size,
    summary_line,
    template_bytes,
    understood_columns,
    understood_heading,
    understood_sections,
    understood_skipped,
    understood_title,
    understood_totals,
    unknown_line,
    unknown_values,
    unlocked_operator,
)
from khuyencong.ui.session_restart import replaced_lost_session
from khuyencong.ui.shell import current_filters, unit_name

filters = current_filters()
lang = filters.lang
state = st.session_state
st.title(t("page_import", lang))
st.caption(t("import_data_intro", lang))

st.subheader(t("import_data_template_header", lang))
st.markdown(t("import_data_template_text", lang))
template = template_bytes()
if template is None:
    st.warning(t("import_data_template_missing", lang))
else:
    st.download_button(t("import_data_template_download", lang), template, file_name=TEMPLATE_NAME, mime=XLSX_MIME,
                       key="im_template", on_click="ignore", icon=":material/download:")

st.subheader(t("import_data_load_header", lang))
# A file checked in a session that died went with it, unloaded: say so until a file is chosen again (a confirm
# button is only ever drawn for a check this session holds).
restarted = replaced_lost_session()
enabled = import_enabled()
operator = unlocked_operator() if enabled else None
if not enabled:
    st.info(t("import_data_disabled", lang), icon=":material/lock:")
elif not can_sign_in():
    st.info(t("import_data_not_served", lang), icon=":material/lock:")
elif operator is None:
    if restarted:
        st.warning(t("import_data_session_restarted", lang), icon=":material/restart_alt:")
    st.html(sign_in_form(lang, "import_data", {key: st.query_params.get_all(key) for key in st.query_params}))
    if message := outcome_message(sign_in_outcome(state), lang):
        st.error(message, icon=":material/block:")
    if wait := seconds_locked():  # this address guessed wrong too often: its guesses wait
        st.error(t("import_data_locked", lang, wait=format_wait(wait, lang)), icon=":material/timer:")
else:
    status = st.columns([5, 1], vertical_alignment="center")
    status[0].caption(t("import_data_unlocked", lang, name=escape_markdown(operator.name),
                        scope=escape_markdown(scope_label(operator, lang, unit_name))))
    status[1].button(t("import_data_lock", lang), key="im_lock", on_click=sign_out, icon=":material/lock:",
                     width="stretch")
    if DONE in state:
        st.success(state.pop(DONE), icon=":material/check_circle:")
    if LOAD_ERROR in state:
        st.error(t("import_data_load_failed", lang, error=escape_markdown(state.pop(LOAD_ERROR))))
    if LOAD_PROBLEMS in state:
        st.error(t("import_data_load_failed", lang, error=t("import_data_problems_header", lang)))
        st.dataframe(problem_table(state.pop(LOAD_PROBLEMS), lang, limit=MAX_PROBLEMS_SHOWN), hide_index=True,
                     width="stretch")

    limit = max_file_bytes()
    uploads = st.file_uploader(t("import_data_upload", lang), type=UPLOAD_TYPES, accept_multiple_files=True,
                               key=f"im_files_{state.get(ROUND, 0)}", max_upload_size=math.ceil(limit / 2**20),
                               help=t("import_data_upload_help", lang, size=format_size(limit, lang)))
    include_hidden = st.checkbox(t("import_data_include_hidden", lang), key=INCLUDE_HIDDEN,
                                 help=t("import_data_include_hidden_help", lang))
    files, refused = split_by_size([(upload.name, upload.getvalue()) for upload in uploads or []], limit)
    if restarted and not files:
        st.warning(t("import_data_session_restarted", lang), icon=":material/restart_alt:")
    for name, data in refused:
        st.error(t("import_data_too_large", lang, name=escape_markdown(name), size=format_size(len(data), lang),
                   limit=format_size(limit, lang)))
    reports = []
    if files:
        db = get_database()
        key = files_key(files, db.version) + (include_hidden,)
        if state.get(CHECKED, (None,))[0] != key:
            state.pop(CHECKED, None)
            with st.spinner(t("import_data_checking", lang)):
                try:
                    state[CHECKED] = (key, check_for(db.path, files, include_hidden))
                except Exception as error:  # an unreadable file must not take the page down
                    st.error(t("import_data_failed", lang, error=escape_markdown(error)))
        reports = state[CHECKED][1] if CHECKED in state else []

    if reports:
        st.subheader(t("import_data_summary_header", lang))
        say = {"error": st.error, "warning": st.warning, "ok": st.success}
        for report in reports:
            kind, text = summary_line(report, lang)
            say[kind](text)

        understood = [(report.file_name, sheet) for report in reports for sheet in getattr(report, "sheets", [])]
        if understood:
            st.subheader(t("import_data_understood_header", lang))
            st.caption(t("import_data_understood_intro", lang))
            names = code_names(code_lists(), lang)
            for number, (file_name, sheet) in enumerate(understood):
                with st.container(border=True):
                    st.markdown(understood_heading(file_name, sheet, lang))
                    st.dataframe(understood_columns(sheet, lang, names), hide_index=True, width="stretch",
                                 key=f"im_columns_{number}")
                    st.markdown(understood_title(sheet, lang))
                    if sheet.sections:
                        st.dataframe(understood_sections(sheet, lang, names), hide_index=True, width="stretch",
                                     key=f"im_sections_{number}")
                    st.caption(understood_totals(sheet, lang))
                    if skipped := understood_skipped(sheet, lang):
                        st.caption(skipped)

        if MAPPED in state:
            st.success(state.pop(MAPPED), icon=":material/bookmark_added:")
        if unknown := unknown_values(reports):
            st.subheader(t("import_data_unknown_header", lang))
            st.caption(t("import_data_unknown_intro", lang))
            labels = catalogue(db.path)
            for value in unknown:
                row = st.columns([3, 3, 2], vertical_alignment="bottom")
                row[0].markdown(unknown_line(value, lang))
                choices = choices_for(value, labels, lang)
                row[1].selectbox(t("import_data_unknown_choose", lang), choices, key=mapping_key(value),
                                 index=0 if value.suggestions else None,
                                 format_func=lambda code, value=value: choice_label(value, labels, code, lang))
                row[2].button(t("import_data_unknown_remember", lang), key=mapping_key(value) + "_save",
                              icon=":material/bookmark_add:", on_click=map_value,
                              args=(state, db.path, value, labels, lang))

        st.subheader(t("import_data_problems_header", lang))
        problems = problem_table(reports, lang, limit=MAX_PROBLEMS_SHOWN)
        if problems.empty:
            st.caption(t("import_data_no_problems", lang))
        else:
            st.dataframe(problems, hide_index=True, width="stretch", key="im_problems",
                         column_config={t("import_data_col_reason", lang): st.column_config.TextColumn(width="large")})
        if (more := problem_count(reports) - MAX_PROBLEMS_SHOWN) > 0:
            st.caption(t("import_data_more_problems", lang, shown=format_number(MAX_PROBLEMS_SHOWN, lang),
                         more=format_number(more, lang)))

        st.subheader(t("import_data_changes_header", lang))
        st.dataframe(change_table(reports, lang), hide_index=True, width="stretch", key="im_changes")

        allowed = can_confirm(reports)
        st.button(t("import_data_confirm", lang), key="im_confirm", type="primary", disabled=not allowed,
                  help=t("import_data_confirm_help", lang), icon=":material/upload:", on_click=confirm_load,
                  args=(state, db.path, files, lang, include_hidden))
        if not allowed:
            st.caption(t("import_data_confirm_blocked", lang))

    # Figures read from a published paragraph, accepted one by one and loaded like a file
    show_article_import(state, lang)
