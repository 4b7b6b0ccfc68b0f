"""Importing province workbooks and CSV files: reading, validation and loading (API in etl.importer)."""
