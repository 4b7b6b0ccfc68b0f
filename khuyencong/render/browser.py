"""Where the Chromium or Chrome that renders chart images (Kaleido) and runs the browser tests is, found in one place.

KC_CHROMIUM first: a path or a command name; "none" (or any value that names no program) means "there is none",
which is how the tests and a check of a machine without a browser pretend. Otherwise the usual command names on
PATH, then the usual macOS application bundles. Standard library only: tools/ensure-system-packages runs this file with
the system Python before the virtual environment exists (`python3 khuyencong/render/browser.py` prints the path or
exits 1).
"""

from __future__ import annotations

import os
import shutil
import sys

ENV_VAR = "KC_CHROMIUM"
COMMANDS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MAC_APPS = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium")
INSTALL_HINT = ("install Debian's chromium package (sudo apt-get install chromium) or Google Chrome, "
                f"or set {ENV_VAR} to the browser's path")


def find_chromium() -> str | None:
    """The path of a Chromium or Chrome to use, or None when there is none (or KC_CHROMIUM says so)."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return shutil.which(chosen)  # an explicit choice is never overridden by what else is installed
    for name in COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    return next((app for app in MAC_APPS if os.access(app, os.X_OK)), None)


class ChromiumMissing(RuntimeError):
    """No Chromium or Chrome was found: chart images and the slide deck cannot be rendered."""

    def __init__(self) -> None:
        super().__init__(f"Chart images need Chromium or Chrome: {INSTALL_HINT}.")


def require_chromium() -> str:
    """The browser's path; ChromiumMissing, which says what to install, when there is none."""
    path = find_chromium()
    if path is None:
        raise ChromiumMissing()
    return path


if __name__ == "__main__":
    path = find_chromium()
    if path:
        print(path)
    sys.exit(0 if path else 1)
