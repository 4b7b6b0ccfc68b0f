-- Every source document, with how many figures (allocation + project + outcome rows) it supports in the current
-- view (selected areas, years, funding sources, activities and sectors where a table has them, illustrative rows)
-- and overall. Allocations overlap the years when their span does; they have no activity or sector.
WITH in_view AS (
    SELECT doc_id, 1 AS figures
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to)
    UNION ALL
    SELECT doc_id, projects
    FROM project_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources,
                              $year_from, $year_to)
    UNION ALL
    SELECT doc_id, source_rows
    FROM outcome_cube_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from,
                              $year_to)
), overall AS (
    SELECT doc_id, 1 AS figures FROM allocation
    UNION ALL SELECT doc_id, projects FROM project_cube
    UNION ALL SELECT doc_id, source_rows FROM outcome_cube
), view_counts AS (
    SELECT doc_id, coalesce(sum(figures), 0)::BIGINT AS figures FROM in_view GROUP BY doc_id
), overall_counts AS (
    SELECT doc_id, coalesce(sum(figures), 0)::BIGINT AS figures FROM overall GROUP BY doc_id
)
SELECT
    d.doc_id, d.title, d.publisher, d.published_on, d.date_note, d.url, d.kind, d.is_illustrative,
    coalesce(v.figures, 0) AS figures_in_view,
    coalesce(o.figures, 0) AS figures_total
FROM source_document AS d
LEFT JOIN view_counts AS v USING (doc_id)
LEFT JOIN overall_counts AS o USING (doc_id)
ORDER BY d.is_illustrative, figures_in_view DESC, figures_total DESC, d.published_on DESC NULLS LAST, d.doc_id;
