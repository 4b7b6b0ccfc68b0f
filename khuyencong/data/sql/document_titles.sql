-- Every source document with what a caption needs.
SELECT doc_id, title, publisher, published_on, date_note, url, is_illustrative FROM source_document;
