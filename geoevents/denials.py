"""Reports denied after the event they tell: "Reports that Russian troops had moved to the
border were denied by Moscow" (GUIDELINE.md: denied is negated). The denial follows the
trigger, so the walk over the cues before it cannot see it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from . import cachedregex as regex
from .clauses import WORD_RUN
from .cues import phrase_regex
from .lazypattern import longest_first
from .resources import read_text

_BREAK = regex.compile(r"[;:()]")
_REPORT_WINDOW = 140  # characters before the trigger searched for "reports that"


@dataclass(frozen=True)
class DenialLexicon:
    report: regex.Pattern[str]  # "reports that" ending right before the clause of the trigger
    denial: regex.Pattern[str]  # "were denied" after it
    reach: int  # words between "that" and the trigger


def _alternation(phrases: list[str]) -> str:
    """status.json's phrases, longest first, in the phrase syntax of that lexicon (cues.py)."""
    return "|".join(map(phrase_regex, longest_first(phrases)))


@cache
def denial_lexicon() -> DenialLexicon:
    data = json.loads(read_text("lexicon/status.json"))
    report = regex.compile(rf"\b(?:{_alternation(data['report_nouns'])})\s+that\b", regex.IGNORECASE)
    denial = regex.compile(rf"\b(?:{_alternation(data['later_denials'])})\b", regex.IGNORECASE)
    return DenialLexicon(report, denial, data["report_reach_words"])


def denied_later(text: str, sentence: tuple[int, int], trigger: tuple[int, int], status: str) -> str:
    """``status``, or "negated" when the trigger is told in a report that the sentence then denies."""
    if status == "negated":
        return status
    lex = denial_lexicon()
    start = max(sentence[0], trigger[0] - _REPORT_WINDOW)
    report = None
    for m in lex.report.finditer(text, start, trigger[0]):
        report = m
    if report is None or _BREAK.search(text, report.end(), trigger[0]) \
            or len(WORD_RUN.findall(text, report.end(), trigger[0])) > lex.reach:
        return status
    denial = lex.denial.search(text, trigger[1], sentence[1])
    if denial is None or _BREAK.search(text, trigger[1], denial.start()):
        return status
    return "negated"
