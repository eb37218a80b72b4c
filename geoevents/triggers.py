"""Trigger finding: one fast pass over the whole text, then careful checks around each hit.

Trigger rules and exclusions are data (``data/triggers/*.jsonl``); each rule names the check
its context must pass (``requires``):

- ``none``: the phrase is unambiguous ("war games", "troop withdrawal");
- ``military``: a military word or armed actor is in the sentence ("drills", "deployed");
- ``force``: a force noun is the object or subject nearby ("sent 300 troops", "troops were sent");
- ``force_object`` / ``force_subject`` / ``force_near``: the same, on one side or either;
- ``military_or_place``: ``military``, or the trigger is followed by "from <place>"
  ("agreed to withdraw from Iraq").

An exclusion that overlaps a trigger vetoes it ("fire drill", "withdraw from the race"),
unless a force noun is the trigger's direct object ("withdrew its troops from the talks' venue").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import ahocorasick
import regex

from .gazetteer import Mention
from .prefixes import match_prefixes
from .resources import read_jsonl, read_lines

TRIGGER_FILES = ("exercise", "deployment", "withdrawal")
REQUIREMENTS = ("none", "military", "force", "force_object", "force_subject", "force_near", "military_or_place")
FORCE_WINDOW = 6  # tokens between a trigger and its force noun
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_FROM_PHRASE = regex.compile(r"\s+(?:\S+\s+){0,3}?(?:from|out\s+of)\s+(?:the\s+)?", regex.IGNORECASE)
_CLAUSE_BREAK = regex.compile(r"[;:()\[\]]|\s[–—-]\s|,\s+(?:while|but|as|after|which|who|and)\b")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    type: str
    pattern: str
    requires: str
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Exclusion:
    id: str
    types: tuple[str, ...]
    pattern: regex.Pattern
    overridden_by_force: bool = True  # a force noun as direct object lifts the veto
    counterexamples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger phrase found by the scan, not yet checked against its context."""

    rule: TriggerRule
    start: int
    end: int


def _word_pattern(words: Sequence[str]) -> regex.Pattern:
    ordered = sorted({w.lower() for w in words}, key=len, reverse=True)
    return regex.compile(r"\b(?:%s)\b" % "|".join(regex.escape(w) for w in ordered))


class TriggerLexicon:
    """Compiled trigger rules and context word lists, built once per process."""

    def __init__(self, rules: Sequence[TriggerRule], exclusions: Sequence[Exclusion]):
        self.rules = tuple(rules)
        self.exclusions = tuple(exclusions)
        for rule in self.rules:
            if rule.requires not in REQUIREMENTS:
                raise ValueError(f"trigger rule {rule.id}: unknown requirement {rule.requires!r}")
        body = "|".join(f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(self.rules))
        self._scan_lower = regex.compile(rf"\b(?:{body})\b")
        self._scan_any_case = regex.compile(rf"\b(?:{body})\b", regex.IGNORECASE)
        self._starts = _prefix_automaton(self.rules)
        self.forces = _word_pattern(read_lines("lexicon/forces.txt"))
        self.military = _word_pattern(read_lines("lexicon/military_cues.txt") + read_lines("lexicon/forces.txt"))

    def scan(self, text: str) -> Iterator[Candidate]:
        """Every trigger phrase in ``text``: one regex pass over the whole document."""
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self._prefiltered(lowered) if self._starts else self._scan_lower.finditer(lowered)
        else:  # lower-casing changed the length (rare scripts): match case-insensitively instead
            matches = self._scan_any_case.finditer(text)
        for m in matches:
            rule = self.rules[int(m.lastgroup[1:])]
            yield Candidate(rule, m.start(), m.end())

    def _prefiltered(self, lowered: str) -> Iterator[regex.Match]:
        """The matches of ``finditer``, trying the pattern only where a rule's literal prefix
        occurs (found by one Aho-Corasick pass): several times faster on ordinary text."""
        starts = sorted({end - size + 1 for end, size in self._starts.iter(lowered)})
        resume = 0
        for start in starts:
            if start >= resume and (m := self._scan_lower.match(lowered, start)):
                resume = m.end()
                yield m

    def accept(self, candidate: Candidate, text: str, sentence: tuple[int, int],
               mentions: Sequence[Mention]) -> bool:
        """Does the context around a candidate make it a military event trigger?"""
        context = SentenceContext(self, text, sentence, mentions)
        if context.excluded(candidate):
            return False
        return context.satisfies(candidate)


