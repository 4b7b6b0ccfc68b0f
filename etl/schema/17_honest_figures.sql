-- What the published figures need so that every number means what it says (issue 25), added without renaming
-- anything.

-- A figure that covers only part of its span's last year (a first approval round, "by August", nine months) carries
-- its marker: it is shown as published and never counted as a whole year (funding rule: counted_in_view).
-- name_vi / name_en are read before the last year ("đợt 1 năm 2017", "first nine months of 2025").
CREATE TABLE partial_period (
    partial_id VARCHAR PRIMARY KEY,
    name_vi    VARCHAR NOT NULL,
    name_en    VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL,
    doc_id     VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
-- NULL: the span's years are whole.
ALTER TABLE allocation ADD COLUMN partial_period VARCHAR;
ALTER TABLE stated_figure ADD COLUMN partial_period VARCHAR;
-- includes_loans: the stated total adds recoverable loans or a revolving fund (Lâm Đồng's "hơn 96 tỷ", 59 % of it
-- recycled loans); such money is its own funding source (funding_source 'loan', not khuyến công money), so a total
-- that holds it is a total of all money, never filed under a khuyến công source. NULL: not stated.
ALTER TABLE stated_figure ADD COLUMN includes_loans BOOLEAN;
-- A project row transcribed from the research table carries the row id it comes from (SL1r2), as the others do.
ALTER TABLE project ADD COLUMN row_id VARCHAR;
-- Whether a row of this status is a project (đề án): a registration or a proposal under appraisal is not one yet,
-- so it is listed but never counted as a project.
ALTER TABLE project_status ADD COLUMN is_project BOOLEAN NOT NULL DEFAULT true;
