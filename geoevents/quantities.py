"""Size of an event: the troops and equipment the text counts in the trigger's clause.

"more than 1,000 soldiers" -> 1000 more_than troops; "two aircraft carriers" -> 2 ships;
"a battalion" -> 1 battalions; "dozens of warships" -> more than 12 ships; "a 5,000-strong
force" -> 5000 troops. A quantity counts for the event when it stands in the trigger's clause,
or continues a list that does ("200 marines, 10 fighter jets and two destroyers"). Word lists
are data: ``data/lexicon/quantities.json``.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache

from . import cachedregex as regex
from .clauses import clause_of
from .cues import alternation
from .lazypattern import LazyPattern
from .model import Quantity
from .reach import match_at, skip_space
from .resources import read_text

_MAX_MODIFIERS = 3  # "500 more U.S. troops", "six F/A-18 Hornet fighter jets"
_STRENGTHS = ("-strong", "-member", "-man")  # "a 5,000-strong force"
_TOKEN = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’/.,][\p{L}\p{N}]+)*")
_LIST_GLUE = regex.compile(r"\s*(?:,\s*)?(?:(?:and|as well as|plus|along with)\s+)?", regex.IGNORECASE)
_FRAME_NUMBER_FOLLOWS = regex.compile(r"\s+of\s+(?:about\s+|some\s+|around\s+|more\s+than\s+)?\d", regex.IGNORECASE)


class QuantityLexicon:
    """The compiled word lists of ``data/lexicon/quantities.json``."""

    def __init__(self, data: dict):
        self.unit_of = {noun: unit for unit, nouns in data["units"].items() for noun in nouns}
        self.count_singular = frozenset(data["count_singular"])
        self.words = data["number_words"]
        self.multipliers = data["multipliers"]
        self.vague = data["vague"]
        self.qualifiers = data["qualifiers"]
        self.not_after = frozenset(data["not_after"])
        self.modifiers = frozenset(data["modifiers"])
        self.not_before = alternation(data["not_before"])
        self.nouns = alternation(self.unit_of)
        word = "|".join(regex.escape(w) for w in sorted(self.words, key=len, reverse=True))
        mult = "|".join(self.multipliers)
        vague = "|".join(regex.escape(w) for w in sorted(self.vague, key=len, reverse=True))
        qual = "|".join(regex.escape(w) for w in sorted(self.qualifiers, key=len, reverse=True))
        number = (
            rf"(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?P<dmult>{mult})\b)?"
            rf"|(?P<vague>{vague})(?:\s+(?P<vmult>{mult})s?)?(?:\s+of)?"
            rf"|(?P<word>(?:{word})(?:-(?:{word}))?)(?:\s+(?P<wmult>{mult}))?(?:\s+(?:and\s+)?(?P<rest>{word}))?"
            rf"|(?P<article>a|an)"
        )
        # "300 of its 3,000 soldiers": the first number is the event's
        part_of = r"(?:\s+of\s+(?:its|their|the|his|her)\s+(?:\d[\d,.]*|(?:%s))(?:\s+(?:%s))?)?" % (word, mult)
        self.number_before = LazyPattern(
            rf"(?<![\p{{L}}\p{{N}}'’,.-])(?:(?P<qual>{qual})\s+)?(?:{number}){part_of}(?P<strong>-strong|-member|-man)?\s+$",
            regex.IGNORECASE,
        )
        # a number phrase starts with a letter or digit after none of those or "'’,.-" (as its
        # lookbehind says): tried only at such starts, it is found faster than by a search
        openers = [*self.qualifiers, *self.vague, *self.words, "a", "an"]
        self.number_starts_words = all(_WORD_START.match(w) for w in openers)
        # ... and an ASCII word can open one only if it is the first word of an opener: a set
        # lookup spares the pattern at the other words
        self.opening_words = frozenset(_LEADING_LETTERS.match(w.lower()).group() for w in openers)
        self.ascii_openers = all(w.isascii() and w[:1].isalpha() for w in openers)
        # the words a number phrase can end with, before the white space that ends every match:
        # the last word of a number word, a vague word or a multiplier, a multiplier's plural,
        # "of", the article and a strength ("5,000-strong"); a phrase ending in letters ends so
        enders = [*self.words, *self.vague, *self.multipliers, *(m + "s" for m in self.multipliers),
                  "of", "a", "an", *(s.lstrip("-") for s in _STRENGTHS)]
        self.number_enders = frozenset(w.split()[-1].lower() for w in enders)
        self.ascii_enders = all(w.isascii() and w.isalpha() for w in self.number_enders)
        self.strong = LazyPattern(
            rf"(?<![\p{{L}}\p{{N}}])(?:(?P<qual>{qual})\s+)?(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)"
            rf"(?:{'|'.join(_STRENGTHS)})\s+(?:\p{{L}}+\s+){{0,2}}?(?:{'|'.join(data['force_frames'])})\b",
            regex.IGNORECASE,
        )
        self.examples = tuple(
            (e["text"], [tuple(q) for q in e["size"]]) for e in data["examples"]
        )

    def value(self, m: regex.Match) -> tuple[int, str] | None:
        """The count a number match names, and the qualifier the phrase itself implies."""
        qualifier = self.qualifiers.get(" ".join((m.group("qual") or "").lower().split()), "exactly")
        if m.group("digits"):
            base = float(m.group("digits").replace(",", ""))
            count = base * self.multipliers.get((m.group("dmult") or "").lower(), 1)
        elif m.group("vague"):
            count = self.vague[" ".join(m.group("vague").lower().split())]
            count *= self.multipliers.get((m.group("vmult") or "").lower(), 1)
            qualifier = "more_than"
        elif m.group("word"):
            count = sum(self.words.get(part, 0) for part in m.group("word").lower().split("-"))
            count *= self.multipliers.get((m.group("wmult") or "").lower(), 1)
            count += self.words.get((m.group("rest") or "").lower(), 0)
        else:
            count = 1
        return (int(count), qualifier) if count >= 1 else None


@cache
def quantity_lexicon() -> QuantityLexicon:
    return QuantityLexicon(json.loads(read_text("lexicon/quantities.json")))


def quantities_in(text: str, start: int, end: int) -> list[Quantity]:
    """Every counted force or equipment phrase in ``text[start:end]``, left to right."""
    lex = quantity_lexicon()
    found: list[Quantity] = []
    for noun in lex.nouns.finditer(text, start, end):
        quantity = _counted(text, start, noun, lex)
        if quantity is not None:
            found.append(quantity)
    for m in lex.strong.finditer(text, start, end) if _may_name_a_strength(text, start, end) else ():
        if not any(q.start <= m.start() < q.end for q in found):
            count = int(m.group("digits").replace(",", ""))
            qualifier = lex.qualifiers.get(" ".join((m.group("qual") or "").lower().split()), "exactly")
            found.append(Quantity(count, qualifier, "troops", m.group(), m.start(), m.end()))
    return sorted(found, key=lambda q: q.start)


def _may_name_a_strength(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold "-strong", "-member" or "-man" in any case, as every match
    of ``strong`` does? (Compared lower-cased, "ſ" read as "s", as ``PrefixedPattern`` does.)"""
    folded = text[start:end].lower().replace("ſ", "s")
    return any(strength in folded for strength in _STRENGTHS)


