-- Years and periods that have any outcome figure in view, for the period selector of the Plan versus actual page.
SELECT o.year, o.period, coalesce(sum(o.source_rows), 0)::BIGINT AS figures
FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from, $year_to)
     AS o
GROUP BY o.year, o.period
ORDER BY o.year, o.period;
