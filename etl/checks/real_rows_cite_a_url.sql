-- severity: error
-- Every real figure's document has a URL, except the bundled documents whose text ships with the project
-- (data/sources/articles/) or that are cited only as policy: those are listed here by name.
WITH real_rows AS (
    SELECT 'allocation' AS table_name, doc_id FROM allocation WHERE NOT is_illustrative
    UNION ALL SELECT 'project', doc_id FROM project WHERE NOT is_illustrative
    UNION ALL SELECT 'outcome', doc_id FROM outcome WHERE NOT is_illustrative
    UNION ALL SELECT 'stated_figure', doc_id FROM stated_figure
)
SELECT r.table_name, r.doc_id, count(*) AS rows
FROM real_rows AS r
JOIN source_document AS d USING (doc_id)
WHERE d.url IS NULL
  AND d.kind <> 'workbook'
  AND d.doc_id NOT IN ('bct-2018-08-09-nghe-an-70-ty', 'nghe-an-2024-giai-phap', 'hoi-nghi-kc-phia-bac-2024',
                       'thanh-pho-2022-chi-dao-kc', 'arid-thai-binh-2016', 'ttlt-26-2014-ttlt-btc-bct',
                       'cv-3384-bct-ctdp', 'nd-45-2012-nd-cp', 'nd-235-2025-nd-cp')
GROUP BY ALL;
