"""CPU time of chosen processes read from /proc (psutil is not installed): what the server itself spent, whoever else
shares the cores.

A process's /proc/PID/stat counts all its threads (DuckDB's worker threads are threads of the app process), and its
cutime/cstime the children it has waited for; live children (a worker subprocess) are found through
/proc/PID/task/*/children and read too. Times are in clock ticks (usually 10 ms): measure many views, divide.
"""

from __future__ import annotations

import os
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


def parse_stat(text: str) -> dict:
    """The fields of a /proc/PID/stat line this bench uses, in ticks. The command name (field 2) is in parentheses
    and may itself hold spaces and parentheses, so fields are counted from the last ')'."""
    command = text[text.index("(") + 1:text.rindex(")")]
    rest = text[text.rindex(")") + 2:].split()
    # rest[0] is field 3 (state): field n is rest[n - 3].
    return {"pid": int(text.split(" ", 1)[0]), "comm": command, "state": rest[0], "ppid": int(rest[1]),
            "utime": int(rest[11]), "stime": int(rest[12]), "cutime": int(rest[13]), "cstime": int(rest[14])}


def read_stat(pid: int, proc: Path = PROC) -> dict | None:
    """The process's stat fields, or None once it is gone."""
    try:
        return parse_stat((proc / str(pid) / "stat").read_text())
    except (OSError, ValueError, IndexError):
        return None


def children(pid: int, proc: Path = PROC) -> list[int]:
    """Live child processes of every thread of `pid`."""
    found = []
    try:
        tasks = list((proc / str(pid) / "task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def process_tree(pid: int, proc: Path = PROC) -> list[int]:
    """`pid` and all its live descendants."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        if current in tree:
            continue
        tree.append(current)
        pending += children(current, proc)
    return tree


def cpu_seconds(pids: list[int], proc: Path = PROC) -> float:
    """User + system CPU seconds of these processes and their descendants, the waited-for children included (a
    worker that ended between two readings moves into its parent's cutime/cstime and so still counts)."""
    ticks = 0
    for root in pids:
        for pid in process_tree(root, proc):
            stat = read_stat(pid, proc)
            if stat:
                ticks += stat["utime"] + stat["stime"] + stat["cutime"] + stat["cstime"]
    return ticks / CLOCK_TICKS


def machine_busy_seconds(proc: Path = PROC) -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from the first line of /proc/stat (all cores):
    busy is everything but idle and iowait."""
    fields = [int(v) for v in (proc / "stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    total = sum(fields[:8])  # guest time is already inside user
    return (total - idle) / CLOCK_TICKS, total / CLOCK_TICKS


def thread_ticks(pid: int, proc: Path = PROC) -> dict[int, int]:
    """utime + stime in ticks of each live thread of `pid` (thread id -> ticks)."""
    ticks = {}
    try:
        tasks = list((proc / str(pid) / "task").iterdir())
    except OSError:
        return {}
    for task in tasks:
        try:
            stat = parse_stat((task / "stat").read_text())
        except (OSError, ValueError, IndexError):
            continue
        ticks[stat["pid"]] = stat["utime"] + stat["stime"]
    return ticks


class ThreadSplit:
    """Where a process's CPU went between two readings: its main thread (Streamlit's event loop: websocket,
    messages' serialisation, HTTP), threads alive at both readings (DuckDB's workers and other long-lived threads),
    and threads that began or ended in between (Streamlit runs each script run in a thread of its own)."""

    def __init__(self, pid: int, proc: Path = PROC) -> None:
        self.pid, self.proc = pid, proc
        self._snapshot = self._read()

    def _read(self) -> tuple[int, dict[int, int]]:
        stat = read_stat(self.pid, self.proc)
        return (stat["utime"] + stat["stime"] if stat else 0), thread_ticks(self.pid, self.proc)

    def take(self) -> dict[str, float]:
        """CPU seconds since the last reading: total, main, long_lived, short_lived."""
        (total_before, before), (total_after, after) = self._snapshot, self._read()
        self._snapshot = (total_after, after)
        return split_ticks(self.pid, total_before, before, total_after, after)


def split_ticks(pid: int, total_before: int, before: dict[int, int], total_after: int,
                after: dict[int, int]) -> dict[str, float]:
    """The split ThreadSplit.take reports, from two readings of the process total and its threads' ticks."""
    main = after.get(pid, 0) - before.get(pid, 0)
    long_lived = sum(after[tid] - before[tid] for tid in after.keys() & before.keys() if tid != pid)
    total = total_after - total_before
    return {"total": total / CLOCK_TICKS, "main": main / CLOCK_TICKS, "long_lived": long_lived / CLOCK_TICKS,
            "short_lived": max(0, total - main - long_lived) / CLOCK_TICKS}
