"""Find time expressions: every rule proposes matches, the longest win, then each is resolved
in text order so that "the next day" can lean on the date mentioned before it."""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date
from functools import cache

import regex

from ..segment import split_sentences
from .calendar import RANK, Point, day_point
from .grammar import Rule, alternation, lexicon, rules
from .parse import Partial, read
from .resolve import Context, resolve
from .tense import tense_at
from .timex import Timex

# ops whose result is a date the text states, and so becomes the reference time
_REFERENCE_OPS = ("date", "range")
# the direction a preposition gives: a deadline looks ahead whatever the verb ("has given them
# until Tuesday"); "by February" and "through January" only when no verb says otherwise
_DEADLINE_CUES = frozenset(["until", "till", "til", "effective", "payable", "starting", "beginning",
                            "no later than", "not later than", "as early as", "ahead of"])
_CUE_TENSE = {"by": "future", "through": "future", "as of": "future", "since": "past"}


@cache
def _cue_before() -> regex.Pattern:
    cues = lexicon()["cues"]
    return regex.compile(r"(?i)(?<![\p{L}])(?P<cue>%s)\s+$" % alternation(cues))


@cache
def _digit_or_word() -> regex.Pattern:
    return regex.compile(r"[\p{L}\p{N}]")


def candidates(text: str, start: int, end: int) -> list[tuple[int, int, Rule, regex.Match]]:
    """Every rule's matches in ``text[start:end]`` that stand as whole words."""
    found = []
    word = _digit_or_word()
    for rule in rules():
        for m in rule.pattern.finditer(text, start, end):
            s, e = m.span()
            if s == e:
                continue
            if s > 0 and word.match(text, s - 1) and word.match(text, s):
                continue
            if e < len(text) and word.match(text, e) and word.match(text, e - 1):
                continue
            found.append((s, e, rule, m))
    return found


def select(found: list[tuple[int, int, Rule, regex.Match]]) -> list[Partial]:
    """The longest matches that do not overlap (ties: the rule listed first)."""
    found.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Partial] = []
    for s, e, rule, m in found:
        i = bisect.bisect_right(starts, s)
        if i > 0 and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        partial = read(rule, m)
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
    partials = select(candidates(text, start, end))
    if not partials:
        return found
    sentences = [(start + a, start + b) for a, b in split_sentences(text[start:end])] or [(start, end)]
    sentence_starts = [a for a, _ in sentences]
    for partial in partials:
        s, e = partial.start, partial.end
        lo, hi = sentences[max(0, bisect.bisect_right(sentence_starts, s) - 1)]
        match = _cue_before().search(text, max(lo, s - 24), s)
        cue = " ".join(match.group("cue").lower().split()) if match else None

        def tense(s: int = s, e: int = e, lo: int = lo, hi: int = hi, cue: str | None = cue) -> str | None:
            if cue in _DEADLINE_CUES:
                return "future"
            return tense_at(text, s, e, lo, hi) or _CUE_TENSE.get(cue or "")

        timex = resolve(partial, Context(dct, tense, refs))
        if timex is None:
            continue
        if cue:
            timex = replace(timex, cue=cue)
        found.append(timex)
        if partial.rule.op in _REFERENCE_OPS and timex.begin is not None:
            _remember(refs, timex)
    return found


def _remember(refs: dict[str, Point], timex: Timex) -> None:
    point = point_of(timex.parts[-1] if timex.parts else timex)
    if point is None:
        return
    refs["last"] = point
    refs[point.granularity if point.granularity != "time" else "day"] = point
    if RANK[point.granularity] >= RANK["day"]:
        refs["day"] = Point("day", point.year, point.month, point.day)


def point_of(timex: Timex) -> Point | None:
    """The calendar point a resolved value names (the inverse of ``Point.value``)."""
    m = _VALUE.fullmatch(timex.value)
    if not m:
        return None
    g = m.groupdict()
    year = int(g["y"])
    if g["d"]:
        return Point("day", year, int(g["m"]), int(g["d"]))
    if g["m"]:
        return Point("month", year, int(g["m"]))
    if g["q"]:
        return Point("quarter", year, quarter=int(g["q"]))
    if g["h"]:
        return Point("half", year, half=int(g["h"]))
    if g["w"]:
        return Point("week", year, week=int(g["w"]))
    if g["s"]:
        return Point("season", year, season=g["s"])
    return Point("year", year)


_VALUE = regex.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|Q(?P<q>\d)|H(?P<h>\d)|W(?P<w>\d\d)(?:-WE)?|"
    r"(?P<s>SP|SU|FA|WI)))?"
)
