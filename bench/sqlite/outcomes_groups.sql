-- Outcomes by sector and activity: projects and money by activity and sector (outcomes_funding_by_group.sql;
-- sum(x) FILTER (WHERE c) becomes sum(CASE WHEN c THEN x END)).
SELECT
    coalesce(p.activity_id, '')                AS activity_id,
    coalesce(p.sector_id, '')                  AS sector_id,
    count(*)                                   AS projects,
    count(p.actual_mvnd)                       AS projects_with_actual,
    sum(p.plan_mvnd)                           AS plan_mvnd,
    sum(p.actual_mvnd)                         AS actual_mvnd,
    sum(p.counterpart_mvnd)                    AS counterpart_mvnd,
    sum(CASE WHEN p.counterpart_mvnd IS NOT NULL THEN p.actual_mvnd END) AS actual_with_counterpart_mvnd,
    max(p.is_illustrative)                     AS has_illustrative
FROM project AS p
WHERE p.year BETWEEN :year_from AND :year_to
  AND (p.funding_source IS NULL OR p.funding_source IN (SELECT value FROM json_each(:sources)))
  AND (json_array_length(:areas) = 0 OR p.area_id IN (SELECT value FROM json_each(:areas)))
  AND (:include_illustrative OR NOT p.is_illustrative)
GROUP BY 1, 2
ORDER BY 1, 2;
