"""The dashboard, run as Streamlit runs it, reads the built database and shows true figures."""

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest


@pytest.fixture()
def app(demo_db_path, monkeypatch):
    monkeypatch.setenv("KC_DB_PATH", str(demo_db_path))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30).run()


def test_overview_runs_without_exception(app):
    assert not app.exception


def test_overview_states_the_nghe_an_local_gap(app):
    text = " ".join(m.value for m in app.markdown)
    assert "ngân sách địa phương 2002–2018: nguồn nêu 53,7 tỷ đồng; các năm cộng lại 60 tỷ đồng" in text
    assert "chênh lệch -6,3 tỷ đồng, -11,7%" in text
    assert "ngân sách Trung ương 2002–2018: nguồn nêu 16,3 tỷ đồng; không có số liệu từng năm" in text


def test_overview_counts_only_real_rows_as_figures(app):
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Số liệu kinh phí": "19", "Đề án": "16", "Chỉ tiêu kết quả": "8"}


def test_overview_cites_its_sources(app):
    caption = " ".join(c.value for c in app.caption)
    assert "Nghệ An: 70 tỷ đồng hỗ trợ hoạt động khuyến công" in caption
