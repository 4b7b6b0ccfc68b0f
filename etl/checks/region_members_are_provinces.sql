-- severity: error
-- Members of a reported regional grouping are provinces, and the grouping is a region.
SELECT m.region_id, r.level AS region_level, m.area_id, a.level AS member_level, m.doc_id
FROM region_member AS m
JOIN area AS r ON r.area_id = m.region_id
JOIN area AS a ON a.area_id = m.area_id
WHERE r.level <> 'region' OR a.level <> 'province';
