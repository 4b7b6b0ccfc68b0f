"""Named queries: each lives in khuyencong/data/sql/<name>.sql, one query per file, with $name parameters."""

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

from khuyencong.data.database import Database

SQL_DIR = Path(__file__).resolve().parent / "sql"

# What the figure modules are given to read the database: query(name, **params) -> DataFrame. The UI passes a cached
# one (khuyencong/ui/fetch.py); scripts and benchmarks pass database_query(Database(path)).
Query = Callable[..., pd.DataFrame]


@cache
def load_sql(name: str) -> str:
    """The text of khuyencong/data/sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@cache
def parameter_names(name: str) -> frozenset[str]:
    """The $names a query uses, so shared filter parameters can be passed to any query."""
    return frozenset(re.findall(r"\$([a-z_]+)", load_sql(name)))


def run_query(db: Database, name: str, **params) -> pd.DataFrame:
    """Run a named query, binding the keyword parameters it uses as $name."""
    used = parameter_names(name)
    missing = used - params.keys()
    if missing:
        raise KeyError(f"query {name} needs parameters {sorted(missing)}")
    return db.query(load_sql(name), {k: v for k, v in params.items() if k in used})


def database_query(db: Database) -> Query:
    """A query function over one database, without caching."""
    return lambda name, **params: run_query(db, name, **params)
