"""The nginx configuration is one checked-in file pair (deploy/nginx/): the README shows it as it is, and
khuyencong/cluster.py serves it on loopback with only the addresses changed."""

from pathlib import Path

import pytest
from conftest import ROOT

from khuyencong.cluster import site_config

DEPLOY = ROOT / "deploy" / "nginx"


@pytest.mark.parametrize("name", ["khuyencong.conf", "khuyencong-proxy.conf"])
def test_the_readme_shows_the_checked_in_file(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```nginx\n{(DEPLOY / name).read_text(encoding='utf-8')}```" in readme


def test_the_loopback_config_changes_only_the_addresses():
    production = (DEPLOY / "khuyencong.conf").read_text(encoding="utf-8").splitlines()
    loopback = site_config([9001, 9002], "127.0.0.1:9000", Path("/tmp/x/access.log")).splitlines()
    assert [line for line in loopback if line not in production] == [
        "    server 127.0.0.1:9001 max_fails=1 fail_timeout=5s;",
        "    server 127.0.0.1:9002 max_fails=1 fail_timeout=5s;",
        "    listen 127.0.0.1:9000;",
        "    access_log /tmp/x/access.log khuyencong;",
        f"    include {DEPLOY}/khuyencong-proxy.conf;"]
    assert [line for line in production if line not in loopback] == [
        "    server 127.0.0.1:8501 max_fails=1 fail_timeout=5s;",
        "    server 127.0.0.1:8502 max_fails=1 fail_timeout=5s;",
        "    server 127.0.0.1:8503 max_fails=1 fail_timeout=5s;",
        "    listen 443 ssl;", "    ssl_certificate     /etc/ssl/khuyencong/fullchain.pem;",
        "    ssl_certificate_key /etc/ssl/khuyencong/privkey.pem;",
        "    access_log /var/log/nginx/khuyencong.access.log khuyencong;",
        "    include /srv/khuyencong/deploy/nginx/khuyencong-proxy.conf;"]
