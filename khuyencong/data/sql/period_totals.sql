-- Period totals (year_from < year_to) that overlap the selected years, with whether annual figures exist for their span.
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    u.unit_id,
    a.area_id,
    a.funding_source,
    a.year_from,
    a.year_to,
    a.amount_mvnd,
    a.is_illustrative,
    a.doc_id,
    a.year_from >= $year_from AND a.year_to <= $year_to AS inside_selection,
    r.years_reported,
    r.annual_sum_mvnd
FROM allocation AS a
JOIN units AS u USING (area_id)
LEFT JOIN v_reconciliation AS r
    ON r.area_id = a.area_id AND r.funding_source = a.funding_source AND r.figure = a.figure
   AND r.year_from = a.year_from AND r.year_to = a.year_to
WHERE a.year_from < a.year_to
  AND a.figure = $figure
  AND a.year_to >= $year_from AND a.year_from <= $year_to
  AND list_contains($sources::VARCHAR[], a.funding_source)
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND ($include_illustrative OR NOT a.is_illustrative)
  AND a.amount_mvnd IS NOT NULL
ORDER BY u.unit_id, a.funding_source, a.year_from;
