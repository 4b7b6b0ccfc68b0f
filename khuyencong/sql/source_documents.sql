-- Source documents that stand behind at least one real figure, with how many figures each supports.
SELECT
    d.doc_id, d.title, d.publisher, d.published_on, d.date_note, d.url, d.kind, d.is_illustrative,
    (SELECT count(*) FROM allocation AS x WHERE x.doc_id = d.doc_id)
  + (SELECT count(*) FROM project AS x WHERE x.doc_id = d.doc_id)
  + (SELECT count(*) FROM outcome AS x WHERE x.doc_id = d.doc_id) AS figures
FROM source_document AS d
ORDER BY figures DESC, d.published_on DESC NULLS LAST, d.doc_id;
