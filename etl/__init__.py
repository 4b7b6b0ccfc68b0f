"""Build and load the khuyến công DuckDB database from bundled sources and analysts' workbooks."""
