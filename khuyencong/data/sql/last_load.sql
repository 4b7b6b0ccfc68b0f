-- When the data was last loaded.
SELECT max(loaded_at) AS loaded_at FROM load_log;
