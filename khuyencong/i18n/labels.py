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
    "page_data": {"vi": "Dữ liệu", "en": "Data"},
    # Presenting and exporting charts
    "pr_download_chart": {"vi": "Tải biểu đồ", "en": "Download chart"},
    "pr_png": {"vi": "Ảnh PNG (1600×900)", "en": "PNG image (1600×900)"},
    "pr_svg": {"vi": "Ảnh vector SVG", "en": "SVG vector image"},
    "pr_no_illustrative": {"vi": "không gồm dữ liệu minh họa", "en": "without illustrative data"},
    "pr_enter": {"vi": "Trình chiếu", "en": "Present"},
    "pr_enter_help": {"vi": "Mỗi màn hình một biểu đồ, chữ lớn, không thanh bên.",
                      "en": "One chart per screen, large type, no sidebar."},
    "pr_leave": {"vi": "Thoát trình chiếu", "en": "Leave presentation"},
    "pr_previous": {"vi": "Trước", "en": "Previous"},
    "pr_next": {"vi": "Tiếp", "en": "Next"},
    "pr_position": {"vi": "Biểu đồ {index}/{count}", "en": "Chart {index} of {count}"},
    "pr_no_charts": {"vi": "Trang này không có biểu đồ để trình chiếu.", "en": "This page has no chart to present."},
    "pr_deck": {"vi": "Tải bộ slide (.pptx)", "en": "Download slides (.pptx)"},
    "pr_deck_help": {"vi": "Slide tiêu đề, chỉ số chính, mỗi biểu đồ của trang một slide, chất lượng dữ liệu.",
                     "en": "Title slide, key figures, one slide per chart of this page, data quality."},
    "pr_deck_title": {"vi": "Kinh phí khuyến công", "en": "Khuyến công funding"},
    "pr_quality_illustrative": {"vi": "Có dữ liệu minh họa trong các biểu đồ: không phải số liệu thật.",
                                "en": "The charts include illustrative data: not real figures."},
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
    "notice_more": {"vi": "và {n} giá trị khác", "en": "and {n} more"},
    "no_database": {"vi": "Chưa có cơ sở dữ liệu {path}. Chạy `make run` hoặc `python -m etl build`.",
                    "en": "No database at {path}. Run `make run` or `python -m etl build`."},
    "no_data": {"vi": "Không có số liệu cho bộ lọc đã chọn.", "en": "No figures for the selected filters."},
    # Funding sources and figures
    "source_local": {"vi": "Địa phương", "en": "Local"},
    "source_central": {"vi": "Trung ương", "en": "Central"},
    "source_counterpart": {"vi": "Đối ứng", "en": "Counterpart"},
    "source_other": {"vi": "Khác", "en": "Other"},
    "source_district": {"vi": "Cấp huyện", "en": "District level"},
    "source_state": {"vi": "Ngân sách nhà nước (không nêu cấp)", "en": "State budget (level not stated)"},
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

# Sources and data quality page (pages/sources.py, khuyencong/figures/sources.py)
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
    "sq_figure_approved_plan": {"vi": "Kế hoạch được duyệt", "en": "Approved plan"},
    "sq_figure_proposed": {"vi": "Đề xuất", "en": "Proposed"},
    "sq_figure_target": {"vi": "Mục tiêu / dự kiến", "en": "Target / expected"},
    "sq_figure_estimated_executed": {"vi": "Ước thực hiện", "en": "Estimated executed"},
    "sq_figure_executed": {"vi": "Thực hiện / đã chi", "en": "Executed (spent)"},
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

