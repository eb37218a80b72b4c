"""The tense of the clause around a time expression, from the nearest tense marker.

"The ministry said Friday" is past (``said``); "the fleet will sail on Friday" future
(``will``); "On Friday, officials said ..." past (the marker after it). A past participle after
an auxiliary belongs to the auxiliary: "will be deployed on Friday" is future. Without a marker
the answer is None and the resolver falls back on the news reading (the most recent date).

Only the words near the expression count (15 before, 10 after, within its sentence and cut at
semicolons and dashes), so the scans are short; they use the standard ``re`` for speed.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import word_set
from .grammar import lexicon

LEFT_WORDS, RIGHT_WORDS = 15, 10
LEFT_CHARS, RIGHT_CHARS = 120, 90  # enough for those words
_WORD = re.compile(r"'ll|[^\W\d_]+(?:'(?!ll)[^\W\d_]+)*(?:-[^\W\d_]+)*")
_CLAUSE_BREAK = re.compile(r"[;:]\s|\s[–—]\s|\s--\s")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
_REPORTING = frozenset(["said", "says", "say", "told", "added", "reported", "announced", "stated"])
_AUXILIARY = frozenset(["be", "been", "being", "to", "will", "would", "'ll", "shall", "could", "should",
                        "might", "must", "can", "may", "get", "got"])


@cache
def _markers() -> tuple[dict[str, tuple[str, ...]], frozenset[str], frozenset[str], frozenset[str]]:
    """Future markers by their last word ("to" -> "plans to", "set to" ...), and the word sets."""
    tense = lexicon()["tense"]
    future: dict[str, list[str]] = {}
    for marker in tense["future"]:
        words = marker.lower().split()
        future.setdefault(words[-1], []).append(" ".join(words))
    return ({w: tuple(ms) for w, ms in future.items()}, frozenset(tense["past"]),
            frozenset(tense["not_past_ed"]), frozenset(tense["present"]))


def _future_at(words: list[str], i: int, future: dict[str, tuple[str, ...]]) -> bool:
    """Whether a future marker ("will", "plans to") ends at word ``i``."""
    markers = future.get(words[i])
    if not markers:
        return False
    return any(m == words[i] or " ".join(words[max(0, i - m.count(" ")):i + 1]) == m for m in markers)


def sentence_around(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence that holds ``text[start:end]`` within ``[lo, hi)``: from the last sentence
    end before it to the first after it ("Mr." and "U.S." do not end sentences)."""
    left = lo
    for m in _SENTENCE_END.finditer(text, max(lo, start - 400), start):
        if _ends_sentence(text, m.start(), lo):
            left = m.end()
    right = hi
    for m in _SENTENCE_END.finditer(text, end, min(hi, end + 400)):
        if _ends_sentence(text, m.start(), lo):
            right = m.start() + 1
            break
    return left, right


def _ends_sentence(text: str, stop: int, lo: int) -> bool:
    if text[stop] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(lo, stop - 30), stop)
    if before is None:
        return True
    word = before.group(1).lstrip("(\"'“‘[")
    return not (word in word_set("abbreviations.txt") or (len(word) == 1 and word.isupper())
                or (len(word) > 1 and word.count(".") >= 1 and len(word.replace(".", "")) <= 3))


def _is_past_word(word: str, previous: list[str], past: frozenset[str], not_past: frozenset[str]) -> bool:
    w = word.lower()
    if w in past:
        return True
    if len(w) > 4 and w.endswith("ed") and w not in not_past and not word[0].isupper():
        # a participle after an auxiliary belongs to the auxiliary ("will be deployed")
        return not any(p in _AUXILIARY for p in previous[:2])
    return False


def _gaps_from_end(words: list[str]) -> list[int]:
    """For each word, the length of the words after it (joined by single spaces)."""
    gaps, total = [0] * len(words), 0
    for i in range(len(words) - 1, -1, -1):
        gaps[i] = total
        total += len(words[i]) + 1
    return [max(0, g - 1) for g in gaps]


def _gaps_from_start(words: list[str]) -> list[int]:
    """For each word, the length of the words before it (joined by single spaces)."""
    gaps, total = [], 0
    for word in words:
        gaps.append(max(0, total - 1))
        total += len(word) + 1
    return gaps


def _right(distance: int) -> float:
    """Markers after the expression count for less: the verb usually comes first in news."""
    return 6 + 1.5 * distance


def tense_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """"future", "past", "present" or None for the clause around ``text[start:end]`` in the
    sentence ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    left_text = text[max(lo, start - LEFT_CHARS):start]
    right_text = text[end:min(hi, end + RIGHT_CHARS)]
    if any(c in left_text for c in ";:–—-"):
        for m in _CLAUSE_BREAK.finditer(left_text):
            left_text = left_text[m.end():]
    if any(c in right_text for c in ";:–—-"):
        cut = _CLAUSE_BREAK.search(right_text)
        if cut:
            right_text = right_text[:cut.start()]
    future, past, not_past, present = _markers()
    before = _WORD.findall(left_text)[-LEFT_WORDS:]
    after = _WORD.findall(right_text)[:RIGHT_WORDS]
    best: tuple[float, str] | None = None

    def consider(distance: float, tense: str) -> None:
        nonlocal best
        if best is None or distance < best[0]:
            best = (distance, tense)

    lower_before = [w.lower() for w in before]
    lower_after = [w.lower() for w in after]
    gap_before = _gaps_from_end(before)  # characters between word i and the expression
    gap_after = _gaps_from_start(after)
    for i in range(len(lower_before) - 1, -1, -1):
        if _future_at(lower_before, i, future):
            consider(gap_before[i], "future")
            break
    for i in range(len(lower_after)):
        if _future_at(lower_after, i, future):
            consider(_right(gap_after[i]), "future")
            break
    for i in range(len(before) - 1, -1, -1):
        word = lower_before[i]
        if _is_past_word(before[i], lower_before[max(0, i - 2):i][::-1], past, not_past):
            consider(gap_before[i] + 1, "past")
            break
        if word in present:
            consider(gap_before[i] + 1, "present")
            break
    for i, word in enumerate(lower_after):
        if i + 1 < len(after) and lower_after[i + 1] == "by" and word.endswith("ed"):
            continue  # a participle ("untouched by the crisis"), not the clause's verb
        penalty = 40 if word in _REPORTING else 0  # "..., Castro said" yields to a verb before
        if _is_past_word(after[i], lower_after[max(0, i - 2):i][::-1], past, not_past):
            consider(_right(gap_after[i]) + 1 + penalty, "past")
            break
        if word in present:
            consider(_right(gap_after[i]) + 1 + penalty, "present")
            break
    return best[1] if best else None
