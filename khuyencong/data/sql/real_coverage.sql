-- What the real (not illustrative) data covers, for the Sources page's intro: provinces, regional groupings, the
-- national programme, first and last year, and the documents cited, over allocations, projects, outcomes and
-- stated totals. Not filtered: it describes the data, not the view.
WITH rows AS (
    SELECT area_id, year_from, year_to, doc_id FROM allocation
    UNION ALL SELECT area_id, year, year, doc_id FROM project
    UNION ALL SELECT area_id, coalesce(year_from, year), year, doc_id FROM outcome
    UNION ALL SELECT area_id, year_from, year_to, doc_id FROM stated_figure
)
SELECT
    count(DISTINCT r.area_id) FILTER (WHERE a.level = 'province') AS provinces,
    count(DISTINCT r.area_id) FILTER (WHERE a.level = 'region')   AS regions,
    count(DISTINCT r.area_id) FILTER (WHERE a.level = 'national') AS national,
    min(r.year_from)                                              AS first_year,
    max(r.year_to)                                                AS last_year,
    count(DISTINCT r.doc_id)                                      AS documents
FROM rows AS r
JOIN area AS a USING (area_id)
JOIN source_document AS d ON d.doc_id = r.doc_id
WHERE NOT d.is_illustrative;
