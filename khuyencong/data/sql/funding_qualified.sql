-- The figures of one kind ($figure) a khuyến công total counts that are not exact (more than, about, nearly, at
-- least, estimate), with the words they were published in, for the note under a total that adds them.
SELECT
    f.unit_id,
    n.unit_name_vi,
    n.unit_name_en,
    f.year_from,
    f.year_to,
    f.funding_source,
    f.amount_mvnd,
    f.qualifier,
    q.symbol,
    f.value_as_written
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to) AS f
JOIN qualifier AS q ON q.qualifier_id = f.qualifier
JOIN unit_names($current_units) AS n ON n.unit_id = f.unit_id
WHERE f.counted AND f.is_khuyen_cong AND f.qualifier <> 'exact'
ORDER BY f.year_from, n.unit_name_vi, f.funding_source;
