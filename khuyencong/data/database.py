"""The dashboard's read-only connection, reopened when a build or import swaps in a new file."""

import os
import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from khuyencong.data.heap import trim_heap

DEFAULT_DB = Path(__file__).resolve().parents[2] / "data" / "khuyencong.duckdb"
DB_ENV = "KC_DB_PATH"


def database_path() -> Path:
    """The database the app serves: $KC_DB_PATH, else data/khuyencong.duckdb."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


class _ReadWriteLock:
    """Many queries at once, or one reopen with no query running."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self):
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._writing = True
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Database:
    """One read-only DuckDB connection per process; a cursor per query."""

    def __init__(self, path: Path, memory_limit: str = "512MB") -> None:
        self.path = Path(path)
        self._memory_limit = memory_limit
        self._lock = _ReadWriteLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._stamp: tuple | None = None

    def _file_stamp(self) -> tuple:
        stat = self.path.stat()
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    @property
    def version(self) -> str:
        """Changes whenever a new file is swapped in; cached query results are keyed by it."""
        self._reopen_if_swapped()
        return "-".join(str(part) for part in self._stamp)

    def _reopen_if_swapped(self) -> None:
        stamp = self._file_stamp()
        if stamp == self._stamp and self._con is not None:
            return
        with self._lock.writing():
            if stamp == self._stamp and self._con is not None:
                return
            # DuckDB caches one instance per path: every old connection must close before reopening.
            if self._con is not None:
                self._con.close()
                self._con = None
                trim_heap()  # the old instance's buffers and caches, freed, go back to the system
            # Default connect options: other read-only users of the file in this process share the instance.
            self._con = duckdb.connect(str(self.path), read_only=True)
            self._con.execute("SET memory_limit = ?", [self._memory_limit])
            self._stamp = stamp

    def query(self, sql: str, params: dict | list | None = None) -> pd.DataFrame:
        """Run one parameterised query on its own cursor and return a DataFrame."""
        self._reopen_if_swapped()
        with self._lock.reading():
            cursor = self._con.cursor()
            try:
                return cursor.execute(sql, params or []).df()
            finally:
                cursor.close()

    def close(self) -> None:
        with self._lock.writing():
            if self._con is not None:
                self._con.close()
                self._con = None
                self._stamp = None
