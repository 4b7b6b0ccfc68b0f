-- severity: error
-- Illustrative rows cite an illustrative document, and real rows a real one.
SELECT 'allocation' AS table_name, t.doc_id, t.is_illustrative
FROM allocation AS t JOIN source_document AS d USING (doc_id)
WHERE t.is_illustrative <> d.is_illustrative
UNION ALL
SELECT 'project', t.doc_id, t.is_illustrative
FROM project AS t JOIN source_document AS d USING (doc_id)
WHERE t.is_illustrative <> d.is_illustrative
UNION ALL
SELECT 'outcome', t.doc_id, t.is_illustrative
FROM outcome AS t JOIN source_document AS d USING (doc_id)
WHERE t.is_illustrative <> d.is_illustrative;
