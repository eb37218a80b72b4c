"""The temporal grammar: the word lists of ``data/time/lexicon.json`` and the rules of
``data/time/rules.jsonl``, compiled once per process.

A rule's pattern names the parts it reads with ``{macros}``: ``{month}`` becomes a group
``(?P<month>...)`` that matches any month name, ``{day:day2}`` a day-of-month group named
``day2`` (the second date of a range). Patterns are matched case-insensitively, except month
and weekday names, which must be capitalised ("May 5", never "may"). Group names tell the
parser what a part means (see ``parse.py``). A space matches any run of white space; the
rule's other fields (``op``, ``type``,
``fields``, ``value``) tell the resolver what to do with them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from ..resources import read_jsonl, read_text

OPS = ("date", "ref", "ago", "hence", "before", "after", "anaphor", "duration", "set", "range", "veto")
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: regex.Pattern
    op: str = "date"
    type: str | None = None  # None: DATE, or TIME when a clock time is read
    value: str | None = None  # a fixed TIMEX3 value (refs, sets)
    fields: dict[str, Any] = field(default_factory=dict)  # parts the rule states without reading them
    # (sentence, expression, value) at the test DCT; for a veto rule (sentence, text)
    examples: tuple[tuple[str, ...], ...] = ()
    counterexamples: tuple[str, ...] = ()
    order: int = 0


@cache
def lexicon() -> dict[str, Any]:
    return json.loads(read_text("time/lexicon.json"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any run of spaces."""
    escaped = (regex.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in set(words))
    return "|".join(sorted(escaped, key=len, reverse=True))


def _capitalised(words: Iterable[str]) -> str:
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "(?-i:%s)" % alternation(forms)


_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


@cache
def macros() -> dict[str, str]:
    lex = lexicon()
    months = lex["months"]
    full = [w for w in months if len(w) > 4 or w in ("may", "june", "july")]
    short = [w for w in months if w not in full]
    number_words = [w for w in lex["numbers"]]
    tens = alternation(lex["tens"])
    units = lex["units"]
    singular = [w for w in units if units[w] == w or w in ("millennium",)]
    plural = [w for w in units if w not in singular]
    ordinal_words = [w for w in lex["ordinals"] if lex["ordinals"][w] > 0]
    year_before = alternation(w for w in lex["not_before_year"])
    year_after = alternation(w for w in lex["not_after_year"])
    return {
        # months: full names, or abbreviations with a full stop or a number after ("Aug. 5",
        # "Sept 5"; "Jan Kavan" is a name)
        "month": r"(?:%s|%s(?:\.|(?=\s+\d)))(?![\p{L}])" % (_capitalised(full), _capitalised(short)),
        "weekday": r"(?:%s)(?![\p{L}])" % _capitalised(w for w in lex["weekdays"] if len(w) > 3),
        "mm": r"(?:1[0-2]|0?[1-9])",
        "dd": r"(?:3[01]|[12]\d|0?[1-9])",
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "dayword": r"(?:%s)" % alternation(ordinal_words),
        "year": r"(?<![\d,.$]|(?-i:\p{Lu})-|\d-)(?:1[6-9]\d\d|20\d\d)(?![\d,]\d|\.\d|\s*%)",
        # a year standing alone: not a count ("2000 troops"), a price or an identifier
        "lone_year": r"(?<![\d,.$£€#/:-])(?<!\b(?:%s)\s{0,2})(?:1[6-9]\d\d|20\d\d)(?!\d|[,.:/]\d|\s*%%|-[\p{L}\d])"
                     r"(?!\s+(?:%s)\b)" % (year_before, year_after),
        "yy": r"['’]\d\d(?!\d)",
        # years in words, as transcripts write them: "nineteen ninety-six", "two thousand and one"
        "yearwords": r"(?:(?:seventeen|eighteen|nineteen|twenty) (?:%s|oh (?:%s)|(?:%s)(?:(?:-| )(?:%s))?)"
                     r"|two thousand(?: (?:and )?(?:%s|%s))?)" % (_TEENS, _ONES, tens, _ONES, _TEENS, _ONES),
        "hour": r"(?:2[0-3]|1\d|0?\d)",
        "hour12": r"(?:1[0-2]|0?[1-9])",
        "minute": r"[0-5]\d",
        "ampm": r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)",
        "zone": r"(?-i:[ECMP][SD]T|GMT|UTC|Z)",
        "number": r"(?:\d+(?:,\d{3})*|(?:%s)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|%s)"
                  % (tens, alternation(number_words)),
        "unit": r"(?:%s)" % alternation(units),
        "unit1": r"(?:%s)" % alternation(singular),
        "units": r"(?:%s)" % alternation(plural),
        "ordinal": r"(?:%s|[1-4](?:st|nd|rd|th))" % alternation(w for w in ordinal_words if lex["ordinals"][w] <= 4),
        "nth": r"(?:\d{1,2}(?:st|nd|rd|th)|%s)" % alternation(ordinal_words),
        "season": r"(?:%s)" % alternation(lex["seasons"]),
        "part": r"(?:%s)" % alternation(w for w in lex["parts_of_day"] if w not in ("tonight", "overnight")
                                        and not w.endswith("s")),
        "shift": r"(?:%s)" % alternation(lex["shifts"]),
        "mod": r"(?:%s)" % alternation(lex["mods"]),
        "approx": r"(?:%s)" % alternation(w for w, v in lex["approx"].items() if v),
        "deictic": r"(?:%s)" % alternation(w for w in lex["deictic_days"] if w != "tonight"),
        "holiday": r"(?:%s)" % alternation(lex["holidays"]),
        "decade": r"(?:1[5-9]\d0|20[0-9]0)",
    }


