"""The Data page's downloads: the file names, and the builders the buttons call on click (rows are read and the
workbook made only then, through a query function that does not cache)."""

from collections.abc import Callable

import pandas as pd

from khuyencong.data.code_lists import load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.data import (
    amounts_by_kind,
    export_info,
    export_rows,
    sheet_name,
    table_info,
    table_view,
    year_formats,
)
from khuyencong.render.exports import make_csv, make_file_name, make_xlsx

# The screen's words: the table "Đề án" is saved as "de-an".
TABLE_SLUGS = {"allocations": "phan-bo", "stated": "tong-do-nguon-neu", "projects": "de-an", "outcomes": "ket-qua"}
ALL_TABLES_SLUG = "tat-ca-bang"
SEMICOLON_SLUG = "excel-vn"   # the ";" CSV for Excel with Vietnamese regional settings


def file_name(filters: Filters, table: str | None, ext: str, search: str = "", dialect: str = "en") -> str:
    """khuyen-cong_nghe-an_2002-2018_de-an.xlsx; `table=None` names the three-table workbook; the ';' CSV ends in
    _excel-vn.csv."""
    slug = TABLE_SLUGS[table] if table else ALL_TABLES_SLUG
    if dialect == "vi":
        slug += "_" + SEMICOLON_SLUG
    return make_file_name(filters.areas, filters.year_from, filters.year_to, slug, ext, search)


def export_view(query: Query, filters: Filters, table: str, rows):
    """A table as the files hold it: the screen's columns, with the amounts one column per kind of figure."""
    codes = load_code_lists(query)
    view = table_view(table, rows, filters.lang, codes, filters.current_units)
    return amounts_by_kind(table, view, rows, filters.lang, codes)


def xlsx_builder(query: Query, filters: Filters, tables: tuple[str, ...], search: str, area_text: str
                 ) -> Callable[[], bytes]:
    """What the download button calls on click: the rows are read and the workbook built only then."""
    lang = filters.lang

    def build() -> bytes:
        rows = {name: export_rows(query, name, filters, search) for name in tables}
        sheets = {sheet_name(name, lang): export_view(query, filters, name, frame) for name, frame in rows.items()}
        return make_xlsx(sheets, export_info(query, filters, rows, search, area_text), formats=year_formats(lang))

    return build


def csv_builder(query: Query, filters: Filters, table: str, search: str, dialect: str = "en"
                ) -> Callable[[], bytes]:
    """What a CSV download button calls on click; `dialect` as in make_csv (',' or ';' for Vietnamese Excel)."""
    return lambda: make_csv(export_view(query, filters, table, export_rows(query, table, filters, search)), dialect)


def table_files(query: Query, filters: Filters, slug: str, frame: pd.DataFrame, title: str, doc_ids,
                has_illustrative: bool, area_text: str) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Another page's table (numbers numeric) in the Data page's three formats: format -> (file name, builder).
    'xlsx' (with the 'Thông tin' sheet), 'csv' (',') and 'csv_vn' (';' for Vietnamese Excel)."""
    def xlsx() -> bytes:
        info = table_info(query, filters, title, doc_ids, has_illustrative, area_text)
        return make_xlsx({title: frame}, info)

    return {"xlsx": (file_name_for(filters, slug, "xlsx"), xlsx),
            "csv": (file_name_for(filters, slug, "csv"), lambda: make_csv(frame)),
            "csv_vn": (file_name_for(filters, slug + "_" + SEMICOLON_SLUG, "csv"), lambda: make_csv(frame, "vi"))}


def file_name_for(filters: Filters, slug: str, ext: str) -> str:
    return make_file_name(filters.areas, filters.year_from, filters.year_to, slug, ext)
