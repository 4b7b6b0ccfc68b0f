-- Every figure's origin: an article, a decision, a workbook, or the illustrative-data generator.
CREATE TABLE source_document (
    doc_id        VARCHAR PRIMARY KEY,
    title         VARCHAR NOT NULL,
    publisher     VARCHAR,            -- NULL: the document does not name one
    published_on  DATE,               -- NULL: the document gives no exact date (see date_note)
    url           VARCHAR,
    note          VARCHAR,
    date_note     VARCHAR,            -- the date as the document gives it when it is not exact ("2024")
    kind          VARCHAR NOT NULL CHECK (kind IN ('article', 'legal', 'statistics', 'workbook', 'illustrative', 'reference')),
    local_copy    VARCHAR,            -- path in the repository of the bundled text, when there is one
    is_illustrative BOOLEAN NOT NULL DEFAULT false
);
