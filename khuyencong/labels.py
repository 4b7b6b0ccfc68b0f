"""Everything the user reads, in Vietnamese and English. Code lists (areas, activities...) come from the database."""

LANGS = ("vi", "en")

LABELS: dict[str, dict[str, str]] = {
    # App shell
    "app_title": {"vi": "Kinh phí khuyến công", "en": "Khuyến công funding"},
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_trends": {"vi": "Xu hướng kinh phí", "en": "Funding trends"},
    "page_sources": {"vi": "Nguồn & chất lượng dữ liệu", "en": "Sources and data quality"},
    "page_outcomes": {"vi": "Kết quả theo ngành và nội dung", "en": "Outcomes by sector and activity"},
    "page_plan_actual": {"vi": "Kế hoạch và thực hiện", "en": "Plan versus actual"},
    "page_compare": {"vi": "So sánh địa phương", "en": "Compare areas"},
    "filters": {"vi": "Bộ lọc", "en": "Filters"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "unit_mode": {"vi": "Đơn vị hành chính", "en": "Administrative units"},
    "unit_mode_reported": {"vi": "Như khi báo cáo", "en": "As reported"},
    "unit_mode_current": {"vi": "34 đơn vị từ 1/7/2025", "en": "34 units since 1 July 2025"},
    "areas": {"vi": "Tỉnh/thành phố, khu vực", "en": "Provinces and regions"},
    "add_region": {"vi": "Thêm cả vùng", "en": "Add a whole region"},
    "add_region_placeholder": {"vi": "Chọn vùng…", "en": "Choose a region…"},
    "areas_placeholder": {"vi": "Tất cả", "en": "All"},
    "years": {"vi": "Giai đoạn", "en": "Years"},
    "funding_sources": {"vi": "Nguồn kinh phí", "en": "Funding source"},
    "activities": {"vi": "Nội dung khuyến công", "en": "Activity"},
    "sectors": {"vi": "Ngành nghề", "en": "Sector"},
    "include_illustrative": {"vi": "Gồm dữ liệu minh họa", "en": "Include illustrative data"},
    "include_illustrative_help": {
        "vi": "Dữ liệu minh họa do chương trình tạo để trình diễn; không phải số liệu thật.",
        "en": "Illustrative data is generated to demonstrate the dashboard; it is not real."},
    "copy_link": {"vi": "Đường dẫn của chế độ xem này (sao chép để chia sẻ)",
                  "en": "Link to this view (copy to share)"},
    "notice_ignored": {"vi": "Bỏ qua giá trị không hợp lệ trong đường dẫn: {items}",
                       "en": "Ignored invalid values in the link: {items}"},
    "no_database": {"vi": "Chưa có cơ sở dữ liệu {path}. Chạy `make run` hoặc `python -m etl build`.",
                    "en": "No database at {path}. Run `make run` or `python -m etl build`."},
    "no_data": {"vi": "Không có số liệu cho bộ lọc đã chọn.", "en": "No figures for the selected filters."},
    # Funding sources and figures
    "source_local": {"vi": "Địa phương", "en": "Local"},
    "source_central": {"vi": "Trung ương", "en": "Central"},
    "source_counterpart": {"vi": "Đối ứng", "en": "Counterpart"},
    "source_other": {"vi": "Khác", "en": "Other"},
    "total": {"vi": "Tổng", "en": "Total"},
    # Captions
    "caption_sources": {"vi": "Nguồn: {docs}.", "en": "Sources: {docs}."},
    "caption_illustrative": {"vi": "Có dữ liệu minh họa (không phải số liệu thật).",
                             "en": "Includes illustrative data (not real figures)."},
    "caption_no_sources": {"vi": "Không có số liệu nào trong phần này.", "en": "No figures in this part."},
    "filter_scope_note": {
        "vi": "Bộ lọc nội dung và ngành nghề áp dụng cho đề án và kết quả; kinh phí phân bổ không chia theo nội dung.",
        "en": "Activity and sector filters apply to projects and outcomes; allocations are not split by activity."},
    "grouping_applied": {"vi": "Số liệu được gộp theo 34 đơn vị hành chính từ 1/7/2025.",
                         "en": "Figures are grouped into the 34 units in force since 1 July 2025."},
    # Units and axes
    "axis_year": {"vi": "Năm", "en": "Year"},
    "axis_money_bn": {"vi": "Kinh phí (tỷ đồng)", "en": "Funding (VND bn)"},
    "axis_money_bn_real": {"vi": "Kinh phí (tỷ đồng, giá năm {base})", "en": "Funding (VND bn, {base} prices)"},
    "axis_change_pct": {"vi": "Thay đổi so với năm trước (%)", "en": "Change on previous year (%)"},
    "unit_bn": {"vi": "tỷ đồng", "en": "VND bn"},
}


def t(key: str, lang: str = "vi", **values) -> str:
    """The label `key` in `lang`, with {placeholders} filled in."""
    text = LABELS[key][lang if lang in LANGS else "vi"]
    return text.format(**values) if values else text


def source_label(source: str, lang: str) -> str:
    """Funding source code -> 'Địa phương' / 'Local'."""
    return t(f"source_{source}", lang)

REGION_SHORT: dict[str, dict[str, str]] = {
    "vung-tdmnpb": {"vi": "TD&MN phía Bắc", "en": "Northern Midlands"},
    "vung-dbsh": {"vi": "ĐB sông Hồng", "en": "Red River Delta"},
    "vung-btb-dhmt": {"vi": "Bắc Trung Bộ & DHMT", "en": "North Central & Coast"},
    "vung-tn": {"vi": "Tây Nguyên", "en": "Central Highlands"},
    "vung-dnb": {"vi": "Đông Nam Bộ", "en": "South East"},
    "vung-dbscl": {"vi": "ĐB sông Cửu Long", "en": "Mekong Delta"},
}


def region_short(region_id: str, lang: str) -> str:
    """Short region name for option lists; '' for regions themselves."""
    return REGION_SHORT.get(region_id, {}).get(lang, "")

LABELS.update({
    "period_total_label": {"vi": "{source} {span}: tổng giai đoạn {amount}, không có số từng năm",
                           "en": "{source} {span}: period total {amount}, no annual figures"},
    "period_total_with_annual_label": {
        "vi": "{source} {span}: nguồn nêu tổng {amount}; các năm cộng lại {annual}",
        "en": "{source} {span}: stated total {amount}; annual figures add up to {annual}"},
    "estimate_even_split": {"vi": "{source}: ước tính chia đều", "en": "{source}: estimate, spread evenly"},
    "estimate": {"vi": "ước tính", "en": "estimate"},
    "cumulative": {"vi": "Lũy kế", "en": "Cumulative"},
    # Overview
    "kpi_total": {"vi": "Tổng kinh phí khuyến công", "en": "Total khuyến công funding"},
    "kpi_total_help": {
        "vi": "Ngân sách địa phương và Trung ương được phân bổ. Cộng số từng năm; tổng giai đoạn chỉ được cộng khi "
              "không có số từng năm nào trong giai đoạn đó và giai đoạn nằm trọn trong khoảng năm đã chọn.",
        "en": "Local and central budget allocated. Annual figures are summed; a period total is added only when no "
              "year inside it has an annual figure and it lies wholly inside the selected years."},
    "kpi_local_share": {"vi": "Tỷ trọng địa phương", "en": "Local share"},
    "kpi_central_share": {"vi": "Tỷ trọng Trung ương", "en": "Central share"},
    "kpi_projects": {"vi": "Số đề án", "en": "Projects"},
    "kpi_projects_help": {"vi": "{n} đề án có số kinh phí thực hiện", "en": "{n} with actual spending reported"},
    "kpi_establishments": {"vi": "Lượt cơ sở được hỗ trợ", "en": "Establishment-times supported"},
    "kpi_establishments_help": {"vi": "Cộng các chỉ tiêu tính bằng cơ sở, cả năm.",
                                "en": "Sum of the indicators counted in establishments, whole years."},
    "kpi_leverage": {"vi": "Vốn đối ứng / 1 đồng khuyến công", "en": "Counterpart per đồng of support"},
    "kpi_leverage_help": {"vi": "Chỉ tính các đề án có cả kinh phí thực hiện và vốn đối ứng.",
                          "en": "Only projects reporting both actual support and counterpart capital."},
    "leverage_value": {"vi": "{value} đồng", "en": "{value} đồng"},
    "overview_trend_title": {"vi": "Kinh phí khuyến công theo năm", "en": "Khuyến công funding by year"},
    "period_covered": {"vi": "Giai đoạn có số liệu", "en": "Period covered"},
    "documents_count": {"vi": "Tài liệu nguồn", "en": "Source documents"},
    "last_loaded": {"vi": "Nạp dữ liệu lần cuối", "en": "Last loaded"},
    "view_summary": {"vi": "{areas} · {years} · {sources}", "en": "{areas} · {years} · {sources}"},
    "periods_used_note": {"vi": "Đã cộng tổng giai đoạn: {items}.", "en": "Period totals included: {items}."},
    "periods_left_out_note": {
        "vi": "Không cộng: {items} (tổng giai đoạn vượt ngoài khoảng năm chọn hoặc đã có số từng năm).",
        "en": "Not added: {items} (period total reaching outside the selected years, or annual figures exist)."},
    # Trends
    "value_mode": {"vi": "Giá trị", "en": "Values"},
    "value_nominal": {"vi": "Danh nghĩa", "en": "Nominal"},
    "value_real": {"vi": "Giá so sánh (theo CPI)", "en": "Real (CPI-adjusted)"},
    "base_year": {"vi": "Năm gốc giá", "en": "Price base year"},
    "show_estimate": {"vi": "Ước tính: chia đều tổng giai đoạn theo năm",
                      "en": "Estimate: spread period totals evenly over their years"},
    "trend_title": {"vi": "Kinh phí khuyến công theo năm và nguồn", "en": "Khuyến công funding by year and source"},
    "cumulative_title": {"vi": "Kinh phí lũy kế", "en": "Cumulative funding"},
    "change_title": {"vi": "Thay đổi so với năm trước", "en": "Change on the previous year"},
    "compare_title": {"vi": "So sánh các địa phương đã chọn", "en": "Selected areas side by side"},
    "avg_growth": {"vi": "Tăng trưởng bình quân năm", "en": "Average annual growth"},
    "span_total": {"vi": "Tổng các năm có số liệu", "en": "Sum of reported years"},
    "years_reported": {"vi": "Số năm có số liệu", "en": "Years with figures"},
    "real_note": {"vi": "Giá so sánh: quy về giá năm {base} theo chỉ số giá tiêu dùng (CPI). Tổng giai đoạn giữ "
                        "giá danh nghĩa vì không biết số từng năm.",
                  "en": "Real values: at {base} prices using the consumer price index (CPI). Period totals stay "
                        "nominal because their annual split is unknown."},
    "cumulative_note": {"vi": "Lũy kế chỉ gồm số từng năm; tổng giai đoạn không được chia ra.",
                        "en": "The running total uses annual figures only; period totals are not split."},
    "estimate_note": {"vi": "Phần gạch chéo là ƯỚC TÍNH chia đều, không phải số liệu báo cáo.",
                      "en": "Hatched bars are an ESTIMATE spread evenly, not reported figures."},
    "all_sources": {"vi": "mọi nguồn", "en": "all sources"},
})

# Sources and data quality page (pages/sources.py, khuyencong/quality.py)
LABELS.update({
    "sq_intro": {"vi": "Mỗi con số trên dashboard dẫn về một tài liệu nguồn. Trang này cho biết số liệu lấy từ đâu, "
                       "tổng giai đoạn có khớp với số từng năm không, năm nào còn thiếu, và lần nạp dữ liệu gần nhất.",
                 "en": "Every figure on the dashboard cites a source document. This page shows where the figures come "
                       "from, whether period totals match their annual figures, which years are missing, and what "
                       "the latest data loads did."},
    "sq_documents": {"vi": "Tài liệu nguồn", "en": "Source documents"},
    "sq_col_title": {"vi": "Tên tài liệu", "en": "Title"},
    "sq_col_publisher": {"vi": "Cơ quan/báo đăng", "en": "Publisher"},
    "sq_col_date": {"vi": "Ngày", "en": "Date"},
    "sq_col_link": {"vi": "Liên kết", "en": "Link"},
    "sq_col_kind": {"vi": "Loại", "en": "Kind"},
    "sq_col_figures_in_view": {"vi": "Số liệu đang xem", "en": "Figures in view"},
    "sq_col_figures_total": {"vi": "Tổng số liệu", "en": "All figures"},
    "sq_link_text": {"vi": "Mở", "en": "Open"},
    "sq_kind_article": {"vi": "Bài báo", "en": "Article"},
    "sq_kind_legal": {"vi": "Văn bản pháp luật", "en": "Legal document"},
    "sq_kind_statistics": {"vi": "Số liệu thống kê", "en": "Statistics"},
    "sq_kind_reference": {"vi": "Danh mục tham chiếu", "en": "Reference list"},
    "sq_kind_workbook": {"vi": "Bảng tính", "en": "Workbook"},
    "sq_kind_report": {"vi": "Báo cáo", "en": "Report"},
    "sq_kind_illustrative": {"vi": "⚠ Dữ liệu minh họa", "en": "⚠ Illustrative data"},
    "sq_documents_note": {
        "vi": "Số liệu = số dòng kinh phí, đề án và chỉ tiêu kết quả dẫn tài liệu này; cột “đang xem” chỉ đếm các "
              "dòng thuộc địa phương, giai đoạn, nguồn kinh phí, nội dung, ngành nghề đang chọn. Tài liệu có 0 số "
              "liệu là nguồn của danh mục (mã tỉnh, vùng, CPI…).",
        "en": "Figures = allocation, project and outcome rows citing the document; the “in view” column counts only "
              "rows in the selected areas, years, funding sources, activities and sectors. Documents with 0 figures "
              "are sources of reference lists (province codes, regions, CPI…)."},
    "sq_reconciliation": {"vi": "Đối chiếu tổng giai đoạn với số từng năm",
                          "en": "Period totals against their annual figures"},
    "sq_tolerance": {"vi": "Ngưỡng chênh lệch chấp nhận (%)", "en": "Accepted gap (%)"},
    "sq_tolerance_help": {"vi": "Chênh lệch (theo % của tổng nguồn nêu) lớn hơn ngưỡng này được đánh dấu "
                                "“Vượt ngưỡng”.",
                          "en": "A gap (as % of the stated total) larger than this is marked “Beyond tolerance”."},
    "sq_col_area": {"vi": "Tỉnh/thành phố", "en": "Province/city"},
    "sq_area_from": {"vi": "{name} (từ {month}/{year})", "en": "{name} (from {month_en} {year})"},
    "sq_area_to": {"vi": "{name} (đến {month}/{year})", "en": "{name} (to {month_en} {year})"},
    "sq_col_source": {"vi": "Nguồn kinh phí", "en": "Funding source"},
    "sq_col_figure": {"vi": "Loại số", "en": "Figure"},
    "sq_col_period": {"vi": "Giai đoạn", "en": "Period"},
    "sq_col_stated": {"vi": "Tổng nguồn nêu", "en": "Stated total"},
    "sq_col_annual_sum": {"vi": "Cộng các năm", "en": "Annual sum"},
    "sq_col_gap": {"vi": "Chênh lệch", "en": "Gap"},
    "sq_col_gap_pct": {"vi": "Chênh lệch (%)", "en": "Gap (%)"},
    "sq_col_years_missing": {"vi": "Năm thiếu", "en": "Years missing"},
    "sq_col_status": {"vi": "Đánh giá", "en": "Status"},
    "sq_figure_allocated": {"vi": "Phân bổ", "en": "Allocated"},
    "sq_figure_disbursed": {"vi": "Giải ngân", "en": "Disbursed"},
    "sq_figure_settled": {"vi": "Quyết toán", "en": "Settled"},
    "sq_status_beyond": {"vi": "⚠ Vượt ngưỡng", "en": "⚠ Beyond tolerance"},
    "sq_status_within": {"vi": "✓ Trong ngưỡng", "en": "✓ Within tolerance"},
    "sq_status_no_annual": {"vi": "Không có số từng năm", "en": "No annual figures"},
    "sq_reconciliation_note": {
        "vi": "{figures}. Chênh lệch = tổng nguồn nêu − cộng các năm; % tính trên tổng nguồn nêu. Khi thiếu năm, phần "
              "cộng các năm chỉ gồm các năm có số.",
        "en": "{figures}. Gap = stated total − sum of annual figures; % of the stated total. When years are missing, "
              "the sum covers only the years with figures."},
    "sq_figures_shown": {"vi": "Loại số: {names}", "en": "Figures: {names}"},
    "sq_no_periods": {"vi": "Không có tổng giai đoạn nào trong bộ lọc đã chọn.",
                      "en": "No period totals in the selected view."},
    "sq_completeness": {"vi": "Mức đầy đủ của số phân bổ từng năm", "en": "Completeness of annual allocations"},
    "sq_completeness_legend": {
        "vi": "✓ có số · 0 báo cáo bằng 0 · Σ chỉ có trong tổng giai đoạn · ? có dòng nhưng không có số liệu · "
              "— không có số liệu nào",
        "en": "✓ reported · 0 reported as zero · Σ only within a period total · ? row present, amount not reported · "
              "— no figure at all"},
    "sq_completeness_scope": {
        "vi": "Số kinh phí được phân bổ, ngân sách địa phương và Trung ương, theo địa phương và năm đã chọn.",
        "en": "Allocated funding, local and central budget, for the selected areas and years."},
    "sq_load_log": {"vi": "Nhật ký nạp dữ liệu", "en": "Load log"},
    "sq_col_loaded_at": {"vi": "Thời điểm", "en": "Time"},
    "sq_col_file": {"vi": "Tệp", "en": "File"},
    "sq_col_rows": {"vi": "Số dòng", "en": "Rows"},
    "sq_col_message": {"vi": "Ghi chú", "en": "Message"},
    "sq_col_load_status": {"vi": "Trạng thái", "en": "Status"},
    "sq_load_ok": {"vi": "✓ Thành công", "en": "✓ OK"},
    "sq_load_error": {"vi": "✗ Lỗi", "en": "✗ Error"},
    "sq_load_rejected": {"vi": "✗ Bị từ chối", "en": "✗ Rejected"},
    "sq_load_warning": {"vi": "⚠ Cảnh báo", "en": "⚠ Warning"},
    "sq_load_log_note": {"vi": "Mới nhất ở trên; {n} dòng nhật ký, mỗi dòng là một tệp hoặc một bước nạp.",
                         "en": "Newest first; {n} entries, one per file or load step."},
    "sq_load_log_empty": {"vi": "Chưa có lần nạp dữ liệu nào được ghi lại.", "en": "No data loads recorded yet."},
})
