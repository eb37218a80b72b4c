"""Sentence splitting that survives "Mr.", "U.S.", "Gen." and "Jan. 5".

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by
white space and something that can start a sentence, unless the word before the period is a
known abbreviation. A line break also ends a sentence (headlines, datelines), unless the next
line starts in lower case (hard-wrapped text).
"""

from __future__ import annotations

from functools import cache

import regex

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
_WORD_BEFORE = regex.compile(r"(\S+)$")
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
        following = _NEXT_WORD.match(text, next_pos)
        return bool(following) and following.group(0) in _sentence_starters()
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the sentences in ``text``, stripped of surrounding space."""
    bounds: list[tuple[int, int]] = []
    start = 0
    # no boundary ends in trailing white space, and each line end in it would be tried against all the rest
    for match in _CANDIDATE.finditer(text, 0, len(text.rstrip(WHITE_SPACE))):
        if match.group("newline") is not None:
            if text[match.start("after")].islower() and "\n\n" not in match.group("newline"):
                continue
            end = match.start()
        else:
            if "\n" not in match.group("space") and not _is_boundary(
                text, match.start(), match.group("stop"), match.start("next")
            ):
                continue
            end = match.end("stop")
        _append(text, bounds, start, end)
        start = match.end()
    _append(text, bounds, start, len(text))
    return bounds


def _append(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        bounds.append((start, end))
