"""Read a published paragraph into proposed khuyến công money figures, each with its area, years, funding source
level, kind and qualifier, the words that decided each field, and a question for every field it could not decide.

How a figure's words are found: the amounts of a sentence split it at the first boundary after each amount (a comma,
"và", "and", "trong đó", "of which" …); a figure's own words are those between its two splits. A field is decided by
its own words (the nearest cue, a strong cue over a weak one), else by the words before the sentence's first amount
when no other figure of the sentence has words of its own for that field, else the reader asks. A figure with no level
of its own is khuyến công money of no stated level ("state") only when no figure of the paragraph names a level and
the figure is not called a total; otherwise the reader asks. Years come from the figure's own words, else from the
nearest period before it in its sentence, else from an earlier sentence (asked). Open periods, relative years and
dates are asked about, with the article's date as a hint. Parts after "trong đó"/"of which" take their total's years
and kind; the total itself is a stated total of its parts (no single level).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from etl.extract import wording
from etl.extract.amounts import Money, find_money, settle_two_readings
from etl.extract.areas import AreaMention, Reference, find_pronouns
from etl.extract.periods import Period, find_periods
from etl.extract.text import Paragraph, Sentence
from etl.extract.wording import FUTURE, PLAN_SIDE, Cue
from khuyencong.i18n.formatting import format_date, format_number
from khuyencong.i18n.labels import t

LANGS = ("vi", "en", "auto")
QUALIFIER_REACH = 28       # characters before an amount where its qualifier may stand ("trên", "more than")
PARTIAL_REACH = 120        # a partial period this close before or after an amount, in its own words, applies to it
PER_YEAR_REACH = 40        # "mỗi năm", "each year" this close before an amount in its own words: a yearly amount
PER_YEAR_WORDS = re.compile(r"(?<![a-z])(moi nam|hang nam|each year|every year|annually|per year|chaque annee)"
                            r"(?![a-z])")


@dataclass(frozen=True)
class Question:
    """A question to the analyst: a catalogue key and its values (a value may be a function of the language)."""
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        return t(self.key, lang, **{k: (v(lang) if callable(v) else v) for k, v in self.values})


def question(key: str, **values) -> Question:
    return Question(key, tuple(values.items()))


@dataclass
class Proposal:
    """One proposed khuyến công money figure, with the words that decided each field (offsets in the text as given)."""
    area_id: str | None
    year_from: int | None
    year_to: int | None
    funding_source: str | None
    figure: str | None
    qualifier: str
    amount_mvnd: Decimal
    value_as_written: str
    start: int
    end: int
    sentence: tuple[int, int]
    questions: list[Question] = field(default_factory=list)
    evidence: dict[str, tuple[int, int]] = field(default_factory=dict)  # field → the deciding words' offsets
    other_reading_mvnd: Decimal | None = None
    is_total: bool = False
    per_year: bool = False

    def as_json(self) -> dict:
        """The object `python -m etl extract` prints: exactly the keys of issue 29, questions in both languages."""
        return {"area_id": self.area_id, "year_from": self.year_from, "year_to": self.year_to,
                "funding_source": self.funding_source, "figure": self.figure, "qualifier": self.qualifier,
                "amount_mvnd": json_number(self.amount_mvnd), "value_as_written": self.value_as_written,
                "start": self.start, "end": self.end,
                "questions": [f"{q.text('vi')} / {q.text('en')}" for q in self.questions]}


@dataclass
class Count:
    """A count (projects, establishments, trainees…) proposed as an outcome, never as money."""
    indicator_id: str
    value: Decimal
    value_as_written: str
    start: int
    end: int
    sentence: tuple[int, int]
    area_id: str | None
    year_from: int | None
    year_to: int | None
    funding_source: str | None


@dataclass
class LeftOut:
    """An amount in money's shape that is not proposed, and why ('investment', 'revenue', 'foreign_currency'…)."""
    reason: str
    value_as_written: str
    start: int
    end: int


@dataclass
class Extraction:
    text: str
    language: str
    figures: list[Proposal]
    counts: list[Count]
    left_out: list[LeftOut]


