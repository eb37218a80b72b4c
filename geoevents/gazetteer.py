"""Offline gazetteer: names of states, organisations, armed groups, leaders and places.

The data is built by ``data/gazetteer/build.py`` into two TSV files shipped with the package.
Loading keeps each row as its raw text and turns it into ``Entity`` and ``Reading`` objects
only when a name is found in a sentence, so start-up stays short and memory small.
Lookup walks the tokens of a sentence and tries the longest run of tokens first, so
"South Korea" wins over "Korea" and "People's Liberation Army" over "Liberation".
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import islice
from operator import itemgetter

import ahocorasick

from . import cachedregex as regex
from .sortedrows import SortedRows

# de facto states (Somaliland, Abkhazia) act like states but have no ISO code; unlike armed groups,
# their name alone is no armed force (a trigger that needs one is not satisfied by "Abkhazia")
ORGANISATION_KINDS = frozenset({"igo", "armed_group", "de_facto_state"})
ACTOR_KINDS = ("state", "igo", "armed_group", "de_facto_state")
MAX_ALIAS_TOKENS = 8
# A namesake in the document's country beats a state's own name only if it is this large
# ("Georgia" the US state among US places; never a town called "Jordan").
NAMESAKE_POPULATION = 100_000
CONTEXT_POPULATION_RATIO = 20
_TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str  # state | igo | armed_group | de_facto_state | place
    code: str | None  # actor code: ISO alpha-3 for states, short upper-case names otherwise
    name: str
    country: str | None  # ISO alpha-3 of the country a place lies in (a state: its own code)
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

    def place_reading(self, context: Iterable[str] = (), places: Iterable[str] | None = None) -> Reading | None:
        """The reading of this name as a place.

        A state's own name is the country ("Georgia", "Jordan"), unless the other places of
        the document lie in the country of a large namesake and not in that state ("Atlanta,
        Georgia"). Among places, one in a country of the context wins, then a curated place
        (sea, region, area), then the most populous. ``context``: the countries the text is
        about; ``places``: those of the towns and regions it names (default: ``context``), which
        alone may turn a state's name into a namesake (a US actor does not make "Georgia" a US state).
        """
        countries = set(context)
        place_countries = countries if places is None else set(places)
        country = next((r for r in self.readings if r.entity.kind == "state" and r.form == "name"), None)
        if any(r.entity.kind == "state" and r.form == "demonym" for r in self.readings):
            return country  # "Somali" is a people, not the Somali Region of Ethiopia
        places = [r for r in self.readings if r.entity.kind == "place"]
        if not places:
            return country
        largest = max(r.entity.population for r in places)
        best = max(places, key=lambda r: (
            # a namesake in the context's country wins unless it is a village beside a city ("Sydney")
            r.entity.country in countries and r.entity.population * CONTEXT_POPULATION_RATIO >= largest,
            r.entity.id.startswith("pl:"), r.entity.feature == "region", r.entity.population))
        if country is None:
            return best
        namesake = (best.entity.country in place_countries and country.entity.code not in place_countries
                    and (best.entity.feature == "region" or best.entity.population >= NAMESAKE_POPULATION))
        return best if namesake else country

    def place_countries(self) -> set[str]:
        """The countries this name may lie in, as a place or a state."""
        return {r.entity.country for r in self.readings if r.entity.country and r.form in ("name", "capital")}


class Gazetteer:
    """Names -> readings. Rows stay raw text until a name is looked up."""

    def __init__(self, entity_rows: SortedRows, alias_rows: SortedRows):
        self._entity_rows = entity_rows
        self._alias_rows = alias_rows
        self._added: frozenset[str] = frozenset()  # names added by user rule files
        self._entities: dict[str, Entity] = {}
        self._readings: dict[str, tuple[Reading, ...]] = {}
        self._reaches: dict[str, dict[str, int]] = {}  # per first two characters: first word -> longest name
        self._ordered_names: dict[str, list[str]] = {}  # per block: its names, in order (see _reach)
        self._first_words: dict[str, tuple[Mapping[str, str], int]] = {}  # see _names_from

    @cached_property
    def lowercase_starts(self) -> frozenset[str]:
        """The first words of the names that start in lower case ("al-Shabaab", "the Gulf")."""
        rows = self._alias_rows  # sorted: only the names from "a" to "z" and beyond ASCII can start in lower case
        return _first_words([*rows.between("a", "{"), *rows.between("\x80")])

    @cached_property
    def _armed_names(self) -> list[str]:
        """The names that can stand for an armed force: a state's force ("the PLA") or an armed
        group, packaged (``armed_names.tsv``) or added by rule files."""
        return [*_rows("armed_names.tsv"), *(name for name in sorted(self._added) if any(
            r.form == "force" or r.entity.kind == "armed_group" for r in self.readings(name)))]

    @cached_property
    def _armed_first_words(self) -> frozenset[str]:
        return frozenset(first.group() for name in self._armed_names if (first := _TOKEN.match(name)))

    @cached_property
    def _armed_name_finders(self) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        """The ASCII names of ``_armed_names`` as written, and in lower case (for a shouted text)."""
        names = [name for name in self._armed_names if name.isascii()] or ["\x00"]  # (an automaton needs a key)
        return _automaton(names), _automaton(name.lower() for name in names)

    def may_name_armed_forces(self, text: str, start: int, end: int) -> bool:
        """Could ``find(text, start, end)`` return a name read as a force or an armed group?
        A name found is looked up as written, save in a shouted text, which is looked up in title
        case as well: in ASCII text, no when no such name is there (in any case, if shouted); in
        other text, no when no word there starts one."""
        chunk = text[start:end]
        if chunk.isascii():
            as_written, lowered = self._armed_name_finders
            if _is_shouting(text, start, end):
                return next(lowered.iter(chunk.lower()), None) is not None
            return next(as_written.iter(chunk), None) is not None
        return _is_shouting(text, start, end) or not self._armed_first_words.isdisjoint(
            _TOKEN.findall(text, start, end))

    def extended(self, entity_rows: dict[str, str], alias_rows: dict[str, list[str]]) -> Gazetteer:
        """A copy with more entities and names (user rule files); the packaged one is unchanged.
        ``entity_rows``: id -> "kind\tcode\tname\tcountry\tfeature\tlat\tlon\tpopulation";
        ``alias_rows``: name -> ["entity_id,form", ...]."""
        aliases = {}
        for name, rows in alias_rows.items():
            known = self._alias_rows.get(name)
            aliases[name] = "\t".join(rows + ([known] if known is not None else []))  # the user's first
        extended = Gazetteer(self._entity_rows.with_rows(entity_rows), self._alias_rows.with_rows(aliases))
        extended._added = self._added | frozenset(alias_rows)
        return extended

    def entity_ids(self) -> Iterable[str]:
        return self._entity_rows.keys()

    def __contains__(self, name: str) -> bool:
        return name in self._alias_rows

    def names_of(self, kinds: Iterable[str]) -> Iterator[tuple[str, Reading]]:
        """Every (name, reading) of entities of these kinds, decoding only their rows. The names
        of organisations and armed groups come from a small index (``organisations.tsv``) plus
        the names user rule files added."""
        wanted = frozenset(kinds)
        if wanted <= ORGANISATION_KINDS:
            # the index holds the organisations' own rows of each name: the other rows of a name
            # (a state, a town) would be dropped below anyway, unless a rule file added rows
            indexed = _rows("organisations.tsv")
            for name in [*indexed, *sorted(self._added)]:
                rows = indexed.get(name) if name not in self._added else None
                readings = self.readings(name) if rows is None else self._decoded(rows)
                for reading in readings:
                    if reading.entity.kind in wanted:
                        yield name, reading
            return
        ids = {entity_id for entity_id, row in self._entity_rows.items() if row.split("\t", 1)[0] in wanted}
        for name, rows in self._alias_rows.items():
            for row in rows.split("\t"):
                if row.split(",", 1)[0] in ids and (reading := self._reading(row)) is not None:
                    yield name, reading

    @property
    def aliases(self) -> Mapping[str, tuple[Reading, ...]]:
        """Every name with its readings, decoded on access (iterating it all takes a while)."""
        return _Aliases(self)

    def entity(self, entity_id: str) -> Entity | None:
        entity = self._entities.get(entity_id)
        if entity is None and entity_id in self._entity_rows:
            kind, code, name, country, feature, lat, lon, population = self._entity_rows[entity_id].split("\t")
            entity = Entity(entity_id, kind, code or None, name, country or None, feature,
                            float(lat) if lat else None, float(lon) if lon else None, int(population or 0))
            self._entities[entity_id] = entity
        return entity

    def readings(self, name: str) -> tuple[Reading, ...]:
        """Every reading of ``name`` (exact spelling), or an empty tuple."""
        found = self._readings.get(name)
        if found is None:
            rows = self._alias_rows.get(name)
            if rows is None:
                return ()
            found = self._readings[name] = self._decoded(rows)
        return found

    def _decoded(self, rows: str) -> tuple[Reading, ...]:
        found = tuple(self._reading(row) for row in rows.split("\t"))
        return tuple(r for r in found if r is not None)

    def _reading(self, row: str) -> Reading | None:
        entity_id, form, valid_from, valid_to = (row.split(",") + ["", ""])[:4]
        entity = self.entity(entity_id)
        if entity is None:
            return None
        return Reading(entity, form, int(valid_from) if valid_from else None, int(valid_to) if valid_to else None)

    def _longest(self, text: str, tokens: list[tuple[int, int]], i: int, shout: bool) -> tuple[int, str] | None:
        """The longest alias starting at token ``i``: (its last token, the alias)."""
        start, first_end = tokens[i]
        last = min(len(tokens), i + MAX_ALIAS_TOKENS) - 1
        if first_end - start >= 2 and not shout:
            # every key starts with this word: one block of names holds them all, and none is
            # longer than the longest name that starts with the word
            names, reach = self._names_from(text[start:first_end])
            # the last token a key may end with (the token ends grow)
            fits = bisect_right(tokens, start + reach, i, last + 1, key=_END) - 1
            for j in range(fits, i - 1, -1):
                key = text[start:tokens[j][1]]
                if key in names:
                    return j, key
                if "’" in key and (key := key.replace("’", "'")) in names:  # "People’s Liberation Army"
                    return j, key
            return None
        block = self._alias_rows.block
        for j in range(last, i - 1, -1):
            key = text[start:tokens[j][1]]
            if key in block(key):
                return j, key
            if "’" in key:
                key = key.replace("’", "'")
                if key in block(key):
                    return j, key
            if shout:
                key = key.title()
                if key in block(key):
                    return j, key
        return None

    def _names_from(self, word: str) -> tuple[Mapping[str, str], int]:
        """The block of names that holds those starting with ``word``, and the longest one's
        length (0 if none): looked up once per word."""
        found = self._first_words.get(word)
        if found is None:
            names = self._alias_rows.block(word)
            found = self._first_words[word] = (names, self._reach(word, names))
        return found

    def _reach(self, word: str, names: Mapping[str, str]) -> int:
        """The length of the longest of ``names`` (a block) whose first word is ``word``, or 0. Such
        a name starts with ``word``: in a block whose names are in order (the packaged one), only
        the run of names that start with it is read, found by a binary search; a block of
        thousands of names is not read whole for the few words of a text. (``build.py`` writes the
        names in order; ``tests/test_gazetteer.py`` checks it.)"""
        prefix = word[:2]
        if self._added:  # (names added by rule files come after the block's own, out of order)
            return self._block_reaches(prefix, names).get(word, 0)
        ordered = self._ordered_names.get(prefix)
        if ordered is None:
            ordered = self._ordered_names[prefix] = list(names)
        longest = 0
        for name in islice(ordered, bisect_left(ordered, word), None):
            if not name.startswith(word):
                break
            if len(name) > longest and _first_word(name) == word:
                longest = len(name)
        return longest

    def _block_reaches(self, prefix: str, names: Mapping[str, str]) -> dict[str, int]:
        """For every first word of ``names`` (the block of ``prefix``), the length of the longest name."""
        reaches = self._reaches.get(prefix)
        if reaches is None:
            reaches = self._reaches[prefix] = {}
            for name in names:
                first = _first_word(name)
                if first is not None and reaches.get(first, 0) < len(name):
                    reaches[first] = len(name)
        return reaches

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every gazetteer name in ``text[start:end]``, longest match first, left to right."""
        end = len(text) if end is None else end
        tokens = [m.span() for m in _TOKEN.finditer(text, start, end)]
        shout = _is_shouting(text, start, end)
        aliases = self._alias_rows
        lowercase_starts = self.lowercase_starts
        mentions: list[Mention] = []
        i = 0
        count = len(tokens)
        while i < count:
            token_start, token_end = tokens[i]
            initial = text[token_start]
            if not (initial.isupper() or initial.isdigit() or text[token_start:token_end] in lowercase_starts):
                i += 1
                continue
            found = self._longest(text, tokens, i, shout)
            if found is None:
                i += 1
                continue
            if initial.islower() and i + 1 < count:
                later = self._longest(text, tokens, i + 1, shout)  # "the Gulf" vs "Gulf of Aden"
                if later is not None and tokens[later[0]][1] > tokens[found[0]][1]:
                    i += 1
                    continue
            j, key = found
            readings = self.readings(key)
            mention_end = tokens[j][1]
            # (both patterns below need a space or an apostrophe right after the name: most names have neither)
            region_word = _REGION_WORD.match(text, mention_end, end) if text[mention_end:mention_end + 1].isspace() \
                else None
            regions = tuple(r for r in readings if r.entity.feature == "region") if region_word else ()
            if region_word and regions:  # "Niger State", "Idlib province": the region, not the state or city
                readings, mention_end = regions, region_word.end()
            if text[mention_end:mention_end + 1] in _APOSTROPHES and _APOSTROPHE_INSIDE.match(text, mention_end, end):
                readings = ()  # "Saba'a Biyar", "Ba'albek": the name goes on past the apostrophe
            if readings and not (j == i and _person(text, token_start, mention_end, readings, start, end, aliases)):
                mentions.append(Mention(text[token_start:mention_end], token_start, mention_end, readings))
            i = j + 1
            while i < count and tokens[i][0] < mention_end:
                i += 1
        return mentions


_END = itemgetter(1)
_APOSTROPHES = ("'", "’")
# an apostrophe inside a word (a romanised glottal stop), not the possessive "'s" or a closing quote
_APOSTROPHE_INSIDE = regex.compile(r"['’](?!s\b)\p{L}")
_REGION_WORD = regex.compile(r"\s+(?:[Pp]rovince|[Rr]egion|State|[Gg]overnorate|[Oo]blast|[Dd]istrict|[Cc]ounty"
                             r"|[Pp]refecture)\b")


@cache
def _name_context() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(resources.files("geoevents").joinpath("data", "lexicon", "name_context.json").read_text(
        encoding="utf-8"))
    return frozenset(data["before"]), frozenset(data["after"])


def _person(text: str, start: int, end: int, readings: tuple[Reading, ...], floor: int, ceiling: int,
            names: Mapping[str, str]) -> bool:
    """A one-word state name inside a person's name: "Michael Jordan", "Chad Smith" (not "King of Jordan")."""
    if not any(r.entity.kind == "state" and r.form == "name" for r in readings):
        return False
    if any(r.form in ("leader", "force", "org", "demonym") for r in readings):
        return False
    words = _WORDS.findall(text, max(floor, start - 40), min(ceiling, end + 40))
    if sum(w[0].isupper() for w in words) >= 0.6 * len(words):
        return False  # a headline in title case: "Russia Sends Troops To Belarus"
    if _OF_BEFORE.search(text, max(floor, start - 4), start):
        return False  # "President of Colombia Iván Duque", "King of Jordan Abdullah"
    not_before, not_after = _name_context()
    before = _WORD_BEFORE.search(text, max(floor, start - 30), start)
    if (before and before.group(1) not in not_before and not before.group(1).endswith(_ADJECTIVE_ENDINGS)
            and before.group(1) not in names):
        return True
    after = _WORD_AFTER.match(text, end, ceiling)
    return bool(after and after.group(1) not in not_after and after.group(1) not in names)  # not "Russia Ukraine war"


_WORDS = regex.compile(r"\p{L}+")
_OF_BEFORE = regex.compile(r"\bof $")
_ADJECTIVE_ENDINGS = ("ish", "ese", "ist", "ic", "ern", "al", "an", "et", "zi")  # "Kurdish Iraq", "Soviet Russia"
_WORD_BEFORE = regex.compile(r"(?<![.,;:]\s?)\b(\p{Lu}\p{Ll}+) $")
_WORD_AFTER = regex.compile(r" (\p{Lu}\p{Ll}+)\b(?!['’])")


class SentenceNames(Sequence[Mention]):
    """The gazetteer's names in one sentence, looked up the first time they are needed: most
    trigger candidates are settled by their words alone (see ``may_name_armed_forces``)."""

    __slots__ = ("_gazetteer", "_text", "_start", "_end", "_found", "_may_name_armed_forces")

    def __init__(self, gazetteer: Gazetteer, text: str, start: int, end: int):
        self._gazetteer = gazetteer
        self._text = text
        self._start = start
        self._end = end
        self._found: list[Mention] | None = None
        self._may_name_armed_forces: bool | None = None  # (asked by several checks of a sentence)

    def found(self) -> list[Mention]:
        if self._found is None:
            self._found = self._gazetteer.find(self._text, self._start, self._end)
        return self._found

    def may_name_armed_forces(self) -> bool:
        if self._found is not None:
            return True  # looked up already: the caller reads them
        if self._may_name_armed_forces is None:
            self._may_name_armed_forces = self._gazetteer.may_name_armed_forces(self._text, self._start, self._end)
        return self._may_name_armed_forces

    def __getitem__(self, index):
        return self.found()[index]

    def __len__(self) -> int:
        return len(self.found())

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.found())


