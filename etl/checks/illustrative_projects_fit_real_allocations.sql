-- severity: error
-- Where a real annual allocation exists, the illustrative projects of that area, year and source plan exactly that much.
-- Of several versions of one figure (two documents), the newest (v_allocation_version), as every sum counts it.
SELECT a.area_id, a.year_from AS year, a.funding_source, a.amount_mvnd AS real_mvnd, sum(p.plan_mvnd) AS projects_mvnd
FROM allocation AS a
JOIN v_allocation_version AS v
  ON v.area_id = a.area_id AND v.year_from = a.year_from AND v.year_to = a.year_to
 AND v.funding_source = a.funding_source AND v.figure = a.figure AND v.doc_id = a.doc_id AND v.version_rank = 1
JOIN project AS p
  ON p.area_id = a.area_id AND p.year = a.year_from AND p.funding_source = a.funding_source AND p.is_illustrative
WHERE NOT a.is_illustrative AND a.figure = 'allocated' AND a.year_from = a.year_to
GROUP BY ALL
HAVING sum(p.plan_mvnd) <> a.amount_mvnd;
