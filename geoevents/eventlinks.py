"""Mentions of one event share an ``event_id``; what one mention states fills gaps in another.

News repeats itself: "Russia is set to hold drills on August 5-10 near the Afghan border" and,
two sentences on, "the exercises will involve 1,000 Russian soldiers" are one event. Within a
document, a mention joins the most recent earlier event of its type when nothing conflicts
(actors, places, dates, status) and something ties them: a shared actor, a shared place, or a
definite description with no party of its own ("the withdrawal", "these drills").

The mention's own fields stay as stated; gaps are filled in a separate ``resolved`` block that
names the mention each value came from.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Sequence
from datetime import date, timedelta

from . import cachedregex as regex
from .model import Event, Filled

# "the withdrawal", "that pullout", "these drills", "the planned deployment": refers back
_DEFINITE = regex.compile(r"\b(?:the|that|this|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)
# "more drills", "another withdrawal", "further deployments": a new event, not the one before
_ANOTHER = regex.compile(
    r"\b(?:more|another|further|fresh|new|additional|renewed|next|second|third|other)\s+(?:[\w-]+\s+){0,2}$",
    regex.IGNORECASE)
_OPPOSED = {frozenset({"negated", "occurred"})}
DATE_SLACK = timedelta(days=7)
NEARBY = 300  # characters: a mention this close after the last one continues it when a party is missing


@dataclasses.dataclass
class _Cluster:
    members: list[Event]
    codes: set[str]
    places: set[str]
    countries: set[str]

    def add(self, event: Event) -> None:
        self.members.append(event)
        self.codes |= _codes(event)
        self.places |= _places(event)
        self.countries |= _countries(event)


def _codes(event: Event) -> set[str]:
    return {a.code for a in event.actors}


def _places(event: Event) -> set[str]:
    return {loc.name.casefold() for loc in event.locations}


def _countries(event: Event) -> set[str]:
    return {loc.country for loc in event.locations if loc.country}


def _date_range(event: Event) -> tuple[date, date] | None:
    """The days an event's date covers ("2021-08" -> August 1 to 31); None when undated."""
    if event.date is None or not event.date.start:
        return None
    first = _first_day(event.date.start)
    last = _last_day(event.date.end) if event.date.end else date.max
    return (first, last) if first and last else None


def _first_day(value: str) -> date | None:
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:  # seasons, weeks and other values a range cannot hold
        return None


def _last_day(value: str) -> date | None:
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except ValueError:
        return None


def _dates_compatible(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Overlapping, or within a week: reports of a multi-day event date it by different days."""
    return a[0] - DATE_SLACK <= b[1] and b[0] - DATE_SLACK <= a[1]


def _conflicts(event: Event, cluster: _Cluster) -> bool:
    codes = _codes(event)
    if codes and cluster.codes and not codes & cluster.codes:
        return True
    countries = _countries(event)
    if countries and cluster.countries and not countries & cluster.countries:
        return True
    mine = _date_range(event)
    if mine and any((other := _date_range(m)) and not _dates_compatible(mine, other) for m in cluster.members):
        return True
    return any(frozenset({event.status, m.status}) in _OPPOSED for m in cluster.members)


def _tied(event: Event, cluster: _Cluster, text: str | None) -> bool:
    """Something positive says the mention belongs to the event."""
    if _codes(event) & cluster.codes or _places(event) & cluster.places:
        return True
    if event.actors and cluster.codes:
        return False
    # one side names no party: a definite description ("the withdrawal") or the next sentence
    if cluster.members[-1].sentence.end >= event.sentence.start - NEARBY:
        return True
    if text is not None:
        before = text[max(event.sentence.start, event.trigger.start - 40):event.trigger.start]
        return bool(_DEFINITE.search(before))
    return False


def _another(event: Event, text: str | None) -> bool:
    """Does the mention announce an event besides those before it ("more drills")?"""
    if text is None:
        return False
    return bool(_ANOTHER.search(text[max(event.sentence.start, event.trigger.start - 40):event.trigger.start]))


def link_within_document(events: Sequence[Event], text: str | None = None, doc_key: str | None = None) -> list[Event]:
    """Give each mention its event's id (the id of its first mention) and fill gaps from the others."""
    if not events:
        return []  # (most documents with trigger candidates have no event)
    clusters: list[_Cluster] = []
    owner: list[_Cluster] = []
    for event in sorted(events, key=lambda e: e.trigger.start):
        recent_first = sorted(clusters, key=lambda c: c.members[-1].trigger.start, reverse=True)
        # (the first mention has no event to join: "more drills" is not looked for then)
        home = None if not clusters or _another(event, text) else next(
            (c for c in recent_first
             if c.members[0].type == event.type and not _conflicts(event, c) and _tied(event, c, text)),
            None,
        )
        if home is None:
            home = _Cluster([], set(), set(), set())
            clusters.append(home)
        home.add(event)
        owner.append(home)
    key = doc_key if doc_key is not None else (events[0].doc_id if events else None)
    linked = []
    for event, cluster in zip(sorted(events, key=lambda e: e.trigger.start), owner, strict=True):
        first = cluster.members[0]
        event_id = f"{key or 'doc'}@{first.trigger.start}"
        linked.append(dataclasses.replace(event, event_id=event_id, resolved=_fill(event, cluster.members)))
    return linked


def _fill(event: Event, members: list[Event]) -> tuple[Filled, ...]:
    """Values missing from ``event`` taken from the nearest other mention that states them."""
    others = sorted((m for m in members if m is not event), key=lambda m: abs(m.trigger.start - event.trigger.start))
    filled = []
    for name in ("actors", "locations", "date"):
        if getattr(event, name):
            continue
        source = next((m for m in others if getattr(m, name)), None)
        if source is not None:
            filled.append(Filled(name, getattr(source, name), source.trigger))
    return tuple(filled)
