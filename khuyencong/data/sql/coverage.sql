-- Coverage at a glance: one category per unit in view × selected year, for the Sources page's heatmap. The rule,
-- first match wins (their names, colours and legend: COVERAGE_CATEGORIES in khuyencong/figures/sources.py):
--   differing    a figure covering the year belongs to reports that differ (v_differing_report)
--   annual       an annual figure of the year (any kind: an approved plan for 2016 is that year's figure)
--   period       no annual figure; a period total covering the year, at least one on the executed side
--   plan         no annual figure; only plan-side period totals (targets, plans) cover the year
-- A year with none of these has no row: "not reported" is an empty cell, never a zero. Only khuyến công money
-- counts (counterpart capital is not) and only figures with an amount. Rows: the selected units, else every unit
-- with a figure in view (regions and the national programme only when selected, by area_in_view).
WITH figures AS (
    SELECT a.unit_id, a.area_id, a.year_from, a.year_to, a.funding_source, a.figure, k.side, a.doc_id,
           a.is_illustrative
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS a
    JOIN funding_source AS s ON s.funding_source_id = a.funding_source
    JOIN figure_kind AS k ON k.figure_id = a.figure
    WHERE a.amount_mvnd IS NOT NULL AND s.is_khuyen_cong
), differing AS (
    SELECT DISTINCT area_id, year_from, year_to, funding_source FROM v_differing_report
), cells AS (
    SELECT
        f.unit_id,
        y.year,
        bool_or(d.area_id IS NOT NULL)                              AS has_differing,
        bool_or(f.year_from = f.year_to)                            AS has_annual,
        bool_or(f.year_from < f.year_to AND f.side = 'executed')    AS has_executed_period,
        bool_or(f.year_from < f.year_to)                            AS has_period,
        bool_or(f.is_illustrative)                                  AS is_illustrative,
        list(DISTINCT f.figure ORDER BY f.figure)                   AS figures,
        list(DISTINCT f.doc_id ORDER BY f.doc_id)                   AS doc_ids
    FROM figures AS f
    JOIN range($year_from, $year_to + 1) AS y(year) ON y.year BETWEEN f.year_from AND f.year_to
    LEFT JOIN differing AS d
      ON d.area_id = f.area_id AND d.year_from = f.year_from AND d.year_to = f.year_to
     AND d.funding_source = f.funding_source
    GROUP BY ALL
), shown_units AS (
    SELECT unnest($areas::VARCHAR[]) AS unit_id
    UNION
    SELECT DISTINCT unit_id FROM cells
)
SELECT
    u.unit_id,
    n.unit_name_vi,
    n.unit_name_en,
    ar.level,
    c.year,
    CASE
        WHEN c.has_differing THEN 'differing'
        WHEN c.has_annual THEN 'annual'
        WHEN c.has_executed_period THEN 'period'
        WHEN c.has_period THEN 'plan'
    END AS category,
    coalesce(c.is_illustrative, false) AS is_illustrative,
    coalesce(c.figures, []) AS figures,
    coalesce(c.doc_ids, []) AS doc_ids
FROM shown_units AS u
JOIN area AS ar ON ar.area_id = u.unit_id
JOIN unit_names($current_units) AS n USING (unit_id)
LEFT JOIN cells AS c USING (unit_id)
-- Provinces first, then regions, then the national programme; names in Vietnamese order (Đ after D).
ORDER BY CASE ar.level WHEN 'province' THEN 1 WHEN 'region' THEN 2 ELSE 3 END,
         lower(strip_accents(replace(replace(n.unit_name_vi, 'Đ', 'Dz'), 'đ', 'dz'))), n.unit_name_vi, u.unit_id,
         c.year;
