"""A time expression found in text: its extent, its TIMEX3 type and value, and the span it covers."""

from __future__ import annotations

from typing import Any, NamedTuple


class Timex(NamedTuple):
    """Immutable, compared and hashed by its fields. A named tuple rather than a frozen dataclass:
    the tagger builds one per expression, and a frozen dataclass costs several times as much to
    build (each field is set through ``object.__setattr__``)."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML TIMEX3 value: 2021-08-05, 2021-08, 2021-W31, 2021-SU, P3D, PAST_REF ...
    begin: str | None = None  # first day/week/month/year covered, at ``precision``
    finish: str | None = None  # last one covered (None for an open range)
    precision: str | None = None  # day | week | month | season | year
    mod: str | None = None  # START | MID | END | APPROX | LESS_THAN | MORE_THAN ...
    rule: str = ""
    cue: str | None = None  # the word that introduces it: in, on, since, until, by, within, from ...
    parts: tuple[Timex, ...] = ()  # a range's two bounds, each as TimeML annotates it

    @property
    def is_range(self) -> bool:
        return self.begin is not None and self.begin != self.finish

    def timeml(self) -> tuple[Timex, ...]:
        """The TIMEX3 expressions TimeML would annotate: a range's bounds, else this one."""
        return self.parts or (self,)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end,
                                  "type": self.type, "value": self.value}
        if self.mod:
            record["mod"] = self.mod
        if self.is_range:
            record["range"] = {"start": self.begin, "end": self.finish}
        return record
