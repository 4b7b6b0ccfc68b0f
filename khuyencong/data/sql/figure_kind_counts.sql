-- How many reported allocations of each kind (figure_kind, with its side: plan or executed) the view holds, for the
-- Trends page's kind picker and its "no figures of this kind here, but of others" notice.
SELECT
    k.figure_id                AS figure,
    k.side,
    count(a.amount_mvnd)       AS figures
FROM figure_kind AS k
LEFT JOIN allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS a
    ON a.figure = k.figure_id AND a.amount_mvnd IS NOT NULL
GROUP BY k.figure_id, k.side, k.sort_order
ORDER BY k.sort_order;
