"""Write a new database file beside the serving one and swap it in with os.replace.

A failed or killed build leaves the serving file untouched: readers see the old file or the
whole new one, never a half-built one.
"""

import contextlib
import fcntl
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from etl.checks import enforce_references
from etl.cubes import refresh_cubes

TEMP_MARK = ".building-"


def temp_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}")


@contextlib.contextmanager
def exclusive_lock(target: Path) -> Iterator[None]:
    """Serialise builds and loads of one database; the kernel drops the lock if the process dies."""
    lock_path = target.with_name(f".{target.name}.lock")
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete temporary files of killed builds; call only while holding the lock, so none is live."""
    removed = sorted(target.parent.glob(f".{target.name}{TEMP_MARK}*"))
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then act on them as usual: a Ctrl-C at the swap lands either
    before it or after it has finished, never inside. Only the main thread can set handlers (the CLI); a server
    thread runs the block as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {number: signal.signal(number, lambda n, _frame: received.append(n))
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        for number in received[:1]:
            signal.raise_signal(number)


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk."""
    _fsync(path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_database(
    target: Path,
    write: Callable[[duckdb.DuckDBPyConnection], None],
    start_from_current: bool = False,
    on_swapped: Callable[[], None] | None = None,
) -> None:
    """Run `write` on a fresh (or copied) database file and swap it in place of `target` atomically; `on_swapped`
    runs once the new file is in place, with SIGINT/SIGTERM held, so the caller knows which state it left."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive_lock(target):
        remove_stale_temps(target)
        temp = temp_path_for(target)
        wal = temp.with_name(temp.name + ".wal")
        try:
            if start_from_current:
                shutil.copyfile(target, temp)
            con = duckdb.connect(str(temp))
            try:
                write(con)
                enforce_references(con)
                refresh_cubes(con)
                con.execute("CHECKPOINT")
            finally:
                con.close()
            with signals_deferred():
                _fsync(temp)
                os.replace(temp, target)
                _fsync(target.parent)
                if on_swapped is not None:
                    on_swapped()
        finally:
            temp.unlink(missing_ok=True)
            wal.unlink(missing_ok=True)
