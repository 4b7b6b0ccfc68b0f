-- Outcome counts that disagree, in view, for the Sources page, each count with its document. Two rules:
--   parts_exceed  a count reported as a total and in parts by funding level, whose parts add up to more than the
--                 total (Thái Bình 2012–2022: 947 establishments, of which central 58 and local 947)
--   differing     the same count (area, years, period, indicator, level) from two or more documents with two or
--                 more different values
-- Every count of a disagreeing group is listed (the total and its parts), as transcribed, never corrected.
WITH counts AS (
    SELECT o.*, coalesce(o.year_from, o.year) AS first_year
    FROM outcome AS o
    WHERE o.actual_value IS NOT NULL AND NOT o.is_illustrative
), parts_exceed AS (
    SELECT area_id, first_year, year, period, indicator_id, doc_id
    FROM counts
    GROUP BY ALL
    HAVING count(*) FILTER (WHERE funding_source IS NULL) = 1
       AND sum(actual_value) FILTER (WHERE funding_source IS NOT NULL)
           > max(actual_value) FILTER (WHERE funding_source IS NULL)
), differing AS (
    SELECT area_id, first_year, year, period, indicator_id, funding_source
    FROM counts
    GROUP BY ALL
    HAVING count(DISTINCT doc_id) > 1 AND count(DISTINCT actual_value) > 1
), flagged AS (
    SELECT c.*, 'parts_exceed' AS problem
    FROM counts AS c
    JOIN parts_exceed AS p USING (area_id, first_year, year, period, indicator_id, doc_id)
    UNION ALL BY NAME
    SELECT c.*, 'differing' AS problem
    FROM counts AS c
    JOIN differing AS g
      ON g.area_id = c.area_id AND g.first_year = c.first_year AND g.year = c.year AND g.period = c.period
     AND g.indicator_id = c.indicator_id AND g.funding_source IS NOT DISTINCT FROM c.funding_source
)
SELECT
    u.unit_id,
    n.unit_name_vi,
    n.unit_name_en,
    f.problem,
    f.first_year AS year_from,
    f.year AS year_to,
    f.indicator_id,
    i.name_vi AS indicator_name_vi,
    i.name_en AS indicator_name_en,
    i.unit_vi,
    i.unit_en,
    f.funding_source,
    s.name_vi AS source_name_vi,
    s.name_en AS source_name_en,
    f.actual_value,
    f.qualifier,
    f.value_as_written,
    f.row_id,
    f.doc_id,
    d.title,
    d.publisher,
    d.published_on,
    d.date_note,
    d.url
FROM flagged AS f
JOIN view_units($current_units) AS u USING (area_id)
JOIN unit_names($current_units) AS n ON n.unit_id = u.unit_id
JOIN indicator AS i USING (indicator_id)
LEFT JOIN funding_source AS s ON s.funding_source_id = f.funding_source
JOIN source_document AS d ON d.doc_id = f.doc_id
WHERE f.year >= $year_from AND f.first_year <= $year_to
  AND area_in_view($areas, u.unit_id, u.unit_level)
ORDER BY lower(strip_accents(replace(replace(n.unit_name_vi, 'Đ', 'Dz'), 'đ', 'dz'))), f.first_year, f.year,
         f.indicator_id, f.problem, f.doc_id, f.funding_source NULLS FIRST, s.sort_order;
