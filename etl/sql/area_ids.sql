-- The area ids a database knows: an operator's scope may name only these.
SELECT area_id FROM area;
