-- The kinds of figure other than the compared one ($figure) that the view's allocations hold (approved plan,
-- executed, ...), with the units that report them: the Compare page compares one kind and names the others, so a
-- plan and an executed figure are never added into one total. In unit order, kinds in their list's order.
SELECT
    a.figure,
    k.side,
    list(DISTINCT n.unit_name_vi ORDER BY n.unit_name_vi) AS unit_names_vi,
    list(DISTINCT n.unit_name_en ORDER BY n.unit_name_en) AS unit_names_en
FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS a
JOIN figure_kind AS k ON k.figure_id = a.figure
JOIN unit_names($current_units) AS n ON n.unit_id = a.unit_id
WHERE a.figure <> $figure AND a.amount_mvnd IS NOT NULL
GROUP BY a.figure, k.side, k.sort_order
ORDER BY k.sort_order;
