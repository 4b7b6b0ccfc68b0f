-- Sources and data quality: figures per source document in view and overall (document_figures.sql).
WITH in_view AS (
    SELECT x.doc_id FROM allocation AS x
    WHERE x.year_to >= :year_from AND x.year_from <= :year_to
      AND x.funding_source IN (SELECT value FROM json_each(:sources))
      AND (json_array_length(:areas) = 0 OR x.area_id IN (SELECT value FROM json_each(:areas)))
      AND (:include_illustrative OR NOT x.is_illustrative)
    UNION ALL
    SELECT x.doc_id FROM project AS x
    WHERE x.year BETWEEN :year_from AND :year_to
      AND (x.funding_source IS NULL OR x.funding_source IN (SELECT value FROM json_each(:sources)))
      AND (json_array_length(:areas) = 0 OR x.area_id IN (SELECT value FROM json_each(:areas)))
      AND (:include_illustrative OR NOT x.is_illustrative)
    UNION ALL
    SELECT x.doc_id FROM outcome AS x
    WHERE x.year BETWEEN :year_from AND :year_to
      AND (json_array_length(:areas) = 0 OR x.area_id IN (SELECT value FROM json_each(:areas)))
      AND (:include_illustrative OR NOT x.is_illustrative)
), overall AS (
    SELECT doc_id FROM allocation UNION ALL SELECT doc_id FROM project UNION ALL SELECT doc_id FROM outcome
), view_counts AS (
    SELECT doc_id, count(*) AS figures FROM in_view GROUP BY doc_id
), overall_counts AS (
    SELECT doc_id, count(*) AS figures FROM overall GROUP BY doc_id
)
SELECT d.doc_id, d.title, d.publisher, coalesce(v.figures, 0) AS figures_in_view, coalesce(o.figures, 0) AS figures_total
FROM source_document AS d
LEFT JOIN view_counts AS v ON v.doc_id = d.doc_id
LEFT JOIN overall_counts AS o ON o.doc_id = d.doc_id
ORDER BY d.is_illustrative, figures_in_view DESC, figures_total DESC, d.doc_id;
