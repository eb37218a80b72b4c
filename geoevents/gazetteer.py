"""Offline gazetteer: names of states, organisations, armed groups, leaders and places.

The data is built by ``data/gazetteer/build.py`` into two TSV files shipped with the package.
Lookup walks the tokens of a sentence and tries the longest run of tokens first, so
"South Korea" wins over "Korea" and "People's Liberation Army" over "Liberation".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

ACTOR_KINDS = ("state", "igo", "armed_group")
MAX_ALIAS_TOKENS = 8
_TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str  # state | igo | armed_group | place
    code: str | None  # actor code: ISO alpha-3 for states, short upper-case names otherwise
    name: str
    country: str | None  # ISO alpha-3 of the country a place lies in
    feature: str  # country | city | region | sea | strait | border | organisation | place
    lat: float | None
    lon: float | None
    population: int


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a name: as this entity, in this form (name, demonym, capital, ...)."""

    entity: Entity
    form: str
    valid_from: int | None = None
    valid_to: int | None = None

    def valid_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.valid_from is None or self.valid_from <= year) and (
            self.valid_to is None or year <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text, with every reading the gazetteer has for it."""

    text: str
    start: int
    end: int
    readings: tuple[Reading, ...]

    def actor_reading(self, year: int | None = None) -> Reading | None:
        """The reading of this name as a party that can act (a state, an IGO, an armed group)."""
        for reading in self.readings:
            if reading.entity.kind in ACTOR_KINDS and reading.valid_in(year):
                return reading
        return None

    def place_reading(self) -> Reading | None:
        """The reading of this name as a place: a country named as such, or the most populous
        place of that name; a country's own name beats a small namesake ("Georgia")."""
        country = next((r for r in self.readings if r.entity.kind == "state" and r.form == "name"), None)
        places = [r for r in self.readings if r.entity.kind == "place"]
        best = max(places, key=lambda r: r.entity.population, default=None)
        if country and (best is None or best.entity.population < 1_000_000):
            return country
        return best


class Gazetteer:
    def __init__(self, entities: dict[str, Entity], aliases: dict[str, list[Reading]]):
        self.entities = entities
        self.aliases = aliases
        self.lowercase_starts = frozenset(
            first.group(0) for key in aliases if key[:1].islower() and (first := _TOKEN.match(key))
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every gazetteer name in ``text[start:end]``, longest match first, left to right."""
        end = len(text) if end is None else end
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        shout = _is_shouting(text, start, end)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            token_start, token_end = tokens[i]
            first = text[token_start:token_end]
            if not (first[0].isupper() or first[0].isdigit() or first in self.lowercase_starts):
                i += 1
                continue
            found = None
            for j in range(min(len(tokens), i + MAX_ALIAS_TOKENS) - 1, i - 1, -1):
                key = text[token_start:tokens[j][1]]
                readings = self.aliases.get(key)
                if readings is None and shout:
                    readings = self.aliases.get(key.title())
                if readings:
                    found = (j, key, readings)
                    break
            if found is None:
                i += 1
                continue
            j, key, readings = found
            mentions.append(Mention(key, token_start, tokens[j][1], tuple(readings)))
            i = j + 1
        return mentions


def _is_shouting(text: str, start: int, end: int) -> bool:
    letters = [c for c in text[start:min(end, start + 200)] if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _float(value: str) -> float | None:
    return float(value) if value else None


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    folder = resources.files("geoevents").joinpath("data", "gazetteer")
    entities: dict[str, Entity] = {}
    with folder.joinpath("entities.tsv").open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            entity_id, kind, code, name, country, feature, lat, lon, population = row
            entities[entity_id] = Entity(
                entity_id, kind, code or None, name, country or None, feature,
                _float(lat), _float(lon), int(population or 0),
            )
    aliases: dict[str, list[Reading]] = {}
    with folder.joinpath("aliases.tsv").open(encoding="utf-8") as f:
        for text, entity_id, form, valid_from, valid_to in csv.reader(f, delimiter="\t"):
            entity = entities.get(entity_id)
            if entity is None:
                continue
            reading = Reading(entity, form, int(valid_from) if valid_from else None,
                              int(valid_to) if valid_to else None)
            aliases.setdefault(text, []).append(reading)
    return Gazetteer(entities, aliases)
