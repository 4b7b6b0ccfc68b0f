-- Which side each kind of figure is on (plan or executed): a report's "Thực hiện" column fills the actual
-- amount.
SELECT figure_id, side FROM figure_kind;
