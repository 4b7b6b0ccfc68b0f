-- The columns of a table (temporary ones too) in schema order, with their type, whether they take NULL and whether
-- they have a default (a column left out of a file gets its default).
SELECT column_name, data_type, is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS has_default
FROM information_schema.columns
WHERE table_name = $table
ORDER BY ordinal_position;
