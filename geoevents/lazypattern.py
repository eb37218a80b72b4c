"""Patterns compiled the first time they are used.

Compiling a ``regex`` pattern costs a millisecond or more, and the lexicons hold hundreds: a
one-sentence run needs few of them. A ``LazyPattern`` stands in for the compiled pattern
(``finditer``, ``search``, ``match`` ... are passed on) and compiles it on first use.
"""

from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    """A ``regex`` pattern (``source``, ``flags``) compiled the first time it is used."""

    def __init__(self, source: str, flags: int = 0):
        self.source = source
        self.flags = flags
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # called only for a name the instance lacks ("finditer", "search", ...): kept on the
        # instance, the compiled pattern's attribute is found directly from then on
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.source!r}, {self.flags})"
