-- Every source document with what a caption needs (local_copy: the stored text, for a document without a URL).
SELECT doc_id, title, publisher, published_on, date_note, url, local_copy, is_illustrative FROM source_document;
