"""The figures an analyst accepted from an article, as a file the importer loads like any other: a CSV in the import
template's allocation columns (etl/importing/templates.py), each row carrying its qualifier, its words as published,
the sentence that states it and the article (title, publisher, date, URL; etl/importing/documents.py).

Loading it is loading a file: checked and loaded all or nothing by etl.importer.load_files, kept in imports/ and
replayed by every build, logged in load_log, undone by removing the file from imports/ and rebuilding. One article is
one file (its name comes from the article's title and URL), so figures accepted from it later are added to the same
file: the rows loaded before stay, a row with the same area, years, source and kind is replaced.
"""

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from etl.importing.templates import ALLOCATION
from etl.importing.values import fold

MVND_IN_DONG = Decimal(1_000_000)
SLUG_CHARS = 60
FIELDS = ("area_id", "year_from", "year_to", "funding_source", "figure", "amount_mvnd", "qualifier",
          "value_as_written", "quote", "note", "doc_title", "doc_publisher", "doc_published_on", "doc_url")
KEY = ("area_id", "year_from", "year_to", "funding_source", "figure")


@dataclass(frozen=True)
class Article:
    title: str
    url: str
    publisher: str | None = None
    published_on: date | None = None


@dataclass(frozen=True)
class AcceptedFigure:
    area_id: str
    year_from: int
    year_to: int
    funding_source: str
    figure: str
    qualifier: str
    amount_mvnd: Decimal
    value_as_written: str
    quote: str
    note: str | None = None


def headers() -> list[str]:
    """The template's own header of each column; the amount in đồng, whole numbers that read one way only."""
    by_field = {column.field: column.header for column in ALLOCATION.columns}
    return [f"{by_field[name]} (đồng)" if name == "amount_mvnd" else by_field[name] for name in FIELDS]


def file_name(article: Article) -> str:
    """bai-viet-<title's words>-<8 hex of the URL>.csv: one file per article, whatever was accepted from it."""
    slug = "-".join(fold(article.title).split())[:SLUG_CHARS].strip("-") or "bai-viet"
    return f"bai-viet-{slug}-{hashlib.sha1(article.url.encode()).hexdigest()[:8]}.csv"


def _row(figure: AcceptedFigure, article: Article) -> dict[str, str]:
    dong = (Decimal(figure.amount_mvnd) * MVND_IN_DONG).to_integral_value()
    return {"area_id": figure.area_id, "year_from": str(figure.year_from), "year_to": str(figure.year_to),
            "funding_source": figure.funding_source, "figure": figure.figure, "amount_mvnd": str(dong),
            "qualifier": figure.qualifier, "value_as_written": figure.value_as_written, "quote": figure.quote,
            "note": figure.note or "", "doc_title": article.title, "doc_publisher": article.publisher or "",
            "doc_published_on": article.published_on.isoformat() if article.published_on else "",
            "doc_url": article.url}


def earlier_rows(data: bytes | None) -> list[dict[str, str]]:
    """The rows of the article's file as loaded before (written by article_csv), keyed by field."""
    if not data:
        return []
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header = next(reader, [])
    by_header = dict(zip(headers(), FIELDS))
    fields = [by_header.get(name) for name in header]
    return [{f: v for f, v in zip(fields, row) if f} for row in reader if any(row)]


def article_csv(article: Article, figures: list[AcceptedFigure], earlier: bytes | None = None) -> bytes:
    """The article's file: its earlier rows (the article's document now as given), then the accepted figures, a
    figure of the same key replacing the earlier row. UTF-8 with a BOM, every cell quoted."""
    document = _row(figures[0], article) if figures else {}
    rows: dict[tuple, dict[str, str]] = {}
    for row in earlier_rows(earlier):
        row.update({k: v for k, v in document.items() if k.startswith("doc_")})
        rows[tuple(row.get(k) for k in KEY)] = row
    for figure in figures:
        row = _row(figure, article)
        rows[tuple(row[k] for k in KEY)] = row
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(headers())
    for row in rows.values():
        writer.writerow([row.get(name, "") for name in FIELDS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
