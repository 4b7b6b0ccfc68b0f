"""Problems found in an input file, each named by file, row and column, in Vietnamese and English."""

from dataclasses import dataclass

from khuyencong.i18n.labels import t


def both(key: str, **values) -> tuple[str, str]:
    """The catalog text `key` in Vietnamese and in English, as Problem(..., *both("etl_...")) takes them.

    A value may be a function of the language: a number to format for it (partial(format_number, n)).
    """
    vi, en = ({name: value(lang) if callable(value) else value for name, value in values.items()}
              for lang in ("vi", "en"))
    return t(key, "vi", **vi), t(key, "en", **en)


def bilingual(key: str, separator: str = " / ", **values) -> str:
    """One line for the terminal and the load log: the Vietnamese text, then the English one."""
    return separator.join(both(key, **values))


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    reason_vi: str
    reason_en: str
    sheet: str | None = None
    severity: str = "error"  # "error" blocks a load; "warning" does not

    def format(self) -> str:
        """One line a person can act on: where, what value, why (vi / en)."""
        where = [self.file]
        if self.sheet:
            where.append(f"sheet {self.sheet}")
        if self.row is not None:
            where.append(bilingual("etl_where_row", "/") + f" {self.row}")
        if self.column:
            where.append(bilingual("etl_where_column", "/") + f" {self.column}")
        shown = "" if self.value is None else f" [{self.value!r}]"
        return f"{', '.join(where)}{shown}: {self.reason_vi} / {self.reason_en}"


class LoadError(Exception):
    """Raised with every problem of a file at once; nothing has been written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))
