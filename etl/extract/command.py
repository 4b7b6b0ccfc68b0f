"""python -m etl extract [--lang vi|en|auto] [FILE|-]: one JSON object per proposed money figure, one per line."""

import json
import sys
from datetime import date
from pathlib import Path

from etl.extract.areas import Reference
from etl.extract.reader import read_paragraph


def extract_command(source: str, db: Path, lang: str, title: str | None, published_on: str | None,
                    out=sys.stdout) -> int:
    """Print the proposals of a UTF-8 text (a file, or standard input for '-'); 0 also when there are none."""
    raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    text = raw.decode("utf-8-sig")
    reference = Reference.from_database(db)
    day = date.fromisoformat(published_on) if published_on else None
    extraction = read_paragraph(reference, text, lang=lang, title=title, published_on=day)
    for proposal in extraction.figures:
        out.write(json.dumps(proposal.as_json(), ensure_ascii=False) + "\n")
    return 0
