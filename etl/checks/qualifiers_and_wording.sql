-- severity: error
-- Every qualifier is in its code list, and every published allocation (its document an article) keeps its wording.
SELECT 'allocation' AS table_name, area_id, year_from, year_to, doc_id, qualifier, value_as_written, 'unknown qualifier' AS problem
FROM allocation ANTI JOIN qualifier AS q ON q.qualifier_id = allocation.qualifier
UNION ALL
SELECT 'outcome', area_id, coalesce(year_from, year), year, doc_id, qualifier, value_as_written, 'unknown qualifier'
FROM outcome ANTI JOIN qualifier AS q ON q.qualifier_id = outcome.qualifier
UNION ALL
SELECT 'stated_figure', area_id, year_from, year_to, doc_id, qualifier, value_as_written, 'unknown qualifier'
FROM stated_figure ANTI JOIN qualifier AS q ON q.qualifier_id = stated_figure.qualifier
UNION ALL
SELECT 'allocation', a.area_id, a.year_from, a.year_to, a.doc_id, a.qualifier, a.value_as_written, 'figure as written missing'
FROM allocation AS a JOIN source_document AS d USING (doc_id)
WHERE NOT a.is_illustrative AND d.kind = 'article' AND a.value_as_written IS NULL;
