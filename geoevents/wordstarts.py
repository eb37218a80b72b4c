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


def padded_classes(text: str) -> str:
    """``character_classes(text)`` with a separator on either side, so that the ends of the text
    read as separators: what ``WordStarts`` looks in."""
    return " " + character_classes(text) + " "


S = TypeVar("S")


class WordStarts(Generic[S]):
    """Finds, in lower-cased text, where the ``starts`` keys occur at the start of a word (not
    right after an ASCII letter, digit or "_", for a key that starts with one), and which of the
    ``words`` occur between separators (or the ends of the text).

    The ``starts`` keys are given by their classes (``character_classes(key)``): a key found
    shows where a string of those classes occurs ("new " also where the text says "new,"), and
    the caller checks what is really there. A word is reported only where it really occurs.
    ``hits`` makes the one pass, ``starts`` and ``words`` read its hits (a caller in a hurry
    reads them itself, as ``starts`` does, with ``back`` and ``values``).
    """

    def __init__(self, starts: Mapping[str, Sequence[S]], words: Sequence[str]):
        ids: dict[str, int] = {}  # form (classes, with the class before and after) -> its id
        self.back: list[int] = []  # per id: chars from the end of a hit back to where the key starts
        self.values: list[tuple[S, ...]] = []  # per id: the values of the ``starts`` keys of that form
        self._word: list[str | None] = []  # per id: the word of that form

        def form(text: str, back: int) -> int:
            number = ids.get(text)
            if number is None:
                number = ids[text] = len(self.back)
                self.back.append(back)
                self.values.append(())
                self._word.append(None)
            return number

        for classes, values in starts.items():
            for before in ((" ", OTHER) if classes[:1] in _WORD_CLASSES else ("",)):
                number = form(before + classes, len(classes))
                self.values[number] += tuple(values)
        lossy = set()
        for word in words:
            if not word or not SEPARATORS.isdisjoint(word):
                continue  # (a word holding a separator is never between separators)
            for before in (" ", UNDERSCORE):
                for after in (" ", UNDERSCORE):
                    number = form(before + character_classes(word) + after, len(word) + 1)
                    self._word[number] = word
                    if character_classes(word) != word:
                        lossy.add(number)
        # the forms of words whose classes are not the word itself (non-ASCII letters): checked where found
        self._lossy = frozenset(lossy)
        self._automaton = ahocorasick.Automaton()
        for text, number in ids.items():
            self._automaton.add_word(text, number)
        self._automaton.make_automaton()

    def hits(self, classes: str) -> list[tuple[int, int]]:
        """(end, form id) of every form in ``classes`` (``padded_classes`` of the text), in the order they end."""
        return list(self._automaton.iter(classes))

    def starts(self, hits: list[tuple[int, int]]) -> list[tuple[int, tuple[S, ...]]]:
        """(start in the text, values) of the ``starts`` keys among the hits (not of a key that
        starts with a separator, found at the padding before the text)."""
        back, values = self.back, self.values
        return [(end - back[form], values[form]) for end, form in hits if values[form] and end >= back[form]]

    def words(self, hits: list[tuple[int, int]], lowered: str) -> set[str]:
        """The ``words`` among the hits."""
        found = set()
        for end, form in hits:
            word = self._word[form]
            if word is not None and (form not in self._lossy or lowered.startswith(word, end - self.back[form])):
                found.add(word)
        return found
