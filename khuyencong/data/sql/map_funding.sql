-- Khuyến công money of one kind of figure ($figure) per unit, for the map: the total rule (funding_in_view: annual
-- figures, the period totals it counts, the newest version of a figure), khuyến công sources only (counterpart
-- capital is not khuyến công money). With each sum: the qualifiers of the figures it adds, their documents, whether
-- any is illustrative, which reporting areas they come from (in 34-unit mode, which old provinces of a unit
-- report), how many period totals the rule left out (a unit whose only figure is such a total has no amount), and
-- whether an annual figure it adds lies in a period total it disagrees with (period_differs).
SELECT
    f.unit_id,
    sum(f.amount_mvnd) FILTER (WHERE f.counted)                                  AS amount_mvnd,
    coalesce(list(DISTINCT f.qualifier ORDER BY f.qualifier) FILTER (WHERE f.counted), []) AS qualifiers,
    coalesce(list(DISTINCT f.doc_id ORDER BY f.doc_id) FILTER (WHERE f.counted), [])       AS doc_ids,
    coalesce(bool_or(f.is_illustrative) FILTER (WHERE f.counted), false)         AS has_illustrative,
    coalesce(list(DISTINCT f.area_id ORDER BY f.area_id) FILTER (WHERE f.counted), [])     AS reporting_areas,
    count(*) FILTER (WHERE NOT f.counted AND NOT f.is_annual)                     AS periods_left_out,
    coalesce(bool_or(f.period_differs) FILTER (WHERE f.counted), false)          AS period_differs
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to) AS f
WHERE f.is_khuyen_cong
GROUP BY f.unit_id
ORDER BY f.unit_id;
