-- severity: error
-- Loans and revolving funds (cho vay có thu hồi, vốn thu hồi quay vòng) are a funding source of their own, never khuyến công spending: the code list says so, a stated total that includes them is a total of all money, its loan part is recorded apart, and no khuyến công figure of the same area, years and document carries the whole total.
SELECT 'funding_source' AS table_name, funding_source_id AS funding_source, NULL AS area_id, NULL AS year_from,
       NULL AS year_to, NULL AS doc_id, 'loan money counted as khuyến công money' AS problem
FROM funding_source WHERE funding_source_id = 'loan' AND is_khuyen_cong
UNION ALL
SELECT 'stated_figure', s.funding_source, s.area_id, s.year_from, s.year_to, s.doc_id,
       'a total that includes loans filed under a khuyến công source'
FROM stated_figure AS s JOIN funding_source AS f ON f.funding_source_id = s.funding_source
WHERE s.includes_loans AND f.is_khuyen_cong
UNION ALL
SELECT 'stated_figure', s.funding_source, s.area_id, s.year_from, s.year_to, s.doc_id,
       'a total that includes loans without its loan part recorded apart'
FROM stated_figure AS s
WHERE s.includes_loans AND NOT EXISTS (
    SELECT 1 FROM allocation AS a
    WHERE a.area_id = s.area_id AND a.year_from = s.year_from AND a.year_to = s.year_to AND a.doc_id = s.doc_id
      AND a.funding_source = 'loan')
UNION ALL
SELECT 'allocation', a.funding_source, a.area_id, a.year_from, a.year_to, a.doc_id,
       'a khuyến công figure as large as a total that includes loans'
FROM allocation AS a
JOIN funding_source AS f ON f.funding_source_id = a.funding_source AND f.is_khuyen_cong
JOIN stated_figure AS s
  ON s.includes_loans AND s.area_id = a.area_id AND s.year_from = a.year_from AND s.year_to = a.year_to
 AND s.doc_id = a.doc_id
WHERE a.amount_mvnd >= s.amount_mvnd
ORDER BY ALL;
