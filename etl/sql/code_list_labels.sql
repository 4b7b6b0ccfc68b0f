-- Each code of the lists a coded cell is checked against, with the wording a person would write in a workbook (the
-- template's drop-down wording, Vietnamese, then English): what an unknown value's suggestions show.
SELECT 'funding_source' AS list, funding_source_id AS code, name_vi, name_en FROM funding_source
UNION ALL SELECT 'figure', figure_id, coalesce(entry_name_vi, name_vi), name_en FROM figure_kind
UNION ALL SELECT 'status', status_id, name_vi, name_en FROM project_status
UNION ALL SELECT 'period', period_id, coalesce(entry_name_vi, name_vi), name_en FROM period
UNION ALL SELECT 'qualifier', qualifier_id, name_vi, name_en FROM qualifier
UNION ALL SELECT 'activity', activity_id, name_vi, name_en FROM activity
UNION ALL SELECT 'sector', sector_id, name_vi, name_en FROM sector
UNION ALL SELECT 'indicator', indicator_id, name_vi, name_en FROM indicator
ORDER BY list, code;
