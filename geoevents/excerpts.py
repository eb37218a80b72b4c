"""What linking reads of a document read in parts: each mention's sentence up to its trigger.

``eventlinks`` reads, for each mention, the text of its sentence before its trigger (with
patterns that look a character behind where they start). A document read in parts is not held
whole when its mentions are linked, so that text is kept for each mention as it is found.
"""

from __future__ import annotations

from .model import Event

LEAD = 16  # characters kept before the sentence's start (for a pattern's look behind)


class Excerpts:
    """For each mention (by its trigger's start), the text from a little before its sentence to
    its trigger, and where that text starts in the whole text."""

    def __init__(self) -> None:
        self._by_trigger: dict[int, tuple[str, int]] = {}

    def add(self, text: str, low: int, sentence_start: int, trigger_start: int) -> None:
        """Keep the mention found in ``text``, a part of the whole text from ``low`` on (the
        offsets are in the part)."""
        begin = max(0, sentence_start - LEAD)
        self._by_trigger[trigger_start + low] = (text[begin:trigger_start], begin + low)

    def before(self, event: Event) -> tuple[str, int]:
        """The text kept for ``event``, and the offset of its first character in the whole text."""
        return self._by_trigger[event.trigger.start]
