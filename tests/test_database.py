"""The app's read-only connection sees a newly swapped-in build without a restart or a lock error."""

import csv
import shutil
import threading

import duckdb
import pytest
from conftest import ROOT

from etl.atomic import replace_database
from khuyencong.data.database import Database


@pytest.fixture()
def serving(tmp_path, real_only_db_path):
    target = tmp_path / "serving.duckdb"
    shutil.copyfile(real_only_db_path, target)
    return target


def count_projects(db: Database) -> int:
    return int(db.query("SELECT count(*) AS n FROM project")["n"].iloc[0])


# the project rows of data/sources/project.csv: what the real-only database holds before a test adds any
BUNDLED = len(list(csv.DictReader((ROOT / "data" / "sources" / "project.csv").open(encoding="utf-8"))))


def test_reopens_after_a_swap(serving):
    db = Database(serving)
    before_version = db.version
    assert count_projects(db) == BUNDLED

    def add_project(con):
        con.execute("INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative) "
                    "VALUES ('NEW-1', 'nghe-an', 2025, 'Đề án mới', 'nd-45-2012-nd-cp', false)")

    replace_database(serving, add_project, start_from_current=True)
    assert count_projects(db) == BUNDLED + 1
    assert db.version != before_version
    db.close()


def test_connection_is_read_only(serving):
    db = Database(serving)
    with pytest.raises(duckdb.Error):
        db.query("DELETE FROM project")
    assert count_projects(db) == BUNDLED
    db.close()


def test_queries_in_threads_during_swaps_never_fail(serving):
    db = Database(serving)
    errors: list[Exception] = []
    counts: list[int] = []
    stop = threading.Event()

    def keep_querying():
        while not stop.is_set():
            try:
                counts.append(count_projects(db))
            except Exception as error:  # any error a viewer would see
                errors.append(error)

    threads = [threading.Thread(target=keep_querying) for _ in range(4)]
    for thread in threads:
        thread.start()
    for index in range(5):
        replace_database(serving, lambda con, i=index: con.execute(
            "INSERT INTO project (project_id, area_id, year, name, doc_id, is_illustrative) "
            "VALUES (?, 'nghe-an', 2025, 'x', 'nd-45-2012-nd-cp', false)", [f"SWAP-{i}"]), start_from_current=True)
    stop.set()
    for thread in threads:
        thread.join()
    final = count_projects(db)
    db.close()
    assert errors == []
    assert counts and set(counts) <= set(range(BUNDLED, BUNDLED + 6))
    assert final == BUNDLED + 5
