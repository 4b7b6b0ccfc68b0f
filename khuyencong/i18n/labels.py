"""Everything the user reads, in Vietnamese and English, from the gettext catalogs in locale/{vi,en}/LC_MESSAGES.

Code lists (areas, activities...) come from the database.
"""

from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

LANGS = ("vi", "en")
LOCALE_DIR = Path(__file__).parent / "locale"


@cache
def catalog(lang: str) -> dict[str, str]:
    """key -> text of one language, read from its .po file at first use (no compile step: a fresh clone runs)."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return {message.id: message.string for message in read_po(f, locale=lang) if message.id}


def t(key: str, lang: str = "vi", **values) -> str:
    """The label `key` in `lang`, with {placeholders} filled in."""
    text = catalog(lang if lang in LANGS else "vi")[key]
    return text.format(**values) if values else text


def language_name(lang: str) -> str:
    """A language as its speakers name it, the same in every UI language: 'Tiếng Việt', 'English'."""
    return Locale.parse(lang).display_name


def N_(key: str) -> str:  # gettext's name for a key marked for extraction
    """Mark a key kept in a table (a dict of codes, a tuple of columns) so `pybabel extract` finds it."""
    return key


# The shared filter's unit modes (data.filters), named in the sidebar and in the Data page's filter summary.
UNIT_MODES = {"reported": N_("unit_mode_reported"), "current": N_("unit_mode_current")}


REGION_SHORT = {
    "vung-tdmnpb": N_("region_short_tdmnpb"),
    "vung-dbsh": N_("region_short_dbsh"),
    "vung-btb-dhmt": N_("region_short_btb_dhmt"),
    "vung-tn": N_("region_short_tn"),
    "vung-dnb": N_("region_short_dnb"),
    "vung-dbscl": N_("region_short_dbscl"),
}


def region_short(region_id: str, lang: str) -> str:
    """Short region name for option lists; '' for regions themselves."""
    return t(REGION_SHORT[region_id], lang) if region_id in REGION_SHORT else ""
