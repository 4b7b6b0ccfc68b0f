"""What the user reads, in Vietnamese and English; the bottom layer, importing nothing else of the core.

- Texts are gettext catalogs managed with Babel: locale/{vi,en}/LC_MESSAGES/messages.po, with symbolic keys as
  msgids ("kpi_total") and the text as msgstr. labels.t(key, lang, **values) reads the catalog of `lang` (parsed
  at first use and cached; no compile step) and fills in {placeholders}.
- Every key is written literally in the code, as t("key", ...) or, in a table of keys, N_("key") (the ETL's
  messages also as etl.problems.both("etl_...") / bilingual("etl_..."), which render vi and en), so
  `pybabel extract -F pyproject.toml -o /tmp/messages.pot .` lists them all; tests/test_i18n.py fails on a key used
  but missing in a catalog, a key no code uses, or placeholders that differ between vi and en.
- To add a text: use t("new_key", lang) in the code and add the msgid with its msgstr to both .po files.
- Numbers, money, percentages and dates: formatting.py, with Babel's vi and en locales.
"""
