"""Where rules may start: the anchor words and digit runs of a text, found in bulk.

Scanning a text for some two hundred words with a regular expression costs far more than the
rest of the tagger, so the scan is done with byte-string operations that run in C: the text is
mapped one byte per character (lower-case ASCII letters; digits, other characters and anything
outside ASCII become spaces), split into words, intersected with the anchor words, and each
anchor word found is located with ``find``. Digit runs are found the same way in a copy that
keeps only digits. Offsets in the byte copy are offsets in the text.

What may follow an anchor is checked before any rule is tried: ``rules_after`` gives, for the
anchor and the character after it, the rules whose pattern can still match there (cached; most
anchors in a text get a handful of rules, often none).
"""

from __future__ import annotations

from functools import cache

from .grammar import Rule, anchor_index

# a one-byte-per-character copy: lower-case ASCII letters, the rest spaces
_LETTERS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS = bytes(c if 48 <= c <= 57 else 32 for c in range(256))
_CACHE_LIMIT = 50000


@cache
def _anchor_words() -> tuple[frozenset[bytes], dict[bytes, str]]:
    by_word, _ = anchor_index()
    encoded = {w.encode("ascii"): w for w in by_word if w.isascii() and w.isalpha()}
    return frozenset(encoded), encoded


def anchor_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The anchor words of ``text[start:end]`` as (start, end, lower-case word), and its digit
    runs as (start, end). A word counts where no ASCII letter touches it."""
    raw = text[start:end].encode("ascii", "replace")  # one byte per character
    words: list[tuple[int, int, str]] = []
    letters = raw.translate(_LETTERS)
    wanted, names = _anchor_words()
    found = wanted.intersection(letters.split())
    if found:
        padded = b" " + letters + b" "
        for word in found:
            needle = b" " + word + b" "
            size = len(word)
            name = names[word]
            i = padded.find(needle)
            while i >= 0:
                words.append((start + i, start + i + size, name))
                i = padded.find(needle, i + size + 1)
    runs: list[tuple[int, int]] = []
    digits = raw.translate(_DIGITS)
    pieces = digits.split()
    if pieces:
        padded = b" " + digits + b" "
        for run in set(pieces):
            needle = b" " + run + b" "
            size = len(run)
            i = padded.find(needle)
            while i >= 0:
                runs.append((start + i, start + i + size))
                i = padded.find(needle, i + size + 1)
    return words, runs


_AFTER: dict[str, tuple[Rule, ...]] = {}


def rules_after(key: str, word: str | None) -> tuple[Rule, ...]:
    """The rules anchored on ``word`` (None: on a digit run) whose core can match text that
    starts with ``key`` (the anchor and the character after it)."""
    found = _AFTER.get(key)
    if found is None:
        by_word, on_digits = anchor_index()
        tried = on_digits if word is None else by_word[word]
        found = tuple(rule for rule in tried if rule.fits_after(key))
        if len(_AFTER) > _CACHE_LIMIT:
            _AFTER.clear()
        _AFTER[key] = found
    return found


_FITTING: dict[tuple[str, str], tuple[Rule, ...]] = {}


def fitting_rules(chunk: str, near: str, far: str, word: str | None) -> tuple[Rule, ...]:
    """The rules worth trying at an anchor: those of ``rules_after(near, word)`` whose left
    context can end with ``chunk`` (the word before the anchor) and whose core can match text
    that starts with ``far`` (the anchor and a few characters after it)."""
    key = (chunk, far)
    found = _FITTING.get(key)
    if found is None:
        found = tuple(rule for rule in rules_after(near, word)
                      if rule.left_can_end_with(chunk) and rule.fits_after_far(far))
        if len(_FITTING) > _CACHE_LIMIT:
            _FITTING.clear()
        _FITTING[key] = found
    return found
