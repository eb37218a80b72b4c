"""Where rules may start: the anchor words and digit runs of a text, found in bulk.

Scanning a text for some two hundred words with a regular expression costs far more than the
rest of the tagger, so the scan runs in C: the text is mapped one byte per character (lower-case
ASCII letters; digits, other characters and anything outside ASCII become spaces) and one
Aho-Corasick pass finds the anchor words between spaces (splitting the copy into words and
looking each up cost more: most words are no anchor, and each had to be hashed). Digit runs are
found by splitting a copy that keeps only digits. Offsets in the copies are offsets in the text.

What may follow an anchor is checked before any rule is tried: ``rules_after`` gives, for the
anchor and the character after it, the rules whose pattern can still match there (cached, and
built from the rules of the key one character shorter; most anchors in a text get a handful of
rules, often none). That check needs the ``regex`` build of every rule of the anchor, which is
slow to compile: a short run (one sentence, a few articles) rather tries all rules of the anchor
with their cheap standard-``re`` cores (``rules_of``), and the tables take over once enough
anchors have come by (or after ``prepare``).

What may precede the anchor is checked next, by its tail (the last three characters before it,
white space read as one space): a ``Plan`` keeps, for each tail met, the rules whose left
context can end with it, and for a left context that can only be empty there, its empty match
(``Rule.tail_verdict``). Tails are few, so after a few hundred anchors this costs one look-up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import ahocorasick

from .grammar import EMPTY_LEFT, TRY_LEFT, Rule, anchor_index

# a one-byte-per-character copy: lower-case ASCII letters, the rest spaces
LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
DIGITS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))
_CACHE_LIMIT = 50000


@cache
def anchor_automaton() -> ahocorasick.Automaton:
    """An automaton of the anchor words, each between spaces (" year "): in the letters copy,
    where anything but a letter is a space, it finds just the standalone words."""
    by_word, _ = anchor_index()
    automaton = ahocorasick.Automaton()
    for word in by_word:
        if word.isascii() and word.isalpha():
            automaton.add_word(f" {word} ", (len(word), word))
    automaton.make_automaton()
    return automaton


def anchor_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The anchor words of ``text[start:end]`` as (start, end, lower-case word), and its digit
    runs as (start, end), each in text order. A word counts where no ASCII letter touches it."""
    raw = text[start:end].encode("ascii", "replace")  # one byte per character
    letters = (b" " + raw.translate(LETTERS) + b" ").decode("ascii")
    # a match ends at the space after the word; offsets in ``letters`` are one ahead
    last = start - 1
    words = [(last + stop - size, last + stop, word) for stop, (size, word) in anchor_automaton().iter(letters)]
    runs: list[tuple[int, int]] = []
    digits = raw.translate(DIGITS)
    find = digits.find
    i = 0
    for run in digits.split():
        i = find(run, i)
        j = i + len(run)
        runs.append((start + i, start + j))
        i = j
    return words, runs


# an entry per rule worth trying: the rule, its core's match method, its left context's (None:
# none to match), and the left context's match when known without matching it (its empty one)
Entry = tuple[Rule, Callable[..., Any], "Callable[..., Any] | None", "Any"]
_DIRECT: dict[str | None, tuple[Entry, ...]] = {}
_RULES_AFTER: dict[str, tuple[Entry, ...]] = {}
# one copy of each entry and each tuple of entries: the tables hold a hundred thousand keys but
# a few hundred distinct tuples, and every object kept is one more for each full garbage
# collection to visit (one, during the first pass over a corpus, cost 10% of that pass)
_SHARED: dict[Any, Any] = {}


def _shared(value: Any) -> Any:
    """The one copy of ``value`` (an entry, or a tuple of entries) kept in the tables."""
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) > _CACHE_LIMIT:
            _SHARED.clear()
        found = _SHARED[value] = value
    return found
# anchors met before the ``rules_after`` tables are worth building, and the count so far
_TABLES_AFTER = 2000
_met = [0]


def use_tables(anchors: int) -> bool:
    """Whether to choose rules through the ``rules_after`` tables, ``anchors`` more being met."""
    _met[0] += anchors
    return _met[0] > _TABLES_AFTER


def tables_in_use() -> bool:
    return _met[0] > _TABLES_AFTER


def rules_of(word: str | None) -> tuple[Entry, ...]:
    """Every rule anchored on ``word`` (None: on a digit run), as entries to try without the
    left-context check (a short run does not compile what the checks need, nor a left context
    before its core matches)."""
    found = _DIRECT.get(word)
    if found is None:
        by_word, on_digits = anchor_index()
        rules = on_digits if word is None else by_word[word]
        found = _DIRECT[word] = tuple(
            (rule, rule.matcher.match, rule.match_left if rule.left_source is not None else None, None)
            for rule in rules)
    return found


