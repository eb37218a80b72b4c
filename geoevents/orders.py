"""Orders given by others: "the junta ordered French troops to leave" is planned only for those
who will act (GUIDELINE.md); when the party giving the order is not among the event's actors,
it is a demand by others, uncertain."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import cachedregex as regex
from .clauses import WORD_RUN
from .gazetteer import Mention
from .model import Actor
from .resources import read_text

_BREAK = regex.compile(r"[,;:()\"“”]")
_ORDER_WINDOW = 160  # characters before the trigger searched for "<verb> ... to"


@dataclass(frozen=True)
class OrderLexicon:
    words: frozenset[str]  # order verbs ("ordered") and nouns ("a deadline for")
    nouns: frozenset[str]  # order nouns: given by the subject only after a verb of setting
    noun_verbs: frozenset[str]  # "set a deadline", "gave an ultimatum" (not "will not extend the deadline")
    reach: int  # words from the order word to the trigger
    subject_gap: int  # words between the subject's name and the order verb ("Mali's junta ordered")
    other_subjects: frozenset[str]  # unnamed givers of orders to others' forces ("the junta", "a court")


@cache
def order_lexicon() -> OrderLexicon:
    data = json.loads(read_text("lexicon/status.json"))
    nouns = frozenset(data["order_nouns"])
    return OrderLexicon(frozenset(data["order_words"]) | nouns, nouns, frozenset(data["order_noun_verbs"]),
                        data["order_reach_words"], data["order_subject_gap_words"],
                        frozenset(data["order_other_subjects"]))


def ordered_by_other(text: str, sentence: tuple[int, int], trigger: tuple[int, int], status: str,
                     actors: Sequence[Actor], names: Sequence[Mention], year: int | None) -> str:
    """``status``, or "uncertain" when a planned event is ordered by a party that is not its actor."""
    if status != "planned" or not actors:
        return status
    lex = order_lexicon()
    start = max(sentence[0], trigger[0] - _ORDER_WINDOW)
    words = list(WORD_RUN.finditer(text, start, trigger[0]))
    if not words or words[-1].group().lower() != "to":
        return status
    index = next((i for i in range(len(words) - 2, max(-1, len(words) - lex.reach - 2), -1)
                  if words[i].group().lower() in lex.words), None)
    if index is None or _BREAK.search(text, words[index].end(), trigger[0]):
        return status
    verb = words[index]
    if verb.group().lower() in lex.nouns:  # "set a deadline for": the verb of setting gives the order
        setting = [w for w in words[max(0, index - 3):index] if w.group().lower() in lex.noun_verbs]
        if not setting:
            return status
        verb = setting[-1]
    subject = _subject_code(text, sentence, verb.start(), names, year, lex)
    if subject is None:
        return "uncertain" if _unnamed_other_subject(text, sentence, verb.start(), lex) else status
    return status if subject in {a.code for a in actors} else "uncertain"


def _unnamed_other_subject(text: str, sentence: tuple[int, int], verb_start: int, lex: OrderLexicon) -> bool:
    """A giver of orders to others' forces, unnamed, a few words before the order verb with no
    break between ("the junta has ordered", "a military court ordered")."""
    start = max(sentence[0], verb_start - _ORDER_WINDOW)
    words = list(WORD_RUN.finditer(text, start, verb_start))[-(lex.subject_gap + 1):]
    for i, word in enumerate(words):
        pair = " ".join(w.group() for w in words[i:i + 2]).lower()
        if (word.group().lower() in lex.other_subjects or pair in lex.other_subjects) \
                and not _BREAK.search(text, word.end(), verb_start):
            return True
    return False


def _subject_code(text: str, sentence: tuple[int, int], verb_start: int, names: Sequence[Mention],
                  year: int | None, lex: OrderLexicon) -> str | None:
    """The actor code of the nearest name a few words before the order verb, with no break between."""
    before = [m for m in names if sentence[0] <= m.start and m.end <= verb_start and m.actor_reading(year)]
    if not before:
        return None
    nearest = max(before, key=lambda m: m.end)
    gap = len(WORD_RUN.findall(text, nearest.end, verb_start))
    if _BREAK.search(text, nearest.end, verb_start) or gap > lex.subject_gap:
        return None
    reading = nearest.actor_reading(year)
    return reading.entity.code if reading else None
