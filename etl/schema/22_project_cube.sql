-- Projects summed per area, year, activity, sector, source, status, document and flag: what the pages aggregate,
-- at a size that depends on the code lists, not on the number of projects. Created empty with the schema, rebuilt
-- on every write (etl/atomic.py, etl/cubes.py).
-- *_reported count the amounts that are not NULL, so "not reported" stays apart from zero.
CREATE OR REPLACE TABLE project_cube AS
SELECT
    area_id, year, activity_id, sector_id, funding_source, status, doc_id, is_illustrative,
    count(*)                  AS projects,
    sum(plan_mvnd)            AS plan_mvnd,
    count(plan_mvnd)          AS plan_reported,
    sum(actual_mvnd)          AS actual_mvnd,
    count(actual_mvnd)        AS actual_reported,
    sum(counterpart_mvnd)     AS counterpart_mvnd,
    count(counterpart_mvnd)   AS counterpart_reported,
    sum(actual_mvnd) FILTER (WHERE counterpart_mvnd IS NOT NULL)     AS actual_with_both_mvnd,
    sum(counterpart_mvnd) FILTER (WHERE actual_mvnd IS NOT NULL)     AS counterpart_with_both_mvnd,
    count(*) FILTER (WHERE plan_mvnd IS NOT NULL AND actual_mvnd IS NOT NULL) AS plan_and_actual_reported,
    sum(plan_mvnd) FILTER (WHERE actual_mvnd IS NOT NULL)            AS plan_with_actual_mvnd,
    sum(actual_mvnd) FILTER (WHERE plan_mvnd IS NOT NULL)            AS actual_with_plan_mvnd
FROM project
GROUP BY ALL
ORDER BY area_id, year;