LABELS.update({
    # Plan versus actual (pa_)
    "pa_intro": {
        "vi": "Kế hoạch so với thực hiện: kinh phí các đề án khuyến công và các chỉ tiêu kết quả theo kỳ báo cáo, "
              "theo cách báo cáo tiến độ thường dùng: *đạt X% kế hoạch, bằng Y% cùng kỳ*.",
        "en": "Plan against actual: the money of khuyến công projects and the result indicators by reporting period, "
              "in the form progress reports use: *X% of plan, Y% of the same period last year*."},
    "pa_money_header": {"vi": "1. Kinh phí đề án: kế hoạch và thực hiện", "en": "1. Project funding: plan and actual"},
    "pa_plan": {"vi": "Kế hoạch", "en": "Plan"},
    "pa_actual": {"vi": "Thực hiện", "en": "Actual"},
    "pa_money_plan_total": {"vi": "Kinh phí kế hoạch", "en": "Planned funding"},
    "pa_money_actual_total": {"vi": "Kinh phí thực hiện", "en": "Actual spending"},
    "pa_money_pct": {"vi": "Thực hiện so với kế hoạch", "en": "Actual as % of plan"},
    "pa_money_pct_help": {"vi": "Chỉ tính các đề án có cả số kế hoạch và số thực hiện.",
                          "en": "Only projects that report both a plan and an actual amount."},
    "pa_money_not_reported": {"vi": "Đề án chưa có số thực hiện", "en": "Projects without an actual amount"},
    "pa_money_not_reported_value": {"vi": "{n} / {total}", "en": "{n} / {total}"},
    "pa_money_not_reported_help": {"vi": "Chưa báo cáo không phải là 0: các đề án này được đếm riêng.",
                                   "en": "Not reported is not zero: these projects are counted apart."},
    "pa_money_null_note": {
        "vi": "{without_actual} trong {total} đề án chưa có số kinh phí thực hiện và {without_plan} đề án chưa có số "
              "kế hoạch; các đề án này được đếm riêng, không tính là 0. Cột thực hiện chỉ cộng các đề án có số; "
              "tỷ lệ % kế hoạch chỉ tính trên {both} đề án có cả hai số.",
        "en": "{without_actual} of {total} projects have no actual amount reported and {without_plan} have no plan; "
              "they are counted apart, never as zero. Actual bars add up only the projects that report; % of plan "
              "uses only the {both} projects that report both."},
    "pa_money_chart_title": {"vi": "Kinh phí đề án theo năm: kế hoạch và thực hiện",
                             "en": "Project funding by year: plan and actual"},
    "pa_pct_of_plan": {"vi": "% kế hoạch", "en": "% of plan"},
    "pa_hover_plan_with_actual": {"vi": "trong đó đề án đã có số thực hiện", "en": "of which projects with actuals"},
    "pa_plan_without_actual": {"vi": "Kế hoạch của đề án chưa có số thực hiện",
                               "en": "Plan of projects without actuals"},
    "pa_hover_pct_of_plan": {"vi": "Đạt {pct} kế hoạch", "en": "{pct} of plan"},
    "pa_hover_projects": {"vi": "{n} đề án, {missing} chưa có số", "en": "{n} projects, {missing} not reported"},
    "pa_money_by_source": {"vi": "Theo nguồn kinh phí, {years}", "en": "By funding source, {years}"},
    "pa_money_detail": {"vi": "Chi tiết theo năm và nguồn kinh phí", "en": "Details by year and funding source"},
    "pa_source_unknown": {"vi": "Chưa rõ nguồn", "en": "Source not stated"},
    "pa_col_year": {"vi": "Năm", "en": "Year"},
    "pa_col_source": {"vi": "Nguồn kinh phí", "en": "Funding source"},
    "pa_col_projects": {"vi": "Số đề án", "en": "Projects"},
    "pa_col_plan_money": {"vi": "Kế hoạch", "en": "Plan"},
    "pa_col_actual_money": {"vi": "Thực hiện", "en": "Actual"},
    "pa_col_pct_plan": {"vi": "% kế hoạch", "en": "% of plan"},
    "pa_col_not_reported": {"vi": "Chưa có số thực hiện", "en": "Actual not reported"},
    # Indicators by period
    "pa_ind_header": {"vi": "2. Chỉ tiêu kết quả: kế hoạch, thực hiện, cùng kỳ",
                      "en": "2. Result indicators: plan, actual, same period last year"},
    "pa_year": {"vi": "Năm", "en": "Year"},
    "pa_period": {"vi": "Kỳ báo cáo", "en": "Reporting period"},
    "pa_period_year": {"vi": "Cả năm", "en": "Full year"},
    "pa_period_H1": {"vi": "6 tháng (H1)", "en": "First half (H1)"},
    "pa_period_Q1": {"vi": "Quý I", "en": "Q1"},
    "pa_period_Q2": {"vi": "Quý II", "en": "Q2"},
    "pa_period_Q3": {"vi": "Quý III", "en": "Q3"},
    "pa_period_Q4": {"vi": "Quý IV", "en": "Q4"},
    "pa_when_year": {"vi": "năm {year}", "en": "{year}"},
    "pa_when_H1": {"vi": "6 tháng đầu năm {year}", "en": "first half of {year}"},
    "pa_when_quarter": {"vi": "quý {q}/{year}", "en": "Q{n} {year}"},
    "pa_when_cumulative": {"vi": "lũy kế quý I–{q}/{year}", "en": "Q1–Q{n} {year} cumulative"},
    "pa_cumulative": {"vi": "Lũy kế từ đầu năm", "en": "Cumulative to date"},
    "pa_cumulative_help": {
        "vi": "Cộng các quý từ quý I đến quý đã chọn (ví dụ quý I + quý II). Chỉ áp dụng khi chọn một quý.",
        "en": "Adds the quarters from Q1 to the chosen quarter (e.g. Q1 + Q2). Applies when a quarter is chosen."},
    "pa_cumulative_incomplete": {
        "vi": "Lũy kế chỉ cộng khi có đủ số của mọi quý; thiếu một quý thì ghi “không có số liệu”.",
        "en": "A cumulative figure is added up only when every quarter reports; otherwise it shows “not reported”."},
    "pa_chart_unit": {"vi": "Đơn vị trên biểu đồ tiến độ", "en": "Unit shown in the progress chart"},
    "pa_progress_title": {"vi": "Tiến độ thực hiện kế hoạch: {unit}, {when}",
                          "en": "Progress against plan: {unit}, {when}"},
    "pa_axis_pct_plan": {"vi": "Thực hiện so với kế hoạch (%)", "en": "Actual as % of plan"},
    "pa_expected_marker": {"vi": "Mức cần đạt theo tiến độ", "en": "Expected by now"},
    "pa_status_behind": {"vi": "Chậm tiến độ", "en": "Behind schedule"},
    "pa_status_on_track": {"vi": "Đúng tiến độ", "en": "On track"},
    "pa_status_ahead": {"vi": "Vượt tiến độ", "en": "Ahead of schedule"},
    "pa_status_no_status": {"vi": "Chưa đánh giá", "en": "Not rated"},
    "pa_rule": {
        "vi": "**Cách đánh giá tiến độ.** So sánh tỷ lệ % kế hoạch đã đạt với mức cần đạt theo thời gian đã qua của "
              "kỳ kế hoạch. Kế hoạch của chính kỳ báo cáo (quý, 6 tháng, cả năm; lũy kế thì cộng kế hoạch các quý) "
              "cần đạt 100%. Kế hoạch năm: sau một quý cần đạt 25%, sau 6 tháng 50%, lũy kế quý I–III 75%, cả năm "
              "100%. ▼ **Chậm tiến độ**: thấp hơn mức cần đạt quá 5 điểm phần trăm; ▲ **Vượt tiến độ**: cao hơn quá "
              "5 điểm; ● **Đúng tiến độ**: trong khoảng ±5 điểm (kể cả đúng 5 điểm). Không có số kế hoạch thì không "
              "đánh giá.",
        "en": "**How progress is rated.** The % of plan reached is compared with the share of the plan period that "
              "has passed. A plan for the reporting period itself (a quarter, a half, the year; cumulative: the sum of "
              "the quarters' plans) expects 100%. A year plan expects 25% after one quarter, 50% after the first "
              "half, 75% after Q1–Q3 cumulative, 100% for the year. ▼ **Behind schedule**: more than 5 percentage "
              "points under the expected level; ▲ **Ahead of schedule**: more than 5 points over; ● **On track**: "
              "within ±5 points (exactly 5 included). Without a plan there is no rating."},
    "pa_no_indicator_data": {"vi": "Không có chỉ tiêu nào cho {when} trong bộ lọc đã chọn.",
                             "en": "No indicator figures for {when} in the selected view."},
    "pa_col_area": {"vi": "Địa phương", "en": "Area"},
    "pa_col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "pa_col_measure": {"vi": "Đơn vị tính", "en": "Unit"},
    "pa_col_plan": {"vi": "Kế hoạch", "en": "Plan"},
    "pa_col_actual": {"vi": "Thực hiện", "en": "Actual"},
    "pa_col_pct": {"vi": "% kế hoạch", "en": "% of plan"},
    "pa_col_expected": {"vi": "Mức cần đạt", "en": "Expected"},
    "pa_col_prior": {"vi": "Cùng kỳ năm trước", "en": "Same period last year"},
    "pa_col_pct_prior": {"vi": "% so với cùng kỳ", "en": "% of same period"},
    "pa_col_status": {"vi": "Tiến độ", "en": "Progress"},
    "pa_col_summary": {"vi": "Đánh giá", "en": "Summary"},
    "pa_col_data_note": {"vi": "Tình trạng số liệu", "en": "Data status"},
    "pa_col_source_note": {"vi": "Ghi chú của nguồn", "en": "Note on the source (Vietnamese)"},
    "pa_col_quote": {"vi": "Trích nguyên văn", "en": "Quote (Vietnamese)"},
    "pa_col_derived_plan": {"vi": "Kế hoạch (suy ra)", "en": "Plan (derived)"},
    "pa_col_derived_prior": {"vi": "Cùng kỳ (suy ra)", "en": "Same period (derived)"},
    "pa_summary_plan": {"vi": "đạt {pct} kế hoạch", "en": "{pct} of plan"},
    "pa_summary_plan_year": {"vi": "đạt {pct} kế hoạch năm", "en": "{pct} of the year plan"},
    "pa_summary_no_plan": {"vi": "không có số liệu kế hoạch", "en": "no plan reported"},
    "pa_summary_prior": {"vi": "bằng {pct} cùng kỳ", "en": "{pct} of the same period last year"},
    "pa_summary_no_prior": {"vi": "không có số liệu cùng kỳ", "en": "same period not reported"},
    "pa_expected_period": {"vi": "{pct} (kế hoạch của kỳ)", "en": "{pct} (plan for the period)"},
    "pa_expected_year": {"vi": "{pct} (kế hoạch năm)", "en": "{pct} (year plan)"},
    "pa_reported_mark": {"vi": "{value} (báo cáo)", "en": "{value} (reported)"},
    "pa_derived_mark": {"vi": "≈ {value} (suy ra)", "en": "≈ {value} (derived)"},
    "pa_qualifier_exact": {"vi": "", "en": ""},
    "pa_qualifier_estimate": {"vi": "Ước thực hiện", "en": "Estimate (ước thực hiện)"},
    "pa_qualifier_approx": {"vi": "Số gần đúng", "en": "Approximate"},
    "pa_qualifier_more_than": {"vi": "Số tối thiểu (hơn)", "en": "Lower bound (more than)"},
    "pa_qualifier_nearly": {"vi": "Gần (ít hơn một chút)", "en": "Nearly (a little less than)"},
    "pa_qualifier_at_least": {"vi": "Ít nhất (số đến một thời điểm trong kỳ)",
                              "en": "At least (to a date within the period)"},
    "pa_value_approx": {"vi": "gần {value}", "en": "nearly {value}"},
    "pa_value_more_than": {"vi": "hơn {value}", "en": "more than {value}"},
    "pa_illustrative_mark": {"vi": "Minh họa", "en": "Illustrative"},
    # Figures reported in source documents
    "pa_rep_header": {"vi": "3. Số liệu thật đã báo cáo trong tài liệu nguồn",
                      "en": "3. Real figures reported in source documents"},
    "pa_rep_intro": {
        "vi": "Số liệu chép đúng như tài liệu nguồn công bố (không phải dữ liệu minh họa). Tỷ lệ % là số báo cáo, "
              "không tính lại. Số ghi “suy ra” được tính từ tỷ lệ % báo cáo, không phải số do nguồn công bố.",
        "en": "Figures exactly as the source document published them (not illustrative data). Percentages are as "
              "reported, not recomputed. Figures marked “derived” are computed from a reported percentage; the "
              "source did not publish them."},
    "pa_rep_none": {"vi": "Trong bộ lọc đã chọn không có chỉ tiêu kết quả nào lấy từ tài liệu nguồn thật.",
                    "en": "No result indicator from a real source document in the selected view."},
    "pa_rep_group": {"vi": "{unit} · {when}", "en": "{unit} · {when}"},
    "pa_rep_headline": {"vi": "**{indicator}** {when}{estimate}: **{actual}**, {summary}. {status}",
                        "en": "**{indicator}**, {when}{estimate}: **{actual}**, {summary}. {status}"},
    "pa_rep_estimate_word": {"vi": " (ước thực hiện)", "en": " (estimate)"},
    "pa_rep_metric_actual": {"vi": "{indicator} (báo cáo)", "en": "{indicator} (reported)"},
    "pa_rep_metric_pct_plan": {"vi": "% kế hoạch năm (báo cáo)", "en": "% of year plan (reported)"},
    "pa_rep_metric_pct_plan_period": {"vi": "% kế hoạch (báo cáo)", "en": "% of plan (reported)"},
    "pa_rep_metric_pct_prior": {"vi": "% so với cùng kỳ {prior_year} (báo cáo)",
                                "en": "% of same period {prior_year} (reported)"},
    "pa_rep_derived_title": {"vi": "Số suy ra, không phải số báo cáo", "en": "Derived, not reported"},
    "pa_rep_metric_derived_plan": {"vi": "Kế hoạch năm {year} (suy ra)", "en": "{year} year plan (derived)"},
    "pa_rep_metric_derived_plan_period": {"vi": "Kế hoạch {when} (suy ra)", "en": "Plan for {when} (derived)"},
    "pa_rep_metric_derived_prior": {"vi": "Cùng kỳ {when} (suy ra)", "en": "{when} (derived)"},
    "pa_rep_derived_note": {
        "vi": "Suy ra: kế hoạch = {actual} ÷ {pct_plan}; cùng kỳ = {actual} ÷ {pct_prior}. Nguồn chỉ nêu tỷ lệ %, "
              "không nêu các số này; số thật có thể lệch do làm tròn.",
        "en": "Derived: plan = {actual} ÷ {pct_plan}; same period = {actual} ÷ {pct_prior}. The source states only "
              "the percentages, not these amounts; rounding makes them approximate."},
    "pa_rep_estimate_note": {
        "vi": "Các số có ghi “Ước thực hiện” là số ước tính tại thời điểm báo cáo, chưa phải số chính thức.",
        "en": "Figures marked “Estimate” (ước thực hiện) were estimated when reported; they are not final figures."},
    "pa_rep_notes": {"vi": "Ghi chú về nguồn: {notes}", "en": "Notes on the source (in Vietnamese): {notes}"},
})

