"""Memory probe of the served process, for locating memory growth in a soak run; off unless $KC_MEMORY_PROBE is set.

With KC_MEMORY_PROBE=path a background thread (one per process) appends one JSON line to `path` every
$KC_MEMORY_PROBE_EVERY seconds (default 30): VmRSS, glibc's mallinfo2() and number of malloc arenas, Python's traced
memory and its top allocation sites (tracemalloc, file:line), the sizes of Streamlit's caches, the number of sessions
and threads, and DuckDB's own memory. A file `path.start` (written by the bench after its warm-up) makes the probe
take the baseline snapshot; `path.end` makes it write the snapshot difference baseline → now to `path.diff.txt`
and stop ($KC_MEMORY_PROBE_SNAPSHOT_EVERY seconds writes it in between too, at a cost: see _run).

tracemalloc slows allocations and holds its own traces: both are reported (`tracemalloc_overhead_mib`), and the probe
is meant for measuring runs only, never for serving.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

PROBE_ENV = "KC_MEMORY_PROBE"
EVERY_ENV = "KC_MEMORY_PROBE_EVERY"
FRAMES_ENV = "KC_MEMORY_PROBE_FRAMES"
TOP = 15
SNAPSHOT_EVERY_ENV = "KC_MEMORY_PROBE_SNAPSHOT_EVERY"  # seconds between intermediate snapshots; default: none
MIB = 1024 * 1024

_started = threading.Lock()
_thread: threading.Thread | None = None


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _libc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        libc.fopen.restype = ctypes.c_void_p  # a FILE*: the default int return would cut the pointer
        libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        libc.fclose.argtypes = [ctypes.c_void_p]
        libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
        return libc
    except (OSError, AttributeError):  # not glibc (musl, macOS): the glibc figures are left out
        return None


_LIBC = _libc()


def mallinfo() -> dict | None:
    """glibc's heap figures in MiB: arena (sbrk/arena heaps), hblkhd (mmapped blocks), uordblks (in use),
    fordblks (free but kept), keepcost (trimmable top), plus the number of arenas (main + per-thread)."""
    if _LIBC is None:
        return None
    info = _LIBC.mallinfo2()
    figures = {name: round(getattr(info, name) / MIB, 1)
               for name in ("arena", "hblkhd", "uordblks", "fordblks", "keepcost")}
    figures["arenas"] = _arena_count()
    return figures


def _arena_count() -> int | None:
    # malloc_info writes one <heap nr=...> element per arena.
    with tempfile.NamedTemporaryFile(mode="r", suffix=".xml") as out:
        stream = _LIBC.fopen(out.name.encode(), b"w")
        if not stream:
            return None
        try:
            _LIBC.malloc_info(0, stream)
        finally:
            _LIBC.fclose(stream)
        return len(re.findall(r"<heap nr=", out.read()))


def rss_mib() -> dict:
    """VmRSS and its parts: anonymous memory (heaps: glibc, pymalloc, DuckDB's jemalloc) and mapped files (code)."""
    figures = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
                figures[name] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return figures


def _streamlit_figures() -> dict:
    """Sessions and the byte size of every Streamlit cache family (cache_data, cache_resource, session state...)."""
    try:
        from streamlit.runtime import Runtime

        runtime = Runtime.instance()
    except Exception:  # noqa: BLE001 - not running under `streamlit run`
        return {}
    figures: dict = {}
    try:
        figures["sessions"] = runtime._session_mgr.num_sessions()
        figures["active_sessions"] = runtime._session_mgr.num_active_sessions()
    except Exception:  # noqa: BLE001 - private API moved: the rest still counts
        pass
    caches: dict[str, float] = {}
    try:
        for family, stats in runtime.stats_mgr.get_stats().items():
            for stat in stats:
                size = getattr(stat, "byte_length", None)
                if size is None:
                    continue
                key = f"{family}:{getattr(stat, 'category_name', '')}:{getattr(stat, 'cache_name', '')}"
                caches[key] = caches.get(key, 0) + size
    except Exception as error:  # noqa: BLE001
        figures["caches_error"] = repr(error)[:200]
    figures["caches_mib"] = {key: round(size / MIB, 2) for key, size in sorted(caches.items())}
    return figures


def _duckdb_figures(database) -> dict:
    """DuckDB's own accounting of the served connection (buffer manager, per tag) and its memory limit."""
    if database is None:
        return {}
    try:
        frame = database.query("SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0")
        limit = database.query("SELECT current_setting('memory_limit') AS m")["m"].iloc[0]
        tags = {str(tag).lower(): round(int(size) / MIB, 1)
                for tag, size in zip(frame["tag"], frame["memory_usage_bytes"], strict=True)}
        return {"duckdb_mib": round(sum(tags.values()), 1), "duckdb_tags_mib": tags, "duckdb_limit": limit}
    except Exception as error:  # noqa: BLE001 - a probe must never break the app
        return {"duckdb_error": repr(error)[:200]}


def _arrow_figures() -> dict:
    """pyarrow's memory pool (pandas' string columns live there; jemalloc or mimalloc, not glibc's arenas)."""
    try:
        import pyarrow

        pool = pyarrow.default_memory_pool()
        return {"arrow_pool": pool.backend_name, "arrow_mib": round(pool.bytes_allocated() / MIB, 1),
                "arrow_max_mib": round(pool.max_memory() / MIB, 1)}
    except Exception:  # noqa: BLE001 - no pyarrow: nothing to report
        return {}


def _top(snapshot: tracemalloc.Snapshot) -> list[list]:
    return [[f"{s.traceback[0].filename}:{s.traceback[0].lineno}", round(s.size / MIB, 2), s.count]
            for s in snapshot.statistics("lineno")[:TOP]]


def _write_diff(path: Path, baseline: tracemalloc.Snapshot, now: tracemalloc.Snapshot, label: str) -> None:
    lines = [f"# tracemalloc snapshot difference, baseline → {label}: size difference, block difference, size now", ""]
    for stat in now.compare_to(baseline, "traceback")[:40]:
        lines.append(f"{stat.size_diff / MIB:+.2f} MiB  {stat.count_diff:+d} blocks  (now {stat.size / MIB:.2f} MiB)")
        lines += [f"    {frame.filename}:{frame.lineno}" for frame in stat.traceback]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def sample(started: float, database=None) -> dict:
    """One line of the probe's series."""
    current, peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
    rss = rss_mib()
    return {"t": round(time.monotonic() - started, 1), "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "rss_mib": rss.get("VmRSS"), "rss_parts_mib": rss, "malloc": mallinfo(),
            "threads": threading.active_count(),
            "traced_mib": round(current / MIB, 1), "traced_peak_mib": round(peak / MIB, 1),
            "tracemalloc_overhead_mib": round(tracemalloc.get_tracemalloc_memory() / MIB, 1),
            **_streamlit_figures(), **_duckdb_figures(database), **_arrow_figures()}


def _run(path: Path, every_s: float, database) -> None:
    # Snapshots are costly: comparing half a million traces holds the GIL for seconds, and on a loaded machine
    # (a 30-minute soak beside other work) for minutes, with the server unanswering meanwhile. So by default only
    # at the baseline and at the end; the cheap figures at every sample.
    snapshot_every_s = float(os.environ.get(SNAPSHOT_EVERY_ENV) or "inf")
    started = time.monotonic()
    start_mark, end_mark = Path(f"{path}.start"), Path(f"{path}.end")
    diff_path = Path(f"{path}.diff.txt")
    baseline: tracemalloc.Snapshot | None = None
    last_snapshot = 0.0
    while True:
        # The end mark first, then the sample: the end line's figures are taken after whatever preceded the mark.
        ended = baseline is not None and end_mark.exists()
        line = sample(started, database)
        if tracemalloc.is_tracing():
            if baseline is None and start_mark.exists():
                baseline, line["baseline"], last_snapshot = tracemalloc.take_snapshot(), True, time.monotonic()
                line["top"] = _top(baseline)
            elif baseline is not None and (ended or time.monotonic() - last_snapshot >= snapshot_every_s):
                snapshot, last_snapshot = tracemalloc.take_snapshot(), time.monotonic()
                line["top"] = _top(snapshot)
                _write_diff(diff_path, baseline, snapshot, "end" if ended else f"t={line['t']} s")
                del snapshot
        line["end"] = ended
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
        if ended:
            return
        time.sleep(every_s)


def start_from_env(get_database=None) -> bool:
    """Start the probe thread once per process if $KC_MEMORY_PROBE names a file; True if it runs.

    `get_database` returns the process's khuyencong.data.database.Database (whose DuckDB memory the probe reads);
    it is called only when the probe starts."""
    global _thread
    target = os.environ.get(PROBE_ENV)
    if not target:
        return False
    with _started:
        if _thread is None:
            if not tracemalloc.is_tracing():
                tracemalloc.start(int(os.environ.get(FRAMES_ENV) or 1))
            database = get_database() if get_database else None
            every_s = float(os.environ.get(EVERY_ENV) or 30)
            _thread = threading.Thread(target=_run, args=(Path(target), every_s, database),
                                       name="kc-memory-probe", daemon=True)
            _thread.start()
    return True
