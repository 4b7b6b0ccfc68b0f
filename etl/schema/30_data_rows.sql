-- The Data page's rows per table under the shared filters and an accent-folded search, as table macros so that
-- the page query (one sorted page at a time) and the summary query (count, documents) share one definition.
-- Rows in view come from the macros of 25_view_macros.sql. Parameters are prefixed p_ so they never shadow a
-- column; callers bind them (khuyencong/data/sql/data_*.sql).
CREATE MACRO data_allocations_rows(p_areas, p_current_units, p_include_illustrative, p_search, p_sources, p_year_from, p_year_to) AS TABLE
    WITH rows AS (
        SELECT
            al.unit_id, un.unit_name_vi, un.unit_name_en, al.area_id, al.year_from, al.year_to, al.funding_source, al.figure, al.amount_mvnd,
            al.note, al.doc_id, d.title AS doc_title, al.is_illustrative,
            ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
            concat_ws(' ', ua.name_vi, ua.name_en, ra.name_vi, ra.name_en, al.note, d.title) AS haystack
        FROM allocations_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to)
             AS al
        JOIN area AS ua ON ua.area_id = al.unit_id
        JOIN unit_names(p_current_units) AS un ON un.unit_id = al.unit_id
        JOIN area AS ra ON ra.area_id = al.area_id
        LEFT JOIN source_document AS d ON d.doc_id = al.doc_id
    )
    SELECT * EXCLUDE (haystack)
    FROM rows
    WHERE p_search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), p_search);

CREATE MACRO data_projects_rows(p_activities, p_areas, p_current_units, p_include_illustrative, p_search, p_sectors, p_sources, p_year_from, p_year_to) AS TABLE
    WITH rows AS (
        SELECT
            p.project_id, p.unit_id, un.unit_name_vi, un.unit_name_en, p.area_id, p.year, p.name, p.implementer, p.location,
            p.activity_id, p.sector_id, p.funding_source, p.plan_mvnd, p.actual_mvnd, p.counterpart_mvnd, p.status,
            p.note, p.doc_id, d.title AS doc_title, p.is_illustrative,
            ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
            concat_ws(' ', p.project_id, p.name, p.implementer, p.location, ua.name_vi, ua.name_en, ra.name_vi,
                      ra.name_en, ac.name_vi, ac.name_en, se.name_vi, se.name_en, p.note, d.title) AS haystack
        FROM projects_in_view(p_activities, p_areas, p_current_units, p_include_illustrative, p_sectors, p_sources,
                              p_year_from, p_year_to) AS p
        JOIN area AS ua ON ua.area_id = p.unit_id
        JOIN unit_names(p_current_units) AS un ON un.unit_id = p.unit_id
        JOIN area AS ra ON ra.area_id = p.area_id
        LEFT JOIN activity AS ac ON ac.activity_id = p.activity_id
        LEFT JOIN sector AS se ON se.sector_id = p.sector_id
        LEFT JOIN source_document AS d ON d.doc_id = p.doc_id
    )
    SELECT * EXCLUDE (haystack)
    FROM rows
    WHERE p_search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), p_search);

CREATE MACRO data_outcomes_rows(p_activities, p_areas, p_current_units, p_include_illustrative, p_search, p_sectors, p_year_from, p_year_to) AS TABLE
    WITH rows AS (
        SELECT
            o.unit_id, un.unit_name_vi, un.unit_name_en, o.area_id, o.year, o.period, o.activity_id, o.sector_id, o.indicator_id,
            i.name_vi AS indicator_vi, i.name_en AS indicator_en, i.unit_vi, i.unit_en, i.sort_order,
            o.plan_value, o.actual_value, o.prior_value, o.qualifier, o.note, o.doc_id, d.title AS doc_title,
            o.is_illustrative,
            ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
            concat_ws(' ', ua.name_vi, ua.name_en, ra.name_vi, ra.name_en, ac.name_vi, ac.name_en, se.name_vi,
                      se.name_en, i.name_vi, i.name_en, o.note, d.title) AS haystack
        FROM outcomes_in_view(p_activities, p_areas, p_current_units, p_include_illustrative, p_sectors, p_year_from,
                              p_year_to) AS o
        JOIN area AS ua ON ua.area_id = o.unit_id
        JOIN unit_names(p_current_units) AS un ON un.unit_id = o.unit_id
        JOIN area AS ra ON ra.area_id = o.area_id
        JOIN indicator AS i USING (indicator_id)
        LEFT JOIN activity AS ac ON ac.activity_id = o.activity_id
        LEFT JOIN sector AS se ON se.sector_id = o.sector_id
        LEFT JOIN source_document AS d ON d.doc_id = o.doc_id
    )
    SELECT * EXCLUDE (haystack)
    FROM rows
    WHERE p_search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), p_search);
