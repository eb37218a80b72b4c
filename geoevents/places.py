"""The event's location: the names in the prepositional phrases that belong to the trigger.

A place is the event's when a preposition of the event type governs it ("drills *in* the
Baltic", "troops sent *to* Mali", "withdrew *from* Herat"), when it is the object of the
trigger verb ("leaves Kabul", "beefs up a Tajik base"), or when the clause is a relative
clause on it ("Mogadishu, which was abandoned"). Places listed or nested together ("Goma,
North Kivu", "the island of Kastellorizo in the Aegean") make one answer, most specific first.
Borders are named as written (the whole phrase is the evidence: "Russian border") and placed on
the side that is meant. A place the gazetteer lacks lies where the clause's other names say, not
in the acting state because it acts ("Kuwait said British troops held drills at Camp Buehring");
a small town named alone abroad is a namesake of unknown country ("Pakistan deployed troops to Rama").
"""

from __future__ import annotations

import dataclasses
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

import ahocorasick

from . import cachedre as re
from . import cachedregex as regex
from .borders import BorderPhrase, border_phrase, neighbours, side
from .clauses import (
    GLUED,
    alternation,
    attach_clause,
    border_nouns,
    force_nouns,
    is_modifier,
    location_prepositions,
    nesting_words,
    non_actor_prepositions,
    past_possessive,
    place_nouns,
    preposition_before,
    received_before,
    role_lexicon,
    role_words,
    role_words_pattern,
    skip_words,
    words_in,
)
from .gazetteer import Mention, Reading, load_gazetteer
from .lazypattern import LazyPattern, matches_at, phrase_pattern
from .model import Actor, Location
from .quickstarts import StartsPattern, Words
from .reach import PHRASE_REACH, match_at
from .resources import read_lines
from .temporal.grammar import lexicon as temporal_lexicon

# How specific a feature is: the answer's first place is the most specific of a chain.
_SPECIFICITY = {"place": 0, "city": 1, "island": 1, "border": 2, "region": 3, "country": 4, "strait": 5, "sea": 6}


@dataclass(slots=True)
class _Candidate:
    location: Location
    rank: tuple[int, int]
    start: int  # the span of the whole phrase, for chaining
    end: int
    border: BorderPhrase | None = None  # a border whose side is chosen once the actors are known


def attach_locations(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], event_type: str,
    mentions: list[Mention], actors: list[Actor], found_type: str | None = None,
) -> list[Location]:
    """The event's place: the names in the prepositional phrases that belong to the trigger.
    ``found_type``: the type found, when its role rules are another's (an arms transfer's)."""
    clause = attach_clause(text, sentence, *trigger)
    context = _Context(mentions)
    candidates = _named_places(text, clause, trigger, event_type, mentions, actors, context,
                               _destination_for(text, trigger, event_type))
    candidates += _unnamed_places(text, clause, trigger, event_type, mentions, candidates, actors)
    if not candidates and found_type == "arms_transfer" and received_before(text, trigger[0]):
        candidates = _recipient(text, clause, trigger, mentions)
    if not candidates:
        candidates = _antecedent(text, clause, mentions, context)
    if not candidates:
        candidates = _anaphoric(text, sentence, clause, trigger, event_type, mentions, actors, context)
    elif ((all(c.end <= trigger[0] for c in candidates) or _anaphor_preferred(text, trigger, clause, candidates))
          and role_words_pattern("anaphoric_places").search(text, trigger[1], clause[1])):
        # "opposed to the US ... and refused to send troops to the country": the phrase after the
        # trigger names its place, not a name before it governed by another verb, nor one after it
        # in a phrase the type does not prefer ("withdraw from the country during protests in Baghdad")
        candidates = _anaphoric(text, sentence, clause, trigger, event_type, mentions, actors, context) or candidates
    if not candidates:
        candidates = _elsewhere(text, sentence, clause, trigger, event_type, mentions, actors, context)
    if candidates and _capital_anaphor(text, trigger, clause):
        # "clashed near Homs, and columns rolled into the capital": a town or province named before
        # is not the capital, the country it lies in may be
        candidates = [c for c in candidates if c.start >= trigger[1] or c.location.feature == "country"
                      or _capitals().get(c.location.country or "") == c.location.name]
    if not candidates:
        return []
    chosen = _chain(text, candidates, min(candidates, key=lambda c: c.rank))
    located = _placed_by_chain([_on_side(c, actors) for c in chosen])
    return _home_ground(located, actors) if event_type == "exercise" else located


def _destination_for(text: str, trigger: tuple[int, int], event_type: str) -> frozenset[str]:
    """'for' as a deployment's preposition when it follows a verb of travel ("troops head for the
    capital": roles.json destination_for_verbs)."""
    if event_type != "deployment" or not match_at(_FOR_NEXT, text, trigger[1]):
        return frozenset()
    words = words_in(text, trigger[0], trigger[1])
    return frozenset({"for"}) if words and words[-1].lower() in role_words("destination_for_verbs") else frozenset()


_FOR_NEXT = regex.compile(r"\s+for\b", regex.IGNORECASE)


def _recipient(text: str, clause: tuple[int, int], trigger: tuple[int, int],
               mentions: list[Mention]) -> list[_Candidate]:
    """The state that receives an arms transfer, its subject: where the arms go, as "to" it would
    say ("Chile receives its first shipment of radars" -> Chile)."""
    before = [m for m in mentions if clause[0] <= m.start and m.end <= trigger[0]]
    if not before or preposition_before(text, before[-1].start, clause[0], non_actor_prepositions()) is not None:
        return []
    actor = before[-1].actor_reading()
    if actor is None or actor.entity.kind != "state":
        return []
    location = _location(text, before[-1], Reading(actor.entity, "name"), "to", None)
    return [_Candidate(location, (0, _distance(trigger, location.start, location.end)), location.start, location.end)]


def _capital_anaphor(text: str, trigger: tuple[int, int], clause: tuple[int, int]) -> bool:
    """Is the trigger's anaphoric place "the capital" ("retreated from the capital")?"""
    m = role_words_pattern("anaphoric_places").search(text, trigger[1], clause[1])
    return m is not None and m.group(0).lower().endswith("capital")


def _anaphor_preferred(text: str, trigger: tuple[int, int], clause: tuple[int, int],
                       candidates: list[_Candidate]) -> bool:
    """Is "the country" the first place phrase after the trigger while every name found is in a
    phrase the type does not prefer ("withdraw from the country during protests in Baghdad")? Not
    a possessive ("the country's troops in Diwaniya", "the city's Barzeh district")."""
    if any(c.rank[0] == 0 for c in candidates):
        return False
    m = role_words_pattern("anaphoric_places").search(text, trigger[1], clause[1])
    return (m is not None and not text.startswith(("'s", "’s"), m.end())
            and all(m.start() < c.start for c in candidates if c.start >= trigger[1]))


def _placed_by_chain(locations: list[Location]) -> list[Location]:
    """A place known by its name only lies in the one country of the places listed or nested with
    it ("near Rama in the West Bank", "in Adigrat, Rama and Sheraro"); waters have none."""
    countries = {loc.country for loc in locations if loc.country}
    if len(countries) != 1:
        return locations
    country = countries.pop()
    return [dataclasses.replace(loc, country=country) if loc.country is None and loc.lat is None
            and loc.feature in ("place", "city") and not _open_water(loc.name) else loc for loc in locations]


def _home_ground(locations: list[Location], actors: list[Actor]) -> list[Location]:
    """A state exercising alone at a place the gazetteer does not know ("drills at Dongshan
    Island") is on its own ground: the place takes the state's country."""
    states = [a for a in actors if a.kind == "state"]
    if len(states) != 1 or len(actors) != 1:
        return locations
    return [dataclasses.replace(loc, country=states[0].code)
            if loc.country is None and loc.feature == "place" and loc.lat is None and not _open_water(loc.name) else loc
            for loc in locations]


def _open_water(name: str) -> bool:
    """"the Wadden Sea", "Taiwan Strait": waters are no state's ground (GUIDELINE: no country for a sea)."""
    return name.split()[-1] in role_lexicon()["water_heads"]


class _Context:
    """The countries a sentence is about, as seen from each of its names: the states it names and
    the places that lie in one country, less the name itself ("Atlanta, Georgia": Georgia's own
    reading as a state must not vote for itself)."""

    def __init__(self, mentions: list[Mention]):
        self._mentions = mentions
        # how many names vote for each country, and each name's own votes (by identity, with
        # how many times the name is in the list: every time, it is left out)
        self._countries: dict[str, int] = {}
        self._places: dict[str, int] = {}
        self._own: dict[int, tuple[Mention, set[str], set[str], int]] = {}
        for mention in mentions:
            places = mention.place_countries()
            if len(places) != 1:
                places = set()
            if any(r.entity.kind == "state" for r in mention.readings):
                places = set()  # a state's own name says nothing about which namesake is meant
            states = {r.entity.code for r in mention.readings if r.entity.kind == "state" and r.entity.code}
            countries = places | states
            for country in countries:
                self._countries[country] = self._countries.get(country, 0) + 1
            for country in places:
                self._places[country] = self._places.get(country, 0) + 1
            known = self._own.get(id(mention))
            self._own[id(mention)] = (mention, countries, places, known[3] + 1 if known else 1)

    def without(self, mention: Mention) -> set[str]:
        return self._others(self._countries, mention, 1)

    def places_anywhere_without(self, mention: Mention) -> set[str]:
        """Every country the other places may lie in ("Gaza": also a Mozambican province), states
        left out (a state acts abroad: "French troops left Menaka" names Mali's town)."""
        return {c for other in self._mentions if other is not mention
                and not any(r.entity.kind == "state" for r in other.readings) for c in other.place_countries()}

    def places_without(self, mention: Mention) -> set[str]:
        return self._others(self._places, mention, 2)

    def _others(self, votes: dict[str, int], mention: Mention, field: int) -> set[str]:
        """The countries that names other than ``mention`` vote for."""
        own = self._own.get(id(mention))
        if own is None or own[0] is not mention:
            return set(votes)
        mine, times = own[field], own[3]
        return {country for country, count in votes.items() if country not in mine or count > times}


