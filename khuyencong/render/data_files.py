"""The Data page's downloads: the file names, and the builders the buttons call on click (rows are read and the
workbook made only then, through a query function that does not cache)."""

from collections.abc import Callable

from khuyencong.data.code_lists import load_code_lists
from khuyencong.data.filters import Filters
from khuyencong.data.queries import Query
from khuyencong.figures.data import export_info, export_rows, sheet_name, table_view, year_formats
from khuyencong.render.exports import make_csv, make_file_name, make_xlsx

TABLE_SLUGS = {"allocations": "phan-bo", "stated": "tong-do-nguon-neu", "projects": "du-an", "outcomes": "ket-qua"}
ALL_TABLES_SLUG = "tat-ca-bang"


def file_name(filters: Filters, table: str | None, ext: str, search: str = "") -> str:
    """khuyen-cong_nghe-an_2002-2018_du-an.xlsx; `table=None` names the three-table workbook."""
    slug = TABLE_SLUGS[table] if table else ALL_TABLES_SLUG
    return make_file_name(filters.areas, filters.year_from, filters.year_to, slug, ext, search)


def xlsx_builder(query: Query, filters: Filters, tables: tuple[str, ...], search: str, area_text: str
                 ) -> Callable[[], bytes]:
    """What the download button calls on click: the rows are read and the workbook built only then."""
    lang = filters.lang

    def build() -> bytes:
        codes = load_code_lists(query)
        rows = {name: export_rows(query, name, filters, search) for name in tables}
        sheets = {sheet_name(name, lang): table_view(name, frame, lang, codes, filters.current_units)
                  for name, frame in rows.items()}
        return make_xlsx(sheets, export_info(query, filters, rows, search, area_text), formats=year_formats(lang))

    return build


def csv_builder(query: Query, filters: Filters, table: str, search: str) -> Callable[[], bytes]:
    """What the CSV download button calls on click."""
    return lambda: make_csv(table_view(table, export_rows(query, table, filters, search), filters.lang,
                                       load_code_lists(query), filters.current_units))
