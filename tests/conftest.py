"""Databases built once per test session by the real ETL, from the bundled data."""

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.build import build_database

ROOT = Path(__file__).resolve().parent.parent


def quiet(_message: str) -> None:
    pass


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """The database `make run` serves: bundled real figures plus illustrative data."""
    return build_database(tmp_path_factory.mktemp("demo") / "kc.duckdb", with_demo=True, progress=quiet)


@pytest.fixture(scope="session")
def real_only_db_path(tmp_path_factory) -> Path:
    """Built with --no-demo: only figures transcribed from source documents."""
    return build_database(tmp_path_factory.mktemp("real") / "kc.duckdb", with_demo=False, progress=quiet)


@pytest.fixture()
def demo_db(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    yield con
    con.close()


@pytest.fixture()
def real_db(real_only_db_path):
    con = duckdb.connect(str(real_only_db_path), read_only=True)
    yield con
    con.close()


def run_etl(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m etl ...` as a user would, from the project root."""
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)
