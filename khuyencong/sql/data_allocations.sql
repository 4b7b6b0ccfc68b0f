-- Allocation rows of the view as stored, for the Data page and its exports (amounts in triệu đồng, NULL = not
-- reported). A row is in view when its span (year_from..year_to) overlaps the selected years, so a period total
-- stays one row and is never split. Activity and sector filters do not apply: allocations are not split by them.
-- $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
WITH units AS (
    SELECT v.area_id, CASE WHEN $current_units THEN v.current_area_id ELSE v.area_id END AS unit_id
    FROM v_area_current AS v
),
rows AS (
    SELECT
        u.unit_id, al.area_id, al.year_from, al.year_to, al.funding_source, al.figure, al.amount_mvnd,
        al.note, al.doc_id, d.title AS doc_title, al.is_illustrative,
        ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
        concat_ws(' ', ua.name_vi, ua.name_en, ra.name_vi, ra.name_en, al.note, d.title) AS haystack
    FROM allocation AS al
    JOIN units AS u USING (area_id)
    JOIN area AS ua ON ua.area_id = u.unit_id
    JOIN area AS ra ON ra.area_id = al.area_id
    LEFT JOIN source_document AS d ON d.doc_id = al.doc_id
    WHERE al.year_from <= $year_to AND al.year_to >= $year_from
      AND list_contains($sources::VARCHAR[], al.funding_source)
      AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
      AND ($include_illustrative OR NOT al.is_illustrative)
)
SELECT * EXCLUDE (haystack)
FROM rows
WHERE $search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), $search)
ORDER BY unit_id, year_from, year_to, funding_source, figure, doc_id;
