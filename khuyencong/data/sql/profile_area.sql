-- One unit for its profile page ($area): its names (unit_names, marked where it ended or began in 2025), level, and
-- its socio-economic region (for its place among the region's provinces).
SELECT
    a.area_id,
    a.level,
    n.unit_name_vi,
    n.unit_name_en,
    a.region_id,
    r.name_vi AS region_name_vi,
    r.name_en AS region_name_en
FROM area AS a
JOIN unit_names($current_units) AS n ON n.unit_id = a.area_id
LEFT JOIN area AS r ON r.area_id = a.region_id
WHERE a.area_id = $area;
