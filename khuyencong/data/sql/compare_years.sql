-- Per unit, the number of distinct years with an annual figure (year_from = year_to) of the given funding sources:
-- the divisor of the per-year comparison. Period totals are not counted: their years have no annual figure.
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    u.unit_id,
    count(DISTINCT a.year_from)  AS years_with_figures,
    min(a.year_from)             AS first_year,
    max(a.year_from)             AS last_year
FROM allocation AS a
JOIN units AS u USING (area_id)
WHERE a.year_from = a.year_to
  AND a.figure = $figure
  AND a.year_from BETWEEN $year_from AND $year_to
  AND list_contains($sources::VARCHAR[], a.funding_source)
  AND list_contains($money_sources::VARCHAR[], a.funding_source)
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND ($include_illustrative OR NOT a.is_illustrative)
  AND a.amount_mvnd IS NOT NULL
GROUP BY u.unit_id
ORDER BY u.unit_id;
