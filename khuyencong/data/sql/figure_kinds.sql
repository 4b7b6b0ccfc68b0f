-- The kinds of figure (figure_kind) with the side each is on: 'plan' or 'executed', never summed together.
SELECT figure_id, side, sort_order FROM figure_kind ORDER BY sort_order;
