"""Actors of an event: the force phrases tied to the trigger ("Russian troops"), else its
subject, with the names listed beside them, and the partners of a joint exercise."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .clauses import (
    WORD,
    clause_of,
    force_nouns,
    place_nouns,
    preposition_before,
    role_lexicon,
    skip_words,
)
from .gazetteer import Mention, Reading
from .model import Actor


@dataclass(frozen=True, slots=True)
class NameRole:
    """How one name in the sentence relates to the trigger."""

    mention: Mention
    reading: Reading
    preposition: str | None
    force: bool  # a force phrase: "Russian troops", "the IDF"
    place_modifier: bool  # a demonym naming a place: "Iraqi territory", "a Tajik base"


def _roles_of(text: str, clause: tuple[int, int], mentions: list[Mention], year: int | None) -> list[NameRole]:
    prepositions = set(role_lexicon()["non_actor_prepositions"]) | set(role_lexicon()["participant_words"])
    result = []
    for mention in mentions:
        reading = mention.actor_reading(year)
        if reading is None:
            continue
        after = text[mention.end:min(clause[1] + 40, mention.end + 60)]
        after_words = regex.sub(r"^(?:['’]s\b)?\s*", "", after)
        noun = _force_after(after_words)
        force = noun or reading.form == "force" or reading.entity.kind == "armed_group"
        place_noun = place_nouns().match(after_words) or place_nouns().match(skip_words(after_words, 1))
        place_modifier = bool(place_noun) and reading.form in ("demonym", "name") and not noun
        preposition = preposition_before(text, mention.start, clause[0], prepositions)
        result.append(NameRole(mention, reading, preposition, force, place_modifier))
    return result


def _force_after(text: str) -> bool:
    """Does a force noun follow, past at most three modifiers? ("Israeli ground forces",
    "Russia's Black Sea Fleet", "U.S. special operations troops")."""
    for _ in range(4):
        if force_nouns().match(text):
            return True
        m = _NEXT_TOKEN.match(text)
        if not m or not (m.group(1)[0].isupper() or m.group(1).lower() in _force_modifiers()):
            return False
        text = text[m.end():]
    return False


_NEXT_TOKEN = regex.compile(r"([\p{L}\p{N}][\p{L}\p{N}./-]*)\s+")


@cache
def _force_modifiers() -> frozenset[str]:
    return frozenset(role_lexicon()["force_modifiers"])


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
    participants = set(role_lexicon()["participant_words"]) - {"and", "including"}
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
    return len(WORD.findall(text, a, b)) if b > a else 0


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
    coordination = set(role_lexicon()["coordination_words"])
    result = list(chosen)
    for head in chosen:
        current = head
        for role in reversed([r for r in roles if r.mention.end <= head.mention.start]):
            gap = text[role.mention.end:current.mention.start]
            words = [w.lower() for w in WORD.findall(gap)]
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
