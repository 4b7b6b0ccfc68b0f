"""Set parsed files against the database (already loaded? duplicates? what changes?) and write them."""

import re
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pyarrow as pa

from etl.importing.parse import ParsedFile
from etl.importing.templates import NATURAL_KEYS, TEMPLATES, VALUE_COLUMNS
from etl.importing.values import fold
from etl.load_log import log_load
from etl.problems import Problem, bilingual, both
from khuyencong.i18n.labels import t

IMPORT_PREFIX = "tep-"
SHA_IN_NOTE = re.compile(r"sha256=([0-9a-f]{64})")
TABLES = [t.table for t in TEMPLATES]
DECIMAL = pa.decimal128(18, 3)
ARROW_TYPES = {"year_from": pa.int32(), "year_to": pa.int32(), "year": pa.int32(), "amount_mvnd": DECIMAL,
               "plan_mvnd": DECIMAL, "actual_mvnd": DECIMAL, "counterpart_mvnd": DECIMAL,
               "plan_value": DECIMAL, "actual_value": DECIMAL, "prior_value": DECIMAL}


@dataclass
class Assessment:
    already_loaded: bool = False
    problems: list[Problem] = field(default_factory=list)
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    changed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    removed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))


def imported_documents(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """doc_id → sha256 of every file loaded through the importer."""
    rows = con.execute("SELECT doc_id, note FROM source_document WHERE kind IN ('workbook', 'article') "
                       "AND starts_with(doc_id, ?)", [IMPORT_PREFIX]).fetchall()
    return {doc_id: (m.group(1) if (m := SHA_IN_NOTE.search(note or "")) else None) for doc_id, note in rows}


def _key_columns(table: str) -> list[str]:
    return ["name" if c == "name_key" else c for c in NATURAL_KEYS[table]]


def _key_of(table: str, row: dict) -> tuple:
    return (table,) + tuple(fold(row["name"]) if c == "name_key" else row[c] for c in NATURAL_KEYS[table])


def _rows(con, table: str, where: str, params: list) -> list[dict]:
    columns = list(dict.fromkeys(_key_columns(table) + list(VALUE_COLUMNS[table]) + ["doc_id"]))
    cursor = con.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", params)
    return [dict(zip(columns, values)) for values in cursor.fetchall()]


def assess(con: duckdb.DuckDBPyConnection, files: list[ParsedFile]) -> list[Assessment]:
    """What loading `files`, in order, would do to the database behind `con`; writes nothing."""
    documents = imported_documents(con)
    loaded_shas = {sha: doc for doc, sha in documents.items() if sha}
    replaced = {f.doc_id for f in files}
    others: dict[tuple, str] = {}      # natural key → doc_id, rows of other imported files
    bundled: dict[tuple, str] = {}     # natural key → doc_id, real (not illustrative) bundled rows
    for table in TABLES:
        for row in _rows(con, table, "starts_with(doc_id, ?)", [IMPORT_PREFIX]):
            if row["doc_id"] not in replaced:
                others[_key_of(table, row)] = row["doc_id"]
        for row in _rows(con, table, "NOT starts_with(doc_id, ?) AND NOT is_illustrative", [IMPORT_PREFIX]):
            bundled.setdefault(_key_of(table, row), row["doc_id"])
    results = []
    for parsed in files:
        result = Assessment()
        results.append(result)
        if parsed.sha256 in loaded_shas and not any(p.severity == "error" for p in parsed.problems):
            result.already_loaded = True
            for record in parsed.records:  # still its rows: a later file of the batch must not repeat them
                others.setdefault(record.key(), loaded_shas[parsed.sha256])
            continue
        for record in parsed.records:
            key = record.key()
            if key in others:
                result.problems.append(Problem(
                    parsed.file_name, record.row, None, None,
                    *both("etl_duplicate_of_other_file", doc_id=others[key]), sheet=record.sheet))
            elif key in bundled:
                result.problems.append(Problem(
                    parsed.file_name, record.row, None, None, *both("etl_also_in_bundled_source", doc_id=bundled[key]),
                    sheet=record.sheet, severity="warning"))
        for record in parsed.records:
            others.setdefault(record.key(), parsed.doc_id)
        _diff(con, parsed, result)
    return results


def _diff(con, parsed: ParsedFile, result: Assessment) -> None:
    """Compare by natural key with the rows this file name loaded before."""
    new = {r.key(): r.values for r in parsed.records}
    for table in TABLES:
        old = {_key_of(table, row): row for row in _rows(con, table, "doc_id = ?", [parsed.doc_id])}
        new_keys = {k for k in new if k[0] == table}
        result.added[table] = len(new_keys - old.keys())
        result.removed[table] = len(old.keys() - new_keys)
        result.changed[table] = sum(
            1 for k in new_keys & old.keys()
            if any(_differs(new[k].get(c), old[k].get(c)) for c in VALUE_COLUMNS[table]))


def _differs(a, b) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    return a != b


def write_file(con: duckdb.DuckDBPyConnection, parsed: ParsedFile, result: Assessment, now: datetime,
               operator: str | None = None) -> None:
    """Replace what this file name loaded before by its rows now, with its source_document and load_log row (naming
    the operator who loaded it, when known)."""
    note = (bilingual("etl_note_loaded_by_importer") + f"; sha256={parsed.sha256}; "
            + bilingual("etl_note_loaded_at") + f" {now:%Y-%m-%d %H:%M:%S} UTC")
    con.execute("BEGIN")
    try:
        for table in TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [parsed.doc_id])
        # An article's figures (etl/importing/documents.py): the file's document is the article, with its URL.
        document = parsed.document or {"doc_title": parsed.file_name}
        values = [document["doc_title"], document.get("doc_publisher"), document.get("doc_published_on"),
                  document.get("doc_url"), note, "article" if parsed.document else "workbook"]
        exists = con.execute("SELECT count(*) FROM source_document WHERE doc_id = ?", [parsed.doc_id]).fetchone()[0]
        if exists:
            con.execute("UPDATE source_document SET title = ?, publisher = ?, published_on = ?, url = ?, note = ?, "
                        "kind = ? WHERE doc_id = ?", [*values, parsed.doc_id])
        else:
            con.execute("INSERT INTO source_document (title, publisher, published_on, url, note, kind, doc_id, "
                        "is_illustrative) VALUES (?, ?, ?, ?, ?, ?, ?, false)", [*values, parsed.doc_id])
        for table in TABLES:
            records = [r.values for r in parsed.records if r.table == table]
            if not records:
                continue
            columns = list(VALUE_COLUMNS[table])
            arrays = [pa.array([r.get(c) for r in records], type=ARROW_TYPES.get(c, pa.string())) for c in columns]
            con.register("import_rows", pa.Table.from_arrays(arrays, names=columns))
            try:
                con.execute(f"INSERT INTO {table} ({', '.join(columns)}, doc_id, is_illustrative) "
                            f"SELECT {', '.join(columns)}, ?, false FROM import_rows", [parsed.doc_id])
            finally:
                con.unregister("import_rows")
        warnings = [p for p in parsed.problems + result.problems if p.severity == "warning"]
        log_load(con, parsed.file_name, parsed.sha256, len(parsed.records), "warning" if warnings else "ok",
                 summary(result) + (f"; {len(warnings)} " + bilingual("etl_warnings") if warnings else ""), at=now,
                 operator=operator)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def summary(result: Assessment) -> str:
    parts = [f"{t}: +{result.added[t]} ~{result.changed[t]} -{result.removed[t]}" for t in TABLES]
    return t("etl_added_changed_removed", "vi") + f" ({t('etl_added_changed_removed', 'en')}) " + ", ".join(parts)
