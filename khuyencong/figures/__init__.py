"""What each page shows, as data: one module per page, named like the page. A figure module takes a query function
(khuyencong.data.queries.Query: query(name, **params) -> DataFrame) and plain filter values, combines the few rows
the SQL returns, and returns data frames, numbers and text; the rules themselves are SQL macros. No Streamlit."""