class SentenceContext:
    """What the checks need to know about one sentence, computed lazily."""

    def __init__(self, lexicon: TriggerLexicon, text: str, sentence: tuple[int, int],
                 mentions: Sequence[Mention]):
        self.lexicon = lexicon
        self.text = text
        self.start, self.end = sentence
        self.lowered = text[self.start:self.end].lower()
        self.mentions = mentions
        self._forces: list[tuple[int, int]] | None = None

    def forces(self) -> list[tuple[int, int]]:
        """Offsets of force nouns and armed actors ("troops", "the IDF", "Houthi") in the sentence."""
        if self._forces is None:
            spans = [(m.start() + self.start, m.end() + self.start) for m in self.lexicon.forces.finditer(self.lowered)]
            for mention in self.mentions:
                if any(r.form == "force" or r.entity.kind == "armed_group" for r in mention.readings):
                    spans.append((mention.start, mention.end))
            self._forces = sorted(spans)
        return self._forces

    def tokens_between(self, a: int, b: int) -> int | None:
        """Number of words between two offsets, or None when a clause break separates them."""
        if a > b:
            a, b = b, a
        if _CLAUSE_BREAK.search(self.text, a, b):
            return None
        return len(_WORD.findall(self.text, a, b))

    def force_right(self, candidate: Candidate) -> bool:
        return any(
            start >= candidate.start and (n := self.tokens_between(candidate.end, start)) is not None
            and n <= FORCE_WINDOW
            for start, _ in self.forces()
        )

    def force_left(self, candidate: Candidate) -> bool:
        return any(
            end <= candidate.start and (n := self.tokens_between(end, candidate.start)) is not None
            and n <= FORCE_WINDOW
            for _, end in self.forces()
        )

    def military_context(self) -> bool:
        if self.lexicon.military.search(self.lowered):
            return True
        return bool(self.forces())

    def from_place(self, candidate: Candidate) -> bool:
        m = _FROM_PHRASE.match(self.text, candidate.end, min(self.end, candidate.end + 60))
        if not m:
            return False
        return any(
            mention.start == m.end() and mention.place_reading() is not None for mention in self.mentions
        )

    def excluded(self, candidate: Candidate) -> bool:
        for exclusion in self.lexicon.exclusions:
            if candidate.rule.type not in exclusion.types:
                continue
            for m in exclusion.pattern.finditer(self.lowered):
                a, b = m.start() + self.start, m.end() + self.start
                if a < candidate.end and candidate.start < b:
                    return not (exclusion.overridden_by_force and self.force_right(candidate))
        return False

    def satisfies(self, candidate: Candidate) -> bool:
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
            return self.force_left(candidate)
        if requires == "force_near":
            return self.force_left(candidate) or self.force_right(candidate)
        if requires == "military_or_place":
            return self.military_context() or self.from_place(candidate)
        raise AssertionError(requires)


def _prefix_automaton(rules: Sequence[TriggerRule]) -> ahocorasick.Automaton | None:
    """An automaton of the literal prefixes every trigger match starts with, or None when some
    rule's pattern has no such prefix (then the scan tries the pattern everywhere)."""
    prefixes: set[str] = set()
    for rule in rules:
        found = match_prefixes(rule.pattern)
        if found is None:
            return None
        prefixes |= found
    automaton = ahocorasick.Automaton()
    for prefix in prefixes:
        if not any(prefix.startswith(p) for p in prefixes if p != prefix):  # the shortest suffices
            automaton.add_word(prefix, len(prefix))
    automaton.make_automaton()
    return automaton


@cache
def load_lexicon() -> TriggerLexicon:
    """The packaged trigger rules and exclusions, compiled once per process."""
    rules = [
        TriggerRule(
            id=r["id"], type=r["type"], pattern=r["pattern"], requires=r.get("requires", "none"),
            examples=tuple(r.get("examples", ())), counterexamples=tuple(r.get("counterexamples", ())),
        )
        for name in TRIGGER_FILES
        for r in read_jsonl(f"triggers/{name}.jsonl")
    ]
    exclusions = [
        Exclusion(
            id=r["id"], types=tuple(r["types"]), pattern=regex.compile(r["pattern"]),
            overridden_by_force=r.get("overridden_by_force", True),
            counterexamples=tuple(r.get("counterexamples", ())),
        )
        for r in read_jsonl("triggers/exclusions.jsonl")
    ]
    return TriggerLexicon(rules, exclusions)
