-- Each unit that ceased to exist, with the unit that took it over and when.
CREATE TABLE area_crosswalk (
    from_area_id  VARCHAR PRIMARY KEY REFERENCES area (area_id),
    to_area_id    VARCHAR NOT NULL REFERENCES area (area_id),
    effective_on  DATE NOT NULL,
    doc_id        VARCHAR NOT NULL REFERENCES source_document (doc_id),
    note          VARCHAR
);
