"""Linking mentions of the same event. Within a sentence, two triggers of one type name one
event ("began its withdrawal ... by pulling 300 soldiers out") unless something shows two
events: a semicolon or a clause break between them ("PLA drills began, while Taiwan held
exercises"), different actors ("Iran's manoeuvre came after US ships staged one"), different
statuses ("will hold more drills after the drill that ended"), or different dates ("a
manoeuvre in August, and a drill in April"). An infinitive of purpose restates the event
whatever its status ("troops arrive in Aden to reinforce the coalition"). Mentions split
apart share the actors of the sentence when they have none of their own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from itertools import takewhile
from typing import TYPE_CHECKING

from . import cachedregex as regex
from .clauses import WORD_RUN, alternation, clause_of, role_lexicon, role_words
from .cues import status_lexicon

_OTHER_PARTY = regex.compile(r"\b(?:them|they)\b(?:\s+\S+){0,2}\s*$", regex.IGNORECASE)

if TYPE_CHECKING:
    from .pipeline import Draft


def _codes(draft: Draft) -> set[str]:
    return {a.code for a in draft.actors}


def _same_event(text: str, first: Draft, second: Draft) -> bool:
    if first.sentence != second.sentence or first.type != second.type:
        return False
    if ";" in text[first.candidate.end:second.candidate.start]:
        return False
    clause = clause_of(text, first.sentence, first.candidate.start, first.candidate.end)
    if second.candidate.start >= clause[1] and not _definite_restatement(text, second):
        return False
    if _purpose_of(text, first, second):
        return True  # its subject, and so its actors, are the first mention's
    if first.status != second.status:
        return False
    if first.date and second.date and (first.date.start, first.date.end) != (second.date.start, second.date.end):
        return False
    a, b = _codes(first), _codes(second)
    return not a or not b or a <= b or b <= a


# "..., as it was the most ambitious overseas deployment by Japan": a definite noun trigger in a
# later clause restates the sentence's event (not "another deployment", "more drills")
_DEFINITE_BEFORE = regex.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}$", regex.IGNORECASE)
_PART_OF = regex.compile(r"\bpart\s+of\s+$", regex.IGNORECASE)
_NOUN_TRIGGER = regex.compile(
    r"(?:ments?|als?|outs?|backs?|ups?|downs?|exercises?|drills?|games?|man(?:oeu|eu)v(?:re|er)s?)$", regex.IGNORECASE)


def _definite_restatement(text: str, draft: Draft) -> bool:
    start, end = draft.candidate.start, draft.candidate.end
    m = _DEFINITE_BEFORE.search(text, max(draft.sentence[0], start - 60), start)
    if m is None or not _NOUN_TRIGGER.search(text, start, end):
        return False
    if _PART_OF.search(text, max(draft.sentence[0], m.start() - 20), m.start()):
        return False  # "hands over a base as part of the withdrawal": a larger event
    return not any(word.lower() in role_words("other_event_words") for word in WORD_RUN.findall(text, m.start(), start))


@cache
def _purpose_to() -> regex.Pattern:
    verbs = alternation(role_lexicon()["purpose_verbs"])
    return regex.compile(r"(?:[\w'’-]+)?\s+(?P<tail>(?:in\s+order\s+)?to\s+(?:(?:%s)\s+)?(?:(?:its|their|the|a)\s+)?)$"
                         % verbs, regex.IGNORECASE)


def _purpose_of(text: str, first: Draft, second: Draft) -> bool:
    """"troops arrive in Aden to reinforce the coalition", "the army is sent to reinforce its
    positions": the second trigger opens an infinitive of purpose, which restates the first
    event (its "to" alone would read planned). Not when a status cue stands between them
    ("agreed to reinforce", "is to reinforce", "forcing them to retreat") or a word that opens
    another predicate or names another party ("and", "them"): that is another event."""
    m = _purpose_to().search(text, first.candidate.end, second.candidate.start)
    if m is None:
        return False
    tail = m.start("tail")
    gap_words = WORD_RUN.findall(text, first.candidate.end, tail)
    if any(word.lower() in role_words("purpose_gap_stops") for word in gap_words):
        return False  # another subject or predicate: "and for Russian troops to pull out", "forcing them to"
    return not any(cue.start < tail for cue in status_lexicon().cues_in(text, first.candidate.end, m.end()))


def merge_within_sentences(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """One draft per event per sentence; a merged draft takes missing attributes from the other."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.candidate.start):
        # (only the drafts of its own sentence, the last ones merged, can be the same event)
        host = next((m for m in _last_of_sentence(merged, draft.sentence) if _same_event(text, m, draft)), None)
        if host is None:
            merged.append(draft)
            continue
        if not host.actors or len(draft.actors) > len(host.actors):
            host.actors = draft.actors
        host.locations = host.locations or draft.locations
        host.date = host.date or draft.date
        host.size = host.size or draft.size
    _share_actors(text, merged)
    _lend_to_possessive(text, merged)
    return merged


_POSSESSIVE_BEFORE = regex.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}$", regex.IGNORECASE)


def _lend_to_possessive(text: str, drafts: list[Draft]) -> None:
    """"accuses Belarus of building up troops ..., and demands their withdrawal": a mention left
    without actors whose trigger follows "its"/"their" withdraws the forces of the nearest earlier
    mention of its sentence of a type listed for it, so it takes that mention's actors."""
    antecedent_types = role_lexicon()["possessive_antecedent_types"]
    by_sentence = _by_sentence(drafts)
    for draft in drafts:
        types = antecedent_types.get(draft.type)
        start = draft.candidate.start
        if draft.actors or not types or not _POSSESSIVE_BEFORE.search(text, max(draft.sentence[0], start - 40), start):
            continue
        earlier = [d for d in by_sentence[draft.sentence] if d.candidate.start < start and d.type in types and d.actors]
        if earlier:
            draft.actors = list(earlier[-1].actors)


def _last_of_sentence(merged: list[Draft], sentence: tuple[int, int]) -> Iterator[Draft]:
    """The drafts of ``sentence`` at the end of ``merged``, last first."""
    return takewhile(lambda m: m.sentence == sentence, reversed(merged))


def _by_sentence(drafts: list[Draft]) -> dict[tuple[int, int], list[Draft]]:
    """The drafts of each sentence, in their order."""
    grouped: dict[tuple[int, int], list[Draft]] = {}
    for draft in drafts:
        grouped.setdefault(draft.sentence, []).append(draft)
    return grouped


def _share_actors(text: str, drafts: list[Draft]) -> None:
    """A mention left without actors takes those of the nearest other mention of its type in its
    sentence ("China will hold drills after the drill that ended on Monday"), unless a pronoun
    names another party right before it ("attacked the rebels, forcing them to retreat")."""
    by_sentence = _by_sentence(drafts)
    for draft in drafts:
        if draft.actors or _OTHER_PARTY.search(text, max(draft.sentence[0], draft.candidate.start - 25),
                                               draft.candidate.start):
            continue
        siblings = [d for d in by_sentence[draft.sentence] if d is not draft and d.type == draft.type and d.actors]
        if siblings:
            nearest = min(siblings, key=lambda d: abs(d.candidate.start - draft.candidate.start))
            draft.actors = list(nearest.actors)
