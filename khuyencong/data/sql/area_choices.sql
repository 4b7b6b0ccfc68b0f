-- Every province, and the regions and the national programme that have any figure, as reported and as their unit
-- after 1 July 2025, ordered by region then name, with the names they are shown by in each unit mode (unit_names).
-- A province without figures is listed too: picked (or linked from the map, profile?area=…), its pages say
-- "không có số liệu" rather than the link being dropped as unknown.
WITH with_data AS (
    SELECT DISTINCT area_id FROM allocation
    UNION SELECT DISTINCT area_id FROM project_cube
    UNION SELECT DISTINCT area_id FROM outcome_cube
    UNION SELECT area_id FROM area WHERE level = 'province'
)
SELECT
    a.area_id,
    a.name_vi,
    a.name_en,
    a.level,
    coalesce(a.region_id, a.area_id) AS region_id,
    v.unit_id                  AS current_area_id,
    c.name_vi                  AS current_name_vi,
    c.name_en                  AS current_name_en,
    coalesce(c.region_id, c.area_id) AS current_region_id,
    a.valid_to,
    r.unit_name_vi             AS label_vi,
    r.unit_name_en             AS label_en,
    k.unit_name_vi             AS current_label_vi,
    k.unit_name_en             AS current_label_en
FROM with_data
JOIN area AS a USING (area_id)
JOIN view_units(true) AS v USING (area_id)
JOIN area AS c ON c.area_id = v.unit_id
JOIN unit_names(false) AS r ON r.unit_id = a.area_id
JOIN unit_names(true) AS k ON k.unit_id = v.unit_id
ORDER BY a.level DESC, region_id, a.name_vi;
