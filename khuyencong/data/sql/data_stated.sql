-- Totals as a source states them (stated_figure) in view, for the Data page and its exports (amounts in triệu
-- đồng), apart from the allocations they may be the sum of. A row is in view when its span overlaps the selected
-- years. $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
-- One page of rows, in a stable order: $limit rows from $offset (the exports ask for all of them at once).
SELECT *
FROM data_stated_rows($areas, $current_units, $search, $sources, $year_from, $year_to)
ORDER BY unit_id, year_from, year_to, funding_source NULLS FIRST, measure, figure, doc_id
LIMIT $limit OFFSET $offset;
