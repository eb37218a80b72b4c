"""The records geoevents produces: typed, immutable, and turned into plain JSON by ``to_dict``.

Every span carries character offsets into the document text exactly as read, so that
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EVENT_TYPES = ("exercise", "deployment", "withdrawal", "training", "alert", "base", "arms_transfer", "movement")
STATUSES = ("occurred", "planned", "negated", "uncertain")


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Actor:
    """A party whose forces take part in the event."""

    name: str
    code: str
    kind: str  # state | igo | armed_group | de_facto_state
    text: str
    start: int
    end: int
    role: str = "agent"  # agent | participant | host

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "code": self.code, "kind": self.kind,
            "text": self.text, "start": self.start, "end": self.end, "role": self.role,
        }


@dataclass(frozen=True, slots=True)
class Location:
    """Where the event happens: exercise area, deployment destination, place withdrawn from."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    text: str
    start: int
    end: int
    feature: str = "place"  # country | city | region | sea | border | place
    relation: str | None = None  # the preposition that ties it to the trigger: in, to, from, near ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
            "text": self.text, "start": self.start, "end": self.end,
            "feature": self.feature, "relation": self.relation,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """The time the text gives for the event, normalised against the publication date.

    ``start``/``end`` are ISO strings at the given precision: ``2021-08-05`` (day),
    ``2021-08`` (month), ``2021`` (year). ``end`` may be None for open ranges ("since May").
    """

    text: str
    start: str | None
    end: str | None
    precision: str  # day | week | month | season | year
    offset_start: int
    offset_end: int
    value: str | None = None  # TimeML TIMEX3 value of the expression
    source: str = "text"  # "text": stated in the sentence; "published": the article date was used

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "precision": self.precision,
            "offset": [self.offset_start, self.offset_end], "value": self.value, "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many troops or how much equipment the text names with the event: "more than 1,000 soldiers"."""

    count: int
    qualifier: str  # exactly | more_than | about | up_to
    unit: str  # troops | ships | aircraft | tanks | vehicles | missiles | artillery | weapons | battalions ...
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "qualifier": self.qualifier, "unit": self.unit,
                "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Codes:
    """The event in the ontologies of event datasets: CAMEO (GDELT, ICEWS, Phoenix) and PLOVER (POLECAT)."""

    cameo: str  # CAMEO event code, e.g. "154"
    cameo_label: str
    plover: str  # PLOVER event type, e.g. "MOBILIZE"
    plover_mode: str | None
    plover_context: tuple[str, ...] = ()  # military, peacekeeping, future, hypothetical, negation ...

    def cameo_dict(self) -> dict[str, Any]:
        return {"code": self.cameo, "label": self.cameo_label}

    def plover_dict(self) -> dict[str, Any]:
        return {"type": self.plover, "mode": self.plover_mode, "context": list(self.plover_context)}


@dataclass(frozen=True, slots=True)
class Filled:
    """A value one mention lacks, stated by another mention of the same event."""

    field: str  # actors | locations | date
    value: tuple[Actor, ...] | tuple[Location, ...] | EventDate
    source: Span  # the trigger of the mention that states it

    def to_dict(self) -> dict[str, Any]:
        if isinstance(self.value, EventDate):
            value: Any = self.value.to_dict()
        else:
            value = [item.to_dict() for item in self.value]
        return {"value": value, "from": self.source.to_dict()}


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention with its evidence."""

    doc_id: str | None
    type: str
    trigger: Span
    sentence: Span
    actors: tuple[Actor, ...]
    locations: tuple[Location, ...]
    date: EventDate | None
    status: str
    rule: str
    published: str | None
    size: tuple[Quantity, ...] = ()
    codes: Codes | None = None
    event_id: str | None = None  # shared by the mentions of one event
    resolved: tuple[Filled, ...] = ()  # gaps filled from other mentions of the same event

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "locations": [loc.to_dict() for loc in self.locations],
            "date": self.date.to_dict() if self.date else None,
            "status": self.status,
            "size": [q.to_dict() for q in self.size],
            "cameo": self.codes.cameo_dict() if self.codes else None,
            "plover": self.codes.plover_dict() if self.codes else None,
            "rule": self.rule,
            "published": self.published,
            "event_id": self.event_id,
            "resolved": {filled.field: filled.to_dict() for filled in self.resolved},
        }
