-- Period totals against the sum of their annual figures, with area names.
SELECT
    r.area_id,
    a.name_vi AS area_name_vi,
    a.name_en AS area_name_en,
    r.funding_source,
    r.figure,
    r.year_from,
    r.year_to,
    r.reported_mvnd,
    r.annual_sum_mvnd,
    r.gap_mvnd,
    r.gap_pct,
    r.years_missing,
    r.period_doc_id,
    r.includes_illustrative
FROM v_reconciliation AS r
JOIN area AS a USING (area_id)
WHERE $include_illustrative OR NOT r.includes_illustrative
ORDER BY a.name_vi, r.funding_source, r.year_from;
