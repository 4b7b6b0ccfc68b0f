"""Give freed heap memory back to the system: glibc keeps what a thread frees in that thread's arena for reuse, and
a server whose script threads come and go (one per Streamlit rerun) and whose DuckDB instance is replaced on every
swap otherwise holds its peak for ever (the soak run's memory growth, bench/results.md)."""

import ctypes
import ctypes.util
import threading
import time


def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim
        return None


_TRIM = _malloc_trim()
_lock = threading.Lock()
# None: never trimmed yet. Not 0.0: time.monotonic() counts from boot, so 0.0 would read as "trimmed at boot" and
# the first trim would wait until the machine had been up `seconds`.
_last: list[float | None] = [None]


def trim_heap() -> bool:
    """malloc_trim(0): return the free pages of every arena to the system; True if glibc released some."""
    return bool(_TRIM(0)) if _TRIM is not None else False


def trim_heap_at_most_every(seconds: float) -> bool:
    """trim_heap(), unless another call did it less than `seconds` ago (it walks every arena: ~ms, not per query)."""
    now = time.monotonic()
    with _lock:
        if _last[0] is not None and now - _last[0] < seconds:
            return False
        _last[0] = now
    return trim_heap()
