-- Outcome figures transcribed from source documents (not illustrative) in view, as reported, with their indicator
-- and unit: the reported percentages (plan_pct_reported, prior_pct_reported) are shown as they stand, never recomputed.
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    u.unit_id, o.area_id, o.year, o.period, o.activity_id, o.sector_id, o.indicator_id,
    i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.is_money, i.sort_order,
    o.plan_value, o.actual_value, o.prior_value, o.plan_pct_reported, o.plan_pct_basis, o.prior_pct_reported,
    o.qualifier, o.doc_id, o.note, o.quote
FROM outcome AS o
JOIN units AS u USING (area_id)
JOIN indicator AS i USING (indicator_id)
WHERE NOT o.is_illustrative
  AND o.year BETWEEN $year_from AND $year_to
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], o.activity_id))
  AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], o.sector_id))
ORDER BY o.year DESC, u.unit_id, o.doc_id, o.period, i.sort_order;
