"""Find time expressions: rules are tried where their anchor words occur, the longest matches
win, then each is resolved in text order so that "the next day" can lean on the date mentioned
before it."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from functools import cache

from .. import cachedre as re
from .. import cachedregex as regex
from ..lazypattern import longest_first
from ..reach import PHRASE_REACH
from .anchors import (
    _AFTER,
    DIGITS,
    LETTERS,
    Entry,
    anchor_automaton,
    anchor_spans,
    plan_after,
    rules_of,
    tables_in_use,
    use_tables,
)
from .calendar import Point, day_point
from .context import REPORTED_PERIOD, Context
from .grammar import TAIL, Rule, lexicon
from .parse import Partial, read
from .resolve import resolve
from .tense import clause_window, opening_tense, states_until_then, tense_in
from .timex import Timex

# ops whose result is a date the text states, and so becomes the reference time
_REFERENCE_OPS = ("date", "range")
# the direction a preposition gives: a deadline looks ahead whatever the verb ("has given them
# until Tuesday"); "by February" and "through January" only when no verb says otherwise
_DEADLINE_CUES = frozenset(["until", "till", "til", "effective", "payable", "starting", "beginning",
                            "no later than", "not later than", "as early as", "ahead of"])
_CUE_TENSE = {"by": "future", "through": "future", "as of": "future", "since": "past"}


@cache
def _state_until() -> tuple[frozenset[str], ...]:
    words = lexicon()["state_until"]
    return frozenset(words["cues"]),


@cache
def _cues_by_last() -> dict[str, tuple[tuple[str, int], ...]]:
    """The cue phrases by their last word, longest first, with their length in words."""
    by_last: dict[str, list[tuple[str, int]]] = {}
    for cue in lexicon()["cues"]:
        words = cue.split()
        by_last.setdefault(words[-1], []).append((" ".join(words), len(words)))
    return {w: tuple(sorted(cs, key=lambda c: -c[1])) for w, cs in by_last.items()}


def cue_before(text: str, at: int, floor: int) -> str | None:
    """The preposition (or the like) just before an expression: "since" in "since May"."""
    if at > 0 and text[at - 1].isalnum():
        return None
    # the last word first (most are no cue's last word); the words before it only for a cue
    # of several words
    window = text[max(floor, at - 24):at]
    last = window.rsplit(None, 1)
    if not last:
        return None
    cues = _cues_by_last().get(last[-1].lower())
    if cues is None:
        return None
    words = window.split()
    for cue, size in cues:
        if size == 1:
            return cue
        if len(words) >= size and " ".join(words[-size:]).lower() == cue:
            return cue
    return None


@cache
def _short_number_gate() -> re.Pattern:
    """What may follow a one- or two-digit number that starts a date or time: "5 August",
    "5-10 August", "10:35", "9 a.m.", "5 to 10 May", "4 in the morning", "08/05/2021", "80s"."""
    months = "|".join(longest_first(w.capitalize() for w in lexicon()["months"]))
    return re.compile(r"(?:st|nd|rd|th)?(?:\s*[-–/:]\s*\d|\s+(?:to|and|through)\s+\d|\s*(?:[ap]\.?m\b|[AP]M\b)"
                      r"|\s+in\s+the\b|0s\b|(?:\s+of)?\s+(?:%s)\b)" % months)


@cache
def _cannot_follow_short_number() -> frozenset[str]:
    """Characters no match of ``_short_number_gate`` starts with (",", ".", "%", most letters):
    after one of them the gate need not run. Printable ASCII and common punctuation, judged by a
    partial match of the same pattern; white space is always left to the gate."""
    gate = regex.compile(_short_number_gate().pattern)
    tried = {chr(c) for c in range(33, 127)} | set("’”“‘»«…–—•·°")
    return frozenset(c for c in tried if gate.match(c, partial=True) is None)


@cache
def _cannot_follow_number_and_space() -> frozenset[str]:
    """The characters no match of ``_short_number_gate`` goes on with after one space (most
    letters: "5 people"; a match goes on with "5 August", "9 am", "5 to 10"): after a space and
    one of them the gate need not run. Judged as ``_cannot_follow_short_number`` is."""
    gate = regex.compile(_short_number_gate().pattern)
    tried = {chr(c) for c in range(33, 127)} | set("’”“‘»«…–—•·°")
    return frozenset(c for c in tried if gate.match(" " + c, partial=True) is None)


# a match found: minus its length, its rule's order, its start, how many were found before it
# (so that sorting candidates ranks them for ``select``), its end, the rule, the left context's
# match and the core's
Candidate = tuple[int, int, int, int, int, Rule, "re.Match | None", "re.Match"]


def candidates(text: str, start: int, end: int) -> list[Candidate]:
    """Every rule's matches in ``text[start:end]`` that stand as whole words. A rule is tried
    only where one of its anchor words (or a digit run) starts, and (once the dispatch tables
    are in use) only if the character after the anchor can continue its pattern and the last
    characters before it can end its left context."""
    found: list[Candidate] = []
    if not tables_in_use():
        words, runs = anchor_spans(text, start, end)
        if not use_tables(len(words) + len(runs)):
            _try_every_rule(text, start, end, words, runs, found)
            return found
    # the anchor scan of ``anchor_spans``, each anchor tried as it is found
    raw = text[start:end].encode("ascii", "replace")
    letters = (b" " + raw.translate(LETTERS) + b" ").decode("ascii")
    after = _AFTER
    base = start - 1  # a match ends at the space after the word; offsets in ``letters`` are one ahead
    for stop, (size, word) in anchor_automaton().iter(letters):
        stop += base
        at = stop - size
        key = text[at:stop + 1] if stop < end else text[at:end]
        plan = after.get(key)
        if plan is None:
            plan = plan_after(key, word)
        if not plan:
            continue
        if plan.gated:
            # the tail (``_tail``), inline for the usual case: a word and one space
            if at - start >= TAIL and text[at - 1] == " " and not text[at - 2].isspace():
                tail = text[at - 3:at] if text[at - 3] != " " else text[at - 2:at]
            else:
                tail = _tail(text, at, start)
            entries = plan.by_tail.get(tail)
            if entries is None:
                entries = plan.after_tail(tail)
            if not entries:
                continue
        else:
            entries = plan.entries
        _try(entries, text, at, start, end, found)
    digits = raw.translate(DIGITS)
    runs = digits.split()
    if runs:
        gate = _short_number_gate().match
        cannot_follow = _cannot_follow_short_number()
        cannot_follow_space = _cannot_follow_number_and_space()
        find = digits.find
        i = 0
        for run in runs:
            i = find(run, i)
            size = len(run)
            at = start + i
            i += size
            stop = start + i
            if size < 3:
                if stop + 1 < end and text[stop] == " " and text[stop + 1] in cannot_follow_space:
                    fits = False  # ("5 people": what the gate would say)
                elif stop < end and text[stop] in cannot_follow:
                    continue
                else:
                    fits = gate(text, stop, min(end, stop + 16)) is not None
                if not fits and not (at > 0 and text[at - 1] in "'’"):
                    continue
            elif size > 5:
                stop = at + 5
            key = text[at:stop + 1] if stop < end else text[at:end]
            plan = after.get(key)
            if plan is None:
                plan = plan_after(key, None)
            if plan:
                _try(plan.after_tail(_tail(text, at, start)) if plan.gated else plan.entries,
                     text, at, start, end, found)
    return found


def _try_every_rule(text: str, start: int, end: int, words: list[tuple[int, int, str]], runs: list[tuple[int, int]],
                    found: list[Candidate]) -> None:
    """``candidates`` for a short run: every rule of each anchor is tried (a left context is
    compiled once a core has matched: see ``Rule.match_left``)."""
    for at, _, word in words:
        _try(rules_of(word), text, at, start, end, found)
    if runs:
        gate = _short_number_gate().match
        for at, stop in runs:
            if stop - at < 3 and not gate(text, stop, min(end, stop + 16)) and not (at > 0 and text[at - 1] in "'’"):
                continue
            _try(rules_of(None), text, at, start, end, found)


def _try(entries: tuple[Entry, ...], text: str, at: int, start: int, end: int, found: list[Candidate]) -> None:
    """Match each entry's rule at the anchor ``at`` and add what stands as whole words."""
    # a rule reads a few words about its anchor: matched within PHRASE_REACH of it, not to the
    # ends of the text (``regex`` looks for a pattern's required words through all it is given)
    before, after = max(start, at - PHRASE_REACH), min(end, at + PHRASE_REACH)
    for rule, core_match, left_match, left in entries:
        core = core_match(text, at, after)
        if core is None:
            continue
        if left_match is not None:
            left = left_match(text, before, at)
            if left is None:
                continue
            s = left.start()
            if s > 0 and text[s - 1].isalnum() and text[s].isalnum():
                continue
        else:
            s = at  # no left context, or only its empty match (``left``)
            if at > 0 and text[at - 1].isalnum() and text[at].isalnum():
                continue
        e = core.end()
        if s == e:
            continue
        if e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
            continue
        found.append((s - e, rule.order, s, len(found), e, rule, left, core))


