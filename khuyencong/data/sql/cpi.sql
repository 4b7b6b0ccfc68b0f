-- Consumer price index (2025 = 100), to turn nominal money into the prices of a chosen year.
SELECT year, index_value FROM cpi ORDER BY year;
