"""Linking events across documents (``--link``): reports of one event get one ``event_id``.

Within a document, mentions already share an id (``eventlinks``). Across documents, two events
are one when they have the same type, their dates overlap (the event's own date, else the day
it was reported), nothing conflicts (actors, countries, occurred vs negated) and something ties
them: a shared actor or a shared place. Events are taken in date order and joined to the first
open group that fits, so memory holds only compact keys and the groups still open.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

SLACK = timedelta(days=1)  # reports dated by their publication day may lag the event by a day
MAX_SPAN = timedelta(days=7)  # a longer stated date links by the report's day instead


@dataclass(frozen=True, slots=True)
class Key:
    """What linking needs to know of one document-level event (its mentions merged)."""

    index: int  # position of the event in input order
    doc_id: str | None
    type: str
    codes: frozenset[str]
    countries: frozenset[str]
    places: frozenset[str]
    first: date
    last: date
    status: str


@dataclass
class Group:
    id: str
    type: str
    members: list[Key] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    first: date = date.max
    last: date = date.min
    statuses: Counter = field(default_factory=Counter)
    doc_ids: set[str | None] = field(default_factory=set)

    def add(self, key: Key) -> None:
        if not self.members:  # the group's days are its first report's: groups do not creep on
            self.first, self.last = key.first, key.last
        self.members.append(key)
        self.codes |= key.codes
        self.countries |= key.countries
        self.places |= key.places
        self.statuses[key.status] += 1
        self.doc_ids.add(key.doc_id)

    @property
    def sources(self) -> int:
        return len(self.doc_ids)


def day_range(start: str | None, end: str | None) -> tuple[date, date] | None:
    """The days an ISO value at any precision covers: "2021-08" -> August 1 to 31."""
    if not start:
        return None
    first = _bound(start, last=False)
    final = _bound(end or start, last=True)
    if first is None or final is None:
        return None
    return first, final


def _bound(value: str, last: bool) -> date | None:
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    except ValueError:  # seasons ("2021-SU") and weeks ("2021-W31") are not linked by day
        return None


def key_of(index: int, record: dict) -> Key | None:
    """The linking key of an event record (a dict as ``Event.to_dict`` makes, mentions merged);
    None when it has no date at all (neither its own nor a publication date)."""
    when = record.get("date") or {}
    span = day_range(when.get("start"), when.get("end"))
    if span is None or span[1] - span[0] > MAX_SPAN:  # "in 2014" says nothing about the day
        span = day_range(record.get("published"), None) or span
    if span is None:
        return None
    return Key(
        index=index, doc_id=record.get("doc_id"), type=record["type"],
        codes=frozenset(a["code"] for a in record.get("actors", [])),
        countries=frozenset(loc["country"] for loc in record.get("locations", []) if loc.get("country")),
        places=frozenset(loc["name"].casefold() for loc in record.get("locations", [])),
        first=span[0], last=span[1], status=record.get("status", "occurred"),
    )


def _fits(key: Key, group: Group) -> bool:
    if key.type != group.type:
        return False
    if key.doc_id is not None and key.doc_id in group.doc_ids:
        return False  # within its document, linking found this a different event
    if key.first > group.last + SLACK or group.first > key.last + SLACK:
        return False
    if key.codes and group.codes and not key.codes & group.codes:
        return False
    if key.countries and group.countries and not key.countries & group.countries:
        return False
    if key.places and group.places and not (key.places & group.places or key.countries & group.countries):
        return False
    opposite = {"occurred": "negated", "negated": "occurred"}.get(key.status)
    if opposite and group.statuses.get(opposite):
        return False
    return bool(key.codes & group.codes or key.places & group.places)


def link(keys: Iterable[Key], make_id) -> list[Group]:
    """Groups of keys that are one event. ``make_id(key)`` names a group after its first key."""
    ordered = sorted(keys, key=lambda k: (k.first, k.index))
    open_groups: list[Group] = []
    closed: list[Group] = []
    for key in ordered:
        still_open = []
        for group in open_groups:
            (still_open if group.last + SLACK >= key.first else closed).append(group)
        open_groups = still_open
        home = next((g for g in open_groups if _fits(key, g)), None)
        if home is None:
            home = Group(make_id(key), key.type)
            open_groups.append(home)
        home.add(key)
    return closed + open_groups


def link_records(records: list[dict]) -> list[Group]:
    """Link event records (``Event.to_dict``) across documents, in place: each record's
    ``event_id`` becomes its group's, and ``event_mentions``/``event_sources`` are added.
    Mentions that share an id within a document move together."""
    by_event: dict[tuple, list[int]] = {}
    for i, record in enumerate(records):
        by_event.setdefault((record.get("doc_id"), record.get("event_id") or i), []).append(i)
    keys: list[Key] = []
    members_of: dict[int, list[int]] = {}
    for number, indices in enumerate(by_event.values()):
        merged = _merge([records[i] for i in indices])
        key = key_of(number, merged)
        if key is None:  # no date at all: it stays an event of its own
            key = Key(number, merged.get("doc_id"), merged["type"], frozenset(), frozenset(), frozenset(),
                      date.min, date.min, merged.get("status", "occurred"))
        keys.append(key)
        members_of[number] = indices
    groups = link(keys, lambda key: records[members_of[key.index][0]].get("event_id") or f"event-{key.index}")
    for group in groups:
        indices = [i for key in group.members for i in members_of[key.index]]
        for i in indices:
            records[i]["event_id"] = group.id
            records[i]["event_mentions"] = len(indices)
            records[i]["event_sources"] = group.sources
    return groups


def _merge(mentions: list[dict]) -> dict:
    """One record standing for the mentions of a document-level event."""
    first = dict(mentions[0])
    first["actors"] = [a for m in mentions for a in m.get("actors", [])]
    first["locations"] = [loc for m in mentions for loc in m.get("locations", [])]
    first["date"] = next((m["date"] for m in mentions if m.get("date") and m["date"].get("start")), None)
    return first


def summaries(groups: list[Group], records: list[dict]) -> list[dict]:
    """One record per linked event (``--group``), in the order of their first mention."""
    mentions: dict[str, list[dict]] = {}
    for record in records:
        mentions.setdefault(record["event_id"], []).append(record)
    by_id = {group.id: group for group in groups}
    return [summarise(by_id[event_id], found) for event_id, found in mentions.items()]


def summarise(group: Group, mentions: list[dict]) -> dict:
    """A linked event: its merged fields and its mentions."""
    actors = {a["code"]: a for m in mentions for a in m.get("actors", [])}
    places = {loc["name"]: loc for m in mentions for loc in m.get("locations", [])}
    dated = [m["date"] for m in mentions if m.get("date") and m["date"].get("start")]
    return {
        "event_id": group.id,
        "type": group.type,
        "status": group.statuses.most_common(1)[0][0],
        "actors": [{k: a.get(k) for k in ("name", "code", "kind")} for a in actors.values()],
        "locations": [{k: loc.get(k) for k in ("name", "country", "lat", "lon")} for loc in places.values()],
        "date": {"start": min(d["start"] for d in dated), "end": max(d.get("end") or d["start"] for d in dated)}
        if dated else None,
        "mentions": len(mentions),
        "sources": group.sources,
        "documents": sorted({str(m.get("doc_id")) for m in mentions}),
        "mention_records": mentions,
    }
