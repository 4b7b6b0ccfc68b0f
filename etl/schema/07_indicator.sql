-- Result indicators, each with its unit.
CREATE TABLE indicator (
    indicator_id VARCHAR PRIMARY KEY,
    name_vi      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    unit_vi      VARCHAR NOT NULL,
    unit_en      VARCHAR NOT NULL,
    is_money     BOOLEAN NOT NULL,    -- true: the value is in triệu đồng
    sort_order   INTEGER NOT NULL,
    doc_id       VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
