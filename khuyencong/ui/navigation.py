"""The dashboard's pages in menu order: dashboard.py builds the navigation from this list and the smoke test runs
every page in it, so a page added here is in the menu and tested."""

from typing import NamedTuple


class NavPage(NamedTuple):
    file: str  # relative to the project root
    url_path: str | None  # None: the default page, served at /
    label: str  # labels.py key of the title, in the menu and at the top of the page
    icon: str


# url_path equals each file's name: a fresh server's first run maps deep links by file name (see shell.py).
PAGES = (
    NavPage("pages/overview.py", None, "page_overview", ":material/dashboard:"),
    NavPage("pages/trends.py", "trends", "page_trends", ":material/trending_up:"),
    NavPage("pages/outcomes.py", "outcomes", "page_outcomes", ":material/category:"),
    NavPage("pages/plan_actual.py", "plan_actual", "page_plan_actual", ":material/flag:"),
    NavPage("pages/compare.py", "compare", "page_compare", ":material/compare_arrows:"),
    NavPage("pages/profile.py", "profile", "page_profile", ":material/location_city:"),
    NavPage("pages/data.py", "data", "page_data", ":material/table:"),
    NavPage("pages/import_data.py", "import_data", "page_import", ":material/upload_file:"),
    NavPage("pages/sources.py", "sources", "page_sources", ":material/fact_check:"),
)

# Not in the menu: the page a document's link opens where the document has no URL of its own (its stored copy).
DOCUMENT = NavPage("pages/document.py", "document", "page_document", ":material/article:")
