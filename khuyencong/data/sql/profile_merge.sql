-- What the reorganisation of provinces changed for one unit ($area), from area_crosswalk: the unit it went into and
-- every other unit that went into the same one (Bình Định with Gia Lai into the new Gia Lai), or, for a unit formed
-- then, the units it was formed from; with the document that decided it. No row: no recorded change (a region).
-- Names as the profile shows them (unit_names: "(đến 6/2025)" / "(từ 7/2025)" tell the two Gia Lai apart).
WITH target AS (
    SELECT to_area_id FROM area_crosswalk WHERE from_area_id = $area
    UNION
    SELECT $area WHERE EXISTS (SELECT 1 FROM area_crosswalk WHERE to_area_id = $area)
)
SELECT
    x.from_area_id,
    f.unit_name_vi  AS from_name_vi,
    f.unit_name_en  AS from_name_en,
    x.to_area_id,
    n.unit_name_vi  AS to_name_vi,
    n.unit_name_en  AS to_name_en,
    x.effective_on,
    x.from_area_id = $area AS is_self,
    x.doc_id,
    d.title,
    d.publisher,
    d.published_on,
    d.date_note,
    d.url
FROM area_crosswalk AS x
JOIN target AS g ON g.to_area_id = x.to_area_id
JOIN unit_names(false) AS f ON f.unit_id = x.from_area_id
JOIN unit_names(false) AS n ON n.unit_id = x.to_area_id
JOIN source_document AS d ON d.doc_id = x.doc_id
ORDER BY is_self DESC, lower(strip_accents(replace(replace(f.unit_name_vi, 'Đ', 'Dz'), 'đ', 'dz')));
