-- Compare areas: whole-year outcomes per area and indicator (compare_outcomes.sql without the document list).
SELECT
    o.area_id                   AS unit_id,
    o.indicator_id,
    i.name_vi, i.unit_vi, i.sort_order,
    sum(o.actual_value)         AS actual_value,
    count(o.actual_value)       AS figures,
    max(o.is_illustrative)      AS has_illustrative
FROM outcome AS o
JOIN indicator AS i ON i.indicator_id = o.indicator_id
WHERE o.period = 'year'
  AND o.year BETWEEN :year_from AND :year_to
  AND (json_array_length(:compared) = 0 OR o.area_id IN (SELECT value FROM json_each(:compared)))
  AND (:include_illustrative OR NOT o.is_illustrative)
GROUP BY o.area_id, o.indicator_id, i.name_vi, i.unit_vi, i.sort_order
ORDER BY o.area_id, i.sort_order;
