-- Figures of one kind ($figure) in view that cover only part of their last year (a first round, "by August", nine
-- months): never counted as a whole year, named under the sums that leave them out, with their marker.
SELECT f.unit_id, n.unit_name_vi, n.unit_name_en, f.funding_source, f.year_from, f.year_to, f.amount_mvnd,
       f.qualifier, q.symbol, f.value_as_written, p.name_vi AS partial_vi, p.name_en AS partial_en, f.doc_id
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to) AS f
JOIN partial_period AS p ON p.partial_id = f.partial_period
JOIN qualifier AS q ON q.qualifier_id = f.qualifier
JOIN unit_names($current_units) AS n ON n.unit_id = f.unit_id
WHERE f.is_khuyen_cong
ORDER BY f.year_to, n.unit_name_vi, f.funding_source;