def size_of(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> list[Quantity]:
    """The quantities named with the event: in the trigger's clause, or listed on from one there."""
    clause = clause_of(text, sentence, *trigger)
    kept: list[Quantity] = []
    for quantity in sentence_quantities(text, *sentence):
        inside = clause[0] <= quantity.start and quantity.end <= clause[1]
        if inside or (kept and quantity.start >= clause[1] and _listed_after(text, kept[-1], quantity)):
            kept.append(quantity)
    return kept


# Every event of a sentence asks for its quantities: they are counted once (the cache holds
# the last sentences').
@lru_cache(maxsize=64)
def sentence_quantities(text: str, start: int, end: int) -> tuple[Quantity, ...]:
    return tuple(quantities_in(text, start, end))


def _listed_after(text: str, previous: Quantity, quantity: Quantity) -> bool:
    glue = _LIST_GLUE.match(text, previous.end, quantity.start)
    return glue is not None and glue.end() == quantity.start


def _counted(text: str, floor: int, noun: regex.Match, lex: QuantityLexicon) -> Quantity | None:
    """The number before a unit noun, past at most three modifiers: "500 more U.S. troops"."""
    noun_text = " ".join(noun.group().lower().split())
    if match_at(lex.not_before, text, skip_space(text, noun.end())):
        return None
    tokens = _last_tokens(text, max(floor, noun.start() - 120), noun.start(), _MAX_MODIFIERS)
    for skipped in range(min(_MAX_MODIFIERS, len(tokens)) + 1):
        if skipped and not _modifier(tokens[-skipped].group(), lex):
            break
        cut = tokens[-skipped].start() if skipped else noun.start()
        m = _number_before(text, max(floor, cut - 80), cut, lex)
        if m is None:
            continue
        if m.group("article") and (noun_text not in lex.count_singular or skipped > 1
                                   or match_at(_FRAME_NUMBER_FOLLOWS, text, noun.end())):
            continue  # "a contingent of 400 police officers": the 400 is the count
        if _word_before(text, floor, m.start()) in lex.not_after:
            return None
        value = lex.value(m)
        if value is None:
            return None
        count, qualifier = value
        return Quantity(count, qualifier, lex.unit_of[noun_text], text[m.start():noun.end()], m.start(), noun.end())
    return None


def _last_tokens(text: str, start: int, end: int, n: int) -> list[regex.Match]:
    """The last ``n`` of ``_TOKEN.finditer(text, start, end)``, found in the end of the window
    when it holds ``n`` of them: no token holds a space, so those found from a space on are
    the same either way."""
    space = text.find(" ", max(start, end - 12 * n), end)
    if space > start:
        tokens = list(_TOKEN.finditer(text, space, end))
        if len(tokens) >= n:
            return tokens[-n:]
    return list(_TOKEN.finditer(text, start, end))[-n:]


def _number_before(text: str, start: int, end: int, lex: QuantityLexicon) -> regex.Match | None:
    """``lex.number_before.search(text, start, end)``: the pattern is tried only where a word starts
    that is not glued to the one before (every match starts so), first to last."""
    if lex.ascii_enders and not _may_end_a_number(text, start, end, lex):
        return None
    if not lex.number_starts_words:
        return lex.number_before.search(text, start, end)
    match = lex.number_before.match
    for word in _GLUED_WORD_START.finditer(text, start, end):
        if _cannot_open_number(word.group(), lex):
            continue
        if m := match(text, word.start(), end):
            return m
    return None


# white space as ``regex`` reads ``\\s`` among ASCII characters
_ASCII_SPACE = frozenset(" \t\n\x0b\x0c\r")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _may_end_a_number(text: str, start: int, end: int, lex: QuantityLexicon) -> bool:
    """Can ``number_before`` match in ``text[start:end]``? Every match ends with white space at
    ``end``, after a digit, a comma or full stop of a number, or a word of ``number_enders``
    with no letter before it: no, where ASCII text shows none of these (most force nouns
    follow "the", "its", "U.S."); where a character beyond ASCII is in the way, maybe."""
    i = end
    while i > start and text[i - 1] in _ASCII_SPACE:
        i -= 1
    if i in (start, end):  # nothing before the white space, or no white space at the end
        return end > start and not text[end - 1].isascii()
    if text[i - 1] not in _ASCII_LETTERS:
        return True  # a digit or a mark ends it, or a character beyond ASCII
    j = i - 1
    while j > 0 and text[j - 1] in _ASCII_LETTERS:
        j -= 1
    if j > 0 and not text[j - 1].isascii():
        return True
    return text[j:i].lower() in lex.number_enders


def _cannot_open_number(word: str, lex: QuantityLexicon) -> bool:
    """An ASCII word (its letters) that is no opener's first word: the number pattern cannot
    match there, as every opener's first word ends where the text's does (a space or hyphen
    follows it in the pattern). Other words (digits, non-ASCII letters) are left to the pattern."""
    return (lex.ascii_openers and word[0].isalpha() and word.isascii()
            and word.lower() not in lex.opening_words)


_WORD_START = regex.compile(r"[\p{L}\p{N}]")
_LEADING_LETTERS = regex.compile(r"\p{L}*")
# where a word starts that is not glued to the one before, with its letters (or its first digit)
_GLUED_WORD_START = regex.compile(r"(?<![\p{L}\p{N}'’,.-])(?:\p{L}+|\p{N})")


def _modifier(token: str, lex: QuantityLexicon) -> bool:
    """A word that may stand between a number and its noun: "more", "U.S.", "armoured", "F-16"."""
    lower = token.lower()
    if lower[:1].isdigit() or lower in lex.words or lower in lex.multipliers or lower in lex.vague:
        return False
    if lower in lex.modifiers:
        return True
    return token[:1].isupper() or "-" in token or lower.endswith(("ed", "an", "ese", "ish", "ic", "al"))


def _word_before(text: str, floor: int, pos: int) -> str:
    tokens = _TOKEN.findall(text, max(floor, pos - 40), pos)
    return tokens[-1].lower() if tokens else ""


