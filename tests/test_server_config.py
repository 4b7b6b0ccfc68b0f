"""The shipped server settings keep viewers safe: XSRF on, an upload limit, no usage statistics, no developer tools."""

import tomllib

import pytest
from conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("section", "key", "expected"), [
    ("server", "enableXsrfProtection", True),
    ("server", "maxUploadSize", 20),
    ("server", "runOnSave", False),
    ("browser", "gatherUsageStats", False),
    ("client", "toolbarMode", "viewer"),
    ("client", "showErrorDetails", "none"),
])
def test_server_setting(section, key, expected):
    assert CONFIG[section][key] == expected


def test_upload_limit_matches_the_importer():
    from etl.importer import MAX_FILE_BYTES

    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_FILE_BYTES
