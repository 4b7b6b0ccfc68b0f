"""The article reader (etl/extract, issue 29) on the research quotes and on the held-back paragraphs.

For every row of the research tables (`../shared/research/real-figures.md` and `real-figures-round2.md`, read where
they are: their sentences are never copied into the project) whose quote states a money figure, the reader reads the
quote alone. The expected figures are the project's own transcription of that row (data/sources/allocation.csv and
stated_figure.csv, by row_id) for the figures whose number the quote holds, and, for rows the project did not
transcribe (round 2, rows left out, component figures), the labels of bench/extract_labels.csv, taken from the
research table's own columns (years, source, kind as the row gives them; a total beside its parts has no single
source). The expected value is the truth of the whole article: where the quote alone does not say it (the year of
a sentence cut from its paragraph), the reader can only ask, which counts as not right, and not as wrong.

Per expected figure: amount + unit + qualifier right; years right; funding source level right; kind right (the value
shown to the analyst equals the expected one, asked about or not). Per proposal: wrong when a field it decided without
asking differs from the expected value, or when it matches no expected figure (invented). The same figures for the
held-back paragraphs of tests/data/extract_heldback.json, which the reader was not tuned on.

    .venv/bin/python bench/bench_extract.py [--research DIR] [--db PATH] [--details]
"""

import argparse
import csv
import json
import os
import re
import sys
import tempfile
from collections import Counter
from datetime import datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_results  # noqa: E402
from etl.build import build_database  # noqa: E402
from etl.extract.areas import Reference  # noqa: E402
from etl.extract.reader import read_paragraph  # noqa: E402

RESEARCH_FILES = ("real-figures.md", "real-figures-round2.md")
LABELS = ROOT / "bench" / "extract_labels.csv"
# The first held-back set was looked at while the reader was tuned (its first run is kept in bench/results.md); the
# second was written after, and committed before the reader read it.
HELD_BACK = {"held_back": ROOT / "tests" / "data" / "extract_heldback.json",
             "held_back_2": ROOT / "tests" / "data" / "extract_heldback_2.json"}
MONEY_WORDS = re.compile(r"(tỷ|tỉ|triệu|\bty\b|\btrieu\b|billion|million|trillion|milliard|億|亿|\bbn\b)", re.I)
ROW_ID = re.compile(r"^[A-Z][A-Za-z]*\d+(r2)?$")
NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
FIELDS = ("amount", "years", "source", "kind")
# Which field a question is about, by its catalogue key.
QUESTION_FIELD = {"extract_q_two_readings": "amount", "extract_q_ratio": "amount", "extract_q_partial": "amount",
                  "extract_q_year": "years",
                  "extract_q_per_year": "years", "extract_q_area": "area", "extract_q_source": "source",
                  "extract_q_kind": "kind"}


def research_rows(folder: Path) -> list[dict]:
    """Rows of the research tables: id, quote, value as stated, and the rows that point at this row's quote."""
    rows = []
    for name in RESEARCH_FILES:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("| ") or line.startswith(("| #", "|---")):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not ROW_ID.match(cells[0]) or len(cells) < 10:
                continue
            quote = cells[-2].strip()
            rows.append({"row_id": cells[0], "value": cells[-6], "quote": quote.strip('"').replace('\\"', '"')})
    for row in rows:
        row["see"] = [r["row_id"] for r in rows if r["quote"] == f"(see {row['row_id']})"]
    return rows


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text not in (None, "") else None


def _int(text: str | None) -> int | None:
    return int(text) if text not in (None, "") else None


