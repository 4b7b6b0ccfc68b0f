"""The Import page's section "Số liệu từ một bài viết": paste a published paragraph with its URL, title, publisher and
date; the article reader (etl/extract) proposes every khuyến công money figure it states, each beside its sentence
with the words that decided each field highlighted and its questions; the analyst accepts, edits or drops each one;
the accepted figures are loaded as a file through the importer, like a workbook (etl/extract/article_file.py).

Shown only to a session the page has unlocked (the caller checks; the load callback checks again)."""

from collections.abc import MutableMapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd
import streamlit as st

from khuyencong.data.code_lists import FIGURES, QUALIFIERS, SOURCES
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import N_, t
from khuyencong.i18n.markdown import escape_markdown
from khuyencong.ui.app_state import get_database
from khuyencong.ui.fetch import code_lists, once_per_version
from khuyencong.ui.import_data import load, problem_table, unlocked_operator

RESULT, ROUND = "art_result", "art_round"       # the last reading (extraction, article); the widgets' generation
DONE, FAILED, PROBLEMS = "art_done", "art_failed", "art_problems"
TEXT, URL, TITLE, PUBLISHER, DATE, LANG = "art_text", "art_url", "art_title", "art_publisher", "art_date", "art_lang"
ACCEPT, DROP = "accept", "drop"
DECISIONS = {ACCEPT: N_("article_accept"), DROP: N_("article_drop")}
LANG_CHOICES = ("auto", "vi", "en")
LANG_LABELS = {"auto": N_("article_lang_auto"), "vi": N_("article_lang_vi"), "en": N_("article_lang_en")}
# The colour each field's deciding words are highlighted in (Streamlit's background colours), and its name.
FIELD_COLOURS = {"area": ("blue", N_("article_field_area")), "years": ("violet", N_("article_field_years")),
                 "funding_source": ("green", N_("article_field_source")),
                 "figure": ("orange", N_("article_field_kind")), "qualifier": ("gray", N_("article_field_qualifier"))}
AMOUNT_COLOUR = "red"
REASONS = {"investment": N_("article_reason_investment"), "revenue": N_("article_reason_revenue"),
           "average": N_("article_reason_average"), "loan": N_("article_reason_loan"),
           "price": N_("article_reason_price"), "foreign_currency": N_("article_reason_foreign_currency"),
           "not_money": N_("article_reason_not_money"), "range": N_("article_reason_range"),
           "difference": N_("article_reason_difference")}


def reference(db_path: Path):
    """The article reader's code lists and areas, read once per database version."""
    from etl.extract.areas import Reference

    return once_per_version(("article_reference",), lambda: Reference.from_database(db_path))


def widget_key(state: MutableMapping, index: int, name: str) -> str:
    return f"art_{state.get(ROUND, 0)}_{index}_{name}"


# --- Reading --------------------------------------------------------------------------------------------------------

def read_article(state: MutableMapping, db_path: Path) -> None:
    """The read button's callback: the reader's proposals for the pasted paragraph, kept for the page to show."""
    from etl.extract.article_file import Article
    from etl.extract.reader import read_paragraph

    if unlocked_operator() is None:   # a stale button, a session taken over: only a signed-in browser reads
        return
    text, url, title = ((state.get(k) or "").strip() for k in (TEXT, URL, TITLE))
    problems = [key for key, missing in ((N_("article_need_text"), not text), (N_("article_need_title"), not title),
                                         (N_("article_need_url"), not url.lower().startswith(("http://", "https://"))))
                if missing]
    state.pop(RESULT, None)
    state[ROUND] = state.get(ROUND, 0) + 1
    if problems:
        state[FAILED] = problems
        return
    published = state.get(DATE)
    article = Article(title, url, (state.get(PUBLISHER) or "").strip() or None,
                      published if isinstance(published, date) else None)
    extraction = read_paragraph(reference(db_path), text, lang=state.get(LANG) or "auto", title=title,
                                published_on=article.published_on)
    state[RESULT] = (extraction, article)


# --- One proposal, as the page shows it -------------------------------------------------------------------------------

def highlighted_sentence(extraction, proposal) -> str:
    """The proposal's sentence as Markdown: its amount in red, the words that decided each field in the field's
    colour (the legend names them), everything else as typed."""
    start, end = proposal.sentence
    marks = sorted([(proposal.start, proposal.end, AMOUNT_COLOUR)] + [
        (a, b, FIELD_COLOURS[name][0]) for name, (a, b) in proposal.evidence.items()
        if name in FIELD_COLOURS and start <= a < b <= end], key=lambda m: (m[0], -m[1]))
    out, at = [], start
    for a, b, colour in marks:
        if a < at:
            continue  # words that decided two things are marked once
        out.append(_plain(extraction.text[at:a]))
        out.append(f":{colour}-background[{escape_markdown(extraction.text[a:b])}]")
        at = b
    out.append(_plain(extraction.text[at:end]))
    return "".join(out).strip()


