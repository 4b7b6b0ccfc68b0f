-- Statements a source makes about money that fit no single funding source or are not amounts of one span:
-- an overall total ("trên 70 tỷ"), a stated annual average. Kept as written, checked, never summed.
CREATE TABLE stated_figure (
    area_id         VARCHAR NOT NULL REFERENCES area (area_id),
    year_from       INTEGER NOT NULL,
    year_to         INTEGER NOT NULL,
    funding_source  VARCHAR CHECK (funding_source IN ('local', 'central', 'counterpart', 'other', 'district', 'state')),  -- NULL: all sources
    measure         VARCHAR NOT NULL CHECK (measure IN ('total', 'annual_average')),
    qualifier       VARCHAR NOT NULL CHECK (qualifier IN ('exact', 'approx', 'more_than', 'nearly', 'at_least')),
    amount_mvnd     DECIMAL(18, 3) NOT NULL CHECK (amount_mvnd >= 0),
    doc_id          VARCHAR NOT NULL REFERENCES source_document (doc_id),
    note            VARCHAR,
    quote           VARCHAR,
    CHECK (year_from <= year_to)
);