def _named_places(text: str, clause: tuple[int, int], trigger: tuple[int, int], event_type: str,
                  mentions: list[Mention], actors: list[Actor], context: _Context,
                  extra: frozenset[str] = frozenset()) -> list[_Candidate]:
    lexicon = role_lexicon()
    allowed = location_prepositions(event_type, extra)
    preferred = set(lexicon["preferred_prepositions"][event_type])
    actor_spans = {(a.start, a.end) for a in actors}
    candidates: list[_Candidate] = []
    for mention in mentions:
        if not (clause[0] <= mention.start and mention.end <= clause[1]):
            continue
        if candidates and candidates[-1].location.feature == "border" and mention.end <= candidates[-1].end:
            continue  # named inside the border phrase before: "its borders with Germany and Slovenia"
        if (mention.start, mention.end) in actor_spans or _modifies_a_name(text, mention):
            continue
        if (_not_a_place(text, mention) or _speaker_venue(text, clause[0], mention)
                or _reporting_place(text, mention)
                or _in_framing_phrase(text, clause[0], trigger, mention)
                or _another_subject_between(text, trigger, mention)
                or _others_journey_before(text, trigger, mention)):
            continue
        after = past_possessive(text[mention.end:mention.end + 60])
        noun = place_nouns().first_word_match(after) or place_nouns().first_word_match(skip_words(after, 1))
        reading = _place_reading(mention, bool(noun), context)
        if reading is None:
            continue
        if noun and (_owner_of_bases_elsewhere(text, mention, mentions) or _own_base(text, mention, actors)):
            continue  # "from Russian bases in Syria", "Russia reinforces ... the Russian air base": whose bases
        evidence = context.places_anywhere_without(mention) | {
            state for owner in _owner_before(text, mention.start, mentions) if (state := _state_of(owner))}
        # with no other place, the states named and acting judge a lone small town: "Pakistan
        # deployed troops to Rama" is not the Nicaraguan town (a power or an alliance that acts
        # worldwide may be anywhere: "US troops left Haditha")
        namesake = _foreign_namesake(reading, evidence or (set() if _acting_worldwide(text, clause, actors) else (
            context.without(mention) | {a.code for a in actors if a.kind == "state" and a.code})))
        phrase_end = mention.end
        if noun:
            phrase_end = mention.end + (len(text[mention.end:mention.end + 60]) - len(after)) + _noun_end(after)
        preposition = preposition_before(text, mention.start, clause[0], allowed, through_names=True)
        if preposition == "to" and _idiomatic_to(text, mention.start):
            continue  # "in response to Syria", "vessels related to Japan": no destination
        relation = "to" if preposition == "for" else preposition  # "head for": the destination
        if preposition is None and "in" in extra and _TOWN_OF.search(text, max(0, mention.start - 30), mention.start):
            relation = "in"  # "regained the town of Al-Qusayr, as rebels pulled out"
        elif preposition is None and candidates and _chained(text, candidates[-1], mention.start):
            relation = candidates[-1].location.relation  # "in Mahabad, West Azerbaijan province"
        elif preposition is None and _is_object(text, trigger, mention.start, event_type):
            relation = "object"  # "leaves Kabul", "beefs up a Tajik base"
            if (event_type == "withdrawal" and reading.entity.kind == "state"
                    and match_at(_MOVED_FROM, text, mention.end)):
                continue  # "withdraw Israel from the Gaza Strip": the state is what moves, not where
        if relation is None and mention.start >= trigger[1]:
            relation = _relative_place(text, max(clause[0], mention.start - 40), mention.start, reading)
        if relation is None:
            continue
        first = 0 if relation in preferred or relation == "object" else 1
        rank = (first, _distance(trigger, mention.start, mention.end))
        border = border_phrase(text, clause, mention, mentions)
        if border:
            # the name that opens the phrase is no place of its own: "the Mexico-United States border"
            candidates = [c for c in candidates if not border.start <= c.start < mention.start]
            candidates.append(_border_candidate(text, mention, relation, border, rank))
        else:
            location = _route(text, mention, mentions,
                              _location(text, mention, reading, relation, phrase_end if noun else None))
            if noun and reading.entity.kind == "state":
                location = _capital_named_by_state(text, mention, reading, phrase_end, location, mentions)
            if reading.entity.kind == "place" and (suffix := match_at(_city_suffix_after(), text, mention.end)):
                location = _longer_city(text, location, suffix.end())  # "Rio Grande City" is no "Rio Grande"
            elif namesake:  # the town of that name lies elsewhere: the place is known by its name only
                location = replace(location, country=None, lat=None, lon=None)
            elif elsewhere := _in_another_state(text, mention, reading, mentions):
                # "Paris, Texas": the namesake there, if the gazetteer has it; else the name in that state
                there = next((r for r in mention.readings
                              if r.entity.kind == "place" and r.entity.country == elsewhere), None)
                location = (_location(text, mention, there, relation, None) if there is not None
                            else replace(location, country=elsewhere, lat=None, lon=None))
            candidates.append(_Candidate(location, rank, mention.start, max(phrase_end, location.end)))
    return candidates


@cache
def _city_suffix_after() -> regex.Pattern:
    """A word that ends a town's name after a place's ("Rio Grande City"; roles.json city_name_suffixes)."""
    return regex.compile(r"\s(?:%s)\b(?![-’'])" % alternation(role_lexicon()["city_name_suffixes"]))


def _longer_city(text: str, location: Location, end: int) -> Location:
    """A town named after a region or town plus "City" that the gazetteer lacks (it would have been
    found whole, as "Quezon City" is): not the place of the shorter name, known by its name only;
    the places listed with it may give its country (_placed_by_chain)."""
    return replace(location, name=_plain(text[location.start:end]), text=text[location.start:end], end=end,
                   country=None, lat=None, lon=None, feature="city")


_CAPITAL_NOUN = regex.compile(r"(?:['’]s)?\s+capital(?:\s+city)?+(?![\p{L}-]|,?\s+(?-i:\p{Lu})|\s+of\b)",
                              regex.IGNORECASE)


def _capital_named_by_state(text: str, mention: Mention, reading: Reading, phrase_end: int,
                            location: Location, mentions: list[Mention]) -> Location:
    """"the Turkish capital", "Sudan's capital": the capital city, when no name follows ("the
    Malian capital, Bamako" is Bamako, found by its name)."""
    m = match_at(_CAPITAL_NOUN, text, mention.end)
    if m is None or m.end() < phrase_end:
        return location
    code = reading.entity.code
    capital = _capitals().get(code or "")
    if any(r.form == "capital" and r.entity.code == code for other in mentions for r in other.readings):
        return location  # "sources in Riyadh, the Saudi capital": named in the sentence, as what it is there
    city = next((r for found in load_gazetteer().find(capital or "") if found.text == capital
                 for r in found.readings if r.entity.kind == "place" and r.entity.country == reading.entity.code), None)
    if city is None:
        return location
    return replace(location, name=city.entity.name, lat=city.entity.lat, lon=city.entity.lon, feature="city",
                   end=m.end(), text=text[mention.start:m.end()])


@cache
def _capitals() -> dict[str, str]:
    return dict(line.split("\t", 1) for line in read_lines("gazetteer/capitals.tsv"))


# A town the gazetteer knows only this small is a namesake of the place meant when the other
# places of the sentence lie in countries that are neither its own nor its neighbours ("in
# Adigrat, Rama and Sheraro": not the Nicaraguan town); larger towns are known beyond their region.
NAMESAKE_TOWN_POPULATION = 50_000


def _acting_worldwide(text: str, clause: tuple[int, int], actors: list[Actor]) -> bool:
    """Does an organisation, a power whose forces serve far from home or a state's peacekeepers act?"""
    return (any(a.kind != "state" or a.code in role_words("worldwide_powers") for a in actors)
            or _PEACEKEEPING.search(text, clause[0], clause[1]) is not None)


_PEACEKEEPING = regex.compile(r"\bpeace-?keep", regex.IGNORECASE)


def _foreign_namesake(reading: Reading, countries: set[str]) -> bool:
    entity = reading.entity
    if (not countries or entity.kind != "place" or not entity.id.startswith("gn:") or entity.country in countries
            or entity.population >= NAMESAKE_TOWN_POPULATION):
        return False
    table = neighbours()
    own = table.get(entity.country, frozenset())
    return not any(entity.country in table.get(c, ()) or c in own for c in countries)


def _idiomatic_to(text: str, start: int) -> bool:
    """Is the "to" before a name part of a phrase that names no destination ("according to", "in
    deference to", "related to", "thanks to")?"""
    m = _TO_BEFORE.search(text, max(0, start - 80), start)
    return m is not None and m.group(1).lower() in role_words("non_locative_to_heads")


# (searched backwards: the "to" nearest the name)
_TO_BEFORE = regex.compile(r"(?r)\b([\p{L}-]+)\s+to\s+(?:[\p{L}'’.-]+\s+){0,4}?$", regex.IGNORECASE)


def _owner_of_bases_elsewhere(text: str, mention: Mention, mentions: list[Mention]) -> bool:
    """Is a demonym before "base(s)" followed by the place the bases are in, another state
    ("Russian bases in Syria", "a US air base in Qatar"; "a Tajik base" alone is in Tajikistan)?"""
    if not any(r.form == "demonym" for r in mention.readings):
        return False
    m = match_at(_BASES_IN, text, mention.end)
    if m is None:
        return False
    own = {r.entity.code for r in mention.readings if r.entity.kind == "state"}
    return any(x.start == m.end() and (country := _country_of_place(x)) and country not in own for x in mentions)


def _own_base(text: str, mention: Mention, actors: list[Actor]) -> bool:
    """Is a demonym before "base" the acting state's own ("Russia reinforces ... home to the Russian
    3624th Air Base")? It names whose base it is, not where ("beefs up a Tajik base" is in Tajikistan)."""
    if not any(r.form == "demonym" for r in mention.readings) or not match_at(_BASE_AFTER, text, mention.end):
        return False
    own = {r.entity.code for r in mention.readings if r.entity.kind == "state"}
    return any(a.code in own for a in actors if a.kind == "state")


_BASE_AFTER = regex.compile(r"\s+(?:[\p{N}\p{L}-]+\s+){0,2}?(?:base|bases|airbase|airbases|air\s+base)\b",
                            regex.IGNORECASE)
_BASES_IN = regex.compile(r"\s+(?:(?:military|air|naval|army|airforce|air\s+force)\s+)?(?:base|bases|airbase|airbases)"
                          r"\s+in\s+(?:the\s+)?", regex.IGNORECASE)


def _in_another_state(text: str, mention: Mention, reading: Reading, mentions: list[Mention]) -> str | None:
    """The state a town is named as lying in when that is not its own, nor a neighbour ("Rodriguez,
    South Korea", "the Rodriguez range in South Korea", "Paris, Texas"): a namesake the gazetteer lacks."""
    entity = reading.entity
    if entity.kind != "place" or entity.feature not in ("city", "place") or not entity.country:
        return None
    following = next((m for m in mentions if m.start >= mention.end), None)
    if following is None or following.start - mention.end > 40:
        return None
    gap = [w.lower() for w in words_in(text, mention.end, following.start)]
    if not (gap == [] and text[mention.end:following.start].strip() == "," or gap[-1:] == ["in"] and all(
            w in role_words("state_nesting_words") or w in role_words("place_head_nouns") for w in gap)):
        return None
    states = {r.entity.code for r in following.readings if r.entity.kind == "state" and r.form == "name"} or {
        r.entity.country for r in following.readings if r.entity.kind == "place" and r.entity.feature == "region"}
    if len(states) != 1 or entity.country in states:
        return None
    state = next(iter(states))
    return None if _adjacent_states(entity.country, state) else state




def _adjacent_states(a: str, b: str) -> bool:
    table = neighbours()
    return a in table.get(b, ()) or b in table.get(a, ())


