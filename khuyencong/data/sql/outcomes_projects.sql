-- The projects of the view, optionally of one activity ($activity) and sector ($sector; '' = none), largest first.
WITH units AS (
    SELECT area_id, CASE WHEN $current_units THEN current_area_id ELSE area_id END AS unit_id
    FROM v_area_current
)
SELECT
    p.project_id, u.unit_id, p.year, p.name, p.implementer, p.location,
    coalesce(p.activity_id, '') AS activity_id, coalesce(p.sector_id, '') AS sector_id, p.funding_source,
    p.plan_mvnd, p.actual_mvnd, p.counterpart_mvnd, p.status, p.doc_id, p.is_illustrative
FROM project AS p
JOIN units AS u USING (area_id)
WHERE p.year BETWEEN $year_from AND $year_to
  AND (p.funding_source IS NULL OR list_contains($sources::VARCHAR[], p.funding_source))
  AND (len($areas::VARCHAR[]) = 0 OR list_contains($areas::VARCHAR[], u.unit_id))
  AND (len($activities::VARCHAR[]) = 0 OR list_contains($activities::VARCHAR[], p.activity_id))
  AND (len($sectors::VARCHAR[]) = 0 OR list_contains($sectors::VARCHAR[], p.sector_id))
  AND ($include_illustrative OR NOT p.is_illustrative)
  AND ($activity IS NULL OR coalesce(p.activity_id, '') = $activity)
  AND ($sector IS NULL OR coalesce(p.sector_id, '') = $sector)
ORDER BY p.actual_mvnd DESC NULLS LAST, p.plan_mvnd DESC NULLS LAST, p.year DESC, p.project_id
LIMIT $limit;
