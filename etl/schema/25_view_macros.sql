-- The rules of "in view", written once. Every dashboard query (khuyencong/data/sql/*.sql) and the Data page macros
-- (30_data_rows.sql) start from these macros, binding the shared filters of Filters.sql_params(); no query repeats
-- the unit mapping or a filter predicate. Parameters are prefixed p_ so they never shadow a column, and are listed
-- in alphabetical order. Tables the macros read but the schema does not create (project_cube, outcome_cube: built
-- by etl/cubes.py) are looked up when a macro is called.

-- The unit a row counts under: the reporting unit, or in current-units mode its unit after 1 July 2025
-- (Thái Bình's rows count under Hưng Yên), with the unit's level (province, region, national) for area_in_view.
CREATE MACRO view_units(p_current_units) AS TABLE
    SELECT v.area_id, u.area_id AS unit_id, u.level AS unit_level
    FROM v_area_current AS v
    JOIN area AS u ON u.area_id = CASE WHEN p_current_units THEN v.current_area_id ELSE v.area_id END;

-- The name a unit is shown by, in both languages. In current-units mode every unit is current and goes by its name;
-- else a unit that began with the 2025 reorganisation is marked "(từ 7/2025)" and a province that ended is marked
-- with its last month ("(đến 6/2025)"; Hà Tây "(đến 7/2008)"), so that the two Hưng Yên can be told apart.
CREATE MACRO unit_names(p_current_units) AS TABLE
    SELECT
        a.area_id AS unit_id,
        a.name_vi || CASE WHEN p_current_units THEN ''
                          WHEN a.area_id LIKE '%-2025' THEN ' (từ 7/2025)'
                          WHEN v.current_area_id <> a.area_id AND a.level = 'province'
                          THEN ' (đến ' || month(a.valid_to) || '/' || year(a.valid_to) || ')'
                          ELSE '' END AS unit_name_vi,
        a.name_en || CASE WHEN p_current_units THEN ''
                          WHEN a.area_id LIKE '%-2025' THEN ' (from Jul 2025)'
                          WHEN v.current_area_id <> a.area_id AND a.level = 'province'
                          THEN ' (to ' || strftime(a.valid_to, '%b %Y') || ')'
                          ELSE '' END AS unit_name_en
    FROM area AS a
    JOIN v_area_current AS v USING (area_id);

-- The shared predicates. An empty list of activities, sectors or funding sources selects all. An empty list of
-- areas ("all areas") selects every province but no region and not the national programme: their figures cover
-- provinces already (or some of them, unnamed), so adding them to provinces would count money twice. A region or
-- the national unit is in view only when selected by name.
CREATE MACRO area_in_view(p_areas, unit_id, unit_level) AS
    CASE WHEN len(p_areas::VARCHAR[]) = 0 THEN unit_level = 'province'
         ELSE list_contains(p_areas::VARCHAR[], unit_id) END;
CREATE MACRO code_in_view(p_codes, code) AS
    len(p_codes::VARCHAR[]) = 0 OR list_contains(p_codes::VARCHAR[], code);
CREATE MACRO source_in_view(p_sources, funding_source) AS
    len(p_sources::VARCHAR[]) = 0 OR list_contains(p_sources::VARCHAR[], funding_source);
CREATE MACRO illustrative_in_view(p_include_illustrative, is_illustrative) AS
    p_include_illustrative OR NOT is_illustrative;

-- The funding source rule of counts (projects, establishments supported): a row with a source is in view when its
-- source is selected, as the total's rows are; a row reported without a source counts for khuyến công as a whole
-- (it cannot be split by source), so it stays in view while the filter selects every source or at least one
-- khuyến công source, and leaves when only non-khuyến công sources (counterpart capital) are selected: a count
-- never stands beside a total that is "not reported" for the same sources.
CREATE MACRO count_source_in_view(p_sources, r_funding_source) AS
    CASE WHEN r_funding_source IS NOT NULL THEN source_in_view(p_sources, r_funding_source)
         ELSE len(p_sources::VARCHAR[]) = 0
              OR EXISTS (SELECT 1 FROM funding_source AS s
                         WHERE s.is_khuyen_cong AND list_contains(p_sources::VARCHAR[], s.funding_source_id)) END;

-- Allocations in view, as rows (allocation) and set against their annual figures (v_reconciliation), by one
-- predicate: a row's span (year_from..year_to) overlaps the selected years, so a period total stays one row.
-- Activity and sector filters do not apply: allocations are not split by them. r_ parameters are the row's values.
CREATE MACRO span_in_view(p_areas, p_include_illustrative, p_sources, p_year_from, p_year_to, r_unit_id, r_unit_level,
                          r_year_from, r_year_to, r_funding_source, r_is_illustrative) AS
    r_year_to >= p_year_from AND r_year_from <= p_year_to
    AND source_in_view(p_sources, r_funding_source)
    AND area_in_view(p_areas, r_unit_id, r_unit_level)
    AND illustrative_in_view(p_include_illustrative, r_is_illustrative);

CREATE MACRO allocations_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to)
AS TABLE
    SELECT u.unit_id, a.*
    FROM allocation AS a
    JOIN view_units(p_current_units) AS u USING (area_id)
    WHERE span_in_view(p_areas, p_include_illustrative, p_sources, p_year_from, p_year_to, u.unit_id, u.unit_level,
                       a.year_from, a.year_to, a.funding_source, a.is_illustrative);

-- Projects in view, as rows (project) and summed (project_cube), by one predicate; the funding source by the rule of
-- counts (count_source_in_view). r_ parameters are the row's values.
CREATE MACRO project_in_view(p_activities, p_areas, p_include_illustrative, p_sectors, p_sources, p_year_from,
                             p_year_to, r_unit_id, r_unit_level, r_year, r_funding_source, r_activity_id,
                             r_sector_id, r_is_illustrative) AS
    r_year BETWEEN p_year_from AND p_year_to
    AND count_source_in_view(p_sources, r_funding_source)
    AND area_in_view(p_areas, r_unit_id, r_unit_level)
    AND code_in_view(p_activities, r_activity_id)
    AND code_in_view(p_sectors, r_sector_id)
    AND illustrative_in_view(p_include_illustrative, r_is_illustrative);

CREATE MACRO projects_in_view(p_activities, p_areas, p_current_units, p_include_illustrative, p_sectors, p_sources,
                              p_year_from, p_year_to) AS TABLE
    SELECT u.unit_id, p.*
    FROM project AS p
    JOIN view_units(p_current_units) AS u USING (area_id)
    WHERE project_in_view(p_activities, p_areas, p_include_illustrative, p_sectors, p_sources, p_year_from,
                          p_year_to, u.unit_id, u.unit_level, p.year, p.funding_source, p.activity_id,
                          p.sector_id, p.is_illustrative);

CREATE MACRO project_cube_in_view(p_activities, p_areas, p_current_units, p_include_illustrative, p_sectors,
                                  p_sources, p_year_from, p_year_to) AS TABLE
    SELECT u.unit_id, p.*
    FROM project_cube AS p
    JOIN view_units(p_current_units) AS u USING (area_id)
    WHERE project_in_view(p_activities, p_areas, p_include_illustrative, p_sectors, p_sources, p_year_from,
                          p_year_to, u.unit_id, u.unit_level, p.year, p.funding_source, p.activity_id,
                          p.sector_id, p.is_illustrative);

-- Outcomes in view, as rows (outcome) and summed (outcome_cube), by one predicate. The funding source filter does
-- not apply: most outcomes carry no source.
CREATE MACRO outcome_in_view(p_activities, p_areas, p_include_illustrative, p_sectors, p_year_from, p_year_to,
                             r_unit_id, r_unit_level, r_year, r_activity_id, r_sector_id, r_is_illustrative) AS
    r_year BETWEEN p_year_from AND p_year_to
    AND area_in_view(p_areas, r_unit_id, r_unit_level)
    AND code_in_view(p_activities, r_activity_id)
    AND code_in_view(p_sectors, r_sector_id)
    AND illustrative_in_view(p_include_illustrative, r_is_illustrative);

CREATE MACRO outcomes_in_view(p_activities, p_areas, p_current_units, p_include_illustrative, p_sectors,
                              p_year_from, p_year_to) AS TABLE
    SELECT u.unit_id, o.*
    FROM outcome AS o
    JOIN view_units(p_current_units) AS u USING (area_id)
    WHERE outcome_in_view(p_activities, p_areas, p_include_illustrative, p_sectors, p_year_from, p_year_to,
                          u.unit_id, u.unit_level, o.year, o.activity_id, o.sector_id, o.is_illustrative);

-- The summed outcomes count as annual figures by one rule: a count over several years (year_from < year) is never
-- added into a year's sum (it stays a row of outcomes_in_view, shown on the Data page); and where a year's count is
-- reported both as a total (funding_source NULL) and in parts by funding source for the same area, year, period and
-- indicator, only the total counts (parts count only when no total exists), so a count is never added twice.
CREATE MACRO outcome_cube_in_view(p_activities, p_areas, p_current_units, p_include_illustrative, p_sectors,
                                  p_year_from, p_year_to) AS TABLE
    SELECT * EXCLUDE (has_total)
    FROM (
        SELECT u.unit_id, o.*,
               bool_or(o.funding_source IS NULL) OVER (PARTITION BY o.area_id, o.year, o.period, o.indicator_id)
                   AS has_total
        FROM outcome_cube AS o
        JOIN view_units(p_current_units) AS u USING (area_id)
        WHERE NOT o.spans_years
          AND outcome_in_view(p_activities, p_areas, p_include_illustrative, p_sectors, p_year_from, p_year_to,
                              u.unit_id, u.unit_level, o.year, o.activity_id, o.sector_id, o.is_illustrative)
    )
    WHERE funding_source IS NULL OR NOT has_total;

-- Period totals in view set against their annual figures (v_reconciliation), by the allocation predicate above.
CREATE MACRO reconciliation_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from,
                                    p_year_to) AS TABLE
    SELECT u.unit_id, r.*
    FROM v_reconciliation AS r
    JOIN view_units(p_current_units) AS u USING (area_id)
    WHERE span_in_view(p_areas, p_include_illustrative, p_sources, p_year_from, p_year_to, u.unit_id, u.unit_level,
                       r.year_from, r.year_to, r.funding_source, r.includes_illustrative);

-- Versions of one figure: the same kind of figure for the same area, years and funding source, from more than one
-- document (Lâm Đồng's plan of July 2017 and its estimate of January 2018 are two kinds, not two versions). Every
-- version is kept and shown; a sum counts only the newest document's (version_rank 1), so never two versions.
CREATE VIEW v_allocation_version AS
    SELECT
        a.area_id, a.year_from, a.year_to, a.funding_source, a.figure, a.doc_id,
        row_number() OVER figure_versions                                          AS version_rank,
        count(*) OVER (PARTITION BY a.area_id, a.year_from, a.year_to, a.funding_source, a.figure) AS versions
    FROM allocation AS a
    JOIN source_document AS d USING (doc_id)
    WINDOW figure_versions AS (PARTITION BY a.area_id, a.year_from, a.year_to, a.funding_source, a.figure
                               ORDER BY d.published_on DESC NULLS LAST, a.doc_id);

-- Reports that differ: figures for the same area, years and funding source, from two or more documents that give
-- two or more different amounts, whatever their kinds (a plan against a later estimate, two versions of one
-- figure). The Sources page lists them side by side and the Trends chart marks their years.
CREATE VIEW v_differing_report AS
    WITH grouped AS (
        SELECT area_id, year_from, year_to, funding_source
        FROM allocation
        WHERE amount_mvnd IS NOT NULL AND NOT is_illustrative
        GROUP BY ALL
        HAVING count(DISTINCT doc_id) > 1 AND count(DISTINCT amount_mvnd) > 1
    )
    SELECT a.area_id, a.year_from, a.year_to, a.funding_source, a.figure, a.amount_mvnd,
           coalesce(a.qualifier, 'exact') AS qualifier, a.value_as_written, a.doc_id, a.row_id
    FROM allocation AS a
    JOIN grouped USING (area_id, year_from, year_to, funding_source)
    WHERE a.amount_mvnd IS NOT NULL AND NOT a.is_illustrative;

-- The total rule. Every reported allocation of one kind (p_figure) in view, with `counted` saying whether it goes
-- into a total: an annual figure (year_from = year_to) always; a period total only when it lies inside the selected
-- years and no year of its span has an annual figure (never double-counted, never spread). is_khuyen_cong comes
-- from funding_source: counterpart capital is not khuyến công money and stays out of the khuyến công total.
CREATE MACRO funding_in_view(p_areas, p_current_units, p_figure, p_include_illustrative, p_sources, p_year_from,
                             p_year_to) AS TABLE
    SELECT
        a.unit_id, a.area_id, a.funding_source, a.figure, a.year_from, a.year_to, a.amount_mvnd, a.doc_id,
        a.is_illustrative, coalesce(a.qualifier, 'exact') AS qualifier, a.value_as_written,
        a.year_from = a.year_to                                         AS is_annual,
        a.year_from >= p_year_from AND a.year_to <= p_year_to           AS inside_selection,
        r.years_reported,
        r.annual_sum_mvnd,
        (a.year_from = a.year_to
            OR (a.year_from >= p_year_from AND a.year_to <= p_year_to AND coalesce(r.years_reported, 0) = 0)
            -- and of several versions of one figure only the newest
        ) AND v.version_rank = 1                                        AS counted,
        s.is_khuyen_cong,
        v.versions,
        v.version_rank
    FROM allocations_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to) AS a
    JOIN funding_source AS s ON s.funding_source_id = a.funding_source
    JOIN v_allocation_version AS v
        ON v.area_id = a.area_id AND v.year_from = a.year_from AND v.year_to = a.year_to
       AND v.funding_source = a.funding_source AND v.figure = a.figure AND v.doc_id = a.doc_id
    LEFT JOIN v_reconciliation AS r
        ON a.year_from < a.year_to
       AND r.area_id = a.area_id AND r.funding_source = a.funding_source AND r.figure = a.figure
       AND r.year_from = a.year_from AND r.year_to = a.year_to
    WHERE a.figure = p_figure
      AND a.amount_mvnd IS NOT NULL;

-- Leverage: counterpart đồng per đồng of khuyến công money, over the projects that report both amounts
-- (project_cube's counterpart_with_both_mvnd and actual_with_both_mvnd); NULL when there is nothing to divide by.
CREATE MACRO leverage(counterpart_with_both_mvnd, actual_with_both_mvnd) AS
    CAST(counterpart_with_both_mvnd AS DOUBLE) / nullif(CAST(actual_with_both_mvnd AS DOUBLE), 0);
