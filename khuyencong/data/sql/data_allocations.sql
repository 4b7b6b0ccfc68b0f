-- Allocation rows of the view as stored, for the Data page and its exports (amounts in triệu đồng, NULL = not
-- reported). A row is in view when its span (year_from..year_to) overlaps the selected years, so a period total
-- stays one row and is never split. Activity and sector filters do not apply: allocations are not split by them.
-- $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
-- One page of rows, in a stable order: $limit rows from $offset (the exports ask for all of them at once).
SELECT *
FROM data_allocations_rows($areas, $current_units, $include_illustrative, $search, $sources, $year_from, $year_to)
ORDER BY unit_id, year_from, year_to, funding_source, figure, doc_id
LIMIT $limit OFFSET $offset;
