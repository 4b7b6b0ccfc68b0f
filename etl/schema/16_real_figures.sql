-- What published reports need beyond the first data model (issue 13), added without renaming anything.
-- Which side a kind of figure is on: 'plan' (allocated, approved plan, proposed, target) or 'executed' (estimated
-- executed, executed, disbursed, settled). Figures of the two sides are shown side by side, never summed.
ALTER TABLE figure_kind ADD COLUMN side VARCHAR;
-- A figure as published: how exact it is (qualifier code), its words ("trên 11,442 tỷ đồng") and the row id of
-- the research table it was transcribed from (real-figures.md, e.g. "BD3").
ALTER TABLE allocation ADD COLUMN qualifier VARCHAR DEFAULT 'exact';
ALTER TABLE allocation ADD COLUMN value_as_written VARCHAR;
ALTER TABLE allocation ADD COLUMN row_id VARCHAR;
-- A count over several years (projects 2016–2020) spans year_from..year; NULL: the single year `year`.
-- funding_source: the level a count belongs to when the report splits it (KCQG 54 / KCĐP 412); NULL: all levels.
ALTER TABLE outcome ADD COLUMN year_from INTEGER;
ALTER TABLE outcome ADD COLUMN funding_source VARCHAR;
ALTER TABLE outcome ADD COLUMN value_as_written VARCHAR;
ALTER TABLE outcome ADD COLUMN row_id VARCHAR;
-- figure: what the stated total is (approved plan, executed, ...); NULL for the first statements, which say
-- nothing of it. includes_counterpart: the total adds beneficiaries' money (vốn đối ứng); NULL: not stated.
ALTER TABLE stated_figure ADD COLUMN figure VARCHAR;
ALTER TABLE stated_figure ADD COLUMN value_as_written VARCHAR;
ALTER TABLE stated_figure ADD COLUMN row_id VARCHAR;
ALTER TABLE stated_figure ADD COLUMN includes_counterpart BOOLEAN;

-- Provinces a source names as members of a regional grouping it reports (area level 'region'). Only what the
-- source names: a partial list stays partial (see note), and a regional figure is never split among them.
CREATE TABLE region_member (
    region_id VARCHAR NOT NULL REFERENCES area (area_id),
    area_id   VARCHAR NOT NULL REFERENCES area (area_id),
    doc_id    VARCHAR NOT NULL REFERENCES source_document (doc_id),
    note      VARCHAR,
    UNIQUE (region_id, area_id, doc_id)
);

-- Rows of the research table left out, with the reason (shown on the Sources page).
CREATE TABLE excluded_figure (
    row_id    VARCHAR PRIMARY KEY,
    area_id   VARCHAR NOT NULL REFERENCES area (area_id),
    url       VARCHAR,
    reason_vi VARCHAR NOT NULL,
    reason_en VARCHAR NOT NULL
);