def _relative_place(text: str, floor: int, start: int, reading: Reading) -> str | None:
    """"withdrew from positions north of Kharkiv", "areas outside Kyiv", "troops 50 km from the
    border": after the trigger, a place named by a direction or distance from it (not "in the
    north of X", where "in" governs; not "outside Iraq", which is anywhere else)."""
    m = _relative_place_before().search(text, floor, start)
    if m is None or (m.group("phrase").lower().startswith("outside") and reading.entity.kind == "state"):
        return None
    return " ".join(m.group("phrase").lower().split())


@cache
def _relative_place_before() -> regex.Pattern:
    lexicon = role_lexicon()["relative_places"]
    directions = alternation(lexicon["directions"])
    units = alternation(lexicon["distance_units"])
    heads = alternation(lexicon["appositive_heads"])
    return regex.compile(
        r"(?<!\bthe\s+)(?P<phrase>\b(?:%s)\s+of|\boutside(?:\s+of)?|\b(?:%s)\s+(?:(?:%s)\s+(?:of|from)|from|off)"
        r"|\bwithin\s+(?:[\d,.]+\s*|(?:\p{L}+\s+){1,2})(?:%s)\s+of)"
        r"\s+(?:the\s+(?:(?:%s),?\s+)?)?$" % (directions, units, directions, units, heads), regex.IGNORECASE)


def _speaker_venue(text: str, clause_start: int, mention: Mention) -> bool:
    """"officials in Paris said", "according to sources in Riyadh", "at a summit in Geneva, the
    leaders agreed": where the speaker is, not the event (also a place nested after it: "a summit
    in Nice, France")."""
    venue, speaker = _venue_patterns()
    venue_end, speaker_end = _venue_patterns(regex.REVERSE)
    venue_nouns, speaker_nouns = _venue_words()  # (most names have neither before them)
    floor = max(clause_start, mention.start - 80)
    if venue_nouns.occur_in(text, floor, mention.start) and venue_end.search(text, floor, mention.start):
        return True
    if not speaker_nouns.occur_in(text, max(0, mention.start - 120), mention.start) or \
            speaker_end.search(text, max(0, mention.start - 120), mention.start) is None:
        return False
    m = speaker.search(text, max(0, mention.start - 120), mention.start)
    if m is None:
        return False
    return bool(_ACCORDING.search(text, max(0, m.start() - 40), m.start())
                or match_at(_reports(), text, mention.end))


def _reporting_place(text: str, mention: Mention) -> bool:
    """"the spokesman told reporters in Kabul", "said on Friday in Oslo that ...", "speaking from
    Kyiv", "a growing realisation in Washington that ...": where a party spoke or an opinion is
    held, not the event's place (roles.json reporting_place). Names nested after it go too ("told
    AFP in Baidoa, Somalia")."""
    floor = max(0, mention.start - 100)
    return (_reporting_place_words().occur_in(text, floor, mention.start)
            and _reporting_place_end().search(text, floor, mention.start) is not None)


@cache
def _reporting_place_words() -> Words:
    """The verbs and nouns every match of ``_reporting_place_end`` holds."""
    lexicon = role_lexicon()["reporting_place"]
    return Words(w for key in ("saying", "telling", "speaking", "opinion_nouns") for w in lexicon[key])


@cache
def _reporting_place_end() -> regex.Pattern:
    """A verb of saying, telling (with its audience) or speaking, or a noun of opinion, then an
    optional day and "in", "from" or "at" right before a name; compiled with ``regex.REVERSE`` so
    that a search finds at once the match ending at the name."""
    lexicon = role_lexicon()["reporting_place"]
    name = r"(?-i:\p{Lu})[\p{L}'’.&-]*"
    audience = r"(?:(?:%s)(?:\s+%s){0,3}|(?:the\s+)?%s(?:\s+%s){0,3})" % (
        alternation(lexicon["audience"]), name, name, name)
    day = r"(?:(?:on|late|early)\s+)?(?-i:\p{Lu})\p{Ll}+day(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today"
    head = r"\b(?:(?:%s)|(?:%s)\s+%s|(?:%s)(?:\s+to\s+%s)?|(?:%s))" % (
        alternation(lexicon["saying"]), alternation(lexicon["telling"]), audience,
        alternation(lexicon["speaking"]), audience, alternation(lexicon["opinion_nouns"]))
    return regex.compile(r"%s(?:,?\s+(?:%s),?)?\s+(?:in|from|at)\s+(?:the\s+)?(?:%s,?\s+){0,4}$" % (head, day, name),
                         regex.IGNORECASE | regex.REVERSE)


def _in_framing_phrase(text: str, clause_start: int, trigger: tuple[int, int], mention: Mention) -> bool:
    """"In a move likely to worry India, China sent ...", "During a visit to Baghdad, the minister
    said ...": a name inside a phrase that opens the clause and ends at a comma before the
    trigger, governed by a preposition of its own (not "In the province of Helmand, ...")."""
    m = match_at(_framing_opener(), text, clause_start)
    if m is None or mention.start < m.end():
        return False
    comma = text.find(",", mention.end, trigger[0])
    if comma < 0 or _STOP.search(text, m.end(), comma):
        return False
    words = words_in(text, m.end(), mention.start)
    return not all(is_modifier(w.lower()) or w.lower() in nesting_words() or w[0].isupper() for w in words)


_STOP = regex.compile(r"[;:.!?]")


def _another_subject_between(text: str, trigger: tuple[int, int], mention: Mention) -> bool:
    """"GNA forces are mobilising, and the LNA will defend its positions around Sirte": a clause
    joined by "and" with a named subject and a verb of its own has places of its own."""
    a, b = (trigger[1], mention.start) if mention.start >= trigger[1] else (mention.end, trigger[0])
    return b - a < 300 and _and_subject_verb(mention.start >= trigger[1]).search(text, a, b) is not None


def _others_journey_before(text: str, trigger: tuple[int, int], mention: Mention) -> bool:
    """"sent boats to the coast to wait for fishermen returning from Oman": a place in a phrase
    about another party's journey, after the trigger, is not the event's (roles.json
    journey_participles); the forces' own ("troops returning from Iraq") still are."""
    if mention.start < trigger[1] or mention.start - trigger[1] > 200:
        return False
    for m in _journey_participle().finditer(text, trigger[1], mention.start):
        if not force_nouns().fullmatch(m.group("noun").lower()):
            return True
    return False


@cache
def _journey_participle() -> regex.Pattern:
    return regex.compile(r"\b(?P<noun>\p{L}+)\s+(?:%s)\s+(?:back\s+)?(?:from|to|home|into|out)\b"
                         % alternation(role_lexicon()["journey_participles"]), regex.IGNORECASE)


@cache
def _and_subject_verb(after_trigger: bool) -> regex.Pattern:
    """After a lower-case word ("... in the country and the LNA will", "drills as NATO began"; not
    "the United States and South Korea are"), a conjunction, a name and a finite verb of its own.
    Before the trigger only "and": a clause opened by "as", "after" ... may hold the trigger."""
    lexicon = role_lexicon()["other_clause"]
    conjunctions = lexicon["conjunctions"] if after_trigger else lexicon["conjunctions_before_trigger"]
    name = r"(?-i:\p{Lu})[\p{L}.'’-]*(?:\s+(?-i:\p{Lu})[\p{L}.'’-]*){0,3}"
    verb = r"(?:(?:%s)\b|(?-i:\p{Ll})\p{L}+ed\b)" % alternation(lexicon["verbs"])
    return regex.compile(r"(?<=\b(?-i:\p{Ll})[\p{L}-]*,?\s+)(?:%s)\s+(?:the\s+)?%s\s+%s"
                         % (alternation(conjunctions), name, verb))


@cache
def _framing_opener() -> regex.Pattern:
    return regex.compile(r"\s*(?:%s)\s+" % alternation(role_lexicon()["framing_openers"]))


@cache
def _venue_words() -> tuple[Words, Words]:
    """The nouns every match of each of ``_venue_patterns`` holds."""
    return Words(role_lexicon()["venue_nouns"]), Words(role_lexicon()["speaker_nouns"])


@cache
def _venue_patterns(flags: int = 0) -> tuple[regex.Pattern, regex.Pattern]:
    """A venue or a speaker's place right before a name. Compiled with ``regex.REVERSE``, they
    are searched from the end, where every match ends ("$"): a match is there or not, found at
    once (its start may differ from a forward search's, and the forward search gives that)."""
    place = r"\s+(?:in|from)\s+(?:the\s+)?(?:(?-i:\p{Lu})[\p{L}'’.-]*,?\s+){0,4}$"
    return tuple(regex.compile(r"\b(?:%s)%s" % (alternation(role_lexicon()[key]), place), regex.IGNORECASE | flags)
                 for key in ("venue_nouns", "speaker_nouns"))


_ACCORDING = regex.compile(r"\baccording\s+to\s+(?:[\p{L}-]+\s+){0,3}$", regex.IGNORECASE)


@cache
def _reports() -> regex.Pattern:
    return regex.compile(r"(?:,?\s+[\p{L}'’.-]+){0,4}?\s+(?:%s)\b"
                         % alternation(role_lexicon()["reporting_verbs"]), regex.IGNORECASE)


_TOWN_OF = regex.compile(r"\b(?:town|city|village|port|island|region|province|district|capital)\s+of\s+$",
                         regex.IGNORECASE)


def _elsewhere(text: str, sentence: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
               event_type: str, mentions: list[Mention], actors: list[Actor], context: _Context) -> list[_Candidate]:
    """When the trigger's clause names no place: a headline label ("Darfur conflict: ..."), else
    a place the rest of the sentence puts the event in ("violence rose in Afghanistan amid a US
    troop withdrawal"; "regained the town of Al-Qusayr as rebels pulled out")."""
    if _SLOT_FILLED.match(text, trigger[1], clause[1]):
        return []  # "withdrew from the Commonwealth": the trigger's own phrase names no place
    label = _LABEL.match(text, sentence[0], sentence[1])
    if label:
        for mention in mentions:
            if mention.start >= label.end():
                break
            reading = _place_reading(mention, False, context)
            if reading is not None and mention.start >= sentence[0]:
                location = _location(text, mention, reading, None, None)
                return [_Candidate(location, (1, 0), mention.start, mention.end)]
    if _contrasted(text, sentence, clause, mentions):
        return []  # "China drilled in the Yellow Sea, while Japan held exercises": the setting is not shared
    left = text.rfind(";", sentence[0], trigger[0]) + 1 or sentence[0]
    right = text.find(";", trigger[1], sentence[1])
    part = (max(left, sentence[0]), right if right >= 0 else sentence[1])
    # only the setting of the clause before: "fighting rose in Afghanistan amid a US withdrawal"
    others = [m for m in mentions if m.end <= clause[0]]
    found = _named_places(text, part, trigger, event_type, others, actors, context,
                          extra=frozenset({"in", "across", "throughout", "inside"}))
    return [c for c in found if c.location.relation in ("in", "across", "throughout", "inside", "from", "to", "near",
                                                        "at", "into", "out of")]


