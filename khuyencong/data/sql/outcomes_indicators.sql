-- Whole-year outcome indicators by activity and sector, with their units (only reported values are summed).
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    o.indicator_id,
    i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.is_money, i.sort_order,
    coalesce(o.activity_id, '')                AS activity_id,
    coalesce(o.sector_id, '')                  AS sector_id,
    sum(o.actual_value)                        AS actual_value,
    coalesce(sum(o.actual_reported), 0)::BIGINT             AS figures,
    bool_or(o.is_illustrative)                 AS has_illustrative,
    list(DISTINCT o.doc_id ORDER BY o.doc_id)  AS doc_ids
FROM outcome_cube AS o
JOIN indicator AS i USING (indicator_id)
JOIN units AS u USING (area_id)
WHERE o.period = 'year'
  AND o.year BETWEEN $year_from AND $year_to
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], o.activity_id))
  AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], o.sector_id))
  AND ($include_illustrative OR NOT o.is_illustrative)
GROUP BY ALL
ORDER BY i.sort_order, activity_id, sector_id;
