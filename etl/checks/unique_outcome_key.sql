-- severity: error
-- One value per area, year, period, activity, sector, indicator, document and project (if per project).
SELECT area_id, year, period, activity_id, sector_id, indicator_id, doc_id, project_id, count(*) AS copies
FROM outcome
GROUP BY ALL
HAVING count(*) > 1;
