-- severity: error
-- Every kind of figure is on one side, plan or executed, and every money row has a kind with a side: a sum by
-- kind then never adds a plan to an executed figure.
SELECT 'figure_kind' AS table_name, figure_id AS figure, side, NULL AS area_id, NULL AS doc_id
FROM figure_kind WHERE side IS NULL OR side NOT IN ('plan', 'executed')
UNION ALL
SELECT 'allocation', a.figure, k.side, a.area_id, a.doc_id
FROM allocation AS a LEFT JOIN figure_kind AS k ON k.figure_id = a.figure
WHERE k.side IS NULL
UNION ALL
SELECT 'stated_figure', s.figure, k.side, s.area_id, s.doc_id
FROM stated_figure AS s LEFT JOIN figure_kind AS k ON k.figure_id = s.figure
WHERE s.row_id IS NOT NULL AND k.side IS NULL;
