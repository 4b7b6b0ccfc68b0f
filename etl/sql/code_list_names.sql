-- Every way a coded cell may name a code of the code lists (funding sources, figure kinds, statuses, periods,
-- qualifiers, activities, sectors, indicators), strongest first: the aliases of code_alias, then the code itself,
-- then the names (the template's wording, Vietnamese, English). The caller folds each name and keeps the first code
-- a folded name meets, so an alias is never taken over by a name.
SELECT list, code, name, rank
FROM (
    SELECT list, code, alias AS name, 1 AS rank FROM code_alias
    UNION ALL SELECT 'funding_source', funding_source_id, funding_source_id, 2 FROM funding_source
    UNION ALL SELECT 'funding_source', funding_source_id, name_vi, 3 FROM funding_source
    UNION ALL SELECT 'funding_source', funding_source_id, name_en, 4 FROM funding_source
    UNION ALL SELECT 'figure', figure_id, figure_id, 2 FROM figure_kind
    UNION ALL SELECT 'figure', figure_id, entry_name_vi, 3 FROM figure_kind
    UNION ALL SELECT 'figure', figure_id, name_vi, 3 FROM figure_kind
    UNION ALL SELECT 'figure', figure_id, name_en, 4 FROM figure_kind
    UNION ALL SELECT 'status', status_id, status_id, 2 FROM project_status
    UNION ALL SELECT 'status', status_id, name_vi, 3 FROM project_status
    UNION ALL SELECT 'status', status_id, name_en, 4 FROM project_status
    UNION ALL SELECT 'period', period_id, period_id, 2 FROM period
    UNION ALL SELECT 'period', period_id, entry_name_vi, 3 FROM period
    UNION ALL SELECT 'period', period_id, name_vi, 3 FROM period
    UNION ALL SELECT 'period', period_id, name_en, 4 FROM period
    UNION ALL SELECT 'qualifier', qualifier_id, qualifier_id, 2 FROM qualifier
    UNION ALL SELECT 'qualifier', qualifier_id, name_vi, 3 FROM qualifier
    UNION ALL SELECT 'qualifier', qualifier_id, name_en, 4 FROM qualifier
    UNION ALL SELECT 'activity', activity_id, activity_id, 2 FROM activity
    UNION ALL SELECT 'activity', activity_id, name_vi, 3 FROM activity
    UNION ALL SELECT 'activity', activity_id, name_en, 4 FROM activity
    UNION ALL SELECT 'sector', sector_id, sector_id, 2 FROM sector
    UNION ALL SELECT 'sector', sector_id, name_vi, 3 FROM sector
    UNION ALL SELECT 'sector', sector_id, name_en, 4 FROM sector
    UNION ALL SELECT 'indicator', indicator_id, indicator_id, 2 FROM indicator
    UNION ALL SELECT 'indicator', indicator_id, name_vi, 3 FROM indicator
    UNION ALL SELECT 'indicator', indicator_id, name_en, 4 FROM indicator
)
WHERE name IS NOT NULL
ORDER BY rank, list, code, name;