def _contrasted(text: str, sentence: tuple[int, int], clause: tuple[int, int], mentions: list[Mention]) -> bool:
    """Does the clause contrast a party of its own with the clause before ("..., while Japan held
    exercises")? Not "..., while participating in an exercise", "..., while the main body of troops
    is due to arrive": those share the setting of the clause before."""
    if not _contrast_opener().search(text, max(sentence[0], clause[0] - 12), clause[0]):
        return False
    subject = match_at(_SUBJECT_START, text, clause[0]).end()
    return any(m.start == subject and m.actor_reading() is not None for m in mentions)


_SUBJECT_START = regex.compile(r"\s*(?:the\s+)?", regex.IGNORECASE)


@cache
def _contrast_opener() -> regex.Pattern:
    return regex.compile(r",\s+(?:%s)\s*$" % alternation(role_lexicon()["contrast_openers"]), regex.IGNORECASE)


_SLOT_FILLED = regex.compile(r"\s+(?:[\p{L}-]+\s+){0,3}?(?:(?:from|out\s+of|into)\s+\p{L}"
                             r"|to\s+(?:the|a|an|its|their)\s)", regex.IGNORECASE)
_LABEL = regex.compile(r"[^:\n]{1,60}?:\s", regex.IGNORECASE)


def _not_a_place(text: str, mention: Mention) -> bool:
    """A person ("Obama" is also a town in Japan), a ship ("USS Decatur"), or the owner of a force
    ("attacks on US troops") is not a place."""
    if any(r.form == "leader" for r in mention.readings):
        return True
    window = text[max(0, mention.start - 8):mention.start]  # (every prefix is in capitals)
    if window.lower() != window and _SHIP_PREFIX.search(text, max(0, mention.start - 8), mention.start):
        return True
    if _vessel_type_before().search(text, max(0, mention.start - 40), mention.start):
        return True  # "the aircraft carrier Shandong", "the frigate Hamburg": a ship's name
    if match_at(_ORGANISATION_NEXT, text, mention.end):
        return True
    if match_at(_FORCE_NEXT, text, mention.end):
        return True  # "attacks on US troops", "the Idaho National Guard"
    if _weapon_may_follow(text, mention.end) and match_at(_weapon_next(), text, mention.end):
        return True  # "deployed Iskander missiles to Kaliningrad": a weapon's name ("Iskander" is also a town)
    if _glued_party(text, mention) or _route_end(text, mention):
        return True
    if _title_of_before().search(text, max(0, mention.start - 30), mention.start):
        return True  # "the Prince of Wales Barracks", "the Duke of Edinburgh": a title, not the place
    if _inside_a_longer_name(text, mention) or _opens_an_operation_name(text, mention):
        return True
    if _opens_a_longer_name(text, mention):
        return True
    return any(r.entity.kind == "state" for r in mention.readings) and bool(match_at(_name_next(), text, mention.end))


def _route_end(text: str, mention: Mention) -> bool:
    """"the Homs-Hama highway", "the Kyiv–Odesa road": the town at the first end of a route named
    after two places is not where the route is; the second names the route (``_route``)
    (roles.json route_nouns)."""
    return text.startswith(("-", "–"), mention.end) and match_at(_route_after(), text, mention.end) is not None


def _route(text: str, mention: Mention, mentions: list[Mention], location: Location) -> Location:
    """The route a name at its second end names, as the place ("the Homs-Hama highway"), in the
    state of both ends (none when they lie in two)."""
    if not (mention.start > 1 and text[mention.start - 1] in "-–"):
        return location
    noun = match_at(_route_noun_next(), text, mention.end)
    first = next((m for m in mentions if m.end == mention.start - 1), None)
    if noun is None or first is None:
        return location
    same_state = any(location.country in (r.entity.country, r.entity.code) for r in first.readings)
    return replace(location, name=text[first.start:noun.end()], text=text[first.start:noun.end()],
                   start=first.start, end=noun.end(), country=location.country if same_state else None,
                   feature="route")


@cache
def _route_after() -> regex.Pattern:
    """"-Hama highway": the other end of the route, then its noun."""
    return regex.compile(r"[-–]\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)?\s+(?:%s)\b"
                         % alternation(role_lexicon()["route_nouns"]), regex.IGNORECASE)


@cache
def _route_noun_next() -> regex.Pattern:
    return regex.compile(r"\s+(?:%s)\b" % alternation(role_lexicon()["route_nouns"]), regex.IGNORECASE)


@cache
def _title_of_before() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\s+of\s+$" % alternation(role_lexicon()["titles_of_a_place"]))


@cache
def _weapon_nouns() -> frozenset[str]:
    return frozenset(line for name in ("lexicon/weapons.txt", "lexicon/platforms.txt") for line in read_lines(name))


@cache
def _weapon_next() -> regex.Pattern:
    """A weapon or platform noun right after a name: "Iskander missiles", "Bradley vehicles" (not
    before a place noun: "a Georgian artillery base" is in Georgia)."""
    return regex.compile(r"(?:-\p{Lu}+)?\s+(?:%s)\b(?!\s+(?:%s)\b)" % (alternation(_weapon_nouns()), alternation(
        role_lexicon()["place_nouns"] + ["site", "sites", "range", "depot", "depots"])), regex.IGNORECASE)


@cache
def _weapon_first_letters() -> frozenset[str]:
    """The ASCII letters each weapon or platform noun opens with, lower-cased ("" for a digit)."""
    return frozenset(_LETTERS.match(noun.lower()).group() for noun in _weapon_nouns())


_LETTERS = re.compile(r"[A-Za-z]*")
# in ASCII text, what ``_weapon_next`` allows before its noun (its "\p{Lu}" with IGNORECASE is
# any letter, its "\s" these spaces), then the letters the next word opens with
_GAP_THEN_LETTERS = re.compile(r"(?:-[A-Za-z]+)?[\t\n\x0b\x0c\r ]+([A-Za-z]*)")
_WEAPON_WINDOW = 80


def _weapon_may_follow(text: str, end: int) -> bool:
    """Whether ``_weapon_next()`` may match at ``end``: in ASCII text, only where the word after the
    gap opens with the letters a noun opens with (lower-cased: where a noun's letters end, at a
    "\b" or at another character of the noun, the word's must end too). Most names are followed
    by no such word, and the pattern of a hundred nouns is slow to try. (Beyond ASCII, characters
    may fold to ASCII letters, and more are spaces: the pattern is tried.)"""
    chunk = text[end:end + _WEAPON_WINDOW]
    if not chunk.isascii():
        return True
    m = _GAP_THEN_LETTERS.match(chunk)
    if m is None:
        return False
    return m.end() == len(chunk) or m.group(1).lower() in _weapon_first_letters()


def _opens_an_operation_name(text: str, mention: Mention) -> bool:
    """"the Cobra Gold exercise": a town's name followed by capitalised words and an exercise or
    operation noun opens that exercise's name ("Cobra" is also a town); not before a word of a
    place's own name ("the Kherson Region drills")."""
    if not mention.readings or any(r.entity.feature not in ("city", "place") for r in mention.readings):
        return False
    m = match_at(_operation_name_after(), text, mention.end)
    return m is not None and not any(w in _place_type_words() for w in m.group("words").split())


@cache
def _operation_name_after() -> regex.Pattern:
    nouns = alternation(role_lexicon()["operation_nouns"])
    return regex.compile(r"(?P<words>(?:[ ](?-i:\p{Lu})[\p{L}\p{N}-]*){1,3})[ ](?:%s)\b" % nouns, regex.IGNORECASE)


@cache
def _place_type_words() -> frozenset[str]:
    return frozenset(word for phrase in role_lexicon()["place_type_words"] for word in phrase.split())


# "President Alan García", "the town of Nueva Concepción": a town's name after another capitalised
# word that is no known name is the end of a name the gazetteer lacks (a person's, another town's)
# the capitalised word before a name, or before its glued article ("Moqtada al-Sadr": a person's name)
_CAPITALISED_BEFORE = regex.compile(r"(?<=[\p{L},;] )(\p{Lu}[\p{Ll}’'-]+)(?: $| (?:al|el|ad|as|ar|an|ash|az)-$)")
_NAME_OPENERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "upper", "lower", "greater", "old", "new", "the", "in", "at", "on", "from", "to", "near",
                           "al", "el", "as", "ad", "ar", "an", "ash", "az"})


def _inside_a_longer_name(text: str, mention: Mention) -> bool:
    if not mention.readings or any(r.entity.feature not in ("city", "place", "region") for r in mention.readings):
        return False
    m = _CAPITALISED_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return (m is not None and m.group(1).lower() not in _NAME_OPENERS and not _known_name(m.group(1))
            and m.group(1) not in _title_case_function_words())  # "Drills Off Fujian": a headline's


@cache
def _title_case_function_words() -> frozenset[str]:
    return frozenset(role_lexicon()["title_case_function_words"])


_CAPITALISED_AFTER = regex.compile(r" (\p{Lu}[\p{Ll}’'-]+)\b")


def _opens_a_longer_name(text: str, mention: Mention) -> bool:
    """"near Abu Musa island": a small town's name before a capitalised word that is no known
    name nor a place word opens a longer name the gazetteer lacks ("Abu" is also an Indian town)."""
    if not mention.readings or any(r.entity.kind != "place" or r.entity.feature != "city"
                                   or r.entity.population >= NAMESAKE_TOWN_POPULATION for r in mention.readings):
        return False
    m = match_at(_CAPITALISED_AFTER, text, mention.end)
    return (m is not None and m.group(1) not in _place_type_words() and m.group(1).lower() not in _calendar_words()
            and not _known_name(m.group(1)))


@cache
def _known_name(word: str) -> bool:
    return bool(load_gazetteer().find(word))


_TERRITORIAL = ("-occupied", "-held", "-controlled", "-administered", "-designated", "-claimed")


def _glued_party(text: str, mention: Mention) -> bool:
    """"the US-led coalition", "Iran-backed militias", "Hamas-controlled Gaza": a party glued to a
    participle is no place ("Russian-occupied Kherson", "Panama-controlled facilities" still say
    whose territory it is)."""
    m = match_at(GLUED, text, mention.end) if text.startswith("-", mention.end) else None  # (it starts with "-")
    if m is None:
        return text.startswith("-led", mention.end)
    territorial = m.group().lower() in _TERRITORIAL
    return not (territorial and any(r.entity.kind == "state" for r in mention.readings))


# "US V Corps headquarters", "Iraq Body Count": a state's name at the head of another name
@cache
def _name_next() -> regex.Pattern:
    """A capitalised word after a state's name that makes it part of a longer name ("Poland
    Spring"): not a war, a day or month, nor a headline's capitalised function word ("Troops To
    Poland Amid Crisis", roles.json title_case_function_words)."""
    function_words = alternation(role_lexicon()["title_case_function_words"])
    return regex.compile(r"\s+(?!(?:War|Wars|Conflict|Crisis|Campaign|Theater|Theatre|Monday|Tuesday|Wednesday"
                         r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August"
                         r"|September|October|November|December|%s)\b)\p{Lu}[\p{L}]*\b(?!['’]s)" % function_words)


