-- Is there an annual 'allocated' figure for each unit in view × year of the selection × local/central source?
-- status: reported (annual amount > 0), zero (annual amount = 0), period (no annual row; a period total with an
-- amount covers the year), not_reported (a row exists but its amount is NULL), none (no row at all).
-- Units in view: the selected ones, else every unit with an allocated local/central figure overlapping the years.
-- In current-units mode rows count under their unit after 1 July 2025.
WITH alloc AS (
    SELECT unit_id, funding_source, year_from, year_to, amount_mvnd, doc_id, is_illustrative
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to)
    WHERE figure = 'allocated'
      AND funding_source IN ('local', 'central')
), shown_units AS (
    SELECT unnest($areas::VARCHAR[]) AS unit_id
    UNION
    SELECT DISTINCT unit_id FROM alloc WHERE len($areas::VARCHAR[]) = 0
), shown_sources AS (
    SELECT unnest(['local', 'central']) AS funding_source
), grid AS (
    SELECT s.unit_id, f.funding_source, y.year
    FROM shown_units AS s
    CROSS JOIN shown_sources AS f
    CROSS JOIN range($year_from, $year_to + 1) AS y(year)
    WHERE source_in_view($sources, f.funding_source)
), annual AS (
    SELECT unit_id, funding_source, year_from AS year,
           count(*) AS row_count, count(amount_mvnd) AS reported, sum(amount_mvnd) AS amount_mvnd,
           bool_or(is_illustrative) AS is_illustrative, list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
    FROM alloc
    WHERE year_from = year_to
    GROUP BY ALL
), period AS (
    SELECT g.unit_id, g.funding_source, g.year,
           count(*) AS row_count, count(p.amount_mvnd) AS reported,
           bool_or(p.is_illustrative) AS is_illustrative, list(DISTINCT p.doc_id ORDER BY p.doc_id) AS doc_ids
    FROM grid AS g
    JOIN alloc AS p
      ON p.unit_id = g.unit_id AND p.funding_source = g.funding_source
     AND p.year_from < p.year_to AND g.year BETWEEN p.year_from AND p.year_to
    GROUP BY ALL
)
SELECT
    g.unit_id,
    ar.name_vi AS area_name_vi,
    ar.name_en AS area_name_en,
    ar.valid_from AS area_valid_from,
    ar.valid_to AS area_valid_to,
    g.funding_source,
    s.name_vi AS source_name_vi,
    s.name_en AS source_name_en,
    g.year,
    CASE
        WHEN an.reported > 0 AND an.amount_mvnd > 0 THEN 'reported'
        WHEN an.reported > 0 THEN 'zero'
        WHEN an.row_count > 0 THEN 'not_reported'
        WHEN pe.reported > 0 THEN 'period'
        WHEN pe.row_count > 0 THEN 'not_reported'
        ELSE 'none'
    END AS status,
    coalesce(CASE WHEN an.row_count > 0 THEN an.is_illustrative ELSE pe.is_illustrative END, false)
        AS is_illustrative,
    coalesce(CASE WHEN an.row_count > 0 THEN an.doc_ids ELSE pe.doc_ids END, []) AS doc_ids
FROM grid AS g
JOIN area AS ar ON ar.area_id = g.unit_id
JOIN funding_source AS s ON s.funding_source_id = g.funding_source
LEFT JOIN annual AS an USING (unit_id, funding_source, year)
LEFT JOIN period AS pe USING (unit_id, funding_source, year)
ORDER BY ar.name_vi, g.unit_id, s.sort_order, g.year;
