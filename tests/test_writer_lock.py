"""Builds and loads of one database take turns (README, The ETL: "Builds and loads of one file are serialised with
flock"): writers that start while another writes wait for it, the serving file stays as it was meanwhile, and when
they have run one after another nothing any of them wrote is lost."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import import_corpus as corpus
from conftest import ROOT, private_copy

from etl.atomic import exclusive_lock

# Two workbooks of the import corpus, each loading 2 allocations under its own document.
FILES = {"son-la-giai-doan.xlsx": "tep-son-la-giai-doan-xlsx",
         "hai-duong-tong-lech.xlsx": "tep-hai-duong-tong-lech-xlsx"}


def waiting_on_my_lock() -> set[int]:
    """Pids the kernel lists as blocked on a flock this process holds (/proc/locks: '-> FLOCK … pid dev:inode')."""
    lines = [line.split() for line in Path("/proc/locks").read_text().splitlines()]
    mine = {fields[5] for fields in lines if fields[1] == "FLOCK" and fields[4] == str(os.getpid())}
    return {int(fields[5]) for fields in lines if fields[1] == "->" and fields[2] == "FLOCK" and fields[6] in mine}


def etl(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def test_a_build_and_two_loads_started_at_once_wait_their_turn_and_lose_nothing(real_only_db_path, tmp_path):
    db = private_copy(real_only_db_path, tmp_path)
    paths = []
    for name in FILES:
        paths.append(tmp_path / name)
        paths[-1].write_bytes(corpus.BY_NAME[name].data())
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with exclusive_lock(db):  # a writer at work: every other writer of this database must wait for it
        writers = [etl("load", str(paths[0]), "--db", str(db)), etl("build", "--no-demo", "--db", str(db)),
                   etl("load", str(paths[1]), "--db", str(db))]
        while (blocked := waiting_on_my_lock() & {w.pid for w in writers}) != {w.pid for w in writers}:
            finished = [w for w in writers if w.poll() is not None]
            assert not finished, f"a writer ran while the lock was held: {finished[0].communicate()[0][-2000:]}"
            time.sleep(0.01)  # polling the kernel's lock table, not waiting for time to pass
        assert len(blocked) == 3
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # the serving file as it was
    outputs = [w.communicate(timeout=600)[0] for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], outputs
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT doc_id, count(*) FROM allocation WHERE starts_with(doc_id, 'tep-') "
                                "GROUP BY doc_id").fetchall())
        logged = {r[0] for r in con.execute("SELECT file_name FROM load_log").fetchall()}
    assert rows == {doc_id: 2 for doc_id in FILES.values()}  # both loads, whatever order the three ran in
    assert set(FILES) <= logged  # and the log of the database in use says so