def _tail(text: str, at: int, start: int) -> str:
    """The last ``TAIL`` characters before ``at`` within its word, and white space before ``at``
    as one space ("st " in "last  week"): what a rule's left context is first judged by."""
    if at - start >= TAIL and text[at - 1] == " " and not text[at - 2].isspace():
        # the usual case, a word and one space: its last two characters and the space
        return text[at - 3:at] if text[at - 3] != " " else text[at - 2:at]
    i = at
    while i > start and text[i - 1].isspace():
        i -= 1
    if i < at:
        lo = max(start, i - TAIL + 1)
        k = text.rfind(" ", lo, i)
        return text[lo if k < 0 else k + 1:i] + " "
    lo = max(start, i - TAIL)
    k = text.rfind(" ", lo, i)
    return text[lo if k < 0 else k + 1:i]


def select(found: list[Candidate]) -> list[Partial]:
    """The longest matches that do not overlap (ties: the rule listed first), in text order."""
    found.sort()  # longest first, then by rule order, then by start; ties in the order found
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Partial] = []
    last_size = last_order = last_start = -1
    for negative_size, order, s, _, e, rule, left, core in found:
        if s == last_start and order == last_order and negative_size == last_size:
            continue  # the same match, found from another anchor
        last_size, last_order, last_start = negative_size, order, s
        i = bisect_right(starts, s)
        if i and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        partial = read(rule, s, e, left, core)
        if partial is None:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        chosen.insert(i, partial)
    return chosen


