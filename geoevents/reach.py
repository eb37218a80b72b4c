"""A pattern matched at a place in a document reads a phrase there, not the rest of the document.

The attach stages match short phrases right after a mention or a trigger ("of foreign troops",
"by the military") in the whole document's text. Given a start but no end, ``regex`` first
looks for the words a pattern must contain through the whole rest of the text: once per
mention, that made a long document's run time grow with the square of its length. Matched up
to ``PHRASE_REACH`` characters on, a phrase costs the same wherever it is. No phrase these
patterns read comes near that length (a sentence seldom does), so the matches are the same.
"""

from __future__ import annotations

from typing import Any, Protocol


class _Matching(Protocol):
    def match(self, string: str, pos: int = ..., endpos: int | None = ...) -> Any: ...


PHRASE_REACH = 1000  # characters


def match_at(pattern: _Matching, text: str, pos: int) -> Any:
    """``pattern.match(text, pos)``, reading at most ``PHRASE_REACH`` characters of ``text``."""
    return pattern.match(text, pos, pos + PHRASE_REACH)


def skip_space(text: str, pos: int) -> int:
    """The first position from ``pos`` on that is not white space (``len(text)`` if none)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" if none): read back over
    the spaces only, never a copy of the text before ``pos``."""
    pos -= 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return text[pos] if pos >= 0 else ""
