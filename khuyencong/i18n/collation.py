"""Vietnamese alphabetical order (the order of a Vietnamese dictionary), not the order of Unicode code points: base
letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then the tone (none, huyền, hỏi, ngã, sắc,
nặng) only where the letters are the same. Code points put "Đ" after "Z" (Bình Thuận before Bình Định)."""

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
RANK = {letter: i for i, letter in enumerate(ALPHABET)}
# Marks that make another letter (ă â ê ô ơ ư), and the tones in dictionary order.
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_key(text: str) -> tuple:
    """A sort key: letters in the Vietnamese alphabet first (case and tones aside), then tones, then case."""
    letters, tones, case = [], [], []
    for char in unicodedata.normalize("NFD", text):
        if char in TONES:
            if tones:
                tones[-1] = TONES[char]
            continue
        if char in LETTER_MARKS and letters:
            base = unicodedata.normalize("NFC", letters[-1][1] + char)
            letters[-1] = (RANK.get(base, len(RANK) + ord(base)), base)
            continue
        lower = char.lower()
        # A space ends a word before any letter can: "Cà Mau" before "Cao Bằng".
        letters.append((-1 if lower.isspace() else RANK.get(lower, len(RANK) + ord(lower)), lower))
        tones.append(0)
        case.append(char != lower)
    return tuple(rank for rank, _ in letters), tuple(tones), tuple(case)