# "the Pacific Islands Forum", "Kabul University", "Baghdad Operations Command"
_ORGANISATION_NEXT = regex.compile(
    r"(?:\s+\p{Lu}[\p{L}-]*){0,2}\s+(?:Forum|Council|Organi[sz]ation|Union|League|Treaty|Agreement|Pact|Party|Front"
    r"|Movement|Command|Ministry|University|College|Institute|Bank|Company|Airlines|Airways|Times|Post|News|Agency"
    r"|Accord|Accords|Declaration|Convention|Summit|Process|Talks|Conference|Group|Center|Centre|Hospital|Clinic)\b")
@cache
def _vessel_type_before() -> regex.Pattern:
    """A kind of ship right before a name, which is then the ship's (roles.json vessel_type_nouns)."""
    return regex.compile(r"\b(?:%s)\s+$" % alternation(role_lexicon()["vessel_type_nouns"]), regex.IGNORECASE)


_SHIP_PREFIX = regex.compile(r"\b(?:USS|HMS|HMAS|HMCS|INS|RFS|KRI|BRP|ROKS|JS|PNS|TCG|FS)\s+$")
_FORCE_NEXT = regex.compile(r"(?:['’]s)?\s+(?:(?:special|armed|ground|naval|air|military|elite|combat|government)\s+)?"
                            r"(?:troops|forces|soldiers|army|navy|marines|military|warships|jets|warplanes|national\s+guard|police"
                            r"|militia|militias|brigade|regiment|division)\b"
                            # ("Bulgaria's military bases" are places in Bulgaria)
                            r"(?!\s+(?:bases?|installations?|facilit(?:y|ies)|sites?|airfields?|airports?|camps?)\b)",
                            regex.IGNORECASE)


def _place_reading(mention: Mention, before_place_noun: bool, context: _Context) -> Reading | None:
    """A name read as a place. A state's demonym or capital is a place only before a place noun
    ("Iraqi territory", "a Tajik base"): "Tajik forces" are an actor, not a place."""
    if any(r.entity.kind == "place" for r in mention.readings):
        reading = mention.place_reading(context.without(mention), context.places_without(mention))
    else:
        reading = mention.place_reading()  # (without a place among its readings, no context counts)
    if reading is not None:
        if reading.entity.kind == "state" and reading.form != "name" and not before_place_noun:
            return None
        return reading
    actor = mention.actor_reading()
    if actor is not None and actor.entity.kind == "state" and before_place_noun and actor.form in ("name", "demonym"):
        return Reading(actor.entity, "name")
    return None


def _modifies_a_name(text: str, mention: Mention) -> bool:
    """A name glued to a participle names no place: "Saudi-led coalition", "Iran-backed militia",
    "Russian-held territory" (the land a state holds in war lies elsewhere)."""
    return text.startswith("-", mention.end) and bool(match_at(_HYPHEN_PARTICIPLE, text, mention.end))


_HYPHEN_PARTICIPLE = regex.compile(r"-(?:led|backed|allied|aligned|funded|sponsored|brokered|trained|supported|"
                                   r"linked|affiliated|friendly|based|born|made)\b"
                                   # land a state holds lies elsewhere ("Panama-controlled facilities" are Panama's)
                                   r"|-(?:held|occupied|controlled|claimed|administered|annexed|run)\s+(?:[\p{L}-]+\s+)?"
                                   r"(?:territory|territories|areas?|lands?|regions?|towns?|villages?|districts?|parts?|"
                                   r"zones?)\b", regex.IGNORECASE)


def _noun_end(after: str) -> int:
    m = place_nouns().match(after)
    if m:
        return m.end()
    skipped = skip_words(after, 1)
    m = place_nouns().match(skipped)
    return len(after) - len(skipped) + m.end() if m else 0


def _distance(trigger: tuple[int, int], start: int, end: int) -> int:
    """Places after the trigger come first, the nearest first; then those before it."""
    return start - trigger[1] if start >= trigger[1] else 10_000 + trigger[0] - end


def _is_object(text: str, trigger: tuple[int, int], start: int, event_type: str) -> bool:
    """Is the name the object of a verbal trigger, past determiners and modifiers only?"""
    if event_type == "exercise" or start < trigger[1]:
        return False
    words = [w.lower() for w in words_in(text, trigger[1], start)]
    return len(words) <= 4 and all(w in _OBJECT_GAP or is_modifier(w) or place_nouns().fullmatch(w) for w in words)


_MOVED_FROM = regex.compile(r"\s+(?:from|out\s+of)\s", regex.IGNORECASE)
_OBJECT_GAP = {"the", "a", "an", "its", "their", "his", "her", "our", "up", "out", "more", "another", "key", "of",
               "neighborhood", "neighbourhood", "suburb", "outskirts", "strategic", "last", "remaining"}


def _location(text: str, mention: Mention, reading: Reading, relation: str | None,
              phrase_end: int | None) -> Location:
    """A place as the text names it: a state by its name, a town or region in the spelling
    of the text (less accents), a sea zone by its phrase ("Philippine waters")."""
    entity = reading.entity
    if entity.kind == "state":
        name = entity.name
        if phrase_end is not None and _maritime().match(text, mention.end, phrase_end + 1):
            name = text[mention.start:phrase_end]
        country, feature = entity.code, "country"
    elif entity.id.startswith("pl:"):
        name, country, feature = entity.name, entity.country, entity.feature
    else:
        name, country, feature = _plain(mention.text), entity.country, entity.feature
    return Location(name=name, country=country, lat=entity.lat, lon=entity.lon, text=mention.text,
                    start=mention.start, end=mention.end, feature=feature, relation=relation)


@cache
def _maritime() -> regex.Pattern:
    """Place nouns that name a zone of its own, not the state: "waters", "airspace", "coast"."""
    return regex.compile(r"[\s\S]{0,30}?\b(?:%s)\b" % alternation(role_lexicon()["maritime_nouns"]), regex.IGNORECASE)


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _border_candidate(text: str, mention: Mention, relation: str, border: BorderPhrase,
                      rank: tuple[int, int]) -> _Candidate:
    # the evidence is the whole phrase, "Russian border", not the name in it
    name = border.name(text)
    start = border.end - len(name)
    location = Location(name=name, country=border.owner, lat=None, lon=None, text=text[start:border.end],
                        start=start, end=border.end, feature="border", relation=relation)
    return _Candidate(location, rank, border.start, border.end, border=border)


def _on_side(candidate: _Candidate, actors: list[Actor]) -> Location:
    """A border's country is the side that is meant (see ``borders.side``)."""
    if candidate.border is None:
        return candidate.location
    agents = [a.code for a in actors if a.kind == "state" and a.role in ("agent", "host")]
    if not agents and (home := _home_of_groups(actors)):
        agents = [home]  # "the ELN deployed fighters along the Venezuelan border": on Colombia's side
    return replace(candidate.location, country=side(candidate.border, agents))


# Places without a gazetteer name -------------------------------------------------------------

def _unnamed_places(text: str, clause: tuple[int, int], trigger: tuple[int, int], event_type: str,
                    mentions: list[Mention], known: list[_Candidate], actors: list[Actor]) -> list[_Candidate]:
    """Proper names the gazetteer lacks, when their form says they are places ("Dongshan
    Island", "Camp Pendleton", "the town of Bint Jbeil"), and "the border" with no name."""
    lexicon = role_lexicon()
    allowed = location_prepositions(event_type)
    preferred = set(lexicon["preferred_prepositions"][event_type])
    taken = [(c.start, c.end) for c in known]
    found: list[_Candidate] = []
    places_in_sentence: set[str] | None = None  # the countries of the sentence's places (found when needed)
    evidence: set[str] = set()  # those of the clause's places that are not actors
    for m in _proper_places_in(text, *clause):
        if m.group("headed") and any(x.start < m.end("headed") and x.end > m.start()
                                     and not _opens_a_longer_name(text, x) for x in mentions):
            # "the Russian-held area": known names are placed as such; the noun may open a name ("island of X")
            m = _proper_place().match(text, m.end("headed"), clause[1])
            if m is None or m.group("headed"):
                continue
        start, end = m.span("name")
        if any(s <= start < e or start <= s < end for s, e in taken) or (start < trigger[1] and trigger[0] < end):
            continue  # (a name that holds the trigger, "al-Tanef crossing", is not the trigger's place)
        # "Hong Kong Special Administrative Region": a name that starts inside a known one starts with it
        start = next((x.start for x in mentions if x.start < start < x.end), start)
        inside = [x for x in mentions if start <= x.start and x.end <= end and not _opens_a_longer_name(text, x)]
        # (not a border it lies on: "the Evros region on the Turkish border" is on the acting side)
        outer = [x for x in _nested_in(text, end, mentions) if not border_nouns().first_word_match(
            past_possessive(text[x.end:x.end + 30]))]
        # a bare capitalised phrase is a place only when nested in a known one, or right after the
        # trigger's own preposition ("withdrew from Baga", "sent 300 troops to Pibor")
        governed = (m.group("bare") or m.group("loose")) and _governed_by_trigger(text, trigger, start, end, event_type)
        if not governed and (m.group("bare") and not outer or m.group("loose")
                             or any(x.start == start and x.end == end for x in inside)):
            continue
        if m.group("bare") and text[start:end].lower() in _calendar_words():
            continue  # "in December, police will secure ...": a month, not a place
        if match_at(_ORGANISATION_NEXT, text, end):
            continue  # "the Pacific Islands Forum"
        country = next((c for x in inside + outer + _owner_before(text, m.start(), mentions)
                        if (c := _country_of_place(x) or _state_of(x))), None)
        if country is None and places_in_sentence is None:
            places_in_sentence = {c for x in mentions if not _not_a_place(text, x) and (c := _country_of_place(x))}
            evidence = _place_evidence(text, clause, mentions, actors)
        if country is None and len(evidence) == 1:
            country = next(iter(evidence))  # "Iraq says US troops held drills at Camp Taji"
        elif country is None and len(places_in_sentence) == 1 and not _open_water(text[start:end]) \
                and not _one_of_the_parties(places_in_sentence, text, mentions, actors):
            country = next(iter(places_in_sentence))  # "the Netzarim Corridor ... northern Gaza"
        if country is None and not places_in_sentence:
            country = _home_of_groups(actors)  # "M23 rebels withdrew from Kibumba"
        if country is None and not places_in_sentence and not _open_water(text[start:end]):
            country = _the_other_state(text, mentions, actors)  # "left Camp Taji and handed it to the Iraqi army"
        preposition = preposition_before(text, start, clause[0], allowed, through_names=True)
        if preposition is None and _is_object(text, trigger, start, event_type):
            preposition = "object"  # "rebels left the neighbourhood of Bab Amr"
        if preposition is None:
            continue
        location = Location(name=text[start:end], country=country, lat=None, lon=None, text=text[start:end],
                            start=start, end=end, feature="place", relation=preposition)
        rank = (0 if preposition in preferred else 1, _distance(trigger, start, end))
        found.append(_Candidate(location, rank, start, end))
    found += _listed_after(text, clause, trigger, known + found, mentions)
    named = known + found
    for m in _bare_borders_in(text, clause[0], clause[1]):
        if m.group("coast") and m.start() > trigger[1] and "," in text[trigger[1]:m.start()]:
            continue  # "exercises held by X, North Korea fires missiles off its coast": another clause's
        preposition = preposition_before(text, m.start(), clause[0], allowed)
        # with named places too, when it is the trigger's first phrase: "exercises near its border
        # and its intervention in Ukraine" (Ukraine is the place of another noun)
        first = (m.start() >= trigger[1] and preposition in preferred
                 and all(c.end <= trigger[0] or c.start > m.end() for c in named)
                 and _first_phrase(text, trigger[1], m.start()) and not match_at(_NAMED_AFTER, text, m.end()))
        if preposition and (not named or first):
            name = regex.sub(r"^(?:the|its|their)\s+(?:own\s+)?", "", m.group(0), flags=regex.IGNORECASE)
            location = Location(name=name, country=None, lat=None, lon=None, text=m.group(0), start=m.start(),
                                end=m.end(), feature="border", relation=preposition)
            rank = (0 if first else 1, _distance(trigger, m.start(), m.end()))
            found.append(_Candidate(location, rank, m.start(), m.end(),
                                    border=BorderPhrase(m.start(), m.end(), None, ())))
            break
    return found


