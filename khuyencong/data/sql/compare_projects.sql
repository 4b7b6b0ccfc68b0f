-- Projects (đề án) per unit for the area comparison (a proposal under appraisal is not one: counts_as_project): how many, and how many report an actual amount.
SELECT
    p.unit_id,
    c.level,
    coalesce(sum(p.projects) FILTER (WHERE counts_as_project(p.status)), 0)::BIGINT AS projects,
    coalesce(sum(p.actual_reported), 0)::BIGINT              AS projects_with_actual,
    coalesce(bool_or(p.is_illustrative), false) AS has_illustrative,
    list(DISTINCT p.doc_id ORDER BY p.doc_id)   AS doc_ids
FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources, $year_from,
                          $year_to) AS p
JOIN area AS c ON c.area_id = p.unit_id
GROUP BY p.unit_id, c.level
HAVING sum(p.projects) FILTER (WHERE counts_as_project(p.status)) > 0
ORDER BY p.unit_id;
