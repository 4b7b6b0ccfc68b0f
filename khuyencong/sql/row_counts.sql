-- How many real and illustrative rows each fact table holds.
SELECT 'allocation' AS table_name, count(*) FILTER (WHERE NOT is_illustrative) AS real_rows,
       count(*) FILTER (WHERE is_illustrative) AS illustrative_rows FROM allocation
UNION ALL
SELECT 'project', count(*) FILTER (WHERE NOT is_illustrative), count(*) FILTER (WHERE is_illustrative) FROM project
UNION ALL
SELECT 'outcome', count(*) FILTER (WHERE NOT is_illustrative), count(*) FILTER (WHERE is_illustrative) FROM outcome;
