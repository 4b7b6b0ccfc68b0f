"""Every page of the navigation list, in both languages, runs through dashboard.py without an exception and shows
its own title: a page added to khuyencong/ui/navigation.py is covered here without a new test."""

import pytest
from conftest import run_page

from khuyencong.i18n.labels import t
from khuyencong.ui.navigation import PAGES


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "overview")
def test_every_page_runs_and_shows_its_title(demo_db_path, page, lang):
    app = run_page(demo_db_path, None if page.url_path is None else page.file, lang=lang, area="nghe-an")
    assert not app.exception
    assert app.title[0].value == t(page.label, lang)
