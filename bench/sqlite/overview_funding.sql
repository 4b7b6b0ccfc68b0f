-- Overview / deck: annual allocated funding by source in view (funding_by_year.sql summed by source).
-- DuckDB's list_contains($areas::VARCHAR[], x) is written as x IN (SELECT value FROM json_each(:areas)).
SELECT a.funding_source, sum(a.amount_mvnd) AS amount_mvnd, count(a.amount_mvnd) AS figures
FROM allocation AS a
WHERE a.year_from = a.year_to
  AND a.figure = 'allocated'
  AND a.year_from BETWEEN :year_from AND :year_to
  AND a.funding_source IN (SELECT value FROM json_each(:sources))
  AND (json_array_length(:areas) = 0 OR a.area_id IN (SELECT value FROM json_each(:areas)))
  AND (:include_illustrative OR NOT a.is_illustrative)
  AND a.amount_mvnd IS NOT NULL
GROUP BY a.funding_source
ORDER BY a.funding_source;
