-- Annual figures (year_from = year_to) of one kind ($figure) by reporting unit, year and funding source, in triệu đồng.
-- In current-units mode a unit is its unit after 1 July 2025 (Thái Bình's rows count under Hưng Yên).
SELECT
    unit_id,
    year_from                       AS year,
    funding_source,
    any_value(is_khuyen_cong)       AS is_khuyen_cong,
    sum(amount_mvnd)                AS amount_mvnd,
    count(amount_mvnd)              AS figures,
    bool_or(is_illustrative)        AS has_illustrative,
    list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids,
    list(DISTINCT qualifier ORDER BY qualifier) AS qualifiers
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to)
WHERE is_annual AND counted
GROUP BY unit_id, year_from, funding_source
ORDER BY unit_id, year, funding_source;
