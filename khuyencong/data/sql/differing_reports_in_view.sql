-- Reports that differ (v_differing_report: the same area, years and funding source, two or more documents, two or
-- more amounts) whose span overlaps the view, with each document's publisher and date, for the Trends markers.
SELECT
    u.unit_id, r.year_from, r.year_to, r.funding_source, r.figure, r.amount_mvnd, r.qualifier, r.value_as_written,
    r.doc_id, d.publisher, d.published_on
FROM v_differing_report AS r
JOIN view_units($current_units) AS u USING (area_id)
JOIN source_document AS d USING (doc_id)
WHERE span_in_view($areas, $include_illustrative, $sources, $year_from, $year_to, u.unit_id, u.unit_level,
                   r.year_from, r.year_to, r.funding_source, false)
ORDER BY u.unit_id, r.year_from, r.year_to, r.funding_source, d.published_on, r.figure;
