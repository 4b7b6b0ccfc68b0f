-- What the view's published figures cover before anything is added up: how many provinces of the 63 (or of the 34
-- units from 1 July 2025) have any figure in view (money of any kind, a project, an outcome, a stated total), out of
-- how many, and the first and last year the figures reach inside the selected years.
WITH rows AS (
    SELECT unit_id, year_from, year_to
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to)
    WHERE amount_mvnd IS NOT NULL
    UNION ALL
    SELECT unit_id, year, year
    FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources,
                              $year_from, $year_to)
    UNION ALL
    SELECT unit_id, coalesce(year_from, year), year
    FROM outcomes_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from, $year_to)
    WHERE count_source_in_view($sources, funding_source)
    UNION ALL
    SELECT unit_id, year_from, year_to
    FROM data_stated_rows($areas, $current_units, '', $sources, $year_from, $year_to)
)
SELECT
    (SELECT count(*) FROM province_set($current_units))                     AS provinces_total,
    count(DISTINCT r.unit_id) FILTER (WHERE p.unit_id IS NOT NULL)           AS provinces,
    -- greatest/least skip NULL: without a row they would return the selected span as if it were covered
    CASE WHEN count(r.unit_id) > 0 THEN greatest(min(r.year_from), $year_from) END AS first_year,
    CASE WHEN count(r.unit_id) > 0 THEN least(max(r.year_to), $year_to) END         AS last_year
FROM rows AS r
LEFT JOIN province_set($current_units) AS p USING (unit_id);
