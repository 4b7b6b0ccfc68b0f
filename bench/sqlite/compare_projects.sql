-- Compare areas: projects per area (compare_projects.sql without the document list). With fewer than two areas
-- selected the page compares every area, so the bench passes '[]' then, as the app does.
SELECT
    p.area_id                   AS unit_id,
    c.level,
    count(*)                    AS projects,
    count(p.actual_mvnd)        AS projects_with_actual,
    max(p.is_illustrative)      AS has_illustrative
FROM project AS p
JOIN area AS c ON c.area_id = p.area_id
WHERE p.year BETWEEN :year_from AND :year_to
  AND (p.funding_source IS NULL OR p.funding_source IN (SELECT value FROM json_each(:sources)))
  AND (json_array_length(:compared) = 0 OR p.area_id IN (SELECT value FROM json_each(:compared)))
  AND (:include_illustrative OR NOT p.is_illustrative)
GROUP BY p.area_id, c.level
ORDER BY p.area_id;
