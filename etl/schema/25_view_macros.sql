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

-- The provinces a coverage count is out of: the 63 provinces of 2008–2025 as reported, or the 34 units from 1 July
-- 2025 in current-units mode. Hà Tây (to 7/2008) is in neither, and a unit formed on 1 July 2025 is not one of the 63.
CREATE MACRO province_set(p_current_units) AS TABLE
    SELECT area_id AS unit_id
    FROM area
    WHERE level = 'province'
      AND CASE WHEN p_current_units THEN valid_to IS NULL
               ELSE valid_from IS NULL AND coalesce(valid_to, DATE '9999-12-31') >= DATE '2008-08-01' END;

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

-- A project row counts as a project (đề án) unless its status says it is not one yet (project_status.is_project:
-- a registration, a proposal under appraisal); a row without a status is a listed project.
CREATE MACRO counts_as_project(r_status) AS
    coalesce((SELECT s.is_project FROM project_status AS s WHERE s.status_id = r_status), true);

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

-- The documents' own counts of đề án (outcome indicator de_an, all activities) in view, one per unit, span and
-- document: the count of all levels where the document gives one, else the sum of its levels of that span (KCĐP 12
-- + KCQG 2). A published count is never the listed projects (the project table): the two are never added. plan:
-- the count is planned (Ninh Thuận's 11 đề án of 2017), not carried out.
CREATE MACRO published_counts_in_view(p_areas, p_current_units, p_include_illustrative, p_year_from, p_year_to)
AS TABLE
    SELECT o.unit_id, coalesce(o.year_from, o.year) AS year_from, o.year AS year_to, o.doc_id,
           coalesce(max(coalesce(o.actual_value, o.plan_value)) FILTER (WHERE o.funding_source IS NULL),
                    sum(coalesce(o.actual_value, o.plan_value)))                           AS projects,
           bool_or(o.funding_source IS NULL)                                                AS all_levels,
           list(DISTINCT o.funding_source ORDER BY o.funding_source) FILTER (WHERE o.funding_source IS NOT NULL)
                                                                                            AS levels,
           bool_or(o.actual_value IS NULL)                                                  AS plan,
           list(DISTINCT o.qualifier ORDER BY o.qualifier)                                  AS qualifiers,
           bool_or(o.is_illustrative)                                                       AS is_illustrative
    FROM outcomes_in_view([], p_areas, p_current_units, p_include_illustrative, [], p_year_from, p_year_to) AS o
    WHERE o.indicator_id = 'de_an' AND o.activity_id IS NULL AND o.period = 'year'
      AND coalesce(o.actual_value, o.plan_value) IS NOT NULL
    GROUP BY o.unit_id, coalesce(o.year_from, o.year), o.year, o.doc_id;

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

-- Reports that differ: figures of one kind for the same area, years and funding source, from two or more documents
-- that give two or more different amounts (two versions of one figure). Figures of different kinds never differ:
-- a target beside an executed figure (Bắc Giang 2016–2020), a plan beside a later estimate (Lâm Đồng 2017) are
-- plan and actual, set side by side on Plan versus actual, not two reports in conflict. The Sources page lists
-- them side by side and the Trends chart marks their years.
CREATE VIEW v_differing_report AS
    WITH grouped AS (
        SELECT area_id, year_from, year_to, funding_source, figure
        FROM allocation
        WHERE amount_mvnd IS NOT NULL AND NOT is_illustrative
        GROUP BY ALL
        HAVING count(DISTINCT doc_id) > 1 AND count(DISTINCT amount_mvnd) > 1
    )
    SELECT a.area_id, a.year_from, a.year_to, a.funding_source, a.figure, a.amount_mvnd,
           coalesce(a.qualifier, 'exact') AS qualifier, a.value_as_written, a.doc_id, a.row_id
    FROM allocation AS a
    JOIN grouped USING (area_id, year_from, year_to, funding_source, figure)
    WHERE a.amount_mvnd IS NOT NULL AND NOT a.is_illustrative;

-- Period totals set against the annual figures inside them that do not agree: some years have annual figures and
-- either the annual figures add up to more than 1 % away from the stated total (Nghệ An's local 2002–2018: 60 tỷ
-- against the stated 53,7 tỷ) or some years of the span have none (Lâm Đồng's 2021–2025 target: 56,3 tỷ over
-- 2021–2024 against the stated 73,3 tỷ). A figure shown from those annual figures carries the difference, and the
-- stated total is one click away: never a silent override.
CREATE VIEW v_period_disagreement AS
    SELECT * FROM v_reconciliation
    WHERE years_reported > 0 AND (years_missing > 0 OR abs(gap_pct) > 1);

-- The total rule, for every kind of figure at once. Every reported allocation in view with `counted` saying whether
-- it goes into a sum, and when not, why (left_out):
--   partial      it covers only part of its span's last year (a first round, "by August"): never a whole year;
--   version      another document gives a newer version of the same figure (only the newest is counted);
--   outside      a period total that reaches beyond the selected years (never spread over them);
--   annual       a period total with annual figures inside its span (they are counted instead: never twice);
--   overlap      a period total that shares years with a later one of the same area, source and kind (Bình Định's
--                executed 2012–2016 beside 2016–2020: 2016 would count twice); the later span is counted, and
--                overlapped_by names it.
-- An annual figure is counted unless partial or an older version. is_khuyen_cong comes from funding_source: counterpart
-- capital and loans are not khuyến công money and stay out of khuyến công sums. period_differs: an annual figure lies
-- in a period total it does not agree with (v_period_disagreement).
CREATE MACRO counted_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to)
AS TABLE
    WITH rows AS (
        SELECT
            a.unit_id, a.area_id, a.funding_source, a.figure, a.year_from, a.year_to, a.amount_mvnd, a.doc_id,
            a.is_illustrative, coalesce(a.qualifier, 'exact') AS qualifier, a.value_as_written, a.partial_period,
            a.row_id,
            a.year_from = a.year_to                                         AS is_annual,
            a.year_from >= p_year_from AND a.year_to <= p_year_to           AS inside_selection,
            r.years_reported,
            r.annual_sum_mvnd,
            s.is_khuyen_cong,
            v.versions,
            v.version_rank,
            CASE WHEN a.partial_period IS NOT NULL THEN 'partial'
                 WHEN v.version_rank > 1 THEN 'version'
                 WHEN a.year_from = a.year_to THEN NULL
                 WHEN NOT (a.year_from >= p_year_from AND a.year_to <= p_year_to) THEN 'outside'
                 WHEN coalesce(r.years_reported, 0) > 0 THEN 'annual'
            END                                                             AS first_reason
        FROM allocations_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from, p_year_to)
             AS a
        JOIN funding_source AS s ON s.funding_source_id = a.funding_source
        JOIN v_allocation_version AS v
            ON v.area_id = a.area_id AND v.year_from = a.year_from AND v.year_to = a.year_to
           AND v.funding_source = a.funding_source AND v.figure = a.figure AND v.doc_id = a.doc_id
        LEFT JOIN v_reconciliation AS r
            ON a.year_from < a.year_to
           AND r.area_id = a.area_id AND r.funding_source = a.funding_source AND r.figure = a.figure
           AND r.year_from = a.year_from AND r.year_to = a.year_to AND r.period_doc_id = a.doc_id
        WHERE a.amount_mvnd IS NOT NULL
    ), overlapped AS (
        -- Of the period totals the rule would count, one that shares a year with a later one (a later end, or the
        -- same end and a later start) of the same area, source and kind gives way to it.
        SELECT c.area_id, c.funding_source, c.figure, c.year_from, c.year_to, c.doc_id,
               min(format('{}–{}', l.year_from, l.year_to)) AS overlapped_by
        FROM rows AS c
        JOIN rows AS l
          ON l.area_id = c.area_id AND l.funding_source = c.funding_source AND l.figure = c.figure
         AND NOT l.is_annual AND l.first_reason IS NULL
         AND l.year_from <= c.year_to AND l.year_to >= c.year_from
         AND (l.year_to > c.year_to OR (l.year_to = c.year_to AND l.year_from > c.year_from))
        WHERE NOT c.is_annual AND c.first_reason IS NULL
        GROUP BY ALL
    )
    SELECT
        r.* EXCLUDE (first_reason),
        coalesce(r.first_reason, CASE WHEN o.overlapped_by IS NOT NULL THEN 'overlap' END) AS left_out,
        coalesce(r.first_reason, CASE WHEN o.overlapped_by IS NOT NULL THEN 'overlap' END) IS NULL AS counted,
        o.overlapped_by,
        r.is_annual AND EXISTS (
            SELECT 1 FROM v_period_disagreement AS d
            WHERE d.area_id = r.area_id AND d.funding_source = r.funding_source AND d.figure = r.figure
              AND r.year_from BETWEEN d.year_from AND d.year_to)            AS period_differs
    FROM rows AS r
    LEFT JOIN overlapped AS o
        ON o.area_id = r.area_id AND o.funding_source = r.funding_source AND o.figure = r.figure
       AND o.year_from = r.year_from AND o.year_to = r.year_to AND o.doc_id = r.doc_id;

