-- Rows of the research table left out of the data (excluded_figure), with the area's name and the reason in both
-- languages; not filtered, since a row left out has no year or scope to filter by.
SELECT e.row_id, e.area_id, a.name_vi AS area_name_vi, a.name_en AS area_name_en, a.level, e.url,
       e.reason_vi, e.reason_en
FROM excluded_figure AS e
JOIN area AS a USING (area_id)
ORDER BY CASE a.level WHEN 'national' THEN 1 WHEN 'region' THEN 2 ELSE 3 END,
         lower(strip_accents(replace(replace(a.name_vi, 'Đ', 'Dz'), 'đ', 'dz'))),
         regexp_extract(e.row_id, '^[A-Za-z]+'), TRY_CAST(regexp_extract(e.row_id, '[0-9]+') AS INTEGER), e.row_id;
