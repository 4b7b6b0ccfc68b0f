-- The period totals of one kind ($figure) in view that the annual figures inside them do not agree with
-- (v_period_disagreement): a sum shown from those annual figures carries the difference, and here are both values,
-- for the note under it. Khuyến công money only.
SELECT d.area_id, u.unit_id, n.unit_name_vi, n.unit_name_en, d.funding_source, d.year_from, d.year_to,
       d.reported_mvnd, d.annual_sum_mvnd, d.gap_mvnd, d.years_missing, d.period_doc_id AS doc_id
FROM v_period_disagreement AS d
JOIN view_units($current_units) AS u USING (area_id)
JOIN unit_names($current_units) AS n ON n.unit_id = u.unit_id
JOIN funding_source AS s ON s.funding_source_id = d.funding_source
WHERE d.figure = $figure AND s.is_khuyen_cong
  AND span_in_view($areas, $include_illustrative, $sources, $year_from, $year_to, u.unit_id, u.unit_level,
                   d.year_from, d.year_to, d.funding_source, d.includes_illustrative)
ORDER BY n.unit_name_vi, d.funding_source, d.year_from;
