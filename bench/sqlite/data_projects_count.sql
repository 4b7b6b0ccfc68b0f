-- Data: how many projects are in view, from which documents (data_projects_summary.sql without the search).
SELECT count(*) AS total_rows, group_concat(DISTINCT p.doc_id) AS doc_ids, coalesce(max(p.is_illustrative), 0)
FROM project AS p
WHERE p.year BETWEEN :year_from AND :year_to
  AND (p.funding_source IS NULL OR p.funding_source IN (SELECT value FROM json_each(:sources)))
  AND (json_array_length(:areas) = 0 OR p.area_id IN (SELECT value FROM json_each(:areas)))
  AND (:include_illustrative OR NOT p.is_illustrative);
