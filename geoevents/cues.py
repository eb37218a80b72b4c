"""Cue phrase lists compiled into patterns: the status lexicon (``data/lexicon/status.json``).

Phrase syntax: words separated by spaces; a trailing ``*`` allows an inflection or a common
derivation ("propos*" matches "proposal" and "proposed", "claim*" does not match "claimants");
the word ``...`` stands for one to five words ("calls on ... to"). Where two phrases start at
the same word, the longer one wins, whatever their categories.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from . import cachedregex as regex
from .lazypattern import LazyAlternation, LazyPattern, longest_first, phrase_pattern
from .reach import match_at
from .resources import read_text

# categories of the cues that stand before a trigger (see status.py for what each does)
CATEGORIES = ("negated", "uncertain", "planned", "deontic", "aspect", "occurred")
_SUFFIX = r"(?:e|es|s|d|ed|ing|ment|ments|ement|ements|al|als|ion|ions|ation|ations|ance|ances|ence|y|ies|ied)?"
_EDGE_BEFORE = r"(?<![\p{L}\p{N}'’-])"
_EDGE_AFTER = r"(?![\p{L}\p{N}'’-])"


def phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        if word == "...":
            parts.append(r"(?:[\p{L}\p{N}'’.-]+\s+){1,5}?")
            continue
        body = regex.escape(word.rstrip("*")) + (_SUFFIX if word.endswith("*") else "")
        parts.append(body + r"\s+")
    return "".join(parts)[: -len(r"\s+")]


def first_words(phrases) -> list[str] | None:
    """What every match of the phrases starts with: their first words (None when a phrase
    starts with a gap)."""
    words = [phrase.split()[0].rstrip("*") for phrase in phrases]
    return None if "..." in words else words


def alternation(phrases) -> LazyPattern:
    ordered = longest_first(phrases)
    return phrase_pattern(_EDGE_BEFORE + "(?:%s)" % "|".join(map(phrase_regex, ordered)) + _EDGE_AFTER,
                          regex.IGNORECASE, first_words(ordered))


class GroupedAlternation(LazyAlternation):
    """A ``LazyAlternation`` that, where it would switch to the whole alternation, tries at each
    place only the alternatives whose first words are found there, joined in one pattern per set
    of words: a few phrases instead of hundreds, many times faster to try. The matches are the
    same: the alternatives left out cannot match there, and of those kept, the first (in order)
    that matches is the one the whole alternation finds."""

    def __init__(self, before: str, alternatives: Sequence[tuple[str, str]], after: str, flags: int):
        super().__init__(before, alternatives, after, flags)
        self._edges = (before, after)
        self._sources = [source for source, _ in alternatives]
        self._groups: dict[tuple[str, ...], regex.Pattern] = {}

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        if len(self._compiled_parts) < self.SWITCH_AFTER:
            yield from super().finditer(text, pos, endpos)  # one alternative at a time (a short run)
            return
        yield from self._by_first_words(text, pos, endpos,
                                        lambda start, words, end: self._group(words).match(text, start, end))

    def _group(self, words: list[str]) -> regex.Pattern:
        key = tuple(sorted(words))
        group = self._groups.get(key)
        if group is None:
            indices = sorted({i for word in words for i in self._by_word[word]})
            before, after = self._edges
            source = before + "(?:%s)" % "|".join(self._sources[i] for i in indices) + after
            group = self._groups[key] = regex.compile(source, self.flags)
        return group


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    start: int
    end: int
    text: str


class StatusLexicon:
    """The compiled cue lists and closed word classes of ``data/lexicon/status.json``."""

    def __init__(self, data: dict):
        phrases = sorted(((p, c) for c in CATEGORIES for p in data[c]), key=lambda pc: len(pc[0]), reverse=True)
        self._categories = [c for _, c in phrases]
        words = first_words(p for p, _ in phrases)
        alternatives = [(f"(?P<c{i}>{phrase_regex(p)})", "" if words is None else words[i])
                        for i, (p, _) in enumerate(phrases)]
        try:  # tried phrase by phrase in a short run, then by the words found (see GroupedAlternation)
            self._cues = GroupedAlternation(_EDGE_BEFORE, alternatives, _EDGE_AFTER, regex.IGNORECASE)
        except ValueError:  # a phrase starts with a gap or a word that is not ASCII
            self._cues = phrase_pattern(_EDGE_BEFORE + "(?:%s)" % "|".join(a for a, _ in alternatives) + _EDGE_AFTER,
                                        regex.IGNORECASE, words)
        self.reaching = alternation(data["reaching"])
        self.mandative = alternation(data["mandative"])
        self.evaluative = alternation(data["evaluative"])
        self.future_conjunctions = alternation(data["future_conjunctions"])
        self.awaiting_conjunctions = alternation(data["awaiting_conjunctions"])
        self.conditionals = alternation(data["conditionals"])
        self.modifiers = frozenset(data["modifiers"])
        self.tenseless = frozenset(data["tenseless_occurred"])
        self.not_verbs_after_to = frozenset(data["not_verbs_after_to"])
        particles = [w for w in data["negation_particles"] if w != "n't"]
        self.particles = LazyPattern(r"\b(?:%s)\b|n['’]t\b" % "|".join(map(regex.escape, particles)),
                                     regex.IGNORECASE)
        self.light = frozenset(data["light_words"])
        self.particle_governors = frozenset(data["particle_governors"])
        self.small_clause_verbs = frozenset(data["small_clause_verbs"])
        self.question_openers = frozenset(data["question_openers"])
        self.demand_or_claim_nouns = frozenset(data["demand_or_claim_nouns"])
        self.right = {name: alternation(data["right_" + name])
                      for name in ("negated", "planned", "uncertain", "occurred")}
        self.conditional_window = int(data["right_conditional_window"])
        self.planned_reach = int(data["planned_reach_words"])
        self.plan_nouns = frozenset(data["plan_nouns"])
        self.planning_triggers = frozenset(data["planning_triggers"])
        self.clause_auxiliaries = frozenset(data["clause_auxiliaries"])
        self.fact_infinitive_ordinals = frozenset(data["fact_infinitive_ordinals"])
        self.fact_infinitive_heads = self.fact_infinitive_ordinals | frozenset(data["fact_infinitive_heads"])
        self.fact_infinitive_nouns = frozenset(data["fact_infinitive_nouns"])
        self.plan_fate_reach = int(data["plan_fate_reach_words"])
        self.predicate_scope = alternation(data["predicate_scope_cues"])
        self.predicate_scope_reach = int(data["predicate_scope_words"])
        self.finite_after = frozenset(data["predicate_scope_verbs"])
        self.inception = alternation(data["inception_infinitives"])
        self.inception_acts = frozenset(data["inception_acts"])
        self.causatives = frozenset(data["causative_verbs"])
        self.past_auxiliaries = frozenset(data["past_auxiliaries"])
        self.framework_cues = frozenset(data["framework_cues"])
        self.passive_plans = alternation(data["passive_plans"])
        phrases = (regex.escape(p).replace("\\ ", r"\s+") for p in longest_first(data["schedule_participles"]))
        self.schedule_participles = regex.compile(r"\b(?:%s)\s+(?:the\s+)?$" % "|".join(phrases), regex.IGNORECASE)
        self.schedule_participle_reach = int(data["schedule_participle_reach"])
        self.present_bare_cues = frozenset(data["present_bare_cues"])
        self.finite_past_aspects = frozenset(data["finite_past_aspects"])
        self.list_conjunct_openers = frozenset(data["list_conjunct_openers"])
        self.topic_verbs = frozenset(data["topic_verbs"])
        self.moving_force_nouns = frozenset(data["moving_force_nouns"])
        self.gerund_object_verbs = frozenset(data["gerund_object_verbs"])
        self.absolute_openers = frozenset(data["absolute_openers"])
        self.phrase_negations = frozenset(data["phrase_negations"])
        nouns = "|".join(regex.escape(n).replace("\\ ", r"\s+") for n in longest_first(data["content_plan_nouns"]))
        reach = int(data["content_plan_reach_words"])
        # "an armistice, which includes pulling out", "the plan would include a pullout", also a list of its
        # terms ("which includes the release of prisoners, a full withdrawal"): ends at the trigger
        self.plan_contents = regex.compile(
            rf"\b(?:{nouns})\b(?:[\s,]+[\w'’-]+){{0,{reach}}}?[\s,]+(?:(?:which|that)\s+)?(?:(?:would|will)\s+)?"
            r"(?:include|includes|included|including)\s+(?:[\w'’-]+,?\s+){0,10}$", regex.IGNORECASE)
        self.infinitive_verbs_after_to = frozenset(data["infinitive_verbs_after_to"])
        self.definite = frozenset(data["definite_determiners"])
        self.indefinite = frozenset(data["indefinite_determiners"])
        self.hypothetical = frozenset(data["hypothetical_determiners"])
        self.pronoun_subjects = frozenset(data["pronoun_subjects"])
        self.determiner_search_stops = frozenset(data["determiner_search_stops"])
        self.subject_breaking_prepositions = frozenset(data["subject_breaking_prepositions"])
        forms = data["word_forms"]
        self.modals = frozenset(forms["modals"])
        self.be = frozenset(forms["be"])
        self.adverbs = frozenset(forms["adverbs"])
        self.irregular_past = frozenset(forms["irregular_past"])
        self.noun_endings = tuple(forms["noun_endings"])
        self.ambiguous_nouns = frozenset(forms["ambiguous_nouns"])
        self.realizing_verbs = alternation(data["realizing_verbs"])
        self.realizing_verb_phrases = tuple(longest_first(data["realizing_verbs"]))
        self.determiners = frozenset(forms["determiners"])
        self.subjects = frozenset(forms["subjects"])
        breaks = "|".join(forms["local_breaks"])
        # every match starts with a break word or "as" (searched only where one is, when they are words)
        starts = [*forms["local_breaks"], "as"] if all(w.isalpha() for w in forms["local_breaks"]) else None
        self.local_breaks = phrase_pattern(
            rf"\b(?:{breaks})\b|(?<!\bsuch\s+|\bso\s+|\bas\s+well\s+)\bas\s+(?=(?:the|both|its|their|a|an|\p{{Lu}}))",
            regex.IGNORECASE, starts,
        )
        self.examples = tuple((e["text"], e["status"]) for e in data["examples"])

    def cues_in(self, text: str, start: int, end: int) -> list[Cue]:
        """The cue phrases in ``text[start:end]``, left to right."""
        return [
            Cue(self._categories[int(m.lastgroup[1:])], m.start(), m.end(), m.group().lower())
            for m in self._cues.finditer(text, start, end) if not _the_month(text, m)
        ]


_TITLE_CASE_NEXT = regex.compile(r"\s+(?-i:\p{Lu})\p{L}")


def _the_month(text: str, cue: regex.Match) -> bool:
    """"in May", "May 5", "Theresa May": a capitalised "May" is the modal only in a title-case
    headline ("Russia May Send Troops")."""
    # also as the first word of a longer cue: "arrived in May have withdrawn" is no "may have"
    return cue.group().split()[0] == "May" and not match_at(_TITLE_CASE_NEXT, text, cue.start() + 3)


@cache
def status_lexicon() -> StatusLexicon:
    return StatusLexicon(json.loads(read_text("lexicon/status.json")))
