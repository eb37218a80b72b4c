"""Sentence splitting that survives "Mr.", "U.S.", "Gen." and "Jan. 5".

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by
white space and something that can start a sentence, unless the word before the period is a
known abbreviation. A line break also ends a sentence (headlines, datelines), unless the next
line starts in lower case (hard-wrapped text).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from . import cachedre as re
from . import cachedregex as regex
from .reach import match_at
from .resources import word_set

# A match never starts inside a run of stops or of blanks (the run's first character is tried
# first, with the same outcome), and runs are taken possessively: without both, a megabyte of
# "." or of blank lines costs quadratic time.
_CANDIDATE = regex.compile(
    r"""(?<![.!?])(?P<stop>[.!?]++[\"'\u201d\u2019)\]]*+)(?P<space>[ \t\u00a0]+|\s*\n\s*+)(?=(?P<next>\S))"""
    r"""|(?<![ \t\n])(?P<newline>[ \t]*+\n\s*+)(?=(?P<after>\S))"""
)
# the characters ``regex`` matches with \s (Unicode White_Space; tests/test_segment.py checks)
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
              "\u2028\u2029\u202f\u205f\u3000"
# searched backwards from the stop: the same match (the run of non-space before it), found at once
# instead of after trying every position up to 40 characters back
_WORD_BEFORE = regex.compile(r"(\S+)$", regex.REVERSE)
_INITIALISM = regex.compile(r"^(?:\p{L}\.){2,}$")
_NEXT_WORD = regex.compile(r"[\p{L}']+")


@cache
def _abbreviations() -> frozenset[str]:
    return word_set("abbreviations.txt")


@cache
def _sentence_starters() -> frozenset[str]:
    return word_set("sentence_starters.txt")


def _is_boundary(text: str, stop_start: int, stop: str, next_pos: int) -> bool:
    if stop[0] != ".":
        return True
    next_char = text[next_pos]
    if next_char.islower():
        return False
    look_from = max(0, stop_start - 40)  # bounded: searching back to the line start is quadratic on one long line
    line_start = text.rfind("\n", look_from, stop_start) + 1
    before = _WORD_BEFORE.search(text, max(line_start, look_from), stop_start)
    if before is None:
        return True
    word = before.group(1).lstrip("(\"'\u201c\u2018[")
    if word in _abbreviations():
        return False
    if len(word) == 1 and word.isupper():  # a middle initial: "John F. Kennedy"
        return False
    if _INITIALISM.match(word + "."):  # "U.S." ends a sentence only before a typical first word
        following = match_at(_NEXT_WORD, text, next_pos)
        return bool(following) and following.group(0) in _sentence_starters()
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the sentences in ``text``, stripped of surrounding space."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for end, following in _boundaries(text, 0, _scan_limit(text)):
        _append(text, bounds, start, end)
        start = following
    _append(text, bounds, start, len(text))
    return bounds


def _scan_limit(text: str) -> int:
    # no boundary ends in trailing white space, and each line end in it would be tried against all the rest
    # (counted back, not by rstrip(): that would copy the whole text, tens of megabytes in a long document)
    end = len(text)
    while end and text[end - 1] in WHITE_SPACE:
        end -= 1
    return end


def _candidates(text: str, position: int, limit: int) -> Iterator[regex.Match]:
    """``_CANDIDATE.finditer(text, position, limit)``, faster: a match starts at a stop or at the
    blanks before a line break, which the standard ``re`` finds at C speed; the pattern is
    tried only there (and not where the last match has not yet ended)."""
    match = _CANDIDATE.match
    resume = position
    for found in _STOP_OR_LINE_END.finditer(text, position, limit):
        start = found.start()
        if text[start] == "\n":  # a run of blanks before it is tried from its start only
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            if start < position:
                continue  # (the run began before the scan: no place in it starts a match)
        if start >= resume and (m := match(text, start, limit)):
            resume = m.end()
            yield m


# One character class: ``re`` skips to the next of them without trying a pattern at each
# character in between (an alternation with the blanks before a line break would be tried at
# every character: the costliest part of finding a sentence in a short text).
_STOP_OR_LINE_END = re.compile(r"[.!?\n]")


def _boundaries(text: str, position: int, limit: int) -> Iterator[tuple[int, int]]:
    """The sentence boundaries from ``position`` on: (end of the sentence, start of the next)."""
    for match in _candidates(text, position, limit):
        if match.group("newline") is not None:
            if text[match.start("after")].islower() and "\n\n" not in match.group("newline"):
                continue
            yield match.start(), match.end()
        else:
            if "\n" not in match.group("space") and not _is_boundary(
                text, match.start(), match.group("stop"), match.start("next")
            ):
                continue
            yield match.end("stop"), match.end()


def _append(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> None:
    stripped = _strip(text, start, end)
    if stripped is not None:
        bounds.append(stripped)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


# What a boundary is made of: a run of stops and closing marks, white space. A position after
# any other character is outside every boundary, and a scan from there finds the boundaries a
# scan from the start would.
_IN_BOUNDARIES = frozenset(".!?\"'\u201d\u2019)]" + WHITE_SPACE)


class SentenceFinder:
    """The sentences of ``text`` that hold given positions, asked for in increasing order, as
    ``split_sentences`` would cut them, without cutting the whole text: between two positions
    far apart, the scan for boundaries starts again shortly before the later one (from a
    character no boundary holds), and goes back to where it was only if it found no boundary."""

    JUMP = 600  # scan on from where the last sentence ended unless the next position is this far on
    LOOKBACK = 250  # a jump starts this far before the position

    def __init__(self, text: str):
        self.text = text
        self._limit = _scan_limit(text)
        self._start = 0  # raw start of the sentence the scan is in
        self._scan = _boundaries(text, 0, self._limit)  # the boundaries after it
        self._scanned = 0  # where the scan has reached
        self._next: tuple[int, int] | None = None  # the boundary ending that sentence, when found

    def holding(self, position: int) -> tuple[int, int] | None:
        """``(start, end)`` of the sentence that holds ``position``: the last that starts at or
        before it (None if the position comes before the first sentence)."""
        if position > self._scanned + self.JUMP:
            self._jump(position)
        while True:
            if self._next is None:
                self._next = next(self._scan, None)
                self._scanned = self._next[1] if self._next else len(self.text)
            if self._next is None or self._next[1] > position:
                break
            self._start = self._next[1]
            self._next = None
        end = self._next[0] if self._next else len(self.text)
        sentence = _strip(self.text, self._start, end)
        return sentence if sentence is not None and sentence[0] <= position else None

    def _jump(self, position: int) -> None:
        """Scan on from shortly before ``position`` if a boundary lies between there and it."""
        text = self.text
        safe = position - self.LOOKBACK
        floor = max(self._scanned, safe - 100)
        while safe > floor and text[safe - 1] in _IN_BOUNDARIES:
            safe -= 1
        if safe <= floor:
            return
        scan = _boundaries(text, safe, self._limit)
        last = None
        for boundary in scan:
            if boundary[1] > position:
                if last is not None:  # the sentence holding the position starts after ``safe``
                    self._start, self._scan, self._next, self._scanned = last[1], scan, boundary, boundary[1]
                return
            last = boundary
        if last is not None:
            self._start, self._scan, self._next, self._scanned = last[1], scan, None, len(text)


def sentence_near(text: str, position: int, reach: int) -> tuple[int, int] | None:
    """The sentence that holds ``position`` (as ``SentenceFinder.holding`` gives it), found by
    reading at most about ``reach`` characters either side of it: None if it starts or ends
    farther away than that (or a run of stops and blanks ``reach`` long is in the way)."""
    safe = max(0, position - reach)
    floor = max(0, safe - reach)
    while safe > floor and text[safe - 1] in _IN_BOUNDARIES:  # (a scan from there finds every boundary)
        safe -= 1
    if safe > 0 and text[safe - 1] in _IN_BOUNDARIES:
        return None
    start = 0 if safe == 0 else None
    for end, following in _boundaries(text, safe, min(_scan_limit(text), position + reach)):
        if following > position:
            sentence = _strip(text, start, end) if start is not None else None
            return sentence if sentence is not None and sentence[0] <= position else None
        start = following
    return None
