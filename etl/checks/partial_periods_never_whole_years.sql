-- severity: error
-- A figure that covers only part of its span's last year (a first round, "by August", nine months) carries its partial marker and is never counted as a whole year: every published figure "to a date within its period" (qualifier at_least) has a marker, and the total rule counts no marked figure.
SELECT 'allocation' AS table_name, area_id, year_from, year_to, funding_source, figure, row_id,
       'to a date within its period, without a partial marker' AS problem
FROM allocation WHERE qualifier = 'at_least' AND partial_period IS NULL AND NOT is_illustrative
UNION ALL
SELECT 'stated_figure', area_id, year_from, year_to, funding_source, figure, row_id,
       'to a date within its period, without a partial marker'
FROM stated_figure WHERE qualifier = 'at_least' AND partial_period IS NULL
UNION ALL
SELECT 'allocation', area_id, year_from, year_to, funding_source, figure, row_id,
       'a partial figure counted as a whole year'
FROM counted_in_view((SELECT list(area_id) FROM area), false, true, [], 1990, 2100)
WHERE counted AND partial_period IS NOT NULL
ORDER BY ALL;
