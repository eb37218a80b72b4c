"""Attach actors, places and dates to a trigger, from the names and times in its sentence.

Without a parser, roles come from the words around a name: the preposition before it ("to
Iraq" is a destination, "with Japan" a partner), the force noun after it ("Russian troops"),
and its distance to the trigger within the trigger's clause.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache

import regex

from .gazetteer import Mention, Reading
from .model import Actor, EventDate, Location
from .resources import read_lines, read_text
from .temporal import Timex

_WORD = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|['’](?!s\b)[\p{L}\p{N}]+)*|['’]s\b")
_STOP_PUNCT = regex.compile(r"[;:()\[\]\"“”]")


@cache
def _roles() -> dict:
    return json.loads(read_text("lexicon/roles.json"))


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _clause_break() -> regex.Pattern:
    openers = _roles()["clause_openers"]
    return regex.compile(
        r"[;:]\s|\s[–—]\s|\s-\s|[()]|,\s+(?:%s)\b|\s(?:%s)\s"
        # a trailing attribution: ", the ministry in Moscow said on Wednesday"
        r"|,\s+(?=[^,;]{0,60}?\b(?:said|says|reported|reports|told|announced|according\s+to)\b[^,;]{0,40}$)"
        % (_alternation(openers["after_comma"]), _alternation(openers["anywhere"])),
        regex.IGNORECASE,
    )


@cache
def _force_nouns() -> regex.Pattern:
    return regex.compile(r"(?:%s)\b" % _alternation(read_lines("lexicon/forces.txt")), regex.IGNORECASE)


@cache
def _place_nouns() -> regex.Pattern:
    return regex.compile(r"(?:%s)\b" % _alternation(_roles()["place_nouns"]), regex.IGNORECASE)


@cache
def _border_nouns() -> regex.Pattern:
    return regex.compile(r"(?:%s)\b" % _alternation(_roles()["border_nouns"]), regex.IGNORECASE)


def clause_of(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: between the nearest clause breaks in the sentence."""
    left, right = sentence
    for m in _clause_break().finditer(text, sentence[0], start):
        left = m.end()
    m = _clause_break().search(text, end, sentence[1])
    if m:
        right = m.start()
    return left, right


def words_before(text: str, pos: int, floor: int, n: int) -> list[str]:
    """Up to ``n`` lower-case words before ``pos`` (nearest first), stopping at strong punctuation."""
    window = text[max(floor, pos - 80):pos]
    cut = max((m.end() for m in _STOP_PUNCT.finditer(window)), default=0)
    return [w.lower() for w in _WORD.findall(window[cut:])][::-1][:n]


def _preposition_before(text: str, mention_start: int, floor: int, prepositions: set[str],
                        through_names: bool = False) -> str | None:
    """The preposition that governs a name: "to the eastern Congo" -> "to".

    With ``through_names``, the search walks over other names and "of" ("in the Jaisalmer
    district of Rajasthan" -> "in"), as places nest.
    """
    original = text[max(floor, mention_start - 100):mention_start]
    cut = max((m.end() for m in _STOP_PUNCT.finditer(original)), default=0)
    words = [w for w in _WORD.findall(original[cut:])][::-1][:10 if through_names else 5]
    for i, word in enumerate(words):
        lower = word.lower()
        for size in (4, 3, 2):
            if i + size <= len(words):
                phrase = " ".join(w.lower() for w in reversed(words[i:i + size]))
                if phrase in prepositions:
                    return phrase
        if lower in prepositions:
            return lower
        if _is_modifier(lower):
            continue
        if through_names and (word[0].isupper() or lower in _NESTING_WORDS or lower in _BORDER_WORDS):
            continue
        return None
    return None


_NESTING_WORDS = {"of", "with", "district", "province", "state", "region", "county", "governorate", "city", "town"}
_BORDER_WORDS = {"border", "borders", "frontier", "boundary"}
_BORDER_WITH = regex.compile(r"(?:border|frontier|boundary)\s+with\s+(?:the\s+)?$", regex.IGNORECASE)
_MODIFIERS = {"the", "a", "an", "its", "their", "his", "her", "both", "several", "all", "some", "two", "three"}