def expected_figures(rows: list[dict]) -> dict[str, list[dict]]:
    """row_id → the figures its quote states: bundled rows whose number is in the quote, then the labels."""
    bundled: dict[str, list[dict]] = {}
    for file_name in ("allocation.csv", "stated_figure.csv"):
        with (ROOT / "data" / "sources" / file_name).open(encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                if not record.get("row_id"):
                    continue
                bundled.setdefault(record["row_id"], []).append({
                    "written": record["value_as_written"], "area_id": record["area_id"],
                    "year_from": _int(record["year_from"]), "year_to": _int(record["year_to"]),
                    "funding_source": record["funding_source"] or None, "figure": record["figure"] or None,
                    "qualifier": record["qualifier"], "amount_mvnd": _decimal(record["amount_mvnd"]),
                    "origin": f"data/sources/{file_name}"})
    labelled: dict[str, list[dict]] = {}
    with LABELS.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            labelled.setdefault(record["row_id"], []).append({
                "written": record["written"], "area_id": record["area_id"] or None,
                "year_from": _int(record["year_from"]), "year_to": _int(record["year_to"]),
                "funding_source": record["funding_source"] or None, "figure": record["figure"] or None,
                "qualifier": record["qualifier"], "amount_mvnd": _decimal(record["amount_mvnd"]),
                "origin": "bench/extract_labels.csv", "occurrence": int(record["occurrence"] or 1)})
    expected = {}
    for row in rows:
        if row["quote"].startswith("(see") or not row["quote"]:
            continue
        figures = []
        for row_id in [row["row_id"], *row["see"]]:
            for figure in bundled.get(row_id, []):
                if written_span(row["quote"], figure["written"]) is not None:
                    figures.append({**figure, "row_id": row_id})
        for figure in labelled.get(row["row_id"], []):
            figures.append({**figure, "row_id": row["row_id"]})
        if figures or MONEY_WORDS.search(row["value"]):
            expected[row["row_id"]] = figures
    return expected


def written_span(quote: str, written: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Where a figure's number (and the unit after it) stands in the quote: its n-th occurrence there."""
    numbers = NUMBER.findall(written)
    if not numbers:
        return None
    seen = 0
    for match in re.finditer(rf"(?<![\d.,]){re.escape(numbers[0])}(?![\d]|[.,]\d)", quote):
        after = quote[match.end():match.end() + 24]
        if MONEY_WORDS.search(after) or "/" in after[:2] or "億" in after:
            seen += 1
            if seen == occurrence:
                return match.start(), match.end()
    return None


def field_values(figure) -> dict[str, object]:
    get = figure.get if isinstance(figure, dict) else lambda name: getattr(figure, name)
    amount = get("amount_mvnd")
    return {"amount": (Decimal(str(amount)).normalize() if amount is not None else None, get("qualifier")),
            "years": (get("year_from"), get("year_to")), "source": get("funding_source"), "kind": get("figure"),
            "area": get("area_id")}


def asked(proposal) -> set[str]:
    fields = set()
    for item in proposal.questions:
        for prefix, name in QUESTION_FIELD.items():
            if item.key.startswith(prefix):
                fields.add(name)
    return fields


def score(cases: list[tuple[str, str, list[dict], object]]) -> dict:
    """cases: (case id, text, expected figures with 'written', extraction). Figures of recall and of precision."""
    totals = Counter()
    details = []
    for case_id, text, expected, extraction in cases:
        proposals = list(extraction.figures)
        used: set[int] = set()
        for figure in expected:
            span = written_span(text, figure["written"], figure.get("occurrence", 1))
            want = field_values(figure)
            best, best_score = None, -1
            for index, proposal in enumerate(proposals):
                if index in used or span is None or not (proposal.start < span[1] and span[0] < proposal.end):
                    continue
                got = field_values(proposal)
                points = sum(got[f] == want[f] for f in (*FIELDS, "area")) + 2 * (got["amount"] == want["amount"])
                if points > best_score:
                    best, best_score = index, points
            totals["expected"] += 1
            if best is None:
                details.append((case_id, figure["written"], "missed", {}))
                continue
            used.add(best)
            got = field_values(proposals[best])
            right = {f: got[f] == want[f] for f in FIELDS}
            questions = asked(proposals[best])
            for name, ok in right.items():
                totals[f"right_{name}"] += ok
                totals[f"right_asked_{name}"] += ok and name in questions
                totals[f"asked_{name}"] += name in questions
            totals["right_all"] += all(right.values())
            wrong = [f for f in (*FIELDS, "area") if got[f] != want[f] and f not in questions
                     and not (f == "area" and want["area"] is None)]
            totals["wrong"] += bool(wrong)
            for name in wrong:
                totals[f"wrong_{name}"] += 1
            details.append((case_id, figure["written"], "wrong " + ",".join(wrong) if wrong else "ok",
                            {f: (got[f], want[f]) for f in (*FIELDS, "area") if got[f] != want[f]}))
        totals["proposals"] += len(proposals)
        for index, proposal in enumerate(proposals):
            if index not in used:
                totals["invented"] += 1
                details.append((case_id, proposal.value_as_written, "invented", field_values(proposal)))
    return {"totals": totals, "details": details}


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def summary(result: dict) -> dict:
    totals = result["totals"]
    expected, proposals = totals["expected"], totals["proposals"]
    return {"expected_figures": expected, "proposals": proposals,
            "amount_unit_qualifier_pct": percent(totals["right_amount"], expected),
            "years_pct": percent(totals["right_years"], expected),
            "source_pct": percent(totals["right_source"], expected),
            "kind_pct": percent(totals["right_kind"], expected),
            "all_fields_pct": percent(totals["right_all"], expected),
            **{f"{name}_asked_pct": percent(totals[f"asked_{name}"], expected) for name in FIELDS},
            **{f"{name}_right_decided_pct": percent(totals[f"right_{name}"] - totals[f"right_asked_{name}"], expected)
               for name in FIELDS},
            "wrong_or_invented_pct": percent(totals["wrong"] + totals["invented"], proposals),
            "wrong": totals["wrong"], "invented": totals["invented"],
            "wrong_fields": {name: totals[f"wrong_{name}"] for name in (*FIELDS, "area")}}


def held_back_cases(reference, path: Path) -> tuple[list, int, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    cases, traps, trap_hits = [], 0, 0
    for paragraph in data["paragraphs"]:
        extraction = read_paragraph(reference, paragraph["text"], lang=paragraph["lang"])
        figures = [{**f, "amount_mvnd": Decimal(str(f["amount_mvnd"]))} for f in paragraph["figures"]]
        cases.append((paragraph["id"], paragraph["text"], figures, extraction))
        for trap in paragraph["traps"]:
            traps += 1
            trap_hits += any(trap in p.value_as_written or p.value_as_written in trap for p in extraction.figures)
    return cases, traps, trap_hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--research", type=Path, default=Path(os.environ.get(
        "KC_RESEARCH_DIR", ROOT.parent / "shared" / "research")))
    parser.add_argument("--db", type=Path, default=None, help="a built database (default: build one in a temp dir)")
    parser.add_argument("--details", action="store_true", help="print every figure's outcome")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "kc.duckdb"
            build_database(db, with_demo=False, progress=lambda _m: None)
        reference = Reference.from_database(db)
        rows = research_rows(args.research)
        expected = expected_figures(rows)
        quotes = {r["row_id"]: r["quote"] for r in rows}
        research_cases = [(row_id, quotes[row_id], figures, read_paragraph(reference, quotes[row_id]))
                          for row_id, figures in expected.items()]
        research = score(research_cases)
        held = {}
        for name, path in HELD_BACK.items():
            cases, traps, trap_hits = held_back_cases(reference, path)
            held[name] = (score(cases), len(cases), traps, trap_hits)
    figures = {"measured": datetime.now().isoformat(timespec="seconds"),
               "research": {**summary(research), "rows": len(research_cases)},
               **{name: {**summary(result), "paragraphs": count, "traps": traps, "traps_proposed": hits}
                  for name, (result, count, traps, hits) in held.items()}}
    if args.details:
        for name, result in (("research", research), *((n, r[0]) for n, r in held.items())):
            for case_id, written, outcome, diff in result["details"]:
                if outcome != "ok":
                    print(f"{name:9} {case_id:7} {written!r:28} {outcome:16} {diff}")
    print(json.dumps(figures, indent=2, default=str))
    write_results("extract", figures, markdown(figures))
    return 0


