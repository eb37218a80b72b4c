"""Trigger finding: one fast pass over the whole text, then careful checks around each hit
(the checks themselves are in ``trigger_context``).

Trigger rules and exclusions are data (``data/triggers/*.jsonl``); each rule names the check
its context must pass (``requires``):

- ``none``: the phrase is unambiguous ("war games", "troop withdrawal");
- ``military``: a military word or armed actor is in the sentence ("drills", "deployed");
- ``force``: a force noun is the object or subject nearby ("sent 300 troops", "troops were sent");
- ``force_object`` / ``force_subject`` / ``force_near``: the same, on one side or either
  (a subject "he" or "she" right before the trigger is no force: "when he arrived"; for
  ``force_subject`` nor is the agent of an earlier passive: "was seized by foreign troops and
  forced to leave");
- ``military_or_party``: ``military``, or a state, alliance or armed group named as the agent
  before the trigger or as the partner after "with" or "by" ("China holds drills near Taiwan",
  "condemned drills by Seoul"), parties' adjectives right before it with a modifier or a
  second party ("Russian and Belarusian drills", "a Chinese joint exercise"), or a recurring
  military exercise named before it ("will hold its Steadfast Defender exercise") or a name given
  in an aside after it ("the drills, dubbed Iron Shield, ...");
- ``military_or_place``: ``military``, or the trigger is followed by "from <place>" and a
  state or armed group is named before it ("the Philippines agreed to withdraw from Iraq"); a
  military word elsewhere does not do when a name unknown as a party is the subject and no force
  is near ("Mercedes-Benz withdraws from Russia after the invasion": a company);
- ``armed_group`` / ``armed_group_subject``: a non-state armed force nearby, or before the
  trigger ("militants infiltrated", "the advance of the Taliban");
- ``weapon_object`` / ``weapon_near``: a weapon noun after the trigger, or on either side
  ("delivered 40 tanks to", "arms were shipped");
- ``foreign_force_object``: forces or trainees after the trigger, named with a state or
  demonym ("train Ukrainian pilots", "training the Iraqi army");
- ``actor_before``: a state, alliance or armed group named right before ("NATO training mission");
- ``abandoned_place``: forces nearby and a place or position abandoned: named after the trigger
  ("abandoned their positions", "abandoned Svatove") or before a passive ("the town was
  abandoned by rebel forces");
- ``state_force_near``: a force noun that is not an armed group's ("troops", not "militants");
- ``state_force_subject``: the same, before the trigger, and no armed group there ("Lebanese
  troops moved into the town"; "rebel forces moved into the valley" is left to the movement rules);
- ``own_country``: a force before the trigger and its own state named right after "in" or "to"
  ("Polish soldiers arrive in Poland": they come home);
- ``weapon_transfer``: a weapon noun after the trigger and a recipient: "to <party>" or
  "<party> with" ("delivered tanks to Ukraine", "supplying Moscow with missiles");
- ``weapon_buyer``: a weapon noun after the trigger and a party before it ("India wants to buy");
- ``weapons_to_party``: weapons and no troops between the trigger and "to", and a state or armed
  group after it ("will send 14 tanks to Ukraine": an arms transfer, not a deployment); or a
  pronoun object standing for weapons, the sentence naming weapons and no forces before it
  ("will let other owners of the guns send them to Kyiv").

An exclusion that overlaps a trigger vetoes it ("fire drill", "withdraw from the race"),
unless a force noun is the trigger's direct object ("withdrew its troops from the talks' venue").
A rule marked ``alternate`` is not scanned for: it is only tried where another rule's scan
found its words ("US withdrawal" where the withdrawal rule fails). A rule marked ``verb`` is not
a noun: a determiner before it vetoes it ("the police positions").
Police sent somewhere are a deployment only against an armed threat (GUIDELINE.md): a
deployment whose only forces nearby are police ("riot police deployed") needs an armed-threat
word in the sentence.

Several rules may match at one place ("moved" is a deployment with a force object, a movement
with an armed group as subject); ``resolve`` tries them, longest first, until one is accepted.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick

from . import cachedregex as regex
from .gazetteer import Mention, load_gazetteer
from .lazypattern import LazyPattern, PrefixedPattern, StandardPattern, longest_first, phrase_pattern, plain_ascii
from .prefixes import match_prefixes, required_strings
from .quickstarts import Holds
from .reach import match_at
from .resources import read_jsonl, read_lines, read_text
from .trigger_context import SentenceContext
from .wordstarts import WordStarts, character_classes, padded_classes

TRIGGER_FILES = ("exercise", "deployment", "withdrawal", "training", "alert", "base", "arms_transfer", "movement")
REQUIREMENTS = ("none", "military", "force", "force_object", "force_subject", "force_near", "military_or_place",
                "armed_group", "armed_group_subject", "weapon_object", "weapon_near", "foreign_force_object",
                "actor_before", "weapons_to_party", "weapon_transfer", "weapon_buyer", "state_force_near",
                "abandoned_place", "military_or_party", "state_force_subject", "own_country")
_ANCHOR_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
# An anchor word counts where it stands between these (or at an end of the text): ASCII white
# space and punctuation, and the wide quotes and dashes of news text.
_WORD_SEPARATORS = frozenset(" \t\n\r\x0b\x0c" "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" "’‘“”–—…«»")
# Characters that ``\b`` counts as part of a word in any reading: a rule's match (which starts
# at ``\b``) cannot start at a word character that follows one of them ("mov" in "removed").
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: str
    pattern: str
    requires: str
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    verb: bool = False  # a verb only: not after a determiner ("the police positions")
    alternate: bool = False  # not scanned: only tried where another rule's scan found the same words
    priority: int = 0  # among rules matching the same words, a higher priority is tried first


@dataclass(frozen=True, slots=True)
class Exclusion:
    id: str
    types: tuple[str, ...]
    pattern: regex.Pattern | LazyPattern
    overridden_by_force: bool = True  # a force noun as direct object lifts the veto
    counterexamples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger phrase found by the scan, not yet checked against its context."""

    rule: TriggerRule
    start: int
    end: int


