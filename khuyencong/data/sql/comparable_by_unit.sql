-- Comparable measures per unit of one kind of figure ($figure), khuyến công money only (comparable_in_view): the
-- latest year with an annual figure and its money, and the average per reported year; for the map and Compare,
-- whose default is a figure that compares, not a sum over years that differ from unit to unit.
SELECT *
FROM comparable_in_view($areas, $current_units, $figure, $include_illustrative, $sources, $year_from, $year_to)
ORDER BY unit_id;
