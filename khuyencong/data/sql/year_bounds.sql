-- First and last year with any figure.
SELECT min(y) AS first_year, max(y) AS last_year FROM (
    SELECT year_from AS y FROM allocation UNION ALL SELECT year_to FROM allocation
    UNION ALL SELECT year FROM project_cube UNION ALL SELECT year FROM outcome_cube
);
