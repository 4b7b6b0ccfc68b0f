-- CPI index with the last year = 100: index(y) = 100 / product of (1 + inflation) over the years after y.
INSERT INTO cpi (year, inflation_pct, index_value, doc_id)
SELECT
    year,
    inflation_pct,
    round(100 * exp(-coalesce(sum(ln(1 + inflation_pct / 100)) OVER (
        ORDER BY year ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)), 4) AS index_value,
    doc_id
FROM cpi_inflation;
