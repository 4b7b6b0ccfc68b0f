-- Annual allocated (the projects' plans) and disbursed (their reported actuals) per province, year and source,
-- except where a real figure (of any kind) covers that province, source and year: a real period total is never
-- spread, and a published figure is never shadowed by an illustrative one of its kind. Counterpart capital likewise.
INSERT INTO allocation (area_id, year_from, year_to, funding_source, figure, amount_mvnd, doc_id, is_illustrative, note)
WITH sums AS (
    SELECT area_id, year, funding_source, sum(plan_mvnd) AS planned, sum(actual_mvnd) AS spent,
           sum(counterpart_mvnd) AS counterpart
    FROM project
    WHERE doc_id = 'minh-hoa'
    GROUP BY ALL
), uncovered AS (
    SELECT s.*
    FROM sums AS s
    WHERE NOT EXISTS (
        SELECT 1 FROM allocation AS r
        WHERE NOT r.is_illustrative AND r.area_id = s.area_id AND r.funding_source = s.funding_source
          AND s.year BETWEEN r.year_from AND r.year_to
    )
)
SELECT area_id, year, year, funding_source, 'allocated', planned, 'minh-hoa', true, 'Số minh họa' FROM uncovered
UNION ALL
SELECT area_id, year, year, funding_source, 'disbursed', spent, 'minh-hoa', true, 'Số minh họa' FROM uncovered
UNION ALL
SELECT area_id, year, year, 'counterpart', 'disbursed', sum(counterpart), 'minh-hoa', true, 'Số minh họa'
FROM sums AS s
WHERE NOT EXISTS (
    SELECT 1 FROM allocation AS r
    WHERE NOT r.is_illustrative AND r.area_id = s.area_id AND r.funding_source = 'counterpart'
      AND s.year BETWEEN r.year_from AND r.year_to
)
GROUP BY area_id, year
HAVING sum(counterpart) IS NOT NULL;
