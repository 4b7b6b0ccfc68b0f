-- Illustrative rows written, per table.
SELECT
    (SELECT count(*) FROM project WHERE doc_id = $doc_id) AS project,
    (SELECT count(*) FROM outcome WHERE doc_id = $doc_id) AS outcome,
    (SELECT count(*) FROM allocation WHERE doc_id = $doc_id) AS allocation;
