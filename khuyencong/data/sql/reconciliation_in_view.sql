-- Period totals in view set against the sum of their annual figures (v_reconciliation), with area names and the
-- documents behind both sides. A period is in view when it overlaps the selected years; in current-units mode an
-- area is selected through its unit after 1 July 2025 (reconciliation_in_view). Money in triệu đồng; gap_pct in percent of the stated total.
WITH annual_docs AS (
    SELECT r.area_id, r.funding_source, r.figure, r.year_from, r.year_to,
           list(DISTINCT a.doc_id ORDER BY a.doc_id) AS doc_ids
    FROM v_reconciliation AS r
    JOIN allocation AS a
      ON a.area_id = r.area_id AND a.funding_source = r.funding_source AND a.figure = r.figure
     AND a.year_from = a.year_to AND a.year_from BETWEEN r.year_from AND r.year_to
     AND a.amount_mvnd IS NOT NULL
    GROUP BY ALL
)
SELECT
    r.area_id,
    a.name_vi AS area_name_vi,
    a.name_en AS area_name_en,
    a.valid_from AS area_valid_from,
    a.valid_to AS area_valid_to,
    r.funding_source,
    s.name_vi AS source_name_vi,
    s.name_en AS source_name_en,
    r.figure,
    f.name_vi AS figure_name_vi,
    f.name_en AS figure_name_en,
    r.year_from,
    r.year_to,
    r.reported_mvnd,
    r.annual_sum_mvnd,
    r.gap_mvnd,
    r.gap_pct,
    r.years_missing,
    r.years_reported,
    list_distinct(list_append(coalesce(d.doc_ids, []), r.period_doc_id)) AS doc_ids,
    r.includes_illustrative
FROM reconciliation_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS r
JOIN area AS a USING (area_id)
JOIN funding_source AS s ON s.funding_source_id = r.funding_source
JOIN figure_kind AS f ON f.figure_id = r.figure
LEFT JOIN annual_docs AS d USING (area_id, funding_source, figure, year_from, year_to)
ORDER BY a.name_vi, s.sort_order, f.sort_order, r.year_from;
