-- severity: error
-- gate: before every swap
-- No two projects share a project id.
-- Checked per write instead of a primary-key index, which cost a 10-million-project build a third of its time.
SELECT 'project' AS table_name, 'project_id' AS column_name, project_id AS value, count(*) AS rows
FROM project
GROUP BY project_id
HAVING count(*) > 1
ORDER BY project_id
LIMIT 100;
