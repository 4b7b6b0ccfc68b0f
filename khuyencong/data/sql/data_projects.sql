-- Project (đề án) rows of the view as stored, for the Data page and its exports (amounts in triệu đồng, NULL = not
-- reported). Same filters as outcomes_projects.sql; a project without a funding source stays in view.
-- $search is an accent-folded, lower-case needle ('' = no search) matched against the row's text.
-- One page of rows, in a stable order: $limit rows from $offset (the exports ask for all of them at once).
SELECT *
FROM data_projects_rows($activities, $areas, $current_units, $include_illustrative, $search, $sectors, $sources, $year_from, $year_to)
ORDER BY unit_id, year, project_id
LIMIT $limit OFFSET $offset;
