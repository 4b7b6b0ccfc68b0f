-- Every unit mapped to its unit after 1 July 2025 (identity for units already current and for regions).
CREATE VIEW v_area_current AS
SELECT
    a.area_id,
    a.name_vi,
    coalesce(x.to_area_id, a.area_id) AS current_area_id,
    coalesce(c.name_vi, a.name_vi)    AS current_name_vi
FROM area AS a
LEFT JOIN area_crosswalk AS x ON x.from_area_id = a.area_id
LEFT JOIN area AS c ON c.area_id = x.to_area_id;
