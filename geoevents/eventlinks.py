"""Mentions of one event share an ``event_id``; what one mention states fills gaps in another.

News repeats itself: "Russia is set to hold drills on August 5-10 near the Afghan border" and,
two sentences on, "the exercises will involve 1,000 Russian soldiers" are one event. Within a
document, a mention joins the most recent earlier event of its type when nothing conflicts
(actors, places, dates, status) and something ties them: a shared actor, a shared place, or a
definite description with no party of its own ("the withdrawal", "these drills", "the
battalion's arrival").

Some things keep two mentions apart even when they are close and of one type: a plan counted from
the time of writing ("when they move in") is not an event the text dates before that time ("the
advance party arrived on Monday"); a movement to a place is not a movement from it ("retreated to
the city" and "the city was abandoned"); and a mention that names a place of its own (a city, a
spot) that the event does not name is not tied to it by nearness or an article alone. Word lists
are in ``data/lexicon/linking.json``.

The mention's own fields stay as stated; gaps are filled in a separate ``resolved`` block that
names the mention each value came from.
"""

from __future__ import annotations

import calendar
import dataclasses
import json
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from . import cachedregex as regex
from .dating import begins_after, phrases_pattern, whole_words_pattern
from .model import Event, Filled, Location
from .resources import read_text
from .status import told_as_past

if TYPE_CHECKING:
    from .excerpts import Excerpts

# "the withdrawal", "that pullout", "these drills", "the planned deployment", "the battalion's
# arrival": refers back
_DEFINITE = regex.compile(r"\b(?:the|that|this|these|those|its|their)\s+(?:[\w'’-]+\s+){0,2}$", regex.IGNORECASE)
# "more drills", "another withdrawal", "further deployments": a new event, not the one before
_ANOTHER = regex.compile(
    r"\b(?:more|another|further|fresh|new|additional|renewed|next|second|third|other)\s+(?:[\w-]+\s+){0,2}$",
    regex.IGNORECASE)
_OPPOSED = {frozenset({"negated", "occurred"})}
DATE_SLACK = timedelta(days=7)
NEARBY = 300  # characters: a mention this close after the last one continues it when a party is missing


@cache
def _linking_lexicon() -> dict:
    return json.loads(read_text("lexicon/linking.json"))


@dataclasses.dataclass(frozen=True)
class _Reading:
    """What a mention's text says beyond its fields, read once per mention."""

    plan_from_now: bool  # planned, counted from the time of writing ("when they move in")
    done_before_writing: bool  # occurred, and dated before the publication date
    origins: frozenset[str]  # places forces come from
    destinations: frozenset[str]  # places forces go to
    spots: frozenset[str]  # places that name one spot (a city), not a country or region


def _read(event: Event, text: str | Excerpts | None) -> _Reading:
    directions = _linking_lexicon()["directions"].get(event.type, {})
    spot_features = _linking_lexicon()["spot_features"]

    def named(relations: list[str]) -> frozenset[str]:
        return frozenset(loc.name.casefold() for loc in event.locations if loc.relation in relations)

    return _Reading(
        plan_from_now=_plan_from_now(event, text),
        done_before_writing=_done_before_writing(event),
        origins=named(directions.get("origin", [])),
        destinations=named(directions.get("destination", [])),
        spots=frozenset(loc.name.casefold() for loc in event.locations if loc.feature in spot_features),
    )


def _plan_from_now(event: Event, text: str | Excerpts | None) -> bool:
    """A plan whose future counts from the time of writing: not a definite description that may
    restate an event already under way ("the exercises will involve ..."), not a future told
    from a past report or decision ("said it would withdraw", "agreed to withdraw"), and not the
    remainder of an event under way ("the remaining 30 soldiers will leave later")"""
    if event.status != "planned" or text is None:
        return False
    if _definite_description(event, text):
        return False
    held, offset = _text_before(event, text)
    before = (event.sentence.start - offset, event.trigger.start - offset)
    return (phrases_pattern("future_in_past").search(held, *before) is None
            and _linking_words("plan_told_in_past").search(held, *before) is None
            and _linking_words("remainder_words").search(held, *before) is None)


