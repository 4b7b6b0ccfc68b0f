-- The document every national illustrative row cites.
INSERT INTO source_document (doc_id, title, publisher, note, kind, is_illustrative)
VALUES ($doc_id, $title, $publisher, $note, 'illustrative', true);
