-- severity: error
-- One value per area, span (year_from..year), period, activity, sector, indicator, funding level, document and project (if per project).
SELECT area_id, year_from, year, period, activity_id, sector_id, indicator_id, funding_source, doc_id, project_id, count(*) AS copies
FROM outcome
GROUP BY ALL
HAVING count(*) > 1;
