"""Status of an event mention: occurred, planned, negated or uncertain, from cues in its clause.

The cue nearest before the trigger decides ("says it will halt drills" -> negated, because
"halt" is nearer than "will"); a cue right after the trigger ("drills were cancelled", "will
be held") wins over those before. Negation particles count only when they govern the trigger.
The cue lists are data: ``data/lexicon/status.json``.
"""

from __future__ import annotations

import json
from functools import cache

import regex

from .clauses import clause_of
from .resources import read_text

CATEGORIES = ("negated", "uncertain", "planned", "occurred")
_WORD = regex.compile(r"[\p{L}']+")
# "to" governing the trigger, at most two words away: "to hold (military) drills", "to withdraw"
_INFINITIVE = regex.compile(r"\bto\s+(?:[\p{L}-]+\s+){0,2}$")


def _cue_regex(phrases) -> str:
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = regex.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(escaped + (r"\w*" if phrase.endswith("*") else ""))
    return "|".join(parts)


@cache
def _cues() -> dict:
    data = json.loads(read_text("lexicon/status.json"))
    left = "|".join(f"(?P<{name}>\\b(?:{_cue_regex(data[name])})\\b)" for name in CATEGORIES)
    right = "|".join(
        f"(?P<{name}>\\b(?:{_cue_regex(data['right_' + name])})\\b)" for name in ("negated", "planned", "uncertain")
    )
    return {
        "left": regex.compile(left),
        "right": regex.compile(right),
        "particle": regex.compile(r"(?:\b(?:%s)\b|n't)" % _cue_regex(data["negation_particles"])),
        "light": frozenset(data["light_words"]),
    }


def status_of(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> str:
    """The status of the event named by ``text[trigger[0]:trigger[1]]``."""
    cues = _cues()
    clause = clause_of(text, sentence, *trigger)
    right = cues["right"].match(text, trigger[1], clause[1]) or cues["right"].search(
        text, trigger[1], min(clause[1], trigger[1] + 60)
    )
    if right and _words(text, trigger[1], right.start()) <= 4:
        return right.lastgroup
    if _negated_by_particle(text, clause[0], trigger[0], cues):
        return "negated"
    nearest = None
    for m in cues["left"].finditer(text, clause[0], trigger[0]):
        nearest = m
    if nearest is not None:
        return nearest.lastgroup
    if _INFINITIVE.search(text, clause[0], trigger[0]):
        return "planned"  # "Russia to stage drills", "troops to withdraw by May"
    return "occurred"


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _negated_by_particle(text: str, clause_start: int, trigger_start: int, cues: dict) -> bool:
    """"did not hold drills", "no troop withdrawal": a particle whose scope reaches the trigger."""
    particle = None
    for m in cues["particle"].finditer(text, max(clause_start, trigger_start - 80), trigger_start):
        particle = m
    if particle is None:
        return False
    between = [w.lower() for w in _WORD.findall(text, particle.end(), trigger_start)]
    return len(between) <= 5 and all(w in cues["light"] for w in between)