-- The total rule for one kind of figure (p_figure): the rows of counted_in_view of that kind.
CREATE MACRO funding_in_view(p_areas, p_current_units, p_figure, p_include_illustrative, p_sources, p_year_from,
                             p_year_to) AS TABLE
    SELECT * FROM counted_in_view(p_areas, p_current_units, p_include_illustrative, p_sources, p_year_from,
                                      p_year_to)
    WHERE figure = p_figure;

-- Comparable measures per unit, for one kind of figure (p_figure), of khuyến công money (counterpart capital and
-- loans left out): the latest year with a counted annual figure, the money of that year (every funding source it
-- reports, never a partial year) and its sources, and the average per reported year (the counted annual figures
-- over the number of years that have one). Sums over years that differ from unit to unit are not comparable; these
-- are. Period totals are kept as they are (period_totals.sql), never spread over years.
CREATE MACRO comparable_in_view(p_areas, p_current_units, p_figure, p_include_illustrative, p_sources, p_year_from,
                                p_year_to) AS TABLE
    WITH annual AS (
        SELECT * FROM funding_in_view(p_areas, p_current_units, p_figure, p_include_illustrative, p_sources,
                                      p_year_from, p_year_to)
        WHERE is_annual AND counted AND is_khuyen_cong
    ), latest AS (
        SELECT unit_id, max(year_from) AS latest_year FROM annual GROUP BY unit_id
    )
    SELECT
        a.unit_id,
        l.latest_year,
        sum(a.amount_mvnd) FILTER (WHERE a.year_from = l.latest_year)                       AS latest_mvnd,
        list(DISTINCT a.funding_source ORDER BY a.funding_source) FILTER (WHERE a.year_from = l.latest_year)
                                                                                            AS latest_sources,
        list(DISTINCT a.qualifier ORDER BY a.qualifier) FILTER (WHERE a.year_from = l.latest_year)
                                                                                            AS latest_qualifiers,
        list(DISTINCT a.doc_id ORDER BY a.doc_id) FILTER (WHERE a.year_from = l.latest_year) AS latest_doc_ids,
        coalesce(bool_or(a.is_illustrative) FILTER (WHERE a.year_from = l.latest_year), false) AS latest_illustrative,
        coalesce(bool_or(a.period_differs) FILTER (WHERE a.year_from = l.latest_year), false) AS latest_differs,
        sum(a.amount_mvnd) FILTER (WHERE a.year_from = l.latest_year AND a.funding_source = 'local')
                                                                                            AS latest_local_mvnd,
        sum(a.amount_mvnd) FILTER (WHERE a.year_from = l.latest_year AND a.funding_source = 'central')
                                                                                            AS latest_central_mvnd,
        list(DISTINCT a.qualifier ORDER BY a.qualifier)
            FILTER (WHERE a.year_from = l.latest_year AND a.funding_source = 'local')       AS latest_local_qualifiers,
        list(DISTINCT a.qualifier ORDER BY a.qualifier)
            FILTER (WHERE a.year_from = l.latest_year AND a.funding_source = 'central')     AS latest_central_qualifiers,
        count(DISTINCT a.year_from)                                                        AS years_reported,
        min(a.year_from)                                                                   AS first_year,
        sum(a.amount_mvnd) / count(DISTINCT a.year_from)                                   AS average_mvnd,
        list(DISTINCT a.qualifier ORDER BY a.qualifier)                                    AS average_qualifiers,
        list(DISTINCT a.doc_id ORDER BY a.doc_id)                                          AS doc_ids,
        coalesce(bool_or(a.is_illustrative), false)                                        AS has_illustrative,
        coalesce(bool_or(a.period_differs), false)                                         AS any_differs,
        list(DISTINCT a.area_id ORDER BY a.area_id) FILTER (WHERE a.year_from = l.latest_year) AS latest_areas,
        list(DISTINCT a.area_id ORDER BY a.area_id)                                        AS areas
    FROM annual AS a
    JOIN latest AS l USING (unit_id)
    GROUP BY a.unit_id, l.latest_year;