def _plain(text: str) -> str:
    """Text between marks, escaped, with the spaces around it kept (escape_markdown trims them)."""
    if not text.strip():
        return " " if text else ""
    return (" " if text[0].isspace() else "") + escape_markdown(text) + (" " if text[-1].isspace() else "")


def legend(lang: str) -> str:
    amount = t("article_field_amount", lang)
    parts = [f":{AMOUNT_COLOUR}-background[{amount}]"]
    parts += [f":{colour}-background[{t(label, lang)}]" for colour, label in FIELD_COLOURS.values()]
    return t("article_legend", lang, fields=" ".join(parts))


def area_options(db_path: Path, first: str | None, lang: str) -> tuple[list[str], dict[str, str]]:
    """Every reporting unit, the proposed one first, then by name; and each one's label."""
    ref = reference(db_path)
    labels = {a: f"{names[1 if lang == 'en' else 0]} ({a})" for a, names in ref.names.items()}
    options = sorted(labels, key=lambda a: labels[a])
    if first in labels:
        options.remove(first)
        options.insert(0, first)
    return options, labels


def mvnd_text(value, lang: str) -> str:
    return f"{format_number(value, lang, 3, trim=True)} " + t("article_unit_mvnd", lang)


def show_proposal(state: MutableMapping, db_path: Path, extraction, index: int, proposal, lang: str) -> None:
    codes = code_lists()
    key = lambda name: widget_key(state, index, name)  # noqa: E731
    with st.container(border=True, key=key("box")):
        left, right = st.columns([5, 4])
        left.markdown(t("article_proposal_heading", lang, number=index + 1,
                        written=escape_markdown(proposal.value_as_written)))
        left.markdown(highlighted_sentence(extraction, proposal))
        if proposal.other_reading_mvnd is not None:
            left.caption(t("article_other_reading", lang, amount=mvnd_text(proposal.other_reading_mvnd, lang)))
        for question in proposal.questions:
            left.warning(escape_markdown(question.text(lang)), icon=":material/help:")
        right.radio(t("article_decision", lang), (ACCEPT, DROP), key=key("decision"), index=None, horizontal=True,
                    format_func=lambda d: t(DECISIONS[d], lang))
        options, labels = area_options(db_path, proposal.area_id, lang)
        right.selectbox(t("article_field_area", lang), options, key=key("area"),
                        index=0 if proposal.area_id in labels else None, format_func=labels.get,
                        placeholder=t("article_choose", lang))
        years = right.columns(2)
        years[0].number_input(t("article_year_from", lang), 1990, 2100, value=proposal.year_from, step=1,
                              key=key("year_from"), placeholder=t("article_choose", lang))
        years[1].number_input(t("article_year_to", lang), 1990, 2100, value=proposal.year_to, step=1,
                              key=key("year_to"), placeholder=t("article_choose", lang))
        coded = right.columns(3)
        for column, (name, list_name, value) in zip(coded, (
                ("funding_source", SOURCES, proposal.funding_source), ("figure", FIGURES, proposal.figure),
                ("qualifier", QUALIFIERS, proposal.qualifier))):
            choices = list(codes.codes(list_name))
            names = codes.names(list_name, lang)
            column.selectbox(t(FIELD_COLOURS[name][1], lang), choices, key=key(name),
                             index=choices.index(value) if value in choices else None,
                             format_func=lambda c, names=names: names.get(c, c),
                             placeholder=t("article_choose", lang))
        right.number_input(t("article_amount_mvnd", lang), min_value=0.0, value=float(proposal.amount_mvnd),
                           step=1.0, format="%.3f", key=key("amount"))


def show_counts(extraction, lang: str) -> None:
    if extraction.counts:
        with st.expander(t("article_counts_header", lang, count=len(extraction.counts))):
            st.caption(t("article_counts_note", lang))
            st.dataframe(pd.DataFrame([(c.value_as_written, c.indicator_id, c.year_from, c.year_to, c.area_id)
                                       for c in extraction.counts],
                                      columns=[t(k, lang) for k in (N_("article_col_written"),
                                                                    N_("article_col_indicator"),
                                                                    N_("article_year_from"), N_("article_year_to"),
                                                                    N_("article_field_area"))]),
                         hide_index=True, width="stretch")
    if extraction.left_out:
        with st.expander(t("article_left_out_header", lang, count=len(extraction.left_out))):
            st.dataframe(pd.DataFrame([(item.value_as_written, t(REASONS.get(item.reason, "article_reason_not_money"),
                                                                 lang)) for item in extraction.left_out],
                                      columns=[t("article_col_written", lang), t("article_col_reason", lang)]),
                         hide_index=True, width="stretch")


# --- Loading what was accepted --------------------------------------------------------------------------------------

