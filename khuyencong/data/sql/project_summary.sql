-- Projects in view: how many, money where it is reported (NULL amounts are counted apart, never as zero), and the
-- leverage (counterpart đồng per đồng of khuyến công money, over projects reporting both). Each figure carries
-- whether illustrative rows are in it and its documents: the projects count every project; the leverage only the
-- projects that report both amounts. Rows whose status is not a project yet (a proposal under appraisal:
-- counts_as_project) are counted apart as proposals, never as projects.
SELECT
    coalesce(sum(p.projects) FILTER (WHERE counts_as_project(p.status)), 0)::BIGINT AS projects,
    coalesce(sum(p.projects) FILTER (WHERE NOT counts_as_project(p.status)), 0)::BIGINT AS proposals,
    count(DISTINCT p.unit_id) FILTER (WHERE counts_as_project(p.status))             AS project_units,
    coalesce(sum(p.actual_reported), 0)::BIGINT            AS projects_with_actual,
    sum(p.actual_mvnd)                                     AS actual_mvnd,
    sum(p.counterpart_with_both_mvnd)                      AS counterpart_with_both_mvnd,
    sum(p.actual_with_both_mvnd)                           AS actual_with_both_mvnd,
    leverage(sum(p.counterpart_with_both_mvnd), sum(p.actual_with_both_mvnd)) AS leverage,
    coalesce(bool_or(p.is_illustrative), false)            AS has_illustrative,
    list(DISTINCT p.doc_id ORDER BY p.doc_id)              AS doc_ids,
    coalesce(bool_or(p.is_illustrative) FILTER (WHERE p.actual_with_both_mvnd IS NOT NULL), false)
                                                           AS leverage_illustrative,
    list(DISTINCT p.doc_id ORDER BY p.doc_id) FILTER (WHERE p.actual_with_both_mvnd IS NOT NULL)
                                                           AS leverage_doc_ids,
    count(DISTINCT p.unit_id) FILTER (WHERE p.actual_with_both_mvnd IS NOT NULL) AS leverage_units
FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources, $year_from,
                          $year_to) AS p;
