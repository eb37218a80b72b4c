"""The literal prefixes that every match of a regex pattern starts with.

``match_prefixes(pattern)`` returns a set of strings such that every match of ``pattern``
starts with one of them, or ``None`` when no useful set can be derived (a character class or a
repeat at the very start, or syntax the standard parser does not know). The trigger scan uses
it as a prefilter: a multi-string search finds the few positions where a trigger can start,
and the full pattern is tried only there.

The set is computed from the pattern itself, so a new trigger rule can never be missed:
a construct the walker does not understand ends the prefixes early (a shorter prefix is still
a necessary one); it never makes them wrong. Assertions (``\\b``, lookarounds) are skipped:
they only narrow the matches.
"""

from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from .patterncache import remembered

MAX_PREFIX = 8  # characters worth enumerating
MAX_SET = 512  # prefixes per pattern before giving up
MIN_USEFUL = 3  # shorter prefixes match too often to filter anything

_IGNORECASE = sre_constants.SRE_FLAG_IGNORECASE
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
if hasattr(sre_constants, "POSSESSIVE_REPEAT"):
    _REPEATS.add(sre_constants.POSSESSIVE_REPEAT)
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)

Prefixes = tuple[set[str], set[str]]  # (ended: known no further, open: may still grow)


class _Unusable(Exception):
    pass


@remembered  # (the standard parser takes a third of a millisecond per trigger pattern)
def match_prefixes(pattern: str) -> frozenset[str] | None:
    """Necessary prefixes of every match of ``pattern``, each at least ``MIN_USEFUL`` long."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # regex-module syntax the standard parser does not know
        return None
    if parsed.state.flags & _IGNORECASE:
        return None
    try:
        ended, still_open = _sequence(list(parsed), {""})
    except _Unusable:
        return None
    found = ended | still_open
    if not found or min(len(p) for p in found) < MIN_USEFUL:
        return None
    return frozenset(found)


def _sequence(items: list, prefixes: set[str]) -> Prefixes:
    ended: set[str] = set()
    growing = set(prefixes)
    for op, arg in items:
        ended |= {p for p in growing if len(p) >= MAX_PREFIX}
        growing = {p for p in growing if len(p) < MAX_PREFIX}
        if not growing:
            break
        more_ended, growing = _item(op, arg, growing)
        ended |= more_ended
        if len(ended) + len(growing) > MAX_SET:
            raise _Unusable
    return ended, growing


def _item(op, arg, prefixes: set[str]) -> Prefixes:
    stop: Prefixes = (prefixes, set())
    if op is sre_constants.LITERAL:
        return set(), {p + chr(arg) for p in prefixes}
    if op is sre_constants.IN:
        chars = _class_chars(arg)
        if chars is None or len(chars) * len(prefixes) > MAX_SET:
            return stop
        return set(), {p + c for p in prefixes for c in chars}
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return stop if add_flags & _IGNORECASE else _sequence(list(body), prefixes)
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(arg), prefixes)
    if op is sre_constants.BRANCH:
        ended: set[str] = set()
        growing: set[str] = set()
        for branch in arg[1]:
            e, g = _sequence(list(branch), prefixes)
            ended |= e
            growing |= g
        return ended, growing
    if op in _REPEATS:
        low, high, body = arg
        if low == 0 and high == 1:  # optional: absent, or once
            ended, growing = _sequence(list(body), prefixes)
            return ended, growing | prefixes
        if low == 0:
            return stop
        ended = set()
        growing = set(prefixes)
        for _ in range(low):
            e, growing = _sequence(list(body), growing)
            ended |= e
        if high != low:  # an unknown number of further repetitions follows
            return ended | growing, set()
        return ended, growing
    if op in _ZERO_WIDTH:
        return set(), set(prefixes)
    return stop


def _class_chars(items) -> list[str] | None:
    chars: list[str] = []
    for op, arg in items:
        if op is sre_constants.LITERAL:
            chars.append(chr(arg))
        elif op is sre_constants.RANGE and arg[1] - arg[0] < 16:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        else:  # negation, categories (\w, \s) or a wide range
            return None
    return chars


# -- strings every match holds ----------------------------------------------------------------

MIN_REQUIRED = 4  # a shorter string occurs in too many sentences to rule a pattern out

Required = tuple[frozenset[str], ...]


@remembered
def required_strings(pattern: str) -> Required:
    """Sets of strings such that the text searched holds one string of each set wherever
    ``pattern`` matches (in the match, or where a lookahead or lookbehind reads), each string at
    least ``MIN_REQUIRED`` long: a run of literals, or an alternation every branch of which holds
    one. A pattern need not be tried in a text where some set has no string. Like
    ``match_prefixes``, a construct the walker does not know (or a pattern the standard parser
    refuses) holds nothing required: the sets may be fewer than could be, never wrong."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # regex-module syntax the standard parser does not know
        return ()
    if parsed.state.flags & _IGNORECASE:
        return ()
    return tuple(frozenset(found) for found in _required_in(list(parsed)) if min(map(len, found)) >= MIN_REQUIRED)


def _required_in(items: list) -> list[set[str]]:
    """The sets of strings that a match of the sequence ``items`` holds one of each (see
    ``required_strings``), in the order met."""
    required: list[set[str]] = []
    run: list[str] = []  # the literals in a row so far (zero-width assertions do not break it)
    for op, arg in items:
        if op is sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        if op is sre_constants.ASSERT:  # (what a lookaround reads is in the text too)
            required += _required_in(list(arg[1]))
            continue
        if op in _ZERO_WIDTH:
            continue
        if run:
            required.append({"".join(run)})
            run = []
        required += _required_of_item(op, arg)
    if run:
        required.append({"".join(run)})
    return required


def _required_of_item(op, arg) -> list[set[str]]:
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, body = arg
        return [] if add_flags & _IGNORECASE else _required_in(list(body))
    if _ATOMIC is not None and op is _ATOMIC:
        return _required_in(list(arg))
    if op is sre_constants.BRANCH:
        # one string of each branch: the union of one set per branch (the most selective one)
        union: set[str] = set()
        for branch in arg[1]:
            sets = [found for found in _required_in(list(branch)) if min(map(len, found)) >= MIN_REQUIRED]
            if not sets:
                return []  # a branch that may do without: nothing is required
            union |= max(sets, key=lambda found: (min(map(len, found)), -len(found)))
        return [union]
    if op in _REPEATS and arg[0] >= 1:  # (at least once: the body's strings are required)
        return _required_in(list(arg[2]))
    return []