# no match may start or end inside a word: "S-400" holds no date, nor "this weekend" "this week"
_WHOLE_WORDS = r"(?:(?<![\p{L}\p{N}])|(?![\p{L}\p{N}]))(?:%s)(?:(?<![\p{L}\p{N}])|(?![\p{L}\p{N}]))"
_MACRO = regex.compile(r"\{(?P<name>[a-z_0-9]+)(?::(?P<group>[a-z_0-9]+))?\}")


def expand(pattern: str) -> str:
    """``{month}`` -> ``(?P<month>...)``; ``{day:day2}`` -> ``(?P<day2>...)`` (a macro's text).
    A space in a pattern matches any run of white space, `` ?`` an optional one (so never put
    a space in a ``[class]``). A match must start and end at word boundaries."""
    table = macros()
    pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")

    def replace(m: regex.Match) -> str:
        name, group = m.group("name"), m.group("group") or m.group("name")
        if name not in table:
            raise ValueError(f"unknown macro {{{name}}}")
        return f"(?P<{group}>{table[name]})"

    return _MACRO.sub(replace, pattern)


@cache
def rules() -> tuple[Rule, ...]:
    built = []
    for order, record in enumerate(read_jsonl("time/rules.jsonl")):
        rule_id = record["id"]
        op = record.get("op", "date")
        if op not in OPS:
            raise ValueError(f"time rule {rule_id}: unknown op {op!r}")
        if record.get("type") not in (None, *TYPES):
            raise ValueError(f"time rule {rule_id}: unknown type {record['type']!r}")
        try:
            pattern = regex.compile(_WHOLE_WORDS % expand(record["pattern"]), regex.IGNORECASE)
        except (regex.error, ValueError) as error:
            raise ValueError(f"time rule {rule_id}: bad pattern: {error}") from None
        built.append(Rule(
            id=rule_id, pattern=pattern, op=op, type=record.get("type"), value=record.get("value"),
            fields=dict(record.get("fields", {})),
            examples=tuple(tuple(e) for e in record.get("examples", [])),
            counterexamples=tuple(record.get("counterexamples", [])), order=order,
        ))
    return tuple(built)