def _is_modifier(word: str) -> bool:
    """Words that may stand between a preposition and its name: "to the [eastern] Congo"."""
    return (
        word in _MODIFIERS
        or word.endswith(("ern", "ed", "al", "ic", "ing", "ish", "ian", "an", "ese", "i"))
        or word in ("'s", "’s", "mutual", "restive", "disputed", "neighbouring", "neighboring", "central",
                    "northern", "southern", "eastern", "western", "far", "upper", "lower", "greater", "rebel-held")
    )


@dataclass(frozen=True, slots=True)
class NameRole:
    """How one name in the sentence relates to the trigger."""

    mention: Mention
    reading: Reading
    preposition: str | None
    force: bool  # a force phrase: "Russian troops", "the IDF"
    place_modifier: bool  # a demonym naming a place: "Iraqi territory", "a Tajik base"


def _roles_of(text: str, clause: tuple[int, int], mentions: list[Mention], year: int | None) -> list[NameRole]:
    prepositions = set(_roles()["non_actor_prepositions"]) | set(_roles()["participant_words"])
    result = []
    for mention in mentions:
        reading = mention.actor_reading(year)
        if reading is None:
            continue
        after = text[mention.end:min(clause[1] + 40, mention.end + 60)]
        after_words = regex.sub(r"^(?:['’]s\b)?\s*", "", after)
        noun = _force_after(after_words)
        force = noun or reading.form == "force" or reading.entity.kind == "armed_group"
        place_noun = _place_nouns().match(after_words) or _place_nouns().match(_skip_words(after_words, 1))
        place_modifier = bool(place_noun) and reading.form in ("demonym", "name") and not noun
        preposition = _preposition_before(text, mention.start, clause[0], prepositions)
        result.append(NameRole(mention, reading, preposition, force, place_modifier))
    return result


def _force_after(text: str) -> bool:
    """Does a force noun follow, past at most three modifiers? ("Israeli ground forces",
    "Russia's Black Sea Fleet", "U.S. special operations troops")."""
    for _ in range(4):
        if _force_nouns().match(text):
            return True
        m = _NEXT_TOKEN.match(text)
        if not m or not (m.group(1)[0].isupper() or m.group(1).lower() in _force_modifiers()):
            return False
        text = text[m.end():]
    return False


_NEXT_TOKEN = regex.compile(r"([\p{L}\p{N}][\p{L}\p{N}./-]*)\s+")


@cache
def _force_modifiers() -> frozenset[str]:
    return frozenset(_roles()["force_modifiers"])


def _skip_words(text: str, n: int) -> str:
    m = regex.match(r"(?:[\p{L}\p{N}/-]+\s+){1,%d}" % n, text)
    return text[m.end():] if m else text


def _actor(role: NameRole, kind_role: str) -> Actor:
    entity = role.reading.entity
    return Actor(
        name=entity.name, code=entity.code or entity.id, kind=entity.kind, text=role.mention.text,
        start=role.mention.start, end=role.mention.end, role=kind_role,
    )


def attach_actors(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], event_type: str,
    mentions: list[Mention], year: int | None,
) -> list[Actor]:
    """The parties whose forces act: force phrases tied to the trigger, else its subject."""
    clause = clause_of(text, sentence, *trigger)
    in_clause = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
    roles = _roles_of(text, clause, in_clause, year)
    participants = set(_roles()["participant_words"]) - {"and", "including"}
    agents: list[NameRole] = []
    partners: list[NameRole] = []
    for role in roles:
        if role.place_modifier:
            continue
        near = _words_between(text, role.mention, trigger) <= 8
        if role.preposition in participants and (event_type == "exercise" or role.force):
            partners.append(role)
        elif role.force and near and role.preposition in (None, "of", "and", "including", "as well as", "by"):
            agents.append(role)
    agents = _with_coordinated(text, agents, roles) if agents else _subject(text, clause, trigger, roles)
    chosen = agents + [p for p in partners if p not in agents]
    if event_type == "exercise":
        chosen += [r for r in _between_pair(text, clause, trigger, roles) if r not in chosen]
    actors: list[Actor] = []
    seen: set[str] = set()
    for role in chosen:
        actor = _actor(role, "participant" if role in partners else "agent")
        if actor.code not in seen:
            seen.add(actor.code)
            actors.append(actor)
    return actors


