"""Figures as the reader sees them, read back as numbers, so that a test can set a figure on screen against a value
it derived itself (from the database or the documents) without reusing the app's formatting."""

import re

MONEY = {"vi": "tỷ đồng", "en": "bn"}


def shown_number(text: str, lang: str) -> tuple[float, int]:
    """A figure as shown ('139,4 tỷ đồng', 'VND 139.4 bn', '1.427', '73.8%', '2,71 đồng') -> (number, decimals)."""
    found = re.search(r"\d[\d.,]*", text)
    assert found, f"no figure in {text!r}"
    digits = found.group(0)
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    whole, _, fraction = digits.replace(thousands, "").partition(decimal)
    return float(f"{whole}.{fraction or 0}"), len(fraction)


def assert_shows(text: str, exact: float, lang: str, unit: str = "") -> None:
    """`text` is `exact` rounded to the decimals it shows, in `unit`; money (tỷ đồng) also within 0,1 %, the
    key-figure rule."""
    value, decimals = shown_number(text, lang)
    assert unit in text, (text, unit)
    assert abs(value - exact) <= 0.5 * 10 ** -decimals + 1e-9, (text, exact)
    if unit in MONEY.values():
        assert abs(value - exact) <= exact / 1000, (text, exact)
