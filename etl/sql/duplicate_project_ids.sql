-- Project ids used more than once. Checked per write instead of a primary-key index, which cost a 10-million-project
-- build a third of its time.
SELECT project_id, count(*) AS rows
FROM project
GROUP BY project_id
HAVING count(*) > 1
ORDER BY project_id
LIMIT 100;
