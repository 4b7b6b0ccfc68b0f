"""Unknown values mapped to a catalogue entry on the Import page: remembered beside the imports (imports/mappings/
values.csv), read before the lookup by the next check, the load, and the rebuild that replays the imports."""

import shutil

import duckdb
import pytest
from report_corpus import TITLE, save

from etl.importer import check_files, imports_dir_for, load_files, remember_value, replay_imports
from etl.importing.mappings import read_value_map, value_map_path

UNKNOWN = "Đào tạo nghề truyền thống cho lao động"   # reads like "Đào tạo nghề, truyền nghề" (dao_tao_nghe)
HEAD = [["STT", "Tên đề án", "Nội dung khuyến công", "Kinh phí khuyến công"]]
BODY = [[1, "Đề án mây tre Thạch Hà", "Đào tạo nghề, truyền nghề", 100],
        [2, "Đề án dệt thổ cẩm Hương Khê", UNKNOWN, 200]]
QUERY = "SELECT name, activity_id, plan_mvnd FROM project WHERE name LIKE 'Đề án % Hương Khê' ORDER BY name"


def report_with_unknown_activity(body=BODY) -> bytes:
    return save(TITLE + HEAD + body)


@pytest.fixture()
def db_path(demo_db_path, tmp_path):
    path = tmp_path / "data" / "kc.duckdb"
    path.parent.mkdir()
    shutil.copy(demo_db_path, path)
    return path


def rows(path, query=QUERY):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [(name, activity, float(amount)) for name, activity, amount in con.execute(query).fetchall()]
    finally:
        con.close()


def test_an_unknown_value_is_offered_with_its_suggestion(db_path):
    [report] = check_files(db_path, [("ha-tinh.xlsx", report_with_unknown_activity())])
    assert [(u.list_name, u.value, u.suggestions, u.column) for u in report.unknown] == \
        [("activity", UNKNOWN, ["dao_tao_nghe"], "Nội dung khuyến công")]
    assert [p.value for p in report.errors] == [UNKNOWN]


def test_a_remembered_value_is_read_by_the_check_the_load_and_the_rebuild(db_path, demo_db_path, tmp_path):
    files = [("ha-tinh.xlsx", report_with_unknown_activity())]
    assert remember_value(db_path, "activity", "  đào tạo nghề TRUYỀN THỐNG cho lao động ", "dao_tao_nghe")
    assert value_map_path(imports_dir_for(db_path)).is_file()

    [report] = check_files(db_path, files)
    assert report.errors == [] and report.unknown == []
    load_files(db_path, files)
    assert rows(db_path) == [("Đề án dệt thổ cẩm Hương Khê", "dao_tao_nghe", 200.0)]

    rebuilt = tmp_path / "rebuilt.duckdb"  # a rebuild: the bundled database, then the kept imports replayed
    shutil.copy(demo_db_path, rebuilt)
    con = duckdb.connect(str(rebuilt))
    try:
        replay_imports(con, imports_dir_for(db_path), progress=lambda _message: None)
    finally:
        con.close()
    assert rows(rebuilt) == [("Đề án dệt thổ cẩm Hương Khê", "dao_tao_nghe", 200.0)]


def test_a_remembered_value_is_never_remapped(db_path):
    assert remember_value(db_path, "activity", UNKNOWN, "dao_tao_nghe")
    assert not remember_value(db_path, "activity", UNKNOWN.upper(), "mo_hinh_trinh_dien")
    assert read_value_map(imports_dir_for(db_path)) == {("activity", "dao tao nghe truyen thong cho lao dong"):
                                                        "dao_tao_nghe"}


def test_the_catalogue_wins_over_a_remembered_value(db_path):
    remember_value(db_path, "activity", "Đào tạo nghề, truyền nghề", "mo_hinh_trinh_dien")
    load_files(db_path, [("ha-tinh.xlsx", report_with_unknown_activity(BODY[:1]))])
    assert rows(db_path, QUERY.replace("Hương Khê", "Thạch Hà")) == \
        [("Đề án mây tre Thạch Hà", "dao_tao_nghe", 100.0)]


def test_a_remembered_code_no_longer_in_its_list_is_ignored(db_path):
    remember_value(db_path, "activity", UNKNOWN, "no_such_activity")
    [report] = check_files(db_path, [("ha-tinh.xlsx", report_with_unknown_activity())])
    assert [p.value for p in report.errors] == [UNKNOWN]


def test_the_kept_mappings_are_not_replayed_as_an_import(db_path, tmp_path):
    remember_value(db_path, "activity", UNKNOWN, "dao_tao_nghe")
    messages = []
    con = duckdb.connect(str(shutil.copy(db_path, tmp_path / "copy.duckdb")))
    try:
        assert replay_imports(con, imports_dir_for(db_path), progress=messages.append) == 0
    finally:
        con.close()
    assert messages == []


def test_a_file_of_many_unknown_values_offers_the_first_hundred(db_path):
    from etl.importing.parse import MAX_UNKNOWN_VALUES

    body = [[i, f"Đề án {i}", f"Hoạt động lạ số {i}", 100] for i in range(1, 151)]
    [report] = check_files(db_path, [("nhieu.xlsx", report_with_unknown_activity(body))])
    assert len(report.errors) == 150  # every problem is still reported
    assert [u.value for u in report.unknown] == [f"Hoạt động lạ số {i}" for i in range(1, MAX_UNKNOWN_VALUES + 1)]
