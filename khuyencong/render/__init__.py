"""Turning figures into things people look at or take away: Plotly charts (one make_*_chart per chart family, one
template), PNG/SVG images, the slide deck, and the Excel/CSV exports with the Data page's download builders.
Takes data frames and code lists, returns figures and bytes; no Streamlit."""
