-- Money for khuyến công, in triệu đồng (million VND). year_from = year_to: an annual figure;
-- a longer span: a period total exactly as reported, never spread over its years.
CREATE TABLE allocation (
    area_id         VARCHAR NOT NULL,
    year_from       INTEGER NOT NULL CHECK (year_from BETWEEN 1990 AND 2100),
    year_to         INTEGER NOT NULL CHECK (year_to BETWEEN 1990 AND 2100),
    funding_source  VARCHAR NOT NULL CHECK (funding_source IN ('local', 'central', 'counterpart', 'other', 'district', 'state')),
    figure          VARCHAR NOT NULL CHECK (figure IN ('allocated', 'disbursed', 'settled', 'approved_plan', 'proposed', 'target', 'estimated_executed', 'executed')),
    amount_mvnd     DECIMAL(18, 3) CHECK (amount_mvnd >= 0),   -- NULL: not reported
    doc_id          VARCHAR NOT NULL,
    is_illustrative BOOLEAN NOT NULL,
    note            VARCHAR,
    quote           VARCHAR,          -- the words of the source that state the figure
    CHECK (year_from <= year_to),
    UNIQUE (area_id, year_from, year_to, funding_source, figure, doc_id)
);
