"""Tổng quan: what the database holds and how the stated totals compare with their annual figures."""

import streamlit as st

from khuyencong.app_state import get_database
from khuyencong.formatting import format_money, format_number, format_percent, format_year_span, is_missing
from khuyencong.queries import run_query

SOURCE_NAMES = {"local": "ngân sách địa phương", "central": "ngân sách Trung ương",
                "counterpart": "vốn đối ứng", "other": "nguồn khác"}

db = get_database()
st.title("Kinh phí khuyến công")

if not db.path.exists():
    st.error(f"Chưa có cơ sở dữ liệu {db.path}. Chạy `make run` hoặc `python -m etl build`.")
    st.stop()

counts = run_query(db, "row_counts")
cols = st.columns(len(counts))
labels = {"allocation": "Số liệu kinh phí", "project": "Đề án", "outcome": "Chỉ tiêu kết quả"}
for col, row in zip(cols, counts.itertuples()):
    col.metric(labels[row.table_name], format_number(row.real_rows),
               help=f"Số dòng từ tài liệu gốc; thêm {format_number(row.illustrative_rows)} dòng minh họa")

st.subheader("Tổng giai đoạn do nguồn nêu và tổng các năm")
reconciliation = run_query(db, "reconciliation", include_illustrative=False)
for row in reconciliation.itertuples():
    span = format_year_span(row.year_from, row.year_to)
    annual = ("không có số liệu từng năm" if is_missing(row.annual_sum_mvnd)
              else f"các năm cộng lại {format_money(row.annual_sum_mvnd)} "
                   f"(chênh lệch {format_money(row.gap_mvnd)}, {format_percent(row.gap_pct)})")
    st.markdown(f"**{row.area_name_vi}**, {SOURCE_NAMES[row.funding_source]} {span}: "
                f"nguồn nêu {format_money(row.reported_mvnd)}; {annual}.")

last = run_query(db, "last_load")["loaded_at"].iloc[0]
documents = run_query(db, "source_documents")
real_docs = documents[~documents["is_illustrative"] & (documents["figures"] > 0)]
st.caption(f"Nguồn: {'; '.join(real_docs['title'])}. Dữ liệu nạp lúc {last:%d/%m/%Y %H:%M}.")
