-- For every illustrative project that reports an actual amount, a whole-year value of each indicator its activity
-- reports, and from 2023 the first half (H1) too. Plans and the year before are scattered around the actual value.
INSERT INTO outcome (area_id, year, period, activity_id, sector_id, indicator_id, plan_value, actual_value,
                     prior_value, qualifier, doc_id, is_illustrative, note, project_id)
WITH reported AS (
    SELECT p.project_id, p.area_id, p.year, p.activity_id, p.sector_id, m.indicator_id,
           (hash(p.project_id, m.indicator_id, $seed) % 1000000007)::BIGINT AS h
    FROM project AS p
    JOIN national_indicator_mix AS m USING (activity_id, sector_id)
    WHERE p.doc_id = 'minh-hoa' AND p.actual_mvnd > 0
), periods AS (
    SELECT r.*, 'year' AS period, 1 + r.h % 400 AS actual FROM reported AS r
    UNION ALL
    SELECT r.*, 'H1', 1 + (r.h % 400) // 2 FROM reported AS r WHERE r.year >= 2023
)
SELECT area_id, year, period, activity_id, sector_id, indicator_id,
       round(actual * (0.85 + (h % 35) / 100.0)),
       actual,
       CASE WHEN year > 2001 THEN round(actual * (0.7 + (h % 50) / 100.0)) END,
       'exact', 'minh-hoa', true, 'Số minh họa', project_id
FROM periods;
