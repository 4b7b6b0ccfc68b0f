-- What each build or import did.
CREATE TABLE load_log (
    loaded_at  TIMESTAMP NOT NULL,
    file_name  VARCHAR NOT NULL,
    sha256     VARCHAR,
    rows       INTEGER,
    status     VARCHAR NOT NULL CHECK (status IN ('ok', 'warning', 'error')),
    message    VARCHAR,
    operator   VARCHAR          -- who loaded the file (an operator account, "admin", "cli:<user>"); NULL for a build
);
