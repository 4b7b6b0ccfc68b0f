-- Published plan-side and executed-side money figures (figure_kind.side) for the same unit and years, as reported:
-- the allocations in view (by funding source) and the totals as stated (stated_figure, funding source NULL = all
-- levels). Only spans with figures on both sides are returned; the two sides are set side by side, never summed.
WITH figures AS (
    SELECT unit_id, year_from, year_to, funding_source, figure, amount_mvnd, qualifier, value_as_written, doc_id,
           is_illustrative
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to)
    WHERE amount_mvnd IS NOT NULL
    UNION ALL
    SELECT u.unit_id, s.year_from, s.year_to, NULL, s.figure, s.amount_mvnd, s.qualifier, s.value_as_written, s.doc_id,
           false
    FROM stated_figure AS s
    JOIN view_units($current_units) AS u USING (area_id)
    WHERE s.measure = 'total' AND s.figure IS NOT NULL
      AND s.year_to >= $year_from AND s.year_from <= $year_to
      AND area_in_view($areas, u.unit_id, u.unit_level)
),
sided AS (
    SELECT f.*, k.side, k.sort_order,
           count(DISTINCT k.side) OVER (PARTITION BY f.unit_id, f.year_from, f.year_to) AS sides
    FROM figures AS f
    JOIN figure_kind AS k ON k.figure_id = f.figure
)
SELECT s.unit_id, s.year_from, s.year_to, s.funding_source, s.figure, s.side, s.amount_mvnd,
       coalesce(s.qualifier, 'exact') AS qualifier, s.value_as_written, s.doc_id, s.is_illustrative,
       d.title, d.publisher, d.published_on, d.date_note, d.url
FROM sided AS s
JOIN source_document AS d USING (doc_id)
WHERE s.sides = 2
ORDER BY s.unit_id, s.year_from, s.year_to, s.funding_source NULLS FIRST, s.side DESC, s.sort_order, d.published_on;