LABELS.update({
    # Compare areas (pages/compare.py, khuyencong/figures/compare.py)
    "cmp_intro": {
        "vi": "Các địa phương đặt cạnh nhau: kinh phí khuyến công, cơ cấu nguồn, tăng trưởng, số đề án và kết quả.",
        "en": "Areas side by side: khuyến công funding, its sources, growth, projects and outcomes."},
    "cmp_scope_selected": {"vi": "So sánh {n} địa phương đã chọn · {years} · {sources}",
                           "en": "Comparing the {n} selected areas · {years} · {sources}"},
    "cmp_scope_all": {"vi": "So sánh {n} tỉnh/thành phố có số liệu trong bộ lọc · {years} · {sources}",
                      "en": "Comparing the {n} provinces and cities with figures in the view · {years} · {sources}"},
    "cmp_scope_highlight": {"vi": "Đang chọn: ▶ {name}", "en": "Selected: ▶ {name}"},
    "cmp_selected_without_figures": {
        "vi": "{name} không có số liệu nào trong bộ lọc đã chọn; bảng vẫn giữ một dòng cho địa phương này.",
        "en": "{name} has no figures in the selected view; the table still keeps a row for it."},
    "cmp_mode": {"vi": "Cách so sánh kinh phí", "en": "Funding compared as"},
    "cmp_mode_absolute": {"vi": "Tổng số (danh nghĩa)", "en": "Totals (nominal)"},
    "cmp_mode_per_year": {"vi": "Bình quân một năm có số liệu", "en": "Average per year with figures"},
    "cmp_mode_real": {"vi": "Giá so sánh (theo CPI)", "en": "Real values (CPI)"},
    "cmp_base_year": {"vi": "Năm gốc giá", "en": "Price base year"},
    "cmp_note_absolute": {
        "vi": "Tổng kinh phí = ngân sách địa phương + Trung ương được phân bổ: cộng số từng năm; tổng giai đoạn chỉ "
              "được cộng khi nằm trọn trong khoảng năm đã chọn và không có số từng năm nào trong giai đoạn đó.",
        "en": "Total funding = local + central budget allocated: annual figures summed; a period total is added only "
              "when it lies wholly inside the selected years and no year inside it has an annual figure."},
    "cmp_note_per_year": {
        "vi": "Bình quân năm = tổng số từng năm ÷ số năm có số liệu từng năm của địa phương đó (cột “Số năm có số "
              "liệu”), nên các địa phương báo cáo số năm khác nhau vẫn so sánh được. Tổng giai đoạn không chia được "
              "theo năm nên không được tính vào bình quân.",
        "en": "Per year = sum of the annual figures ÷ the number of years in which that area has annual figures "
              "(column “Years with figures”), so areas reporting different numbers of years can be compared. Period "
              "totals cannot be split by year and are left out of the average."},
    "cmp_note_real": {
        "vi": "Giá so sánh: mỗi số từng năm được quy về giá năm {base} theo chỉ số giá tiêu dùng (CPI). Tổng giai "
              "đoạn không biết số từng năm nên không quy đổi được và không được tính ở đây.",
        "en": "Real values: each annual figure is converted to {base} prices with the consumer price index (CPI). "
              "Period totals have no annual split, cannot be converted and are left out here."},
    "cmp_periods_used": {"vi": "Đã cộng tổng giai đoạn: {items}.", "en": "Period totals included: {items}."},
    "cmp_periods_left_out": {
        "vi": "Không cộng tổng giai đoạn: {items} (vượt ngoài khoảng năm chọn hoặc đã có số từng năm).",
        "en": "Period totals not added: {items} (reaching outside the selected years, or annual figures exist)."},
    "cmp_periods_not_spread": {
        "vi": "Không tính tổng giai đoạn (không chia được theo năm): {items}.",
        "en": "Period totals left out (they cannot be split by year): {items}."},
    "cmp_counts_note": {
        "vi": "Số đề án và kết quả là tổng của cả khoảng năm đã chọn, không quy đổi theo năm hay theo giá.",
        "en": "Projects and outcomes are totals over the selected years, never divided by years or price-adjusted."},
    "cmp_table_header": {"vi": "Kinh phí và đề án từng địa phương", "en": "Funding and projects by area"},
    "cmp_outcomes_header": {"vi": "Kết quả theo chỉ tiêu (cả năm)", "en": "Outcomes by indicator (whole years)"},
    "cmp_outcomes_note": {
        "vi": "Cộng số thực hiện của các kỳ báo cáo cả năm; ô “không có số liệu” là chưa báo cáo, không phải 0.",
        "en": "Sum of the actual values of whole-year reports; “not reported” means no figure, not zero."},
    "cmp_ranking_header": {"vi": "Xếp hạng", "en": "Ranking"},
    "cmp_measure": {"vi": "Xếp hạng theo", "en": "Rank by"},
    "cmp_col_area": {"vi": "Tỉnh/thành phố", "en": "Province/city"},
    "cmp_col_total": {"vi": "Tổng kinh phí", "en": "Total funding"},
    "cmp_col_local": {"vi": "Ngân sách địa phương", "en": "Local budget"},
    "cmp_col_central": {"vi": "Ngân sách Trung ương", "en": "Central budget"},
    "cmp_col_shares": {"vi": "Tỷ trọng địa phương / Trung ương", "en": "Local / central share"},
    "cmp_col_growth": {"vi": "Tăng trưởng bình quân năm", "en": "Average annual growth"},
    "cmp_col_years": {"vi": "Số năm có số liệu", "en": "Years with figures"},
    "cmp_col_projects": {"vi": "Số đề án", "en": "Projects"},
    "cmp_col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "cmp_col_unit": {"vi": "Đơn vị tính", "en": "Unit"},
    "cmp_suffix_per_year": {"vi": "{label} / năm", "en": "{label} per year"},
    "cmp_suffix_real": {"vi": "{label} (giá {base})", "en": "{label} ({base} prices)"},
    "cmp_measure_total": {"vi": "Tổng kinh phí", "en": "Total funding"},
    "cmp_measure_local": {"vi": "Ngân sách địa phương", "en": "Local budget"},
    "cmp_measure_central": {"vi": "Ngân sách Trung ương", "en": "Central budget"},
    "cmp_measure_projects": {"vi": "Số đề án", "en": "Number of projects"},
    "cmp_measure_indicator": {"vi": "{name} ({unit})", "en": "{name} ({unit})"},
    "cmp_funding_chart_title": {"vi": "Kinh phí khuyến công theo địa phương và nguồn",
                                "en": "Khuyến công funding by area and source"},
    "cmp_ranking_title": {"vi": "Xếp hạng: {measure}", "en": "Ranking: {measure}"},
    "cmp_axis_money": {"vi": "Kinh phí (tỷ đồng)", "en": "Funding (VND bn)"},
    "cmp_axis_money_per_year": {"vi": "Kinh phí bình quân năm (tỷ đồng/năm)", "en": "Funding per year (VND bn/year)"},
    "cmp_axis_money_real": {"vi": "Kinh phí (tỷ đồng, giá năm {base})", "en": "Funding (VND bn, {base} prices)"},
    "cmp_axis_projects": {"vi": "Số đề án", "en": "Projects"},
    "cmp_axis_indicator": {"vi": "{name} ({unit})", "en": "{name} ({unit})"},
    "cmp_area_axis": {"vi": "Tỉnh/thành phố", "en": "Province/city"},
    "cmp_period_segment": {"vi": "{source}: tổng giai đoạn (không chia theo năm)",
                           "en": "{source}: period total (no annual split)"},
    "cmp_legend_selected": {"vi": "▶ Địa phương đang chọn", "en": "▶ Selected area"},
    "cmp_legend_others": {"vi": "Các địa phương khác", "en": "Other areas"},
    "cmp_hover_years": {"vi": "{n} năm có số liệu", "en": "{n} years with figures"},
    "cmp_not_ranked": {"vi": "Không có số liệu, không xếp hạng: {names}.",
                       "en": "Not reported, not ranked: {names}."},
    "cmp_nothing_to_rank": {"vi": "Không địa phương nào có số liệu cho chỉ tiêu này.",
                            "en": "No area has figures for this measure."},
    "cmp_share_note": {"vi": "Tỷ trọng tính trên ngân sách địa phương + Trung ương.",
                       "en": "Shares of local + central budget."},
    "cmp_growth_note": {
        "vi": "Tăng trưởng bình quân năm: tính giữa năm đầu và năm cuối có số từng năm (chỉ số từng năm).",
        "en": "Average annual growth: compound, between the first and last years with annual figures (annual "
              "figures only)."},
})