def _listed_after(text: str, clause: tuple[int, int], trigger: tuple[int, int], candidates: list[_Candidate],
                  mentions: list[Mention]) -> list[_Candidate]:
    """A capitalised name the gazetteer lacks listed last after the trigger's town ("withdrew
    from Mekelle and Shire", "from Adigrat, Rama and Sheraro"): a place of the same phrase."""
    found = []
    for candidate in candidates:
        location = candidate.location
        if location.feature not in ("city", "place") or candidate.start < trigger[1]:
            continue
        m = _LISTED_NAME.match(text, candidate.end, clause[1])
        if m is None or any(x.start < m.end("name") and m.start("name") < x.end for x in mentions) or any(
                c.start == m.start("name") for c in candidates) or text[m.start("name"):m.end("name")].lower() in \
                _calendar_words():
            continue
        start, end = m.span("name")
        listed = Location(name=text[start:end], country=None, lat=None, lon=None, text=text[start:end], start=start,
                          end=end, feature="place", relation=location.relation)
        found.append(_Candidate(listed, (candidate.rank[0], candidate.rank[1] + 1), start, end))
    return found


# a last name listed after a place, then the end of the phrase ("Mekelle and Shire.", "Gao and Kidal on Monday")
# or a phrase that places the list ("the villages of X and Y near Z")
_LISTED_NAME = regex.compile(r"(?:,\s+|,?\s+and\s+)(?P<name>\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)"
                             r"(?=\s*[.,;:!?)]|\s*$|\s+(?:on|in|at|near|after|before|since|last|this|early|late)\b)")


_NAMED_AFTER = regex.compile(r"\s+(?:of|with|between)\b", regex.IGNORECASE)  # "the border of Saudi Arabia"


def _first_phrase(text: str, after_trigger: int, start: int) -> bool:
    """Is the phrase at ``start`` the trigger's first, past only its object ("moved troops to the border")?"""
    words = words_in(text, after_trigger, start)
    return len(words) <= 7 and not _PUNCTUATION_GAP.search(text, after_trigger, start)


def _governed_by_trigger(text: str, trigger: tuple[int, int], start: int, end: int, event_type: str) -> bool:
    """Does a capitalised name the gazetteer lacks follow the trigger's own preposition, past only
    its object ("sent 300 more troops to Pibor", "pulled its units out of Baga")? Not an acronym,
    a date, nor a name with a known one inside."""
    if start < trigger[1] or any(w.isupper() or w.lower() in _calendar_words() for w in text[start:end].split()):
        return False
    m = _PREPOSITION_END.search(text, trigger[0], start)  # (from the trigger's start: "pulled out| of")
    # (a retreat "to" a place names where the forces went: GUIDELINE, settled questions)
    governing = role_lexicon()["preferred_prepositions"][event_type] + (
        role_lexicon()["retreat_destinations"] if event_type == "withdrawal" else [])
    if m is None or " ".join(m.group(1).lower().split()) not in governing:
        return False
    gap_end = max(trigger[1], m.start())
    if (_PUNCTUATION_GAP.search(text, trigger[1], gap_end) or _known_name_inside(text, start, end)
            or match_at(_operation_name(), text, start)):
        return False
    words = words_in(text, trigger[1], gap_end)
    return len(words) <= 6 and all(_object_word(w.lower()) for w in words) and _ends_a_phrase(text, end)


def _known_name_inside(text: str, start: int, end: int) -> bool:
    """Is a known name inside ``text[start:end]``, other than a small town's that opens the longer
    name ("Jebel Moya": "Jebel" is also a Turkmen town)?"""
    return any(not _opens_a_longer_name(text, replace(found, start=start + found.start, end=start + found.end))
               for found in load_gazetteer().find(text[start:end]))


def _ends_a_phrase(text: str, end: int) -> bool:
    """Does the name end its phrase (punctuation, the end, "on", "and", "has" ...), not modify a noun
    ("from Muslim nations")?"""
    m = match_at(_NEXT_LOWER, text, end)
    return m is None or m.group(1) in role_words("bare_place_followers")


_NEXT_LOWER = regex.compile(r"\s+(\p{Ll}[\p{L}-]*)")


@cache
def _operation_name() -> regex.Pattern:
    """"Operation Aspides", "Exercise Cobra": the name of an operation, not a place."""
    return regex.compile(r"(?:%s)\b" % alternation(role_lexicon()["operation_nouns"]), regex.IGNORECASE)


_PREPOSITION_END = regex.compile(r"\b(out\s+of|in|near|at|to|from|into|off)\s+$", regex.IGNORECASE)
_PUNCTUATION_GAP = regex.compile(r"[,;:()\[\]\"“”–—]")


def _object_word(word: str) -> bool:
    """A word of the trigger's object: "its", "2,000", "more", "troops", "warships", "back"."""
    return (is_modifier(word) or word[0].isdigit() or word in _object_gap_words()
            or force_nouns().fullmatch(word) is not None)


@cache
def _object_gap_words() -> frozenset[str]:
    lexicon = role_lexicon()
    platforms = (w for line in read_lines("lexicon/platforms.txt") for w in line.split())
    return frozenset([*lexicon["object_gap_words"], *lexicon["force_modifiers"], *lexicon["counting_words"],
                      *platforms])


_ARTICLE_GLUED = r"(?:al|el|ad|as|ar|an)-"  # "al-Qusayr"
_SETTLEMENT_NOUN = (r"(?:towns?|city|cities|villages?|port|island|district|province|region|base|neighbou?rhood"
                    r"|suburbs?|outskirts|camp)")  # "the town of ..."
# the beginnings of _ARTICLE_GLUED's and _SETTLEMENT_NOUN's words
_LOWER_CASE_HEADS = ("al-", "el-", "ad-", "as-", "ar-", "an-", "town", "city", "cities", "village", "port", "island",
                     "district", "province", "region", "base", "neighbo", "suburb", "outskirts", "camp")