def tag(text: str, dct: date | None, start: int = 0, end: int | None = None) -> list[Timex]:
    """Time expressions in ``text[start:end]``, normalised against the document date ``dct``."""
    return DocumentTagger(dct).tag(text, start, end)


class DocumentTagger:
    """Tags one document's text, at once or part by part in text order (``parts``): the points
    its expressions state are remembered from one part to the next, to resolve "the next day"."""

    def __init__(self, dct: date | None):
        self.dct = dct
        self.refs: dict[str, Point] | None = None  # (made when the first expression is found)

    def tag(self, text: str, start: int = 0, end: int | None = None,
            keep: tuple[int, int] | None = None) -> list[Timex]:
        """Time expressions in ``text[start:end]`` (only those that start in ``keep``, if given:
        the rest of the text is the margin of a part, read for the context it gives)."""
        end = len(text) if end is None else end
        chosen = select(candidates(text, start, end))
        if not chosen:
            return []
        dct = self.dct
        refs = self.refs
        if refs is None:
            refs = self.refs = {"day": day_point(dct)} if dct is not None else {}

        def tense(ctx: Context) -> str | None:
            if ctx.cue in _DEADLINE_CUES:
                if ctx.cue in _state_until()[0]:
                    left, right = clause_window(text, ctx.start, ctx.end, start, end)
                    if states_until_then(text, ctx.start, ctx.end, left, right):
                        return "past"
                return "future"
            left, right = clause_window(text, ctx.start, ctx.end, start, end)
            return (tense_in(text, ctx.start, ctx.end, left, right)
                    or opening_tense(text, ctx.start, ctx.end, left, end) or _CUE_TENSE.get(ctx.cue or ""))

        context = Context(dct, tense, refs)
        found: list[Timex] = []
        for partial in chosen:
            if keep is not None and not keep[0] <= partial.start < keep[1]:
                continue
            cue = cue_before(text, partial.start, start)
            try:
                timex = resolve(partial, context.at(partial.start, partial.end, cue), cue)
            except (ValueError, OverflowError):  # a calendar out of range: "4,000 years ago", "Feb. 30"
                continue
            if timex is None:
                continue
            found.append(timex)
            if partial.rule.op in _REFERENCE_OPS and timex.begin is not None and context.point is not None:
                point = context.point
                role = _quarter_role(text, partial.start, start, point, context, REPORTED_PERIOD in refs) \
                    if point.granularity == "quarter" else None
                _remember(refs, point, dct, role)
            elif partial.rule.op == "duration" and dct is not None and _is_reporting_span(partial):
                # "for the nine months": a comparison with a year earlier is now about that span
                refs[REPORTED_PERIOD] = Point("year", dct.year)
        return found


