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
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import ahocorasick

from .grammar import Rule, anchor_index

# a one-byte-per-character copy: lower-case ASCII letters, the rest spaces
_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))
_CACHE_LIMIT = 50000


@cache
def _anchor_automaton() -> ahocorasick.Automaton:
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
    letters = (b" " + raw.translate(_LETTERS) + b" ").decode("ascii")
    # a match ends at the space after the word; offsets in ``letters`` are one ahead
    last = start - 1
    words = [(last + stop - size, last + stop, word) for stop, (size, word) in _anchor_automaton().iter(letters)]
    runs: list[tuple[int, int]] = []
    digits = raw.translate(_DIGITS)
    find = digits.find
    i = 0
    for run in digits.split():
        i = find(run, i)
        j = i + len(run)
        runs.append((start + i, start + j))
        i = j
    return words, runs


# an entry per rule worth trying: the rule, its core's match method, and its cache of the left
# chunks its left context can end with (None: the rule has no left context)
Entry = tuple[Rule, Callable[..., Any], "dict[str, bool] | None"]
_AFTER: dict[str, tuple[Entry, ...]] = {}
_DIRECT: dict[str | None, tuple[Entry, ...]] = {}
# anchors met before the ``rules_after`` tables are worth building, and the count so far
_TABLES_AFTER = 2000
_met = [0]


def use_tables(anchors: int) -> bool:
    """Whether to choose rules through the ``rules_after`` tables, ``anchors`` more being met."""
    _met[0] += anchors
    return _met[0] > _TABLES_AFTER


def rules_of(word: str | None) -> tuple[Entry, ...]:
    """Every rule anchored on ``word`` (None: on a digit run), as entries to try without the
    left-context check (a short run does not compile what the checks need)."""
    found = _DIRECT.get(word)
    if found is None:
        by_word, on_digits = anchor_index()
        found = _DIRECT[word] = tuple((rule, rule.matcher.match, None)
                                      for rule in (on_digits if word is None else by_word[word]))
    return found


def rules_after(key: str, word: str | None) -> tuple[Entry, ...]:
    """The rules anchored on ``word`` (None: on a digit run) whose core can match text that
    starts with ``key`` (the anchor and the character after it), as entries to try."""
    found = _AFTER.get(key)
    if found is None:
        if len(key) > (1 if word is None else len(word)):
            # a rule that cannot match text starting with the key cut short cannot match text
            # starting with the key: only the shorter key's rules need the (costly) check, and a
            # new number ("348 ") costs a check or two rather than one per digit rule
            tried = rules_after(key[:-1], word)
        else:
            by_word, on_digits = anchor_index()
            tried = tuple((rule, rule.matcher.match, rule.left_gate)
                          for rule in (on_digits if word is None else by_word[word]))
        found = tuple(entry for entry in tried if entry[0].fits_after(key))
        if len(_AFTER) > _CACHE_LIMIT:
            _AFTER.clear()
        _AFTER[key] = found
    return found



# the characters that usually follow an anchor, for ``prepare``
_USUAL_NEXT = " ,.;:!?'’\"”)]-–—/\n"


def prepare() -> None:
    """Fill the ``rules_after`` table for the usual keys ahead of a long batch run: every anchor
    word (as written in lower case, capitalised, upper case) and every one- or two-digit number
    and year, each followed by a usual character. Keys met later are added as they come."""
    by_word, _ = anchor_index()
    for word in by_word:
        for form in {word, word.capitalize(), word.upper()}:
            for after in _USUAL_NEXT:
                rules_after(form + after, word)
    _met[0] = _TABLES_AFTER + 1
    runs = [str(n) for n in range(100)] + [f"0{n}" for n in range(10)] + [str(n) for n in range(1500, 2100)]
    for run in runs:
        for after in _USUAL_NEXT + "s":
            rules_after(run + after, None)
