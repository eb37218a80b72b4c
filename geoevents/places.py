"""The event's location: the names in the prepositional phrases that belong to the trigger."""

from __future__ import annotations

from .clauses import (
    BORDER_WITH,
    WORD,
    border_nouns,
    clause_of,
    is_modifier,
    place_nouns,
    preposition_before,
    role_lexicon,
    skip_words,
)
from .gazetteer import Mention, Reading
from .model import Actor, Location


def _place(mention: Mention, reading: Reading, relation: str | None, feature: str | None = None) -> Location:
    entity = reading.entity
    country = entity.country if entity.kind == "place" else entity.code
    return Location(
        name=entity.name if reading.form in ("name", "capital") or entity.kind == "place" else entity.name,
        country=country, lat=entity.lat, lon=entity.lon, text=mention.text,
        start=mention.start, end=mention.end,
        feature=feature or entity.feature, relation=relation,
    )


def _state_as_place(mention: Mention, reading: Reading) -> Reading:
    """A demonym or capital form of a state read as the country itself ("Iraqi territory" -> Iraq)."""
    return Reading(reading.entity, "name")


def attach_locations(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], event_type: str,
    mentions: list[Mention], actors: list[Actor],
) -> list[Location]:
    """The event's place: the names in the prepositional phrases that belong to the trigger."""
    clause = clause_of(text, sentence, *trigger)
    allowed = set(role_lexicon()["location_prepositions"][event_type])
    preferred = set(role_lexicon()["preferred_prepositions"][event_type])
    actor_spans = {(a.start, a.end) for a in actors}
    candidates: list[tuple[int, Location]] = []
    for mention in mentions:
        if not (clause[0] <= mention.start and mention.end <= clause[1]):
            continue
        if (mention.start, mention.end) in actor_spans:
            continue
        place = mention.place_reading()
        actor_reading = mention.actor_reading()
        after = text[mention.end:mention.end + 40].lstrip(" '’s")
        is_place_modifier = bool(place_nouns().match(after) or place_nouns().match(skip_words(after, 1)))
        if place is None and actor_reading is not None and actor_reading.entity.kind == "state" and is_place_modifier:
            place = _state_as_place(mention, actor_reading)
        if place is None:
            continue
        if place.entity.kind == "state" and place.form != "name" and not is_place_modifier:
            continue
        preposition = preposition_before(text, mention.start, clause[0], allowed, through_names=True)
        if preposition is None and candidates and _chained(text, candidates[-1][1], mention):
            # a name listed or nested after an earlier place: "in Mahabad, West Azerbaijan province"
            preposition = candidates[-1][1].relation
        if preposition is None:
            continue
        border = (border_nouns().match(after) or border_nouns().match(skip_words(after, 1))
                  or BORDER_WITH.search(text, max(clause[0], mention.start - 30), mention.start))
        feature = "border" if border else None
        distance = abs(mention.start - trigger[1]) if mention.start >= trigger[1] else 10_000 + trigger[0] - mention.end
        rank = (0 if preposition in preferred else 1, distance)
        candidates.append((rank, _place(mention, place, preposition, feature)))
    if not candidates:
        return []
    best_rank = min(rank for rank, _ in candidates)
    first = next(loc for rank, loc in candidates if rank == best_rank)
    chosen = [first]
    for _, loc in candidates:
        if loc is not first and loc.start > first.start and _chained(text, chosen[-1], loc):
            chosen.append(loc)
    return [_border_side(loc, actors) for loc in chosen]


def _chained(text: str, previous: Location, mention) -> bool:
    """Is ``mention`` listed or nested right after ``previous``? ("Manbij, Tell Rifaat and Kobani")."""
    gap = text[previous.end:mention.start]
    if len(gap) > 40:
        return False
    words = [w.lower() for w in WORD.findall(gap)]
    allowed = {"and", "or", "the", "of", "both", "province", "district", "region", "state", "city", "county",
                "governorate", "oblast", "town", "'s", "’s", "in", "near"}
    return all(w in allowed or is_modifier(w) for w in words) and len(words) <= 5


def _border_side(location: Location, actors: list[Actor]) -> Location:
    """A border named after the other country lies on the acting state's side."""
    if location.feature != "border":
        return location
    states = [a for a in actors if a.kind == "state"]
    if states and location.country and states[0].code != location.country:
        return Location(
            name=f"{location.name} border", country=states[0].code, lat=location.lat, lon=location.lon,
            text=location.text, start=location.start, end=location.end, feature="border",
            relation=location.relation,
        )
    return Location(
        name=f"{location.name} border", country=location.country, lat=location.lat, lon=location.lon,
        text=location.text, start=location.start, end=location.end, feature="border", relation=location.relation,
    )
