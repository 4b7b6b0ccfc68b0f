-- Every count of đề án the documents publish for the units in view (published_counts_in_view), latest span first.
SELECT *
FROM published_counts_in_view($areas, $current_units, $include_illustrative, $year_from, $year_to)
ORDER BY unit_id, year_to DESC, year_from DESC, doc_id;
