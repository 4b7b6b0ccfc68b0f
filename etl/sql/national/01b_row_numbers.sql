-- Row numbers 0 … $projects − 1 as a table for 02_projects.sql: DuckDB splits a table scan across its threads and
-- keeps the rows' order on insert, where range() in the generating query runs on one thread (the project insert,
-- compression included, was half of a 10-million-project build).
CREATE TEMP TABLE national_row AS
SELECT i FROM range($projects) AS t (i);
