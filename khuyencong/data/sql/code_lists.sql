-- Activities, sectors and funding sources with their names, in display order.
SELECT 'activity' AS list, activity_id AS code, name_vi, name_en, sort_order FROM activity
UNION ALL
SELECT 'sector', sector_id, name_vi, name_en, sort_order FROM sector
ORDER BY list, sort_order;
