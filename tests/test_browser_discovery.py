"""Which Chromium or Chrome renders chart images and runs the browser tests: KC_CHROMIUM, then PATH, then macOS."""

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from khuyencong.render.browser import find_chromium


def programs(folder, *names):
    folder.mkdir(exist_ok=True)
    for name in names:
        path = folder / name
        path.write_text("#!/bin/sh\n")
        path.chmod(0o755)
    return folder


@pytest.mark.parametrize(("on_path", "chosen", "found"), [
    (["google-chrome-stable"], None, "google-chrome-stable"),
    (["google-chrome", "chromium-browser"], None, "chromium-browser"),
    (["google-chrome", "chromium"], None, "chromium"),
    ([], None, None),
    (["chromium"], "none", None),                   # "pretend there is none"
    (["chromium"], "no-such/chrome", None),         # an explicit choice that names nothing: not silently replaced
    (["chromium"], "google-chrome", None),          # a command name, not on PATH
    (["chromium", "google-chrome"], "google-chrome", "google-chrome"),
    (["chromium"], "mine/chrome", "mine/chrome"),   # a path of one's own
])
def test_kc_chromium_first_then_the_usual_names_on_path(tmp_path, monkeypatch, on_path, chosen, found):
    bin_dir = programs(tmp_path / "bin", *on_path)
    programs(tmp_path / "mine", "chrome")
    monkeypatch.setenv("PATH", str(bin_dir))
    if chosen is None:
        monkeypatch.delenv("KC_CHROMIUM", raising=False)
    else:
        monkeypatch.setenv("KC_CHROMIUM", str(tmp_path / chosen) if "/" in chosen else chosen)
    result = find_chromium()
    if sys.platform == "darwin" and found is None and chosen is None:
        pytest.skip("a Mac may have Chrome in /Applications")
    expected = None if found is None else str(tmp_path / found) if "/" in found else str(bin_dir / found)
    assert result == expected


def test_the_setup_script_asks_the_same_module(tmp_path):
    """tools/ensure-system-packages runs browser.py with the system Python: the path on stdout, or exit 1 with none."""
    script = [sys.executable, str(ROOT / "khuyencong" / "render" / "browser.py")]
    chrome = programs(tmp_path / "bin", "chromium") / "chromium"
    there = subprocess.run(script, env={**os.environ, "KC_CHROMIUM": str(chrome)}, capture_output=True, text=True)
    assert (there.returncode, there.stdout.strip()) == (0, str(chrome))
    none = subprocess.run(script, env={**os.environ, "KC_CHROMIUM": "none"}, capture_output=True, text=True)
    assert (none.returncode, none.stdout) == (1, "")
