-- Period totals (year_from < year_to) that overlap the selected years, with whether annual figures exist for their
-- span and whether the total rule counts them (`usable`), and when not why (left_out: outside, annual, overlap with
-- overlapped_by naming the later span counted instead, version, partial).
SELECT
    unit_id,
    area_id,
    funding_source,
    year_from,
    year_to,
    amount_mvnd,
    is_illustrative,
    doc_id,
    inside_selection,
    years_reported,
    annual_sum_mvnd,
    counted AS usable,
    is_khuyen_cong,
    qualifier,
    left_out,
    overlapped_by
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to)
WHERE NOT is_annual
ORDER BY unit_id, funding_source, year_from;
