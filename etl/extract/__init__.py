"""The article reader: a published paragraph into proposed khuyến công figures (python -m etl extract)."""
