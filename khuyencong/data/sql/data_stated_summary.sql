-- How many stated totals are in view, from which documents, and whether any is illustrative.
SELECT count(*) AS total_rows, coalesce(list(DISTINCT doc_id ORDER BY doc_id), []) AS doc_ids,
       coalesce(bool_or(is_illustrative), false) AS has_illustrative
FROM data_stated_rows($areas, $current_units, $search, $sources, $year_from, $year_to);
