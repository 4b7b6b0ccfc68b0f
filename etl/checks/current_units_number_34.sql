-- severity: error
-- The provinces in force from 1 July 2025 are 34, with 34 distinct codes.
SELECT count(*) AS units, count(DISTINCT gso_code) AS codes
FROM area
WHERE level = 'province' AND valid_to IS NULL
HAVING count(*) <> 34 OR count(DISTINCT gso_code) <> 34;
