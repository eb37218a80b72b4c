"""Step one: a rule's match read into an under-specified value (a ``Partial``).

Each named group of a rule's pattern is one part: ``month`` "Aug." -> 8, ``weekday`` "Friday" -> 4,
``n`` "three" -> 3, ``shift`` "last" -> -1. A group whose name ends in 2 (``day2``) belongs to the
second date of a range; a suffix after an underscore (``n_lo``) names another way to read the
same part. Nothing here looks at the document date: "August 5" stays yearless
until the resolver fills the year from the DCT and the tense of the clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import cachedregex as regex
from .grammar import Rule, lexicon

_DIGITS = regex.compile(r"\d+")


@dataclass(slots=True)
class Partial:
    rule: Rule
    start: int
    end: int
    text: str
    parts: dict[str, Any] = field(default_factory=dict)
    second: dict[str, Any] | None = None  # the second date of a range
    spans: tuple[tuple[int, int], tuple[int, int]] | None = None  # each range bound's extent
    cue: str | None = None  # the word that introduces it ("since", "on" ...), set by the tagger


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def number(text: str) -> int | None:
    """ "3", "1,000", "three", "twenty-four", "a couple of" -> the number; "several" -> None."""
    key = _key(text).replace(",", "")
    if key.isdigit():
        return int(key)
    numbers = lexicon()["numbers"]
    if key in numbers:
        return numbers[key]
    words = regex.split(r"[\s-]+", key)
    if len(words) == 2 and words[0] in lexicon()["tens"] and numbers.get(words[1]) is not None:
        return lexicon()["tens"][words[0]] + numbers[words[1]]
    return None


def year_in_words(key: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    if key.startswith("two thousand"):
        rest = key[len("two thousand"):].replace(" and ", " ").strip()
        return 2000 + (number(rest) or 0) if rest else 2000
    head, _, rest = key.partition(" ")
    century = number(head)
    rest = rest.replace("oh ", "")
    tail = number(rest)
    if century is None or tail is None:
        return None
    return century * 100 + tail


def ordinal(text: str) -> int | None:
    key = _key(text)
    m = _DIGITS.match(key)
    if m:
        return int(m.group(0))
    return lexicon()["ordinals"].get(key.replace(" ", "-"))


def _read(name: str, text: str) -> Any:
    lex = lexicon()
    key = _key(text)
    if name == "month":
        return int(key) if key.isdigit() else lex["months"][key.rstrip(".")]
    if name == "day":
        return ordinal(key)
    if name == "year":
        return int(key) if key.isdigit() else year_in_words(key)
    if name == "yy":
        return int(key.lstrip("'"))
    if name == "weekday":
        return lex["weekdays"][key.rstrip(".")]
    if name == "season":
        return lex["seasons"][key]
    if name in ("quarter", "half", "century"):
        return ordinal(key)
    if name == "decade":
        return int(key) // 10
    if name == "hundreds":  # "the 1800s": the nineteenth century, read as the ordinal "19th"
        return int(key) + 1
    if name == "dyy":
        return int(key)
    if name == "dword":  # "the nineties": the decade of the century the DCT is in or before
        return lexicon()["tens"][key[:-3] + "y"] // 10
    if name in ("hour", "minute"):
        return int(key)
    if name == "ampm":
        return "pm" if key.startswith("p") else "am"
    if name == "part":
        return lex["parts_of_day"][key]
    if name == "n":
        return number(key)
    if name == "unit":
        return lex["units"][key]
    if name == "shift":
        return lex["shifts"][key]
    if name == "deictic":
        return lex["deictic_days"][key]
    if name == "mod":
        return lex["mods"][key.rstrip("-")]
    if name == "approx":
        return lex["approx"][key]
    if name == "holiday":
        return key
    return key


_READ: dict[tuple[str, str], Any] = {}
# the named groups of a pattern, in order, as (group number, part, of the second date)
_GROUPS: dict[tuple[str, int], tuple[tuple[int, str, bool], ...]] = {}


def _groups(m: regex.Match, key: tuple[str, int]) -> tuple[tuple[int, str, bool], ...]:
    """The named groups of a match of a rule's left context or core (``key``: rule id, 0 or 1)."""
    plan = _GROUPS.get(key)
    if plan is None:
        entries = []
        for name, number in m.re.groupindex.items():
            base = name.split("_")[0]  # "n_lo", "year_words": the same part read another way
            is_second = base.endswith("2")
            entries.append((number, base[:-1] if is_second else base, is_second))
        plan = _GROUPS[key] = tuple(entries)
    return plan


def read(rule: Rule, start: int, end: int, left: regex.Match | None, core: regex.Match) -> Partial | None:
    """The parts a match states (its left context and its core), plus those its rule states
    without reading them; None where a part is out of range (a 32nd day, a 13th month)."""
    text = core.string[start:end]
    if rule.op == "range":
        first, second, spans = _read_parts(rule, (left, core), True)
        if not plausible(first) or second and not plausible(second):
            return None
        return Partial(rule, start, end, text, first, second, spans)
    # the same rule matching the same groups states the same parts (the same words come back
    # again and again: "on Tuesday", "last year"): read and judged once, and shared by the
    # expressions that state them (nothing changes a Partial's parts)
    key = (rule.order, left.groups() if left is not None else None, core.groups())
    parts = _PARTS.get(key, _PARTS)
    if parts is _PARTS:
        parts = _read_parts(rule, (left, core), False)[0]
        if not plausible(parts):
            parts = None
        if len(_PARTS) > 50000:
            _PARTS.clear()
        _PARTS[key] = parts
    return None if parts is None else Partial(rule, start, end, text, parts)


def plausible(parts: dict[str, Any]) -> bool:
    """Whether the day, month and count a match states are in range."""
    day, month = parts.get("day"), parts.get("month")
    if day is not None and not 1 <= day <= 31:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    n = parts.get("n")
    return n is None or n <= 10000


# the parts read for a rule and the groups it matched; None where they are out of range
_PARTS: dict[tuple[int, tuple[str | None, ...] | None, tuple[str | None, ...]], dict[str, Any] | None] = {}
Spans = tuple[tuple[int, int], tuple[int, int]]


def _read_parts(rule: Rule, matches: tuple[regex.Match | None, regex.Match],
                is_range: bool) -> tuple[dict[str, Any], dict[str, Any], Spans | None]:
    """The parts of the first and of the second date, and for a range each date's extent."""
    first, second = dict(rule.fields), {}
    spans: dict[bool, list[int]] = {False: [], True: []}
    for index, m in enumerate(matches):  # the left context's match, the core's
        if m is None:
            continue
        values = m.groups()
        for number, base, is_second in _groups(m, (rule.id, index)):
            text = values[number - 1]
            if text is None:
                continue
            target = second if is_second else first
            if base not in target:
                value = _READ.get((base, text), _READ)
                if value is _READ:
                    value = _read(base, text)
                    if len(_READ) > 50000:
                        _READ.clear()
                    _READ[(base, text)] = value
                target[base] = value
            if is_range:
                spans[is_second].extend(m.span(number))
    extents = None
    if spans[False] and spans[True]:
        extents = ((min(spans[False]), max(spans[False])), (min(spans[True]), max(spans[True])))
    return first, second, extents
