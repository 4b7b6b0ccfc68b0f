"""Named queries: each lives in khuyencong/sql/<name>.sql, one query per file, with $name parameters."""

from functools import cache
from pathlib import Path

import pandas as pd

from khuyencong.database import Database

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def load_sql(name: str) -> str:
    """The text of khuyencong/sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_query(db: Database, name: str, **params) -> pd.DataFrame:
    """Run a named query with keyword parameters bound as $name."""
    return db.query(load_sql(name), params)
