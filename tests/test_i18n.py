"""Every text the app shows has a Vietnamese and an English translation, and the catalogs hold no dead keys.

The keys used are what Babel's extractor finds in the source (t("key", ...) and N_("key")), configured in
pyproject.toml's [tool.babel]; the catalogs are khuyencong/i18n/locale/{vi,en}/LC_MESSAGES/messages.po.
"""

import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from khuyencong.i18n.labels import LANGS, catalog

ROOT = Path(__file__).resolve().parents[1]

# ALLOW-LIST: the only keys built at run time (extraction cannot see them). Code-list names come from the reference
# tables in the database; nothing else may be built at run time.
CODE_LIST_KEYS = {
    # period and qualifier words of the Plan versus actual page, which differ from the period/qualifier tables' names
    # ("6 tháng (H1)" against "6 tháng đầu năm"): keys built from the code there
    "plan_actual_period_year", "plan_actual_period_H1", "plan_actual_period_Q1", "plan_actual_period_Q2",
    "plan_actual_period_Q3", "plan_actual_period_Q4",
    "plan_actual_qualifier_estimate", "plan_actual_qualifier_approx", "plan_actual_qualifier_more_than",
    "plan_actual_qualifier_nearly", "plan_actual_qualifier_at_least",
}


def used_keys() -> set[str]:
    """Every key the app's source passes to t() or N_(), as `pybabel extract -F pyproject.toml` finds them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["babel"]["mappings"]
    method_map = [(pattern, m["method"]) for m in config for pattern in m["pattern"]]
    keywords = {k: None for m in config for k in m["keywords"]}
    return {message for _, _, message, _, _ in extract_from_dir(ROOT, method_map, keywords=keywords)}


USED = used_keys()


def test_extraction_sees_the_app():
    assert {"page_overview", "kpi_total", "not_reported"} <= USED


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_used_has_a_text(lang):
    texts = catalog(lang)
    missing = sorted(k for k in USED | CODE_LIST_KEYS if not texts.get(k, "").strip())
    assert not missing, f"keys without a {lang} text in locale/{lang}/LC_MESSAGES/messages.po: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_key_is_unused(lang):
    unused = sorted(set(catalog(lang)) - USED - CODE_LIST_KEYS)
    assert not unused, f"keys in the {lang} catalog that no code uses: {unused}"


def test_both_catalogs_have_the_same_keys():
    assert set(catalog("vi")) == set(catalog("en"))


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_placeholders_match_between_languages():
    vi, en = catalog("vi"), catalog("en")
    differ = {k: (_placeholders(vi[k]), _placeholders(en[k])) for k in vi.keys() & en.keys()
              if _placeholders(vi[k]) != _placeholders(en[k])}
    assert not differ, f"{{placeholders}} differ between vi and en: {differ}"


def test_the_mechanism_loads_without_streamlit():
    """The ETL and any script can translate and format without the UI layer."""
    code = ("import sys; from khuyencong.i18n.labels import t; from khuyencong.i18n.formatting import format_money; "
            "assert t('kpi_total', 'en') and format_money(53700, 'vi') == '53,7 tỷ đồng'; "
            "assert 'streamlit' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
