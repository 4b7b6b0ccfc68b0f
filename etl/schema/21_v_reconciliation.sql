-- Every period total set against the sum of the annual figures reported inside its span.
-- annual_sum_mvnd is NULL when no year of the span has an annual figure: not reported is not zero.
CREATE VIEW v_reconciliation AS
WITH period_total AS (
    SELECT * FROM allocation WHERE year_from < year_to
), annual AS (
    SELECT * FROM allocation WHERE year_from = year_to AND amount_mvnd IS NOT NULL
)
SELECT
    p.area_id,
    p.funding_source,
    p.figure,
    p.year_from,
    p.year_to,
    p.amount_mvnd                                   AS reported_mvnd,
    sum(a.amount_mvnd)                              AS annual_sum_mvnd,
    p.amount_mvnd - sum(a.amount_mvnd)              AS gap_mvnd,
    CAST(round(100 * (p.amount_mvnd - sum(a.amount_mvnd)) / nullif(p.amount_mvnd, 0), 2) AS DECIMAL(9, 2)) AS gap_pct,
    (p.year_to - p.year_from + 1) - count(DISTINCT a.year_from) AS years_missing,
    count(DISTINCT a.year_from)                     AS years_reported,
    p.doc_id                                        AS period_doc_id,
    p.is_illustrative OR coalesce(bool_or(a.is_illustrative), false) AS includes_illustrative
FROM period_total AS p
LEFT JOIN annual AS a
    ON a.area_id = p.area_id
   AND a.funding_source = p.funding_source
   AND a.figure = p.figure
   AND a.year_from BETWEEN p.year_from AND p.year_to
GROUP BY p.area_id, p.funding_source, p.figure, p.year_from, p.year_to, p.amount_mvnd, p.doc_id, p.is_illustrative;
