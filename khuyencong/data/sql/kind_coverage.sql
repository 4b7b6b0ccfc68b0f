-- How much of the provinces × years of the view has a yearly khuyến công figure: of the chosen kind ($figure), and of
-- any kind (counted by the total rule: never a partial year, the newest version). The Overview states it before any
-- sum, since the published figures are sparse evidence, not complete records.
WITH counted AS (
    SELECT f.unit_id, f.year_from, f.figure, f.is_annual
    FROM counted_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS f
    JOIN province_set($current_units) USING (unit_id)
    WHERE f.counted AND f.is_khuyen_cong
)
SELECT
    count(DISTINCT unit_id) FILTER (WHERE is_annual AND figure = $figure)                   AS kind_provinces,
    count(DISTINCT (unit_id, year_from)) FILTER (WHERE is_annual AND figure = $figure)      AS kind_province_years,
    count(DISTINCT unit_id) FILTER (WHERE figure = $figure)                                 AS kind_provinces_any,
    count(DISTINCT unit_id) FILTER (WHERE is_annual)                                        AS any_provinces,
    count(DISTINCT (unit_id, year_from)) FILTER (WHERE is_annual)                           AS any_province_years
FROM counted;
