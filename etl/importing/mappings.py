"""Values an analyst mapped to a catalogue entry on the Import page, remembered for the next file of the same layout.

They are kept in <imports dir>/mappings/values.csv (list, value, code), beside the loaded files, so that a rebuild
replaying the imports reads them exactly as the load did (a folder, so the replay, which reads files only, skips
it). A mapping is (code list, folded value) → code, applied before the lookup (Codes.remember). It only ever names
a value the reference tables do not: they win if they later name it, and a remembered value is never remapped (the
files loaded with it would read differently on the next rebuild).
"""

import csv
import io
import os
from pathlib import Path

from etl.importing.values import fold

FOLDER, FILE_NAME = "mappings", "values.csv"
FIELDS = ("list", "value", "code")
ValueMap = dict[tuple[str, str], str]


def value_map_path(imports_dir: Path) -> Path:
    return Path(imports_dir) / FOLDER / FILE_NAME


def read_value_map(imports_dir: Path) -> ValueMap:
    """(list, folded value) → code; {} when nothing was remembered."""
    path = value_map_path(imports_dir)
    if not path.is_file():
        return {}
    mapping: ValueMap = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("list") and row.get("value") and row.get("code"):
                mapping.setdefault((row["list"], fold(row["value"])), row["code"])
    return mapping


def remember_value(imports_dir: Path, list_name: str, value: str, code: str) -> bool:
    """Remember that `value` in `list_name` means `code`; False (nothing written) when it already means something.

    Written to a temporary file then renamed, so a rebuild never reads half a file.
    """
    path = value_map_path(imports_dir)
    rows = []
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as f:
            rows = [tuple(row.get(name) or "" for name in FIELDS) for row in csv.DictReader(f)]
    if any(row[0] == list_name and fold(row[1]) == fold(value) for row in rows):
        return False
    rows.append((list_name, value, code))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(sorted(rows))
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.part-{os.getpid()}")
    temp.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(temp, path)
    return True
