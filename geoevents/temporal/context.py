"""What the resolver knows besides the expression: the document date, the tense of the clause
(asked lazily: it costs a look at the words around, and most expressions never ask) and the
dates the text mentioned so far. One context serves a whole text; ``at`` moves it to the next
expression."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .calendar import RANK, Point, day_point

_UNKNOWN = "?"
# the key in ``refs`` of the period of the DCT's year the text reports on: the quarter it
# last named, or the year once it turned to a longer span ("for the nine months")
REPORTED_PERIOD = "reported period"


class Context:
    __slots__ = ("dct", "refs", "point", "start", "end", "cue", "_read_tense", "_tense")

    def __init__(self, dct: date | None, tense: Callable[[Context], str | None] | None = None,
                 refs: dict[str, Point] | None = None):
        self.dct = dct
        self.refs: dict[str, Point] = {} if refs is None else refs  # last point per granularity, and "last"
        self.point: Point | None = None  # the calendar point of the expression just resolved (its end, for a range)
        self.start = self.end = 0  # the expression being resolved
        self.cue: str | None = None  # the word that introduces it
        self._read_tense = tense  # reads the tense of the expression's clause
        self._tense: str | None = _UNKNOWN

    def at(self, start: int, end: int, cue: str | None) -> Context:
        """This context, moved to the expression ``[start, end)`` introduced by ``cue``."""
        self.start, self.end, self.cue = start, end, cue
        self.point = None
        self._tense = _UNKNOWN
        return self

    def tense(self) -> str | None:
        """The tense of the expression's clause (read once, when first asked)."""
        if self._tense is _UNKNOWN:
            self._tense = self._read_tense(self) if self._read_tense is not None else None
        return self._tense

    def ref(self, granularity: str) -> Point | None:
        """The latest mentioned point at ``granularity`` (or finer, coarsened), else the DCT's."""
        found = self.refs.get(granularity)
        if found is not None:
            return found
        last = self.refs.get("last")
        if last is not None and RANK[last.granularity] > RANK.get(granularity, 0):
            return last.coarsen(granularity)
        if self.dct is not None:
            return day_point(self.dct).coarsen(granularity) if granularity != "day" else day_point(self.dct)
        return None