def rules_after(key: str, word: str | None) -> tuple[Entry, ...]:
    """The rules anchored on ``word`` (None: on a digit run) whose core can match text that
    starts with ``key`` (the anchor and the character after it), as entries to try."""
    found = _RULES_AFTER.get(key)
    if found is None:
        if len(key) > (1 if word is None else len(word)):
            # a rule that cannot match text starting with the key cut short cannot match text
            # starting with the key: only the shorter key's rules need the (costly) check, and a
            # new number ("348 ") costs a check or two rather than one per digit rule
            tried = rules_after(key[:-1], word)
        else:
            by_word, on_digits = anchor_index()
            tried = tuple(_shared((rule, rule.matcher.match, rule.left.match if rule.left is not None else None, None))
                          for rule in (on_digits if word is None else by_word[word]))
        found = _shared(tuple(entry for entry in tried if entry[0].fits_after(key)))
        if len(_RULES_AFTER) > _CACHE_LIMIT:
            _RULES_AFTER.clear()
        _RULES_AFTER[key] = found
    return found


class Plan:
    """The rules to try after an anchor (``rules_after``), and for the rules with a left
    context, which of them remain for a given tail and how (see ``Rule.tail_verdict``)."""

    __slots__ = ("entries", "gated", "by_tail")

    def __init__(self, entries: tuple[Entry, ...]):
        self.entries = entries
        self.gated = any([entry[0].tail_gate is not None or entry[0].empty_left is not None for entry in entries])
        self.by_tail: dict[str, tuple[Entry, ...]] = {}  # filled by ``after_tail``

    def after_tail(self, tail: str) -> tuple[Entry, ...]:
        """The entries whose left context can end with ``tail``, in order; the left context's
        match is the empty one where nothing else can be."""
        found = self.by_tail.get(tail)
        if found is None:
            kept = []
            for entry in self.entries:
                rule = entry[0]
                verdict = rule.tail_verdict(tail)
                if verdict == EMPTY_LEFT:
                    kept.append(_shared((rule, entry[1], None, rule.empty_left)))
                elif verdict == TRY_LEFT:
                    kept.append(entry)
            found = _shared(tuple(kept))
            if len(self.by_tail) > 5000:
                self.by_tail.clear()
            self.by_tail[tail] = found
        return found


_PLANS: dict[tuple[int, ...], Plan] = {}
# the plan after each key met: a Plan, or () where no rule can match
_AFTER: dict[str, Plan | tuple[()]] = {}


def plan_after(key: str, word: str | None) -> Plan | tuple[()]:
    """The plan for ``rules_after(key, word)``, one per set of rules (keys share them)."""
    entries = rules_after(key, word)
    plan: Plan | tuple[()] = ()
    if entries:
        orders = tuple(entry[0].order for entry in entries)
        plan = _PLANS.get(orders) or _PLANS.setdefault(orders, Plan(entries))
    if len(_AFTER) > _CACHE_LIMIT:
        _AFTER.clear()
    _AFTER[key] = plan
    return plan


# the characters that usually follow an anchor, for ``prepare``
_USUAL_NEXT = " ,.;:!?'’\"”)]-–—/\n"


def prepare() -> None:
    """Fill the tables for the usual keys ahead of a long batch run: every anchor word (as
    written in lower case, capitalised, upper case) and every number up to three digits and
    year, each followed by a usual character; and what each plan keeps after the usual tails
    (a character, or a letter or digit and a space, or two lower-case letters and a space).
    Keys and tails met later are added as they come."""
    by_word, _ = anchor_index()
    for word in by_word:
        for form in {word, word.capitalize(), word.upper()}:
            for after in _USUAL_NEXT:
                plan_after(form + after, word)
    _met[0] = _TABLES_AFTER + 1
    runs = [str(n) for n in range(1000)] + [f"0{n}" for n in range(10)] + [str(n) for n in range(1500, 2100)]
    for run in runs:
        for after in _USUAL_NEXT + "s":
            plan_after(run + after, None)
    # the short tails every longer one is first judged by (see ``Rule.tail_verdict``), and
    # those of a lower-case word and a space
    printable = [chr(c) for c in range(32, 127)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    tails = printable + [c + " " for c in printable if c.isalnum()] + [a + b + " " for a in letters for b in letters]
    for plan in _PLANS.values():
        if plan.gated:
            for tail in tails:
                plan.after_tail(tail)
