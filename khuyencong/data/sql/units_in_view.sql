-- The units whose rows are in view (allocations, projects, outcomes), by the shared "in view" macros and the rule of
-- counts for the funding source (count_source_in_view), so "Tất cả địa phương" can say when every figure on screen
-- comes from one province.
SELECT DISTINCT unit_id
FROM (
    SELECT unit_id
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to)
    WHERE amount_mvnd IS NOT NULL
    UNION ALL
    SELECT unit_id
    FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources,
                              $year_from, $year_to)
    UNION ALL
    SELECT unit_id
    FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from,
                              $year_to)
    WHERE count_source_in_view($sources, funding_source)
)
ORDER BY unit_id;
