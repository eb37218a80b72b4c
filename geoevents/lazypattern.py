"""Patterns compiled the first time they are used, and searched only where a match can start.

Compiling a ``regex`` pattern costs a millisecond or more, and the lexicons hold hundreds: a
one-sentence run needs few of them. A ``LazyPattern`` stands in for the compiled pattern
(``finditer``, ``search``, ``match`` ... are passed on) and compiles it on first use.

A pattern of many phrases ("armoured personnel carriers|troops|...") is slow to search: the
engine tries every phrase at every position. When every match starts with one of a few literal
prefixes (the phrases' first words), a ``PrefixedPattern`` finds them with one Aho-Corasick
pass and tries the pattern only there: the same matches, many times faster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import ahocorasick
import regex

from .patterncache import compile_pattern, compile_standard

try:  # how ``re`` parses a pattern (private, but stable since 3.7)
    from re import _parser as _re_parser
except ImportError:  # Python 3.10
    import sre_parse as _re_parser  # type: ignore[no-redef]


class LazyPattern:
    """A ``regex`` pattern (``source``, ``flags``) compiled the first time it is used."""

    def __init__(self, source: str, flags: int = 0):
        self.source = source
        self.flags = flags
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = compile_pattern(self.source, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # called only for a name the instance lacks ("finditer", "search", ...): kept on the
        # instance, the compiled pattern's attribute is found directly from then on
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.source!r}, {self.flags})"


# the flags of a ``regex`` pattern compiled with none (str patterns are Unicode; version 0 is the default)
_NO_FLAGS = regex.UNICODE | regex.VERSION0


def plain_ascii(text: str) -> bool:
    """Whether ``text`` is read alike by ``re`` and ``regex``: ASCII (their ``\\w``, ``\\b``,
    ``\\d`` and case folding differ only beyond it), and without the information separators
    U+001C-U+001F, which ``re``'s ``\\s`` (``str.isspace``) takes and ``regex``'s (Unicode
    White_Space) does not. (A character found by ``in`` is found at C speed: ``re`` would look at
    every character in turn. The answers for the last few long texts are kept: the stages ask
    about a document's text, and its lower-cased form, again and again, between questions about
    short strings; looked at anew each time, a long text would cost time quadratic in its length.
    The last text asked about is the next one two times in three: it is answered first.)"""
    global _last_text, _last_plain
    if text is _last_text:
        return _last_plain
    _last_text, _last_plain = text, _plain_ascii(text)
    return _last_plain


def _plain_ascii(text: str) -> bool:
    if not text.isascii():
        return False
    if len(text) < _LONG:
        return not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
    for known, plain in _long_texts:
        if known is text:
            return plain
    plain = not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
    _long_texts.insert(0, (text, plain))
    del _long_texts[_LONG_KEPT:]
    return plain


_LONG = 256  # characters: a shorter text is looked at each time
_LONG_KEPT = 4
_long_texts: list[tuple[str, bool]] = []  # the last long texts asked about, the latest first
_last_text: str | None = None  # the last text asked about, and its answer
_last_plain = False


class DualPattern:
    """A compiled ``regex`` pattern (``cachedregex.compile``) whose ``match``, ``search`` and
    ``fullmatch`` on ``plain_ascii`` text are those of the same pattern compiled with ``re``,
    which reads it alike (see ``StandardPattern``), three times faster a call; everything else is
    ``regex``'s. (Negative bounds, which ``regex`` counts from the end and ``re`` does not, and
    ``regex``'s own keyword arguments go to ``regex``.)"""

    __slots__ = ("regex", "standard", "_nonempty")

    def __init__(self, compiled: regex.Pattern, standard: Any):
        self.regex = compiled
        self.standard = standard
        self._nonempty: bool | None = None  # whether no match is empty (see ``_all_alike``)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None, **options: Any) -> Any:
        if options or pos < 0 or not plain_ascii(string) or (endpos is not None and endpos < 0) \
                or not self._all_alike():
            return self.regex.finditer(string, pos, endpos, **options)
        return self.standard.finditer(string, pos, len(string) if endpos is None else endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None, **options: Any) -> Any:
        if options or pos < 0 or not plain_ascii(string) or (endpos is not None and endpos < 0) \
                or not self._all_alike():
            return self.regex.findall(string, pos, endpos, **options)
        return self.standard.findall(string, pos, len(string) if endpos is None else endpos)

    def _all_alike(self) -> bool:
        """Whether ``finditer`` and ``findall`` find alike in both: ``regex``'s version 0 treats
        empty matches as ``re`` did before Python 3.7, so only a pattern that cannot match
        empty is left to ``re``."""
        if self._nonempty is None:
            try:
                self._nonempty = _re_parser.parse(self.standard.pattern).getwidth()[0] > 0
            except Exception:
                self._nonempty = False
        return self._nonempty

    def match(self, string: str, pos: int = 0, endpos: int | None = None, **options: Any) -> Any:
        if options or pos < 0 or not plain_ascii(string) or (endpos is not None and endpos < 0):
            return self.regex.match(string, pos, endpos, **options)
        return self.standard.match(string, pos, len(string) if endpos is None else endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None, **options: Any) -> Any:
        if options or pos < 0 or not plain_ascii(string) or (endpos is not None and endpos < 0):
            return self.regex.search(string, pos, endpos, **options)
        return self.standard.search(string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None, **options: Any) -> Any:
        if options or pos < 0 or not plain_ascii(string) or (endpos is not None and endpos < 0):
            return self.regex.fullmatch(string, pos, endpos, **options)
        return self.standard.fullmatch(string, pos, len(string) if endpos is None else endpos)

    def __getattr__(self, name: str) -> Any:
        if name in self.__slots__:  # (not set yet: unpickling)
            raise AttributeError(name)
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"DualPattern({self.regex!r})"


