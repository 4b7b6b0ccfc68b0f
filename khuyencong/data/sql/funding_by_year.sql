-- Annual figures (year_from = year_to) of one kind ($figure) by reporting unit, year and funding source, in triệu đồng.
-- In current-units mode a unit is its unit after 1 July 2025 (Thái Bình's rows count under Hưng Yên).
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    u.unit_id,
    a.year_from                       AS year,
    a.funding_source,
    sum(a.amount_mvnd)                AS amount_mvnd,
    count(a.amount_mvnd)              AS figures,
    bool_or(a.is_illustrative)        AS has_illustrative,
    list(DISTINCT a.doc_id ORDER BY a.doc_id) AS doc_ids
FROM allocation AS a
JOIN units AS u USING (area_id)
WHERE a.year_from = a.year_to
  AND a.figure = $figure
  AND a.year_from BETWEEN $year_from AND $year_to
  AND list_contains($sources::VARCHAR[], a.funding_source)
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND ($include_illustrative OR NOT a.is_illustrative)
  AND a.amount_mvnd IS NOT NULL
GROUP BY u.unit_id, a.year_from, a.funding_source
ORDER BY u.unit_id, year, a.funding_source;
