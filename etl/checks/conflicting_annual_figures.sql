-- severity: warning
-- Two documents give different amounts for the same area, year, source and kind of figure.
SELECT area_id, year_from AS year, funding_source, figure, list(DISTINCT amount_mvnd) AS amounts, list(DISTINCT doc_id) AS documents
FROM allocation
WHERE year_from = year_to AND amount_mvnd IS NOT NULL
GROUP BY area_id, year_from, funding_source, figure
HAVING count(DISTINCT amount_mvnd) > 1;