@cache
def _linking_words(key: str) -> regex.Pattern:
    """A word list of linking.json as one case-insensitive pattern of whole words."""
    return whole_words_pattern(_linking_lexicon()[key])


def _definite_description(event: Event, text: str | Excerpts) -> bool:
    """"the exercises will involve", not the subject of a verb trigger ("the battalion will move in")."""
    held, offset = _text_before(event, text)
    m = _DEFINITE.search(held, max(event.sentence.start, event.trigger.start - 40) - offset,
                         event.trigger.start - offset)
    return m is not None and _linking_words("verb_phrase_words").search(held, m.start(), m.end()) is None


def _text_before(event: Event, text: str | Excerpts) -> tuple[str, int]:
    """A text that holds the mention's sentence up to its trigger (and a character or two before
    it), and the offset of its first character in the document."""
    return (text, 0) if isinstance(text, str) else text.before(event)


def _words_before(event: Event, text: str | Excerpts) -> str:
    """The sentence's last 40 characters before the trigger."""
    held, offset = _text_before(event, text)
    return held[max(event.sentence.start, event.trigger.start - 40) - offset:event.trigger.start - offset]


def _done_before_writing(event: Event) -> bool:
    """An event told as done, whose own stated date ends before the day of writing."""
    if event.status != "occurred" or event.date is None or event.date.source != "text" or not event.published:
        return False
    days = _date_range(event)
    published = _first_day(event.published)
    return days is not None and published is not None and days[1] < published


@dataclasses.dataclass(eq=False)  # (one cluster is itself only: ``list.remove`` finds it by identity)
class _Cluster:
    members: list[Event]
    codes: set[str]
    places: set[str]
    countries: set[str]
    _stating: dict[str, tuple[list[int], list[Event]]] = dataclasses.field(default_factory=dict)
    statuses: set[str] = dataclasses.field(default_factory=set)
    # of the members' dates: the latest first day and the earliest last day (None: none dated)
    latest_start: date | None = None
    earliest_end: date | None = None
    plan_from_now: bool = False
    done_before_writing: bool = False
    origins: set[str] = dataclasses.field(default_factory=set)
    destinations: set[str] = dataclasses.field(default_factory=set)
    spots: set[str] = dataclasses.field(default_factory=set)
    opened: int = 0  # the number of its first mention in the document (``link_in_window``)

    def add(self, event: Event, reading: _Reading) -> None:
        self.members.append(event)
        self.codes |= _codes(event)
        self.places |= _places(event)
        self.countries |= _countries(event)
        self.statuses.add(event.status)
        self.plan_from_now |= reading.plan_from_now
        self.done_before_writing |= reading.done_before_writing
        self.origins |= reading.origins
        self.destinations |= reading.destinations
        self.spots |= reading.spots
        days = _date_range(event)
        if days is not None:
            self.latest_start = days[0] if self.latest_start is None else max(self.latest_start, days[0])
            self.earliest_end = days[1] if self.earliest_end is None else min(self.earliest_end, days[1])

    def stating(self, name: str) -> tuple[list[int], list[Event]]:
        """The members that state ``name`` (in text order), and their trigger starts (worked out
        once, when the cluster is complete)."""
        found = self._stating.get(name)
        if found is None:
            members = [m for m in self.members if getattr(m, name)]
            found = self._stating[name] = ([m.trigger.start for m in members], members)
        return found


def _codes(event: Event) -> set[str]:
    return {a.code for a in event.actors}


def _places(event: Event) -> set[str]:
    return {loc.name.casefold() for loc in event.locations}


def _countries(event: Event) -> set[str]:
    # (a place the gazetteer does not know has a country guessed from its context, "a former
    # British base at ...": too weak to keep two mentions apart)
    return {loc.country for loc in event.locations if loc.country and not _unknown_place(loc)}


def _unknown_place(location: Location) -> bool:
    return location.feature == "place" and location.lat is None


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


