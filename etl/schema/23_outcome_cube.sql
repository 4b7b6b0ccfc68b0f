-- Outcome values summed per area, year, period, activity, sector, indicator, document and flag (see project_cube),
-- kept apart by funding source (a part of a count: KCQG 54 / KCĐP 412; NULL: all levels) and by whether the count
-- spans several years (year_from < year), so that outcome_cube_in_view can apply the counting rule.
CREATE OR REPLACE TABLE outcome_cube AS
SELECT
    area_id, year, period, activity_id, sector_id, indicator_id, doc_id, is_illustrative, funding_source,
    coalesce(year_from < year, false) AS spans_years,
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
