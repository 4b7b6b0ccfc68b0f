-- Funding trends: annual allocated funding by area, year and source (funding_by_year.sql; list(DISTINCT doc_id)
-- becomes group_concat(DISTINCT doc_id)).
SELECT
    a.area_id                          AS unit_id,
    a.year_from                        AS year,
    a.funding_source,
    sum(a.amount_mvnd)                 AS amount_mvnd,
    count(a.amount_mvnd)               AS figures,
    max(a.is_illustrative)             AS has_illustrative,
    group_concat(DISTINCT a.doc_id)    AS doc_ids
FROM allocation AS a
WHERE a.year_from = a.year_to
  AND a.figure = 'allocated'
  AND a.year_from BETWEEN :year_from AND :year_to
  AND a.funding_source IN (SELECT value FROM json_each(:sources))
  AND (json_array_length(:areas) = 0 OR a.area_id IN (SELECT value FROM json_each(:areas)))
  AND (:include_illustrative OR NOT a.is_illustrative)
  AND a.amount_mvnd IS NOT NULL
GROUP BY a.area_id, a.year_from, a.funding_source
ORDER BY a.area_id, year, a.funding_source;
