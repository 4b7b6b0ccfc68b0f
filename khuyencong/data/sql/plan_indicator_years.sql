-- Years and periods that have any outcome figure in view, for the period selector of the Plan versus actual page.
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT o.year, o.period, coalesce(sum(o.source_rows), 0)::BIGINT AS figures
FROM outcome_cube AS o
JOIN units AS u USING (area_id)
WHERE o.year BETWEEN $year_from AND $year_to
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], o.activity_id))
  AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], o.sector_id))
  AND ($include_illustrative OR NOT o.is_illustrative)
GROUP BY o.year, o.period
ORDER BY o.year, o.period;
