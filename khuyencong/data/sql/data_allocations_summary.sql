-- How many allocations rows are in view, from which documents, and whether any is illustrative.
SELECT count(*) AS total_rows, coalesce(list(DISTINCT doc_id ORDER BY doc_id), []) AS doc_ids,
       coalesce(bool_or(is_illustrative), false) AS has_illustrative
FROM data_allocations_rows($areas, $current_units, $include_illustrative, $search, $sources, $year_from, $year_to);
