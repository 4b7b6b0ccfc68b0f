"""The build CLI: a failed build names file, row and column and leaves the serving database untouched."""

import csv
import hashlib
import shutil

import pytest
from conftest import ROOT, run_etl

from etl.atomic import replace_database
from etl.build import BUNDLED_FILES


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def serving_copy(tmp_path, demo_db_path):
    target = tmp_path / "serving.duckdb"
    shutil.copyfile(demo_db_path, target)
    return target


@pytest.fixture()
def broken_data(tmp_path):
    """A copy of data/ whose allocation.csv has a negative amount on line 3 and an unknown source on line 5."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", ".*"))
    path = data / "sources" / "allocation.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",2000,", ",-2000,")
    lines[4] = lines[4].replace(",local,", ",private,")
    path.write_text("".join(lines), encoding="utf-8")
    return data


def test_failed_build_reports_every_bad_row_and_keeps_the_old_file(serving_copy, broken_data):
    before = sha256(serving_copy)
    result = run_etl("build", "--db", str(serving_copy), env={"KC_DATA_DIR": str(broken_data)})
    assert result.returncode == 1
    assert "allocation.csv, dòng/row 3, cột/column amount_mvnd ['-2000']" in result.stderr
    assert "allocation.csv, dòng/row 5, cột/column funding_source ['private']" in result.stderr
    assert sha256(serving_copy) == before
    assert sorted(p.name for p in serving_copy.parent.iterdir() if "building" in p.name) == []


def test_exception_midway_leaves_old_file_byte_for_byte(serving_copy):
    before = sha256(serving_copy)

    def write_then_fail(con):
        con.execute("CREATE TABLE half_built AS SELECT 1 AS x")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        replace_database(serving_copy, write_then_fail)
    assert sha256(serving_copy) == before
    assert [p.name for p in serving_copy.parent.iterdir() if "building" in p.name] == []


def test_stale_temp_of_a_killed_build_is_cleared_by_the_next_build(serving_copy):
    stale = serving_copy.with_name(f".{serving_copy.name}.building-999999")
    stale.write_bytes(b"half a database")
    stale.with_name(stale.name + ".wal").write_bytes(b"wal")
    result = run_etl("build", "--no-demo", "--db", str(serving_copy))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in serving_copy.parent.iterdir() if "building" in p.name] == []


def test_build_swaps_in_a_new_file_and_logs_every_source(serving_copy):
    result = run_etl("build", "--no-demo", "--db", str(serving_copy))
    assert result.returncode == 0, result.stderr
    files = len(BUNDLED_FILES)
    mentions = len(list(csv.DictReader((ROOT / "data" / "sources" / "source_mention.csv").open(encoding="utf-8"))))
    assert f"[{files}/{files}] data/sources/source_mention.csv: {mentions} dòng" in result.stderr
    import duckdb
    con = duckdb.connect(str(serving_copy), read_only=True)
    try:
        logged = con.execute("SELECT count(*), count(sha256), min(status) FROM load_log").fetchone()
        illustrative = con.execute("SELECT count(*) FROM project WHERE is_illustrative").fetchone()[0]
    finally:
        con.close()
    assert logged == (files, files, "ok")
    assert illustrative == 0


def test_check_passes_on_the_bundled_data_and_reports_the_gap(demo_db_path):
    result = run_etl("check", "--db", str(demo_db_path))
    assert result.returncode == 0, result.stdout
    assert "gap_mvnd=-6300.000" in result.stdout
    assert "0 failed" in result.stderr


def test_check_fails_when_an_illustrative_row_cites_a_real_document(serving_copy):
    import duckdb
    con = duckdb.connect(str(serving_copy))
    con.execute("UPDATE project SET doc_id = 'bct-2018-08-09-nghe-an-70-ty' WHERE project_id = "
                "(SELECT min(project_id) FROM project WHERE is_illustrative)")
    con.close()
    result = run_etl("check", "--db", str(serving_copy))
    assert result.returncode == 1
    assert "LỖI  illustrative_flag_matches_document" in result.stdout


def test_demo_command_replaces_illustrative_rows_only(serving_copy):
    result = run_etl("demo", "--seed", "7", "--db", str(serving_copy))
    assert result.returncode == 0, result.stderr
    import duckdb
    con = duckdb.connect(str(serving_copy), read_only=True)
    try:
        real = con.execute("SELECT count(*) FROM allocation WHERE NOT is_illustrative").fetchone()[0]
        seeds = con.execute("SELECT message FROM load_log WHERE file_name = 'etl/demo.py' "
                            "ORDER BY loaded_at DESC LIMIT 1").fetchone()[0]
    finally:
        con.close()
    # every real allocation kept: the rows of data/sources/allocation.csv
    assert real == len(list(csv.DictReader((ROOT / "data" / "sources" / "allocation.csv").open(encoding="utf-8"))))
    assert "seed 7" in seeds
