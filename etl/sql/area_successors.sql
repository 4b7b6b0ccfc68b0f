-- Every area with its unit after 1 July 2025 and its short name: an operator's scope covers an area or its successor.
SELECT a.area_id, c.current_area_id, a.name_vi FROM area a JOIN v_area_current c USING (area_id);
