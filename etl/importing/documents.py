"""The document a file's rows cite, when the file names it: a figure read from an article (etl/extract) is loaded
from a CSV whose rows carry the article's title, publisher, date and URL (the columns "Tiêu đề tài liệu", "Nơi
đăng", "Ngày đăng", "Đường dẫn"). The file's own source_document (tep-<file name>) is then that article (kind
'article', with its URL), not a workbook: its figures read on every page like the bundled published ones.

Every row names the same document; a URL is http(s); a date is YYYY-MM-DD; an article's figure keeps its words as
published ("Số liệu như văn bản"), as every published figure does (etl/checks/qualifiers_and_wording.sql)."""

import re
from datetime import date

from etl.importing.templates import ALLOCATION, DOCUMENT_COLUMNS
from etl.problems import Problem, both
from khuyencong.i18n.labels import N_

VALUE_AS_WRITTEN = next(c for c in ALLOCATION.columns if c.field == "value_as_written")

HEADERS = {column.field: column.header for column in (*DOCUMENT_COLUMNS, VALUE_AS_WRITTEN)}
FIELDS = tuple(column.field for column in DOCUMENT_COLUMNS)
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def take_document(parsed) -> None:
    """Move the document columns out of the rows of `parsed` (a ParsedFile) into parsed.document, or add a problem
    naming the row that differs or the value that cannot be one."""
    named = [(record, {name: record.values.pop(name, None) for name in FIELDS}) for record in parsed.records]
    if not any(any(document.values()) for _record, document in named):
        return
    first, document = next((r, d) for r, d in named if any(d.values()))

    def problem(record, name: str, value, key: str, **values) -> None:
        parsed.problems.append(Problem(parsed.file_name, record.row, HEADERS[name], value, *both(key, **values),
                                       sheet=record.sheet))

    for record, other in named:
        if other != document:
            differs = next(n for n in FIELDS if other.get(n) != document.get(n))
            problem(record, differs, other.get(differs), N_("etl_document_differs"), row=first.row)
            return
    if not document.get("doc_title"):
        problem(first, "doc_title", None, N_("etl_document_title_missing"))
    if not URL.match(document.get("doc_url") or ""):
        problem(first, "doc_url", document.get("doc_url"), N_("etl_document_url_invalid"))
    if published := document.get("doc_published_on"):
        try:
            document["doc_published_on"] = date.fromisoformat(published)
        except ValueError:
            problem(first, "doc_published_on", published, N_("etl_document_date_invalid"))
    for record, _other in named:
        if record.table == "allocation" and not record.values.get("value_as_written"):
            problem(record, "value_as_written", None, N_("etl_article_value_as_written_missing"))
    parsed.document = document
