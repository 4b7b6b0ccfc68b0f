"""Tables without what nobody reported: a column or a row of "không có số liệu" only says that nothing is
reported, which one sentence says better (issue 27: empty states)."""

import pandas as pd

from khuyencong.i18n.formatting import not_reported

EMPTY_CELLS = {not_reported("vi"), not_reported("en"), "", "—"}


def without_empty_columns(table: pd.DataFrame, keep: int = 2) -> tuple[pd.DataFrame, list[str]]:
    """The table without the columns (after the first `keep`) in which no row has a figure, and their headers."""
    empty = [c for c in table.columns[keep:] if table[c].isna().all() or table[c].isin(EMPTY_CELLS).all()]
    return table.drop(columns=empty), empty


def rows_with_figure(table: pd.DataFrame, column: str) -> tuple[pd.DataFrame, int]:
    """The rows of `table` whose `column` holds a figure, and how many rows hold none."""
    missing = table[column].isna() | table[column].isin(EMPTY_CELLS)
    return table[~missing], int(missing.sum())
