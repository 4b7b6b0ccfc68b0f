-- Spellings of area names found in real workbooks; the year decides between an old province and a new unit.
CREATE TABLE area_alias (
    alias       VARCHAR NOT NULL,
    area_id     VARCHAR NOT NULL REFERENCES area (area_id),
    valid_from  DATE,
    valid_to    DATE,
    note        VARCHAR
);
