-- The 63 provinces of 2008–2025, numbered 0..62 by statistics code; 2025 is reported by the unit after 1 July 2025.
CREATE TEMP TABLE national_area AS
SELECT (row_number() OVER (ORDER BY a.gso_code) - 1)::INTEGER AS k, a.area_id, a.name_vi, c.current_area_id
FROM area AS a
JOIN v_area_current AS c USING (area_id)
WHERE a.level = 'province' AND a.area_id IN (SELECT from_area_id FROM area_crosswalk) AND a.area_id <> 'ha-tay';
