-- Activity × sector pairs for projects, and activity × sector × indicator triples for outcomes (filled from Python).
CREATE TEMP TABLE national_mix (k INTEGER, activity_id VARCHAR, sector_id VARCHAR, name_vi VARCHAR,
                                with_counterpart BOOLEAN);
CREATE TEMP TABLE national_indicator_mix (activity_id VARCHAR, sector_id VARCHAR, indicator_id VARCHAR);
