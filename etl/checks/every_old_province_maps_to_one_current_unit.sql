-- severity: error
-- Each of the 63 provinces of 2008–2025 and Hà Tây has exactly one unit after 1 July 2025, and that unit is current.
SELECT a.area_id, count(x.from_area_id) AS mappings, any_value(c.valid_to) AS target_valid_to
FROM area AS a
LEFT JOIN area_crosswalk AS x ON x.from_area_id = a.area_id
LEFT JOIN area AS c ON c.area_id = x.to_area_id
WHERE a.level = 'province' AND a.valid_from IS NULL
GROUP BY a.area_id
HAVING count(x.from_area_id) <> 1 OR any_value(c.valid_to) IS NOT NULL;
