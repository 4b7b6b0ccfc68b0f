-- A result indicator for a period of a year. prior_value is the same period of the year before (cùng kỳ).
-- When a report gives only percentages, they are kept as reported in *_pct_reported; values are not invented.
CREATE TABLE outcome (
    area_id             VARCHAR NOT NULL,
    year                INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    period              VARCHAR NOT NULL CHECK (period IN ('year', 'H1', 'Q1', 'Q2', 'Q3', 'Q4')),
    activity_id         VARCHAR,
    sector_id           VARCHAR,
    indicator_id        VARCHAR NOT NULL,
    plan_value          DECIMAL(18, 3) CHECK (plan_value >= 0),
    actual_value        DECIMAL(18, 3) CHECK (actual_value >= 0),
    prior_value         DECIMAL(18, 3) CHECK (prior_value >= 0),
    plan_pct_reported   DECIMAL(8, 2) CHECK (plan_pct_reported >= 0),
    plan_pct_basis      VARCHAR CHECK (plan_pct_basis IN ('year', 'period')),
    prior_pct_reported  DECIMAL(8, 2) CHECK (prior_pct_reported >= 0),
    qualifier           VARCHAR NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'approx', 'more_than', 'estimate', 'nearly', 'at_least')),
    doc_id              VARCHAR NOT NULL,
    is_illustrative     BOOLEAN NOT NULL,
    note                VARCHAR,
    quote               VARCHAR,
    project_id          VARCHAR          -- the đề án it results from, when reported per project (else NULL)
);
