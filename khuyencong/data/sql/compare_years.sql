-- Per unit, the number of distinct years with an annual figure (year_from = year_to) of khuyến công money
-- (funding_source.is_khuyen_cong): the divisor of the per-year comparison. Period totals are not counted: their
-- years have no annual figure.
SELECT
    unit_id,
    count(DISTINCT year_from)  AS years_with_figures,
    min(year_from)             AS first_year,
    max(year_from)             AS last_year
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to)
WHERE is_annual AND counted AND is_khuyen_cong
GROUP BY unit_id
ORDER BY unit_id;