def _conflicts(event: Event, reading: _Reading, cluster: _Cluster) -> bool:
    if (reading.plan_from_now and cluster.done_before_writing) or (
            reading.done_before_writing and cluster.plan_from_now):
        return True  # what is still to come is not what the text dates as over
    if (reading.origins & cluster.destinations) - cluster.origins or (
            reading.destinations & cluster.origins) - cluster.destinations:
        return True  # a movement to a place and a movement from it
    codes = _codes(event)
    if codes and cluster.codes and not codes & cluster.codes:
        return True
    countries = _countries(event)
    if countries and cluster.countries and not countries & cluster.countries:
        return True
    mine = _date_range(event)
    if mine and cluster.latest_start is not None and cluster.earliest_end is not None and (
            cluster.earliest_end < mine[0] - DATE_SLACK or cluster.latest_start - DATE_SLACK > mine[1]):
        # dates overlap or lie within DATE_SLACK (reports of a multi-day event date it by different
        # days): not when a member ends that long before the mention's date, or starts as long after
        return True
    return any(frozenset({event.status, status}) in _OPPOSED for status in cluster.statuses)


def _tied(event: Event, reading: _Reading, cluster: _Cluster, text: str | Excerpts | None) -> bool:
    """Something positive says the mention belongs to the event."""
    if _codes(event) & cluster.codes or _places(event) & cluster.places:
        return True
    if event.actors and cluster.codes:
        return False
    if reading.spots and cluster.spots and not reading.spots & cluster.spots:
        return False  # it names a place of its own, and the event another
    # one side names no party: a definite description ("the withdrawal") or the next sentence
    if cluster.members[-1].sentence.end >= event.sentence.start - NEARBY:
        return True
    if text is not None:
        return bool(_DEFINITE.search(_words_before(event, text)))
    return False


def _another(event: Event, text: str | Excerpts | None) -> bool:
    """Does the mention announce an event besides those before it ("more drills")?"""
    if text is None:
        return False
    return bool(_ANOTHER.search(_words_before(event, text)))


def link_within_document(events: Sequence[Event], text: str | Excerpts | None = None,
                         doc_key: str | None = None) -> list[Event]:
    """Give each mention its event's id (the id of its first mention) and fill gaps from the others."""
    if not events:
        return []  # (most documents with trigger candidates have no event)
    ordered = sorted(events, key=lambda e: e.trigger.start)
    clusters: list[_Cluster] = []  # the cluster joined last, last: mentions come in text order
    owner = [_join(event, _read(event, text), clusters, text) for event in ordered]
    key = doc_key if doc_key is not None else events[0].doc_id
    return [_linked(event, cluster, key, text) for event, cluster in zip(ordered, owner, strict=True)]


def link_in_window(events: Iterable[Event], text: Excerpts, window: int) -> Iterator[Event]:
    """``link_within_document`` for a document too large to hold its events: ``events`` come in
    text order, and a mention may join an event only if the event's first mention is among the
    ``window`` mentions before it. An event's mentions then lie within ``window`` mentions, so a
    mention is complete (its event can take no more mentions) once ``window`` more have come, and
    is given out then, in text order: at most ``window`` mentions are held. Whenever no event's
    mentions span ``window`` mentions (a document of fewer mentions), this is ``link_within_document``."""
    clusters: list[_Cluster] = []
    waiting: deque[tuple[int, Event, _Cluster]] = deque()
    key: str | None = None
    for number, event in enumerate(events):
        if key is None:
            key = event.doc_id or ""
        open_clusters = [c for c in clusters if c.opened > number - window]
        cluster = _join(event, _read(event, text), open_clusters, text, number)
        if cluster not in clusters:
            clusters.append(cluster)
        elif clusters[-1] is not cluster:
            clusters.remove(cluster)
            clusters.append(cluster)
        del clusters[:-RECENT_EVENTS]  # (no older event can be joined)
        waiting.append((number, event, cluster))
        while waiting and waiting[0][0] <= number + 1 - window:
            yield _given_out(waiting.popleft(), key, text)
    while waiting:
        yield _given_out(waiting.popleft(), key, text)


