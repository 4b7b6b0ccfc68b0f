-- Outcome rows of the view as stored, for the Data page and its exports, with the indicator's unit (NULL = not
-- reported). Funding-source filters do not apply: outcomes carry no funding source.
-- $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
WITH units AS (
    SELECT v.area_id, CASE WHEN $current_units THEN v.current_area_id ELSE v.area_id END AS unit_id
    FROM v_area_current AS v
),
rows AS (
    SELECT
        u.unit_id, o.area_id, o.year, o.period, o.activity_id, o.sector_id, o.indicator_id,
        i.name_vi AS indicator_vi, i.name_en AS indicator_en, i.unit_vi, i.unit_en, i.sort_order,
        o.plan_value, o.actual_value, o.prior_value, o.qualifier, o.note, o.doc_id, d.title AS doc_title,
        o.is_illustrative,
        ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
        concat_ws(' ', ua.name_vi, ua.name_en, ra.name_vi, ra.name_en, ac.name_vi, ac.name_en, se.name_vi,
                  se.name_en, i.name_vi, i.name_en, o.note, d.title) AS haystack
    FROM outcome AS o
    JOIN units AS u USING (area_id)
    JOIN area AS ua ON ua.area_id = u.unit_id
    JOIN area AS ra ON ra.area_id = o.area_id
    JOIN indicator AS i USING (indicator_id)
    LEFT JOIN activity AS ac ON ac.activity_id = o.activity_id
    LEFT JOIN sector AS se ON se.sector_id = o.sector_id
    LEFT JOIN source_document AS d ON d.doc_id = o.doc_id
    WHERE o.year BETWEEN $year_from AND $year_to
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], o.activity_id))
      AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], o.sector_id))
      AND ($include_illustrative OR NOT o.is_illustrative)
)
SELECT * EXCLUDE (haystack)
FROM rows
WHERE $search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), $search)
ORDER BY unit_id, year, period, sort_order, activity_id, sector_id;
