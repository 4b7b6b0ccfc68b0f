"""Words and numbers in Vietnamese and English: the labels (t(key, lang)) and money, number and date formatting.
The bottom layer: imports nothing else of the core."""
