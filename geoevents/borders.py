"""Border areas: the phrase that names a border, and the side of it that is meant.

"Tajikistan's Afghan border", "the Tajik-Afghan border", "its border with Colombia", "the
border": a border is named as written; its country is the side meant (GUIDELINE: for a border,
the country whose side is meant): the owner a possessive names, else the acting state when it is
one of the countries named or borders the one named ("Russia masses troops at the Ukrainian
border" -> Russia), else the first country named ("Poland sends advisers to the Finland-Russia
border" -> Finland; "US troops at the Polish border" -> Poland).
A border "with" a country is never that country's side: the acting state's, or none known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import cachedregex as regex
from .clauses import border_nouns, past_possessive, role_lexicon, skip_words
from .gazetteer import Mention
from .quickstarts import Words
from .reach import match_at
from .resources import read_text


@dataclass(frozen=True, slots=True)
class BorderPhrase:
    start: int  # where the phrase begins
    end: int
    owner: str | None  # the state a possessive names ("Tajikistan's Afghan border")
    named: tuple[str, ...]  # the countries named in the phrase, in order
    across: bool = False  # "(the country's) border with Turkey": the countries named are the other side

    def name(self, text: str) -> str:
        return _DETERMINER.sub("", text[self.start:self.end])


def border_phrase(text: str, clause: tuple[int, int], mention: Mention, mentions: Sequence[Mention]
                  ) -> BorderPhrase | None:
    """The border phrase ``mention`` belongs to, if any."""
    after_raw = text[mention.end:mention.end + 60]
    after = past_possessive(after_raw)
    gap = len(after_raw) - len(after)
    floor = max(clause[0], mention.start - 40)
    before = text[floor:mention.start]
    # (most names have no border noun before them: the pattern, tried at every character, is spared)
    with_before = _BORDER_WITH.search(before) if _BORDER_WITH_NOUNS.occur_in(text, floor, mention.start) else None
    if with_before:  # "its borders with Germany and Slovenia"
        start = mention.start - len(before) + with_before.start()
        end = mention.end
        for other in mentions:
            if other.start > end and _LISTED.fullmatch(text, end, other.start) and (
                    _AND_OR.search(text, end, other.start) or match_at(_LISTED, text, other.end)):
                end = other.end  # not ", US" in "the border with Ukraine, US officials said"
        return BorderPhrase(start, end, None, _countries(mentions, start, end), across=True)
    noun = border_nouns().match(after)
    skipped = skip_words(after, 1)
    if noun is None and not _links_clauses(after[:len(after) - len(skipped)]) \
            and (noun := border_nouns().match(skipped)) is not None:
        noun_end = len(after) - len(skipped) + noun.end()
    elif noun is not None:
        noun_end = noun.end()
    else:
        return None
    end = mention.end + gap + noun_end
    if match_at(_modified_border(), text, end):
        return None  # "the Georgian border town of Perevi": the town is the place, named after
    owner = _country(mention) if text[mention.end:mention.end + 2] in ("'s", "’s") else None
    start = next((m.start for m in mentions if m.end == mention.start - 1 and text[m.end] in _JOINERS
                  and m.start >= clause[0]), mention.start)  # "the Mexico-United States border": from Mexico on
    return BorderPhrase(start, end, owner, _countries(mentions, start, end))


_JOINERS = "-–/"


@cache
def _modified_border() -> regex.Pattern:
    """A noun after "border" that makes it a modifier of a place named after it (roles.json
    border_modified_nouns: "border town of", "border crossing of")."""
    return regex.compile(r"\s+(?:%s)\b" % "|".join(regex.escape(w) for w in sorted(
        role_lexicon()["border_modified_nouns"], key=lambda w: (-len(w), w))), regex.IGNORECASE)


def _links_clauses(word: str) -> bool:
    """A word between a name and "border" that opens another phrase ("in Djibouti following border
    clashes", "to Ladakh amid border tensions"): the name is no side of that border."""
    return word.strip().lower() in _clause_links()


@cache
def _clause_links() -> frozenset[str]:
    openers = role_lexicon()["clause_openers"]["after_comma"]
    return frozenset(w for w in openers if " " not in w) | frozenset(role_lexicon()["non_actor_prepositions"])


def side(phrase: BorderPhrase, agents: Sequence[str]) -> str | None:
    """The country whose side of the border is meant."""
    if phrase.owner:
        return phrase.owner
    agent = agents[0] if agents else None
    if phrase.across:  # the acting state's side ("Syria reinforced the border with the Golan Heights" too)
        return agent
    # a neighbour's side only for a border named by one country ("at the Ukrainian border"): a
    # border between two others ("the Finland-Russia border") has no side of the acting state's
    if agent and (not phrase.named or agent in phrase.named
                  or (len(phrase.named) == 1 and _adjacent(agent, phrase.named[0]))):
        return agent
    return phrase.named[0] if phrase.named else None


def _adjacent(a: str, b: str) -> bool:
    """Do the two states share a border? (either side's list may lack the other: PSE lists ISR, not back)"""
    table = neighbours()
    return a in table.get(b, ()) or b in table.get(a, ())


@cache
def neighbours() -> dict[str, frozenset[str]]:
    """State -> the states it borders (from countryinfo, built into the gazetteer)."""
    table = {}
    for line in read_text("gazetteer/neighbours.tsv").splitlines():
        code, _, others = line.partition("\t")
        table[code] = frozenset(others.split())
    return table


def _country(mention: Mention) -> str | None:
    for reading in mention.readings:
        if reading.entity.kind == "state":
            return reading.entity.code
        if reading.entity.kind == "place" and reading.entity.country:
            return reading.entity.country
    return None


def _countries(mentions: Sequence[Mention], start: int, end: int) -> tuple[str, ...]:
    found: list[str] = []
    for mention in mentions:
        if start <= mention.start and mention.end <= end and (code := _country(mention)) and code not in found:
            found.append(code)
    return tuple(found)


_DETERMINER = regex.compile(r"^(?:the|its|their|his|her)\s+", regex.IGNORECASE)
_LISTED = regex.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")
_AND_OR = regex.compile(r"\b(?:and|or)\b")
# the nouns every match of _BORDER_WITH holds, as Words compares them
_BORDER_WITH_NOUNS = Words(("border", "frontier", "boundar"))
_BORDER_WITH = regex.compile(
    r"(?:\b(?:its|their|his|her)\s+)?(?:(?:common|shared|mutual|long|porous)\s+)?"
    r"(?:borders?|frontiers?|boundary|boundaries)(?:\s+(?:areas?|regions?|zones?))?\s+with\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
