-- The Data page's rows per table under the shared filters and an accent-folded search, as table macros so that
-- the page query (one sorted page at a time) and the summary query (count, documents) share one definition.
-- Rows in view come from the macros of 25_view_macros.sql. Parameters are prefixed p_ so they never shadow a
-- column; callers bind them (khuyencong/data/sql/data_*.sql).
CREATE MACRO data_allocations_rows(p_areas, p_current_units, p_include_illustrative, p_search, p_sources, p_year_from, p_year_to) AS TABLE
    WITH rows AS (
        SELECT
            al.unit_id, un.unit_name_vi, un.unit_name_en, al.area_id, al.year_from, al.year_to, al.funding_source, al.figure,
            fk.side, al.amount_mvnd, coalesce(al.qualifier, 'exact') AS qualifier, q.symbol AS qualifier_symbol,
            al.value_as_written, al.note, al.doc_id, d.title AS doc_title, d.publisher AS doc_publisher,
            d.published_on AS doc_published_on, d.date_note AS doc_date_note, d.url AS doc_url, al.is_illustrative,
            ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
            concat_ws(' ', ua.name_vi, ua.name_en, ra.name_vi, ra.name_en, al.value_as_written, al.note, d.title)
                AS haystack
        FROM allocations_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to)
             AS al
        JOIN area AS ua ON ua.area_id = al.unit_id
        JOIN unit_names(p_current_units) AS un ON un.unit_id = al.unit_id
        JOIN area AS ra ON ra.area_id = al.area_id
        JOIN figure_kind AS fk ON fk.figure_id = al.figure
        LEFT JOIN qualifier AS q ON q.qualifier_id = coalesce(al.qualifier, 'exact')
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
            p.note, p.doc_id, d.title AS doc_title, d.publisher AS doc_publisher, d.published_on AS doc_published_on,
            d.date_note AS doc_date_note, d.url AS doc_url, p.is_illustrative,
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
            o.plan_value, o.actual_value, o.prior_value, o.qualifier, o.value_as_written, o.note, o.doc_id,
            d.title AS doc_title, d.publisher AS doc_publisher, d.published_on AS doc_published_on,
            d.date_note AS doc_date_note, d.url AS doc_url, o.is_illustrative,
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

-- Totals as a source states them (stated_figure: "2.925 triệu đồng" for Bình Định 2016, of which the levels are
-- allocation rows), kept apart from the allocations and never summed with them. A total of all levels (funding_source
-- NULL) stays in view whatever sources are selected, as a project without a source does; stated figures are all
-- transcribed from documents (never illustrative).
CREATE MACRO data_stated_rows(p_areas, p_current_units, p_search, p_sources, p_year_from, p_year_to) AS TABLE
    WITH rows AS (
        SELECT
            u.unit_id, un.unit_name_vi, un.unit_name_en, s.area_id, s.year_from, s.year_to, s.funding_source,
            s.measure, s.figure, fk.side, s.amount_mvnd, s.qualifier, q.symbol AS qualifier_symbol,
            s.value_as_written, s.includes_counterpart, s.note, s.doc_id, d.title AS doc_title,
            d.publisher AS doc_publisher, d.published_on AS doc_published_on, d.date_note AS doc_date_note,
            d.url AS doc_url,
            false AS is_illustrative,
            ra.name_vi AS reported_name_vi, ra.name_en AS reported_name_en,
            concat_ws(' ', ua.name_vi, ua.name_en, ra.name_vi, ra.name_en, s.value_as_written, s.note, d.title)
                AS haystack
        FROM stated_figure AS s
        JOIN view_units(p_current_units) AS u USING (area_id)
        JOIN area AS ua ON ua.area_id = u.unit_id
        JOIN unit_names(p_current_units) AS un ON un.unit_id = u.unit_id
        JOIN area AS ra ON ra.area_id = s.area_id
        LEFT JOIN figure_kind AS fk ON fk.figure_id = s.figure
        LEFT JOIN qualifier AS q ON q.qualifier_id = s.qualifier
        LEFT JOIN source_document AS d ON d.doc_id = s.doc_id
        WHERE span_in_view(p_areas, false, CASE WHEN s.funding_source IS NULL THEN [] ELSE p_sources END,
                           p_year_from, p_year_to, u.unit_id, u.unit_level, s.year_from, s.year_to,
                           s.funding_source, false)
    )
    SELECT * EXCLUDE (haystack)
    FROM rows
    WHERE p_search = '' OR contains(lower(strip_accents(replace(replace(haystack, 'Đ', 'D'), 'đ', 'd'))), p_search);
