-- Whole-year outcome indicators by activity and sector, with their units (only reported values are summed).
SELECT
    o.indicator_id,
    i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.is_money, i.sort_order,
    coalesce(o.activity_id, '')                AS activity_id,
    coalesce(o.sector_id, '')                  AS sector_id,
    sum(o.actual_value)                        AS actual_value,
    coalesce(sum(o.actual_reported), 0)::BIGINT             AS figures,
    bool_or(o.is_illustrative)                 AS has_illustrative,
    list(DISTINCT o.doc_id ORDER BY o.doc_id)  AS doc_ids
FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from, $year_to)
     AS o
JOIN indicator AS i USING (indicator_id)
WHERE o.period = 'year'
GROUP BY ALL
ORDER BY i.sort_order, activity_id, sector_id;
