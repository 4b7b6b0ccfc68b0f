-- Outcome rows of the view as stored, for the Data page and its exports, with the indicator's unit (NULL = not
-- reported). Funding-source filters do not apply: outcomes carry no funding source.
-- $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
-- One page of rows, in a stable order: $limit rows from $offset (the exports ask for all of them at once).
SELECT *
FROM data_outcomes_rows($activities, $areas, $current_units, $include_illustrative, $search, $sectors, $year_from, $year_to)
ORDER BY unit_id, year, period, sort_order, activity_id, sector_id
LIMIT $limit OFFSET $offset;
