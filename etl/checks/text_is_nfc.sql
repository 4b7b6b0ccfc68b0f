-- severity: error
-- Names are stored in Unicode NFC, so comparisons and searches match.
SELECT 'area' AS table_name, area_id AS key, name_vi AS text FROM area WHERE name_vi <> nfc_normalize(name_vi)
UNION ALL SELECT 'project', project_id, name FROM project WHERE name <> nfc_normalize(name)
UNION ALL SELECT 'activity', activity_id, name_vi FROM activity WHERE name_vi <> nfc_normalize(name_vi)
UNION ALL SELECT 'sector', sector_id, name_vi FROM sector WHERE name_vi <> nfc_normalize(name_vi)
UNION ALL SELECT 'indicator', indicator_id, name_vi FROM indicator WHERE name_vi <> nfc_normalize(name_vi)
UNION ALL SELECT 'source_document', doc_id, title FROM source_document WHERE title <> nfc_normalize(title);
