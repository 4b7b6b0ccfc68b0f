"""Funding sources come from the funding_source table: every stored source is shown, a new code needs only a row."""

import shutil
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT, chart_data, run_etl, run_page

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_corpus as corpus  # noqa: E402

TRENDS = "pages/trends.py"
TOTAL = "Tổng kinh phí khuyến công"
NEW_SOURCE = "commune,Cấp xã,Commune level,true,#882255,7,kc-danh-muc\n"


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def trace(app, name: str) -> dict:
    figure = chart_data(app)[0]
    return next(t for t in figure["data"] if t.get("name") == name)


@pytest.fixture()
def with_other(real_only_db_path, tmp_path) -> Path:
    """The real figures plus one 'Khác' (other) allocation of Cao Bằng, loaded as a user loads a CSV."""
    db = tmp_path / "data" / "kc.duckdb"
    db.parent.mkdir()
    shutil.copyfile(real_only_db_path, db)
    csv = tmp_path / "cao-bang-khac.csv"
    csv.write_bytes(corpus.csv_bytes([["Tỉnh/Thành phố", "Năm", "Nguồn kinh phí", "Loại số liệu", "Số tiền", "Ghi chú"],
                                      ["Cao Bằng", "2020", "Khác", "Dự toán", "1500", "nguồn xã hội hóa"]]))
    result = run_etl("load", str(csv), "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT funding_source, amount_mvnd FROM allocation WHERE area_id = 'cao-bang'"
                           ).fetchall() == [("other", 1500)]
    return db


def test_an_other_allocation_counts_in_the_overview_total(with_other):
    app = run_page(with_other, area="cao-bang")
    assert not app.exception
    assert metrics(app)[TOTAL] == "1,5 tỷ đồng"


def test_an_other_allocation_is_drawn_in_the_trends_chart(with_other):
    app = run_page(with_other, TRENDS, area="cao-bang")
    assert not app.exception
    bar = trace(app, "Khác")
    assert (bar["x"], bar["y"], bar["marker"]["color"]) == ([2020], [1.5], "#CC79A7")


@pytest.fixture()
def with_commune(tmp_path, monkeypatch) -> Path:
    """Built from a copy of data/ whose funding_source.csv has one more code, with one allocation of it."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "imports", "templates"))
    with (data / "reference" / "funding_source.csv").open("a", encoding="utf-8") as handle:
        handle.write(NEW_SOURCE)
    with (data / "sources" / "allocation.csv").open("a", encoding="utf-8") as handle:
        handle.write("nghe-an,2019,2019,commune,allocated,150,bct-2018-08-09-nghe-an-70-ty,,,exact,150 triệu đồng,,\n")
    db = tmp_path / "kc.duckdb"
    result = run_etl("build", "--no-demo", "--db", str(db), env={"KC_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def test_a_new_funding_source_is_accepted_filterable_and_drawn(with_commune):
    app = run_page(with_commune, TRENDS, area="nghe-an", years="2019-2019", source="commune")
    assert not app.exception
    assert not app.warning  # source=commune is a known value: no notice of an ignored URL item
    picker = next(m for m in app.sidebar.multiselect if m.label == "Nguồn kinh phí")
    assert "commune" in picker.options or "Cấp xã" in picker.options
    assert picker.value == ["commune"]
    bar = trace(app, "Cấp xã")
    assert (bar["x"], bar["y"], bar["marker"]["color"]) == ([2019], [0.15], "#882255")
    overview = run_page(with_commune, area="nghe-an", years="2019-2019", source="commune")
    assert metrics(overview)[TOTAL] == "150 triệu đồng"
