-- severity: error
-- One value per area, year, period, activity, sector, indicator and document.
SELECT area_id, year, period, activity_id, sector_id, indicator_id, doc_id, count(*) AS copies
FROM outcome
GROUP BY ALL
HAVING count(*) > 1;