def accepted_figures(state: MutableMapping, extraction) -> tuple[list, list[tuple[str, str]]]:
    """(the accepted figures as the analyst left them, [(figure as written, field) still empty])."""
    from etl.extract.article_file import AcceptedFigure

    figures, missing = [], []
    for index, proposal in enumerate(extraction.figures):
        get = lambda name, index=index: state.get(widget_key(state, index, name))  # noqa: E731
        if get("decision") != ACCEPT:
            continue
        values = {name: get(name) for name in ("area", "year_from", "year_to", "funding_source", "figure",
                                                 "qualifier", "amount")}
        empty = [name for name, value in values.items() if value is None]
        if empty:
            missing += [(proposal.value_as_written, name) for name in empty]
            continue
        try:
            amount = Decimal(str(values["amount"])).quantize(Decimal("0.001"))
        except InvalidOperation:
            missing.append((proposal.value_as_written, "amount"))
            continue
        start, end = proposal.sentence
        figures.append(AcceptedFigure(values["area"], int(values["year_from"]), int(values["year_to"]),
                                      values["funding_source"], values["figure"], values["qualifier"], amount,
                                      proposal.value_as_written, " ".join(extraction.text[start:end].split())))
    return figures, missing


def load_accepted(state: MutableMapping, db_path: Path, lang: str) -> None:
    """The load button's callback: the accepted figures, as the article's file, through the importer (all or none).

    Nothing happens unless this browser is signed in now; the operator is named in load_log, rows within its scope."""
    from etl.extract.article_file import article_csv, file_name
    from etl.importer import imports_dir_for

    operator = unlocked_operator()
    if operator is None or RESULT not in state:
        return
    extraction, article = state[RESULT]
    figures, missing = accepted_figures(state, extraction)
    if missing:
        state[FAILED] = [(N_("article_missing_field"), {"written": w, "field": t(field_label(f), lang)})
                         for w, f in missing]
        return
    if not figures:
        state[FAILED] = [N_("article_nothing_accepted")]
        return
    name = file_name(article)
    earlier = imports_dir_for(db_path) / name
    data = article_csv(article, figures, earlier.read_bytes() if earlier.is_file() else None)
    try:
        with st.spinner(t("import_data_loading", lang)):
            reports = load(db_path, [(name, data)], operator)
    except Exception as error:  # the importer writes nothing on failure; say so instead of a traceback
        state[FAILED] = [(N_("import_data_load_failed"), {"error": str(error)})]
        return
    if any(p.severity == "error" for r in reports for p in r.problems):
        state[PROBLEMS] = reports
        return
    state[DONE] = t("article_loaded", lang, count=len(figures), title=article.title)
    state.pop(RESULT, None)
    state[ROUND] = state.get(ROUND, 0) + 1


def field_label(name: str) -> str:
    return {"area": N_("article_field_area"), "year_from": N_("article_year_from"), "year_to": N_("article_year_to"),
            "funding_source": N_("article_field_source"), "figure": N_("article_field_kind"),
            "qualifier": N_("article_field_qualifier"), "amount": N_("article_amount_mvnd")}[name]


# --- The section ----------------------------------------------------------------------------------------------------

def show_article_import(state: MutableMapping, lang: str) -> None:
    """The whole section; the page calls it only for a session it has unlocked."""
    db = get_database()
    st.subheader(t("article_header", lang))
    st.caption(t("article_intro", lang))
    if DONE in state:
        st.success(state.pop(DONE), icon=":material/check_circle:")
    for item in state.pop(FAILED, []):
        key, values = (item, {}) if isinstance(item, str) else item
        st.error(t(key, lang, **{k: escape_markdown(v) for k, v in values.items()}))
    if PROBLEMS in state:
        st.error(t("import_data_load_failed", lang, error=t("import_data_problems_header", lang)))
        st.dataframe(problem_table(state.pop(PROBLEMS), lang), hide_index=True, width="stretch")
    with st.form("art_form", border=True):
        st.text_area(t("article_text", lang), key=TEXT, height=160, help=t("article_text_help", lang))
        first = st.columns(2)
        first[0].text_input(t("article_url", lang), key=URL, placeholder="https://")
        first[1].text_input(t("article_title", lang), key=TITLE)
        second = st.columns(3)
        second[0].text_input(t("article_publisher", lang), key=PUBLISHER)
        second[1].date_input(t("article_date", lang), value=None, key=DATE, format="DD/MM/YYYY",
                             min_value=date(1990, 1, 1), help=t("article_date_help", lang))
        second[2].selectbox(t("article_lang", lang), LANG_CHOICES, key=LANG,
                            format_func=lambda code: t(LANG_LABELS[code], lang))
        st.form_submit_button(t("article_read", lang), icon=":material/find_in_page:", on_click=read_article,
                              args=(state, db.path))
    if RESULT not in state:
        return
    extraction, _article = state[RESULT]
    if not extraction.figures:
        st.info(t("article_none_found", lang))
    else:
        st.markdown(t("article_proposals_header", lang, count=len(extraction.figures)))
        st.caption(legend(lang))
        for index, proposal in enumerate(extraction.figures):
            show_proposal(state, db.path, extraction, index, proposal, lang)
    show_counts(extraction, lang)
    if extraction.figures:
        st.button(t("article_load", lang), key="art_load", type="primary", icon=":material/upload:",
                  help=t("article_load_help", lang), on_click=load_accepted, args=(state, db.path, lang))