def _word_pattern(words: Sequence[str]) -> LazyPattern:
    """The words, at word boundaries, in lower-cased text (tried only where one of them occurs)."""
    ordered = longest_first(w.lower() for w in words)
    return phrase_pattern(r"\b(?:%s)\b" % "|".join(regex.escape(w) for w in ordered), 0, ordered)


class TriggerLexicon:
    """Compiled trigger rules and context word lists, built once per process."""

    def __init__(self, rules: Sequence[TriggerRule], exclusions: Sequence[Exclusion],
                 anchors: Mapping[str, frozenset[str]] | None = None):
        self.rules = tuple(rules)
        self.exclusions = tuple(exclusions)
        for rule in self.rules:
            if rule.requires not in REQUIREMENTS:
                raise ValueError(f"trigger rule {rule.id}: unknown requirement {rule.requires!r}")
        # Rules of a type with anchor words are scanned only in texts that hold one of them
        # ("alert", "readiness" for alert rules): most texts skip their costly patterns.
        anchors = {t: frozenset(words) for t, words in (anchors or {}).items()}
        prefixes = [match_prefixes(rule.pattern) for rule in self.rules]
        # per group: its anchor words (None: always scanned), its pattern on lower-cased text and
        # on any text, and whether its rules' literal prefixes are known (then the pattern is tried
        # only where one of them occurs)
        self._groups: list[tuple[frozenset[str] | None, LazyPattern, LazyPattern, bool]] = []
        # per group: its literal prefixes (in ``character_classes``) -> the rules, in rule order,
        # whose matches may start with one
        key_rules: list[dict[str, tuple[int, ...]]] = []
        for anchor in [None, *{anchors[t] for t in sorted(anchors)}]:
            members = [i for i, rule in enumerate(self.rules)
                       if anchors.get(rule.type) == anchor and not rule.alternate]
            if not members:
                continue
            body = "|".join(f"(?P<r{i}>{self.rules[i].pattern})" for i in members)
            classes = [None if found is None else frozenset(map(character_classes, found)) for found in prefixes]
            group_starts = _shortest(*(classes[i] for i in members))
            key_rules.append(_rules_by_key(group_starts, members, classes) if group_starts is not None else {})
            self._groups.append((anchor, LazyPattern(rf"\b(?:{body})\b"),
                                 LazyPattern(rf"\b(?:{body})\b", regex.IGNORECASE), group_starts is not None))
        # one pass finds both where the groups' prefixes start words and the anchor words:
        # prefix -> (group, the rules to try there)
        starts: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
        for group, rules_by_key in enumerate(key_rules):
            for key, rules in rules_by_key.items():
                starts.setdefault(key, []).append((group, rules))
        self._starts = WordStarts(starts, sorted(frozenset().union(*anchors.values())))
        self._all_prefiltered = all(group[3] for group in self._groups)
        self._unanchored = frozenset(i for i, group in enumerate(self._groups) if group[0] is None)
        # Each rule alone, to find every rule that matches where a candidate starts; a rule is
        # tried only where the text starts with one of its literal prefixes (see ``_options``).
        self._single = [LazyPattern(rf"\b(?:{rule.pattern})\b", regex.IGNORECASE) for rule in self.rules]
        # and on lower-cased text, for the scan: a rule is compiled only once its prefix is met (the
        # pattern of a whole group takes tens of milliseconds to compile, a one-sentence run needs few)
        self._lower_single = [LazyPattern(rf"\b(?:{rule.pattern})\b") for rule in self.rules]
        # the same with ``re`` where it serves, for lower-cased text that is ``plain_ascii`` (most)
        self._ascii_single = [StandardPattern(rf"\b(?:{rule.pattern})\b") for rule in self.rules]
        # whether a rule's pattern names letters in lower case only: then it matches the lower-cased
        # text (see ``folded_text``) as its case-insensitive form matches the text
        self._case_free = [_case_free(rule.pattern) for rule in self.rules]
        self._option_prefixes = [_ascii_lower(found) for found in prefixes]
        self._option_reach = max((len(p) for found in self._option_prefixes if found for p in found), default=0)
        # the first characters of the folded text (as many as the shortest prefix has) -> the rules
        # that may match there, in rule order (those with a prefix starting with them, and those
        # whose prefixes are not known): most rules are not looked at
        anywhere = [i for i, found in enumerate(self._option_prefixes) if found is None]
        size = self._option_key = min((len(p) for found in self._option_prefixes if found for p in found), default=1)
        rules_by_head: dict[str, list[int]] = {}
        for i, found in enumerate(self._option_prefixes):
            for head in {p[:size] for p in found or ()}:  # (one pass: each rule under each of its heads)
                rules_by_head.setdefault(head, []).append(i)
        self._option_rules = {head: sorted(anywhere + rules) for head, rules in rules_by_head.items()}
        self._option_rules_elsewhere = anywhere
        self._rule_order = {rule.id: i for i, rule in enumerate(self.rules)}
        # per event type: its exclusions, and an automaton of their literal prefixes (see
        # ``possible_exclusions``)
        self._exclusion_index: dict[str, tuple[tuple[Exclusion, ...], WordStarts[str] | None,
                                               frozenset[str]]] = {}
        self._exclusion_holds: dict[str, Holds] = {}  # see ``exclusion_may_match``
        self.forces = _word_pattern(read_lines("lexicon/forces.txt"))
        self.military = _word_pattern(read_lines("lexicon/military_cues.txt") + read_lines("lexicon/forces.txt"))
        self.police = _word_pattern(read_lines("lexicon/police.txt"))
        # police by name: "security forces" and "officers" pulled back may be soldiers
        self.police_proper = _word_pattern([w for w in read_lines("lexicon/police.txt")
                                            if "police" in w or "gendarm" in w])
        self.armed_threat = _word_pattern(read_lines("lexicon/armed_threat.txt"))
        self.weapons = _word_pattern(read_lines("lexicon/weapons.txt"))
        self.trainees = _word_pattern(read_lines("lexicon/trainees.txt") + read_lines("lexicon/forces.txt"))
        threats = set(read_lines("lexicon/armed_threat.txt"))
        self.state_forces = _word_pattern([w for w in read_lines("lexicon/forces.txt") if w not in threats])
        # who is sent when troops, ships or aircraft go (a deployment rather than an arms transfer)
        weapons = set(read_lines("lexicon/weapons.txt"))
        self.personnel = _word_pattern([w for w in read_lines("lexicon/forces.txt") if w not in weapons]
                                       + read_lines("lexicon/platforms.txt"))
        self.unmanned = _word_pattern(read_lines("lexicon/unmanned_platforms.txt"))
        # The word lists the checks look for in a sentence: one automaton pass over the sentence
        # finds where the words of them all start (see ``SentenceContext``), instead of a pass
        # per list; each list's pattern is then tried only there.
        listed = (self.forces, self.military, self.police, self.police_proper, self.armed_threat, self.weapons,
                  self.trainees, self.state_forces)
        self.context_lists = {pattern: i for i, pattern in enumerate(listed) if isinstance(pattern, PrefixedPattern)}
        keys: dict[str, set[int]] = {}
        for pattern, i in self.context_lists.items():
            for word in pattern.prefixes:
                keys.setdefault(character_classes(word), set()).add(i)
        self.context_words = WordStarts({key: tuple(sorted(ids)) for key, ids in keys.items()}, ())
        self.determiners = frozenset(read_lines("lexicon/determiners.txt"))
        self.not_forces = frozenset(read_lines("lexicon/not_forces.txt"))
        self.not_force_modifiers = frozenset(read_lines("lexicon/not_force_modifiers.txt"))
        self.positions = frozenset(read_lines("lexicon/positions.txt"))
        self.held_ground = frozenset(read_lines("lexicon/held_ground.txt"))
        self.partitives = frozenset(read_lines("lexicon/partitives.txt"))
        self.staging_verbs = frozenset(read_lines("lexicon/staging_verbs.txt"))
        self.exercise_modifiers = frozenset(read_lines("lexicon/exercise_modifiers.txt"))
        self.military_exercise_phrases = frozenset(read_lines("lexicon/military_exercise_phrases.txt"))
        self.group_name_words = frozenset(read_lines("lexicon/group_name_words.txt"))
        # "<name> (<year>) " right before an exercise noun
        names = longest_first(read_lines("lexicon/exercise_names.txt"))
        self.exercise_names = regex.compile(r"\b(?:%s)(?:[ -]\d{2,4})?\s+$" % "|".join(map(regex.escape, names)))
        # ', dubbed "Iron Shield",' / ' (codenamed Northern Wind)' / ' code-named Vostok': a named exercise
        naming = longest_first(read_lines("lexicon/naming_words.txt"))
        self.exercise_aside = regex.compile(r"\s*(?:[,(]\s*)?(?:%s)\s+[\"“‘']?(?-i:\p{Lu})"
                                            % "|".join(map(regex.escape, naming)), regex.IGNORECASE)

    def scan(self, text: str, lowered: str | None = None) -> list[Candidate]:
        """Every trigger phrase in ``text``, in text order: one automaton pass finds the literal
        prefixes of the rules and the anchor words; each rule group (the core rules, and each
        anchored type whose anchor words occur in the text) is then tried where its prefixes are.
        ``lowered`` is ``text.lower()`` when the caller has it."""
        lowered = text.lower() if lowered is None else lowered
        hits = self._starts.hits(padded_classes(lowered))
        if len(lowered) == len(text) and self._all_prefiltered:
            # the usual case, and it runs for every document: only the groups whose prefixes
            # occur are visited (in most texts, none), the anchor words looked at only for them
            if not hits:
                return []
            tries = self._tries(hits)
            if not tries:
                return []
            found = []
            words = None
            for group, starts in tries.items():
                anchor = self._groups[group][0]
                if anchor is not None:
                    words = self._starts.words(hits, lowered) if words is None else words
                    if anchor.isdisjoint(words):
                        continue
                found += self._rules_at(starts, lowered)
            if not found:
                return []  # (most texts with a prefix: nothing of the rules' there)
        else:
            found = self._scan_groups(text, lowered, self._tries(hits), self._starts.words(hits, lowered))
        if len(found) > 1:
            found.sort()
        rules = self.rules
        return [Candidate(rules[index], start, end) for start, index, end in found]

    def _tries(self, hits: list[tuple[int, int]]) -> dict[int, list[tuple[int, tuple[int, ...]]]]:
        """Group -> where its prefixes start a word (``WordStarts.hits`` of the lower-cased
        text), with the group's rules that may match there."""
        tries: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        back, values = self._starts.back, self._starts.values
        for end, form in hits:
            entries = values[form]
            if not entries or end < back[form]:
                continue  # (a word, or a key found at the padding before the text)
            start = end - back[form]
            for group, rules in entries:
                starts = tries.get(group)
                if starts is None:
                    tries[group] = [(start, rules)]
                else:
                    starts.append((start, rules))
        return tries

    def _scan_groups(self, text: str, lowered: str, tries: dict[int, list[tuple[int, tuple[int, ...]]]],
                     words: set[str]) -> list[tuple[int, int, int]]:
        """(start, rule, end) of every group's matches, each group visited: where some group's
        prefixes are not known, or lower-casing changed the length of the text."""
        found: list[tuple[int, int, int]] = []
        for group, (anchor, scan_lower, scan_any_case, prefiltered) in enumerate(self._groups):
            if anchor is not None and anchor.isdisjoint(words):
                continue
            # lower-casing may change the length (rare scripts): then match case-insensitively instead
            if len(lowered) != len(text):
                matches = scan_any_case.finditer(text)
            elif prefiltered:
                if group in tries:  # (else none of its prefixes is in the text)
                    found.extend(self._rules_at(tries[group], lowered))
                continue
            else:
                matches = scan_lower.finditer(lowered)
            found.extend((m.start(), int(m.lastgroup[1:]), m.end()) for m in matches)
        return found

    def _rules_at(self, starts: list[tuple[int, tuple[int, ...]]], lowered: str) -> list[tuple[int, int, int]]:
        """(start, rule, end) of the matches of a group's pattern where its prefixes start: at
        each place, the first of the rules that may start there and match, as the group's
        alternation would choose; a match hides the places it covers."""
        patterns = self._ascii_single if plain_ascii(lowered) else self._lower_single
        found = []
        resume = 0
        if len(starts) > 1:
            starts.sort()
        for start, rules in starts:
            if start < resume:
                continue
            for index in rules:
                if m := match_at(patterns[index], lowered, start):
                    resume = m.end()
                    found.append((start, index, resume))
                    break
        return found

    def exclusions_of(self, event_type: str) -> tuple[Exclusion, ...]:
        """The exclusions that can veto a trigger of ``event_type``, in lexicon order."""
        return self._exclusions_indexed(event_type)[0]

    def possible_exclusions(self, event_type: str, lowered: str) -> dict[str, set[int] | None]:
        """The exclusions of ``event_type`` that can match in ``lowered``, by id, with where
        their matches can start: the offsets where their literal prefixes start a word (one
        automaton pass for them all), or None for an exclusion whose prefixes are not known (it
        can match anywhere)."""
        _, starts, unknown = self._exclusions_indexed(event_type)
        possible: dict[str, set[int] | None] = dict.fromkeys(unknown)
        if starts is not None:
            for start, ids in starts.starts(starts.hits(padded_classes(lowered))):
                for exclusion_id in ids:
                    if exclusion_id not in unknown:
                        possible.setdefault(exclusion_id, set()).add(start)
        return possible

    def exclusion_may_match(self, exclusion: Exclusion, lowered: str) -> bool:
        """Whether ``lowered`` holds the strings every match of the exclusion holds (see
        ``required_strings``): where it does not, the pattern need not be searched. (Worth it
        for the exclusions whose prefixes are not known, searched everywhere: tried only where
        their prefixes are, the others cost less than the test.)"""
        holds = self._exclusion_holds.get(exclusion.id)
        if holds is None:
            holds = self._exclusion_holds[exclusion.id] = Holds(required_strings(_source(exclusion.pattern)))
        return holds.held_by(lowered)

    def _exclusions_indexed(self, event_type: str) -> tuple[tuple[Exclusion, ...], WordStarts[str] | None,
                                                             frozenset[str]]:
        index = self._exclusion_index.get(event_type)
        if index is None:
            exclusions = tuple(x for x in self.exclusions if event_type in x.types)
            keys: dict[str, set[str]] = {}  # prefix (its classes) -> the exclusions whose matches may start with it
            unknown: set[str] = set()
            for exclusion in exclusions:
                source = _source(exclusion.pattern)
                # (a match starts at a word only after "\b")
                prefixes = _shortest(match_prefixes(source)) if source.startswith("\\b") else None
                if prefixes is None:
                    unknown.add(exclusion.id)
                for prefix in prefixes or ():
                    keys.setdefault(character_classes(prefix), set()).add(exclusion.id)
            starts = WordStarts({k: tuple(sorted(ids)) for k, ids in keys.items()}, ()) if keys else None
            index = self._exclusion_index[event_type] = (exclusions, starts, frozenset(unknown))
        return index

    def accept(self, candidate: Candidate, text: str, sentence: tuple[int, int],
               mentions: Sequence[Mention]) -> bool:
        """Does the context around a candidate make it a military event trigger?"""
        return SentenceContext(self, text, sentence, mentions).accepts(candidate)

    def resolve(self, candidate: Candidate, text: str, sentence: tuple[int, int], mentions: Sequence[Mention],
                types: frozenset[str] | None = None, context: SentenceContext | None = None,
                folded: str | None = None) -> Candidate | None:
        """The candidate, or another rule matching where it starts, that its context accepts.
        ``context`` (of this sentence and mentions) may be shared by the candidates of a sentence,
        so that what it works out about the sentence is worked out once. ``folded`` is the text's
        ``folded_text``, when the caller has it."""
        context = context or SentenceContext(self, text, sentence, mentions)
        for option in self._options(candidate, text, folded):
            if (types is None or option.rule.type in types) and context.accepts(option):
                return option
        return None

    @staticmethod
    def folded_text(text: str, lowered: str) -> str | None:
        """``lowered`` (``text.lower()``) where a case-sensitive pattern of lower-case letters
        matches it as the pattern's case-insensitive form matches ``text``: unless lower-casing
        changed the length ("İ") or the text holds the long s "ſ" (which ``regex`` folds to "s")."""
        return lowered if len(lowered) == len(text) and "ſ" not in text else None

    def _options(self, candidate: Candidate, text: str, folded_text: str | None = None) -> list[Candidate]:
        """Every rule matching where the candidate starts: the longest first, then in rule order.
        With ``folded_text`` (see there), the rules written in lower case are matched there:
        the patterns the scan compiled serve, instead of compiling case-insensitive ones."""
        options = [candidate]
        folded = _folded(text, candidate.start, self._option_reach)
        # (where fewer characters than a prefix's are left, no rule with known prefixes can match)
        indices = (self._option_rules.get(folded[:self._option_key], self._option_rules_elsewhere) if folded
                   else range(len(self.rules)))
        folded_patterns = self._ascii_single if folded_text is not None and plain_ascii(folded_text) else \
            self._lower_single
        for i in indices:
            rule = self.rules[i]
            if rule is candidate.rule:
                continue
            prefixes = self._option_prefixes[i]
            if prefixes is not None and folded is not None and not folded.startswith(prefixes):
                continue  # no match of the rule can start here
            if folded_text is not None and self._case_free[i]:
                m = match_at(folded_patterns[i], folded_text, candidate.start)
            else:
                m = match_at(self._single[i], text, candidate.start)
            if m:
                options.append(Candidate(rule, m.start(), m.end()))
        if len(options) > 1:
            order = self._rule_order
            options.sort(key=lambda c: (c.start - c.end, -c.rule.priority, order[c.rule.id]))
        return options


