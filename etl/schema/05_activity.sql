-- Groups of khuyến công work (Nghị định 45/2012/NĐ-CP, amended by Nghị định 235/2025/NĐ-CP).
CREATE TABLE activity (
    activity_id VARCHAR PRIMARY KEY,
    name_vi     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    sort_order  INTEGER NOT NULL,
    doc_id      VARCHAR NOT NULL REFERENCES source_document (doc_id)
);
