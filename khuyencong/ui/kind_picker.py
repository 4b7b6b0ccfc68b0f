"""The kind of figure every money page shows (allocated, approved plan, executed, ...): one control, the shared
filter `kind` (kind= in the URL, allocated by default), on Overview, Trends, Compare (and its map) and Profile."""

from khuyencong.figures.trends import kind_counts
from khuyencong.i18n.formatting import format_number
from khuyencong.i18n.labels import t
from khuyencong.ui.fetch import code_lists, query
from khuyencong.ui.shell import KEYS


def kind_picker(container, filters) -> str:
    """The kind picker in `container`, each kind with how many figures of it the view holds; the shell reads the
    pick into Filters.kind and the URL. Returns the kind picked."""
    lang = filters.lang
    codes = code_lists()
    kinds = kind_counts(query, filters)
    counts = dict(zip(kinds["figure"], kinds["figures"]))
    return container.selectbox(t("trends_kind", lang), list(counts), key=KEYS["kind"],
                               help=t("trends_kind_help", lang),
                               format_func=lambda k: f"{codes.name('figure', k, lang)} "
                                                     f"({format_number(counts[k], lang)})")
