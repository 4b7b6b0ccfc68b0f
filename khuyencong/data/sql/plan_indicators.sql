-- Plan, actual and same period of the year before (cùng kỳ) per unit and indicator for one year and a set of periods:
-- one period (['H1']) or quarters I..n to date (lũy kế, ['Q1', 'Q2']). Units from indicator.unit_vi / unit_en.
-- A sum is NULL (not reported) unless every row and every period in it reports the value: a partial sum would
-- pass for a complete one. Real and illustrative rows are never added together. Reported percentages are kept
-- only where one reported row stands alone (a percentage cannot be summed).
WITH rows_in_view AS (
    SELECT o.*
    FROM outcomes_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year, $year) AS o
    WHERE list_contains($periods::VARCHAR[], o.period)
),
-- One activity × sector line over the periods asked for.
per_line AS (
    SELECT
        unit_id, indicator_id, activity_id, sector_id, is_illustrative,
        CASE WHEN count(DISTINCT period) = len($periods::VARCHAR[]) AND count(plan_value) = count(*)
             THEN sum(plan_value) END                                  AS plan_value,
        CASE WHEN count(DISTINCT period) = len($periods::VARCHAR[]) AND count(actual_value) = count(*)
             THEN sum(actual_value) END                                AS actual_value,
        CASE WHEN count(DISTINCT period) = len($periods::VARCHAR[]) AND count(prior_value) = count(*)
             THEN sum(prior_value) END                                 AS prior_value,
        count(*)                                                       AS source_rows,
        any_value(plan_pct_reported)                                   AS plan_pct_reported,
        any_value(plan_pct_basis)                                      AS plan_pct_basis,
        any_value(prior_pct_reported)                                  AS prior_pct_reported,
        list(DISTINCT qualifier)                                       AS qualifiers,
        list(DISTINCT note) FILTER (WHERE note IS NOT NULL)            AS notes,
        list(DISTINCT doc_id)                                          AS doc_ids
    FROM rows_in_view
    GROUP BY unit_id, indicator_id, activity_id, sector_id, is_illustrative
)
SELECT
    l.unit_id,
    l.indicator_id,
    i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.is_money, i.sort_order,
    l.is_illustrative,
    count(*)                                                                   AS lines,
    CASE WHEN count(l.plan_value) = count(*) THEN sum(l.plan_value) END        AS plan_value,
    CASE WHEN count(l.actual_value) = count(*) THEN sum(l.actual_value) END    AS actual_value,
    CASE WHEN count(l.prior_value) = count(*) THEN sum(l.prior_value) END      AS prior_value,
    CASE WHEN sum(l.source_rows) = 1 THEN any_value(l.plan_pct_reported) END   AS plan_pct_reported,
    CASE WHEN sum(l.source_rows) = 1 THEN any_value(l.plan_pct_basis) END      AS plan_pct_basis,
    CASE WHEN sum(l.source_rows) = 1 THEN any_value(l.prior_pct_reported) END  AS prior_pct_reported,
    list_sort(list_distinct(flatten(list(l.qualifiers))))                      AS qualifiers,
    list_sort(list_distinct(flatten(list(l.notes))))                           AS notes,
    list_sort(list_distinct(flatten(list(l.doc_ids))))                         AS doc_ids
FROM per_line AS l
JOIN indicator AS i USING (indicator_id)
GROUP BY l.unit_id, l.indicator_id, i.name_vi, i.name_en, i.unit_vi, i.unit_en, i.is_money, i.sort_order,
         l.is_illustrative
ORDER BY l.unit_id, i.sort_order, l.is_illustrative;
