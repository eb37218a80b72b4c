"""Find time expressions: rules are tried where their anchor words occur, the longest matches
win, then each is resolved in text order so that "the next day" can lean on the date mentioned
before it."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date
from functools import cache

from .calendar import RANK, Point, day_point
from .context import Context
from .grammar import Rule, anchor_index, lexicon
from .parse import Partial, read
from .resolve import resolve
from .tense import sentence_around, tense_at
from .timex import Timex

# ops whose result is a date the text states, and so becomes the reference time
_REFERENCE_OPS = ("date", "range")
# the direction a preposition gives: a deadline looks ahead whatever the verb ("has given them
# until Tuesday"); "by February" and "through January" only when no verb says otherwise
_DEADLINE_CUES = frozenset(["until", "till", "til", "effective", "payable", "starting", "beginning",
                            "no later than", "not later than", "as early as", "ahead of"])
_CUE_TENSE = {"by": "future", "through": "future", "as of": "future", "since": "past"}


@cache
def _cues() -> frozenset[str]:
    return frozenset(lexicon()["cues"])


def cue_before(text: str, at: int, floor: int) -> str | None:
    """The preposition (or the like) just before an expression: "since" in "since May"."""
    words = text[max(floor, at - 24):at].lower().split()
    if not words or text[at - 1:at].isalnum():
        return None
    cues = _cues()
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in cues:
            return " ".join(words[-size:])
    return None


# plain `re` for the two scans over the whole text: it is faster than `regex` at these
_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"[0-9]+")


@cache
def _short_number_gate() -> re.Pattern:
    """What may follow a one- or two-digit number that starts a date or time: "5 August",
    "5-10 August", "10:35", "9 a.m.", "5 to 10 May", "4 in the morning", "08/05/2021", "80s"."""
    months = "|".join(sorted({w.capitalize() for w in lexicon()["months"]}, key=len, reverse=True))
    return re.compile(r"(?:st|nd|rd|th)?(?:\s*[-–/:]\s*\d|\s+(?:to|and|through)\s+\d|\s*(?:[ap]\.?m\b|[AP]M\b)"
                      r"|\s+in\s+the\b|0s\b|(?:\s+of)?\s+(?:%s)\b)" % months)


def candidates(text: str, start: int, end: int) -> list[tuple[int, int, Rule, tuple]]:
    """Every rule's matches in ``text[start:end]`` that stand as whole words. A rule is tried
    only where one of its anchor words (or, for some, a digit run) starts."""
    by_word, on_digits = anchor_index()
    low = text[start:end].lower()
    found: list[tuple[int, int, Rule, tuple]] = []
    for word in set(_LETTERS.findall(low)).intersection(by_word):
        tried = by_word[word]
        size = len(word)
        i = low.find(word)
        while i >= 0:
            if (i == 0 or not low[i - 1].isalpha()) and (i + size == len(low) or not low[i + size].isalpha()):
                chunk = _chunk_before(text, start + i, start)
                for rule in tried:
                    _try(rule, text, start + i, start, end, found, chunk)
            i = low.find(word, i + size)
    for m in _DIGITS.finditer(text, start, end):
        size = m.end() - m.start()
        if size < 3 and not _short_number_gate().match(text, m.end(), min(end, m.end() + 16)) \
                and not (m.start() > 0 and text[m.start() - 1] in "'’"):
            continue
        chunk = _chunk_before(text, m.start(), start)
        for rule in on_digits.get(min(4, size), ()):
            _try(rule, text, m.start(), start, end, found, chunk)
    return found


def _chunk_before(text: str, at: int, start: int) -> str:
    """The last word (or number, or punctuation run) before ``at``, with one space if any."""
    i = at
    while i > start and text[i - 1].isspace():
        i -= 1
    j = max(start, i - 24)
    k = text.rfind(" ", j, i)
    k = j if k < 0 else k + 1
    return text[k:i] + (" " if i < at else "")


def _try(rule: Rule, text: str, at: int, start: int, end: int, found: list, chunk: str) -> None:
    if rule.left is not None and not rule.left_can_end_with(chunk):
        return
    core = rule.core.match(text, at, end)
    if core is None:
        return
    left = None
    if rule.left is not None:
        left = rule.left.match(text, start, at)
        if left is None:
            return
    s, e = (left.start() if left is not None else at), core.end()
    if s == e:
        return
    if s > 0 and text[s - 1].isalnum() and text[s].isalnum():
        return
    if e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        return
    found.append((s, e, rule, (left, core)))


def select(found: list[tuple[int, int, Rule, tuple]]) -> list[Partial]:
    """The longest matches that do not overlap (ties: the rule listed first)."""
    found.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Partial] = []
    seen = set()
    for s, e, rule, matches in found:
        if (s, e, rule.id) in seen:
            continue
        seen.add((s, e, rule.id))
        i = bisect.bisect_right(starts, s)
        if i > 0 and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        partial = read(rule, s, e, matches)
        if not _plausible(partial):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.append(partial)
    chosen.sort(key=lambda p: p.start)
    return chosen


def _plausible(p: Partial) -> bool:
    for parts in (p.parts, p.second or {}):
        day, month = parts.get("day"), parts.get("month")
        if day is not None and not 1 <= day <= 31:
            return False
        if month is not None and not 1 <= month <= 12:
            return False
        if "n" in parts and parts["n"] is not None and parts["n"] > 10000:
            return False
    return True


def tag(text: str, dct: date | None, start: int = 0, end: int | None = None) -> list[Timex]:
    """Time expressions in ``text[start:end]``, normalised against the document date ``dct``."""
    end = len(text) if end is None else end
    refs: dict[str, Point] = {}
    if dct is not None:
        refs["day"] = day_point(dct)
    found: list[Timex] = []
    for partial in select(candidates(text, start, end)):
        s, e = partial.start, partial.end
        cue = cue_before(text, s, start)

        def tense(s: int = s, e: int = e, cue: str | None = cue) -> str | None:
            if cue in _DEADLINE_CUES:
                return "future"
            lo, hi = sentence_around(text, s, e, start, end)
            return tense_at(text, s, e, lo, hi) or _CUE_TENSE.get(cue or "")

        try:
            context = Context(dct, tense, refs)
            timex = resolve(partial, context, cue)
        except (ValueError, OverflowError):  # a calendar out of range: "4,000 years ago", "Feb. 30"
            timex = None
        if timex is None:
            continue
        found.append(timex)
        if partial.rule.op in _REFERENCE_OPS and timex.begin is not None and context.point is not None:
            _remember(refs, context.point)
    return found


def _remember(refs: dict[str, Point], point: Point) -> None:
    if point.year is None:
        return
    if point.granularity in ("time", "day"):
        point = replace(point, granularity="day", part=None, hour=None, minute=None)
    elif point.granularity == "weekend":
        point = replace(point, granularity="week")
    refs["last"] = point
    refs[point.granularity] = point
    if RANK[point.granularity] >= RANK["day"]:
        refs["day"] = Point("day", point.year, point.month, point.day)
