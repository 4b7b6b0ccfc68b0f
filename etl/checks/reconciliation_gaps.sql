-- severity: warning
-- Period totals that differ from the sum of their annual figures by more than 1 %, or have years without one.
SELECT area_id, funding_source, figure, year_from, year_to, reported_mvnd, annual_sum_mvnd, gap_mvnd, gap_pct, years_missing
FROM v_reconciliation
WHERE years_missing > 0 OR abs(gap_pct) > 1
-- Gaps against reported annual figures first: a period total with no annual figure at all only lacks years.
ORDER BY annual_sum_mvnd IS NULL, area_id, funding_source, year_from;
