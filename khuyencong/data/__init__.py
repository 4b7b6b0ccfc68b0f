"""Reading the database: the read-only connection that reopens on a swap (database.py), named queries in sql/ (one
per file, starting from the view macros of etl/schema/25_view_macros.sql), the shared filters and their URL form
(filters.py), and the code lists of the reference tables (code_lists.py). No Streamlit."""
