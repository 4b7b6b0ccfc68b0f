-- severity: error
-- Where a real annual allocation exists, the illustrative projects of that area, year and source plan exactly that much.
SELECT a.area_id, a.year_from AS year, a.funding_source, a.amount_mvnd AS real_mvnd, sum(p.plan_mvnd) AS projects_mvnd
FROM allocation AS a
JOIN project AS p
  ON p.area_id = a.area_id AND p.year = a.year_from AND p.funding_source = a.funding_source AND p.is_illustrative
WHERE NOT a.is_illustrative AND a.figure = 'allocated' AND a.year_from = a.year_to
GROUP BY ALL
HAVING sum(p.plan_mvnd) <> a.amount_mvnd;
