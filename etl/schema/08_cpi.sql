-- Consumer price index, annual average, 2025 = 100, derived from the annual inflation rate.
CREATE TABLE cpi (
    year          INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),
    inflation_pct DECIMAL(6, 2) NOT NULL,
    index_value   DECIMAL(12, 4) NOT NULL CHECK (index_value > 0),
    doc_id        VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
