"""The deployment is checked-in files: the nginx pair (deploy/nginx/) and the systemd unit (deploy/systemd/), which the
README shows as they are; khuyencong/cluster.py serves the nginx config on loopback with only the addresses changed,
and runs the unit's app command under supervisord."""

import configparser
import re
import shlex
from pathlib import Path

import pytest
from conftest import ROOT

from khuyencong.cluster import DEPLOYED_ROOT, app_command, site_config, supervisor_config

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


SYSTEMD = ROOT / "deploy" / "systemd" / "khuyencong@.service"


def test_the_readme_shows_the_systemd_unit():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```ini\n{SYSTEMD.read_text(encoding='utf-8')}```" in readme


def test_the_unit_restarts_the_same_app_process_that_serve_many_supervises():
    lines = SYSTEMD.read_text(encoding="utf-8").splitlines()
    service = {key: value for key, _, value in (line.partition("=") for line in lines if "=" in line
                                                and not line.startswith("#"))}
    assert service["Restart"] == "always"
    assert service["KillMode"] == "control-group"
    assert service["WorkingDirectory"] == DEPLOYED_ROOT.rstrip("/")
    assert service["ExecStart"] == " ".join(app_command("%i", python=f"{DEPLOYED_ROOT}.venv/bin/python"))
    # The same ports as the nginx upstream list: one instance per server line.
    upstream = (DEPLOY / "khuyencong.conf").read_text(encoding="utf-8")
    ports = re.findall(r"^    server 127\.0\.0\.1:(\d+)", upstream, flags=re.MULTILINE)
    assert lines[1] == "# systemctl enable --now " + " ".join(f"khuyencong@{port}" for port in ports) + \
        " (the ports of deploy/nginx/khuyencong.conf)"


def test_serve_many_runs_every_app_process_and_nginx_under_supervisord(tmp_path):
    config = configparser.ConfigParser(interpolation=None)
    config.read_string(supervisor_config(tmp_path, tmp_path, [9001, 9002], tmp_path / "nginx.conf"))
    programs = {name.removeprefix("program:"): config[name] for name in config.sections()
                if name.startswith("program:")}
    assert sorted(programs) == ["app-9001", "app-9002", "nginx"]
    for name, program in programs.items():
        assert program["autorestart"] == "true", name
        assert program["stopasgroup"] == program["killasgroup"] == "true", name
    assert shlex.split(programs["app-9001"]["command"]) == app_command(9001)
