-- Project (đề án) rows of the view as stored, for the Data page and its exports (amounts in triệu đồng, NULL = not
-- reported). Same filters as outcomes_projects.sql; a project without a funding source stays in view.
-- $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
WITH units AS (
    SELECT v.area_id, CASE WHEN $current_units THEN v.current_area_id ELSE v.area_id END AS unit_id
    FROM v_area_current AS v
),
rows AS (
    SELECT
        p.project_id, u.unit_id, p.area_id, p.year, p.name, p.implementer, p.location,
        p.activity_id, p.sector_id, p.funding_source, p.plan_mvnd, p.actual_mvnd, p.counterpart_mvnd, p.status,
        p.note, p.doc_id, d.title AS doc_title, p.is_illustrative,
        ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
        concat_ws(' ', p.project_id, p.name, p.implementer, p.location, ua.name_vi, ua.name_en, ra.name_vi,
                  ra.name_en, ac.name_vi, ac.name_en, se.name_vi, se.name_en, p.note, d.title) AS haystack
    FROM project AS p
    JOIN units AS u USING (area_id)
    JOIN area AS ua ON ua.area_id = u.unit_id
    JOIN area AS ra ON ra.area_id = p.area_id
    LEFT JOIN activity AS ac ON ac.activity_id = p.activity_id
    LEFT JOIN sector AS se ON se.sector_id = p.sector_id
    LEFT JOIN source_document AS d ON d.doc_id = p.doc_id
    WHERE p.year BETWEEN $year_from AND $year_to
      AND (p.funding_source IS NULL OR list_contains($sources::VARCHAR[], p.funding_source))
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], p.activity_id))
      AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], p.sector_id))
      AND ($include_illustrative OR NOT p.is_illustrative)
)
SELECT * EXCLUDE (haystack)
FROM rows
WHERE $search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), $search)
ORDER BY unit_id, year, project_id;
