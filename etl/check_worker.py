"""A file check run in a worker process of its own, so that reading a hostile workbook cannot starve the viewers'
sessions of the server that received it: the worker runs at a lower CPU priority, with its own ceilings on memory
and time, and is killed when it passes them. The Import page checks through here; the CLI checks in its own process.
"""

import multiprocessing
import os
import resource
from pathlib import Path

from etl.importer import ImportReport, check_files, refused_report
from etl.importing.reader import MAX_CHECK_SECONDS, FileRefused
from etl.importing.report_layout import DEFAULT_OPTIONS, ReadOptions
from etl.problems import both

WORKER_MEMORY_BYTES = 4 * 1024**3          # address space (DuckDB reserves ~1 GB of it idle); real use stays far below
WORKER_NICE = 10                           # viewers' sessions get the CPU first
GRACE_SECONDS = 15                         # beyond the reader's own clock: process start and the database's reads

_context = multiprocessing.get_context("forkserver")
# The worker's imports are paid once, by the fork server, not by every check.
_context.set_forkserver_preload(["etl.importer"])


def _run_check(connection, db_path: str, files: list[tuple[str, bytes]], memory_bytes: int,
               options: ReadOptions = DEFAULT_OPTIONS) -> None:
    os.nice(WORKER_NICE)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        connection.send(("ok", check_files(Path(db_path), files, options=options)))
    except MemoryError:
        connection.send(("memory", None))
    except Exception as error:  # DuckDB reports a failed allocation as its own error
        connection.send(("memory" if "memory" in str(error).lower() else "error", str(error)))
    finally:
        connection.close()


def check_in_worker(db_path: Path, files: list[tuple[str, bytes]], seconds: float | None = None,
                    memory_bytes: int = WORKER_MEMORY_BYTES, options: ReadOptions = DEFAULT_OPTIONS
                    ) -> list[ImportReport]:
    """check_files in a worker process; a worker past its time or memory is stopped and every file is reported
    refused, naming the bound."""
    limit = MAX_CHECK_SECONDS + GRACE_SECONDS if seconds is None else seconds
    receiver, sender = _context.Pipe(duplex=False)
    worker = _context.Process(target=_run_check, args=(sender, str(db_path), files, memory_bytes, options),
                              daemon=True)
    worker.start()
    sender.close()
    try:
        if receiver.poll(limit):
            try:
                status, reports = receiver.recv()
            except EOFError:  # the worker died without a word: the kernel stopped it
                status, reports = "memory", None
        else:
            status, reports = "time", None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if status == "ok":
        return reports
    if status == "error":  # as check_files in process would: the page says the check failed
        raise RuntimeError(reports)
    if status == "time":
        refused = FileRefused(*both("etl_check_too_long", seconds=round(limit)))
    else:
        refused = FileRefused(*both("etl_check_out_of_memory", limit=memory_bytes // 2**20))
    return [refused_report(name, refused) for name, _data in files]
