-- Total funding of the view by the total rule (funding_in_view: annual figures, plus the period totals it counts),
-- per funding source, in triệu đồng; is_khuyen_cong says whether a source counts as khuyến công money, qualifiers
-- which qualifier codes the counted figures carry (exact, more_than, ...), period_differs whether an annual figure
-- counted lies in a period total it does not agree with (v_period_disagreement), units how many units it adds.
SELECT
    funding_source,
    any_value(is_khuyen_cong)                                 AS is_khuyen_cong,
    sum(amount_mvnd)                                          AS amount_mvnd,
    coalesce(bool_or(is_illustrative), false)                 AS has_illustrative,
    list(DISTINCT doc_id ORDER BY doc_id)                     AS doc_ids,
    list(DISTINCT qualifier ORDER BY qualifier)               AS qualifiers,
    coalesce(bool_or(period_differs), false)                  AS period_differs,
    count(DISTINCT unit_id)                                   AS units
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to)
WHERE counted
GROUP BY funding_source
ORDER BY funding_source;
