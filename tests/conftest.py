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


def chart_data(app) -> list:
    """Every Plotly chart on an AppTest page as a figure dict with its arrays decoded (Plotly 7 packs them)."""
    import base64
    import json

    import numpy as np

    def decode(value):
        if isinstance(value, dict) and set(value) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            return array.reshape(value["shape"]).tolist() if "shape" in value else array.tolist()
        if isinstance(value, dict):
            return {k: decode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [decode(v) for v in value]
        return value

    return [decode(json.loads(e.proto.spec)) for e in app.main if type(e).__name__ == "UnknownElement"
            and hasattr(e.proto, "spec")]


def run_page(db_path, page: str | None = None, **params):
    """Run dashboard.py as Streamlit does, with query parameters, then switch to `page` if given."""
    from streamlit.testing.v1 import AppTest

    os.environ["KC_DB_PATH"] = str(db_path)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page).run()
    return app


@pytest.fixture(autouse=True)
def fresh_password_throttle():
    """Every test starts with no wrong passwords counted: the import page's throttle is process-wide on purpose."""
    from khuyencong import importing

    importing.THROTTLE.succeeded()
    yield
    importing.THROTTLE.succeeded()
