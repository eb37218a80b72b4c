"""The temporal grammar: the word lists of ``data/time/lexicon.json`` and the rules of
``data/time/rules.jsonl``, compiled once per process.

A rule's pattern names the parts it reads with ``{macros}``: ``{month}`` becomes a group
``(?P<month>...)`` that matches any month name, ``{day:day2}`` a day-of-month group named
``day2`` (the second date of a range). Patterns are matched case-insensitively, except month
and weekday names, which must be capitalised ("May 5", never "may"). Group names tell the
parser what a part means (see ``parse.py``). A space matches any run of white space; the
rule's other fields (``op``, ``type``, ``fields``, ``value``) tell the resolver what to do.

Speed: a rule is only tried where its ``anchor`` occurs — a word class (``month``, ``unit``,
``digit`` ...) or a list of words — found with string operations, not regex scans. ``{@}``
marks where the anchor starts in the pattern: the part after it (the core) is matched forward
from the anchor, the part before it (the left context: "about", "the past", "three") is
matched backwards from there.
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
    core: regex.Pattern  # matched forward from the anchor
    left: regex.Pattern | None  # matched backwards from the anchor (a reverse pattern)
    anchors: tuple[str, ...]  # lower-case words where the core starts; () for digits
    digit_runs: frozenset[int] = frozenset()  # for a digit anchor: the lengths of digit run it starts with
    op: str = "date"
    type: str | None = None  # None: DATE, or TIME when a clock time is read
    value: str | None = None  # a fixed TIMEX3 value (refs, sets)
    fields: dict[str, Any] = field(default_factory=dict)  # parts the rule states without reading them
    # (sentence, expression, value) at the test DCT; for a veto rule (sentence, text)
    examples: tuple[tuple[str, ...], ...] = ()
    counterexamples: tuple[str, ...] = ()
    order: int = 0
    # whether the left context can end with a given text chunk ("the ", "three-"): filled as
    # the tagger meets chunks, so most failing rules cost a dictionary look-up
    left_fits: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def left_can_end_with(self, chunk: str) -> bool:
        fits = self.left_fits.get(chunk)
        if fits is None:
            if len(self.left_fits) > 20000:
                self.left_fits.clear()
            fits = self.left is None or self.left.match(chunk, partial=True) is not None
            self.left_fits[chunk] = fits
        return fits


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


_MACRO = regex.compile(r"\{(?P<name>[a-z_0-9]+)(?::(?P<group>[a-z_0-9]+))?\}")
ANCHOR = "{@}"
# an expression starts and ends at word edges: "this weekend", never "this week" + "end"
_EDGE = r"(?:(?<![\p{L}\p{N}])|(?![\p{L}\p{N}]))"


def anchor_classes() -> dict[str, frozenset[str]]:
    """The words of each anchor class, lower case ("digit" is found apart, as digit runs)."""
    lex = lexicon()
    return {
        "month": frozenset(lex["months"]),
        "weekday": frozenset(lex["weekdays"]),
        "unit": frozenset(lex["units"]),
        "deictic": frozenset(w for w in lex["deictic_days"] if " " not in w),
        "season": frozenset(lex["seasons"]),
        "part": frozenset(lex["parts_of_day"]),
        "holiday": frozenset(h.split()[0].split("'")[0] for h in lex["holidays"]),
        "digit": frozenset(),
    }


def expand(pattern: str) -> str:
    """``{month}`` -> ``(?P<month>...)``; ``{day:day2}`` -> ``(?P<day2>...)`` (a macro's text).
    A space in a pattern matches any run of white space, `` ?`` an optional one (so never put
    a space in a ``[class]``)."""
    table = macros()
    pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")

    def replace(m: regex.Match) -> str:
        name, group = m.group("name"), m.group("group") or m.group("name")
        if name not in table:
            raise ValueError(f"unknown macro {{{name}}}")
        return f"(?P<{group}>{table[name]})"

    return _MACRO.sub(replace, pattern)


def _can_start(core: regex.Pattern, words: frozenset[str]) -> frozenset[str]:
    """The anchor words a core can begin with (tried as prefixes of a match, in any case), so
    that a rule about "year" is not tried on every "day". A core that needs text before it
    (a lookbehind) keeps all its words."""
    fitting = frozenset(w for w in words if any(core.match(form, partial=True)
                                                for form in (w, w.capitalize(), w.upper())))
    return fitting or words


_DIGIT_SAMPLES = {1: ("5", "0"), 2: ("12", "19", "20", "31", "05"), 3: ("123",), 4: ("1998", "2021", "1700", "1234")}


def _digit_runs(core: regex.Pattern) -> frozenset[int]:
    """The lengths of digit run a digit-anchored core can begin with (all, if it needs text
    before it)."""
    runs = frozenset(size for size, samples in _DIGIT_SAMPLES.items()
                     if any(core.match(sample, partial=True) for sample in samples))
    return runs or frozenset(range(1, 5))


@cache
def anchor_index() -> tuple[dict[str, tuple[Rule, ...]], dict[int, tuple[Rule, ...]]]:
    """Rules by the anchor word their core starts with, and digit-anchored rules by the length
    of the digit run (4 and more share an entry)."""
    by_word: dict[str, list[Rule]] = {}
    by_run: dict[int, list[Rule]] = {}
    for rule in rules():
        for size in rule.digit_runs:
            by_run.setdefault(size, []).append(rule)
        for word in rule.anchors:
            by_word.setdefault(word, []).append(rule)
    return {w: tuple(rs) for w, rs in by_word.items()}, {n: tuple(rs) for n, rs in by_run.items()}


@cache
def rules() -> tuple[Rule, ...]:
    built = []
    classes = anchor_classes()
    for order, record in enumerate(read_jsonl("time/rules.jsonl")):
        rule_id = record["id"]
        op = record.get("op", "date")
        if op not in OPS:
            raise ValueError(f"time rule {rule_id}: unknown op {op!r}")
        if record.get("type") not in (None, *TYPES):
            raise ValueError(f"time rule {rule_id}: unknown type {record['type']!r}")
        anchor = record.get("anchor")
        if isinstance(anchor, str) and anchor not in classes or not anchor:
            raise ValueError(f"time rule {rule_id}: unknown anchor {anchor!r}")
        left_source, _, core_source = record["pattern"].rpartition(ANCHOR)
        try:
            core = regex.compile("(?:%s)%s" % (expand(core_source), _EDGE), regex.IGNORECASE)
            left = None
            if left_source:
                left = regex.compile("(?r)%s(?:%s)" % (_EDGE, expand(left_source)), regex.IGNORECASE)
        except (regex.error, ValueError) as error:
            raise ValueError(f"time rule {rule_id}: bad pattern: {error}") from None
        if anchor == "digit":
            anchors, runs = frozenset(), _digit_runs(core)
        else:
            anchors = classes[anchor] if isinstance(anchor, str) else frozenset(w.lower() for w in anchor)
            anchors, runs = _can_start(core, anchors), frozenset()
        built.append(Rule(
            id=rule_id, core=core, left=left, anchors=tuple(sorted(anchors)), digit_runs=runs,
            op=op, type=record.get("type"), value=record.get("value"),
            fields=dict(record.get("fields", {})),
            examples=tuple(tuple(e) for e in record.get("examples", [])),
            counterexamples=tuple(record.get("counterexamples", [])), order=order,
        ))
    return tuple(built)
