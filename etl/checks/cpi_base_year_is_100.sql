-- severity: error
-- The price index has its base year (the last year) at exactly 100.
SELECT year, index_value FROM cpi WHERE year = (SELECT max(year) FROM cpi) AND index_value <> 100;
