-- severity: error
-- A regional or national figure is never filed under a province: no research row (row_id) that is reported for a
-- region or the country also has rows under a province, and no region or the country maps to a province in
-- "34 units" mode.
SELECT 'allocation' AS table_name, p.row_id, p.area_id
FROM allocation AS p JOIN area AS a USING (area_id)
WHERE a.level = 'province' AND p.row_id IN (
    SELECT x.row_id FROM allocation AS x JOIN area AS r USING (area_id) WHERE r.level <> 'province'
    UNION SELECT x.row_id FROM stated_figure AS x JOIN area AS r USING (area_id) WHERE r.level <> 'province'
    UNION SELECT x.row_id FROM outcome AS x JOIN area AS r USING (area_id) WHERE r.level <> 'province')
UNION ALL
SELECT 'outcome', p.row_id, p.area_id
FROM outcome AS p JOIN area AS a USING (area_id)
WHERE a.level = 'province' AND p.row_id IN (
    SELECT x.row_id FROM allocation AS x JOIN area AS r USING (area_id) WHERE r.level <> 'province'
    UNION SELECT x.row_id FROM outcome AS x JOIN area AS r USING (area_id) WHERE r.level <> 'province')
UNION ALL
SELECT 'v_area_current', v.area_id, v.current_area_id
FROM v_area_current AS v JOIN area AS a USING (area_id) JOIN area AS c ON c.area_id = v.current_area_id
WHERE a.level <> 'province' AND c.level = 'province';