def _proper_places_in(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_proper_place().finditer(text, start, end)``, the pattern tried only where a match can
    start (``_proper_place_starts``): the same matches, without trying it at every character."""
    return matches_at(_proper_place(), _proper_place_starts(text, start, end), text, start, end)


def _proper_place_starts(text: str, start: int, end: int) -> list[int]:
    """Where a match of ``_proper_place`` can start, in order: a capital (every name's and every
    capitalised opener's), and where ``_lower_case_starts`` match (overlapping), which needs a
    hyphen or an "of" after a space: a quick search for those spares the slower pattern most times."""
    capitals = _capitals_that_may_start(text, start, end)
    pattern, needs_hyphen_or_of = _lower_case_starts()
    if needs_hyphen_or_of and _HYPHEN_OR_OF.search(text, start, end) is None:
        return capitals
    others = pattern.match_starts(text, start, end)
    return sorted({*capitals, *others}) if others else capitals


_CAPITAL = regex.compile(r"\p{Lu}")
_HYPHEN_OR_OF = regex.compile(r"-|\sof\s")


def _capitals_that_may_start(text: str, start: int, end: int) -> list[int]:
    """The capitals in ``text[start:end]`` where a ``_proper_place`` may match: at a capital
    (case matters: no settlement noun), a match is a name after a preposition (its lookbehind),
    or runs of names up to a place word or from an opener, so a place word or opener starts
    there or further on before any character that no name nor space holds (a digit, a comma):
    most capitals have neither, and these two quick tests spare trying the whole pattern there."""
    capitals = [m.start() for m in _CAPITAL.finditer(text, start, end)]
    if not capitals:
        return capitals
    # (searched in a copy of the stretch: given bounds, the automaton still reads the whole text)
    words_at = sorted(start + end_at - size + 1 for end_at, size in _place_words().iter(text[start:end]))
    breaks = [m.start() for m in _NOT_IN_NAMES.finditer(text, start, end)] if words_at else []
    behind = _LOOSE_BEHIND_PATTERN.match
    kept = []
    for capital in capitals:
        i = bisect_left(words_at, capital)
        if i < len(words_at):
            j = bisect_left(breaks, capital)
            if j == len(breaks) or words_at[i] < breaks[j]:
                kept.append(capital)
                continue
        # (the lookbehind needs a space right before: every character "\s" matches is one)
        if text[capital - 1].isspace() and capital and behind(text, capital, capital + PHRASE_REACH):
            kept.append(capital)
    return kept


# what the names, the spaces and the place words of a _proper_place are made of
_NOT_IN_NAMES = regex.compile(r"[^\p{L}'’\s-]")


@cache
def _place_words() -> ahocorasick.Automaton:
    """The place words and openers a run of names in ``_proper_place`` leads to or opens with,
    as written (the pattern is case-sensitive)."""
    lexicon = role_lexicon()
    automaton = ahocorasick.Automaton()
    for word in sorted({*lexicon["place_type_words"], *lexicon["place_head_nouns"], *lexicon["place_opening_words"]}):
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


@cache
def _lower_case_starts() -> tuple[StartsPattern, bool]:
    """The starts of a ``_proper_place`` that are no capital: a glued article, an opener in lower
    case (if any), a settlement noun before "of" (each tried only where its first letters are);
    and whether each of those needs a hyphen or an "of" between spaces (not so with an opener in
    lower case)."""
    openers = [w for w in role_lexicon()["place_opening_words"] if not w[:1].isupper()]
    lower_openers = "|%s" % alternation(openers) if openers else ""
    pattern = regex.compile(rf"{_ARTICLE_GLUED}{lower_openers}|{_SETTLEMENT_NOUN}\s+of\s")
    return StartsPattern(pattern, [*_LOWER_CASE_HEADS, *openers], ()), not openers


@cache
def _proper_place() -> regex.Pattern:
    words = role_lexicon()["place_type_words"]
    heads = alternation(w for w in words if not w.endswith(" of"))
    name = rf"(?:{_ARTICLE_GLUED})?\p{{Lu}}[\p{{L}}'’-]+"
    lower_heads = alternation(role_lexicon()["place_head_nouns"])
    return regex.compile(
        rf"(?P<name>(?:{name}\s+){{1,3}}(?:{heads})\b|(?:{_place_openers()})\s+{name}(?:\s+{name})?)"
        rf"|(?P<name>(?P<headed>(?:{name}\s+){{1,3}})(?:{lower_heads})\b)"
        rf"|{_SETTLEMENT_NOUN}\s+of\s+(?P<name>{name}(?:\s+{name})?)"
        rf"|{_BARE_BEHIND}(?P<name>(?P<bare>{name}(?:\s+{name}){{0,2}}))(?=,\s|\s+in\s)"
        rf"|{_LOOSE_BEHIND}(?P<name>(?P<loose>{name}(?:\s+{name}){{0,2}}))"
        rf"(?![\p{{L}}'’-]|\s+\p{{Lu}}|['’]s)"
    )


# the prepositions before a bare name (a "loose" one may follow more of them)
_BARE_BEHIND = r"(?<=\b(?:in|near|at|to|from|into)\s+)"
_LOOSE_BEHIND = r"(?<=\b(?:in|near|at|to|from|into|off|out\s+of)\s+)"
_LOOSE_BEHIND_PATTERN = regex.compile(_LOOSE_BEHIND)


@cache
def _calendar_words() -> frozenset[str]:
    vocabulary = temporal_lexicon()
    # not the short forms "Sun", "Mar", but the full names, "May" too
    full_names = {max((w for w in names if names[w] == n), key=len)
                  for names in (vocabulary["months"], vocabulary["weekdays"]) for n in names.values()}
    return frozenset(w for w in (*vocabulary["months"], *vocabulary["weekdays"]) if len(w) > 3) | full_names


def _place_openers() -> str:
    return alternation(role_lexicon()["place_opening_words"])


@cache
def _bare_border() -> LazyPattern:
    """"the border", "its eastern frontier", and a party's own coast or waters: "its west coast",
    "its territorial waters" (searched only where a determiner is); not "the border town of X", a
    town with a name of its own."""
    return phrase_pattern(r"\b(?:the|its|their)\s+(?:(?:common|shared|mutual|long|porous|northern|southern|eastern"
                          r"|western)\s+)?(?:borders?|frontiers?)\b(?!\s+(?:%s)\b)|\b(?:its|their)\s+(?:(?:north|south|east|west)(?:ern)?"
                          r"\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?(?P<coast>coast|coastline|shores?"
                          r"|(?:own\s+)?(?:territorial\s+waters|airspace|exclusive\s+economic\s+zone))\b"
                          % alternation(role_lexicon()["border_modified_nouns"]),
                          regex.IGNORECASE, ("the", "its", "their"))


def _place_evidence(text: str, clause: tuple[int, int], mentions: list[Mention], actors: list[Actor]) -> set[str]:
    """The countries of the clause's names other than the actors': an acting state's name says
    nothing of where its forces are ("US troops held drills at Camp Taji", in Iraq)."""
    acting = {(a.start, a.end) for a in actors if a.role != "host"}  # (a host's land is where it is)
    return {c for x in mentions if clause[0] <= x.start and x.end <= clause[1] and (x.start, x.end) not in acting
            and not _not_a_place(text, x) and (c := _country_of_place(x))}


def _the_other_state(text: str, mentions: list[Mention], actors: list[Actor]) -> str | None:
    """The one state the sentence names besides the acting ones, by name or demonym: where the
    forces of another state are ("US troops withdrew from Camp Taji and handed it over to the Iraqi
    military"), when no place says it; not the neighbour a border is named by ("the Turkish border")."""
    acting = {a.code for a in actors}
    if not acting:
        return None
    others = {r.entity.code for m in mentions for r in m.readings
              if r.entity.kind == "state" and r.form in ("name", "demonym") and r.entity.code not in acting
              and not border_nouns().first_word_match(past_possessive(text[m.end:m.end + 30]))
              and not _installation_after(text, m.end)}
    return others.pop() if len(others) == 1 else None


def _one_of_the_parties(countries: set[str], text: str, mentions: list[Mention], actors: list[Actor]) -> bool:
    """Is the one country named only by one of several parties' names ("US and Iraqi troops held
    drills at Camp Taji": the US is not where they are more than Iraq is)?"""
    states = {a.code for a in actors if a.kind == "state"}
    if len(states) < 2:
        return False
    acting = {(a.start, a.end) for a in actors if a.role != "host"}  # (a host's land is where it is)
    return not any((x.start, x.end) not in acting and not _not_a_place(text, x) and _country_of_place(x) in countries
                   for x in mentions)


def _home_of_groups(actors: list[Actor]) -> str | None:
    """The one country the acting armed groups fight in, if they are all such groups."""
    homes = role_lexicon()["armed_group_homes"]
    countries = {homes.get(a.code) if a.kind == "armed_group" else None for a in actors}
    return countries.pop() if len(countries) == 1 else None


def _bare_borders_in(text: str, start: int, end: int) -> Iterator[regex.Match]:
    """``_bare_border().finditer(text, start, end)``, searched only where one of the nouns that
    every match holds occurs (most clauses name no border nor coast)."""
    if not _BORDER_WORDS.occur_in(text, start, end):
        return iter(())
    return _bare_border().finditer(text, start, end)


_BORDER_WORDS = Words(("border", "frontier", "coast", "shore", "territorial", "airspace", "exclusive"))


def _owner_before(text: str, start: int, mentions: list[Mention]) -> list[Mention]:
    """The state just before "town of X": "the Lebanese town of Bint Jbeil", "Georgian border town of"
    (with only such words between: not "US troops withdrew from Camp X")."""
    return [x for x in mentions if start - 25 <= x.end <= start
            and any(r.entity.kind == "state" and r.form in ("name", "demonym") for r in x.readings)
            and _owning_words(words_in(text, x.end, start))][-1:]


def _installation_after(text: str, end: int) -> bool:
    """Does a military installation follow the name, past at most two modifiers ("the British
    naval base", "a Russian air base")? The state owns it: the land may be another's."""
    words = [w.lower() for w in words_in(text, end, min(len(text), end + 30))][:3]
    return any(w in role_words("installation_nouns") for w in words)


def _owning_words(words: list[str]) -> bool:
    """Do the words between a state and a place nest the place in the state ("the Lebanese town
    of")? Not a military installation's ("the former British naval base at Stonecutters Island":
    the state owns the base, not the land)."""
    lowered = [w.lower() for w in words]
    return (all(w in nesting_words() or w == "the" for w in lowered)
            and not any(w in role_words("installation_nouns") for w in lowered))


def _state_of(mention: Mention) -> str | None:
    return next((r.entity.code for r in mention.readings if r.entity.kind == "state" and r.form == "demonym"), None)


def _country_of_place(mention: Mention) -> str | None:
    """The country a place name lies in, read as a place (not a demonym or a party)."""
    reading = mention.place_reading()
    if reading is None or (reading.entity.kind == "state" and reading.form != "name"):
        return None
    return reading.entity.country


def _nested_in(text: str, end: int, mentions: list[Mention]) -> list[Mention]:
    """The known place a name is nested in: "Shell Mera, in eastern Ecuador", "X, Somalia"."""
    for mention in mentions:
        if mention.start >= end:
            gap = text[end:mention.start]
            words = [w.lower() for w in words_in(gap, 0, len(gap))]
            if len(gap) < 50 and all(w in _NESTING or is_modifier(w) for w in words):
                return [mention]
            return []
    return []


_NESTING = {"in", "on", "of", "the", "a", "an", "part", "province", "district", "region", "state", "county", "near",
            "mountainous", "remote", "area", "rural", "desert", "coastal", "breakaway", "separatist", "occupied"}


def _antecedent(text: str, clause: tuple[int, int], mentions: list[Mention], context: _Context) -> list[_Candidate]:
    """A relative clause on a place: "Mogadishu, which was abandoned", "Kabul, where troops..."."""
    m = _RELATIVE.search(text[max(0, clause[0] - 30):clause[0]])
    if not m:
        return []
    comma = clause[0] - 30 + m.start() if clause[0] >= 30 else m.start()
    if not (m.group(0).rstrip().lower().endswith("where") or match_at(_ABOUT_PLACE, text, clause[0])):
        return []
    for mention in mentions:
        if mention.end == comma:
            reading = _place_reading(mention, False, context)
            if reading is not None:
                location = _location(text, mention, reading, "object", None)
                return [_Candidate(location, (1, 0), mention.start, mention.end)]
    return []


_RELATIVE = regex.compile(r",\s+(?:which|that|where)\s*$", regex.IGNORECASE)
# The relative clause is about the place: passive ("which was abandoned") or "where".
_ABOUT_PLACE = regex.compile(r"\s*(?:(?:has|have|had)\s+)?(?:been|was|were|is|are)\b", regex.IGNORECASE)


def _anaphoric(text: str, sentence: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
               event_type: str, mentions: list[Mention], actors: list[Actor],
               context: _Context) -> list[_Candidate]:
    """"withdrew from the area", "from the country": the place named earlier in the sentence,
    else the home of a government's own forces ("Iraqi government forces withdrew from the area")."""
    allowed = location_prepositions(event_type)
    direction = _DIRECTION.search(text, clause[0], clause[1])
    if direction and preposition_before(text, direction.start(), clause[0], allowed) is not None:
        return _direction(text, sentence, direction, mentions, actors)
    m = role_words_pattern("anaphoric_places").search(text, trigger[1], clause[1])
    if not m or (preposition_before(text, m.start(), clause[0], allowed) is None
                 and not _is_object(text, trigger, m.start(), event_type)):
        m = _there().match(text, trigger[1], clause[1])  # ("leave the country": the trigger's object)
        if not m:
            return []
    actor_spans = {(a.start, a.end) for a in actors}
    wanted = _ANAPHOR_FEATURES.get(m.group(0).lower().split()[-1]) if m.re is not _there() else None
    the_state = _POSSESSIVE_ANAPHOR.match(m.group(0)) is not None or wanted == ("country",)
    island = m.group(0).lower().endswith("island")  # "near the island": also an island state ("Taiwan said ...")
    earlier = [x for x in mentions if sentence[0] <= x.start and x.end <= m.start()
               and (x.start, x.end) not in actor_spans and not _modifies_a_name(text, x)
               and not _not_a_place(text, x)
               and (not match_at(_SUBJECT_OF_MODAL, text, x.end) or island and _an_island_state(x))
               and not (not the_state and match_at(_SUBJECT_OF_ASKING, text, x.end))
               and not _government_speaking(text, x)
               and not _speaker_venue(text, sentence[0], x)]  # not "sources in Washington said"
    readings = [(x, _reading_as(x, r, wanted)) for x in earlier if (r := _place_reading(x, False, context)) is not None]
    preferred = [(x, r) for x, r in readings if wanted is None or r.entity.feature in wanted
                 or (island and r.entity.kind == "state" and r.entity.code in role_words("island_states"))]
    if m.group(0).lower().endswith("capital"):  # "retreat from the capital": a capital named before, no other town
        preferred = [(x, r) for x, r in preferred if _capitals().get(r.entity.country or "") == r.entity.name]
    # the acting state named again is not the country ("Papua New Guinea and the United States sign
    # a pact that will see American troops stationed in the country"); when it is the only one
    # named, the country is one the sentence leaves unnamed ("Kenya to pull out the soldiers
    # Nairobi has stationed in the country")
    acting = {a.code for a in actors} if event_type in _FOREIGN_COUNTRY_TYPES and actors and \
        all(a.kind == "state" for a in actors) and m.group(0).lower().endswith(("country", "territory")) else set()
    preferred = [(x, r) for x, r in preferred if not (r.entity.kind == "state" and r.entity.code in acting)]
    for mention, reading in reversed(preferred):
        if reading is not None:
            location = _location(text, mention, reading, "from" if event_type == "withdrawal" else "in", None)
            return [_Candidate(location, (1, 0), mention.start, mention.end)]
    for actor in actors:
        if actor.kind == "state" and match_at(_HOME_FORCES, text, actor.end):
            location = Location(name=actor.name, country=actor.code, lat=None, lon=None, text=m.group(0),
                                start=m.start(), end=m.end(), feature="country", relation="in")
            return [_Candidate(location, (1, 0), m.start(), m.end())]
    return []


def _reading_as(mention: Mention, reading: Reading, wanted: tuple[str, ...] | None) -> Reading:
    """The place reading of the kind the anaphor stands for, when the name read as a town has one
    ("Gaza": a city and a territory; "withdrew from the territory" takes up the territory). Not the
    other way: a region's name is no town the city stands for ("Portland, Oregon ... into the city")."""
    if wanted is None or reading.entity.feature in wanted or reading.entity.feature != "city":
        return reading
    return next((r for r in mention.readings if r.entity.kind == "place" and r.entity.feature in wanted), reading)


# the types (as places are attached) whose state forces in or out of "the country" are mostly
# abroad, so that the country is not the acting state's own; not "the area" ("Iraqi government
# forces withdrew from the area" stays in Iraq), nor where an armed group acts (insurgents
# "moving into the country" whose army resists)
_FOREIGN_COUNTRY_TYPES = frozenset({"deployment", "withdrawal"})
# "Iran wants peace ... and calls on foreign troops to leave the region": a state that asks or wants
# is a party, not the place "the region" or "the area" takes up; "the country" and "its territory"
# do stand for it ("Mali demands that French forces leave the country")
_SUBJECT_OF_ASKING = regex.compile(r"\s+(?:wants|calls|urges|demands|asks)\b", regex.IGNORECASE)
_POSSESSIVE_ANAPHOR = regex.compile(r"(?:its|their)\b", regex.IGNORECASE)
# "Ankara will drive back ...": a name as the subject of a modal or auxiliary acts, it is no place
_SUBJECT_OF_MODAL = regex.compile(r"\s+(?:will|would|could|can|may|might|must|should|has|have|had|says|said)\b",
                                  regex.IGNORECASE)
_DIRECTION = regex.compile(
    r"\bthe\s+(?P<name>(?:far\s+|extreme\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east"
    r"|south-?west)(?:ern)?(?:\s+(?:part|parts|region|regions|areas?|end|tip|half))?)\b"
    r"(?:\s+of\s+the\s+country\b)?(?!\s+of\b|\s+\p{Lu})",
    regex.IGNORECASE,
)


def _direction(text: str, sentence: tuple[int, int], m: regex.Match, mentions: list[Mention],
               actors: list[Actor]) -> list[_Candidate]:
    """"in the far north": a part of the country the sentence is about (a state it names, else
    the acting state): "Canada's sovereignty in the far north" -> Canada."""
    country = None
    for mention in mentions:
        if sentence[0] <= mention.start < m.start():
            state = next((r.entity.code for r in mention.readings if r.entity.kind == "state"), None)
            country = state or country
    if country is None:
        country = next((a.code for a in actors if a.kind == "state"), None)
    start, end = m.span("name")
    location = Location(name=text[start:end], country=country, lat=None, lon=None, text=text[start:end],
                        start=start, end=end, feature="region", relation="in")
    return [_Candidate(location, (1, 0), start, end)]


def _government_speaking(text: str, mention: Mention) -> bool:
    """"Ankara demanded that Athens withdraw from the island": a capital as the subject of a verb
    stands for its government, it is no place the anaphor may take up."""
    return (any(r.form in ("capital", "seat") for r in mention.readings)
            and bool(match_at(_FINITE_AFTER, text, mention.end)))


_FINITE_AFTER = regex.compile(r"\s+(?:(?-i:\p{Ll})\p{L}+(?:ed|es|s)|will|would|could|can|may|might|must|should|has|had|"
                              r"have|is|was|are|were)\b")


def _an_island_state(mention: Mention) -> bool:
    return any(r.entity.kind == "state" and r.entity.code in role_words("island_states") for r in mention.readings)


# What each anaphoric noun may stand for: "the city" a town; "cities" the country or region they lie in;
# "the island" no state named before it ("Ankara demands that Yerevan withdraw from the island").
# "troops stationed there", "deployed 500 soldiers there": the adverb after the trigger and its
# object takes up the place named before in the sentence, as "the area" does (not "there are")
@cache
def _there() -> regex.Pattern:
    """"there" after the trigger and at most four words of its object, not before a verb that
    makes it existential (roles.json existential_there_verbs: "there were clashes")."""
    return regex.compile(r"(?:\s+[\p{L}\p{N}'’-]+(?:,\d{3})*){0,4}?\s+(?:from\s+)?\K\bthere\b(?!\s+(?:%s)\b)"
                         % alternation(role_lexicon()["existential_there_verbs"]), regex.IGNORECASE)
_ANAPHOR_FEATURES = {"country": ("country",), "city": ("city",), "capital": ("city",), "cities": ("country", "region"),
                     "town": ("city",),
                     "towns": ("country", "region"), "province": ("region",), "region": ("region", "country"),
                     "territory": ("country", "region"), "soil": ("country",), "island": ("island", "region", "city"),
                     "village": ("city",), "villages": ("city", "region"), "district": ("region", "city"),
                     "nation": ("country",)}
_HOME_FORCES = regex.compile(r"\s+(?:government|security|state|police|regime|interior\s+ministry)\b",
                             regex.IGNORECASE)


# Chains ------------------------------------------------------------------------------------

def _chain(text: str, candidates: list[_Candidate], best: _Candidate) -> list[_Candidate]:
    """The best place with the places listed or nested with it, most specific first."""
    ordered = sorted(candidates, key=lambda c: c.start)
    i = ordered.index(best)
    group = [best]
    j = i
    while j + 1 < len(ordered) and _chained(text, ordered[j], ordered[j + 1].start):
        group.append(ordered[j + 1])
        j += 1
    j = i
    while j > 0 and _chained(text, ordered[j - 1], ordered[j].start):
        group.insert(0, ordered[j - 1])
        j -= 1
    seen: set[tuple[str, str | None]] = set()
    result = []
    for c in sorted(group, key=lambda c: (_specificity(c.location), c.start)):
        key = (c.location.name, c.location.country)
        if key not in seen:
            seen.add(key)
            result.append(c)
    return result


def _specificity(location: Location) -> int:
    """How specific a place is; a name the gazetteer lacks by the last word of its name ("Darwin,
    Northern Territory": the territory is a region, less specific than the town)."""
    if location.feature == "place" and location.name.split()[-1] in _REGION_HEADS:
        return _SPECIFICITY["region"]
    return _SPECIFICITY.get(location.feature, 0)


_REGION_HEADS = frozenset({"Province", "Region", "Governorate", "Oblast", "Territory", "State"})


def _chained(text: str, previous: _Candidate, start: int) -> bool:
    """Is a name listed or nested right after ``previous``? ("Manbij, Tell Rifaat and Kobani",
    "Goma in North Kivu", "the island of Kastellorizo in the Aegean")."""
    if previous.start <= start < previous.end:
        return True  # inside the phrase: "Ukraine's Crimea region"
    gap = text[previous.end:start]
    if not _NESTED_BY.search(gap) and _starts_a_clause(text, gap, start):
        return False  # "from northern Syria, the United States is to deploy": a new clause's subject
    if len(gap) > 40 or start < previous.end:
        return False
    if _gapped_subject(text, previous, start):
        return False  # "if Israel withdraws from the West Bank and Syria from Lebanon": a gapped clause's subject
    words = [w.lower() for w in words_in(gap, 0, len(gap))]
    return len(words) <= 5 and all(w in _CHAIN_WORDS or w.endswith(_PLACE_ADJECTIVE) or "-" in w for w in words)


def _starts_a_clause(text: str, gap: str, start: int) -> bool:
    """Is the name at ``start`` the subject of a new clause? A bare 'to' after it opens one only past
    a comma ("from Syria, Turkey to send troops"); after 'and' it opens the trigger's purpose
    ("sent jets to Kuwait and Qatar to reinforce")."""
    m = match_at(_STARTS_A_CLAUSE, text, _end_of_name(text, start))
    if m is None:
        return False
    return m.group(1).lower() != "to" or not _COORDINATED_GAP.search(gap)


def _gapped_subject(text: str, previous: _Candidate, start: int) -> bool:
    """Does the name after ``previous`` have a phrase of its own with the same preposition ("from
    the West Bank and Syria from Lebanon")? It is the subject of a clause whose verb is left out."""
    relation = previous.location.relation
    m = match_at(_OWN_PHRASE_AFTER, text, _end_of_name(text, start))
    return m is not None and relation in ("from", "to", "into", "out of") and " ".join(m.group(1).split()) == relation


_OWN_PHRASE_AFTER = regex.compile(r"\s+(from|to|into|out\s+of)\s+(?:the\s+)?(?-i:\p{Lu})")  # (not "to protect it")
# a name after "of" or "in" is nested, no clause's subject: "the Malian town of Gao to protect it"
_NESTED_BY = regex.compile(r"\b(?:of|in)\s+(?:the\s+)?$", regex.IGNORECASE)
_STARTS_A_CLAUSE = regex.compile(r"\s+(is|are|was|were|has|have|had|will|would|said|says|to)\b")
_COORDINATED_GAP = regex.compile(r"^\s*(?:and|or)\s+(?:the\s+)?$", regex.IGNORECASE)


def _end_of_name(text: str, start: int) -> int:
    m = match_at(_NAME_RUN, text, start)
    return m.end() if m else start


# (not on past a word that ends in a full stop: "in Tirana and Vlore. Greek officials said" ends a sentence)
_NAME_RUN = regex.compile(r"[\p{Lu}\p{L}.'’-]+(?:(?<!\.)\s+\p{Lu}[\p{L}.'’-]*)*")
_PLACE_ADJECTIVE = ("ern", "ese", "ian", "ish", "an", "i", "al")  # "northern", "Lebanese", "central"
_CHAIN_WORDS = {"disputed", "restive", "occupied", "strategic", "contested", "besieged", "embattled", "troubled",
                "remote", "mountainous", "coastal", "breakaway", "separatist", "key",
                "and", "or", "the", "of", "both", "province", "district", "region", "state", "city", "county",
                "governorate", "oblast", "town", "'s", "’s", "in", "near", "on", "island", "port", "village"}
