-- One đề án. Amounts in triệu đồng; NULL means not reported, which is not zero.
CREATE TABLE project (
    project_id       VARCHAR NOT NULL,   -- unique: checked per write (etl/integrity.py), not by an index
    area_id          VARCHAR NOT NULL,
    year             INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    name             VARCHAR NOT NULL,
    implementer      VARCHAR,
    location         VARCHAR,
    activity_id      VARCHAR,
    sector_id        VARCHAR,
    funding_source   VARCHAR,            -- codes of funding_source, project_status: checked per write
    plan_mvnd        DECIMAL(18, 3) CHECK (plan_mvnd >= 0),
    actual_mvnd      DECIMAL(18, 3) CHECK (actual_mvnd >= 0),
    counterpart_mvnd DECIMAL(18, 3) CHECK (counterpart_mvnd >= 0),
    status           VARCHAR,
    doc_id           VARCHAR NOT NULL,
    is_illustrative  BOOLEAN NOT NULL,
    note             VARCHAR
);
