"""What the resolver knows besides the expression: the document date, the tense of the clause
(asked lazily: it costs a look at the words around) and the dates the text mentioned so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .calendar import RANK, Point, day_point


@dataclass
class Context:
    dct: date | None
    tense: Callable[[], str | None]
    refs: dict[str, Point] = field(default_factory=dict)  # last point per granularity, and "last"
    point: Point | None = None  # the calendar point of the expression just resolved (its end, for a range)

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
