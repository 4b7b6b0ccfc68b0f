-- What each build, demo run or import did, newest first.
SELECT loaded_at, file_name, sha256, rows, status, message, operator FROM load_log ORDER BY loaded_at DESC, file_name;
