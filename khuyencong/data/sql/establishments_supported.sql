-- Establishment-times supported in whole years: the outcome indicators counted in establishments (unit 'cơ sở'),
-- following the funding source filter by the rule of counts (count_source_in_view), as the project count does.
SELECT
    sum(o.actual_value)                         AS establishments,
    coalesce(sum(o.actual_reported), 0)::BIGINT AS figures,
    coalesce(bool_or(o.is_illustrative), false) AS has_illustrative,
    list(DISTINCT o.doc_id ORDER BY o.doc_id)   AS doc_ids,
    count(DISTINCT o.unit_id) FILTER (WHERE o.actual_value IS NOT NULL) AS units
FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from, $year_to)
     AS o
JOIN indicator AS i USING (indicator_id)
WHERE o.period = 'year'
  AND i.unit_vi = 'cơ sở'
  AND count_source_in_view($sources, o.funding_source);