def _is_reporting_span(p: Partial) -> bool:
    """ "the nine months", "the first six months", "the year (ended Aug. 31)": a definite span
    of months or a year a report covers."""
    n, unit = p.parts.get("n"), p.parts.get("unit")
    return n is not None and (unit == "month" and n > 1 or unit == "year" and n == 1) and p.text[:4].lower() == "the "


@cache
def _earlier_cue() -> re.Pattern:
    """An earlier-period cue, an optional article and at most one more word, right before an
    expression: "After a flat " in "After a flat second quarter"."""
    cues = "|".join(longest_first(lexicon()["reported_period"]["earlier_cues"]))
    return re.compile(r"(?<![\w-])(?:%s)(?: (?:a|an|the))?(?: [a-z]+)? $" % cues, re.IGNORECASE)


def _named_as_earlier(text: str, at: int, floor: int) -> bool:
    """Whether the expression at ``at`` names a period as one that came before another
    ("After a flat second quarter, sales rose"), not as the one reported."""
    lo = max(floor, at - 40)
    words = text[lo:at].split()
    if lo > floor and text[lo - 1].isalnum() and not text[lo].isspace():
        words = words[1:]  # a word cut by the window
    before = " ".join(words[-4:]) + " "
    return _earlier_cue().search(before) is not None


def _quarter_role(text: str, at: int, floor: int, point: Point, ctx: Context, reporting: bool) -> str | None:
    """What a quarter of the DCT's year is to the report: "reported" when it is over (before
    the DCT's quarter; or, as the first period the text reports on, told in the past tense:
    "Ralston reported a decline in fourth-quarter earnings", a fiscal quarter, written in
    November), "earlier" when named as what came before ("after a flat second quarter"); None
    for other quarters."""
    dct = ctx.dct
    if dct is None or point.year != dct.year:
        return None
    if point.quarter >= (dct.month + 2) // 3 and (reporting or ctx.tense() != "past"):
        return None  # not over yet ("expects losses in the third quarter"), or not the one reported
    return "earlier" if _named_as_earlier(text, at, floor) else "reported"


def _remember(refs: dict[str, Point], point: Point, dct: date | None, role: str | None = None) -> None:
    if point.year is None:
        return
    granularity = point.granularity
    if role == "earlier":
        return  # a quarter before the one reported ("after a flat second quarter") refers to nothing later
    if role == "reported":
        refs[REPORTED_PERIOD] = point  # the quarter a report is about: of the DCT's year, and over
    else:
        reported = refs.get(REPORTED_PERIOD)
        if reported is not None and reported.granularity == "year":
            del refs[REPORTED_PERIOD]  # a span of months reported on ("for the nine months") holds until the next date
    if granularity == "time" or granularity == "day":
        if point.part is not None or point.hour is not None or point.minute is not None or granularity == "time":
            point = point._replace(granularity="day", part=None, hour=None, minute=None)
        refs["last"] = refs["day"] = point
        return
    if granularity == "weekend":
        point = point._replace(granularity="week")
    refs["last"] = point
    refs[point.granularity] = point
