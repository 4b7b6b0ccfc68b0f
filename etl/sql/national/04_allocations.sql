-- Annual allocated (the projects' plans) and disbursed (their reported actuals) per province, year and source,
-- except where a real figure of the same kind covers that province, source and year: a real period total is never
-- spread, and a published figure is never shadowed by an illustrative one of its kind.
INSERT INTO allocation (area_id, year_from, year_to, funding_source, figure, amount_mvnd, doc_id, is_illustrative, note)
WITH sums AS (
    SELECT area_id, year, funding_source, sum(plan_mvnd) AS planned, sum(actual_mvnd) AS spent,
           sum(counterpart_mvnd) AS counterpart
    FROM project
    WHERE doc_id = 'minh-hoa'
    GROUP BY ALL
), candidates AS (
    SELECT area_id, year, funding_source, 'allocated' AS figure, planned AS amount FROM sums
    UNION ALL
    SELECT area_id, year, funding_source, 'disbursed', spent FROM sums
    UNION ALL
    SELECT area_id, year, 'counterpart', 'disbursed', sum(counterpart) FROM sums
    GROUP BY area_id, year
    HAVING sum(counterpart) IS NOT NULL
)
SELECT c.area_id, c.year, c.year, c.funding_source, c.figure, c.amount, 'minh-hoa', true, 'Số minh họa'
FROM candidates AS c
WHERE NOT EXISTS (
    SELECT 1 FROM allocation AS r
    WHERE NOT r.is_illustrative AND r.area_id = c.area_id AND r.funding_source = c.funding_source
      AND r.figure = c.figure AND c.year BETWEEN r.year_from AND r.year_to
);
