-- severity: error
-- One figure per area, span, source, kind of figure and document.
SELECT area_id, year_from, year_to, funding_source, figure, doc_id, count(*) AS copies
FROM allocation
GROUP BY ALL
HAVING count(*) > 1;
