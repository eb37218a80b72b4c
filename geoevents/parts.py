"""A long text read in parts: where the parts are cut, and the text each part is read with.

A text longer than ``LARGE_DOCUMENT`` characters is read in parts of about ``PART`` characters,
each cut where a sentence starts, and each read with ``MARGIN`` characters of the text on either
side (more than any stage reads around a sentence or a time expression). The text comes from a
``TextSource``: a string held whole, or a ``textstream.TextStream`` that decodes a file as the
parts ask for it and lets go of what no later part needs, so a text of any size is read in
bounded memory. The cuts depend only on the text, never on how much of it is held.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from .segment import sentence_near

LARGE_DOCUMENT = 4_000_000
WINDOW = 600  # a long "sentence" is read in windows of this size around each trigger (``pipeline``)
MAX_SENTENCE = 1500  # a longer "sentence" is read in windows (``pipeline``)
PART = 1666 * WINDOW  # 999,600 characters: a multiple of WINDOW (see ``parts``)
MARGIN = 60 * WINDOW  # 36,000 characters
NEAR_CUT = 2 * MAX_SENTENCE  # how far from a cut its sentence's start is looked for


class TextSource(Protocol):
    """A text read from its start on, of which a stretch is held at a time."""

    def held(self, start: int, end: int) -> str:
        """``text[start:end]`` (reading on to ``end`` if need be; ``start`` not let go of)."""

    def longer_than(self, size: int) -> bool:
        """Whether the text has more than ``size`` characters (reading on to tell)."""

    def release(self, before: int) -> None:
        """Let go of the text before ``before``: no later call asks for it."""


class WholeText:
    """A ``TextSource`` over a string held whole."""

    def __init__(self, text: str):
        self.text = text

    def held(self, start: int, end: int) -> str:
        return self.text[start:end]

    def longer_than(self, size: int) -> bool:
        return len(self.text) > size

    def release(self, before: int) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a long text: ``text`` is the whole text's from ``low`` on; the mentions to keep
    are those that start in ``keep`` (offsets in ``text``), the rest is margin."""

    low: int
    text: str
    keep: tuple[int, int]


def parts(source: TextSource) -> Iterator[Part]:
    """The parts of the text of ``source``, in order (see the module's docstring). What each
    part's margin before it needs is held until the next part is read, and no longer."""
    cut = 0
    later = cuts(source)
    while True:
        next_cut = next(later, None)
        # (a multiple of WINDOW: a long sentence's stretches are counted as in the whole text)
        low = max(0, cut - MARGIN) // WINDOW * WINDOW
        if next_cut is None:  # the last part: the text has been read to its end
            text = source.held(low, _END)
            yield Part(low, text, (cut - low, len(text)))
            return
        text = source.held(low, next_cut + MARGIN)
        yield Part(low, text, (cut - low, next_cut - low))
        del text
        source.release(max(0, next_cut - MARGIN) // WINDOW * WINDOW)
        cut = next_cut


_END = 1 << 62  # past the end of any text


def cuts(source: TextSource) -> Iterator[int]:
    """Where the parts after the first start: about every ``PART`` characters, at the start of
    the sentence there (the mentions of a sentence are read together), or right there if that
    sentence is long (it is then read in windows around each trigger, which a cut does not split).
    Only the text around each cut is segmented: most of a document holds no trigger. No cut is
    made in the last half part of the text."""
    last = 0
    position = PART
    while source.longer_than(position + PART // 2):
        sentence = _sentence_at(source, position)
        if sentence is None or sentence[1] - sentence[0] > MAX_SENTENCE:
            last = position  # (a sentence too long to be found so near is long)
            yield last
        elif sentence[0] > last:
            last = sentence[0]
            yield last
        position += PART


def part_starts(text: str) -> list[int]:
    """Where the parts of ``text`` start (the first at 0)."""
    return [0, *cuts(WholeText(text))]


def _sentence_at(source: TextSource, position: int) -> tuple[int, int] | None:
    """``segment.sentence_near`` at ``position``, given the text about it: as far back as it
    reads (twice its reach, and a character), and a margin on (the scan stops at its reach, but
    looks at the words after a stop; it also passes over blanks at the end of what it is given)."""
    low = max(0, position - 2 * NEAR_CUT - 8)
    nearby = source.held(low, position + MARGIN)
    found = sentence_near(nearby, position - low, NEAR_CUT)
    return None if found is None else (found[0] + low, found[1] + low)
