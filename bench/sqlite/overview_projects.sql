-- Overview / deck: projects in view, money where reported (project_summary.sql without the document list).
SELECT
    count(*)                                                                             AS projects,
    count(p.actual_mvnd)                                                                 AS projects_with_actual,
    sum(p.actual_mvnd)                                                                   AS actual_mvnd,
    sum(CASE WHEN p.actual_mvnd IS NOT NULL THEN p.counterpart_mvnd END)                 AS counterpart_with_both_mvnd,
    sum(CASE WHEN p.counterpart_mvnd IS NOT NULL THEN p.actual_mvnd END)                 AS actual_with_both_mvnd,
    coalesce(max(p.is_illustrative), 0)                                                  AS has_illustrative
FROM project AS p
WHERE p.year BETWEEN :year_from AND :year_to
  AND (p.funding_source IS NULL OR p.funding_source IN (SELECT value FROM json_each(:sources)))
  AND (json_array_length(:areas) = 0 OR p.area_id IN (SELECT value FROM json_each(:areas)))
  AND (:include_illustrative OR NOT p.is_illustrative);
