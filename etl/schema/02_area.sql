-- A reporting unit as it was reported. Codes were reused in 2025: identify units by area_id, never by gso_code.
CREATE TABLE area (
    area_id     VARCHAR PRIMARY KEY,
    name_vi     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    level       VARCHAR NOT NULL CHECK (level IN ('province', 'region', 'national')),
    gso_code    VARCHAR CHECK (gso_code IS NULL OR regexp_full_match(gso_code, '[0-9]{2}')),
    region      VARCHAR,              -- name_vi of the socio-economic region (provinces only)
    region_id   VARCHAR,
    valid_from  DATE,                 -- NULL: in force before the records begin
    valid_to    DATE,                 -- NULL: still in force
    doc_id      VARCHAR NOT NULL REFERENCES source_document (doc_id),
    note        VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
