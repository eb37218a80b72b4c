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
