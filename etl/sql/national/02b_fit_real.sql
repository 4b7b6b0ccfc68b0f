-- Where a real annual allocation exists, scale that area's, year's and source's illustrative plans to add up to it
-- exactly (of several versions of one figure, the newest: v_allocation_version); the last project takes the rounding
-- remainder.
UPDATE project AS p
SET plan_mvnd = f.plan_mvnd
FROM (
    WITH real AS (
        SELECT a.area_id, a.year_from AS year, a.funding_source, sum(a.amount_mvnd) AS amount
        FROM allocation AS a
        JOIN v_allocation_version AS v
          ON v.area_id = a.area_id AND v.year_from = a.year_from AND v.year_to = a.year_to
         AND v.funding_source = a.funding_source AND v.figure = a.figure AND v.doc_id = a.doc_id
        WHERE NOT a.is_illustrative AND a.figure = 'allocated' AND a.year_from = a.year_to
          AND a.amount_mvnd IS NOT NULL AND v.version_rank = 1
        GROUP BY ALL
    ), scaled AS (
        SELECT p.project_id, p.area_id, p.year, p.funding_source, r.amount,
               round(p.plan_mvnd * r.amount / sum(p.plan_mvnd) OVER w, 3) AS share,
               row_number() OVER (w ORDER BY p.project_id DESC) AS from_last
        FROM project AS p
        JOIN real AS r USING (area_id, year, funding_source)
        WHERE p.doc_id = 'minh-hoa'
        WINDOW w AS (PARTITION BY p.area_id, p.year, p.funding_source)
    )
    SELECT project_id,
           CASE WHEN from_last = 1
                THEN amount - (sum(share) OVER (PARTITION BY area_id, year, funding_source) - share)
                ELSE share END::DECIMAL(18, 3) AS plan_mvnd
    FROM scaled
) AS f
WHERE p.project_id = f.project_id;
