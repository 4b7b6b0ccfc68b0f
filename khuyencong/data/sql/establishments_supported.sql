-- Establishment-times supported in whole years: the outcome indicators counted in establishments (unit 'cơ sở').
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    sum(o.actual_value)                         AS establishments,
    coalesce(sum(o.actual_reported), 0)::BIGINT AS figures,
    coalesce(bool_or(o.is_illustrative), false) AS has_illustrative,
    list(DISTINCT o.doc_id ORDER BY o.doc_id)   AS doc_ids
FROM outcome_cube AS o
JOIN indicator AS i USING (indicator_id)
JOIN units AS u USING (area_id)
WHERE o.period = 'year'
  AND i.unit_vi = 'cơ sở'
  AND o.year BETWEEN $year_from AND $year_to
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], o.activity_id))
  AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], o.sector_id))
  AND ($include_illustrative OR NOT o.is_illustrative);