LABELS.update({
    # Outcomes by sector and activity
    "oc_intro": {"vi": "Tiền khuyến công đi vào nội dung và ngành nghề nào, được kết quả gì, với chi phí bao nhiêu.",
                 "en": "Which activities and sectors the khuyến công money went to, what came of it, at what cost."},
    "oc_funding_header": {"vi": "Kinh phí theo nội dung và ngành nghề", "en": "Funding by activity and sector"},
    "oc_treemap_title": {"vi": "Kinh phí thực hiện: nội dung → ngành nghề (bấm để đi sâu)",
                         "en": "Actual spending: activity → sector (click to drill down)"},
    "oc_activity_chart_title": {"vi": "Kinh phí thực hiện theo nội dung khuyến công",
                                "en": "Actual spending by activity"},
    "oc_sector_chart_title": {"vi": "Kinh phí thực hiện theo ngành nghề: {activity}",
                              "en": "Actual spending by sector: {activity}"},
    "oc_axis_money": {"vi": "Kinh phí thực hiện (tỷ đồng)", "en": "Actual spending (VND bn)"},
    "oc_drill_header": {"vi": "Đi sâu: nội dung → ngành nghề → đề án",
                        "en": "Drill down: activity → sector → projects"},
    "oc_drill_activity": {"vi": "Nội dung", "en": "Activity"},
    "oc_drill_sector": {"vi": "Ngành nghề", "en": "Sector"},
    "oc_drill_all": {"vi": "Tất cả", "en": "All"},
    "oc_projects_of": {"vi": "Đề án: {activity} · {sector}", "en": "Projects: {activity} · {sector}"},
    "oc_top_projects": {"vi": "Đề án lớn nhất (theo kinh phí thực hiện)",
                        "en": "Largest projects (by actual spending)"},
    "oc_top_projects_note": {"vi": "{shown} trên {total} đề án; đề án chưa có số kinh phí xếp cuối.",
                             "en": "{shown} of {total} projects; projects without reported amounts come last."},
    "oc_indicators_header": {"vi": "Kết quả theo nội dung và ngành nghề", "en": "Outcomes by activity and sector"},
    "oc_indicators_note": {"vi": "Chỉ tiêu cả năm, cộng các năm đã chọn. Số 6 tháng, quý xem ở trang Kế hoạch và "
                                 "thực hiện.",
                           "en": "Whole-year indicators, summed over the selected years. Half-year and quarterly "
                                 "figures are on the Plan versus actual page."},
    "oc_by_activity": {"vi": "Theo nội dung", "en": "By activity"},
    "oc_by_sector": {"vi": "Theo ngành nghề", "en": "By sector"},
    "oc_cost_header": {"vi": "Chi phí cho một đơn vị kết quả", "en": "Cost per outcome"},
    "oc_cost_note": {"vi": "Chỉ tính những ô (địa phương, năm, nội dung, ngành) có cả kinh phí thực hiện và kết quả. "
                           "Khi một nội dung có nhiều chỉ tiêu, mỗi chỉ tiêu được chia cho toàn bộ kinh phí của nội "
                           "dung đó.",
                     "en": "Only cells (area, year, activity, sector) reporting both actual spending and the result "
                           "count. Where an activity has several indicators, each is set against all its money."},
    "oc_cost_value": {"vi": "{value} triệu đồng/{unit}", "en": "VND {value} million per {unit}"},
    "oc_not_stated": {"vi": "(không ghi)", "en": "(not stated)"},
    "oc_illustrative": {"vi": "Dữ liệu minh họa", "en": "Illustrative data"},
    "oc_col_activity": {"vi": "Nội dung", "en": "Activity"},
    "oc_col_sector": {"vi": "Ngành nghề", "en": "Sector"},
    "oc_col_projects": {"vi": "Số đề án", "en": "Projects"},
    "oc_col_plan": {"vi": "Kế hoạch", "en": "Planned"},
    "oc_col_actual": {"vi": "Thực hiện", "en": "Actual"},
    "oc_col_counterpart": {"vi": "Vốn đối ứng", "en": "Counterpart"},
    "oc_col_leverage": {"vi": "Đối ứng / 1 đồng", "en": "Counterpart per đồng"},
    "oc_col_project": {"vi": "Đề án", "en": "Project"},
    "oc_col_area": {"vi": "Địa bàn", "en": "Area"},
    "oc_col_year": {"vi": "Năm", "en": "Year"},
    "oc_col_status": {"vi": "Trạng thái", "en": "Status"},
    "oc_col_source": {"vi": "Nguồn", "en": "Source"},
    "oc_col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "oc_col_indicator_name": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "oc_col_money": {"vi": "Kinh phí thực hiện", "en": "Actual spending"},
    "oc_col_result": {"vi": "Kết quả", "en": "Result"},
    "oc_col_cost": {"vi": "Chi phí / đơn vị", "en": "Cost per unit"},
    "oc_status_registered": {"vi": "Đã đăng ký", "en": "Registered"},
    "oc_status_appraisal": {"vi": "Đang thẩm định", "en": "Under appraisal"},
    "oc_status_approved": {"vi": "Đã phê duyệt", "en": "Approved"},
    "oc_status_in_progress": {"vi": "Đang thực hiện", "en": "In progress"},
    "oc_status_completed": {"vi": "Hoàn thành", "en": "Completed"},
    "oc_status_cancelled": {"vi": "Dừng thực hiện", "en": "Cancelled"},
})

