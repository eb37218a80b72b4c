"""What linking reads of a document read in parts: each mention's sentence up to its trigger.

``eventlinks`` reads, for each mention, the text of its sentence before its trigger (with
patterns that look a character behind where they start), and whether the mention is told as
done (``eventlinks.told_as_done``, which reads its clause). A document read in parts is not held
whole when its mentions are linked, so these are kept for each mention as it is found, and let
go of once the mention is linked (``forget``).
"""

from __future__ import annotations

from .model import Event

LEAD = 16  # characters kept before the sentence's start (for a pattern's look behind)


class Excerpts:
    """For each mention (by its trigger's start), the text from a little before its sentence to
    its trigger, where that text starts in the whole text, and whether it is told as done."""

    def __init__(self) -> None:
        self._by_trigger: dict[int, tuple[str, int, bool]] = {}
        self._sharing: dict[int, int] = {}  # mentions kept per trigger start (two may share one)

    def add(self, text: str, low: int, event: Event) -> None:
        """Keep ``event`` found in ``text``, a part of the whole text from ``low`` on (its offsets
        are still those in the part)."""
        from .eventlinks import told_as_done  # (eventlinks reads the excerpts)

        begin = max(0, event.sentence.start - LEAD)
        done = event.status == "occurred" and bool(event.published) and told_as_done(event, text)
        at = event.trigger.start + low
        self._by_trigger[at] = (text[begin:event.trigger.start], begin + low, done)
        self._sharing[at] = self._sharing.get(at, 0) + 1

    def before(self, event: Event) -> tuple[str, int]:
        """The text kept for ``event``, and the offset of its first character in the whole text."""
        held, offset, _done = self._by_trigger[event.trigger.start]
        return held, offset

    def told_as_done(self, event: Event) -> bool:
        return self._by_trigger[event.trigger.start][2]

    def forget(self, event: Event) -> None:
        """Let go of what was kept for ``event``, once no other mention at its trigger needs it."""
        at = event.trigger.start
        self._sharing[at] -= 1
        if not self._sharing[at]:
            del self._sharing[at], self._by_trigger[at]
