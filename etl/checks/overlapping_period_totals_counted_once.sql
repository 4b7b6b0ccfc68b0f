-- severity: error
-- Overlapping period totals of one area, funding source and kind (Bình Định's executed 2012–2016 and 2016–2020) are never both counted: the total rule counts the later one and names the other (counted_in_view.overlapped_by).
-- Every area, every year, illustrative rows included: the widest view holds every pair a narrower one could count.
WITH counted AS (
    SELECT *
    FROM counted_in_view((SELECT list(area_id) FROM area), false, true, [], 1990, 2100)
    WHERE counted AND NOT is_annual
)
SELECT a.area_id, a.funding_source, a.figure, a.year_from, a.year_to, a.doc_id,
       b.year_from AS other_year_from, b.year_to AS other_year_to, b.doc_id AS other_doc_id
FROM counted AS a
JOIN counted AS b
  ON b.area_id = a.area_id AND b.funding_source = a.funding_source AND b.figure = a.figure
 AND b.year_from <= a.year_to AND b.year_to >= a.year_from
 AND (a.year_from, a.year_to, a.doc_id) < (b.year_from, b.year_to, b.doc_id)
ORDER BY ALL;
