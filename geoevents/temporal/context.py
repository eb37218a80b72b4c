"""What the resolver knows besides the expression: the document date, the tense of the clause
(asked lazily: it costs a look at the words around, and most expressions never ask) and the
dates the text mentioned so far."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .calendar import RANK, Point, day_point

_UNKNOWN = "?"


class Context:
    __slots__ = ("dct", "refs", "point", "_read_tense", "_tense")

    def __init__(self, dct: date | None, tense: Callable[[], str | None], refs: dict[str, Point] | None = None):
        self.dct = dct
        self.refs: dict[str, Point] = {} if refs is None else refs  # last point per granularity, and "last"
        self.point: Point | None = None  # the calendar point of the expression just resolved (its end, for a range)
        self._read_tense = tense
        self._tense: str | None = _UNKNOWN

    def tense(self) -> str | None:
        """The tense of the expression's clause (read once, when first asked)."""
        if self._tense is _UNKNOWN:
            self._tense = self._read_tense()
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