def _words_between(text: str, mention: Mention, trigger: tuple[int, int]) -> int:
    a, b = (mention.end, trigger[0]) if mention.end <= trigger[0] else (trigger[1], mention.start)
    return len(_WORD.findall(text, a, b)) if b > a else 0


def _subject(text: str, clause: tuple[int, int], trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The nearest name before the trigger that is not in a prepositional phrase, with its coordinates."""
    before = [r for r in roles if r.mention.end <= trigger[0] and r.preposition in (None, "and", "by")]
    before = [r for r in before if not r.place_modifier]
    if not before:
        after = [r for r in roles if r.mention.start >= trigger[1] and r.preposition in ("of", "by")]
        return after[:1]
    return _with_coordinated(text, [before[-1]], before)


def _with_coordinated(text: str, chosen: list[NameRole], roles: list[NameRole]) -> list[NameRole]:
    """Add the names listed before each chosen one: "Uzbek and Tajik forces", "X, Y and Z hold"."""
    coordination = set(_roles()["coordination_words"])
    result = list(chosen)
    for head in chosen:
        current = head
        for role in reversed([r for r in roles if r.mention.end <= head.mention.start]):
            gap = text[role.mention.end:current.mention.start]
            words = [w.lower() for w in _WORD.findall(gap)]
            listed = "," in gap or "and" in words or "&" in gap
            if not (listed and all(w in coordination or w in ("'s", "’s") for w in words)):
                break
            if role.place_modifier or role.preposition not in (None, "and", "by", "of"):
                break
            if role not in result:
                result.append(role)
            current = role
    return result


def _between_pair(text: str, clause: tuple[int, int], trigger: tuple[int, int],
                  roles: list[NameRole]) -> list[NameRole]:
    """Both sides of "between X and Y" after an exercise trigger."""
    after = [r for r in roles if r.mention.start >= trigger[1]]
    for i, role in enumerate(after):
        if role.preposition == "between" and i + 1 < len(after):
            return [role, after[i + 1]]
    return []


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
    allowed = set(_roles()["location_prepositions"][event_type])
    preferred = set(_roles()["preferred_prepositions"][event_type])
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
        is_place_modifier = bool(_place_nouns().match(after) or _place_nouns().match(_skip_words(after, 1)))
        if place is None and actor_reading is not None and actor_reading.entity.kind == "state" and is_place_modifier:
            place = _state_as_place(mention, actor_reading)
        if place is None:
            continue
        if place.entity.kind == "state" and place.form != "name" and not is_place_modifier:
            continue
        preposition = _preposition_before(text, mention.start, clause[0], allowed, through_names=True)
        if preposition is None and candidates and _chained(text, candidates[-1][1], mention):
            # a name listed or nested after an earlier place: "in Mahabad, West Azerbaijan province"
            preposition = candidates[-1][1].relation
        if preposition is None:
            continue
        border = (_border_nouns().match(after) or _border_nouns().match(_skip_words(after, 1))
                  or _BORDER_WITH.search(text, max(clause[0], mention.start - 30), mention.start))
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
    words = [w.lower() for w in _WORD.findall(gap)]
    allowed = {"and", "or", "the", "of", "both", "province", "district", "region", "state", "city", "county",
                "governorate", "oblast", "town", "'s", "’s", "in", "near"}
    return all(w in allowed or _is_modifier(w) for w in words) and len(words) <= 5


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


def published_year(published: date | None) -> int | None:
    return published.year if published else None
