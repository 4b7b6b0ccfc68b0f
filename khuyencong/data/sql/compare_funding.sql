-- Funding per unit for the area comparison, in triệu đồng, by the total rule (funding_in_view): annual figures
-- summed, plus the period totals the rule counts; one row per unit and funding source, with is_khuyen_cong so that
-- the caller leaves counterpart capital out. In current-units mode a unit is its unit after 1 July 2025.
-- qualifiers / annual_qualifiers: the qualifier codes of the counted figures (all, annual only), so a sum shows the
-- sign its figures share (figures/funding.py, shared_qualifier); period_differs: an annual figure counted lies in a
-- period total it disagrees with (v_period_disagreement).
SELECT
    f.unit_id,
    c.level,
    f.funding_source,
    any_value(f.is_khuyen_cong)                                                 AS is_khuyen_cong,
    sum(f.amount_mvnd) FILTER (WHERE f.is_annual AND f.counted)                 AS annual_mvnd,
    sum(f.amount_mvnd) FILTER (WHERE f.counted AND NOT f.is_annual)             AS period_mvnd,
    count(DISTINCT f.year_from) FILTER (WHERE f.is_annual)                      AS annual_years,
    count(*) FILTER (WHERE f.counted AND NOT f.is_annual)                       AS periods_used,
    count(*) FILTER (WHERE NOT f.counted)                                       AS periods_left_out,
    coalesce(bool_or(f.is_illustrative) FILTER (WHERE f.counted), false)        AS has_illustrative,
    list(DISTINCT f.doc_id ORDER BY f.doc_id) FILTER (WHERE f.counted)          AS doc_ids,
    coalesce(list(DISTINCT f.qualifier) FILTER (WHERE f.counted), [])           AS qualifiers,
    coalesce(list(DISTINCT f.qualifier) FILTER (WHERE f.counted AND f.is_annual), []) AS annual_qualifiers,
    coalesce(bool_or(f.period_differs) FILTER (WHERE f.counted), false)        AS period_differs
FROM funding_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to) AS f
JOIN area AS c ON c.area_id = f.unit_id
GROUP BY f.unit_id, c.level, f.funding_source
ORDER BY f.unit_id, f.funding_source;
