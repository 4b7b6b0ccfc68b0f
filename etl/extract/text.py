"""A paragraph as the reader sees it: NFC text with a map back to the characters as given, a folded copy of the
same length for matching words with or without diacritics, and its sentences."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Characters read as one another before matching: dashes, spaces and apostrophes as typed by different editors.
SAME_AS = {"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ",
           "\u2009": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\uff0c": ",", "\uff08": "(",
           "\uff09": ")", "œ": "o", "Œ": "o"}
# Words that end in a full stop without ending the sentence (folded): "TP. Hồ Chí Minh", "Q. 1", "Mr. Tam".
ABBREVIATIONS = {"tp", "tx", "tt", "q", "p", "ts", "ths", "pgs", "gs", "mr", "mrs", "ms", "dr", "no", "st", "co", "ltd",
                 "jsc", "vs", "ks", "bs", "ong", "ba"}
SENTENCE_END = re.compile(r"[.!?。]+[\"')\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[-•*])")


@cache
def fold_char(char: str) -> str:
    """One character without its diacritics, in lower case: 'Ắ' → 'a', 'đ' → 'd'; always one character."""
    char = SAME_AS.get(char, char)
    if char in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else (char.lower() if len(char.lower()) == 1 else char)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


class Paragraph:
    """The text given (`original`), its NFC form (`text`) and folded form (`folded`, same length as `text`).

    Positions found in `text` or `folded` are turned back into positions in `original` by `span_in_original`, so
    a figure's offsets and its words as written are those of what the analyst pasted, composed or not.
    """

    def __init__(self, original: str):
        self.original = original
        pieces, starts = [], []
        # NFC composes a base letter with the marks after it: normalise each such run on its own and remember
        # where it began, so every NFC position maps back to the run it came from.
        run_start = 0
        for index in range(1, len(original) + 1):
            if index == len(original) or unicodedata.combining(original[index]) == 0:
                composed = unicodedata.normalize("NFC", original[run_start:index])
                pieces.append(composed)
                starts.extend([run_start] * len(composed))
                run_start = index
        self.text = "".join(pieces)
        self._to_original = starts + [len(original)]
        self.folded = "".join(fold_char(c) for c in self.text)
        self.sentences = split_sentences(self.folded)

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) in the text as given, for a span of the NFC text."""
        return self._to_original[start], (self._to_original[end] if end < len(self.text) else len(self.original))

    def sentence_at(self, position: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= position < sentence.end:
                return sentence
        return self.sentences[-1] if self.sentences else Sentence(0, len(self.text))


def split_sentences(folded: str) -> list[Sentence]:
    """Sentences of a folded text: a full stop, question or exclamation mark before a space (not after an
    abbreviation, not inside a number such as 4.5), a blank line, or a line that starts a list item."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(folded):
        if match.group().startswith("."):
            word = re.search(r"([a-z]+)\s*$", folded[start:match.start()])
            if word and word.group(1) in ABBREVIATIONS:
                continue
        end = match.end()
        if folded[start:end].strip():
            sentences.append(Sentence(start, end))
        start = end
    if folded[start:].strip():
        sentences.append(Sentence(start, len(folded)))
    return sentences
