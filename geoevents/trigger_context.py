"""The checks a trigger candidate's sentence must pass (the ``requires`` of its rule, see
``triggers``): force nouns, armed groups, weapons and parties near the trigger, and the
exclusions that veto it. A ``SentenceContext`` works each of them out once per sentence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from . import cachedregex as regex
from .clauses import alternation, is_modifier, role_lexicon, role_words
from .cues import status_lexicon
from .gazetteer import Mention, SentenceNames
from .lazypattern import LazyPattern, matches_at
from .reach import match_at, skip_space
from .resources import read_text
from .wordstarts import padded_classes

if TYPE_CHECKING:
    from .triggers import Candidate, Exclusion, TriggerLexicon

FORCE_WINDOW = 6  # tokens between a trigger and its force noun
_COMPANY_FORCE_WINDOW = 12  # tokens before a trigger in which a force noun makes a name before it no company
_STAGING_REACH = 8  # words from a staging verb to its exercise ("take part in the first precision bombing drill")
# characters between "send" and the "to" of its recipient: a list of weapons may be long
# ("will send four air defence systems, Stinger missiles, 400 grenade launchers ... to Ukraine")
WEAPONS_LIST_WINDOW = 240
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
# "from" / "out of" after the trigger, or "of" right after a trigger ending in "out" ("pulls out of")
_FROM_PHRASE = regex.compile(r"\s+(?:\S+\s+){0,3}?(?:from|out\s+of|(?<=\bout\s+)of)\s+(?:the\s+)?", regex.IGNORECASE)
_AND_NEXT = regex.compile(r"(?:[\p{L}'’-]+\s+){1,3}?and\s+(?:the\s+)?", regex.IGNORECASE)
_FROM_PHRASE_NEXT = regex.compile(r"\s+(?:from|out\s+of)\s+(?:the\s+)?", regex.IGNORECASE)
_WITH = regex.compile(r"(?:\s+[\p{L}'’-]+){0,2}?\s+with\s", regex.IGNORECASE)
_PARTNER = regex.compile(r"(?:\s+[\p{L}'’-]+){0,2}?\s+(?:with|between|involving|by)\s", regex.IGNORECASE)
_TO_HOME = regex.compile(r"\s+(?:back\s+)?(?:in|to|into)\s+(?:the\s+)?", regex.IGNORECASE)
# capitalised words (joined by "and", "&") right before the trigger, perhaps past an auxiliary
_NAME_WORD = r"(?-i:\p{Lu})[\p{L}\p{N}'’&.-]*"
_NAME_SUBJECT = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’&.-])({_NAME_WORD}(?:\s+(?:and\s+|&\s+)?{_NAME_WORD})*)"
                              r"\s+(?:(?:has|have|had|will|is|are|was|were|also|then|finally)\s+)?$")
_THE = regex.compile(r"the\s+", regex.IGNORECASE)
# an aside set off by commas between a subject and its verb, opened by a relative pronoun or a
# participle (", who were deployed in 2019,", ", based in Gao since 2014,"), and at most three
# words (auxiliaries) before the trigger
_ASIDE_BEFORE = regex.compile(r",\s+(?:who|which|whose|(?:most|many|all|some) of whom|[\p{L}]+ed|based|sent)\b"
                              r"[^,;:()\[\]]{0,120},\s+(?:[\p{L}'’-]+\s+){0,3}$", regex.IGNORECASE)
_ASIDE_REACH = 180
_MILITARY_BEFORE_REACH = 300  # characters before a sentence in which a military word licenses "the exercises"
# a force named as the agent of an earlier passive ("was kidnapped by American forces and forced
# to leave", "taken to Rome by the dictator's troops"): a participle, at most three words, "by" and
# a few modifiers; such a force is not the subject ("a demand by the militants to leave" keeps it)
_AGENT_BEFORE = regex.compile(r"\b\p{L}+(?:ed|en)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,3}?by\s+(?!the\s+time\b)"
                              r"(?:[\p{L}\p{N}'’.-]+\s+){0,3}$", regex.IGNORECASE)
_RELATIVE_BEFORE = regex.compile(r",\s+who\s+(?:[\p{L}'’-]+\s+){0,3}$", regex.IGNORECASE)
_OF_AFTER = regex.compile(r"\s+of\b", regex.IGNORECASE)
_PARTY_JOINER = regex.compile(r"\s*(?:-|,|and|&)\s*|\s*,\s*and\s+", regex.IGNORECASE)
_PLACE_PHRASE = regex.compile(r"\s+(?:near|around|off|along|in|over|across|inside|at)\s+(?:the\s+)?", regex.IGNORECASE)
_WHICH_WAS = regex.compile(
    r",\s+which\s+(?:was|were|had\s+been|has\s+been)\s+(?:(?:later|then|finally|largely|quickly)\s+)?$",
    regex.IGNORECASE)
_BY_AFTER = regex.compile(r"\s+by\b", regex.IGNORECASE)
_WORD_AND_SPACE = regex.compile(r"([\p{L}'’-]+)\s+")
# "parts of (the)", "most of": a part of the place named after it
_PARTITIVE = regex.compile(r"((?:large\s+)?\p{L}+)\s+of\s+(?:the\s+)?", regex.IGNORECASE)
_CAPITALISED = regex.compile(r"(?-i:\p{Lu})\p{Ll}")
_OF_THE = regex.compile(r"\s+of\s+(?:the\s+)?", regex.IGNORECASE)
_UNTIL_PUNCTUATION = regex.compile(r"[^,;:.()\[\]]*")
_HELD_GROUND_REACH = 4  # words from "from" to the noun of the ground held ("the last three hilltops")
_OBJECT_END = regex.compile(r"\s(?:from|of|out of|to|in|at|on|with|for)\s", regex.IGNORECASE)
_TO_RECIPIENT = regex.compile(r"\s(?:to|for)\s+(?:the\s+)?", regex.IGNORECASE)
_SPACES = regex.compile(r"\s+")
# a pronoun object right after "send" ("send them to Kyiv"): what it stands for is named before
_OBJECT_PRONOUN = regex.compile(r"\s+(?:them|these|those)\b", regex.IGNORECASE)
# where the object of "send Ukraine ..." ends: a break, or a preposition that opens another phrase
_DOUBLE_OBJECT_END = regex.compile(r"[;:.()\[\]]|\s(?:to|into|for|from|with)\s", regex.IGNORECASE)
_DOUBLE_OBJECT_WINDOW = 80  # characters after the party searched for the weapons
_CLAUSE_BREAK = regex.compile(r"[;:()\[\]]|\s[–—-]\s|,\s+(?:while|but|as|after|which|who|and)\b"
                              r"|\s(?:after|before|while|because|although|until|amid|following|whereas)\s")


_AFTER_FORCE = regex.compile(r"(?:['’]s?)? ")  # "army chief", "the army's chief", "the soldiers' families"
_MODIFIER_BEFORE = regex.compile(r"(?<![\p{L}'’])(\p{L}+)[ -]$")
_PREVIOUS_WORD = regex.compile(r"([\p{L}][\p{L}'’.-]*)\s+$")
_NEXT_NAME_WORD = regex.compile(r"\s+(?:(?:of|for|and)\s+(?:the\s+)?)?(?-i:\p{Lu})\p{Ll}")


@cache
def _person_subject() -> regex.Pattern:
    """A personal pronoun, a few auxiliaries or adverbs after it, right before the trigger."""
    roles = role_lexicon()
    return regex.compile(r"\b(?:%s)\s+(?:(?:%s|\w+ly)\s+){0,3}$" % (alternation(roles["person_pronouns"]),
                         alternation(roles["person_subject_gap_words"])), regex.IGNORECASE)


@cache
def _anaphora() -> tuple[frozenset[str], frozenset[str], regex.Pattern]:
    """The types and rule checks a trigger referring back may have, and what comes right before
    it: a determiner, then at most two modifiers ("the five-day joint")."""
    roles = role_lexicon()
    pattern = regex.compile(r"(?<![\p{L}'’-])(?:%s)\s+(?:[\p{L}\p{N}-]+\s+){0,2}$"
                            % alternation(roles["anaphora_determiners"]), regex.IGNORECASE)
    return frozenset(roles["anaphora_types"]), frozenset(roles["anaphora_requirements"]), pattern


@cache
def _border_phrase() -> regex.Pattern:
    """A border phrase of place right after the trigger, past a few words ("will run from March 18
    to 22 near the Polish border"): no clause break before it."""
    borders = alternation(role_lexicon()["border_nouns"])
    return regex.compile(r"(?:\s+[\p{L}\p{N}'’-]+){0,8}?\s+(?:near|along|on|at|across)\s+(?:the\s+)?"
                         r"(?:[\p{L}'’-]+\s+){0,2}?(?:%s)\b" % borders, regex.IGNORECASE)


@cache
def _departures() -> tuple[frozenset[str], regex.Pattern, regex.Pattern]:
    """The rules that read a force leaving a place, the phrase between the trigger and a port's
    name ("the port city of"; its ``port`` group is set when a port noun is there), and the
    words that show ships are meant (``lexicon/departures.json``)."""
    data = json.loads(read_text("lexicon/departures.json"))
    port = regex.compile(r"\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:[\p{L}'’-]+\s+)??(?P<port>%s)\s+"
                         r"(?:(?:of|at|in)\s+)?)?" % alternation(data["port_phrases"]), regex.IGNORECASE)
    vessels = regex.compile(r"\b(?:%s)\b" % alternation(data["vessel_words"]), regex.IGNORECASE)
    return frozenset(data["leave_rules"]), port, vessels


@cache
def _bare_vessels() -> frozenset[str]:
    """Force nouns that name ships of any kind ("vessels"), not warships."""
    return frozenset(role_lexicon()["bare_vessel_nouns"])


@cache
def _single_party_words() -> frozenset[str]:
    """Exercise words that one party's adjective alone makes military ("Belarusian drills"; not
    "the American exercise craze")."""
    return frozenset(role_lexicon()["single_party_exercise_words"])


@cache
def _anaphora_by_words() -> frozenset[str]:
    """The types a trigger referring back may have with only a military word before it."""
    return frozenset(role_lexicon()["anaphora_types_by_military_words"])


def _anti_personnel(lowered: str, m: regex.Match) -> bool:
    """"anti-personnel mines" name no personnel (while "anti-missile batteries" are weapons)."""
    return m.group() == "personnel" and lowered.endswith(("anti-", "anti "), 0, m.start())


def _list_break(text: str, start: int, end: int) -> bool:
    """A clause break, but not the ", and" that closes a list of things sent ("Stinger missiles,
    400 grenade launchers, and ammunition to Ukraine")."""
    return any(not (m.group().startswith(",") and m.group().endswith("and"))
               for m in _CLAUSE_BREAK.finditer(text, start, end))


class SentenceContext:
    """What the checks need to know about one sentence, computed lazily."""

    def __init__(self, lexicon: TriggerLexicon, text: str, sentence: tuple[int, int],
                 mentions: Sequence[Mention], earlier_types: frozenset[str] = frozenset(),
                 document_lowered: str | None = None):
        self.lexicon = lexicon
        self.earlier_types = earlier_types  # the types of events accepted in earlier sentences
        self.document_lowered = document_lowered  # the whole text, lower-cased (for what comes before)
        self._by_reference: set[tuple[str, int]] = set()  # candidates accepted only as referring back
        self.text = text
        self.start, self.end = sentence
        self.lowered = text[self.start:self.end].lower()
        self._whole_lowered = document_lowered  # the whole text lower-cased, once (``_lowered_text``)
        self.mentions = mentions
        self._forces: list[tuple[int, int]] | None = None
        self._listed_starts: dict[int, list[int]] | None = None  # see ``_matches``
        self._listed: dict[int, list[regex.Match]] = {}
        self._excluded: dict[str, list[tuple[int, int]]] = {}
        self._possible: dict[str, dict[str, set[int] | None]] = {}  # event type -> possible_exclusions

    def accepts(self, candidate: Candidate) -> bool:
        # The checks only read the sentence, so their order changes only the cost: the cheap ones
        # first, then the requirement, which rejects three candidates in four, before the
        # exclusions, each of which is a costly pattern tried wherever its first word occurs.
        if (candidate.rule.verb and self.after_determiner(candidate)) or self.inside_a_name(candidate):
            return False
        if not self.satisfies(candidate) or self.excluded(candidate):
            return False
        if candidate.rule.id in _departures()[0] and self.leaves_home_port(candidate):
            return False
        if candidate.rule.type == "deployment" and self.police_only(candidate, self.lexicon.police):
            return False
        return not (candidate.rule.type == "withdrawal" and self.police_only(candidate, self.lexicon.police_proper))

    def inside_a_name(self, candidate: Candidate) -> bool:
        """"the Movement of Democratic Forces of Casamance", "the Rapid Deployment Force": a
        capitalised trigger between capitalised words names something (a title-case headline
        excepted). A named exercise is the event itself ("Exercise Talisman Saber", "the Malabar
        Joint Maritime Exercise")."""
        if (candidate.rule.type == "exercise" or not self.text[candidate.start:candidate.start + 1].isupper()
                or candidate.start == self.start):
            return False
        words = _WORD.findall(self.text, self.start, self.end)
        if sum(w[:1].isupper() for w in words) * 2 > len(words):
            return False  # "U.S. To Pull Troops From Poland"
        before = _PREVIOUS_WORD.search(self.text, self.start, candidate.start)
        after = _NEXT_NAME_WORD.match(self.text, candidate.end, self.end)
        return after is not None or (before is not None and before.group(1)[:1].isupper()
                                     and not before.group(1).isupper())

    def leaves_home_port(self, candidate: Candidate) -> bool:
        """"The French frigate leaves the port city of Toulon", "men of the French contingent left
        Toulon aboard a troop ship": ships leaving a port of their own state set out; they do not
        withdraw. Not "Syrian troops left Aleppo" (no port, no ship: a withdrawal)."""
        _, port, vessels = _departures()
        m = port.match(self.text, candidate.end, self.end)
        place = next((mention for mention in self.mentions if mention.start == m.end()), None) if m else None
        if place is None or (m.group("port") is None and vessels.search(self.text, self.start, self.end) is None):
            return False
        homes = {r.entity.code for mention in self.mentions
                 if mention.end <= candidate.start
                 and (n := self.tokens_between(mention.end, candidate.start)) is not None and n <= FORCE_WINDOW
                 for r in mention.readings if r.entity.kind == "state" and r.form in ("demonym", "name", "force")}
        reading = place.place_reading(homes) if homes else None  # a namesake in the forces' state wins
        return reading is not None and reading.entity.country in homes

    def forces(self) -> list[tuple[int, int]]:
        """Offsets of force nouns and armed actors ("troops", "the IDF", "Houthi") in the sentence
        (not the "personnel" of "anti-personnel mines")."""
        if self._forces is None:
            spans = [(m.start() + self.start, m.end() + self.start) for m in self._matches(self.lexicon.forces)
                     if not self._no_force_after(m.end()) and not self._no_force_before(m.start())
                     and not _anti_personnel(self.lowered, m)]
            for mention in self._armed_mentions():
                if any(r.form == "force" or r.entity.kind == "armed_group" for r in mention.readings):
                    spans.append((mention.start, mention.end))
            if self._matches(self.lexicon.armed_threat):  # police against an armed threat are a force
                spans += self._spans(self.lexicon.police)
            self._forces = sorted(spans)
        return self._forces

    def _no_force_after(self, end: int) -> bool:
        """"military hospital", "army chief", "forces thousands to flee", "the soldiers' families":
        no force meant."""
        gap = match_at(_AFTER_FORCE, self.lowered, end)
        m = match_at(_WORD, self.lowered, gap.end()) if gap else None
        return m is not None and m.group() in self.lexicon.not_forces

    def _no_force_before(self, start: int) -> bool:
        """"propane tanks", "market forces", "hurricane-force winds": no armed force meant."""
        m = _MODIFIER_BEFORE.search(self.lowered, max(0, start - 40), start)
        return m is not None and m.group(1) in self.lexicon.not_force_modifiers

    def tokens_between(self, a: int, b: int) -> int | None:
        """Number of words between two offsets, or None when a clause break separates them."""
        if a > b:
            a, b = b, a
        if _CLAUSE_BREAK.search(self.text, a, b):
            return None
        return len(_WORD.findall(self.text, a, b))

    def unmarked_vessels_subject(self, candidate: Candidate) -> bool:
        """"Dozens of vessels left the Red Sea", "ships carrying grain have left the port": the
        forces before the trigger are all ships or vessels with no party, no military word and
        no force noun right before them: merchant shipping, not a navy."""
        before_trigger = [(start, end) for start, end in self.forces() if end <= candidate.start]
        if not before_trigger:
            return False
        start, end = max(before_trigger, key=lambda span: span[1])  # the nearest: the subject
        if self.text[start:end].lower() not in _bare_vessels():
            return False
        window = self.text[max(self.start, start - 30):start].lower().rstrip()
        military = any(m.end() == len(window) for m in self.lexicon.military.finditer(window))
        return not (military or any(m.end <= start and start - m.end <= 2 and m.actor_reading() is not None
                                    for m in self.mentions))

    def force_right(self, candidate: Candidate) -> bool:
        return any(
            start >= candidate.start and (n := self.tokens_between(candidate.end, start)) is not None
            and n <= FORCE_WINDOW
            for start, _ in self.forces()
        )

    def force_left(self, candidate: Candidate, agents: bool = True) -> bool:
        """A force named a few words before the candidate; with ``agents`` False, not one that is
        the agent of an earlier passive ("was kidnapped by American forces and forced to leave")."""
        forces = self.forces() if agents else [
            (start, end) for start, end in self.forces()
            if not _AGENT_BEFORE.search(self.text, max(self.start, start - 80), start)]
        if any(end <= candidate.start and (n := self.tokens_between(end, candidate.start)) is not None
               and n <= FORCE_WINDOW for _, end in forces):
            return True
        # "The troops, who were deployed last year, will return home": the subject before an aside;
        # "the marines, who were sent to Juba": the antecedent of a relative pronoun
        floor = max(self.start, candidate.start - _ASIDE_REACH)
        aside = (_ASIDE_BEFORE.search(self.text, floor, candidate.start)
                 or _RELATIVE_BEFORE.search(self.text, floor, candidate.start))
        return aside is not None and any(
            end <= aside.start() and (n := self.tokens_between(end, aside.start())) is not None and n <= 1
            for _, end in forces)

    def _spans(self, pattern: regex.Pattern | LazyPattern) -> list[tuple[int, int]]:
        return [(m.start() + self.start, m.end() + self.start) for m in self._matches(pattern)]

    def _matches(self, pattern: regex.Pattern | LazyPattern) -> list[regex.Match]:
        """``pattern.finditer(self.lowered)``; for the lexicon's word lists (``context_lists``),
        whose matches start where one of their words starts a word, tried only there: one
        automaton pass over the sentence finds those places for every list at once."""
        index = self.lexicon.context_lists.get(pattern)
        if index is None:
            return list(pattern.finditer(self.lowered))
        found = self._listed.get(index)
        if found is None:
            if self._listed_starts is None:
                self._listed_starts = {}
                words = self.lexicon.context_words
                for start, lists in words.starts(words.hits(padded_classes(self.lowered))):
                    for i in lists:
                        self._listed_starts.setdefault(i, []).append(start)
            starts = self._listed_starts.get(index)
            found = self._listed[index] = list(matches_at(pattern, starts, self.lowered)) if starts else []
        return found

    def near(self, spans: Sequence[tuple[int, int]], candidate: Candidate, left: bool, right: bool,
             window: int = FORCE_WINDOW) -> bool:
        for start, end in spans:
            if right and start >= candidate.end:
                n = self.tokens_between(candidate.end, start)
            elif left and end <= candidate.start:
                n = self.tokens_between(end, candidate.start)
            else:
                continue
            if n is not None and n <= window:
                return True
        return False

    def state_forces(self) -> list[tuple[int, int]]:
        """Force nouns that are not an armed group's ("troops", not "militants"), and a state's
        forces named ("the IDF", "the Bundeswehr")."""
        spans = self._spans(self.lexicon.state_forces)
        spans += [(m.start, m.end) for m in self._armed_mentions()
                  if any(r.form == "force" and r.entity.kind == "state" for r in m.readings)]
        return spans

    def armed_groups(self) -> list[tuple[int, int]]:
        spans = self._spans(self.lexicon.armed_threat)
        spans += [(m.start, m.end) for m in self._armed_mentions()
                  if any(r.entity.kind == "armed_group" for r in m.readings)]
        return spans

    def _armed_mentions(self) -> Sequence[Mention]:
        """The mentions, or none when none can be read as a force or an armed group (then the
        gazetteer need not look them up)."""
        mentions = self.mentions
        if isinstance(mentions, SentenceNames) and not mentions.may_name_armed_forces():
            return ()
        return mentions

    def police_only(self, candidate: Candidate, police_words: regex.Pattern | LazyPattern) -> bool:
        """Police (not soldiers) sent somewhere or pulled back, with no armed threat named: not a
        military deployment or withdrawal ("riot police deployed", "UN police forced to retreat")."""
        police = self._spans(police_words)
        if not police or not self.near(police, candidate, True, True):
            return False
        soldiers = [f for f in self.forces() if not any(p[0] <= f[0] < p[1] for p in police)]
        if self.near(soldiers, candidate, True, True):
            return False
        return not self._matches(self.lexicon.armed_threat)

    def after_determiner(self, candidate: Candidate) -> bool:
        before = _WORD.findall(self.text, max(self.start, candidate.start - 30), candidate.start)
        return bool(before) and before[-1].lower() in self.lexicon.determiners

    def foreign_force_object(self, candidate: Candidate) -> bool:
        """Trainees named with a state: "train Ukrainian pilots", "training the Iraqi army"."""
        trainees = self._spans(self.lexicon.trainees)
        for start, _ in trainees:
            if start < candidate.end or (n := self.tokens_between(candidate.end, start)) is None or n > 4:
                continue
            if any(candidate.end <= m.start and m.end <= start + 1 and m.actor_reading() is not None
                   for m in self.mentions):
                return True
        return any(m.start >= candidate.end and (n := self.tokens_between(candidate.end, m.start)) is not None
                   and n <= 2 and any(r.form == "force" for r in m.readings) for m in self.mentions)

    def weapons_to_party(self, candidate: Candidate) -> bool:
        """"send 14 tanks to Ukraine", "sending weapons to the rebels": weapons handed to a party;
        also with the party first ("send Ukraine a military aid package", "sending Israel weapons")."""
        if self.near(self.forces(), candidate, True, False, window=3) or any(
                mention.end <= candidate.start and any(r.entity.kind == "igo" for r in mention.readings)
                for mention in self.mentions):
            return False  # "the US military is sending tanks", "NATO sends Patriots": its own forces
        if self._party_then_weapons(candidate):
            return True
        pronoun = _OBJECT_PRONOUN.match(self.text, candidate.end, self.end)
        if pronoun is not None:
            m = match_at(_TO_RECIPIENT, self.text, pronoun.end())
            if m is None or not self._only_weapons_before(candidate.start):
                return False
            return self._recipient_party(m.end())
        m = _TO_RECIPIENT.search(self.text, candidate.end, min(self.end, candidate.end + WEAPONS_LIST_WINDOW))
        if m is None or _list_break(self.text, candidate.end, m.start()) \
                or not self._only_weapons(self.text[candidate.end:m.start()].lower()):
            return False
        return self._recipient_party(m.end())

    def _only_weapons_before(self, position: int) -> bool:
        """"will send tanks, and allow others to send them to Kyiv": weapons and no forces are named
        before ``position`` in the sentence, so the pronoun stands for weapons."""
        lowered = self.lowered[:position - self.start]
        weapons = [w.span() for w in self.lexicon.weapons.finditer(lowered)]
        forces = [(a - self.start, b - self.start) for a, b in self.forces() if b <= position]
        # "battle tanks" are weapons here, not forces, as in _only_weapons
        forces = [f for f in forces if not any(a <= f[0] and f[1] <= b for a, b in weapons)]
        return bool(weapons) and not forces  # "soldiers and tanks ... send them": forces go too

    def _recipient_party(self, party: int) -> bool:
        """A state or armed group (or an armed threat) named at ``party``, after "to"."""
        if match_at(self.lexicon.armed_threat, self._lowered_text(), party):
            return True
        return any(mention.start == party and mention.actor_reading() is not None
                   and mention.text[:1].isupper() and not self.text.startswith("its", party)
                   for mention in self.mentions)

    def _only_weapons(self, lowered: str) -> bool:
        """Weapons named in ``lowered`` and no forces or platforms sent along, which make it a
        deployment ("warships"); a word inside a longer weapon's name does not ("personnel" in
        "armoured personnel carriers", "military equipment")."""
        weapons = [w.span() for w in self.lexicon.weapons.finditer(lowered)]
        personnel = [p.span() for p in self.lexicon.personnel.finditer(lowered)
                     if not _anti_personnel(lowered, p)
                     and not any(a <= p.start() and p.end() <= b and b - a > p.end() - p.start() for a, b in weapons)]
        if any(w not in personnel for w in weapons):
            # "drones and ammunition": unmanned platforms listed with weapons go as weapons
            unmanned = {u.span() for u in self.lexicon.unmanned.finditer(lowered)}
            personnel = [p for p in personnel if p not in unmanned]
        return bool(weapons) and not personnel

    def _party_then_weapons(self, candidate: Candidate) -> bool:
        """"send Ukraine a $125 million military aid package", "sending Israel weapons": a state
        or group named right after the verb receives the weapons named after it (a double
        object), up to the clause's first break."""
        space = _SPACES.match(self.text, candidate.end, self.end)
        party = next((mention for mention in self.mentions if space and mention.start == space.end()
                      and mention.actor_reading() is not None and mention.text[:1].isupper()), None)
        if party is None:
            return False
        end = _DOUBLE_OBJECT_END.search(self.text, party.end, min(self.end, party.end + _DOUBLE_OBJECT_WINDOW))
        return self._only_weapons(self.text[party.end:end.start() if end else
                                            min(self.end, party.end + _DOUBLE_OBJECT_WINDOW)].lower())

    def abandoned_place(self, candidate: Candidate) -> bool:
        """Forces nearby, and a place or position abandoned: "abandoned their positions",
        "abandoned Svatove", "the town was abandoned by rebel forces"."""
        if not (self.force_left(candidate) or self.force_right(candidate)):
            return self._place_abandoned_in_war(candidate)
        offset = candidate.end - self.start
        after = _WORD.findall(self.lowered, offset, min(len(self.lowered), offset + 60))
        if any(w in self.lexicon.positions for w in after[:6]):
            return True
        if after[:1] == ["by"] and self.force_right(candidate):
            return True  # "abandoned by rebel forces"
        if any(m.place_reading() is not None and candidate.end <= m.start
               and (self.tokens_between(candidate.end, m.start) or 0) <= 2 for m in self.mentions):
            return True
        before = _WORD.findall(self.lowered, max(0, candidate.start - self.start - 50), candidate.start - self.start)
        if not before or before[-1] not in ("was", "were", "be", "been", "is", "are", "being"):
            return False
        if self._plan_before(candidate):
            return False  # "a plan to pull troops out of Germany was abandoned": the plan was
        return any(w in self.lexicon.positions for w in before[-5:]) or any(
            m.place_reading() is not None and m.end <= candidate.start
            and len(_WORD.findall(self.text, m.end, candidate.start)) <= 4 for m in self.mentions)

    def _place_abandoned_in_war(self, candidate: Candidate) -> bool:
        """"... retreat to Mogadishu, which was abandoned on Thursday": a named place, then
        "which was abandoned" with no agent, in a sentence about armed forces (farther than
        FORCE_WINDOW from the trigger)."""
        m = _WHICH_WAS.search(self.text, max(self.start, candidate.start - 40), candidate.start)
        if m is None or _BY_AFTER.match(self.text, candidate.end, self.end) or not self.military_context():
            return False
        return any(mention.end == m.start() and mention.place_reading() is not None for mention in self.mentions)

    def _plan_before(self, candidate: Candidate) -> bool:
        """A plan noun and "to" in the 15 words before the trigger ("a plan to pull out ...")."""
        words = [w.lower() for w in _WORD.findall(self.lowered, max(0, candidate.start - self.start - 120),
                                                  candidate.start - self.start)][-15:]
        plan_nouns = status_lexicon().plan_nouns
        return any(w in plan_nouns and following == "to" for w, following in zip(words, words[1:], strict=False))

    def weapon_transfer(self, candidate: Candidate) -> bool:
        """"delivered 18 tanks to Ukraine", "supplying Moscow with missiles": weapons and a recipient."""
        if not self.near(self._spans(self.lexicon.weapons), candidate, False, True):
            return False
        m = _TO_RECIPIENT.search(self.text, candidate.end, min(self.end, candidate.end + 120))
        if m is not None and not _CLAUSE_BREAK.search(self.text, candidate.end, m.start()) and self._party_at(m.end()):
            return True
        first = match_at(_WORD, self.text, skip_space(self.text, candidate.end))
        return first is not None and self._party_at(first.start()) and bool(
            _WITH.match(self.text, first.end(), min(self.end, first.end() + 40)))

    def _lowered_text(self) -> str:
        """The whole text, lower-cased once, not once per question: it may be a long document."""
        if self._whole_lowered is None:
            self._whole_lowered = self.text.lower()
        return self._whole_lowered

    def _party_at(self, position: int) -> bool:
        """A state, alliance or armed group named at ``position`` ("Ukraine", "the rebels")."""
        if match_at(self.lexicon.armed_threat, self._lowered_text(), position):
            return True
        return any(mention.start == position and mention.actor_reading() is not None for mention in self.mentions)

    def party_before(self, candidate: Candidate) -> bool:
        """A state, alliance, armed group or force named before the trigger in its clause ("India wants to buy")."""
        return self.near(self.forces(), candidate, True, False, window=8) or self._actor_named_before(candidate)

    def _actor_named_before(self, candidate: Candidate, window: int = 8) -> bool:
        """A state, alliance or armed group named at most ``window`` words before the trigger, with
        no clause break between."""
        return any(mention.end <= candidate.start and mention.actor_reading() is not None
                   and ((n := self.tokens_between(mention.end, candidate.start)) is not None and n <= window
                        or self._headline_subject(mention))
                   for mention in self.mentions)

    def _headline_subject(self, mention: Mention) -> bool:
        """"Russia: No plans to hold drills near Finland": the party opening a headline before a colon."""
        return (self.text[self.start:mention.start].strip(" \"'“‘") == ""
                and self.text.startswith(":", mention.end))

    def staged_by_party(self, candidate: Candidate) -> bool:
        """A party stages the exercise: "China holds drills", "Iran began large-scale exercises" (a
        staging verb at most eight words before the trigger, a state or alliance before it: "Seoul and Washington
        launch their largest-ever annual joint aerial drill")."""
        return self._staging_verb_before(candidate) and self._actor_named_before(candidate)

    def _staging_verb_before(self, candidate: Candidate) -> bool:
        """A staging verb ("hold", "kick off") at most ``_STAGING_REACH`` words before the trigger."""
        words = [w.lower() for w in _WORD.findall(self.text, max(self.start, candidate.start - 100), candidate.start)]
        words = words[-_STAGING_REACH:]
        staging = self.lexicon.staging_verbs
        return any(word in staging or " ".join(words[i:i + 2]) in staging for i, word in enumerate(words))

    def partner_after(self, candidate: Candidate) -> bool:
        """A state, alliance or armed group right after "with", "between", "involving" or "by": "drills
        with Belarus", "with the United States", "the exercise between India and China", "condemned
        drills by Seoul"."""
        m = _PARTNER.match(self.text, candidate.end, self.end)
        if m is None or _OF_AFTER.match(self.text, candidate.end, self.end):  # "the exercise of power by"
            return False
        partner = skip_space(self.text, m.end())
        if the := _THE.match(self.text, partner, self.end):  # "drills with the United States"
            partner = the.end()
        by_agent = m.group().rstrip().lower().endswith("by")
        return any(mention.start == partner and mention.actor_reading() is not None
                   and not (by_agent and _OF_AFTER.match(self.text, mention.end, self.end))  # "by X of its veto"
                   for mention in self.mentions)

    def owned_by_party(self, candidate: Candidate) -> bool:
        """"Russia's drills", "China's annual naval exercises": a party's possessive before the trigger."""
        return any(mention.end <= candidate.start and self.text.startswith(("'s", "’s"), mention.end)
                   and mention.actor_reading() is not None
                   and all(w.lower() in self.lexicon.exercise_modifiers
                           for w in _WORD.findall(self.text, mention.end + 2, candidate.start))
                   for mention in self.mentions)

    def party_adjective_before(self, candidate: Candidate) -> bool:
        """"Russian and Belarusian joint drills", "a Chinese-Russian naval exercise", "CSTO drills":
        parties' adjectives or an alliance's name right before the trigger, with only exercise
        modifiers between (not "the British exercise of power")."""
        if _OF_AFTER.match(self.text, candidate.end, self.end):
            return False
        demonyms = [m for m in self.mentions if m.end <= candidate.start and m.actor_reading() is not None
                    and any(r.form == "demonym" or r.entity.kind == "igo" for r in m.readings)]
        if not demonyms:
            return False
        last = max(demonyms, key=lambda m: m.end)
        between = _WORD.findall(self.text, last.end, candidate.start)
        if not all(w.lower() in self.lexicon.exercise_modifiers for w in between):
            return False
        # one party's bare adjective is too weak ("the American exercise craze"): a modifier
        # ("joint", "naval"), a second party ("Russian and Belarusian", "US-Korean") or the place
        # of the exercise ("Chinese drills around Taiwan") must be there too
        parties = [m for m in self.mentions if m.end <= last.start and m.actor_reading() is not None]
        return (bool(between) or any(_PARTY_JOINER.fullmatch(self.text, m.end, last.start) for m in parties)
                or self._place_phrase_after(candidate)
                or self.text[candidate.start:candidate.end].lower() in _single_party_words())

    def drills_at_a_border(self, candidate: Candidate) -> bool:
        """"The drills will run from March 18 to 22 near the Polish border": drills or manoeuvres
        (single_party_exercise_words) held at a border, a few words on."""
        if self.text[candidate.start:candidate.end].lower() not in _single_party_words():
            return False
        return _border_phrase().match(self.text, candidate.end, min(self.end, candidate.end + 80)) is not None

    def _place_phrase_after(self, candidate: Candidate) -> bool:
        """A place named in a phrase of place right after the trigger ("drills near the border
        of Estonia", "exercises off Crete", "drills around Taiwan")."""
        m = _PLACE_PHRASE.match(self.text, candidate.end, self.end)
        return m is not None and self._place_at(m.end())

    def named_exercise(self, candidate: Candidate) -> bool:
        """"will hold its Steadfast Defender exercise", "the Cobra Gold drills off Thailand": a
        recurring military exercise named right before the trigger (a year may follow the name),
        staged by a verb before it or with a party or place named in the sentence (not "they
        finish parts of the Key Resolve exercises": no actor, place or date to annotate)."""
        if not self.lexicon.exercise_names.search(self.lowered, max(0, candidate.start - self.start - 60),
                                                  candidate.start - self.start):
            return False
        return self._staging_verb_before(candidate) or any(
            m.actor_reading() is not None or m.place_reading() is not None for m in self.mentions)

    def own_country_after(self, candidate: Candidate) -> bool:
        """"Polish soldiers arrive in Poland", "Dutch troops returned to the Netherlands": forces
        coming to their own state (named as the state, not a town of it: troops sent to a region
        of their own country are deployed there) go home."""
        m = _TO_HOME.match(self.text, candidate.end, self.end)
        if m is None:
            return False
        home = {r.entity.code for mention in self.mentions if mention.start == m.end()
                for r in mention.readings if r.entity.kind == "state" and r.form == "name"}
        return bool(home) and any(
            mention.end <= candidate.start and (n := self.tokens_between(mention.end, candidate.start)) is not None
            and n <= FORCE_WINDOW and any(r.entity.code in home and r.form in ("demonym", "name", "force")
                                          for r in mention.readings)
            for mention in self.mentions)

    def named_in_aside(self, candidate: Candidate) -> bool:
        """"The drills, dubbed Iron Shield, simulated ...", "the exercise (codenamed Northern
        Wind)", "drills code-named Vostok": an exercise given a proper name right after it is a staged one."""
        aside = self.lexicon.exercise_aside.match(self.text, candidate.end, self.end)
        if aside is None:
            return False
        if "code" in aside.group().lower():
            return True  # a code name is a military one
        # else with a party or place named, as for a recurring name ("pupils practised drills
        # called Duck and Cover at the school" names none)
        return any(m.actor_reading() is not None or m.place_reading() is not None for m in self.mentions)

    def actor_before(self, candidate: Candidate) -> bool:
        return any(m.end <= candidate.start and (n := self.tokens_between(m.end, candidate.start)) is not None
                   and n <= 2 and m.actor_reading() is not None for m in self.mentions)

    def military_context(self) -> bool:
        if self._matches(self.lexicon.military):
            return True
        return bool(self.forces())

    def from_place(self, candidate: Candidate) -> bool:
        """"(the Philippines agreed to) withdraw from Iraq": a place withdrawn from, and a state or
        armed group before the trigger (not "Mercedes-Benz withdraws from Russia") or named in
        the "of" phrase of a noun trigger ("the withdrawal of Israel from Gaza")."""
        party_end = self._party_of(candidate)
        if party_end is not None:
            m = _FROM_PHRASE_NEXT.match(self.text, party_end, self.end)
            if m and (self._place_at(self._past_partitive(m.end())) or self._held_ground_at(m.end())):
                return True
        m = _FROM_PHRASE.match(self.text, candidate.end, min(self.end, candidate.end + 60))
        if not m or not (self._place_at(self._past_partitive(m.end())) or self._held_ground_at(m.end())
                         or self._place_coordinated(m.end())):
            return False
        return any(mention.end <= candidate.start and mention.actor_reading() is not None
                   for mention in self.mentions)

    def _place_coordinated(self, position: int) -> bool:
        """A place named second in the phrase at ``position``: "(withdrew from) the crossing and
        the entire Gaza Strip"."""
        m = _AND_NEXT.match(self.text, position, self.end)
        return m is not None and self._place_at(self._past_partitive(m.end()))

    def _party_of(self, candidate: Candidate) -> int | None:
        """Where the state or armed group named in the "of" phrase right after a trigger ends
        ("the withdrawal of (the) Israel"), if one is named there."""
        of = _OF_THE.match(self.text, candidate.end, self.end)
        if of is None:
            return None
        return next((mention.end for mention in self.mentions
                     if mention.start == of.end() and mention.actor_reading() is not None), None)

    def unknown_name_subject(self, candidate: Candidate) -> bool:
        """"Mercedes-Benz withdraws from Russia", "Ikea and H&M pulled out": a name the gazetteer
        does not know as a party, right before the trigger and with no force near it, is most
        likely a company (a military word elsewhere in the sentence does not make it a force).
        An upper-case acronym is left alone: it may be a mission or a group ("SAMIDRC withdrew")."""
        m = _NAME_SUBJECT.search(self.text, max(self.start, candidate.start - 80), candidate.start)
        if m is None or self.force_left(candidate) or self.force_right(candidate):
            return False
        words = [w for w in _WORD.findall(m.group(1)) if w.lower() not in ("and", "&")]
        while words and words[0].lower() in self.lexicon.determiners:
            words = words[1:]  # "The withdrawal comes ...": no name
        if all(word.isupper() for word in words) or any(w.lower() in self.lexicon.group_name_words for w in words):
            return False
        if self.near(self.forces(), candidate, True, False, window=_COMPANY_FORCE_WINDOW):
            return False  # "Fighters of the May 12 Youth Front are pulling out"
        before = _PREVIOUS_WORD.search(self.text, max(self.start, m.start(1) - 30), m.start(1))
        if before is not None and before.group(1).lower() in role_words("company_subject_breakers"):
            return False  # "the battalions that arrived in Estonia in March have withdrawn": no subject
        return not any(mention.start < m.end(1) and m.start(1) < mention.end and mention.actor_reading() is not None
                       for mention in self.mentions)

    def _past_partitive(self, position: int) -> int:
        """Past "parts of (the)" at ``position`` ("pulled out of parts of the region"), if there."""
        m = _PARTITIVE.match(self.text, position, self.end)
        return m.end() if m and m.group(1).lower() in self.lexicon.partitives else position

    def _held_ground_at(self, position: int) -> bool:
        """Ground forces hold named at ``position``, past determiners, numbers and modifiers:
        "(withdraw from) three strategic hilltops", "the last villages"; not "several areas of the
        accord" (an "of" after it must name a place, perhaps one the gazetteer lacks: "the villages
        of Vorona and Lesne")."""
        end = _UNTIL_PUNCTUATION.match(self.text, position, self.end).end()
        words = list(_WORD.finditer(self.text, position, end))[:_HELD_GROUND_REACH + 1]
        for i, m in enumerate(words[:_HELD_GROUND_REACH]):
            two = words[i:i + 2]  # one word only at the end of the reach ("from Ukrainian territory.")
            word, pair = m.group().lower(), " ".join(w.group() for w in two).lower()
            if word in self.lexicon.held_ground or pair in self.lexicon.held_ground:
                noun_end = two[-1].end() if pair in self.lexicon.held_ground else m.end()
                of = _OF_THE.match(self.text, noun_end, self.end)
                return of is None or self._place_at(of.end()) or match_at(_CAPITALISED, self.text, of.end()) is not None
            if not (word in self.lexicon.determiners or word in role_words("held_ground_counters") or word.isdigit()
                    or is_modifier(word)):
                return False
        return False

    def _place_at(self, position: int, modifiers: int = 2) -> bool:
        """A place named at ``position``, or after up to ``modifiers`` words that may stand before
        a name ("from southern Lebanon", "out of the restive north-eastern Tigray")."""
        for _ in range(modifiers + 1):
            if any(mention.start == position and mention.place_reading() is not None for mention in self.mentions):
                return True
            word = _WORD_AND_SPACE.match(self.text, position, self.end)
            if word is None or not is_modifier(word.group(1).lower()):
                return False
            position = word.end()
        return False

    def excluded(self, candidate: Candidate) -> bool:
        event_type = candidate.rule.type
        possible = self._possible.get(event_type)
        if possible is None:
            possible = self._possible[event_type] = self.lexicon.possible_exclusions(event_type, self.lowered)
        if not possible:
            return False
        for exclusion in self.lexicon.exclusions_of(event_type):
            if exclusion.id not in possible:
                continue  # none of its prefixes is in the sentence: it cannot match
            for a, b in self._exclusion_spans(exclusion, possible[exclusion.id]):
                if a < candidate.end and candidate.start < b:
                    return not (exclusion.overridden_by_force and self.force_object(candidate))
        return False

    def _exclusion_spans(self, exclusion: Exclusion, starts: set[int] | None) -> list[tuple[int, int]]:
        """The exclusion's matches in the sentence, tried only at ``starts`` when known."""
        spans = self._excluded.get(exclusion.id)
        if spans is None:
            if starts is None:  # (searched everywhere: unless the strings of every match are missing)
                may_match = self.lexicon.exclusion_may_match(exclusion, self.lowered)
                spans = self._spans(exclusion.pattern) if may_match else []
            else:
                spans = [(m.start() + self.start, m.end() + self.start)
                         for m in matches_at(exclusion.pattern, starts, self.lowered)]
            self._excluded[exclusion.id] = spans
        return spans

    def person_subject(self, candidate: Candidate) -> bool:
        """"did not say when he would leave", "when he arrived": a person, not the force named
        before, is the subject."""
        return bool(_person_subject().search(self.text, max(self.start, candidate.start - 60), candidate.start))

    def force_object(self, candidate: Candidate) -> bool:
        """A force noun as the direct object, before any "from"/"of": "withdrew its troops from the
        venue of the talks" (not "withdrew from a missile pact")."""
        m = _OBJECT_END.search(self.text, candidate.end, self.end)
        end = m.start() if m else self.end
        return any(candidate.end <= start < end for start, _ in self.forces()) and self.force_right(candidate)

    def satisfies(self, candidate: Candidate) -> bool:
        if self._satisfies(candidate):
            return True
        if ((self.earlier_types or self.document_lowered is not None) and self.refers_back(candidate)) \
                or self.military_kind_before(candidate):
            # weakly licensed: kept only with an actor, place or date of its own (pipeline)
            self._by_reference.add((candidate.rule.id, candidate.start))
            return True
        return False

    def military_kind_before(self, candidate: Candidate) -> bool:
        """"The joint exercise is scheduled for next month", "amphibious drills": an exercise noun
        after a modifier that only a military exercise takes (military_exercise_phrases), not
        "the joint exercise of rights"."""
        if candidate.rule.type != "exercise" or _OF_AFTER.match(self.text, candidate.end, self.end):
            return False
        m = _MODIFIER_BEFORE.search(self.text, max(self.start, candidate.start - 30), candidate.start)
        phrase = f"{m.group(1)} {self.text[candidate.start:candidate.end]}".lower() if m else ""
        return phrase in self.lexicon.military_exercise_phrases

    def accepted_only_as_reference(self, candidate: Candidate) -> bool:
        """Whether the candidate passed its check only weakly: by referring back (``refers_back``)
        or by its modifier alone (``military_kind_before``); it then needs an actor, place or date."""
        return (candidate.rule.id, candidate.start) in self._by_reference

    def refers_back(self, candidate: Candidate) -> bool:
        """"China began drills around Taiwan. Beijing said the exercises, which began on Saturday,
        would last three days": a definite noun trigger of a type an earlier sentence of the
        document held, whose rule would accept it in a military context (roles.json, anaphora)."""
        rule = candidate.rule
        types, requirements, pattern = _anaphora()
        if rule.type not in types or rule.requires not in requirements:
            return False
        if pattern.search(self.text, max(self.start, candidate.start - 40), candidate.start) is None \
                or _OF_AFTER.match(self.text, candidate.end, self.end):
            return False
        return rule.type in self.earlier_types or (rule.type in _anaphora_by_words() and self._military_before())

    def _military_before(self) -> bool:
        """A military word shortly before this sentence ("Chinese warships circled the island.
        Beijing said the exercises ..."): within _MILITARY_BEFORE_REACH characters."""
        lowered = self.document_lowered
        return lowered is not None and self.lexicon.military.search(
            lowered, max(0, self.start - _MILITARY_BEFORE_REACH), self.start) is not None

    def _satisfies(self, candidate: Candidate) -> bool:
        requires = candidate.rule.requires
        if requires == "none":
            return True
        if requires == "military":
            return self.military_context()
        if requires == "force":
            return self.force_right(candidate) or self.force_left(candidate)
        if requires == "force_object":
            return self.force_right(candidate)
        if requires == "force_subject":
            return (self.force_left(candidate, agents=False) and not self.person_subject(candidate)
                    and not self.unmarked_vessels_subject(candidate))
        if requires == "force_near":
            return self.force_left(candidate) or self.force_right(candidate)
        if requires == "military_or_party":
            return (self.military_context() or self.staged_by_party(candidate) or self.partner_after(candidate)
                    or self.owned_by_party(candidate) or self.party_adjective_before(candidate)
                    or self.named_exercise(candidate) or self.named_in_aside(candidate)
                    or self.drills_at_a_border(candidate))
        if requires == "military_or_place":
            return (self.military_context() and not self.unknown_name_subject(candidate)) or self.from_place(candidate)
        if requires == "armed_group":
            return self.near(self.armed_groups(), candidate, True, True)
        if requires == "armed_group_subject":
            return self.near(self.armed_groups(), candidate, True, False)
        if requires == "weapon_object":
            return self.near(self._spans(self.lexicon.weapons), candidate, False, True)
        if requires == "weapon_near":
            return self.near(self._spans(self.lexicon.weapons), candidate, True, True)
        if requires == "foreign_force_object":
            return self.foreign_force_object(candidate)
        if requires == "actor_before":
            return self.actor_before(candidate)
        if requires == "weapons_to_party":
            return self.weapons_to_party(candidate)
        if requires == "own_country":
            return self.force_left(candidate) and self.own_country_after(candidate)
        if requires == "abandoned_place":
            return self.abandoned_place(candidate)
        if requires == "state_force_near":
            return self.near(self._spans(self.lexicon.state_forces), candidate, True, True)
        if requires == "state_force_subject":  # and no armed group there: "rebel forces moved in" is a movement
            return (self.near(self.state_forces(), candidate, True, False)
                    and not self.near(self.armed_groups(), candidate, True, False))
        if requires == "weapon_transfer":
            return self.weapon_transfer(candidate)
        if requires == "weapon_buyer":
            return (self.near(self._spans(self.lexicon.weapons), candidate, False, True)
                    and self.party_before(candidate))
        raise AssertionError(requires)
