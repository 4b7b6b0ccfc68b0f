-- Projects in view by activity and sector (level 'cell') and by activity alone (level 'activity'): how many,
-- planned and actual money where reported (NULL stays NULL), and the leverage. '' is a code not stated.
WITH projects AS (
    SELECT coalesce(activity_id, '') AS activity, coalesce(sector_id, '') AS sector, *
    FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources,
                              $year_from, $year_to)
)
SELECT
    CASE grouping(activity, sector) WHEN 0 THEN 'cell' ELSE 'activity' END AS level,
    activity                                   AS activity_id,
    sector                                     AS sector_id,
    coalesce(sum(projects), 0)::BIGINT         AS projects,
    coalesce(sum(actual_reported), 0)::BIGINT  AS projects_with_actual,
    sum(plan_mvnd)                             AS plan_mvnd,
    sum(actual_mvnd)                           AS actual_mvnd,
    sum(counterpart_mvnd)                      AS counterpart_mvnd,
    leverage(sum(counterpart_with_both_mvnd), sum(actual_with_both_mvnd)) AS leverage,
    bool_or(is_illustrative)                   AS has_illustrative,
    list(DISTINCT doc_id ORDER BY doc_id)      AS doc_ids
FROM projects
GROUP BY GROUPING SETS ((activity, sector), (activity))
ORDER BY level DESC, activity_id, sector_id;
