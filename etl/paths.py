"""Where the bundled data, the schema and the default database live."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# KC_DATA_DIR lets tests build from a copy of data/ with deliberate faults.
DATA_DIR = Path(os.environ.get("KC_DATA_DIR") or ROOT / "data")
REFERENCE_DIR = DATA_DIR / "reference"
SOURCES_DIR = DATA_DIR / "sources"
SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
SQL_DIR = Path(__file__).resolve().parent / "sql"
CHECKS_DIR = Path(__file__).resolve().parent / "checks"
DEFAULT_DB = ROOT / "data" / "khuyencong.duckdb"