class _Aliases(Mapping[str, tuple[Reading, ...]]):
    def __init__(self, gazetteer: Gazetteer):
        self._gazetteer = gazetteer

    def __getitem__(self, name: str) -> tuple[Reading, ...]:
        if name not in self._gazetteer:
            raise KeyError(name)
        return self._gazetteer.readings(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._gazetteer._alias_rows)

    def __len__(self) -> int:
        return len(self._gazetteer._alias_rows)


def _first_word(name: str) -> str | None:
    """The first token of a name (None if it has none)."""
    first = name.split(" ", 1)[0]
    # a first word of ASCII letters and digits is the first token as it stands (it holds no ".",
    # and a space ends a token): only the others need the pattern
    if first.isalnum() and first.isascii():
        return first
    token = _TOKEN.match(name)
    return None if token is None else token.group()


def _first_words(names: Iterable[str]) -> frozenset[str]:
    """The first words of those ``names`` that start in lower case."""
    return frozenset(first.group(0) for key in names if key[:1].islower() and (first := _TOKEN.match(key)))


def _is_shouting(text: str, start: int, end: int) -> bool:
    head = text[start:min(end, start + 200)]
    if head.isascii():  # the same count, by C-level passes
        data = head.encode("ascii")
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        return letters > 12 and upper > 0.8 * letters
    letters = "".join(filter(str.isalpha, head))
    return len(letters) > 12 and sum(map(str.isupper, letters)) > 0.8 * len(letters)


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + bytes(range(ord("a"), ord("z") + 1))


