-- severity: error
-- Kinds of figure and funding levels in the columns added for published figures are in their code lists.
SELECT 'stated_figure' AS table_name, 'figure' AS column_name, figure AS code
FROM stated_figure WHERE figure IS NOT NULL AND figure NOT IN (SELECT figure_id FROM figure_kind)
UNION ALL
SELECT 'stated_figure', 'funding_source', funding_source
FROM stated_figure WHERE funding_source IS NOT NULL AND funding_source NOT IN (SELECT funding_source_id FROM funding_source)
UNION ALL
SELECT 'outcome', 'funding_source', funding_source
FROM outcome WHERE funding_source IS NOT NULL AND funding_source NOT IN (SELECT funding_source_id FROM funding_source)
UNION ALL
SELECT 'outcome', 'year_from', CAST(year_from AS VARCHAR)
FROM outcome WHERE year_from IS NOT NULL AND year_from >= year;
