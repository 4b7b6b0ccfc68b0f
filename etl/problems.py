"""Problems found in an input file, each named by file, row and column, in Vietnamese and English."""

from dataclasses import dataclass


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
            where.append(f"dòng/row {self.row}")
        if self.column:
            where.append(f"cột/column {self.column}")
        shown = "" if self.value is None else f" [{self.value!r}]"
        return f"{', '.join(where)}{shown}: {self.reason_vi} / {self.reason_en}"


class LoadError(Exception):
    """Raised with every problem of a file at once; nothing has been written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))