def _automaton(keys: Iterable[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, len(key))
    automaton.make_automaton()
    return automaton


def _read(name: str) -> str:
    return resources.files("geoevents").joinpath("data", "gazetteer", name).read_bytes().decode("utf-8")


def _rows(name: str) -> dict[str, str]:
    """``first column -> rest of the line`` of a packaged gazetteer file."""
    return dict(line.split("\t", 1) for line in _read(name).splitlines())


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process: its large files (sorted by ``build.py``)
    are parsed block by block as names are looked up (see ``sortedrows``)."""
    # (34,000 entity ids start "gn:": a block of "gn:126" is parsed when one is looked up, not all of them)
    return Gazetteer(SortedRows(_read("entities.tsv"), block_prefix=6), SortedRows(_read("aliases.tsv")))


@cache
def _context_names() -> tuple[tuple[regex.Pattern, str, frozenset[str]], ...]:
    data = json.loads(resources.files("geoevents").joinpath("data", "lexicon", "name_context.json").read_text(
        encoding="utf-8"))
    return tuple((regex.compile(r"(?<=\b[Tt]he\s+)%s(?![\p{L}-]|\s+(?:\p{Lu}|of\b))" % regex.escape(row["name"])),
                  row["entity"], frozenset(row["context"])) for row in data["context_names"])


def with_context_names(gazetteer: Gazetteer, text: str, start: int, end: int, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the names that stand for a state only in a sentence about it ("the South"
    in a sentence that names North Korea), in text order."""
    added = []
    for pattern, entity_id, context in _context_names():
        if not any(r.entity.kind == "state" and r.entity.code in context for m in mentions for r in m.readings):
            continue
        entity = gazetteer.entity(entity_id)
        taken = [(m.start, m.end) for m in mentions]
        for found in pattern.finditer(text, start, end):
            if entity is not None and not any(a < found.end() and found.start() < b for a, b in taken):
                added.append(Mention(found.group(), found.start(), found.end(), (Reading(entity, "name"),)))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions

