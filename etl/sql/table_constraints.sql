-- The CHECK, UNIQUE, PRIMARY KEY and FOREIGN KEY constraints of a table, as the schema declares them: a bundled file
-- is checked against these before it is written, so every broken row is named by line and column.
SELECT constraint_type, expression, constraint_column_names, referenced_table, referenced_column_names
FROM duckdb_constraints()
WHERE table_name = $table AND constraint_type IN ('CHECK', 'UNIQUE', 'PRIMARY KEY', 'FOREIGN KEY')
ORDER BY constraint_index;