# Data page (Dữ liệu): the filtered tables, their columns and the exports. "page_data" is in the first block.
LABELS.update({
    "dx_intro": {"vi": "Các dòng số liệu đúng theo bộ lọc bên trái, để xem, tìm và tải về (Excel, CSV).",
                 "en": "The rows behind the figures, exactly as filtered on the left, to read, search and download "
                       "(Excel, CSV)."},
    "dx_table": {"vi": "Bảng", "en": "Table"},
    "dx_table_allocations": {"vi": "Phân bổ kinh phí", "en": "Allocations"},
    "dx_table_projects": {"vi": "Đề án", "en": "Projects"},
    "dx_table_outcomes": {"vi": "Kết quả", "en": "Outcomes"},
    "dx_search": {"vi": "Tìm trong bảng", "en": "Search the table"},
    "dx_search_placeholder": {"vi": "Tên đề án, địa bàn, nội dung, chỉ tiêu, tài liệu… (gõ có dấu hay không dấu đều "
                                    "được)",
                              "en": "Project, area, activity, indicator, document… (accents optional)"},
    "dx_search_help": {"vi": "Không phân biệt chữ hoa, chữ thường và dấu (\"dao tao nghe\" khớp \"Đào tạo nghề\"). "
                             "Tìm trong tên, địa bàn, đơn vị thực hiện, địa điểm, nội dung, ngành nghề, chỉ tiêu, "
                             "ghi chú và tên tài liệu nguồn.",
                       "en": "Ignores case and Vietnamese accents (\"dao tao nghe\" finds \"Đào tạo nghề\"). Looks in "
                             "names, areas, implementer, location, activity, sector, indicator, notes and the source "
                             "document's title."},
    "dx_count_allocations": {"vi": "{n} dòng kinh phí", "en": "{n} funding rows"},
    "dx_count_projects": {"vi": "{n} đề án", "en": "{n} projects"},
    "dx_count_outcomes": {"vi": "{n} dòng kết quả", "en": "{n} outcome rows"},
    "dx_filters_in_words": {"vi": "**{count}** theo bộ lọc: {filters}.", "en": "**{count}** for: {filters}."},
    "dx_f_areas": {"vi": "Địa bàn", "en": "Areas"},
    "dx_f_units": {"vi": "Đơn vị hành chính", "en": "Units"},
    "dx_f_years": {"vi": "Giai đoạn", "en": "Years"},
    "dx_f_sources": {"vi": "Nguồn kinh phí", "en": "Funding sources"},
    "dx_f_activities": {"vi": "Nội dung", "en": "Activities"},
    "dx_f_sectors": {"vi": "Ngành nghề", "en": "Sectors"},
    "dx_f_illustrative": {"vi": "Dữ liệu minh họa", "en": "Illustrative data"},
    "dx_f_search": {"vi": "Từ khóa", "en": "Search"},
    "dx_all": {"vi": "tất cả", "en": "all"},
    "dx_included": {"vi": "gồm", "en": "included"},
    "dx_excluded": {"vi": "không gồm", "en": "excluded"},
    "dx_none": {"vi": "không", "en": "none"},
    "dx_not_applicable": {"vi": "không áp dụng cho bảng này", "en": "does not apply to this table"},
    "dx_allocation_years_note": {
        "vi": "Dòng tổng giai đoạn (Từ năm khác Đến năm) được liệt kê khi giai đoạn đó có năm nằm trong khoảng đã "
              "chọn; số tiền là tổng cả giai đoạn như đã báo cáo, không chia theo năm.",
        "en": "A period total (From year differs from To year) is listed when its span overlaps the selected years; "
              "the amount is the whole period's total as reported, not split by year."},
    "dx_sort_note": {"vi": "Bấm vào tên cột để sắp xếp các dòng đang xem (cả bảng: tải về Excel). Số tiền tính bằng "
                           "triệu đồng; \"không có số liệu\" là chưa được báo cáo, khác với số 0.",
                     "en": "Click a column name to sort the rows shown (the whole table: download it to Excel). Money "
                           "in VND million; \"not reported\" is not zero."},
    "dx_no_rows": {"vi": "Không có dòng nào khớp bộ lọc và từ khóa.", "en": "No rows match the filters and search."},
    "dx_downloads": {"vi": "Tải về đúng các dòng đang lọc", "en": "Download exactly the filtered rows"},
    "dx_download_xlsx": {"vi": "Excel – bảng này", "en": "Excel – this table"},
    "dx_download_xlsx_all": {"vi": "Excel – cả ba bảng", "en": "Excel – all three tables"},
    "dx_download_csv": {"vi": "CSV – bảng này", "en": "CSV – this table"},
    "dx_download_help": {"vi": "Cùng các dòng và cột như trên màn hình; số lưu dạng số, ô trống là không có số liệu; "
                               "trang \"Thông tin\" ghi bộ lọc và tài liệu nguồn.",
                         "en": "The same rows and columns as on screen; numbers stored as numbers, an empty cell is "
                               "not reported; the \"Thông tin\" sheet states the filters and sources."},
    "dx_download_csv_help": {"vi": "UTF-8 có BOM (Excel đọc đúng tiếng Việt); số không định dạng, dấu thập phân là "
                                   "dấu chấm.",
                             "en": "UTF-8 with BOM (Excel reads Vietnamese correctly); plain numbers with a decimal "
                                   "point."},
    "dx_page": {"vi": "Trang", "en": "Page"},
    "dx_page_rows": {"vi": "Dòng {first}–{last} trong {total} ({pages} trang, sắp theo địa bàn, năm, mã). Bảng tải "
                           "về có mọi dòng.",
                     "en": "Rows {first}–{last} of {total} ({pages} pages, by area, year, code). Downloads hold "
                           "every row."},
    "dx_too_many": {"vi": "{n} dòng: quá giới hạn {limit} dòng một trang tính của Excel. Hãy lọc bớt (địa bàn, giai "
                          "đoạn, từ khóa) để tải về bảng này.",
                    "en": "{n} rows: more than Excel's {limit} rows a sheet. Narrow the filters (areas, years, "
                          "search) to download this table."},
    "dx_download_all_help": {"vi": "Ba trang tính theo cùng bộ lọc; bảng nào quá 1.048.575 dòng (giới hạn của "
                                   "Excel) chỉ có 1.048.575 dòng đầu.",
                             "en": "Three sheets under the same filters; a table over 1,048,575 rows holds its "
                                   "first 1,048,575."},
    "dx_preparing": {"vi": "Đang chuẩn bị dữ liệu tải về…", "en": "Preparing the downloads…"},
    "dx_prepared": {"vi": "Dữ liệu tải về đã sẵn sàng", "en": "Downloads ready"},
    "dx_yes": {"vi": "Có", "en": "Yes"},
    "dx_no": {"vi": "Không", "en": "No"},
    "dx_not_stated": {"vi": "(không ghi)", "en": "(not stated)"},
    "dx_col_area": {"vi": "Tỉnh/thành phố", "en": "Province/city"},
    "dx_col_area_reported": {"vi": "Đơn vị khi báo cáo", "en": "Unit as reported"},
    "dx_col_year_from": {"vi": "Từ năm", "en": "From year"},
    "dx_col_year_to": {"vi": "Đến năm", "en": "To year"},
    "dx_col_source": {"vi": "Nguồn kinh phí", "en": "Funding source"},
    "dx_col_figure": {"vi": "Loại số liệu", "en": "Figure"},
    "dx_col_amount": {"vi": "Số tiền (triệu đồng)", "en": "Amount (VND million)"},
    "dx_col_note": {"vi": "Ghi chú", "en": "Note"},
    "dx_col_doc": {"vi": "Tài liệu nguồn", "en": "Source document"},
    "dx_col_illustrative": {"vi": "Minh họa", "en": "Illustrative"},
    "dx_col_project_id": {"vi": "Mã đề án", "en": "Project code"},
    "dx_col_year": {"vi": "Năm", "en": "Year"},
    "dx_col_project": {"vi": "Tên đề án", "en": "Project"},
    "dx_col_implementer": {"vi": "Đơn vị thực hiện", "en": "Implementer"},
    "dx_col_location": {"vi": "Địa điểm", "en": "Location"},
    "dx_col_activity": {"vi": "Nội dung khuyến công", "en": "Activity"},
    "dx_col_sector": {"vi": "Ngành nghề", "en": "Sector"},
    "dx_col_plan_mvnd": {"vi": "Kế hoạch (triệu đồng)", "en": "Planned (VND million)"},
    "dx_col_actual_mvnd": {"vi": "Thực hiện (triệu đồng)", "en": "Actual (VND million)"},
    "dx_col_counterpart_mvnd": {"vi": "Vốn đối ứng (triệu đồng)", "en": "Counterpart (VND million)"},
    "dx_col_status": {"vi": "Trạng thái", "en": "Status"},
    "dx_col_period": {"vi": "Kỳ báo cáo", "en": "Period"},
    "dx_col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "dx_col_unit": {"vi": "Đơn vị tính", "en": "Unit"},
    "dx_col_plan": {"vi": "Kế hoạch", "en": "Planned"},
    "dx_col_actual": {"vi": "Thực hiện", "en": "Actual"},
    "dx_col_prior": {"vi": "Cùng kỳ năm trước", "en": "Same period last year"},
    "dx_col_qualifier": {"vi": "Mức độ chính xác", "en": "Precision"},
    "dx_figure_allocated": {"vi": "Phân bổ", "en": "Allocated"},
    "dx_figure_disbursed": {"vi": "Giải ngân", "en": "Disbursed"},
    "dx_figure_settled": {"vi": "Quyết toán", "en": "Settled"},
    "dx_status_registered": {"vi": "Đã đăng ký", "en": "Registered"},
    "dx_status_appraisal": {"vi": "Đang thẩm định", "en": "Under appraisal"},
    "dx_status_approved": {"vi": "Đã phê duyệt", "en": "Approved"},
    "dx_status_in_progress": {"vi": "Đang thực hiện", "en": "In progress"},
    "dx_status_completed": {"vi": "Hoàn thành", "en": "Completed"},
    "dx_status_cancelled": {"vi": "Dừng thực hiện", "en": "Cancelled"},
    "dx_period_year": {"vi": "Cả năm", "en": "Full year"},
    "dx_period_H1": {"vi": "6 tháng đầu năm", "en": "First half"},
    "dx_period_Q1": {"vi": "Quý I", "en": "Q1"},
    "dx_period_Q2": {"vi": "Quý II", "en": "Q2"},
    "dx_period_Q3": {"vi": "Quý III", "en": "Q3"},
    "dx_period_Q4": {"vi": "Quý IV", "en": "Q4"},
    "dx_qualifier_exact": {"vi": "Số chính xác", "en": "Exact"},
    "dx_qualifier_estimate": {"vi": "Ước thực hiện", "en": "Estimate"},
    "dx_qualifier_approx": {"vi": "Số gần đúng", "en": "Approximate"},
    "dx_qualifier_more_than": {"vi": "Số tối thiểu (hơn)", "en": "Lower bound (more than)"},
    "dx_qualifier_nearly": {"vi": "Gần (ít hơn một chút)", "en": "Nearly (a little less than)"},
    "dx_qualifier_at_least": {"vi": "Ít nhất (số đến một thời điểm trong kỳ)",
                              "en": "At least (to a date within the period)"},
    "dx_info_title": {"vi": "Kinh phí khuyến công – dữ liệu xuất từ bảng điều khiển",
                      "en": "Khuyến công funding – data exported from the dashboard"},
    "dx_info_tables": {"vi": "Bảng trong tệp", "en": "Tables in this file"},
    "dx_info_rows": {"vi": "{table}: {n} dòng", "en": "{table}: {n} rows"},
    "dx_info_empty": {"vi": "Ô trống", "en": "Empty cell"},
    "dx_info_empty_value": {"vi": "Không có số liệu (chưa được báo cáo) – không phải số 0.",
                            "en": "Not reported – not zero."},
    "dx_info_money": {"vi": "Đơn vị tiền", "en": "Money unit"},
    "dx_info_money_value": {"vi": "Triệu đồng", "en": "VND million"},
    "dx_info_text": {"vi": "Văn bản", "en": "Text"},
    "dx_info_text_value": {"vi": "Văn bản bắt đầu bằng = + - @ được lưu dưới dạng chữ, không phải công thức.",
                           "en": "Text starting with = + - @ is stored as text, never as a formula."},
    "dx_info_has_illustrative": {"vi": "Có dòng dữ liệu minh họa", "en": "Illustrative rows in this file"},
    "dx_info_illustrative_yes": {"vi": "Có – do chương trình tạo để trình diễn, không phải số liệu thật (xem cột "
                                       "\"Minh họa\").",
                                 "en": "Yes – generated to demonstrate the dashboard, not real figures (see the "
                                       "\"Illustrative\" column)."},
    "dx_info_illustrative_no": {"vi": "Không", "en": "No"},
    "dx_info_documents": {"vi": "Tài liệu nguồn", "en": "Source documents"},
    "dx_info_doc_title": {"vi": "Tiêu đề", "en": "Title"},
    "dx_info_doc_publisher": {"vi": "Cơ quan công bố", "en": "Publisher"},
    "dx_info_doc_date": {"vi": "Ngày công bố", "en": "Published on"},
    "dx_info_exported": {"vi": "Thời điểm xuất (giờ Việt Nam)", "en": "Exported at (Vietnam time)"},
    "dx_info_version": {"vi": "Phiên bản ứng dụng", "en": "App version"},
})

