-- The documents' own count of đề án of each unit in view, for its latest span (published_counts_in_view): a count
-- carried out before a planned one, the latest span first, a count of all levels before a sum of levels. spans: how
-- many published counts the unit has in view.
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY unit_id
                                 ORDER BY plan, year_to DESC, year_from DESC, all_levels DESC, projects DESC) AS rank,
           count(*) OVER (PARTITION BY unit_id) AS spans
    FROM published_counts_in_view($areas, $current_units, $include_illustrative, $year_from, $year_to)
)
SELECT r.unit_id, n.unit_name_vi, n.unit_name_en, r.year_from, r.year_to, r.projects, r.plan, r.all_levels, r.levels,
       r.qualifiers, r.doc_id, r.is_illustrative, r.spans
FROM ranked AS r
JOIN unit_names($current_units) AS n USING (unit_id)
WHERE r.rank = 1
ORDER BY r.projects DESC, n.unit_name_vi;
