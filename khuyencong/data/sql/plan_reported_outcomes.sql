-- Outcome figures transcribed from source documents (not illustrative) in view, as reported, with their indicator
-- and unit: the reported percentages (plan_pct_reported, prior_pct_reported) are shown as they stand, never recomputed.
SELECT
    o.unit_id, o.area_id, o.year, o.period, o.activity_id, o.sector_id, o.indicator_id,
    i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.is_money, i.sort_order,
    o.plan_value, o.actual_value, o.prior_value, o.plan_pct_reported, o.plan_pct_basis, o.prior_pct_reported,
    o.qualifier, o.doc_id, o.note, o.quote
FROM outcomes_in_view($activities, $areas, $current_units, false, $sectors, $year_from, $year_to) AS o
JOIN indicator AS i USING (indicator_id)
ORDER BY o.year DESC, o.unit_id, o.doc_id, o.period, i.sort_order;
