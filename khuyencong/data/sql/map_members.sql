-- The provinces in place on 30 June 2025 (the 63 of 2008–2025) that each unit after 1 July 2025 is made of
-- (view_units in current-units mode), with the names they are shown by as reported ("Bắc Ninh (đến 6/2025)",
-- unit_names): a unit of the 34-unit map is partial when some of them report nothing.
SELECT
    v.unit_id,
    list(a.area_id ORDER BY a.name_vi)                 AS members,
    list(n.unit_name_vi ORDER BY a.name_vi)            AS member_names_vi,
    list(n.unit_name_en ORDER BY a.name_vi)            AS member_names_en
FROM view_units(true) AS v
JOIN area AS a USING (area_id)
JOIN unit_names(false) AS n ON n.unit_id = a.area_id
WHERE a.level = 'province'
  AND coalesce(a.valid_from, DATE '1900-01-01') <= DATE '2025-06-30'
  AND coalesce(a.valid_to, DATE '9999-12-31') >= DATE '2025-06-30'
GROUP BY v.unit_id
ORDER BY v.unit_id;
