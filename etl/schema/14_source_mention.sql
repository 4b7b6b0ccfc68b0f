-- Activities and sectors a source names for an area and period without giving amounts.
CREATE TABLE source_mention (
    doc_id       VARCHAR NOT NULL REFERENCES source_document (doc_id),
    area_id      VARCHAR NOT NULL REFERENCES area (area_id),
    year_from    INTEGER NOT NULL,
    year_to      INTEGER NOT NULL,
    activity_id  VARCHAR REFERENCES activity (activity_id),
    sector_id    VARCHAR REFERENCES sector (sector_id),
    quote        VARCHAR NOT NULL,
    note         VARCHAR,
    CHECK (year_from <= year_to)
);
