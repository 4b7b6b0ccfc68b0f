-- The projects of the view, optionally of one activity ($activity) and sector ($sector; '' = none), largest first;
-- with $with_actual only those whose executed money is reported (a ranking by money ranks nothing else).
SELECT
    p.project_id, p.unit_id, n.unit_name_vi, n.unit_name_en, p.year, p.name, p.implementer, p.location,
    coalesce(p.activity_id, '') AS activity_id, coalesce(p.sector_id, '') AS sector_id, p.funding_source,
    p.plan_mvnd, p.actual_mvnd, p.counterpart_mvnd, p.status, p.doc_id, p.is_illustrative
FROM projects_in_view($activities, $areas, $current_units, $include_illustrative, $sectors, $sources, $year_from,
                      $year_to) AS p
JOIN unit_names($current_units) AS n USING (unit_id)
WHERE ($activity IS NULL OR coalesce(p.activity_id, '') = $activity)
  AND ($sector IS NULL OR coalesce(p.sector_id, '') = $sector)
  AND (NOT $with_actual OR p.actual_mvnd IS NOT NULL)
ORDER BY p.actual_mvnd DESC NULLS LAST, p.plan_mvnd DESC NULLS LAST, p.year DESC, p.project_id
LIMIT $limit;
