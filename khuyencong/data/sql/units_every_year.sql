-- The units with khuyến công money of one kind ($figure) counted for every selected year (year_coverage_in_view),
-- with their names: the only set a sum across units is taken over.
SELECT c.unit_id, n.unit_name_vi, n.unit_name_en
FROM year_coverage_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to) AS c
JOIN unit_names($current_units) AS n USING (unit_id)
WHERE c.every_year
ORDER BY n.unit_name_vi;
