"""The tense of the clause around a time expression, from the nearest tense marker.

"The ministry said Friday" is past (``said``); "the fleet will sail on Friday" future
(``will``); "On Friday, officials said ..." past (the marker after it). A past participle after
an auxiliary belongs to the auxiliary: "will be deployed on Friday" is future. Without a marker
the answer is None and the resolver falls back on the news reading (the most recent date).
"""

from __future__ import annotations

from functools import cache

import regex

from .grammar import alternation, lexicon

LEFT_WORDS, RIGHT_WORDS = 15, 10
_WORD = regex.compile(r"[\p{L}']+(?:-[\p{L}]+)*")
_CLAUSE_BREAK = regex.compile(r"[;:]\s|\s[–—]\s|\s--\s")
_REPORTING = frozenset(["said", "says", "say", "told", "added", "reported", "announced", "stated"])
_AUXILIARY = frozenset(["be", "been", "being", "to", "will", "would", "'ll", "shall", "could", "should",
                        "might", "must", "can", "may", "get", "got"])


@cache
def _markers() -> tuple[regex.Pattern, frozenset[str], frozenset[str], frozenset[str]]:
    tense = lexicon()["tense"]
    future = regex.compile(r"(?i)(?<![\p{L}'])(?:%s)(?![\p{L}])" % alternation(tense["future"]))
    return future, frozenset(tense["past"]), frozenset(tense["not_past_ed"]), frozenset(tense["present"])


def _window(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of the sentence ``[lo, hi)`` around the expression, cut at semicolons and dashes."""
    left = max(lo, start - 300)
    for m in _CLAUSE_BREAK.finditer(text, left, start):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, end, min(hi, end + 300))
    return left, (m.start() if m else min(hi, end + 300))


def _is_past_word(word: str, previous: list[str], past: frozenset[str], not_past: frozenset[str]) -> bool:
    w = word.lower()
    if w in past:
        return True
    if len(w) > 4 and w.endswith("ed") and w not in not_past and not word[0].isupper():
        # a participle after an auxiliary belongs to the auxiliary ("will be deployed")
        return not any(p in _AUXILIARY for p in previous[:2])
    return False


def _right(distance: int) -> float:
    """Markers after the expression count for less: the verb usually comes first in news."""
    return 6 + 1.5 * distance


def tense_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """"future", "past", "present" or None for the clause around ``text[start:end]`` in the
    sentence ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    left, right = _window(text, start, end, lo, hi)
    future, past, not_past, present = _markers()
    best: tuple[int, str] | None = None

    def consider(distance: int, tense: str) -> None:
        nonlocal best
        if best is None or distance < best[0]:
            best = (distance, tense)

    before_words = list(_WORD.finditer(text, left, start))[-LEFT_WORDS:]
    after_words = list(_WORD.finditer(text, end, right))[:RIGHT_WORDS]
    far_left = before_words[0].start() if before_words else start
    far_right = after_words[-1].end() if after_words else end
    for m in future.finditer(text, far_left, far_right):
        if m.end() <= start:
            consider(start - m.end(), "future")
        elif m.start() >= end:
            consider(_right(m.start() - end), "future")
    before = _WORD.findall(text, left, start)
    for i in range(len(before) - 1, max(-1, len(before) - 1 - LEFT_WORDS), -1):
        word = before[i]
        previous = [w.lower() for w in before[max(0, i - 2):i][::-1]]
        distance = len(" ".join(before[i + 1:]))
        if _is_past_word(word, previous, past, not_past):
            consider(distance + 1, "past")
            break
        if word.lower() in present:
            consider(distance + 1, "present")
            break
    after = _WORD.findall(text, end, right)
    for i, word in enumerate(after[:RIGHT_WORDS]):
        previous = [w.lower() for w in after[max(0, i - 2):i][::-1]]
        distance = _right(len(" ".join(after[:i])))
        if i + 1 < len(after) and after[i + 1].lower() == "by" and word.lower().endswith("ed"):
            continue  # a participle ("untouched by the crisis"), not the clause's verb
        if _is_past_word(word, previous, past, not_past):
            # an attribution after the expression ("..., Castro said") yields to a verb before it
            consider(distance + 1 + (40 if word.lower() in _REPORTING else 0), "past")
            break
        if word.lower() in present:
            consider(distance + 1 + (40 if word.lower() in _REPORTING else 0), "present")
            break
    return best[1] if best else None
