-- The number of đề án each unit's documents publish (outcome indicator de_an, all activities), for its latest span
-- in view: the count of all levels where the document gives one, else the sum of its levels of that span and
-- document (KCĐP 12 + KCQG 2). A published count is not the listed projects (the project table): the two are never
-- added. plan: the count is a plan (Ninh Thuận's 11 planned đề án), not a count of projects carried out.
WITH counts AS (
    SELECT o.unit_id, coalesce(o.year_from, o.year) AS year_from, o.year AS year_to, o.doc_id, o.funding_source,
           coalesce(o.actual_value, o.plan_value) AS projects, o.actual_value IS NULL AS plan,
           o.qualifier, o.is_illustrative
    FROM outcomes_in_view([], $areas, $current_units, $include_illustrative, [], $year_from, $year_to) AS o
    WHERE o.indicator_id = 'de_an' AND o.activity_id IS NULL AND o.period = 'year'
      AND coalesce(o.actual_value, o.plan_value) IS NOT NULL
), spans AS (
    -- per unit, span and document: the all-levels count if given, else the sum of the levels
    SELECT unit_id, year_from, year_to, doc_id,
           coalesce(max(projects) FILTER (WHERE funding_source IS NULL), sum(projects)) AS projects,
           bool_or(funding_source IS NULL)                                          AS all_levels,
           list(DISTINCT funding_source ORDER BY funding_source) FILTER (WHERE funding_source IS NOT NULL) AS levels,
           bool_or(plan)                                                            AS plan,
           list(DISTINCT qualifier ORDER BY qualifier)                              AS qualifiers,
           bool_or(is_illustrative)                                                 AS is_illustrative
    FROM counts
    GROUP BY ALL
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY unit_id
                                 ORDER BY plan, year_to DESC, year_from DESC, all_levels DESC, projects DESC) AS rank,
           count(*) OVER (PARTITION BY unit_id) AS spans
    FROM spans
)
SELECT r.unit_id, n.unit_name_vi, n.unit_name_en, r.year_from, r.year_to, r.projects, r.plan, r.all_levels, r.levels,
       r.qualifiers, r.doc_id, r.is_illustrative, r.spans
FROM ranked AS r
JOIN unit_names($current_units) AS n USING (unit_id)
WHERE r.rank = 1
ORDER BY r.projects DESC, n.unit_name_vi;