def _shortest(*prefix_sets: frozenset[str] | None) -> set[str] | None:
    """The literal prefixes every match of some rules starts with (their ``match_prefixes``),
    less those that start with a shorter one; None when some rule has no such prefix."""
    prefixes: set[str] = set()
    for found in prefix_sets:
        if found is None:
            return None
        prefixes |= found
    kept: set[str] = set()
    last = None
    for prefix in sorted(prefixes):  # the strings that start with a prefix follow it in sorted order
        if last is None or not prefix.startswith(last):
            kept.add(prefix)
            last = prefix
    return kept


def _rules_by_key(keys: set[str], members: Sequence[int], prefixes: Sequence[frozenset[str] | None]
                  ) -> dict[str, tuple[int, ...]]:
    """Each key (see ``_shortest``) -> the members, in rule order, with a prefix that starts with it."""
    sizes = sorted({len(key) for key in keys})
    found: dict[str, set[int]] = {key: set() for key in keys}
    for i in members:
        for prefix in prefixes[i] or ():
            for size in sizes:
                if prefix[:size] in found:
                    found[prefix[:size]].add(i)
    return {key: tuple(sorted(rules)) for key, rules in found.items()}


def _automaton(values: Mapping[str, object]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, value in values.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def _ascii_lower(prefixes: frozenset[str] | None) -> tuple[str, ...] | None:
    """Prefixes to compare with lower-cased text (see ``_folded``): only ASCII ones, whose
    letters match in any case exactly the characters that lower-case to them."""
    if prefixes is None or not all(p.isascii() for p in prefixes):
        return None
    return tuple(sorted({p.lower() for p in prefixes}))


def _folded(text: str, start: int, size: int) -> str | None:
    """``text[start:start + size]`` as case-insensitive matching sees ASCII letters: lower-cased,
    and the long s "ſ" as "s" (``regex`` folds it so; Kelvin's "K" lower-cases to "k" already).
    None when lower-casing changes the length ("İ"): then nothing is compared."""
    chunk = text[start:start + size]
    folded = chunk.lower().replace("ſ", "s")
    return folded if len(folded) == len(chunk) else None


# the escapes that mean the same in any case: classes that no case changes, escaped punctuation
_CASELESS_ESCAPE = regex.compile(r"\\[bBsSwWdD]|\\[^\w]")
_INLINE_FLAGS = regex.compile(r"\(\?[a-zA-Z^-]")  # "(?i)", "(?-i:...)" ("(?P<name>" too: rare, refused alike)


def _case_free(pattern: str) -> bool:
    r"""Whether the pattern matches lower-cased text as its case-insensitive form matches any text:
    lower-case letters only, and no escape, inline flag or POSIX class whose meaning depends on
    case (``\p{Lu}``, ``\x41``, ``(?-i)``, ``[[:upper:]]``); when unsure, no."""
    rest = _CASELESS_ESCAPE.sub("", pattern)
    return ("\\" not in rest and "[:" not in rest and not _INLINE_FLAGS.search(rest)
            and not any(c.isupper() for c in rest))


def _source(pattern: regex.Pattern | LazyPattern) -> str:
    return pattern.source if isinstance(pattern, LazyPattern) else pattern.pattern


@cache
def _type_table() -> dict:
    return json.loads(read_text("triggers/types.json"))


def attachment_type(event_type: str, known: Collection[str]) -> str:
    """The type whose role rules attach actors and places to ``event_type``: itself when the role
    lexicon knows it (``known``), else the core type it behaves like (``triggers/types.json``)."""
    if event_type in known:
        return event_type
    return _type_table().get(event_type, {}).get("roles_like", event_type)


def packaged_rules() -> list[TriggerRule]:
    return [
        TriggerRule(
            id=r["id"], type=r["type"], pattern=r["pattern"], requires=r.get("requires", "none"),
            examples=tuple(r.get("examples", ())), counterexamples=tuple(r.get("counterexamples", ())),
            verb=r.get("verb", False), alternate=r.get("alternate", False), priority=r.get("priority", 0),
        )
        for name in TRIGGER_FILES
        for r in read_jsonl(f"triggers/{name}.jsonl")
    ]


def packaged_exclusions() -> list[Exclusion]:
    return [
        Exclusion(
            id=r["id"], types=tuple(r["types"]), pattern=LazyPattern(rf"\b(?:{r['pattern']})\b"),
            overridden_by_force=r.get("overridden_by_force", True),
            counterexamples=tuple(r.get("counterexamples", ())),
        )
        for r in read_jsonl("triggers/exclusions.jsonl")
    ]


def build_lexicon(rules: Sequence[TriggerRule], exclusions: Sequence[Exclusion],
                  extra_anchors: Mapping[str, Sequence[str]] | None = None) -> TriggerLexicon:
    """A lexicon of these rules and exclusions; ``extra_anchors`` adds anchor words per type
    (the names of armed groups a user adds, for movements)."""
    anchors = {
        name: _anchor_words(spec["anchor"]) | frozenset(w.lower() for w in (extra_anchors or {}).get(name, ()))
        for name, spec in _type_table().items() if isinstance(spec, dict) and "anchor" in spec
    }
    return TriggerLexicon(rules, exclusions, anchors)


@cache
def load_lexicon() -> TriggerLexicon:
    """The packaged trigger rules and exclusions, compiled once per process."""
    return build_lexicon(packaged_rules(), packaged_exclusions())


def _anchor_words(items: Sequence[str]) -> frozenset[str]:
    """A type's anchor words, lower case: listed words, the words of a word list
    ("@lexicon/weapons.txt") and the names of the gazetteer's armed groups ("@armed_groups").
    Of a phrase, its longest word counts, generic words aside (types.json). Two-letter names ("IS") are left
    out: as words in lower case they are everywhere, and a text naming a group only so is rare."""
    words: list[str] = []
    for item in items:
        if item == "@armed_groups":
            words += [name for name, _ in load_gazetteer().names_of(("armed_group",))]
        elif item.startswith("@"):
            words += read_lines(item[1:])
        else:
            words.append(item)
    generic = frozenset(_type_table().get("anchor_generic", ()))
    chosen = set()
    for phrase in words:
        tokens = _ANCHOR_TOKEN.findall(phrase.lower())
        distinctive = [t for t in tokens if t not in generic] or tokens
        word = max(distinctive, key=len, default="")
        if len(word) > 2:
            chosen.add(word)
    return frozenset(chosen)
