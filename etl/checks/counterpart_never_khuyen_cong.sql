-- severity: error
-- Counterpart capital (vốn đối ứng) is never khuyến công money: its code says so, and a stated total that includes
-- it is a total of all money (no funding source), never filed as a khuyến công source.
SELECT 'funding_source' AS table_name, funding_source_id AS code, NULL AS area_id, NULL AS doc_id
FROM funding_source WHERE funding_source_id = 'counterpart' AND is_khuyen_cong
UNION ALL
SELECT 'stated_figure', s.funding_source, s.area_id, s.doc_id
FROM stated_figure AS s JOIN funding_source AS f ON f.funding_source_id = s.funding_source
WHERE s.includes_counterpart AND f.is_khuyen_cong
UNION ALL
-- A level-not-stated total beside its own levels (same area, kind and overlapping years) would count them twice.
SELECT 'allocation', 'state', s.area_id, s.doc_id
FROM allocation AS s
JOIN allocation AS p
  ON p.area_id = s.area_id AND p.figure = s.figure AND p.year_from <= s.year_to AND p.year_to >= s.year_from
 AND p.funding_source IN ('local', 'central', 'district') AND NOT p.is_illustrative
WHERE s.funding_source = 'state' AND NOT s.is_illustrative;
