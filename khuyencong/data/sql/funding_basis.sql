-- What the view's khuyến công total of one kind ($figure) rests on: the counted figures (funding_in_view) by unit
-- and funding source, with the years they cover (a counted period total covers every year of its span) and their
-- documents. The Overview counts units, years and documents from it, and takes source shares over the units that
-- report both sources (has_illustrative: whether a share rests on illustrative rows).
SELECT
    f.unit_id,
    any_value(n.unit_name_vi)                                                   AS unit_name_vi,
    any_value(n.unit_name_en)                                                   AS unit_name_en,
    u.level                                                                     AS unit_level,
    f.funding_source,
    sum(f.amount_mvnd)                                                          AS amount_mvnd,
    list_sort(list_distinct(flatten(list(range(f.year_from, f.year_to + 1)))))  AS years,
    list(DISTINCT f.doc_id ORDER BY f.doc_id) FILTER (WHERE NOT f.is_illustrative) AS doc_ids,
    bool_or(f.is_illustrative)                                                  AS has_illustrative,
    list(DISTINCT f.doc_id ORDER BY f.doc_id)                                   AS all_doc_ids
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to) AS f
JOIN area AS u ON u.area_id = f.unit_id
JOIN unit_names($current_units) AS n ON n.unit_id = f.unit_id
WHERE f.counted AND f.is_khuyen_cong
GROUP BY f.unit_id, u.level, f.funding_source
ORDER BY f.unit_id, f.funding_source;
