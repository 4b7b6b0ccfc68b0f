"""What the lines above a report table (and its notes below) say of it: province, period, partial period, funding
source, kind of figure, decision, unit."""

from etl.importing import report_roles as roles
from etl.importing.codes import Codes
from etl.importing.report_cells import text_of
from etl.importing.report_model import Fact, Title
from etl.importing.units import stated_unit_words, unit_named
from etl.importing.values import fold


def read_title(rows: list[tuple[int, dict]], codes: Codes, title: Title) -> None:
    """What the lines above a table say: area, period (and a partial one), figure kind, decision, units."""
    for number, cells in rows:
        for column, value in sorted(cells.items()):
            text = text_of(value)
            if not text or not isinstance(value, str):
                continue
            key = fold(text)
            words = stated_unit_words(text)
            if words is not None:
                unit = unit_named(words)
                if unit is not None:
                    title.units.append(Fact(unit, number, column, text))
                continue
            if title.decision is None and roles.DECISION.search(text):
                title.decision = text.strip("() ")
            area_line(key, text, codes, title)
            read_funding(key, text, number, column, codes, title)
            read_period(key, text, number, column, title)
            read_figure(key, text, number, column, title)


def area_line(key: str, text: str, codes: Codes, title: Title) -> None:
    candidates = [m.group(1) for m in roles.AREA_START.finditer(key)]
    if (match := roles.ORGANISATION.match(key)) is not None and not roles.AREA_START.search(key):
        candidates.append(match.group(2))
    for start in candidates:
        words = start.split()
        for n in range(min(4, len(words)), 0, -1):
            candidate = " ".join(words[:n])
            if candidate in codes.areas:
                if candidate not in title.areas_seen:
                    title.areas_seen.append(candidate)
                    title.area_line = title.area_line or text
                break


def read_funding(key: str, text: str, number: int, column: int, codes: Codes, title: Title) -> None:
    """A funding source a title line names in words of two or more ("KINH PHÍ KHUYẾN CÔNG ĐỊA PHƯƠNG")."""
    if roles.REFERENCE_LINE.search(key):
        return
    padded = f" {key} "
    found = {code for alias, code in codes.lists["funding_source"].items()
             if " " in alias and f" {alias} " in padded}
    for code in sorted(found):
        if all(seen.value != code for seen in title.fundings_seen):
            title.fundings_seen.append(Fact(code, number, column, text))


def read_period(key: str, text: str, number: int, column: int, title: Title) -> None:
    if roles.REFERENCE_LINE.search(key):
        return  # a decision's date is not the table's period
    periods = []
    if (match := roles.YEAR_RANGE.search(key)) is not None:
        first, last = int(match.group(1)), int(match.group(2))
        periods = [(first, last)] if first <= last else []
    else:  # every year a line names: "ƯỚC THỰC HIỆN NĂM 2019 VÀ KẾ HOẠCH NĂM 2020" names two
        years = [int(m.group(1)) for m in roles.SINGLE_YEAR.finditer(key)] or [
            int(m.group(1)) for m in roles.BARE_YEAR.finditer(key)]
        periods = [(year, year) for year in dict.fromkeys(years)]
    if not periods:
        return
    for period in periods:
        if all(seen.value != period for seen in title.periods_seen):
            title.periods_seen.append(Fact(period, number, column, text))
    for pattern, partial in roles.PARTIAL:
        if pattern.search(key) and title.partial is None:
            title.partial = Fact(partial, number, column, text)
            break


def read_figure(key: str, text: str, number: int, column: int, title: Title) -> None:
    rest = f" {key} "
    found = []
    for phrase, figure in roles.TITLE_FIGURES:
        if f" {phrase} " in rest:
            found.append(figure)
            rest = rest.replace(f" {phrase} ", " ")
    for figure in dict.fromkeys(found):
        if all(seen.value != figure for seen in title.figures_seen):
            title.figures_seen.append(Fact(figure, number, column, text))



def inherit(title: Title, first: Title) -> None:
    """A later table of a sheet takes the sheet's area and unit from the first table's title when it states none;
    never its period or figure kind (each table has its own)."""
    if not title.areas_seen and first.areas_seen:
        title.areas_seen, title.area_line = list(first.areas_seen), first.area_line
        title.inherited.append("area")
    if not title.units and first.units:
        title.units = list(first.units)
        title.inherited.append("unit")
    if title.decision is None and first.decision:
        title.decision = first.decision
        title.inherited.append("decision")


