-- Outcomes per unit and indicator for the area comparison: the sum of actual values of whole years (period 'year'),
-- with the indicator's name and unit. A sum over no reported value stays NULL (not reported), never 0.
SELECT
    o.unit_id,
    c.level,
    o.indicator_id,
    i.name_vi,
    i.name_en,
    i.unit_vi,
    i.unit_en,
    i.is_money,
    i.sort_order,
    sum(o.actual_value)                          AS actual_value,
    coalesce(sum(o.actual_reported), 0)::BIGINT AS figures,
    coalesce(bool_or(o.is_illustrative), false)  AS has_illustrative,
    list(DISTINCT o.doc_id ORDER BY o.doc_id)    AS doc_ids
FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from, $year_to)
     AS o
JOIN indicator AS i USING (indicator_id)
JOIN area AS c ON c.area_id = o.unit_id
WHERE o.period = 'year'
GROUP BY ALL
ORDER BY o.unit_id, i.sort_order;
