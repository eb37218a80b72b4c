"""The temporal grammar: the word lists of ``data/time/lexicon.json`` and the rules of
``data/time/rules.jsonl``, each rule compiled once per process, the first time it is needed.

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
from functools import cache
from typing import Any

from .. import cachedre as re
from .. import cachedregex as regex
from ..lazypattern import longest_first
from ..resources import read_jsonl, read_text

OPS = ("date", "ref", "ago", "hence", "before", "after", "anaphor", "duration", "set", "range", "veto")
TYPES = ("DATE", "TIME", "DURATION", "SET")


class Rule:
    """A rule of ``rules.jsonl``. Its patterns are compiled the first time they are needed:
    a process that never meets a rule's anchor never pays for compiling it."""

    __slots__ = ("id", "anchor", "anchors", "op", "type", "value", "fields", "examples", "counterexamples",
                 "order", "core_source", "left_source", "needs_text_before", "_core", "_matcher", "_left",
                 "tail_fits", "_gates")

    def __init__(self, id: str, anchor: str, anchors: tuple[str, ...], core_source: str, left_source: str | None,
                 op: str = "date", type: str | None = None, value: str | None = None,
                 fields: dict[str, Any] | None = None, examples: tuple[tuple[str, ...], ...] = (),
                 counterexamples: tuple[str, ...] = (), order: int = 0, tail_fits: dict[str, int] | None = None):
        self.id = id
        self.anchor = anchor  # a word class, or "words" for a rule that lists its own
        self.anchors = anchors  # lower-case words where the core starts; () for digits
        self.core_source = core_source  # expanded: matched forward from the anchor
        self.left_source = left_source  # expanded: matched backwards from the anchor, or None
        # a core that looks behind its anchor (a positive lookbehind) cannot be judged from
        # the anchor and what follows it alone (see ``fits_after``)
        self.needs_text_before = "(?<=" in core_source
        self.op = op
        self.type = type  # None: DATE, or TIME when a clock time is read
        self.value = value  # a fixed TIMEX3 value (refs, sets)
        self.fields = fields or {}  # parts the rule states without reading them
        # (sentence, expression, value) at the test DCT; for a veto rule (sentence, text)
        self.examples = examples
        self.counterexamples = counterexamples
        self.order = order
        self._core: regex.Pattern | None = None
        self._matcher: regex.Pattern | re.Pattern | None = None
        self._left: regex.Pattern | None = None
        # what the left context can be after a given tail (see ``tail_verdict``): filled as the
        # tagger meets tails, shared by the rules with the same left context
        self.tail_fits: dict[str, int] = {} if tail_fits is None else tail_fits
        self._gates: tuple[regex.Pattern | None, regex.Pattern | None, regex.Match | None] | None = None

    def __repr__(self) -> str:
        return f"Rule({self.id!r})"

    @property
    def core(self) -> regex.Pattern:
        if self._core is None:
            self._core = _compile(self.id, "(?:%s)%s" % (self.core_source, _EDGE))
        return self._core

    @property
    def matcher(self) -> regex.Pattern | re.Pattern:
        """The core for matching: compiled with the standard ``re`` where the pattern allows
        (three times cheaper per attempt than ``regex``), else the ``regex`` core."""
        if self._matcher is None:
            try:
                self._matcher = re.compile(standard_source("(?:%s)%s" % (self.core_source, _EDGE)), re.IGNORECASE)
            except re.error:
                self._matcher = self.core
        return self._matcher

    @property
    def left(self) -> regex.Pattern | None:
        if self._left is None and self.left_source is not None:
            self._left = _compile(self.id, "(?r)%s(?:%s)" % (_EDGE, self.left_source))
        return self._left

    def match_left(self, text: str, pos: int, endpos: int) -> regex.Match | None:
        """The left context matched backwards from ``endpos``, compiled when first needed."""
        return self.left.match(text, pos, endpos)

    @property
    def tail_gate(self) -> regex.Pattern | None:
        """The left context with what looks around made plain (see ``consuming_form``), matched
        backwards, for ``tail_verdict``; None when there is nothing to check: no left context,
        or one that may be empty (it fits before any anchor: "(?:last )?" in "{@}{weekday}")."""
        if self._gates is None:
            self._gates = self._build_gates()
        return self._gates[0]

    @property
    def empty_left(self) -> regex.Match | None:
        """For a left context that may be empty wherever it stands (it looks nowhere around),
        its empty match, whose groups are all None: the tagger's left match where the tail
        shows that nothing else can match (see ``tail_verdict``)."""
        if self._gates is None:
            self._gates = self._build_gates()
        return self._gates[2]

    def _build_gates(self) -> tuple[regex.Pattern | None, regex.Pattern | None, regex.Match | None]:
        if self.left_source is None:
            return None, None, None
        gate, nonempty = _gate_patterns(self.left_source)
        if gate is not None or nonempty is None:
            return gate, None, None
        empty = self.left.match("")
        if empty is None or any(g is not None for g in empty.groups()):
            return None, None, None
        return None, nonempty, empty

    def tail_verdict(self, tail: str) -> int:
        """What the left context can be, given ``tail``, the last characters (at most ``TAIL``)
        before the anchor, white space before it read as one space ("st " in "last week"):
        NO_LEFT (the rule cannot match), TRY_LEFT (match it), or EMPTY_LEFT (only its empty
        match, ``empty_left``, is possible). A necessary condition, cheap to test and to cache
        (tails are few): where the left context matches, the text before the anchor ends with
        a string it matches, and so the tail is the end of a string the gate matches (the gate
        matches more: what it looks for around is consumed or dropped), which a partial match
        finds."""
        verdict = self.tail_fits.get(tail)
        if verdict is None:
            if self._gates is None:
                self._gates = self._build_gates()
            gate, nonempty, _ = self._gates
            # the gates look nowhere around: what cannot end with the tail's last characters
            # cannot end with the tail, and the short tails are few (the verdict settled at once)
            shorter = self.tail_verdict(tail[1:]) if len(tail) > 1 else TRY_LEFT
            if shorter != TRY_LEFT:
                verdict = shorter
            elif gate is not None:
                verdict = TRY_LEFT if gate.match(tail, partial=True) is not None else NO_LEFT
            elif nonempty is not None:
                verdict = TRY_LEFT if nonempty.match(tail, partial=True) is not None else EMPTY_LEFT
            else:
                verdict = TRY_LEFT
            if len(self.tail_fits) > 20000:
                self.tail_fits.clear()
            self.tail_fits[tail] = verdict
        return verdict

    def fits_after(self, key: str) -> bool:
        """Whether the core can match text that starts with ``key`` (the anchor and what
        follows it, cut short anywhere): a partial match succeeds when the text ends where more
        of it could still make the pattern match."""
        return self.needs_text_before or self.core.match(key, partial=True) is not None