def json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# --- Finding cues ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    code: str
    start: int
    end: int
    strength: int


def _compile(phrase: str) -> re.Pattern:
    body = phrase.replace(" ?", r"\s*").replace(" ", r"\s+")
    return re.compile(rf"(?<![a-z0-9-]){body}(?![a-z0-9])")


def _find(cues: tuple[Cue, ...], text: str, blocked: list[tuple[int, int]]) -> list[Found]:
    """Every cue in the text, the longest where two overlap, none inside a blocked span (amounts, comparisons)."""
    hits = []
    for cue in cues:
        for match in _compile(cue.phrase).finditer(text):
            if match.end() > match.start() and not _inside(match.start(), match.end(), blocked):
                hits.append(Found(cue.code, match.start(), match.end(), cue.strength))
    hits.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def mask_comparisons(folded: str) -> tuple[str, list[tuple[int, int]]]:
    """The folded text with comparisons ("tăng 40,6%", "84.06% of the plan", "so với năm 2015") blanked out."""
    spans = []
    for pattern in wording.COMPARISONS:
        for match in re.finditer(pattern, folded):
            if re.search(r"\S", match.group()):
                spans.append((match.start(), match.end()))
    masked = list(folded)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    return "".join(masked), spans


def detect_language(paragraph: Paragraph) -> str:
    """'vi' when a tenth of the letters carry Vietnamese marks, else 'en'."""
    letters = [c for c in paragraph.text if c.isalpha() and c.isascii() or c.isalpha() and c.lower() in VI_LETTERS]
    marked = sum(1 for c in letters if not c.isascii())
    return "vi" if letters and marked / len(letters) >= 0.08 else "en"


VI_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


# --- Regions of a sentence ------------------------------------------------------------------------------------------

@dataclass
class Slot:
    """One amount in its sentence: its own words run from `left` to `right`."""
    money: Money
    sentence: Sentence
    left: int
    right: int
    index: int                 # in its sentence
    parts_after: bool = False  # a "trong đó"/"of which" split follows it: it is a total of what comes after
    parent: "Slot | None" = None


SPLIT = re.compile("|".join(rf"(?<![a-z0-9]){p}(?![a-z0-9])" if p[0].isalpha() else p
                            for p in (*wording.PARTS, *wording.LIST_SPLITS)))
CLAUSE_SPLIT = re.compile("|".join(rf"(?<![a-z0-9]){p.replace(' ', r'[ ]+')}(?![a-z0-9])"
                                   for p in wording.CLAUSE_SPLITS))
PARTS_SPLIT = re.compile("|".join(rf"(?<![a-z0-9]){p}(?![a-z0-9])" if p[:1].isalpha() else p
                                  for p in wording.PARTS))


def slots_of(paragraph: Paragraph, masked: str, moneys: list[Money]) -> list[Slot]:
    slots: list[Slot] = []
    for sentence in paragraph.sentences:
        inside = [m for m in moneys if sentence.start <= m.start < sentence.end]
        left = sentence.start
        for index, money in enumerate(inside):
            following = inside[index + 1] if index + 1 < len(inside) else None
            limit = following.start if following else sentence.end
            split = SPLIT.search(masked, money.end, limit)
            right = split.start() if split else (money.end if following else sentence.end)
            slot = Slot(money, sentence, left, right, index)
            if following and PARTS_SPLIT.search(masked, money.end, limit):
                slot.parts_after = True
            slots.append(slot)
            left = right
    # A sentence that opens with "Trong đó" / "Of which" holds the parts of the last amount before it.
    for previous, slot in zip(slots, slots[1:]):
        if slot.sentence != previous.sentence and slot.index == 0 and PARTS_SPLIT.match(
                masked[slot.sentence.start:slot.money.start].strip()):
            previous.parts_after = True
    for index, slot in enumerate(slots):
        if slot.parts_after:
            for later in slots[index + 1:]:
                if later.sentence.start > slot.sentence.end and later.index == 0 and not PARTS_SPLIT.match(
                        masked[later.sentence.start:later.money.start].strip()):
                    break
                if later.sentence == slot.sentence or later.sentence.start >= slot.sentence.end:
                    later.parent = later.parent or slot
                if later.parts_after:
                    break
    return slots


