-- Projects in view by activity and sector: how many, planned and actual money where reported (NULL stays NULL).
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    coalesce(p.activity_id, '')                AS activity_id,
    coalesce(p.sector_id, '')                  AS sector_id,
    coalesce(sum(p.projects), 0)::BIGINT                    AS projects,
    coalesce(sum(p.actual_reported), 0)::BIGINT             AS projects_with_actual,
    sum(p.plan_mvnd)                           AS plan_mvnd,
    sum(p.actual_mvnd)                         AS actual_mvnd,
    sum(p.counterpart_mvnd)                    AS counterpart_mvnd,
    sum(p.actual_with_both_mvnd)               AS actual_with_counterpart_mvnd,
    bool_or(p.is_illustrative)                 AS has_illustrative,
    list(DISTINCT p.doc_id ORDER BY p.doc_id)  AS doc_ids
FROM project_cube AS p
JOIN units AS u USING (area_id)
WHERE p.year BETWEEN $year_from AND $year_to
  AND (p.funding_source IS NULL OR list_contains($sources::VARCHAR[], p.funding_source))
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], p.activity_id))
  AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], p.sector_id))
  AND ($include_illustrative OR NOT p.is_illustrative)
GROUP BY 1, 2
ORDER BY 1, 2;
