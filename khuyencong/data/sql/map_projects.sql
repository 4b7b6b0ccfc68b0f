-- Projects (đề án; a proposal under appraisal is not one: counts_as_project) per unit for the map, from the summary
-- table (project_cube_in_view): how many, their documents,
-- whether any is illustrative, and which reporting areas they come from (in 34-unit mode, which old provinces).
SELECT
    p.unit_id,
    sum(p.projects) FILTER (WHERE counts_as_project(p.status))::BIGINT AS projects,
    list(DISTINCT p.doc_id ORDER BY p.doc_id)                      AS doc_ids,
    coalesce(bool_or(p.is_illustrative), false)                    AS has_illustrative,
    list(DISTINCT p.area_id ORDER BY p.area_id)                    AS reporting_areas
FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources, $year_from,
                          $year_to) AS p
GROUP BY p.unit_id
HAVING sum(p.projects) FILTER (WHERE counts_as_project(p.status)) > 0
ORDER BY p.unit_id;
