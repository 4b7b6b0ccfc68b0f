"""Table columns: a column given a fixed width is at least as wide as its header, so no header is cut short (the
grid truncates a header silently). tests/test_browser_layout.py measures the headers in the browser's font."""

CHAR_PX = 7.2    # a generous average width of a header character, semibold 14 px
PAD_PX = 20      # the grid's padding either side, and a little air
NAMED_PX = {"small": 75, "medium": 200, "large": 400}  # Streamlit's named widths


def header_width(label: str) -> int:
    """Pixels a column needs to show `label` whole."""
    return round(CHAR_PX * len(label)) + PAD_PX


def fit_headers(config: dict) -> dict:
    """`config` (column name → st.column_config entry) with every fixed width widened to fit its header."""
    fitted = {}
    for name, column in config.items():
        width = NAMED_PX.get(column.get("width"), column.get("width")) if isinstance(column, dict) else None
        if isinstance(width, int):
            label = column.get("label") or name
            if header_width(label) > width:
                column = {**column, "width": header_width(label)}
        fitted[name] = column
    return fitted


HEADER_ROW_PX, ROW_PX = 38, 35  # the grid's header (with its border) and each row


def grid_height(rows: int, most: int) -> int:
    """A grid's height for `rows` rows, at most `most` pixels (it scrolls beyond): no blank rows under a short table."""
    return min(most, HEADER_ROW_PX + ROW_PX * max(rows, 1))
