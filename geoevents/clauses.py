"""Clauses and the words around a name: the shared ground of attaching roles to a trigger.

Without a parser, roles come from the words around a name: the preposition before it ("to
Iraq" is a destination, "with Japan" a partner), the force noun after it ("Russian troops"),
and whether it sits in the trigger's clause.
"""

from __future__ import annotations

import json
from collections.abc import Set
from functools import cache, lru_cache

from . import cachedre as re
from . import cachedregex as regex
from .lazypattern import longest_first
from .quickstarts import StartsPattern
from .reach import PHRASE_REACH, match_at
from .resources import read_lines, read_text

WORD = regex.compile(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|['’](?!s\b)[\p{L}\p{N}]+)*|['’]s\b")
# a run of word characters, apostrophes and hyphens: how the status and linking checks count
# the words between two points (unlike ``WORD``, "U.S." is two words there and "'s" part of one)
WORD_RUN = regex.compile(r"[\w'’-]+")
# WORD on ASCII text, for the standard ``re`` (quicker to call): there "\p{Lu}" is [A-Z], "\p{L}" and
# "\p{N}" are [A-Za-z] and [0-9], "’" cannot occur, and both take the same characters for "\b"
_ASCII_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:-[A-Za-z0-9]+|'(?!s\b)[A-Za-z0-9]+)*|'s\b", re.ASCII)


def words_in(text: str, start: int, end: int) -> list[str]:
    """``WORD.findall(text, start, end)`` (``start`` and ``end`` not negative), by the standard
    ``re`` when the stretch is ASCII."""
    chunk = text[start:end]
    return _ASCII_WORD.findall(chunk) if chunk.isascii() else WORD.findall(text, start, end)


_ASCII_LETTERS = re.compile(r"[A-Za-z]*")
_STOP_PUNCT = regex.compile(r"[;:()\[\]\"“”]")
_STOP_PUNCT_OR_COMMA = regex.compile(r"[;:()\[\]\"“”,]")


@cache
def role_lexicon() -> dict:
    return json.loads(read_text("lexicon/roles.json"))


def alternation(words) -> str:
    return "|".join(regex.escape(w) for w in longest_first(words))


@cache
def role_words(key: str) -> frozenset[str]:
    """A word list of roles.json as a set."""
    return frozenset(role_lexicon()[key])


@cache
def role_words_pattern(key: str) -> regex.Pattern:
    """A word list of roles.json as one case-insensitive pattern of whole words."""
    return regex.compile(r"\b(?:%s)\b" % alternation(role_lexicon()[key]), regex.IGNORECASE)


# Every clause break starts with a punctuation mark, or with the space before a dash or an
# opener: the patterns are tried only there (``StartsPattern``). A new alternative must start
# so too, or its start be added to these.
_BREAK_HEADS = (";", ":", ",", "(", ")")
_BREAK_DASHES = ("–", "—", "-")


@cache
def _receiving() -> regex.Pattern:
    """A verb of receiving and at most three words of its object before a trigger ("receives its
    first shipment of", "took delivery of a consignment of"), no clause word between (roles.json
    receiving_verbs, taking_delivery_verbs)."""
    return regex.compile(r"\b(?:%s|(?:%s)\s+delivery\s+of)\s+(?:(?!(?:and|or|but|before|after|from|to|for|as|"
                         r"while|when)\b)[\p{L}\p{N}'’-]+\s+){0,3}$"
                         % (alternation(role_lexicon()["receiving_verbs"]),
                            alternation(role_lexicon()["taking_delivery_verbs"])), regex.IGNORECASE)


@cache
def _taking_delivery() -> regex.Pattern:
    """"took" right before a trigger of delivery: "took delivery of" (roles.json taking_delivery_verbs)."""
    return regex.compile(r"\b(?:%s)\s+$" % alternation(role_lexicon()["taking_delivery_verbs"]), regex.IGNORECASE)


_RECEIVING_REACH = 60  # characters before a trigger where a verb of receiving is looked for


def received_before(text: str, start: int) -> bool:
    """Is the arms transfer starting at ``start`` the object of a verb of receiving ("Chile receives
    its first shipment of missiles from Sweden", "Peru took delivery of")? Its subject is then the
    recipient, not the sender: no agent (actors.py) but the place the arms go to (places.py)."""
    floor = max(0, start - _RECEIVING_REACH)
    return (_receiving().search(text, floor, start) is not None
            or text[start:start + 8].lower() in ("delivery", "deliveri")
            and _taking_delivery().search(text, floor, start) is not None)


@cache
def _clause_break() -> StartsPattern:
    openers = role_lexicon()["clause_openers"]
    return StartsPattern(regex.compile(
        r"[;:]\s|\s[–—]\s|\s-\s|[()]|,\s+(?:%s)\b|\s(?:%s)\s"
        # a trailing attribution: ", the ministry in Moscow said on Wednesday"
        r"|,\s+(?=[^,;]{0,60}?\b(?:said|says|reported|reports|told|announced|according\s+to)\b[^,;]{0,40}$)"
        % (alternation(openers["after_comma"]), alternation(openers["anywhere"])),
        regex.IGNORECASE,
    ), _BREAK_HEADS, (*_BREAK_DASHES, *openers["anywhere"]))


class WordList:
    """A list of words and phrases compiled as ``(?:phrase|...)\\b`` (IGNORECASE), whose ``match``
    and ``fullmatch`` answer at once where no phrase can start: most words begin no force or
    place noun, and the pattern, hundreds of phrases long, is slow to try even there."""

    def __init__(self, phrases: list[str]):
        self.pattern = regex.compile(r"(?:%s)\b" % alternation(phrases), regex.IGNORECASE)
        # the first two letters of each phrase, lower-cased: an ASCII text can match a phrase
        # only where its own two first characters, lower-cased, are among them (with ASCII on
        # both sides, lower-casing is what IGNORECASE compares)
        self._heads = frozenset(p[:2].lower() for p in phrases)
        self._quick = all(p.isascii() and len(p) >= 2 for p in phrases)
        # the letters each phrase opens with, lower-cased (see ``first_word_match``)
        self._first_letters = frozenset(_ASCII_LETTERS.match(p.lower()).group() for p in phrases)

    def _cannot_start(self, text: str, pos: int, endpos: int | None) -> bool:
        if not self._quick or pos < 0:
            return False
        head = text[pos:pos + 2]
        return head.isascii() and (len(head) < 2 or head.lower() not in self._heads
                                   or (endpos is not None and endpos < pos + 2))

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        if self._cannot_start(text, pos, endpos):
            return None
        return self.pattern.match(text, pos) if endpos is None else self.pattern.match(text, pos, endpos)

    def first_word_match(self, text: str, pos: int = 0) -> regex.Match | None:
        """``match(text, pos)`` (reading ``PHRASE_REACH`` characters at most), answered at once
        where the ASCII letters at ``pos``, lower-cased, are not those a phrase opens with: where
        a phrase's letters end (a space, a hyphen, its end and "\\b"), the text's must end too,
        unless a character beyond ASCII comes next (it may fold to an ASCII letter)."""
        if self._quick and pos >= 0:
            end = _ASCII_LETTERS.match(text, pos).end()
            if (end == len(text) or text[end].isascii()) and text[pos:end].lower() not in self._first_letters:
                return None
        return match_at(self, text, pos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        if self._cannot_start(text, pos, endpos):
            return None
        return self.pattern.fullmatch(text, pos) if endpos is None else self.pattern.fullmatch(text, pos, endpos)


@cache
def force_nouns() -> WordList:
    return WordList(read_lines("lexicon/forces.txt"))


@cache
def place_nouns() -> WordList:
    return WordList(role_lexicon()["place_nouns"])


@cache
def border_nouns() -> WordList:
    return WordList(role_lexicon()["border_nouns"])


@cache
def _attach_break() -> StartsPattern:
    """Clause breaks for attaching roles: those of ``clause_of`` less parentheses (an aside in
    brackets belongs to its clause: "they (US forces) should not be withdrawn"), plus openers
    whose clause has a subject of its own ("... until Iraqi troops can take over")."""
    openers = role_lexicon()["clause_openers"]
    after_comma = openers["after_comma"] + openers["attach_after_comma"]
    anywhere = openers["anywhere"] + openers["attach_anywhere"]
    return StartsPattern(regex.compile(
        r"[;:]\s|\s[–—]\s|\s-\s|,\s+(?!(?:%s)\b)(?:%s)\b|\s(?:%s)\s"
        r"|,\s+(?=[^,;]{0,60}?\b(?:said|says|reported|reports|told|announced|according\s+to)\b[^,;]{0,40}$)"
        # a reporting clause that goes on ("Calling the exit hasty, Mr Shoigu said Moscow ..."):
        # what the speaker says is another clause
        r"|,\s+(?=(?:the\s+)?(?:(?-i:\p{Lu})[\p{L}.'’-]*\s+){1,4}(?-i:%s)\s)"
        % (alternation(role_lexicon()["list_joiners"]), alternation(after_comma), alternation(anywhere),
           alternation(role_lexicon()["reporting_verbs"])),
        regex.IGNORECASE,
    ), _BREAK_HEADS, (*_BREAK_DASHES, *anywhere))


# The clause of a trigger is asked for by every attach stage (actors, places, status, size,
# date, codes): each is worked out once (the cache holds the last documents' triggers).
@lru_cache(maxsize=256)
def attach_clause(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause whose names may fill the roles of the trigger at ``text[start:end]``.

    Breaks inside brackets do not count ("assets (carriers, submarines, and bombers) to
    Korea"), nor ", and" before a list item ("jets, and an unspecified number of C-130s to")."""
    masked, shift = _mask_brackets(text, *sentence)
    left, right = sentence
    for m in _attach_break().finditer(masked, sentence[0] - shift, start - shift):
        if not _list_item(masked, m):
            left = m.end() + shift
    for m in _attach_break().finditer(masked, end - shift, sentence[1] - shift):
        if not _list_item(masked, m):
            right = m.start() + shift
            break
    return left, right


# what ``_list_item`` reads around a break in the sentence: names before it, a phrase after it
_LIST_ITEM_BEFORE = 100
_LIST_ITEM_AFTER = PHRASE_REACH + 1


def _mask_brackets(text: str, start: int, end: int) -> tuple[str, int]:
    """The stretch of ``text`` around ``start:end`` that the clause breaks and ``_list_item`` read,
    with the inside of each bracket pair in ``start:end`` blanked, and the offset in ``text`` of
    its first character (a copy of the whole text for each trigger would cost a long document
    time and memory quadratic in its length). ``text`` itself, offset 0, if there is no bracket."""
    if "(" not in text[start:end]:
        return text, 0
    lo, hi = max(0, start - _LIST_ITEM_BEFORE), min(len(text), end + _LIST_ITEM_AFTER)
    inside = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text[start:end])
    return text[lo:start] + inside + text[end:hi], lo


_BRACKETED = regex.compile(r"\([^()]{0,200}\)")
_LIST_ITEM = regex.compile(r"(?:an?|\d[\d,.]*|some|several|more|dozens|hundreds|thousands|two|three|four|five)\s",
                           regex.IGNORECASE)


# "India, Japan, and the United States": the last name of a list after a serial comma
_NAME = r"(?-i:\p{Lu})[\p{L}.'’-]*(?:\s+(?:of\s+)?(?-i:\p{Lu})[\p{L}.'’-]*)*"
_NAMES_BEFORE = regex.compile(rf"{_NAME},\s+(?:the\s+)?{_NAME}$")
_NAME_AFTER = regex.compile(rf"\s*(?:the\s+)?{_NAME}")


def _list_item(text: str, m: regex.Match) -> bool:
    if not m.group(0).lstrip(", ").lower().startswith("and"):
        return False
    return bool(match_at(_LIST_ITEM, text, m.end() + 1)) or (
        _NAMES_BEFORE.search(text, max(0, m.start() - 80), m.start()) is not None
        and match_at(_NAME_AFTER, text, m.end()) is not None) or (
        _ITEMS_BEFORE.search(text, max(0, m.start() - 80), m.start()) is not None
        and match_at(_ITEM_AFTER, text, m.end()) is not None)


# "warships, troops, and other military assets to": the last item of a list of lower-case items
# after a serial comma, the item before it short and set off by a comma of its own
_ITEMS_BEFORE = regex.compile(r",\s+(?:(?-i:\p{Ll})[\p{Ll}\p{N}-]*\s+){0,3}(?-i:\p{Ll})[\p{Ll}\p{N}-]*$")
_ITEM_AFTER = regex.compile(r"\s+(?-i:\p{Ll})")


@lru_cache(maxsize=256)
def clause_of(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: between the nearest clause breaks in the sentence."""
    left, right = sentence
    for m in _clause_break().finditer(text, sentence[0], start):
        left = m.end()
    m = _clause_break().search(text, end, sentence[1])
    if m:
        right = m.start()
    return left, right


def words_before(text: str, pos: int, floor: int, n: int) -> list[str]:
    """Up to ``n`` lower-case words before ``pos`` (nearest first), stopping at strong punctuation."""
    window = text[max(floor, pos - 80):pos]
    cut = max((m.end() for m in _STOP_PUNCT.finditer(window)), default=0)
    return [w.lower() for w in WORD.findall(window[cut:])][::-1][:n]


def preposition_before(text: str, mention_start: int, floor: int, prepositions: Set[str],
                        through_names: bool = False) -> str | None:
    """The preposition that governs a name: "to the eastern Congo" -> "to".

    With ``through_names``, the search walks over other names and "of" ("in the Jaisalmer
    district of Rajasthan" -> "in"), as places nest.
    """
    start = max(floor, mention_start - 100, 0)
    stop = (_LAST_STOP_PUNCT if through_names else _LAST_STOP_PUNCT_OR_COMMA).search(text, start, mention_start)
    words = last_words(text, stop.end() if stop else start, mention_start, 10 if through_names else 5)[::-1]
    lowered = [w.lower() for w in words]
    phrase_ends = _phrase_ends(prepositions)
    for i, word in enumerate(words):
        lower = lowered[i]
        if lower in phrase_ends:  # (only then can a phrase of several words end here)
            for size in (4, 3, 2):
                if i + size <= len(words):
                    phrase = " ".join(reversed(lowered[i:i + size]))
                    if phrase in prepositions:
                        return phrase
        if lower in prepositions:
            return lower
        if is_modifier(lower) and (through_names or not word[0].isupper()):
            continue
        if through_names and (word[0].isupper() or lower in nesting_words()):
            continue
        return None
    return None


# the last stop in a window (a reverse search finds the rightmost first)
_LAST_STOP_PUNCT = regex.compile(r"(?r)[;:()\[\]\"“”]")
_LAST_STOP_PUNCT_OR_COMMA = regex.compile(r"(?r)[;:()\[\]\"“”,]")


def last_words(text: str, start: int, end: int, n: int) -> list[str]:
    """``WORD.findall(text[start:end])[-n:]``, the words found in the end of the stretch when it
    holds ``n`` of them: no word holds a space, so those found from a space on are the same either way."""
    space = text.find(" ", max(start, end - 8 * n), end)
    if space > start:
        words = words_in(text, space, end)
        if len(words) >= n:
            return words[-n:]
    return words_in(text, start, end)[-n:]


def _phrase_ends(prepositions: Set[str]) -> frozenset[str]:
    """The last words of the prepositions of several words ("out of" -> "of")."""
    if isinstance(prepositions, frozenset):
        return _cached_phrase_ends(prepositions)
    return frozenset(p.rsplit(" ", 1)[1] for p in prepositions if " " in p)


@cache
def _cached_phrase_ends(prepositions: frozenset[str]) -> frozenset[str]:
    return frozenset(p.rsplit(" ", 1)[1] for p in prepositions if " " in p)


@cache
def governing_words() -> frozenset[str]:
    """The prepositions and participant words that may govern a name ("to", "with", "as well as")."""
    return frozenset(role_lexicon()["non_actor_prepositions"]) | frozenset(role_lexicon()["participant_words"])


@cache
def location_prepositions(event_type: str, extra: frozenset[str] = frozenset()) -> frozenset[str]:
    """The prepositions that put an event of ``event_type`` at a place ("drills in", "troops sent to")."""
    return frozenset(role_lexicon()["location_prepositions"][event_type]) | extra


@cache
def non_actor_prepositions() -> frozenset[str]:
    return frozenset(role_lexicon()["non_actor_prepositions"])


@cache
def nesting_words() -> frozenset[str]:
    """Words that may stand between a preposition and a nested name: "in the port city of Aden"."""
    return frozenset(role_lexicon()["nesting_words"])


BORDER_WITH = regex.compile(r"(?:border|frontier|boundary)\s+with\s+(?:the\s+)?$", regex.IGNORECASE)


_MODIFIERS = {"the", "a", "an", "its", "their", "his", "her", "both", "several", "all", "some", "two", "three"}


@cache
def _place_adjective_suffixes() -> tuple[str, ...]:
    return tuple(role_lexicon()["place_adjective_suffixes"])


def is_modifier(word: str) -> bool:
    """Words that may stand between a preposition and its name: "to the [eastern] Congo"."""
    return (
        word in _MODIFIERS
        or word in role_words("place_adjectives")
        or ("-" in word and word.endswith(_place_adjective_suffixes()))  # "rebellion-hit"
        or word.endswith(("ern", "ed", "al", "ic", "ing", "ish", "ian", "an", "ese", "i", "ous"))
        # an adverb: "in the relatively stable north of" (not "supply", "assembly")
        or (len(word) > 5 and word.endswith("ly") and not word.endswith(("ply", "mbly")))
        or word in ("'s", "’s", "mutual", "restive", "disputed", "neighbouring", "neighboring", "central",
                    "northern", "southern", "eastern", "western", "far", "upper", "lower", "greater", "rebel-held",
                    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
                    "southwest")
    )


# "Iran-backed", "Italian-occupied": a name glued to a participle modifies what follows
GLUED = regex.compile(r"-(?:backed|occupied|held|controlled|administered|designated|claimed|allied|aligned|"
                      r"funded|sponsored|brokered|trained|supported|linked|affiliated|friendly|based|born|"
                      r"made|built|supplied|armed|flagged|registered|owned|operated|bound)\b", regex.IGNORECASE)
_POSSESSIVE_START = regex.compile(r"\s*(?:['’]s?\s+)?")


def past_possessive(text: str) -> str:
    """``text`` without its leading space and possessive ending: " 's border" -> "border", but
    " soil" stays "soil" (``str.lstrip`` with a set of characters would eat its "s")."""
    return text[_POSSESSIVE_START.match(text).end():]


def skip_words(text: str, n: int) -> str:
    m = _words_then_space(n).match(text)
    return text[m.end():] if m else text


@cache
def _words_then_space(n: int) -> regex.Pattern:
    # compiled once: regex.match(source, ...) looks its cache up at every call, which costs
    # more than the match itself on the short strings given here
    return regex.compile(r"(?:[\p{L}\p{N}/–-]+\s+){1,%d}" % n)  # "-" and "–" join names: "Tajik–Afghan border"
