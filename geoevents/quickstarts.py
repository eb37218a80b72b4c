"""Patterns tried only where a match can start, found first by a quick scan.

A pattern of many alternatives, most of them led by a space (a clause break: a semicolon, a
dash between spaces, a comma before an opener, an opener word between spaces), is tried by
``regex`` at every character of the text, and each try walks every alternative. When every
match starts at a punctuation mark or one character before a word of a short list, a
``StartsPattern`` finds those places first (a one-class pattern and an Aho-Corasick pass) and
tries the pattern only there: the same matches, several times faster. (``PrefixedPattern`` in
``lazypattern`` does the same for matches that start with a listed prefix.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick

from . import cachedregex as regex
from .lazypattern import matches_at


class StartsPattern:
    """``pattern``'s ``finditer`` and ``search``, the pattern tried only where one of ``heads``
    starts and one character before each of ``seconds``: every match of ``pattern`` must start
    with a head or have one of the seconds start at its second character. With IGNORECASE they
    must be ASCII or have no case; they are compared with the text lower-cased and its long s
    "ſ" read as "s", as ``PrefixedPattern`` compares its prefixes (see there: where lower-casing
    changes the length of the text, the pattern is searched everywhere)."""

    def __init__(self, pattern: regex.Pattern, heads: Iterable[str], seconds: Iterable[str]):
        self.pattern = pattern
        self._ignore_case = bool(pattern.flags & regex.IGNORECASE)
        fold = str.lower if self._ignore_case else str
        # each string with how far before it a match starts
        places = {**{fold(second): 1 for second in seconds}, **{fold(head): 0 for head in heads}}
        if "" in places or (self._ignore_case and not all(s.isascii() or s.lower() == s.upper() for s in places)):
            raise ValueError("StartsPattern: empty strings, or letters not ASCII with IGNORECASE")
        self._places = ahocorasick.Automaton()
        for string, before in sorted(places.items()):
            self._places.add_word(string, len(string) - 1 + before)
        self._places.make_automaton()

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        starts = self._starts(text, pos, endpos)
        if starts is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        # (never empty: a match holds its head or its second)
        yield from matches_at(self.pattern, starts, text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def match_starts(self, text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
        """Where a match starts, overlapping ones too: the starts of
        ``pattern.finditer(text, pos, endpos, overlapped=True)``."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        starts = self._starts(text, pos, endpos)
        if starts is None:
            return [m.start() for m in self.pattern.finditer(text, pos, endpos, overlapped=True)]
        match = self.pattern.match
        return [start for start in starts if match(text, start, endpos)]

    def _starts(self, text: str, pos: int, endpos: int) -> list[int] | None:
        """The places in ``text[pos:endpos]`` where a match may start, in order (None: anywhere)."""
        if pos < 0 or endpos < 0:
            return None  # (no caller gives such bounds; the pattern knows what they mean)
        chunk = text[pos:endpos]
        if self._ignore_case:
            folded = chunk.lower().replace("ſ", "s")
            if len(folded) != len(chunk):
                return None
        else:
            folded = chunk
        # a string found ending at chunk[end] starts a match at chunk[end - reach]
        return sorted({pos + end - reach for end, reach in self._places.iter(folded) if end >= reach})


class Words:
    """Whether any of ``words`` occurs in a stretch of text, in any case: a pattern none of whose
    matches can do without one of them need not be searched where none occurs. They are
    compared as ``PrefixedPattern`` compares its prefixes (where lower-casing changes the length
    of the text, or a word is not ASCII, any may occur)."""

    def __init__(self, words: Iterable[str]):
        listed = sorted({word.lower() for word in words})
        self._any = not listed or not all(word and word.isascii() for word in listed)  # (no telling)
        self._automaton = ahocorasick.Automaton()
        for word in listed:
            self._automaton.add_word(word, word)
        self._automaton.make_automaton()

    def occur_in(self, text: str, start: int, end: int) -> bool:
        if self._any or start < 0 or end < 0:
            return True
        chunk = text[start:end]
        folded = chunk.lower().replace("ſ", "s")
        return len(folded) != len(chunk) or next(self._automaton.iter(folded), None) is not None


class Holds:
    """Whether a lower-cased text holds one string of each of some sets (``required_strings`` of
    a pattern, which then cannot match where it does not): a few ``in`` tests for a small set,
    one automaton pass for a large one."""

    SMALL = 8  # strings a set may have to be tested one by one

    def __init__(self, required: Iterable[Iterable[str]]):
        self._small: list[tuple[str, ...]] = []
        self._large: list[ahocorasick.Automaton] = []
        for strings in required:
            ordered = sorted(strings)
            if len(ordered) <= self.SMALL:
                self._small.append(tuple(ordered))
                continue
            automaton = ahocorasick.Automaton()
            for string in ordered:
                automaton.add_word(string, string)
            automaton.make_automaton()
            self._large.append(automaton)

    def held_by(self, lowered: str) -> bool:
        for strings in self._small:
            if not any(string in lowered for string in strings):
                return False
        return all(next(automaton.iter(lowered), None) is not None for automaton in self._large)