def with_standard(compiled: regex.Pattern) -> regex.Pattern | DualPattern:
    """``compiled`` as a ``DualPattern`` where ``re`` reads it alike (see ``_standard_or_regex``),
    else itself; the letter and number classes ``re`` lacks ("\\p{L}") are written as the ASCII
    ones they are on ASCII text. (A pattern with flags or other "\\p{...}" is not even tried: most
    of a module's patterns, each a file to read.)"""
    source = compiled.pattern
    if compiled.flags & ~_NO_FLAGS or not isinstance(source, str):
        return compiled
    source = ascii_classes(source)
    if source is None:
        return compiled
    standard = _standard_or_regex(source, 0)
    if isinstance(standard, regex.Pattern):
        return compiled
    return DualPattern(compiled, standard)


# Unicode classes -> the ASCII characters they hold (what they match in ASCII text), written
# inside a set; the marks hold none
_ASCII_OF = {"L": "A-Za-z", "Lu": "A-Z", "Ll": "a-z", "N": "0-9", "Nd": "0-9", "M": ""}
_CLASS_OR_SET = compile_standard(r"\\p\{(\w+)\}|\\.|\[\^?\]?(?:[^\]\\]|\\.)*\]")


def ascii_classes(source: str) -> str | None:
    """``source`` with "\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\p{N}", "\\p{Nd}" and "\\p{M}" written as
    what they match in ASCII text, alone ("[A-Za-z]") or in a set ("[A-Za-z0-9'-]"); None when
    it holds another "\\p{...}" or "\\P{...}", or a set left empty."""
    if "\\p{" not in source:
        return None if "\\P{" in source else source  # (most patterns: no need to read them through)
    if "\\P{" in source:
        return None
    failed = False

    def ascii_of(m: re.Match) -> str:
        nonlocal failed
        text = m.group()
        if m.group(1) is not None:  # a class on its own
            chars = _ASCII_OF.get(m.group(1))
            failed = failed or chars is None
            return "(?!)" if not chars else f"[{chars}]"
        if not text.startswith("[") or "\\p{" not in text:
            return text  # an escape, or a set without classes
        inside = re.sub(r"\\p\{(\w+)\}", lambda c: _ASCII_OF.get(c.group(1), "\x00FAIL"), text)
        failed = failed or "\x00FAIL" in inside or inside in ("[]", "[^]")
        return inside

    written = _CLASS_OR_SET.sub(ascii_of, source)
    return None if failed or "\\p{" in written else written


