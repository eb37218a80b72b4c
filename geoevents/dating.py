"""The event's date: the time expression that belongs to the trigger."""

from __future__ import annotations

import regex

from .clauses import clause_of
from .model import EventDate
from .temporal import Timex

_REPORTING = regex.compile(r"\b(?:said|says|say|announced|announces|reported|reports|told|stated|states|confirmed)\b",
                           regex.IGNORECASE)


def attach_date(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], timexes: list[Timex],
) -> EventDate | None:
    """The time the sentence gives for the event: a date in the trigger's clause, else the
    date of the sentence's reporting verb ("said on Wednesday it was beefing up")."""
    clause = clause_of(text, sentence, *trigger)
    dated = [t for t in timexes if t.type == "DATE" and t.begin]
    in_clause = [t for t in dated if clause[0] <= t.start and t.end <= clause[1]]
    chosen = None
    if in_clause:
        def distance(t: Timex) -> int:
            return t.start - trigger[1] if t.start >= trigger[1] else trigger[0] - t.end + 5

        chosen = min(in_clause, key=distance)
    else:
        for t in dated:
            if _REPORTING.search(text, max(sentence[0], t.start - 25), t.start) or _REPORTING.search(
                text, t.end, min(sentence[1], t.end + 4)
            ):
                chosen = t
                break
    if chosen is None:
        return None
    return EventDate(
        text=chosen.text, start=chosen.begin, end=chosen.finish, precision=chosen.precision or "day",
        offset_start=chosen.start, offset_end=chosen.end, value=chosen.value,
    )
