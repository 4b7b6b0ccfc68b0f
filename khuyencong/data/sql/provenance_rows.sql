-- The rows behind one key figure or chart, for its "Số liệu gốc và tài liệu" dialog: the rows in view of the
-- tables it rests on ($tables: 'allocation', 'project', 'outcome'), of its documents ($doc_ids, [] = every
-- document), allocations only of its kinds of figure ($kinds, [] = every kind), each with its words as published and
-- the sentence quoted from the document. At most $limit rows, in a stable order; total_rows counts them all.
WITH rows AS (
    SELECT 'allocation' AS source_table, a.unit_id, a.year_from, a.year_to, a.figure AS what,
           concat_ws(' · ', fk.name_vi, fs.name_vi) AS what_vi, concat_ws(' · ', fk.name_en, fs.name_en) AS what_en,
           a.qualifier, a.amount_mvnd AS value, a.value_as_written, coalesce(a.quote, a.note) AS quote, a.doc_id,
           a.is_illustrative
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS a
    JOIN figure_kind AS fk ON fk.figure_id = a.figure
    LEFT JOIN funding_source AS fs ON fs.funding_source_id = a.funding_source
    WHERE list_contains($tables, 'allocation') AND (len($kinds) = 0 OR list_contains($kinds, a.figure))
    UNION ALL
    SELECT 'project', unit_id, year, year, project_id, name, name, NULL, coalesce(actual_mvnd, plan_mvnd), NULL, note,
           doc_id, is_illustrative
    FROM projects_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources, $year_from,
                          $year_to)
    WHERE list_contains($tables, 'project')
    UNION ALL
    SELECT 'outcome', o.unit_id, coalesce(o.year_from, o.year), o.year, o.indicator_id, i.name_vi, i.name_en,
           o.qualifier, coalesce(o.actual_value, o.plan_value), o.value_as_written, coalesce(o.quote, o.note), o.doc_id,
           o.is_illustrative
    FROM outcomes_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $year_from, $year_to)
         AS o
    JOIN indicator AS i USING (indicator_id)
    WHERE list_contains($tables, 'outcome')
)
SELECT r.*, un.unit_name_vi, un.unit_name_en, count(*) OVER () AS total_rows
FROM rows AS r
JOIN unit_names($current_units) AS un ON un.unit_id = r.unit_id
WHERE len($doc_ids) = 0 OR list_contains($doc_ids, r.doc_id)
ORDER BY r.source_table, r.unit_id, r.year_from, r.year_to, r.what, r.doc_id
LIMIT $limit;
