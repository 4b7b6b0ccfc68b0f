-- Data: the first page (500 rows) of the projects in view with names, in the page's order (data_projects.sql
-- without the search).
SELECT
    p.project_id, p.area_id AS unit_id, p.year, p.name, p.implementer, p.location,
    p.activity_id, p.sector_id, p.funding_source, p.plan_mvnd, p.actual_mvnd, p.counterpart_mvnd, p.status,
    p.note, p.doc_id, d.title AS doc_title, p.is_illustrative,
    ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en, ac.name_vi AS activity_vi, se.name_vi AS sector_vi
FROM project AS p
JOIN area AS ra ON ra.area_id = p.area_id
LEFT JOIN activity AS ac ON ac.activity_id = p.activity_id
LEFT JOIN sector AS se ON se.sector_id = p.sector_id
LEFT JOIN source_document AS d ON d.doc_id = p.doc_id
WHERE p.year BETWEEN :year_from AND :year_to
  AND (p.funding_source IS NULL OR p.funding_source IN (SELECT value FROM json_each(:sources)))
  AND (json_array_length(:areas) = 0 OR p.area_id IN (SELECT value FROM json_each(:areas)))
  AND (:include_illustrative OR NOT p.is_illustrative)
ORDER BY p.area_id, p.year, p.project_id
LIMIT 500;