# Each held-back set's first run, before any rule was changed after seeing it: kept because both sets were looked at
# afterwards (set 1 while the reader was first tuned, set 2 after its first run, commit f77c045).
FIRST_RUN = {
    "held_back": {"amount_unit_qualifier_pct": 97.6, "years_pct": 90.5, "source_pct": 83.3, "kind_pct": 78.6,
                  "wrong_or_invented_pct": 34.9},
    "held_back_2": {"amount_unit_qualifier_pct": 97.3, "years_pct": 100.0, "source_pct": 91.9, "kind_pct": 86.5,
                    "all_fields_pct": 78.4, "amount_right_decided_pct": 97.3, "years_right_decided_pct": 89.2,
                    "source_right_decided_pct": 43.2, "kind_right_decided_pct": 62.2, "amount_asked_pct": 0.0,
                    "years_asked_pct": 10.8, "source_asked_pct": 56.8, "kind_asked_pct": 35.1,
                    "wrong_or_invented_pct": 7.9},
}


def markdown(figures: dict) -> list[str]:
    r, h, h2 = figures["research"], figures["held_back"], figures["held_back_2"]

    def first(name: str, key: str) -> str:
        return f"{FIRST_RUN[name][key]:.1f} %" if key in FIRST_RUN[name] else ""

    def line(name: str, key: str, target: str) -> str:
        return (f"| {name} | {r[key]:.1f} % | {first('held_back_2', key)} | {h2[key]:.1f} % | "
                f"{first('held_back', key)} | {h[key]:.1f} % | {target} |")

    return [
        "## Article reader (python -m etl extract, Import page)",
        "",
        f"Measured {figures['measured']} by `bench/bench_extract.py`: the reader on each research quote alone "
        f"({r['rows']} rows of `../shared/research/real-figures*.md` with a money figure, {r['expected_figures']} "
        f"expected figures) and on two held-back sets of paragraphs written for the test (whole sentences, so easier "
        f"than quotes cut from their sentence): `tests/data/extract_heldback.json` ({h['paragraphs']} paragraphs, "
        f"{h['expected_figures']} figures, {h['traps']} traps) and `tests/data/extract_heldback_2.json` "
        f"({h2['paragraphs']} paragraphs, {h2['expected_figures']} figures, {h2['traps']} traps), each committed "
        "before the reader read it. Each set's first run is the figure of a set the reader had not seen; rules were "
        "changed after looking at both (set 1 while the reader was first tuned, set 2 after its first run), so their "
        "figures now are shown beside. A field is right when the value shown to the analyst equals the expected one; "
        "the expected "
        "value is the whole article's truth, so where a quote does not state a field the reader can only ask (not "
        "right, not wrong). A proposal is wrong when a field it decided without a question differs, invented when it "
        "matches no expected figure.",
        "",
        "| | research quotes | held-back 2, first run | held-back 2 now | held-back 1, first run | held-back 1 now "
        "| target |",
        "|---|---:|---:|---:|---:|---:|---|",
        line("amount + unit + qualifier right", "amount_unit_qualifier_pct", "≥ 90 % (held-back: ≥ 80 %)"),
        line("years or period right", "years_pct", "≥ 60 % (≥ 50 %)"),
        line("funding source level right", "source_pct", "≥ 60 % (≥ 50 %)"),
        line("kind of figure right", "kind_pct", "≥ 60 % (≥ 50 %)"),
        line("every field right", "all_fields_pct", ""),
        line("… amount right without a question", "amount_right_decided_pct", ""),
        line("… years right without a question", "years_right_decided_pct", ""),
        line("… source right without a question", "source_right_decided_pct", ""),
        line("… kind right without a question", "kind_right_decided_pct", ""),
        line("amount asked about (two readings, a ratio, a part of a span)", "amount_asked_pct", ""),
        line("years asked about", "years_asked_pct", ""),
        line("source asked about", "source_asked_pct", ""),
        line("kind asked about", "kind_asked_pct", ""),
        line("proposals wrong or invented", "wrong_or_invented_pct", "≤ 5 % (≤ 15 %)"),
        "",
        f"Proposals: {r['proposals']} on the research quotes ({r['wrong']} with a field decided wrong without a "
        f"question, {r['invented']} matching no expected figure); {h2['proposals']} on held-back 2 ({h2['wrong']} "
        f"wrong, {h2['invented']} invented, traps proposed as money {h2['traps_proposed']} of {h2['traps']}); "
        f"{h['proposals']} on held-back 1 ({h['wrong']} wrong, {h['invented']} invented, traps proposed "
        f"{h['traps_proposed']} of {h['traps']}). Fields decided wrong on the research quotes: "
        + ", ".join(f"{name} {count}" for name, count in r["wrong_fields"].items()) + ". `--details` prints every "
        "figure that is not right.",
        "",
        "The kind is below its target on the research quotes: they are extracts of at most 25 words that keep the "
        "amount and often cut the verb (a list of years and amounts with no verb, a figure after an ellipsis), and "
        "where no word names the kind the reader asks rather than guessing; the figures decided wrong are kinds the "
        "research table reads otherwise (an expected figure of a draft read as a target; a budget estimate beside "
        "\"allocated\") and qualifiers whose partial period (to a month, a first round) stands outside the quote.",
    ]


if __name__ == "__main__":
    sys.exit(main())