# the characters before an anchor a left context is first judged by, and the verdicts
TAIL = 3
NO_LEFT, TRY_LEFT, EMPTY_LEFT = 0, 1, 2


@cache
def _gate_patterns(left_source: str) -> tuple[regex.Pattern | None, regex.Pattern | None]:
    """The gates of a left context, compiled once for the rules that share it: the pattern made
    plain (``consuming_form``), matched backwards, if it cannot match nothing; else, if nothing
    was made plain (it looks nowhere around), the same pattern held from matching nothing
    ("(?!\\Z)", tried last when matching backwards); None where there is nothing to check."""
    plain = consuming_form(left_source)
    try:
        gate = regex.compile("(?r)(?:%s)" % plain, regex.IGNORECASE)
    except (regex.error, ValueError):
        return None, None  # not a pattern once made plain: no gate (every tail fits)
    if gate.match("") is None:
        return gate, None
    if plain != left_source:
        return None, None
    return None, regex.compile(r"(?r)(?!\Z)(?:%s)" % plain, regex.IGNORECASE)


def consuming_form(source: str) -> str:
    """``source`` without what looks around, for a gate that matches more than the pattern: a
    lookbehind that opens the pattern has its text consumed in its place (``(?<=from\\s+)the``
    -> ``(?:from\\s+)the``: it looks at what comes before the match); other lookbehinds (which
    may look back over what the pattern consumed), lookaheads, anchors and word boundaries are
    dropped."""
    out: list[str] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            escape = source[i:i + 2]
            if escape[1:] not in ("b", "B", "A", "Z", "G"):
                out.append(escape)
            i += 2
        elif c == "[":
            j = _class_end(source, i)
            out.append(source[i:j])
            i = j
        elif c in "^$":
            i += 1
        elif source.startswith(("(?<=", "(?<!", "(?=", "(?!"), i):
            j = _group_end(source, i)
            if i == 0 and source.startswith("(?<=", i):
                out.append("(?:%s)" % consuming_form(source[i + 4:j - 1]))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _class_end(source: str, i: int) -> int:
    """The index after the character class that starts at ``source[i]`` ("[")."""
    j = i + 1
    if source.startswith("^", j):
        j += 1
    if source.startswith("]", j):
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def _group_end(source: str, i: int) -> int:
    """The index after the group that starts at ``source[i]`` ("(")."""
    depth, j = 0, i
    while j < len(source):
        c = source[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(source, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError(f"unbalanced group in {source!r}")


# ``regex`` classes the patterns use, in the standard ``re`` syntax (letters: word characters
# that are no digit nor underscore). A set holding a letter class and other members becomes an
# alternation: inside a set, the negated class would be a nested set, read as other characters.
_STANDARD = (("[\\p{L}\\p{N}]", r"[^\W_]"), ("[\\p{L}\\d]", r"[^\W_]"), ("[\\p{L}-]", r"(?:[^\W\d_]|-)"),
             ("[\\p{L}\\d'’-]", r"(?:[^\W_]|['’-])"), ("[\\p{L}\\d.'’-]", r"(?:[^\W_]|[.'’-])"),
             ("[\\p{L}'’.]", r"(?:[^\W\d_]|['’.])"),
             ("[\\p{L}]", r"[^\W\d_]"), ("\\p{Lu}", "[A-ZÀ-ÖØ-Þ]"), ("\\p{L}", r"[^\W\d_]"))


def standard_source(source: str) -> str:
    """``source`` with the ``regex`` classes it uses written for the standard ``re``."""
    for special, standard in _STANDARD:
        source = source.replace(special, standard)
    return source


def compile_all() -> None:
    """Compile every rule now (a long batch run, or a benchmark that times the tagging alone)."""
    for rule in rules():
        _ = rule.core, rule.matcher, rule.left, rule.tail_gate


def _compile(rule_id: str, source: str) -> regex.Pattern:
    try:
        return regex.compile(source, regex.IGNORECASE)
    except regex.error as error:
        raise ValueError(f"time rule {rule_id}: bad pattern: {error}") from None


@cache
def lexicon() -> dict[str, Any]:
    return json.loads(read_text("time/lexicon.json"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any run of spaces."""
    escaped = (regex.escape(w).replace(r"\ ", " ").replace(" ", r"\s+") for w in set(words))
    return "|".join(longest_first(escaped))


def _capitalised(words: Iterable[str]) -> str:
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "(?-i:%s)" % alternation(forms)


def _not_preceded_by(words: Iterable[str], spaces: int) -> str:
    """Negative lookbehinds for ``words`` followed by up to ``spaces`` white spaces, one per word
    length and number of spaces, so that each has a fixed width (as the standard ``re`` needs)."""
    by_length: dict[int, list[str]] = {}
    for word in sorted(set(words)):
        by_length.setdefault(len(word), []).append(regex.escape(word))
    return "".join(r"(?<!\b(?:%s)%s)" % ("|".join(escaped), r"\s" * n)
                   for _, escaped in sorted(by_length.items()) for n in range(spaces + 1))


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
    year_before = _not_preceded_by(lex["not_before_year"], spaces=2)
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
        "year": r"(?<![\d,.$])(?<!(?-i:\p{Lu})-)(?<!\d-)(?:1[6-9]\d\d|20\d\d)(?![\d,]\d|\.\d|\s*%)",
        # a year standing alone: not a count ("2000 troops"), a price or an identifier
        "lone_year": r"(?<![\d,.$£€#/:-])%s(?:1[6-9]\d\d|20\d\d)(?!\d|[,.:/]\d|\s*%%|-[\p{L}\d])"
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


@cache
def anchor_index() -> tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...]]:
    """Rules by the anchor word their core starts with, and the rules anchored on a digit run."""
    by_word: dict[str, list[Rule]] = {}
    on_digits: list[Rule] = []
    for rule in rules():
        if rule.anchor == "digit":
            on_digits.append(rule)
        for word in rule.anchors:
            by_word.setdefault(word, []).append(rule)
    return {w: tuple(rs) for w, rs in by_word.items()}, tuple(on_digits)


@cache
def rules() -> tuple[Rule, ...]:
    built = []
    classes = anchor_classes()
    tail_fits: dict[str, dict[str, int]] = {}  # one cache per left context
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
            core_source, left_source = expand(core_source), (expand(left_source) if left_source else None)
        except ValueError as error:
            raise ValueError(f"time rule {rule_id}: bad pattern: {error}") from None
        if anchor == "digit":
            anchors: frozenset[str] = frozenset()
        else:
            anchors = classes[anchor] if isinstance(anchor, str) else frozenset(w.lower() for w in anchor)
        built.append(Rule(
            id=rule_id, anchor=anchor if isinstance(anchor, str) else "words", anchors=tuple(sorted(anchors)),
            core_source=core_source, left_source=left_source,
            op=op, type=record.get("type"), value=record.get("value"),
            fields=dict(record.get("fields", {})),
            examples=tuple(tuple(e) for e in record.get("examples", [])),
            counterexamples=tuple(record.get("counterexamples", [])), order=order,
            tail_fits=tail_fits.setdefault(left_source, {}) if left_source is not None else None,
        ))
    return tuple(built)