# --- The reader -----------------------------------------------------------------------------------------------------

class Reader:
    def __init__(self, reference: Reference, text: str, lang: str = "auto", title: str | None = None,
                 published_on: date | None = None):
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}")
        self.ref, self.title, self.published_on = reference, title, published_on
        self.p = Paragraph(text)
        self.language = detect_language(self.p) if lang == "auto" else lang
        self.masked, self.comparisons = mask_comparisons(self.p.folded)
        moneys, self.skipped = find_money(self.p.folded)
        settle_two_readings(moneys, prefer_vietnamese_commas=self.language == "vi")
        self.moneys, self.left_out = self._drop_traps(moneys)
        blocked = [(m.start, m.end) for m in self.moneys] + self.comparisons
        self.periods = [p for p in find_periods(self.masked) if not _inside(p.start, p.end, blocked)]
        self.areas = [a for a in reference.find_areas(self.p.folded) if not _inside(a.start, a.end, blocked)]
        # "khuyến công tỉnh Bắc Ninh", "ngân sách của tỉnh Nam Định": the words name the area, not a level
        self.sources = [c for c in _find(wording.SOURCE_CUES, self.masked, blocked)
                        if not any(c.start <= a.start <= c.end + 2 for a in self.areas)]
        self.kinds = _find(wording.KIND_CUES, self.masked, blocked)
        self.combined = _find(tuple(Cue("both", p) for p in wording.COMBINED_LEVELS), self.masked, blocked)
        self.partials = [(m.start(), m.end()) for phrase in wording.PARTIAL
                         for m in _compile(phrase).finditer(self.masked) if not _inside(m.start(), m.end(), blocked)]
        self.pronouns = find_pronouns(self.p.folded)
        self.slots = slots_of(self.p, self.masked, self.moneys)
        self.levels_named = any(self._own(slot, self.sources) for slot in self.slots)

    # -- what is not money --------------------------------------------------------------------------------------
    def _drop_traps(self, moneys: list[Money]) -> tuple[list[Money], list[LeftOut]]:
        kept, left_out = [], [LeftOut(s.reason, *self._written(s.start, s.end)) for s in self.skipped]
        for money in moneys:
            reason = self._trap(money)
            if reason:
                left_out.append(LeftOut(reason, *self._written(money.start, money.end)))
            else:
                kept.append(money)
        return kept, left_out

    def _trap(self, money: Money) -> str | None:
        sentence = self.p.sentence_at(money.start)
        before_start = max(sentence.start, money.start - wording.TRAP_REACH)
        before = self.masked[before_start:money.number_start]
        # only the words since the last amount or boundary belong to this amount
        cut = max((m.end() for m in re.finditer(r"[;(]|\d\s*(ty|trieu|billion|million)", before)), default=0)
        before = before[cut:]
        for reason, phrases in wording.NOT_KC.items():
            for phrase in phrases:
                if _compile(phrase).search(before):
                    return reason
        if re.search(rf"(?<![a-z]){wording.DIFFERENCE_BEFORE}", before.replace("vnd", "   ").rstrip() + " "):
            return "difference"
        after = self.masked[money.end:money.end + 40]
        if re.match(r"\s*(each|per (project|establishment|entity|unit|facility|model|person)|/\s*(co so|de an|du an|"
                    r"mo hinh|nguoi|lop|hoc vien)\b|(cho )?moi (co so|de an|du an|mo hinh|nguoi))", after):
            return "price"
        if re.match(r"\s*(in |of )?(revenue|turnover|sales|doanh thu)", after):
            return "revenue"
        return None

    def _written(self, start: int, end: int) -> tuple[str, int, int]:
        a, b = self.p.span_in_original(start, end)
        return self.p.original[a:b], a, b

    def _span(self, start: int, end: int) -> tuple[int, int]:
        return self.p.span_in_original(start, end)

    # -- cue selection ------------------------------------------------------------------------------------------
    @staticmethod
    def _own(slot: Slot, found: list[Found]) -> list[tuple[int, Found]]:
        """(distance, cue) of the cues in a slot's own words."""
        out = []
        for cue in found:
            if slot.left <= cue.start and cue.end <= slot.money.start:
                out.append((slot.money.start - cue.end, cue))
            elif slot.money.end <= cue.start and cue.end <= slot.right:
                out.append((cue.start - slot.money.end + 1, cue))
        return out

    @staticmethod
    def _best(candidates: list[tuple[int, Found]]) -> Found | None:
        if not candidates:
            return None
        return min(candidates, key=lambda dc: (-dc[1].strength, dc[0]))[1]

    def _prefix(self, slot: Slot, found: list[Found]) -> list[Found]:
        """Cues before the first amount of the slot's sentence: words shared by its figures, unless a clause of its
        own ("while the national programme…") stands between them and the slot."""
        first = next(s for s in self.slots if s.sentence == slot.sentence)
        if CLAUSE_SPLIT.search(self.masked, first.money.end, slot.money.start):
            return []
        return [c for c in found if slot.sentence.start <= c.start and c.end <= first.money.start]

    def _siblings_have_own(self, slot: Slot, found: list[Found]) -> bool:
        """Whether another figure of the slot's sentence has words of its own for this field (so the words before
        the sentence's first figure may be that figure's, not shared)."""
        first = self._first_start(slot)
        return any(other is not slot and other.sentence == slot.sentence
                   and any(c.start >= first for _d, c in self._own(other, found)) for other in self.slots)

    def _first_start(self, slot: Slot) -> int:
        return next(s for s in self.slots if s.sentence == slot.sentence).money.start

    # -- fields -------------------------------------------------------------------------------------------------
    def read(self) -> Extraction:
        figures = []
        for slot in self.slots:
            figures.extend(self._figures(slot))
        counts = self._counts()
        return Extraction(self.p.original, self.language, figures, counts, self.left_out)

    def _figures(self, slot: Slot) -> list[Proposal]:
        money = slot.money
        text, start, end = self._written(money.start, money.end)
        # "mỗi năm tỉnh bố trí 2 tỷ": a yearly amount, its words a little before it in its own clause
        yearly = money.per_year or bool(PER_YEAR_WORDS.search(
            self.masked[max(slot.left, money.start - PER_YEAR_REACH):money.start]))
        proposal = Proposal(None, None, None, None, None, "exact", money.amount_mvnd, text, start, end,
                            self._span(slot.sentence.start, slot.sentence.end),
                            other_reading_mvnd=money.other_reading_mvnd, per_year=yearly)
        for key, values in money.questions:
            proposal.questions.append(self._money_question(key, money, text, values))
        self._qualifier(slot, proposal)
        period = self._years(slot, proposal)
        self._area(slot, proposal, period)
        self._source(slot, proposal)
        self._kind(slot, proposal)
        proposals = [proposal]
        if money.ratio_of is not None:
            whole = Proposal(**{**proposal.__dict__, "amount_mvnd": money.ratio_of, "questions": list(
                proposal.questions), "evidence": dict(proposal.evidence)})
            proposals.append(whole)
        if proposal.per_year and proposal.year_from is not None and proposal.year_to is not None \
                and proposal.year_from < proposal.year_to:
            proposals = [Proposal(**{**p.__dict__, "year_from": year, "year_to": year, "questions": list(p.questions),
                                     "evidence": dict(p.evidence)})
                         for p in proposals for year in range(p.year_from, p.year_to + 1)]
        return proposals

    def _money_question(self, key: str, money: Money, text: str, values: dict) -> Question:
        if key == "extract_q_two_readings":
            return question(key, text=text, a=_mvnd_text(money.amount_mvnd), b=_mvnd_text(money.other_reading_mvnd))
        if key == "extract_q_ratio":
            return question(key, text=text, a=_mvnd_text(money.amount_mvnd), b=_mvnd_text(money.ratio_of))
        return question(key, **values)

    def _qualifier(self, slot: Slot, proposal: Proposal) -> None:
        money = slot.money
        before = self.masked[max(slot.left, money.number_start - QUALIFIER_REACH):money.number_start]
        before = re.sub(r"\bvnd\s*$", "", before)
        best = None
        for cue in wording.QUALIFIER_BEFORE:
            body = cue.phrase.replace(" ?", r"\s*").replace(" ", r"\s+")
            match = re.search(rf"(?<![a-z0-9]){body}\s*(la|is|was|of|:|de)?\s*$", before)
            if match and (best is None or match.start() < best[1]):
                best = (cue.code, match.start(), match.end())
        if best:
            offset = money.number_start - len(before)
            proposal.qualifier = best[0]
            word_end = offset + best[1] + len(self.masked[offset + best[1]:offset + best[2]].rstrip())
            proposal.evidence["qualifier"] = self._span(offset + best[1], word_end)
        for cue in wording.QUALIFIER_AFTER:
            if cue.phrase in self.p.folded[money.start:money.end]:
                proposal.qualifier = cue.code
        partial = self._partial(slot)
        if partial and proposal.qualifier == "exact":
            proposal.qualifier = "at_least"
            proposal.evidence["qualifier"] = self._span(*partial)

    def _partial(self, slot: Slot) -> tuple[int, int] | None:
        near = [(s, e) for s, e in self.partials if slot.left <= s and e <= slot.right
                and (abs(slot.money.start - e) <= PARTIAL_REACH or abs(s - slot.money.end) <= PARTIAL_REACH)]
        if near:
            return near[0]
        # "By September, X had used A of its B plan for the year": a plan is the whole period's, whatever date the
        # sentence opens with
        if any(c.code in ("approved_plan", "target", PLAN_SIDE) for _d, c in self._own(slot, self.kinds)):
            return None
        first = self._first_start(slot)
        shared = [(s, e) for s, e in self.partials if slot.sentence.start <= s and e <= first]
        return shared[-1] if shared else None

    # years
    def _years(self, slot: Slot, proposal: Proposal) -> Period | None:
        money = slot.money
        in_sentence = [p for p in self.periods if slot.sentence.start <= p.start < slot.sentence.end]
        own_before = [p for p in in_sentence if slot.left <= p.start and p.end <= money.start]
        own_after = [p for p in in_sentence if money.end <= p.start and p.end <= slot.right]
        earlier = [p for p in in_sentence if p.end <= slot.left]
        chosen, source = None, None
        useful = [p for p in own_before if p.kind != "date"]
        if useful:
            chosen, source = useful[-1], "own"
        elif own_after and own_after[0].kind != "date":
            chosen, source = own_after[0], "own"
        elif slot.parent is not None:
            parent = self._years_of_slot(slot.parent)
            if parent is not None:
                chosen, source = parent, "parent"
        if chosen is None and [p for p in earlier if p.kind != "date"]:
            chosen, source = [p for p in earlier if p.kind != "date"][-1], "sentence"
        if chosen is None and (dates := [p for p in own_before + own_after + earlier if p.kind == "date"]):
            chosen, source = dates[-1], "date"
        if chosen is None:
            before = [p for p in self.periods if p.end <= slot.sentence.start and p.kind != "date"]
            if before:
                chosen, source = before[-1], "earlier"
        if chosen is None:
            proposal.questions.append(question("extract_q_year_none", hint=self._date_hint))
            return None
        proposal.evidence["years"] = self._span(chosen.start, chosen.end)
        words = self._written(chosen.start, chosen.end)[0]
        if chosen.kind == "closed":
            proposal.year_from, proposal.year_to = chosen.year_from, chosen.year_to
            vague = [p for p in in_sentence if p.kind in ("past_years", "this_period", "open_from", "relative")
                     and p.end <= slot.right]
            if vague:  # "After 3 years … 2021-2025": the figure may cover part of the period only
                proposal.questions.append(question("extract_q_year_vague", text=self._written(
                    vague[-1].start, vague[-1].end)[0], years=words))
            if source == "earlier":
                proposal.questions.append(question("extract_q_year_earlier", text=words))
            if chosen.pair:
                proposal.questions.append(question("extract_q_year_pair", text=words))
            if chosen.partial and proposal.qualifier == "exact":
                proposal.qualifier = "at_least"
            if chosen.partial and chosen.year_from != chosen.year_to:  # "2021 and 9 months of 2022"
                proposal.questions.append(question("extract_q_partial_span", text=words))
        elif chosen.kind == "date":
            proposal.year_from = proposal.year_to = chosen.year_to
            proposal.questions.append(question("extract_q_year_date", text=words, year=str(chosen.year_to)))
        elif chosen.kind == "open_from":
            proposal.year_from = chosen.year_from
            proposal.questions.append(question("extract_q_year_open_from", text=words, year=str(chosen.year_from),
                                               hint=self._date_hint))
        elif chosen.kind == "open_to":
            proposal.year_to = chosen.year_to
            proposal.questions.append(question("extract_q_year_open_to", text=words, year=str(chosen.year_to)))
        else:
            proposal.questions.append(question("extract_q_year_open", text=words, hint=self._date_hint))
        if proposal.per_year and proposal.year_from is None:
            proposal.questions.append(question("extract_q_per_year", text=proposal.value_as_written))
        return chosen

    def _years_of_slot(self, slot: Slot) -> Period | None:
        own = [p for p in self.periods if slot.left <= p.start and p.end <= slot.money.start and p.kind != "date"]
        after = [p for p in self.periods if slot.money.end <= p.start and p.end <= slot.right and p.kind != "date"]
        earlier = [p for p in self.periods if slot.sentence.start <= p.start and p.end <= slot.left
                   and p.kind != "date"]
        return (own[-1:] or after[:1] or earlier[-1:] or [None])[0]

    def _date_hint(self, lang: str) -> str:
        if self.published_on is None:
            return ""
        return t("extract_hint_published", lang, date=format_date(self.published_on, lang))

    # area
    def _area(self, slot: Slot, proposal: Proposal, period: Period | None) -> None:
        money = slot.money
        day = _day(proposal)
        in_sentence = [a for a in self.areas if slot.sentence.start <= a.start < slot.sentence.end]
        own = [a for a in in_sentence if slot.left <= a.start and a.end <= money.start]
        own_after = [a for a in in_sentence if money.end <= a.start and a.end <= slot.right]
        before = [a for a in in_sentence if a.end <= slot.left]
        chosen = (own[-1:] or own_after[:1] or before[-1:] or [None])[0]
        source = "sentence"
        if chosen is None:
            named = self._paragraph_areas(day)
            if len(named) == 1:
                chosen, source = named[0], "paragraph"
            elif len(named) > 1:
                names = ", ".join(self._area_name(a.on(day, self.ref.codes)[0] or a.candidates[0]) for a in named)
                proposal.questions.append(question("extract_q_area_many", names=names))
                return
        if chosen is None:
            from_title = self._title_areas(day)
            if len(from_title) == 1:
                area_id = from_title[0]
                proposal.area_id = area_id
                proposal.questions.append(question("extract_q_area_title", name=self._area_name(area_id)))
                return
            proposal.questions.append(question("extract_q_area_none"))
            return
        area_id, candidates = chosen.on(day, self.ref.codes)
        words = self._written(chosen.start, chosen.end)[0]
        if area_id is None:
            names = ", ".join(self._area_name(a) for a in candidates)
            proposal.questions.append(question("extract_q_area_ambiguous", text=words, names=names))
            return
        proposal.area_id = area_id
        years_asked = any(q.key.startswith("extract_q_year") for q in proposal.questions)
        if years_asked and len(chosen.candidates) > 1:
            names = ", ".join(self._area_name(a) for a in chosen.candidates)
            proposal.questions.append(question("extract_q_area_ambiguous", text=words, names=names))
        if source == "sentence" or chosen.start >= slot.sentence.start:
            proposal.evidence["area"] = self._span(chosen.start, chosen.end)
        if source == "paragraph" and not self._pronoun_in(slot):
            proposal.questions.append(question("extract_q_area_paragraph", name=self._area_name(area_id)))
        if self.ref.level.get(area_id) == "region" and not area_id.startswith("kv-"):
            proposal.questions.append(question("extract_q_area_region", name=self._area_name(area_id)))

    def _paragraph_areas(self, day: date | None) -> list[AreaMention]:
        distinct: dict[str, AreaMention] = {}
        for area in self.areas:
            area_id = area.on(day, self.ref.codes)[0] or "|".join(area.candidates)
            distinct.setdefault(area_id, area)
        return list(distinct.values())

    def _title_areas(self, day: date | None) -> list[str]:
        if not self.title:
            return []
        title = Paragraph(self.title)
        found = {a.on(day, self.ref.codes)[0] for a in self.ref.find_areas(title.folded)}
        return sorted(a for a in found if a)

    def _pronoun_in(self, slot: Slot) -> bool:
        return any(slot.sentence.start <= s and e <= slot.sentence.end for s, e in self.pronouns)

    def _code_name(self, list_name: str, code: str) -> object:
        names = self.ref.codes.labels.get(list_name, {}).get(code, (code, code))
        return lambda lang: names[1 if lang == "en" else 0]

    def _area_name(self, area_id: str) -> str:
        return self.ref.names.get(area_id, (area_id, area_id))[0]

    # funding source level
    def _source(self, slot: Slot, proposal: Proposal) -> None:
        combined = [(d, c) for d, c in self._own(slot, self.combined)]
        if combined:
            cue = min(combined, key=lambda dc: dc[0])[1]
            proposal.evidence["funding_source"] = self._span(cue.start, cue.end)
            proposal.questions.append(question("extract_q_source_combined", text=self._written(cue.start, cue.end)[0]))
            return
        own = self._own(slot, self.sources)
        best = self._best(own)
        strong_own = [c for _d, c in own if c.strength == 2]
        if best is not None:
            proposal.funding_source = best.code
            proposal.evidence["funding_source"] = self._span(best.start, best.end)
            if best.strength < 2:
                proposal.questions.append(question("extract_q_source_suggested", text=self._written(
                    best.start, best.end)[0], name=self._code_name("funding_source", best.code)))
            nearest = min(own, key=lambda dc: dc[0])[1]
            rivals = {c.code for c in strong_own} | {nearest.code}
            if len(rivals) > 1:  # two levels in the figure's own words ("national … not … but local"): ask
                other = sorted(rivals - {best.code})[0]
                proposal.questions.append(question("extract_q_source_conflict",
                                                   a=self._code_name("funding_source", best.code),
                                                   b=self._code_name("funding_source", other)))
            return
        if slot.parts_after:
            proposal.is_total = True
            proposal.questions.append(question("extract_q_source_total_of_parts"))
            return
        shared = self._prefix(slot, self.sources) if slot.index > 0 else []
        if shared and not self._siblings_have_own(slot, self.sources):
            cue = max(shared, key=lambda c: (c.strength, c.end))
            proposal.funding_source = cue.code
            proposal.evidence["funding_source"] = self._span(cue.start, cue.end)
            if cue.strength < 2:
                proposal.questions.append(question("extract_q_source_suggested", text=self._written(
                    cue.start, cue.end)[0], name=self._code_name("funding_source", cue.code)))
            return
        if self.levels_named:
            proposal.questions.append(question("extract_q_source_siblings"))
            return
        if self._called_total(slot):
            proposal.questions.append(question("extract_q_source_total"))
            return
        # No level named: "state" is the code for khuyến công money of no stated level, proposed and asked about
        # (the level may stand in a sentence the paragraph left out).
        proposal.funding_source = "state"
        proposal.questions.append(question("extract_q_source_unstated"))

    def _called_total(self, slot: Slot) -> bool:
        before = self.masked[slot.left:slot.money.start]
        return bool(re.search(r"(?<![a-z])(tong|total|totall?ing|au total)(?![a-z])", before))

    # kind of figure
    def _kind(self, slot: Slot, proposal: Proposal) -> None:
        # a kind named before a ";" is another clause's ("phê duyệt Chương trình …; năm 2022, tỉnh được hỗ trợ …")
        clause = self.masked.rfind(";", slot.left, slot.money.start)
        own = [(d, c) for d, c in self._own(slot, self.kinds) if c.start > clause]
        strong_own = [(d, c) for d, c in own if c.strength == 2]
        shared = [c for c in self._prefix(slot, self.kinds) if not (slot.left <= c.start < slot.money.start)]
        strong_shared = [c for c in shared if c.strength == 2]
        chosen = None
        if strong_own:
            chosen = self._best(strong_own)
        elif strong_shared and not self._siblings_have_own(slot, self.kinds):
            chosen = max(strong_shared, key=lambda c: c.end)
        elif slot.parent is not None and (parent := self._kind_of_slot(slot.parent)) is not None:
            chosen = parent
        elif own:
            chosen = self._best(own)
        elif shared and not self._siblings_have_own(slot, self.kinds):
            chosen = max(shared, key=lambda c: c.end)
        if chosen is None:
            proposal.questions.append(question("extract_q_kind_none"))
            return
        words = self._written(chosen.start, chosen.end)[0]
        proposal.evidence["figure"] = self._span(chosen.start, chosen.end)
        if chosen.code == FUTURE:
            proposal.questions.append(question("extract_q_kind_future", text=words))
            return
        if chosen.code == PLAN_SIDE:
            proposal.questions.append(question("extract_q_kind_plan_side", text=words))
            return
        proposal.figure = chosen.code
        if chosen.strength < 2:
            proposal.questions.append(question("extract_q_kind_suggested", text=words,
                                               name=self._code_name("figure", chosen.code)))

    def _kind_of_slot(self, slot: Slot) -> Found | None:
        own = self._own(slot, self.kinds)
        strong = [(d, c) for d, c in own if c.strength == 2]
        return self._best(strong or own)

    # counts (outcomes)
    def _counts(self) -> list[Count]:
        counts = []
        blocked = [(m.start, m.end) for m in self.moneys] + [(p.start, p.end) for p in self.periods] + \
            [(s.start, s.end) for s in self.skipped]
        nouns = "|".join(f"(?P<n{i}>{pattern})" for i, (_code, pattern) in enumerate(wording.COUNT_NOUNS))
        number = r"(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        pattern = re.compile(rf"(?<![\d/.,a-z]){number}(?![.,]\d)\s+(?:[a-z]+\s+){{0,3}}?(?:{nouns})(?![a-z])")
        for match in pattern.finditer(self.masked):
            if _inside(match.start("num"), match.end("num"), blocked):
                continue
            code = next(wording.COUNT_NOUNS[i][0] for i in range(len(wording.COUNT_NOUNS))
                        if match.group(f"n{i}") is not None)
            value = _count_value(match.group("num"), self.language)
            if value is None:
                continue
            sentence = self.p.sentence_at(match.start())
            text, start, end = self._written(match.start(), match.end())
            years = [p for p in self.periods if sentence.start <= p.start < match.start() and p.closed]
            areas = [a for a in self.areas if sentence.start <= a.start < match.start()]
            area_id = areas[-1].on(None, self.ref.codes)[0] if areas else None
            own_source = [c for c in self.sources if sentence.start <= c.start < match.start()
                          and match.start() - c.end < 40]
            counts.append(Count(code, value, text, start, end, self._span(sentence.start, sentence.end), area_id,
                                years[-1].year_from if years else None, years[-1].year_to if years else None,
                                own_source[-1].code if own_source else None))
        return counts


WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}


def _count_value(text: str, language: str) -> Decimal | None:
    if text in WORD_NUMBERS:
        return Decimal(WORD_NUMBERS[text])
    digits = text.replace(".", "").replace(",", "")
    return Decimal(digits) if digits.isdigit() else None


def _day(proposal: Proposal) -> date | None:
    year = proposal.year_to or proposal.year_from
    return date(year, 12, 31) if year else None


def _mvnd_text(mvnd: Decimal | None) -> object:
    if mvnd is None:
        return ""
    return lambda lang: f"{format_number(mvnd, lang, 3, trim=True)} " + t("extract_unit_mvnd", lang)


def read_paragraph(reference: Reference, text: str, lang: str = "auto", title: str | None = None,
                   published_on: date | None = None) -> Extraction:
    """Every khuyến công money figure the paragraph states, as proposals; counts as outcomes; what was left out."""
    return Reader(reference, text, lang, title, published_on).read()
