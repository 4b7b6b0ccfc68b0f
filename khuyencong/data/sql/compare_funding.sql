-- Funding per unit for the area comparison, in triệu đồng, by the rule of the overview total: annual figures
-- (year_from = year_to) summed, plus a period total only when it lies inside the selected years and no year of
-- its span has an annual figure. One row per unit and funding source; counterpart capital is left to the caller.
-- In current-units mode a unit is its unit after 1 July 2025 (Thái Bình's rows count under Hưng Yên).
WITH units AS (
    SELECT v.area_id,
           CASE WHEN $current_units THEN v.current_area_id ELSE v.area_id END AS unit_id
    FROM v_area_current AS v
),
in_view AS (
    SELECT u.unit_id, a.*
    FROM allocation AS a
    JOIN units AS u USING (area_id)
    WHERE a.figure = $figure
      AND a.year_to >= $year_from AND a.year_from <= $year_to
      AND list_contains($sources::VARCHAR[], a.funding_source)
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND ($include_illustrative OR NOT a.is_illustrative)
      AND a.amount_mvnd IS NOT NULL
),
annual AS (
    SELECT * FROM in_view WHERE year_from = year_to
),
periods AS (
    SELECT p.*,
           p.year_from >= $year_from AND p.year_to <= $year_to AND coalesce(r.years_reported, 0) = 0 AS usable
    FROM in_view AS p
    LEFT JOIN v_reconciliation AS r
        ON r.area_id = p.area_id AND r.funding_source = p.funding_source AND r.figure = p.figure
       AND r.year_from = p.year_from AND r.year_to = p.year_to
    WHERE p.year_from < p.year_to
),
rows AS (
    SELECT unit_id, funding_source, amount_mvnd AS annual_mvnd, NULL::DECIMAL(18, 3) AS period_mvnd,
           year_from AS year, false AS left_out, is_illustrative, doc_id
    FROM annual
    UNION ALL
    SELECT unit_id, funding_source, NULL, CASE WHEN usable THEN amount_mvnd END,
           NULL, NOT usable, usable AND is_illustrative, CASE WHEN usable THEN doc_id END
    FROM periods
)
SELECT
    r.unit_id,
    c.level,
    r.funding_source,
    sum(r.annual_mvnd)                                           AS annual_mvnd,
    sum(r.period_mvnd)                                           AS period_mvnd,
    count(DISTINCT r.year)                                       AS annual_years,
    count(r.period_mvnd)                                         AS periods_used,
    count(*) FILTER (WHERE r.left_out)                           AS periods_left_out,
    coalesce(bool_or(r.is_illustrative), false)                  AS has_illustrative,
    list(DISTINCT r.doc_id ORDER BY r.doc_id) FILTER (WHERE r.doc_id IS NOT NULL) AS doc_ids
FROM rows AS r
JOIN area AS c ON c.area_id = r.unit_id
GROUP BY r.unit_id, c.level, r.funding_source
ORDER BY r.unit_id, r.funding_source;
