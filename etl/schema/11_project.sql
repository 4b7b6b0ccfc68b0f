-- One đề án. Amounts in triệu đồng; NULL means not reported, which is not zero.
CREATE TABLE project (
    project_id       VARCHAR PRIMARY KEY,
    area_id          VARCHAR NOT NULL REFERENCES area (area_id),
    year             INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    name             VARCHAR NOT NULL,
    implementer      VARCHAR,
    location         VARCHAR,
    activity_id      VARCHAR REFERENCES activity (activity_id),
    sector_id        VARCHAR REFERENCES sector (sector_id),
    funding_source   VARCHAR CHECK (funding_source IN ('local', 'central', 'counterpart', 'other')),
    plan_mvnd        DECIMAL(18, 3) CHECK (plan_mvnd >= 0),
    actual_mvnd      DECIMAL(18, 3) CHECK (actual_mvnd >= 0),
    counterpart_mvnd DECIMAL(18, 3) CHECK (counterpart_mvnd >= 0),
    status           VARCHAR CHECK (status IN ('registered', 'appraisal', 'approved', 'in_progress', 'completed', 'cancelled')),
    doc_id           VARCHAR NOT NULL REFERENCES source_document (doc_id),
    is_illustrative  BOOLEAN NOT NULL,
    note             VARCHAR
);
