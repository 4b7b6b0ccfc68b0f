-- Every source document, with how many figures (allocation + project + outcome rows) it supports in the current
-- view (selected areas, years, funding sources, activities and sectors where a table has them, illustrative rows)
-- and overall. Allocations overlap the years when their span does; they have no activity or sector.
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
), in_view AS (
    SELECT x.doc_id, 1 AS figures FROM allocation AS x JOIN units AS u USING (area_id)
    WHERE x.year_to >= $year_from AND x.year_from <= $year_to
      AND list_contains($sources::VARCHAR[], x.funding_source)
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND ($include_illustrative OR NOT x.is_illustrative)
    UNION ALL
    SELECT x.doc_id, x.projects FROM project_cube AS x JOIN units AS u USING (area_id)
    WHERE x.year BETWEEN $year_from AND $year_to
      AND (x.funding_source IS NULL OR list_contains($sources::VARCHAR[], x.funding_source))
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], x.activity_id))
      AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], x.sector_id))
      AND ($include_illustrative OR NOT x.is_illustrative)
    UNION ALL
    SELECT x.doc_id, x.source_rows FROM outcome_cube AS x JOIN units AS u USING (area_id)
    WHERE x.year BETWEEN $year_from AND $year_to
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], x.activity_id))
      AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], x.sector_id))
      AND ($include_illustrative OR NOT x.is_illustrative)
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