def _given_out(item: tuple[int, Event, _Cluster], key: str | None, text: Excerpts) -> Event:
    _number, event, cluster = item
    linked = _linked(event, cluster, key, text)
    text.forget(event)
    return linked


def _join(event: Event, reading: _Reading, clusters: list[_Cluster], text: str | Excerpts | None,
          number: int = 0) -> _Cluster:
    """The event of the last ``RECENT_EVENTS`` in ``clusters`` that the mention joins (moved to the
    end of ``clusters``), or a new one (appended); the mention is added to it."""
    # (the first mention has no event to join: "more drills" is not looked for then)
    home = None if not clusters or _another(event, text) else next(
        (c for c in reversed(clusters[-RECENT_EVENTS:])
         if c.members[0].type == event.type and not _conflicts(event, reading, c)
         and _tied(event, reading, c, text)),
        None,
    )
    if home is None:
        home = _Cluster([], set(), set(), set(), opened=number)
    else:
        clusters.remove(home)
    clusters.append(home)
    home.add(event, reading)
    return home


def _linked(event: Event, cluster: _Cluster, key: str | None, text: str | Excerpts | None) -> Event:
    event_id = f"{key or 'doc'}@{cluster.members[0].trigger.start}"
    return dataclasses.replace(event, event_id=event_id, resolved=_fill(event, cluster, text))


# how many of the events mentioned last a mention may join: a bound, so that a document of
# thousands of mentions is not compared pair by pair
RECENT_EVENTS = 64
# In a document read in parts (``pipeline``), an event's mentions lie within this many mentions
# (``link_in_window``): the mentions held while they are linked
WINDOW_MENTIONS = 1000
_FILLED_FIELDS = ("actors", "locations", "date")


def _fill(event: Event, cluster: _Cluster, text: str | Excerpts | None = None) -> tuple[Filled, ...]:
    """Values missing from ``event`` taken from the nearest other mention that states them (of two
    as near, the earlier)."""
    filled = []
    for name in _FILLED_FIELDS:
        if getattr(event, name):
            continue
        starts, stating = cluster.stating(name)
        if name == "date" and text is not None:
            starts, stating = _dates_fit_for(event, text, starts, stating)
        at = bisect_left(starts, event.trigger.start)
        before = at - 1 if at > 0 else None
        after = at + 1 if at < len(starts) and starts[at] == event.trigger.start else at
        after = after if after < len(starts) else None
        if before is None and after is None:
            continue
        if after is None or (before is not None and
                             event.trigger.start - starts[before] <= starts[after] - event.trigger.start):
            source = stating[before]
        else:
            source = stating[after]
        filled.append(Filled(name, getattr(source, name), source.trigger))
    return tuple(filled)


def _dates_fit_for(event: Event, text: str | Excerpts, starts: list[int],
                   stating: list[Event]) -> tuple[list[int], list[Event]]:
    """The mentions whose date may fill ``event``'s: an event told as done (by a past form, not
    by default, and in no frame still to come) takes no date that begins after the publication
    day ("have left the border town" is not dated by the "March 20 deadline" of the withdrawal
    still to come)."""
    published = _first_day(event.published) if event.published else None
    if event.status != "occurred" or published is None or not (
            told_as_done(event, text) if isinstance(text, str) else text.told_as_done(event)):
        return starts, stating
    kept = [(at, m) for at, m in zip(starts, stating, strict=True)
            if m.date is None or not begins_after(m.date.start, published)]
    return [at for at, _ in kept], [m for _, m in kept]


def told_as_done(event: Event, text: str) -> bool:
    """Whether ``event`` (offsets in ``text``) is told as done by a past form, in no frame still to come."""
    return told_as_past(text, (event.sentence.start, event.sentence.end), (event.trigger.start, event.trigger.end)) \
        and _linking_words("future_frames").search(text, event.sentence.start, event.trigger.start) is None
