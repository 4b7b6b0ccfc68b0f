-- Plan-side and executed-side figures of the view (figure_kind.side), every kind, as reported: khuyến công
-- allocations by funding source (of several versions of one figure only the newest, v_allocation_version), and the
-- stated totals of a span (stated_figure, measure 'total') that do not say they include counterpart capital or loans.
-- Each row is one published figure, with its document, the sentence that states it where it was kept (quote), and
-- its reporting area (area_id; the map marks a 2025 unit whose old provinces do not all report); partial_period: the
-- figure covers part of its last year only (a first round, nine months). The pages (Trends, Plan/actual) set plan
-- against executed and never add them together.
WITH figures AS (
    SELECT
        a.unit_id, a.year_from, a.year_to, a.funding_source, a.figure, k.side, k.sort_order AS kind_order,
        a.amount_mvnd, coalesce(a.qualifier, 'exact') AS qualifier, a.value_as_written, a.doc_id,
        false AS is_stated_total, a.is_illustrative, a.area_id, a.quote, a.partial_period
    FROM allocations_in_view($areas, $current_units, $include_illustrative, $sources, $year_from, $year_to) AS a
    JOIN figure_kind AS k ON k.figure_id = a.figure
    JOIN funding_source AS s ON s.funding_source_id = a.funding_source
    JOIN v_allocation_version AS v
        ON v.area_id = a.area_id AND v.year_from = a.year_from AND v.year_to = a.year_to
       AND v.funding_source = a.funding_source AND v.figure = a.figure AND v.doc_id = a.doc_id
    WHERE a.amount_mvnd IS NOT NULL AND s.is_khuyen_cong AND v.version_rank = 1
    UNION ALL
    SELECT
        u.unit_id, f.year_from, f.year_to, f.funding_source, f.figure, k.side, k.sort_order,
        f.amount_mvnd, coalesce(f.qualifier, 'exact'), f.value_as_written, f.doc_id,
        true, false, f.area_id, f.quote, f.partial_period
    FROM stated_figure AS f
    JOIN view_units($current_units) AS u USING (area_id)
    JOIN figure_kind AS k ON k.figure_id = f.figure
    WHERE f.measure = 'total' AND NOT coalesce(f.includes_counterpart, false) AND NOT coalesce(f.includes_loans, false)
      AND f.year_to >= $year_from AND f.year_from <= $year_to
      AND area_in_view($areas, u.unit_id, u.unit_level)
      AND (f.funding_source IS NULL OR source_in_view($sources, f.funding_source))
)
SELECT f.*, d.title, d.publisher, d.published_on, d.date_note, d.url
FROM figures AS f
JOIN source_document AS d USING (doc_id)
ORDER BY f.unit_id, f.year_from, f.year_to, f.kind_order, f.funding_source NULLS FIRST, d.published_on DESC NULLS LAST;
