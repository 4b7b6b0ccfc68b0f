-- Every reporting unit's level (province, region, national) and its names, for the article reader
-- (etl/extract/areas.py): a region names a grouping the analyst confirms, a province is proposed as read.
SELECT area_id, level, name_vi, name_en FROM area ORDER BY area_id;
