-- Where a real annual allocation exists, scale that area's, year's and source's illustrative plans to add up to it
-- exactly; the last project takes the rounding remainder.
UPDATE project AS p
SET plan_mvnd = f.plan_mvnd
FROM (
    WITH real AS (
        SELECT area_id, year_from AS year, funding_source, sum(amount_mvnd) AS amount
        FROM allocation
        WHERE NOT is_illustrative AND figure = 'allocated' AND year_from = year_to AND amount_mvnd IS NOT NULL
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
