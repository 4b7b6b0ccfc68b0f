-- Cost per outcome: triệu đồng of khuyến công money (project actuals) per unit of an indicator, by activity.
-- Only area-year-activity-sector cells where both the money and the indicator are reported count on either side.
WITH money AS (
    SELECT p.area_id, p.year, p.activity_id, p.sector_id, sum(p.actual_mvnd) AS actual_mvnd,
           bool_or(p.is_illustrative) AS has_illustrative, list(DISTINCT p.doc_id) AS doc_ids
    FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources,
                              $year_from, $year_to) AS p
    WHERE p.actual_mvnd IS NOT NULL
    GROUP BY ALL
), results AS (
    SELECT o.area_id, o.year, o.activity_id, o.sector_id, o.indicator_id, sum(o.positive_actual_value) AS actual_value,
           bool_or(o.is_illustrative) AS has_illustrative, list(DISTINCT o.doc_id) AS doc_ids
    FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from,
                              $year_to) AS o
    WHERE o.period = 'year' AND o.positive_actual_value IS NOT NULL
    GROUP BY ALL
)
SELECT
    r.activity_id,
    r.indicator_id,
    i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.sort_order,
    sum(m.actual_mvnd)                           AS money_mvnd,
    sum(r.actual_value)                          AS outcome_value,
    sum(m.actual_mvnd) / sum(r.actual_value)     AS mvnd_per_unit,
    bool_or(m.has_illustrative OR r.has_illustrative) AS has_illustrative,
    list_distinct(flatten(list(m.doc_ids) || list(r.doc_ids))) AS doc_ids
FROM money AS m
JOIN results AS r USING (area_id, year, activity_id, sector_id)
JOIN indicator AS i ON i.indicator_id = r.indicator_id
WHERE NOT i.is_money
GROUP BY ALL
ORDER BY r.activity_id, i.sort_order;
