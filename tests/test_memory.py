"""Server memory: freed heap goes back to the system (khuyencong/data/heap.py), and the memory probe of a soak run
(khuyencong/ui/memory_probe.py) writes what it promises: RSS, glibc heap figures, and the allocation that grew."""

import json
import time
import tracemalloc

import pytest

from khuyencong.data import heap
from khuyencong.ui import memory_probe

MIB = 1024 * 1024
glibc_only = pytest.mark.skipif(heap._TRIM is None, reason="malloc_trim is glibc's")


def rss_mib() -> float:
    return memory_probe.rss_mib()["VmRSS"]


@glibc_only
def test_trim_returns_freed_heap_below_a_live_block():
    # 80 MiB of 1 KiB blocks (below the mmap threshold: they live in the arena), then one block after them that
    # stays alive, so the freed blocks are not at the top of the heap where glibc trims by itself.
    blocks = [bytearray(1024) for _ in range(80 * 1024)]
    pin = bytearray(1024)
    del blocks
    before = rss_mib()
    assert heap.trim_heap()
    assert before - rss_mib() > 40, "malloc_trim gave back less than half of the 80 MiB freed"
    del pin


@pytest.mark.parametrize("uptime_s", [60.0, 7 * 24 * 3600.0])  # a machine just booted, and one up a week
def test_trim_at_most_every_trims_at_once_then_skips_within_the_interval(monkeypatch, uptime_s):
    """The first call trims whatever the machine's uptime (time.monotonic() counts from boot)."""
    clock = [uptime_s]
    calls = []
    monkeypatch.setattr(heap.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(heap, "_TRIM", lambda pad: calls.append(pad) or 1)
    monkeypatch.setattr(heap, "_last", [None])
    first_three = [heap.trim_heap_at_most_every(3600) for _ in range(3)]
    clock[0] += 3600
    assert first_three + [heap.trim_heap_at_most_every(3600)] == [True, False, False, True]
    assert calls == [0, 0]


@pytest.fixture
def probe(tmp_path, monkeypatch):
    """The probe's thread started as the dashboard starts it, sampling every 0,2 s into tmp_path/probe.jsonl."""
    path = tmp_path / "probe.jsonl"
    monkeypatch.setenv(memory_probe.PROBE_ENV, str(path))
    monkeypatch.setenv(memory_probe.EVERY_ENV, "0.2")
    monkeypatch.setattr(memory_probe, "_thread", None)
    tracing = tracemalloc.is_tracing()
    yield path
    path.with_name(path.name + ".end").touch()
    if memory_probe._thread is not None:
        memory_probe._thread.join(timeout=60)
    if not tracing:
        tracemalloc.stop()


def wait_for(path, condition, timeout_s=60):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        lines = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
        if condition(lines):
            return lines
        time.sleep(0.1)
    raise AssertionError(f"the probe wrote no such line in {timeout_s} s: {path}")


def test_probe_is_off_without_its_variable(monkeypatch):
    monkeypatch.delenv(memory_probe.PROBE_ENV, raising=False)
    monkeypatch.setattr(memory_probe, "_thread", None)
    assert memory_probe.start_from_env() is False
    assert memory_probe._thread is None


def test_probe_samples_memory_and_names_the_allocation_that_grew(probe):
    assert memory_probe.start_from_env() and memory_probe.start_from_env()  # a rerun starts no second thread
    first = wait_for(probe, lambda lines: lines)[0]
    assert first["rss_mib"] > 10 and first["threads"] >= 2
    if heap._TRIM is not None:
        assert first["malloc"]["arenas"] >= 1 and first["malloc"]["uordblks"] > 0
    probe.with_name(probe.name + ".start").touch()
    wait_for(probe, lambda lines: any(line.get("baseline") for line in lines))
    grown = [bytearray(1024) for _ in range(20 * 1024)]  # 20 MiB allocated on this line
    probe.with_name(probe.name + ".end").touch()
    last = wait_for(probe, lambda lines: lines[-1].get("end"))[-1]
    assert last["traced_mib"] >= 20
    diff = probe.with_name(probe.name + ".diff.txt").read_text().splitlines()
    biggest = next(i for i, line in enumerate(diff) if "MiB" in line and line.startswith("+"))
    assert float(diff[biggest].split()[0]) >= 20 and "test_memory.py" in diff[biggest + 1]
    del grown
