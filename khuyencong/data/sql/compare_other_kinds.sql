-- The kinds of figure other than the compared one ($figure) that the view's allocations hold (approved plan,
-- executed, ...), with the units that report them (ids and names, in the same order): the Compare page compares
-- one kind and names the others, so a plan and an executed figure are never added into one total.
WITH reported AS (
    SELECT DISTINCT a.figure, a.unit_id
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS a
    WHERE a.figure <> $figure AND a.amount_mvnd IS NOT NULL
)
SELECT
    r.figure,
    k.side,
    list(r.unit_id ORDER BY n.unit_name_vi)        AS unit_ids,
    list(n.unit_name_vi ORDER BY n.unit_name_vi)   AS unit_names_vi,
    list(n.unit_name_en ORDER BY n.unit_name_vi)   AS unit_names_en
FROM reported AS r
JOIN figure_kind AS k ON k.figure_id = r.figure
JOIN unit_names($current_units) AS n ON n.unit_id = r.unit_id
GROUP BY r.figure, k.side, k.sort_order
ORDER BY k.sort_order;
