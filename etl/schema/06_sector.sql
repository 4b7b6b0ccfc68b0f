-- Industries (ngành nghề) that khuyến công projects support.
CREATE TABLE sector (
    sector_id   VARCHAR PRIMARY KEY,
    name_vi     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    sort_order  INTEGER NOT NULL,
    doc_id      VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
