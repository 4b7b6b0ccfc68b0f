"""Read bundled CSV files: text normalised to Unicode NFC, empty cells as None (not reported)."""

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from etl.problems import LoadError, Problem


@dataclass(frozen=True)
class CsvTable:
    path: Path
    columns: list[str]
    rows: list[list[str | None]]  # rows[i] is line i + 2 of the file (line 1 is the header)

    def line_of(self, index: int) -> int:
        return index + 2


def normalise_text(value: str | None) -> str | None:
    """NFC-normalise and strip a cell; an empty cell becomes None."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).strip()
    return value or None


def read_csv_table(path: Path) -> CsvTable:
    """Read a UTF-8 CSV (BOM tolerated) with a header row into normalised cells."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = [normalise_text(name) or "" for name in next(reader)]
        rows = [[normalise_text(cell) for cell in row] for row in reader if any(c.strip() for c in row)]
    problems = [
        Problem(path.name, index + 2, None, None,
                f"có {len(row)} ô, tiêu đề có {len(header)} cột",
                f"{len(row)} cells, the header has {len(header)} columns")
        for index, row in enumerate(rows) if len(row) != len(header)
    ]
    if problems:
        raise LoadError(problems)
    return CsvTable(path=path, columns=header, rows=rows)
