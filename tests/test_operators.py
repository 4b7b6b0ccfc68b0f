"""Operator accounts and what a load knows of its operator: `python -m etl operators add|disable|reset|list` on the
accounts file (argon2id hashes, mode 0600, never the password), a load whose rows lie outside the operator's scope
refused naming the rows, load_log naming who loaded each file (kept through a rebuild), and file names a rebuild or
the file system could not keep refused before anything is written (the CLI load here; the page calls the same
importer)."""

import hashlib
import os

import duckdb
import pytest
from conftest import run_etl

from etl import operators
from etl.importer import check_files, load_files
from etl.operators import Operator

LAN = "lan-mật-khẩu-10"
# Cao Bằng's and Hà Nội's rows in one file; Hưng Yên Q1 2025 (the old unit, merged into hung-yen-2025 on 1 July).
CSV = ("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\n"
       "Cao Bằng,2024,Địa phương,Dự toán,77\n"
       "Hà Nội,2024,Địa phương,Dự toán,88\n"
       "Cao Bằng,2023,Địa phương,Dự toán,66\n").encode()


def one_row(year: int) -> bytes:
    return f"Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\nCao Bằng,{year},Trung ương,Dự toán,9\n".encode()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def operators_cli(*args: str, db, stdin: str | None = None):
    import subprocess
    import sys

    from conftest import ROOT

    return subprocess.run([sys.executable, "-m", "etl", "operators", *args, "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, input=stdin, timeout=120)


def test_the_cli_adds_lists_disables_and_resets_accounts(db):
    added = operators_cli("add", "lan", "--scope", "cao-bang,bac-kan", "--password-stdin", db=db, stdin=LAN + "\n")
    assert added.returncode == 0, added.stderr
    assert "Đã thêm tài khoản lan, phạm vi bac-kan,cao-bang / Added account lan" in added.stdout
    assert operators_cli("add", "tuan", "--password-stdin", db=db, stdin="tuan-mat-khau-1\n").returncode == 0
    path = db.parent / "operators.tsv"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    text = path.read_text(encoding="utf-8")
    assert LAN not in text and "$argon2id$" in text  # the hash, never the password
    assert operators_cli("list", db=db).stdout.splitlines() == [
        "lan\tđang dùng/active\tbac-kan,cao-bang", "tuan\tđang dùng/active\t*"]
    assert operators.verify(operators.read_accounts(path), "lan", LAN) == Operator("lan",
                                                                                 frozenset({"cao-bang", "bac-kan"}))

    assert operators_cli("disable", "tuan", db=db).returncode == 0
    assert "tuan\tđã khóa/disabled\t*" in operators_cli("list", db=db).stdout
    assert operators.verify(operators.read_accounts(path), "tuan", "tuan-mat-khau-1") is None

    old_hash = operators.read_accounts(path)["lan"].password_hash
    reset = operators_cli("reset", "lan", "--scope", "*", "--password-stdin", db=db, stdin="mat-khau-moi-22\n")
    assert reset.returncode == 0, reset.stderr
    account = operators.read_accounts(path)["lan"]
    assert account.password_hash != old_hash and account.scope is None and account.active
    assert operators.verify(operators.read_accounts(path), "lan", LAN) is None


@pytest.mark.parametrize(("args", "stdin", "says"), [
    (("add", "admin"), LAN, "'admin' là tên dành cho mật khẩu KC_ADMIN_PASSWORD"),
    (("add", "lan tuan"), LAN, "Tên không hợp lệ 'lan tuan'"),
    (("add", "lan"), "ngan", "Mật khẩu cần ít nhất 10 ký tự"),
    (("add", "lan", "--scope", "cao-bang,atlantis"), LAN, "Cơ sở dữ liệu không có địa phương: atlantis"),
    (("disable", "khong-co"), None, "Không có tài khoản khong-co / No account khong-co"),
])
def test_the_cli_refuses_what_it_cannot_keep(db, args, stdin, says):
    extra = ("--password-stdin",) if stdin is not None else ()
    done = operators_cli(*args, *extra, db=db, stdin=None if stdin is None else stdin + "\n")
    assert done.returncode == 2 and says in done.stderr
    assert not (db.parent / "operators.tsv").exists()


def test_rows_outside_the_operators_scope_are_refused_naming_each_row(db):
    before = digest(db)
    reports = load_files(db, [("hai-tinh.csv", CSV)], operator=Operator("lan", frozenset({"cao-bang"})))
    refused = [(p.row, p.value, p.reason_en) for p in reports[0].errors]
    assert refused == [(3, "Hà Nội", "operator lan may not load figures for Hà Nội")]  # row 3 of the file
    assert digest(db) == before and not (db.parent / "imports").exists()
    # The same file within a scope that covers both loads, and load_log names who loaded it.
    reports = load_files(db, [("hai-tinh.csv", CSV)], operator=Operator("lan", frozenset({"cao-bang", "ha-noi"})))
    assert not reports[0].errors
    con = duckdb.connect(str(db), read_only=True)
    try:
        logged = con.execute("SELECT operator, rows FROM load_log WHERE file_name = 'hai-tinh.csv'").fetchall()
    finally:
        con.close()
    assert logged == [("lan", 3)]


def test_a_unit_merged_in_2025_is_in_the_scope_of_its_successor(db):
    rows = ("Tỉnh/Thành phố,Năm,Nguồn kinh phí,Loại số liệu,Số tiền\n"
            "Hà Giang,2020,Địa phương,Dự toán,5\n").encode()  # Hà Giang joined Tuyên Quang on 1 July 2025
    con = duckdb.connect(str(db), read_only=True)
    try:
        successor = con.execute("SELECT current_area_id FROM v_area_current WHERE area_id = 'ha-giang'").fetchone()[0]
    finally:
        con.close()
    assert successor != "ha-giang"
    assert not check_files(db, [("ha-giang.csv", rows)], operator=Operator("x", frozenset({successor})))[0].errors
    refused = check_files(db, [("ha-giang.csv", rows)], operator=Operator("x", frozenset({"cao-bang"})))[0].errors
    assert [(p.row, p.value) for p in refused] == [(2, "Hà Giang")]


def test_the_cli_load_names_the_shell_user_and_a_rebuild_keeps_each_operator(db, tmp_path):
    import getpass

    path = tmp_path / "cao-bang-2024.csv"
    path.write_bytes(one_row(2019))
    assert load_files(db, [("tu-trang.csv", CSV)], operator=Operator("lan"))[0].ok
    loaded = run_etl("load", str(path), "--db", str(db))
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    rebuilt = run_etl("build", "--db", str(db), env={"KC_DB_PATH": ""})
    assert rebuilt.returncode == 0, rebuilt.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        logged = dict(con.execute("SELECT file_name, operator FROM load_log "
                                  "WHERE file_name IN ('tu-trang.csv', 'cao-bang-2024.csv')").fetchall())
    finally:
        con.close()
    assert logged == {"tu-trang.csv": "lan", "cao-bang-2024.csv": f"cli:{getpass.getuser()}"}


@pytest.mark.parametrize(("name", "says"), [
    (".an.csv", "the file name starts with a dot"),
    ("..csv", "the file name starts with a dot"),
    ("x" * 240 + ".csv", "the file name is 244 bytes, over the file system's limit of 241 bytes"),
    ("Cao Bằng " + "đ" * 118 + ".csv", "the file name is 251 bytes"),  # 131 characters, 251 bytes in UTF-8
])
def test_names_a_rebuild_or_the_file_system_could_not_keep_are_refused_before_anything_is_written(db, tmp_path,
                                                                                                   name, says):
    path = tmp_path / name
    path.write_bytes(one_row(2018))
    before = digest(db)
    loaded = run_etl("load", str(path), "--db", str(db))
    assert loaded.returncode == 1 and says in loaded.stdout
    assert digest(db) == before and not (db.parent / "imports").exists()


def test_a_control_character_in_a_name_is_refused(db):
    before = digest(db)
    reports = load_files(db, [("cao\nbang.csv", CSV)], operator=Operator("lan"))
    assert [p.reason_en for p in reports[0].errors] == [
        "the file name holds a control character: rename the file and load it again"]
    assert digest(db) == before


def test_the_limit_is_the_file_systems(tmp_path):
    from etl.importer import TEMP_NAME_OVERHEAD, name_limit

    assert name_limit(tmp_path / "imports") == os.pathconf(tmp_path, "PC_NAME_MAX") - TEMP_NAME_OVERHEAD
