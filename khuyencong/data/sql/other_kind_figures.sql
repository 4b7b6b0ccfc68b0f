-- For each unit in view, the latest figure of every kind of figure other than $figure: khuyến công money by the total
-- rule (counted rows, summed over the funding sources of one span), so a page that finds no figure of the chosen
-- kind says which other kind there is, with the figure ("có số Kế hoạch được duyệt: > 25 tỷ đồng (2019)").
WITH spans AS (
    SELECT unit_id, figure, year_from, year_to, sum(amount_mvnd) AS amount_mvnd,
           list(DISTINCT qualifier ORDER BY qualifier) AS qualifiers,
           coalesce(bool_or(is_illustrative), false) AS has_illustrative
    FROM counted_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to)
    WHERE counted AND is_khuyen_cong AND figure <> $figure
    GROUP BY unit_id, figure, year_from, year_to
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY unit_id, figure ORDER BY year_to DESC, year_from DESC) AS rank
    FROM spans
)
SELECT r.unit_id, r.figure, k.side, r.year_from, r.year_to, r.amount_mvnd, r.qualifiers, r.has_illustrative
FROM ranked AS r
JOIN figure_kind AS k ON k.figure_id = r.figure
WHERE r.rank = 1
ORDER BY r.unit_id, k.sort_order;
