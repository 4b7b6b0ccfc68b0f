-- $projects illustrative đề án spread evenly over 63 provinces × 25 years; amounts scaled so that a province's
-- annual total stays near $annual_mvnd whatever the scale. Pseudo-random parts come from hash(i, $seed, k).
INSERT INTO project
WITH numbered AS (
    -- Row i falls in cell i·1575 // N of the 63 × 25 province-years, so rows come out grouped by province and year
    -- (a query for a few provinces or years then reads only their row groups) without sorting them.
    SELECT i, (i * 1575 // $projects) // 25 AS k, 2001 + (i * 1575 // $projects) % 25 AS year,
           (hash(i, $seed, 1) % 1000000007)::BIGINT AS h1,
           (hash(i, $seed, 2) % 1000000007)::BIGINT AS h2,
           (hash(i, $seed, 3) % 1000000007)::BIGINT AS h3,
           (hash(i, $seed, 4) % 1000000007)::BIGINT AS h4
    FROM national_row AS t
), shaped AS (
    SELECT n.*, m.activity_id, m.sector_id, m.name_vi AS activity_name, m.with_counterpart,
           CASE WHEN n.h2 % 10 < 7 THEN 'local' ELSE 'central' END AS funding_source,
           round($annual_mvnd / $per_area_year * (0.5 + (n.h2 % 1000) / 1000.0), 3)::DECIMAL(18, 3) AS plan_mvnd,
           n.h3 % 1000 AS roll
    FROM numbered AS n
    JOIN national_mix AS m ON m.k = n.h1 % (SELECT count(*) FROM national_mix)
)
SELECT
    'QG-' || lpad(s.i::VARCHAR, 8, '0'),
    CASE WHEN s.year = 2025 THEN a.current_area_id ELSE a.area_id END,
    s.year,
    s.activity_name || ', ' || a.name_vi || ' ' || s.year || ' (minh họa số ' || s.i || ')',
    NULL, NULL, s.activity_id, s.sector_id, s.funding_source, s.plan_mvnd,
    CASE WHEN s.roll < 20 THEN 0
         WHEN s.roll < 50 OR (s.year = 2025 AND s.roll % 2 = 0) THEN NULL
         ELSE round(s.plan_mvnd * (0.8 + (s.h4 % 2500) / 10000.0), 3) END,
    CASE WHEN s.with_counterpart THEN round(s.plan_mvnd * (0.5 + (s.h4 % 1000) / 1000.0), 3) END,
    CASE WHEN s.roll < 20 THEN 'cancelled'
         WHEN s.year = 2025 AND s.roll % 2 = 0 THEN 'in_progress'
         ELSE 'completed' END,
    'minh-hoa', true, 'Số minh họa', NULL
FROM shaped AS s
JOIN national_area AS a USING (k);
