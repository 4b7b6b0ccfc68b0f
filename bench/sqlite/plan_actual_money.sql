-- Plan versus actual: project money by year and source, by year, by source and in total (plan_money.sql; SQLite
-- has no GROUPING SETS, so the four groupings are a UNION ALL over one filtered CTE).
WITH projects AS (
    SELECT p.year, coalesce(p.funding_source, 'unknown') AS source, p.plan_mvnd, p.actual_mvnd, p.is_illustrative
    FROM project AS p
    WHERE p.year BETWEEN :year_from AND :year_to
      AND (p.funding_source IS NULL OR p.funding_source IN (SELECT value FROM json_each(:sources)))
      AND (json_array_length(:areas) = 0 OR p.area_id IN (SELECT value FROM json_each(:areas)))
      AND (:include_illustrative OR NOT p.is_illustrative)
), grouped AS (
    SELECT 'year_source' AS grouping, year AS g_year, source AS g_source, plan_mvnd, actual_mvnd FROM projects
    UNION ALL SELECT 'year', year, NULL, plan_mvnd, actual_mvnd FROM projects
    UNION ALL SELECT 'source', NULL, source, plan_mvnd, actual_mvnd FROM projects
    UNION ALL SELECT 'total', NULL, NULL, plan_mvnd, actual_mvnd FROM projects
)
SELECT
    grouping, g_year AS year, g_source AS funding_source,
    count(*)                                                                       AS projects,
    count(plan_mvnd)                                                               AS projects_with_plan,
    count(actual_mvnd)                                                             AS projects_with_actual,
    sum(plan_mvnd IS NOT NULL AND actual_mvnd IS NOT NULL)                         AS projects_with_both,
    sum(plan_mvnd)                                                                 AS plan_mvnd,
    sum(actual_mvnd)                                                               AS actual_mvnd,
    sum(CASE WHEN actual_mvnd IS NOT NULL THEN plan_mvnd END)                      AS pct_plan_mvnd,
    sum(CASE WHEN plan_mvnd IS NOT NULL THEN actual_mvnd END)                      AS pct_actual_mvnd
FROM grouped
GROUP BY grouping, g_year, g_source
ORDER BY grouping, year, funding_source;
