-- Code lists of the fact tables' coded columns. Every layer reads these tables (URL parser, sidebar, importer,
-- template drop-downs, integrity check, chart colours): nothing else lists the codes.
CREATE TABLE funding_source (
    funding_source_id VARCHAR PRIMARY KEY,
    name_vi           VARCHAR NOT NULL,
    name_en           VARCHAR NOT NULL,
    is_khuyen_cong    BOOLEAN NOT NULL,   -- false: not khuyến công money (counterpart capital), never in its totals
    colour            VARCHAR NOT NULL,   -- chart colour, #RRGGBB (Okabe-Ito, colour-blind safe)
    sort_order        INTEGER NOT NULL,
    doc_id            VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
-- What a money figure is: allocated, disbursed, settled (and, with real reports, more kinds).
CREATE TABLE figure_kind (
    figure_id  VARCHAR PRIMARY KEY,
    name_vi    VARCHAR NOT NULL,
    name_en    VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL,
    doc_id     VARCHAR NOT NULL REFERENCES source_document (doc_id),
    entry_name_vi VARCHAR           -- the data-entry template's wording, as report forms write it (Dự toán); NULL: name_vi
);
CREATE TABLE project_status (
    status_id  VARCHAR PRIMARY KEY,
    name_vi    VARCHAR NOT NULL,
    name_en    VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL,
    doc_id     VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
-- Reporting periods of an outcome within its year; end_month/end_day: the day the period ends.
CREATE TABLE period (
    period_id  VARCHAR PRIMARY KEY,
    name_vi    VARCHAR NOT NULL,
    name_en    VARCHAR NOT NULL,
    end_month  INTEGER NOT NULL CHECK (end_month BETWEEN 1 AND 12),
    end_day    INTEGER NOT NULL CHECK (end_day BETWEEN 1 AND 31),
    sort_order INTEGER NOT NULL,
    doc_id     VARCHAR NOT NULL REFERENCES source_document (doc_id),
    entry_name_vi VARCHAR           -- the data-entry template's wording (6 tháng); NULL: name_vi
);
-- How exact a published figure is; symbol is shown before the number (> 10,2 tỷ đồng, ≈ 7,2 tỷ đồng).
CREATE TABLE qualifier (
    qualifier_id VARCHAR PRIMARY KEY,
    name_vi      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    symbol       VARCHAR,
    sort_order   INTEGER NOT NULL,
    doc_id       VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
-- How reports and workbooks write a code (as written, or already folded): matched folded (lower case, no diacritics,
-- punctuation as spaces), exactly, never by similarity. list names the code list; doc_id the document whose wording it
-- is (a decree or circular where one names it, else the dashboard's catalogue kc-danh-muc).
CREATE TABLE code_alias (
    list   VARCHAR NOT NULL CHECK (list IN ('funding_source', 'figure', 'status', 'period', 'qualifier', 'activity',
                                            'sector', 'indicator')),
    code   VARCHAR NOT NULL,
    alias  VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL REFERENCES source_document (doc_id),
    note   VARCHAR,
    UNIQUE (list, alias)
);
