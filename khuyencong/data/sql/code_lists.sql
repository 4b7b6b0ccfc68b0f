-- Every code list with its names, in display order: activities and sectors, and the fact tables' coded columns
-- (funding_source with its colour and whether it is khuyến công money; figure kinds, statuses, periods, qualifiers,
-- the markers of a figure of part of a year).
SELECT 'activity' AS list, activity_id AS code, name_vi, name_en, sort_order,
       NULL::VARCHAR AS colour, NULL::BOOLEAN AS is_khuyen_cong, NULL::VARCHAR AS symbol
FROM activity
UNION ALL
SELECT 'sector', sector_id, name_vi, name_en, sort_order, NULL, NULL, NULL FROM sector
UNION ALL
SELECT 'funding_source', funding_source_id, name_vi, name_en, sort_order, colour, is_khuyen_cong, NULL
FROM funding_source
UNION ALL
SELECT 'figure', figure_id, name_vi, name_en, sort_order, NULL, NULL, NULL FROM figure_kind
UNION ALL
SELECT 'status', status_id, name_vi, name_en, sort_order, NULL, NULL, NULL FROM project_status
UNION ALL
SELECT 'period', period_id, name_vi, name_en, sort_order, NULL, NULL, NULL FROM period
UNION ALL
SELECT 'qualifier', qualifier_id, name_vi, name_en, sort_order, NULL, NULL, symbol FROM qualifier
UNION ALL
SELECT 'partial_period', partial_id, name_vi, name_en, sort_order, NULL, NULL, NULL FROM partial_period
ORDER BY list, sort_order, code;
