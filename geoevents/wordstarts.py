"""Where listed strings start a word, and where listed words stand alone: one automaton pass.

An Aho-Corasick automaton run over the text reports every occurrence of every key, most of
them inside other words ("end" in "weekend", "land" in "Poland"), and each one is a trip
through Python. Here the automaton runs over the text's *classes* instead (``character_classes``:
same length, ASCII letters, digits and "_" kept, word separators read as a space, any other
character as ``OTHER``), and each key carries the class of the character before it (and after
it, for a whole word): only the occurrences that can start a word, or are a whole word, come
out. The classes of a whole document are found by a few C-level passes (``bytes.translate``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Generic, TypeVar

import ahocorasick

ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
# Word separators: ASCII white space and punctuation, and the wide quotes and dashes of news text.
_WIDE_SEPARATORS = "’‘“”–—…«»"
SEPARATORS = frozenset(" \t\n\r\x0b\x0c" "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" + _WIDE_SEPARATORS)
UNDERSCORE = "\x02"  # the class of "_": part of a word where a key starts, a separator around a word
OTHER = "\x01"  # the class of any other character (upper-case ASCII, controls, non-ASCII)
_WORD_CLASSES = frozenset(ASCII_WORD - {"_"} | {UNDERSCORE})


def _table(question_mark: str) -> bytes:
    """Byte -> its class, for ASCII text; ``question_mark`` is the class of "?"."""
    classes = []
    for byte in range(256):
        char = chr(byte)
        classes.append(UNDERSCORE if char == "_" else char if char in ASCII_WORD
                       else " " if char in SEPARATORS else OTHER)
    classes[ord("?")] = question_mark
    return "".join(classes).encode("latin-1")


_ASCII_CLASSES = _table(" ")
_REPLACED_CLASSES = _table(OTHER)  # "?" stands for a character that ASCII cannot encode


def character_classes(text: str) -> str:
    """``text`` with each character replaced by its class (see the module's doc): the same length."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_CLASSES).decode("ascii")
    for separator in _WIDE_SEPARATORS + "?":  # (the wide separators are no ASCII; "?" is the encoder's)
        if separator in text:
            text = text.replace(separator, " ")
    # each character that ASCII cannot encode becomes one "?", which the table reads as OTHER
    return text.encode("ascii", "replace").translate(_REPLACED_CLASSES).decode("ascii")


S = TypeVar("S")


class WordStarts(Generic[S]):
    """Finds, in lower-cased text, where the ``starts`` keys occur at the start of a word (not
    right after an ASCII letter, digit or "_", for a key that starts with one), and which of the
    ``words`` occur between separators (or the ends of the text).

    The ``starts`` keys are given by their classes (``character_classes(key)``): a key found
    shows where a string of those classes occurs ("new " also where the text says "new,"), and
    the caller checks what is really there. A word is reported only where it really occurs.
    """

    def __init__(self, starts: Mapping[str, Sequence[S]], words: Sequence[str]):
        # classes of a key, with the class before it -> (chars from the end of the match back to
        # the key's start in the text, the values of the keys found there, the word found there)
        entries: dict[str, tuple[int, tuple[S, ...], str | None]] = {}
        for classes, values in starts.items():
            befores = (" ", OTHER) if classes[:1] in _WORD_CLASSES else ("",)
            for before in befores:
                back, found, word = entries.get(before + classes, (len(classes), (), None))
                entries[before + classes] = (back, (*found, *values), word)
        for word in words:
            if not word or not SEPARATORS.isdisjoint(word):
                continue  # (a word holding a separator is never between separators)
            for before in (" ", UNDERSCORE):
                for after in (" ", UNDERSCORE):
                    form = before + character_classes(word) + after
                    back, found, _ = entries.get(form, (len(word) + 1, (), None))
                    entries[form] = (back, found, word)
        self._automaton = ahocorasick.Automaton()
        for form, entry in entries.items():
            self._automaton.add_word(form, entry)
        self._automaton.make_automaton()
        # words whose classes are not the word itself (non-ASCII letters): checked where found
        self._lossy = frozenset(word for word in words if character_classes(word) != word)

    def find(self, lowered: str) -> tuple[list[tuple[int, S]], set[str]]:
        """(where each ``starts`` key starts a word, with its values, in the order their matches
        end), and the ``words`` in the text."""
        found: list[tuple[int, S]] = []
        words: set[str] = set()
        lossy = self._lossy
        # one character of padding on either side: the ends of the text read as separators
        for end, (back, values, word) in self._automaton.iter(" " + character_classes(lowered) + " "):
            start = end - back
            for value in values:
                found.append((start, value))
            if word is not None and (word not in lossy or lowered.startswith(word, start)):
                words.add(word)
        return found, words
