"""Shared writer of bench/results.md and bench/results.json: each benchmark replaces only its own section and key.

    from bench.results import machine, write_results
    write_results("pages", figures, markdown_lines)   # <!-- pages:start --> ... <!-- pages:end --> and key "pages"
"""

from __future__ import annotations

import fcntl
import json
import os
import platform
import re
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS_MD = BENCH / "results.md"
RESULTS_JSON = BENCH / "results.json"
MD_TITLE = "# Benchmarks\n"


@contextmanager
def _locked(path: Path):
    """The file opened for update under an exclusive lock: benchmarks running at once must not drop each other's
    sections."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.seek(0)
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _rewrite(handle, text: str) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(text)
    handle.flush()


def section_markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def replace_section(name: str, body: str, path: Path = RESULTS_MD) -> None:
    """Put `body` between the markers of section `name` in the Markdown file, appending the section if new."""
    start, end = section_markers(name)
    section = f"{start}\n{body.strip(chr(10))}\n{end}"
    with _locked(Path(path)) as handle:
        text = handle.read() or MD_TITLE
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if pattern.search(text):
            text = pattern.sub(lambda _match: section, text, count=1)
        else:
            text = text.rstrip("\n") + "\n\n" + section
        _rewrite(handle, text.rstrip("\n") + "\n")


def store_json(key: str, value, path: Path = RESULTS_JSON) -> None:
    """Set results[key] = value in the JSON file, keeping every other key (an unreadable file starts afresh)."""
    with _locked(Path(path)) as handle:
        try:
            data = json.loads(handle.read() or "{}")
        except json.JSONDecodeError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        data[key] = value
        _rewrite(handle, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def read_json(key: str, path: Path = RESULTS_JSON):
    """results[key] from the JSON file, or None."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")).get(key)
    except (OSError, json.JSONDecodeError, AttributeError):
        return None


def write_results(key: str, figures, markdown: str | list[str], md_path: Path = RESULTS_MD,
                  json_path: Path = RESULTS_JSON) -> None:
    """Both files at once: figures under `key` in the JSON, the Markdown between the `key` markers."""
    store_json(key, figures, json_path)
    replace_section(key, markdown if isinstance(markdown, str) else "\n".join(markdown), md_path)


def memory_total() -> str:
    """Physical memory of the machine, e.g. '23.5 GiB' ('' where /proc/meminfo is missing)."""
    meminfo = Path("/proc/meminfo")
    match = re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text()) if meminfo.exists() else None
    return f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else ""


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine(*packages: str) -> dict:
    """Cores, memory, platform and the Python version, plus the installed version of each named package."""
    return {"cpu_cores": os.cpu_count(), "memory": memory_total(), "platform": platform.platform(),
            "python": platform.python_version(), **{name: package_version(name) for name in packages}}


def machine_sentence(info: dict) -> str:
    """'Machine: 2 cores, 23.5 GiB memory, Linux-…. Versions: Python 3.11.7, duckdb 2.0.0, …' for a results section."""
    fixed = {"cpu_cores", "memory", "platform", "python"}
    versions = ", ".join(f"{name} {value}" for name, value in info.items() if name not in fixed)
    return (f"Machine: {info['cpu_cores']} cores, {info['memory']} memory, {info['platform']}. "
            f"Versions: Python {info['python']}" + (f", {versions}." if versions else "."))