class StandardPattern:
    """A ``regex`` pattern's ``match``, ``search`` and ``fullmatch``, compiled the first time one is
    used, with the standard ``re`` where ``re`` reads the pattern alike: for ``plain_ascii`` text
    only (the caller checks), where ``re`` tries a pattern at a place three times faster. ``re``
    refuses what it does not know (``\\p{L}``, a lookbehind of varying width); a pattern that
    either could read otherwise (a POSIX class or a nested set, flags) is left to ``regex``. No
    ``finditer``: ``regex``'s version 0 treats empty matches as ``re`` did before Python 3.7."""

    _METHODS = frozenset(("match", "search", "fullmatch"))

    def __init__(self, source: str, flags: int = 0):
        self.source = source
        self.flags = flags
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        # (as in ``LazyPattern``: kept on the instance, found directly from then on)
        if name not in self._METHODS:
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = _standard_or_regex(self.source, self.flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value


# what ``re`` might read otherwise than ``regex``: inline flags ("(?i)", "(?-i:", not "(?P<name>"),
# POSIX classes and nested sets ("[[:alpha:]]"), and what ``re`` warns may one day be set operations
_READ_OTHERWISE = compile_standard(r"\(\?(?!P[<=])[a-zA-Z^-]|\[\[|\[:|--|&&|~~|\|\|")


def _standard_or_regex(source: str, flags: int) -> Any:
    """``re``'s compiled pattern where it reads ``source`` as ``regex`` does ASCII text, else ``regex``'s."""
    if not flags and not _READ_OTHERWISE.search(source):
        try:
            return compile_standard(source)
        except Exception:  # re.error, or a warning raised as an error (a possible nested set)
            pass
    return compile_pattern(source, flags)


class PrefixedPattern(LazyPattern):
    """A lazily compiled pattern every match of which starts with one of ``prefixes``.

    ``finditer`` and ``search`` try the pattern only where a prefix occurs. With IGNORECASE
    the prefixes must be ASCII and are compared with the text lower-cased and its long s "ſ"
    read as "s": in ``regex``'s case-insensitive matching (simple case folding, the default),
    those are all the characters that match an ASCII character, save the dotted "İ", whose
    lower case is two characters long; where lower-casing changes the length of the text, the
    pattern searches the text itself.
    """

    def __init__(self, source: str, flags: int, prefixes: Iterable[str]):
        super().__init__(source, flags)
        self.ignore_case = bool(flags & regex.IGNORECASE)
        self.prefixes = frozenset(p.lower() for p in prefixes) if self.ignore_case else frozenset(prefixes)
        if not self.prefixes or "" in self.prefixes or (self.ignore_case and not all(
                p.isascii() for p in self.prefixes)):
            raise ValueError(f"no usable prefixes for {source[:60]!r}")
        self._starts: ahocorasick.Automaton | None = None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        chunk = self._folded(text, pos, endpos)
        if chunk is None:
            yield from self.compiled.finditer(text, pos, endpos)
            return
        # (never empty: a match starts with a prefix)
        yield from matches_at(self.compiled, {pos + end - size + 1 for end, size in self._automaton().iter(chunk)},
                              text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        # the first match of ``finditer``, without its generators: the first start where the
        # pattern matches (no match before it hides one)
        endpos = len(text) if endpos is None else min(endpos, len(text))
        chunk = self._folded(text, pos, endpos)
        if chunk is None:
            return self.compiled.search(text, pos, endpos)
        match = standard_match(self, text)
        for start in sorted({pos + end - size + 1 for end, size in self._automaton().iter(chunk)}):
            if m := match(text, start, endpos):
                return m
        return None

    def _folded(self, text: str, pos: int, endpos: int) -> str | None:
        """``text[pos:endpos]`` as the prefixes are compared with it (lower-cased with IGNORECASE),
        or None where they cannot be: negative bounds (no caller uses them; the pattern knows what
        they mean), or lower-casing that changes the length."""
        if pos < 0 or endpos < 0:
            return None
        chunk = text[pos:endpos]
        if not self.ignore_case:
            return chunk
        folded = chunk.lower().replace("ſ", "s")
        return folded if len(folded) == len(chunk) else None

    def _automaton(self) -> ahocorasick.Automaton:
        if self._starts is None:
            automaton = ahocorasick.Automaton()
            for prefix in self.prefixes:
                automaton.add_word(prefix, len(prefix))
            automaton.make_automaton()
            self._starts = automaton
        return self._starts


class LazyAlternation(PrefixedPattern):
    """``before (?:A0|A1|...) after``, each alternative starting with a known word: tried one
    alternative at a time, each compiled when first needed, until ``SWITCH_AFTER`` of them are in
    use; then the whole alternation is compiled. A short run (one sentence) compiles a few small
    patterns instead of one that takes tens of milliseconds; a long run soon compiles it anyway.

    The matches are the alternation's: at each place, the first alternative (in order) that
    matches there, and an alternative can only match where its first word is.
    """

    SWITCH_AFTER = 48

    def __init__(self, before: str, alternatives: Sequence[tuple[str, str]], after: str, flags: int):
        super().__init__(before + "(?:%s)" % "|".join(source for source, _ in alternatives) + after, flags,
                         [word for _, word in alternatives])
        self._parts = [before + "(?:%s)" % source + after for source, _ in alternatives]
        self._by_word: dict[str, list[int]] = {}
        for i, (_, word) in enumerate(alternatives):
            self._by_word.setdefault(word.lower() if self.ignore_case else word, []).append(i)
        self._compiled_parts: dict[int, regex.Pattern] = {}

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        if self._compiled is not None or len(self._compiled_parts) >= self.SWITCH_AFTER:
            yield from super().finditer(text, pos, endpos)
            return

        def first_part_matching(start: int, words: list[str], end: int) -> regex.Match | None:
            for i in sorted({i for word in words for i in self._by_word[word]}):
                if m := self._part(i).match(text, start, end):
                    return m
            return None

        yield from self._by_first_words(text, pos, endpos, first_part_matching)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        return next(self.finditer(text, pos, endpos), None)  # (its own finditer, not the whole pattern)

    def _by_first_words(self, text: str, pos: int, endpos: int | None,
                        match_at: Callable[[int, list[str], int], regex.Match | None]) -> Iterator[regex.Match]:
        """The matches found by ``match_at(start, first words there, endpos)`` where the
        alternatives' first words start, in text order, each hiding the places it covers (the
        whole pattern where the text cannot be folded to find the words)."""
        endpos = len(text) if endpos is None else min(endpos, len(text))
        folded = self._folded(text, pos, endpos)
        if folded is None:
            yield from self.compiled.finditer(text, pos, endpos)  # (the whole pattern, as there)
            return
        words_at: dict[int, list[str]] = {}
        for end, size in self._automaton().iter(folded):
            words_at.setdefault(end - size + 1, []).append(folded[end - size + 1:end + 1])
        resume = pos
        for offset in sorted(words_at):
            start = pos + offset
            if start >= resume and (m := match_at(start, words_at[offset], endpos)):
                resume = m.end()
                yield m

    def _part(self, index: int) -> regex.Pattern:
        part = self._compiled_parts.get(index)
        if part is None:
            part = self._compiled_parts[index] = compile_pattern(self._parts[index], self.flags)
        return part


def longest_first(words: Iterable[str]) -> list[str]:
    """The distinct words, longest first (as an alternation of them must try them), those of
    the same length in alphabetical order: the pattern made of them is then the same in every
    process (a set's order changes with the hash seed), so its compiled form is found on disk."""
    return sorted(set(words), key=lambda word: (-len(word), word))


def phrase_pattern(source: str, flags: int, prefixes: Iterable[str] | None) -> LazyPattern:
    """A ``PrefixedPattern`` when ``prefixes`` can serve (see there), else a ``LazyPattern``."""
    if prefixes is not None:
        try:
            return PrefixedPattern(source, flags, prefixes)
        except ValueError:
            pass
    return LazyPattern(source, flags)


def matches_at(pattern: regex.Pattern | LazyPattern, starts: Iterable[int], text: str, pos: int = 0,
               endpos: int | None = None) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text, pos, endpos)`` when every match starts at one of
    ``starts`` (where the literal prefixes of its rules occur): several times faster than trying
    everywhere. A match must not be empty (each resumes the search past its end)."""
    endpos = len(text) if endpos is None else endpos
    match = standard_match(pattern, text)
    resume = pos
    for start in sorted(starts):
        if start >= resume and (m := match(text, start, endpos)):
            resume = m.end()
            yield m


_twins: dict[Any, Callable[..., Any]] = {}  # pattern -> the ``match`` to use on plain ASCII text
_TWINS_KEPT = 4096


def standard_match(pattern: regex.Pattern | LazyPattern, text: str) -> Callable[..., regex.Match | None]:
    """``pattern.match``, or on ``plain_ascii`` text that of the same pattern compiled with the
    standard ``re`` where it reads it alike (see ``StandardPattern``): three times faster a try."""
    if not plain_ascii(text):
        return pattern.match
    match = _twins.get(pattern)
    if match is None:
        if len(_twins) >= _TWINS_KEPT:  # (patterns are built once per process: this is a safeguard)
            _twins.clear()
        source, flags = (pattern.source, pattern.flags) if isinstance(pattern, LazyPattern) else (
            pattern.pattern, pattern.flags & ~_NO_FLAGS)
        match = _twins[pattern] = (StandardPattern(source).match if isinstance(source, str) and not flags
                                   else pattern.match)
    return match
