"""The shared filters, and their round trip through the URL query string.

Anything in the URL that is not a known value is dropped and named in a notice: it never reaches SQL.
"""

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

UNIT_MODES = ("reported", "current")
MAX_SHOWN_VALUE = 40
FILTER_KEYS = ("lang", "units", "area", "years", "year", "source", "activity", "sector", "demo", "kind")
DEFAULT_KIND = "allocated"


@dataclass(frozen=True)
class Choices:
    """The values a filter may take, from the database."""

    areas_reported: tuple[str, ...]
    areas_current: tuple[str, ...]
    activities: tuple[str, ...]
    sectors: tuple[str, ...]
    first_year: int
    last_year: int
    sources: tuple[str, ...] = ()  # funding_source codes in display order (the funding_source table)
    kinds: tuple[str, ...] = (DEFAULT_KIND,)  # figure_kind codes (the figure_kind table)


@dataclass(frozen=True)
class Filters:
    """Everything that selects the figures on every page; hashable, so it keys the query cache."""

    lang: str = "vi"
    unit_mode: str = "reported"
    areas: tuple[str, ...] = ()  # empty: all areas
    year_from: int = 2002
    year_to: int = 2025
    sources: tuple[str, ...] = ()  # empty: all (every code of the funding_source table)
    activities: tuple[str, ...] = ()  # empty: all
    sectors: tuple[str, ...] = ()  # empty: all
    include_illustrative: bool = False  # real figures only unless asked (demo=1 in the URL)
    kind: str = DEFAULT_KIND  # the kind of figure the Funding trends page shows (figure_kind; kind= in the URL)

    @property
    def current_units(self) -> bool:
        return self.unit_mode == "current"

    def sql_params(self) -> dict:
        """Named parameters shared by every filtered query."""
        return {
            "areas": list(self.areas), "year_from": self.year_from, "year_to": self.year_to,
            "sources": list(self.sources), "activities": list(self.activities), "sectors": list(self.sectors),
            "include_illustrative": self.include_illustrative, "current_units": self.current_units,
        }


def default_filters(choices: Choices) -> Filters:
    return Filters(year_from=choices.first_year, year_to=choices.last_year)


def _values(params: Mapping[str, Sequence[str] | str], key: str) -> list[str]:
    raw = params.get(key, [])
    items = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _shown(value: str) -> str:
    return value if len(value) <= MAX_SHOWN_VALUE else value[:MAX_SHOWN_VALUE] + "…"


def _parse_year(text: str, choices: Choices) -> int | None:
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    return year if choices.first_year <= year <= choices.last_year else None


def parse_filters(params: Mapping[str, Sequence[str] | str], choices: Choices,
                  also_known: Collection[str] = ()) -> tuple[Filters, list[str]]:
    """Filters from query parameters, and the 'key=value' items that were ignored.

    Keys that are neither filters nor in `also_known` (used elsewhere in the app) are ignored and named too, by the
    key alone: their values may be anything, a password or a token pasted by mistake included.
    """
    base = default_filters(choices)
    ignored: list[str] = [_shown(str(key)) for key in params if key not in FILTER_KEYS and key not in also_known]
    changes: dict = {}

    def keep(key: str, allowed: Sequence[str], multi: bool = True) -> list[str]:
        found = []
        for value in _values(params, key):
            if value in allowed and value not in found:
                found.append(value)
            else:
                ignored.append(f"{key}={_shown(value)}")
        if not multi and len(found) > 1:
            ignored.extend(f"{key}={v}" for v in found[1:])
            found = found[:1]
        return found

    if lang := keep("lang", ("vi", "en"), multi=False):
        changes["lang"] = lang[0]
    if mode := keep("units", UNIT_MODES, multi=False):
        changes["unit_mode"] = mode[0]
    allowed_areas = choices.areas_current if changes.get("unit_mode") == "current" else choices.areas_reported
    if areas := keep("area", allowed_areas):
        changes["areas"] = tuple(areas)
    if sources := keep("source", choices.sources):
        # Every source picked is the same view as none picked: kept as () so links and cache keys agree.
        changes["sources"] = () if set(sources) == set(choices.sources) else tuple(
            s for s in choices.sources if s in sources)
    if activities := keep("activity", choices.activities):
        changes["activities"] = tuple(activities)
    if sectors := keep("sector", choices.sectors):
        changes["sectors"] = tuple(sectors)
    if demo := keep("demo", ("0", "1"), multi=False):
        changes["include_illustrative"] = demo[0] == "1"
    if kind := keep("kind", choices.kinds, multi=False):
        changes["kind"] = kind[0]
    changes.update(_parse_years(params, choices, ignored))
    return replace(base, **changes), ignored


# Keys of the view that ride along with the filters: presenting (present, slide) and the document page's doc.
PRESENTATION_PARAMS = ("present", "slide", "doc")
DOC_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,119}")
MAX_SLIDE = 999


def _valid_presentation(key: str, value: str) -> bool:
    if key == "present":
        return value == "1"
    if key == "doc":
        return DOC_ID.fullmatch(value) is not None
    return value.isascii() and value.isdigit() and value == str(int(value)) and 0 <= int(value) <= MAX_SLIDE


def parse_presentation(params: Mapping[str, Sequence[str] | str]) -> tuple[dict[str, str], list[str]]:
    """Presentation mode's keys (present=1, slide=0…999, 0 the key figures) as the link holds them, and the items
    that were not valid (named like every other ignored item, and dropped from the link)."""
    kept: dict[str, str] = {}
    ignored: list[str] = []
    for key in PRESENTATION_PARAMS:
        values = _values(params, key)
        if values and _valid_presentation(key, values[0]):
            kept[key] = values[0]
            values = values[1:]
        ignored += [f"{key}={_shown(value)}" for value in values]
    return kept, ignored


def _parse_years(params, choices: Choices, ignored: list[str]) -> dict:
    """`years=2002-2018` or `year=2007`; a range outside the data or reversed is ignored, and so is a second one."""
    found: dict = {}
    for key in ("years", "year"):
        values = _values(params, key)
        for value in values[0 if found else 1:]:
            ignored.append(f"{key}={_shown(value)}")
        if not values or found:
            continue
        parts = values[0].split("-")
        years = [_parse_year(p, choices) for p in parts]
        if len(parts) in (1, 2) and None not in years and years[0] <= years[-1]:
            found = {"year_from": years[0], "year_to": years[-1]}
        else:
            ignored.append(f"{key}={_shown(values[0])}")
    return found


def filters_to_params(filters: Filters, choices: Choices) -> dict[str, str]:
    """The query string that restores these filters; defaults are left out to keep links short."""
    base = default_filters(choices)
    params: dict[str, str] = {}
    if filters.lang != base.lang:
        params["lang"] = filters.lang
    if filters.unit_mode != base.unit_mode:
        params["units"] = filters.unit_mode
    if filters.areas:
        params["area"] = ",".join(filters.areas)
    if (filters.year_from, filters.year_to) != (base.year_from, base.year_to):
        params["years"] = f"{filters.year_from}-{filters.year_to}"
    if filters.sources:
        params["source"] = ",".join(filters.sources)
    if filters.activities:
        params["activity"] = ",".join(filters.activities)
    if filters.sectors:
        params["sector"] = ",".join(filters.sectors)
    if filters.include_illustrative != base.include_illustrative:
        params["demo"] = "1" if filters.include_illustrative else "0"
    if filters.kind != base.kind:
        params["kind"] = filters.kind
    return params
