-- Projects (đề án) in view, plan against actual in triệu đồng, by year and funding source, by year, by funding
-- source and in total (grouping = 'year_source', 'year', 'source', 'total').
-- NULL plan or actual is not reported: counted apart, never added as zero. pct_plan_mvnd / pct_actual_mvnd hold the
-- plan and actual of the projects that report both, the only fair basis for a % of plan.
WITH projects AS (
    SELECT p.*, coalesce(p.funding_source, 'unknown') AS source
    FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources,
                              $year_from, $year_to) AS p
)
SELECT
    CASE grouping(year, source) WHEN 0 THEN 'year_source' WHEN 1 THEN 'year' WHEN 2 THEN 'source' ELSE 'total' END
                                                                              AS grouping,
    year,
    source                                                                    AS funding_source,
    coalesce(sum(projects), 0)::BIGINT                                                     AS projects,
    coalesce(sum(plan_reported), 0)::BIGINT                                                AS projects_with_plan,
    coalesce(sum(actual_reported), 0)::BIGINT                                              AS projects_with_actual,
    coalesce(sum(plan_and_actual_reported), 0)::BIGINT                                     AS projects_with_both,
    sum(plan_mvnd)                                                            AS plan_mvnd,
    sum(actual_mvnd)                                                          AS actual_mvnd,
    sum(plan_with_actual_mvnd)                                                AS pct_plan_mvnd,
    sum(actual_with_plan_mvnd)                                                AS pct_actual_mvnd,
    coalesce(bool_or(is_illustrative), false)                                 AS has_illustrative,
    list(DISTINCT doc_id ORDER BY doc_id)                                     AS doc_ids
FROM projects
GROUP BY GROUPING SETS ((year, source), (year), (source), ())
ORDER BY grouping, year, funding_source;
