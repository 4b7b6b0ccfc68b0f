"""The Import page's check and load, each run in a worker process of its own, so that reading a hostile workbook
cannot starve the viewers' sessions of the server that received it, nor take its memory: the worker runs at a lower
CPU priority, with its own ceilings on memory and time, and is stopped when it passes them. The app process hands
the worker the files and gets back the reports; it never reads a file itself. The CLI checks and loads in its own
process.

A load stopped for its time is asked to stop first (SIGTERM): before the swap it leaves the database and imports/
as they were; during the swap it finishes it (etl.atomic holds the signal), and the page is told it loaded. A worker
whose app process dies is stopped the same way (the kernel's parent-death signal), so a viewer told that the
session restarted and the file was not loaded is told the truth.
"""

import ctypes
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from pathlib import Path

from etl.importer import ImportReport, check_files, load_files, refused_report
from etl.importing.reader import MAX_CHECK_SECONDS, FileRefused
from etl.problems import both
from khuyencong.i18n.labels import N_

WORKER_MEMORY_BYTES = 4 * 1024**3          # address space (DuckDB reserves ~1 GB of it idle); real use stays far below
WORKER_NICE = 10                           # viewers' sessions get the CPU first
GRACE_SECONDS = 15                         # beyond the reader's own clock: process start and the database's reads
# A load reads like a check, then copies the database, writes, refreshes the cubes and swaps: minutes at 10M projects.
LOAD_WRITE_SECONDS = 240
STOP_SECONDS = 60                          # from SIGTERM to SIGKILL: a swap under way is let finish
PR_SET_PDEATHSIG = 1
# What a refusal says, per bound: (past its time, past its memory).
CHECK_BOUNDS = (N_("etl_check_too_long"), N_("etl_check_out_of_memory"))
LOAD_BOUNDS = (N_("etl_load_too_long"), N_("etl_load_out_of_memory"))

_context = multiprocessing.get_context("forkserver")
# The worker's imports are paid once, by the fork server, not by every check.
_context.set_forkserver_preload(["etl.importer"])


def _stop_gracefully(_signum, _frame) -> None:
    # load_files treats KeyboardInterrupt as Ctrl-C: kept copies of a load not swapped in are removed, a swap under
    # way is finished and reported.
    raise KeyboardInterrupt


def _die_with_parent() -> None:
    """SIGTERM this worker when the process that started it (the fork server, which exits with the app) exits."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the supervisor's group kill stops it instead
        return
    if os.getppid() == 1:  # the parent was gone before the request took effect
        signal.raise_signal(signal.SIGTERM)


def _run(connection, task: Callable, db_path: str, files: list[tuple[str, bytes]], memory_bytes: int,
         options: dict) -> None:
    signal.signal(signal.SIGTERM, _stop_gracefully)
    _die_with_parent()
    os.nice(WORKER_NICE)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        result = ("ok", task(Path(db_path), files, **options))
    except MemoryError:
        result = ("memory", None)
    except KeyboardInterrupt:
        result = ("time", None)
    except Exception as error:  # DuckDB reports a failed allocation as its own error
        result = ("memory" if "memory" in str(error).lower() else "error", str(error))
    try:  # with the worker's peak resident memory (Linux: kB), which the bench reports
        connection.send((*result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))
    except (BrokenPipeError, OSError):  # the app process is gone: nobody to tell
        pass
    finally:
        connection.close()


def _in_worker(task: Callable, db_path: Path, files: list[tuple[str, bytes]], seconds: float, memory_bytes: int,
               bounds: tuple[str, str], graceful: bool, peak: list | None, options: dict) -> list[ImportReport]:
    receiver, sender = _context.Pipe(duplex=False)
    worker = _context.Process(target=_run, args=(sender, task, str(db_path), files, memory_bytes, options),
                              daemon=True)
    worker.start()
    sender.close()
    try:
        timed_out = not receiver.poll(seconds)
        if timed_out and graceful:
            worker.terminate()  # SIGTERM: a load under way stops cleanly or finishes its swap, and says which
        if not timed_out or (graceful and receiver.poll(STOP_SECONDS)):
            try:
                status, reports, peak_bytes = receiver.recv()
                if peak is not None:
                    peak.append(peak_bytes)
            except EOFError:  # the worker died without a word: stopped here, else by the kernel (memory)
                status, reports = ("time" if timed_out else "memory"), None
        else:
            status, reports = "time", None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if status == "ok":
        return reports
    if status == "error":  # as in process: the page says the check or load failed
        raise RuntimeError(reports)
    if status == "time":
        refused = FileRefused(*both(bounds[0], seconds=round(seconds)))
    else:
        refused = FileRefused(*both(bounds[1], limit=memory_bytes // 2**20))
    return [refused_report(name, refused) for name, _data in files]


def check_in_worker(db_path: Path, files: list[tuple[str, bytes]], seconds: float | None = None,
                    memory_bytes: int = WORKER_MEMORY_BYTES, peak: list | None = None,
                    **options) -> list[ImportReport]:
    """check_files(db_path, files, **options) in a worker process; a worker past its time or memory is stopped and
    every file is reported refused, naming the bound. `peak`, when given, gets the worker's peak resident memory in
    bytes."""
    limit = MAX_CHECK_SECONDS + GRACE_SECONDS if seconds is None else seconds
    return _in_worker(check_files, db_path, files, limit, memory_bytes, CHECK_BOUNDS, graceful=False, peak=peak,
                      options=options)


def load_in_worker(db_path: Path, files: list[tuple[str, bytes]], seconds: float | None = None,
                   memory_bytes: int = WORKER_MEMORY_BYTES, peak: list | None = None,
                   **options) -> list[ImportReport]:
    """load_files(db_path, files, **options) (all or nothing, one atomic swap) in a worker process with the check's
    bounds; a worker past its time or memory is stopped, the database stays as it was, and every file is reported
    refused, naming the bound. `peak`, when given, gets the worker's peak resident memory in bytes."""
    limit = MAX_CHECK_SECONDS + GRACE_SECONDS + LOAD_WRITE_SECONDS if seconds is None else seconds
    return _in_worker(load_files, db_path, files, limit, memory_bytes, LOAD_BOUNDS, graceful=True, peak=peak,
                      options=options)