-- Which units have khuyến công money of one kind (p_figure) counted for every selected year (an annual figure, or a
-- counted period total covering the year): a sum across units is taken over these only, so that it never adds one
-- province's seventeen years to another's one. years_covered counts the selected years the unit covers.
CREATE MACRO year_coverage_in_view(p_areas, p_current_units, p_figure, p_include_illustrative, p_sources, p_year_from,
                                   p_year_to) AS TABLE
    SELECT
        f.unit_id,
        count(DISTINCT y.year)                                      AS years_covered,
        count(DISTINCT y.year) = p_year_to - p_year_from + 1        AS every_year
    FROM funding_in_view(p_areas, p_current_units, p_figure, p_include_illustrative, p_sources, p_year_from,
                         p_year_to) AS f
    JOIN range(p_year_from, p_year_to + 1) AS y(year) ON y.year BETWEEN f.year_from AND f.year_to
    WHERE f.counted AND f.is_khuyen_cong
    GROUP BY f.unit_id;

-- Leverage: counterpart đồng per đồng of khuyến công money, over the projects that report both amounts
-- (project_cube's counterpart_with_both_mvnd and actual_with_both_mvnd); NULL when there is nothing to divide by.
CREATE MACRO leverage(counterpart_with_both_mvnd, actual_with_both_mvnd) AS
    CAST(counterpart_with_both_mvnd AS DOUBLE) / nullif(CAST(actual_with_both_mvnd AS DOUBLE), 0);