LABELS.update({
    # Import page
    "page_import": {"vi": "Nhập dữ liệu", "en": "Import"},
    "im_intro": {"vi": "Tải mẫu nhập liệu, điền số liệu mới rồi nạp vào bảng điều khiển. Chương trình kiểm tra tệp và "
                       "cho xem trước thay đổi; chỉ ghi khi bạn xác nhận và không còn lỗi.",
                 "en": "Download the template, fill in the new figures and load them into the dashboard. The file is "
                       "checked and the changes previewed; nothing is written until you confirm and no error is left."},
    "im_template_header": {"vi": "Mẫu nhập liệu", "en": "Template"},
    "im_template_text": {"vi": "Tệp Excel gồm sheet Hướng dẫn và ba sheet dữ liệu: PhanBo (kinh phí), DeAn (đề án), "
                               "KetQua (kết quả). Tiền tính bằng triệu đồng; ô trống là chưa báo cáo, không phải 0.",
                         "en": "An Excel file with an instructions sheet (Hướng dẫn) and three data sheets: PhanBo "
                               "(funding), DeAn (projects), KetQua (results). Money in VND million; an empty cell "
                               "means not reported, not zero."},
    "im_template_download": {"vi": "Tải mẫu nhập liệu (.xlsx)", "en": "Download the template (.xlsx)"},
    "im_template_missing": {"vi": "Chưa có tệp mẫu. Chạy `python -m etl.template`.",
                            "en": "The template file is missing. Run `python -m etl.template`."},
    "im_load_header": {"vi": "Nạp số liệu", "en": "Load figures"},
    "im_disabled": {"vi": "Chức năng nhập dữ liệu đang tắt: máy chủ chưa đặt mật khẩu quản trị (KC_ADMIN_PASSWORD).",
                    "en": "Importing is disabled: no admin password (KC_ADMIN_PASSWORD) is set on the server."},
    "im_password": {"vi": "Mật khẩu quản trị", "en": "Admin password"},
    "im_password_help": {"vi": "Chỉ người quản trị dữ liệu được nạp số liệu.",
                         "en": "Only the data administrator may load figures."},
    "im_unlock": {"vi": "Mở khóa", "en": "Unlock"},
    "im_wrong_password": {"vi": "Mật khẩu không đúng. Vui lòng thử lại sau ít giây.",
                          "en": "Wrong password. Please try again in a few seconds."},
    "im_empty_password": {"vi": "Nhập mật khẩu.", "en": "Enter the password."},
    "im_locked": {"vi": "Đã nhập sai mật khẩu nhiều lần: chức năng nhập dữ liệu tạm khóa, thử lại sau {wait}.",
                  "en": "Too many wrong passwords: loading is locked for now; try again in {wait}."},
    "im_unlocked": {"vi": "Đã mở khóa chức năng nhập dữ liệu cho phiên này.",
                    "en": "Importing is unlocked for this session."},
    "im_lock": {"vi": "Khóa lại", "en": "Lock"},
    "im_upload": {"vi": "Tệp số liệu (.xlsx theo mẫu hoặc .csv), có thể chọn nhiều tệp",
                  "en": "Data files (.xlsx from the template, or .csv); several files allowed"},
    "im_upload_help": {"vi": "Mỗi tệp tối đa {size}.", "en": "At most {size} per file."},
    "im_too_large": {"vi": "Tệp {name} quá lớn ({size}; tối đa {limit}): không kiểm tra, không nạp.",
                     "en": "File {name} is too large ({size}; at most {limit}): not checked, not loaded."},
    "im_checking": {"vi": "Đang kiểm tra tệp…", "en": "Checking the files…"},
    "im_loading": {"vi": "Đang nạp số liệu…", "en": "Loading the figures…"},
    "im_failed": {"vi": "Không kiểm tra được tệp: {error}", "en": "The files could not be checked: {error}"},
    "im_load_failed": {"vi": "Không nạp được, cơ sở dữ liệu giữ nguyên: {error}",
                       "en": "Loading failed; the database is unchanged: {error}"},
    "im_summary_header": {"vi": "Kết quả kiểm tra", "en": "Check result"},
    "im_file_ok": {"vi": "{name}: hợp lệ", "en": "{name}: valid"},
    "im_file_warnings": {"vi": "{name}: hợp lệ, {warnings} cảnh báo", "en": "{name}: valid, {warnings} warning(s)"},
    "im_file_errors": {"vi": "{name}: {errors} lỗi, {warnings} cảnh báo",
                       "en": "{name}: {errors} error(s), {warnings} warning(s)"},
    "im_already_loaded": {"vi": "đã nạp trước đó", "en": "already loaded"},
    "im_problems_header": {"vi": "Lỗi và cảnh báo", "en": "Errors and warnings"},
    "im_no_problems": {"vi": "Không có lỗi hay cảnh báo.", "en": "No errors or warnings."},
    "im_more_problems": {"vi": "Chỉ hiện {shown} dòng đầu; còn {more} lỗi và cảnh báo khác (lệnh python -m etl load "
                               "--dry-run liệt kê đủ).",
                         "en": "Only the first {shown} are shown; {more} more errors and warnings (python -m etl load "
                               "--dry-run lists them all)."},
    "im_changes_header": {"vi": "Xem trước thay đổi", "en": "Preview of the changes"},
    "im_no_changes": {"vi": "Không có dòng số liệu nào.", "en": "No data rows."},
    "im_confirm": {"vi": "Xác nhận nạp vào cơ sở dữ liệu", "en": "Confirm and load into the database"},
    "im_confirm_help": {"vi": "Ghi tất cả tệp trên một lần; có lỗi thì không ghi gì.",
                        "en": "Writes all the files above at once; nothing is written if there is an error."},
    "im_confirm_blocked": {"vi": "Sửa các lỗi trong tệp rồi tải lên lại để nạp.",
                           "en": "Fix the errors in the file and upload it again to load it."},
    "im_loaded": {"vi": "Đã nạp {files} tệp: thêm {added}, sửa {changed}, xóa {removed} dòng. Các biểu đồ đã dùng số "
                        "liệu mới.",
                  "en": "Loaded {files} file(s): {added} rows added, {changed} changed, {removed} removed. The charts "
                        "now use the new figures."},
    "im_col_file": {"vi": "Tệp", "en": "File"},
    "im_col_severity": {"vi": "Mức độ", "en": "Severity"},
    "im_col_sheet": {"vi": "Sheet", "en": "Sheet"},
    "im_col_row": {"vi": "Dòng", "en": "Row"},
    "im_col_column": {"vi": "Cột", "en": "Column"},
    "im_col_value": {"vi": "Giá trị", "en": "Value"},
    "im_col_reason": {"vi": "Lý do", "en": "Reason"},
    "im_col_table": {"vi": "Bảng", "en": "Table"},
    "im_col_rows": {"vi": "Dòng đọc được", "en": "Rows read"},
    "im_col_added": {"vi": "Thêm", "en": "Added"},
    "im_col_changed": {"vi": "Sửa", "en": "Changed"},
    "im_col_removed": {"vi": "Xóa", "en": "Removed"},
    "im_col_note": {"vi": "Ghi chú", "en": "Note"},
    "im_severity_error": {"vi": "Lỗi", "en": "Error"},
    "im_severity_warning": {"vi": "Cảnh báo", "en": "Warning"},
    "im_table_allocation": {"vi": "Kinh phí (PhanBo)", "en": "Funding (PhanBo)"},
    "im_table_project": {"vi": "Đề án (DeAn)", "en": "Projects (DeAn)"},
    "im_table_outcome": {"vi": "Kết quả (KetQua)", "en": "Results (KetQua)"},
    "im_table_source_document": {"vi": "Tài liệu nguồn", "en": "Source documents"},
})
