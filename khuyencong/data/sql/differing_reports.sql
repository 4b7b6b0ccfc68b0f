-- Reports that differ (v_differing_report), in view, for the Sources page: every document's figure for the same
-- area, years and funding source, side by side, with the figure kind, the qualifier's sign, the figure as written
-- and the document (title, publisher, date, link). A group is in view when its span overlaps the selected years.
SELECT
    u.unit_id,
    n.unit_name_vi,
    n.unit_name_en,
    r.area_id,
    r.year_from,
    r.year_to,
    r.funding_source,
    s.name_vi AS source_name_vi,
    s.name_en AS source_name_en,
    r.figure,
    k.name_vi AS figure_name_vi,
    k.name_en AS figure_name_en,
    k.side,
    r.amount_mvnd,
    r.qualifier,
    r.value_as_written,
    r.row_id,
    r.doc_id,
    d.title,
    d.publisher,
    d.published_on,
    d.date_note,
    d.url
FROM v_differing_report AS r
JOIN view_units($current_units) AS u USING (area_id)
JOIN unit_names($current_units) AS n ON n.unit_id = u.unit_id
JOIN funding_source AS s ON s.funding_source_id = r.funding_source
JOIN figure_kind AS k ON k.figure_id = r.figure
JOIN source_document AS d ON d.doc_id = r.doc_id
WHERE span_in_view($areas, $include_illustrative, $sources, $year_from, $year_to, u.unit_id, u.unit_level,
                   r.year_from, r.year_to, r.funding_source, false)
ORDER BY lower(strip_accents(replace(replace(n.unit_name_vi, 'Đ', 'Dz'), 'đ', 'dz'))), r.year_from, r.year_to,
         s.sort_order, d.published_on NULLS LAST, k.sort_order, r.doc_id;
