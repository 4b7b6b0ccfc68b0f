-- Outcome values summed per area, year, period, activity, sector, indicator, document and flag (see project_cube).
CREATE OR REPLACE TABLE outcome_cube AS
SELECT
    area_id, year, period, activity_id, sector_id, indicator_id, doc_id, is_illustrative,
    count(*)              AS source_rows,
    sum(plan_value)       AS plan_value,
    count(plan_value)     AS plan_reported,
    sum(actual_value)     AS actual_value,
    count(actual_value)   AS actual_reported,
    sum(actual_value) FILTER (WHERE actual_value > 0) AS positive_actual_value,
    sum(prior_value)      AS prior_value,
    count(prior_value)    AS prior_reported
FROM outcome
GROUP BY ALL
ORDER BY area_id, year;
