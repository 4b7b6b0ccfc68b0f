-- The day each reporting period ends: an area's name is resolved on that day of the row's year.
SELECT period_id, end_month, end_day FROM period;
