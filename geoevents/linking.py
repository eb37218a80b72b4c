"""Linking mentions of the same event. Within a sentence, two triggers of one type name one
event ("began its withdrawal ... by pulling 300 soldiers out") unless a semicolon separates
them or they have different actors ("Iran's manoeuvre came after US ships staged one")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pipeline import Draft


def _codes(draft: Draft) -> set[str]:
    return {a.code for a in draft.actors}


def _same_event(text: str, first: Draft, second: Draft) -> bool:
    if first.sentence != second.sentence or first.type != second.type:
        return False
    if ";" in text[first.candidate.end:second.candidate.start]:
        return False
    a, b = _codes(first), _codes(second)
    return not a or not b or a <= b or b <= a


def merge_within_sentences(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """One draft per event per sentence; a merged draft takes missing attributes from the other."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.candidate.start):
        host = next((m for m in reversed(merged) if _same_event(text, m, draft)), None)
        if host is None:
            merged.append(draft)
            continue
        if not host.actors or len(draft.actors) > len(host.actors):
            host.actors = draft.actors
        host.locations = host.locations or draft.locations
        host.date = host.date or draft.date
        host.size = host.size or draft.size
    return merged
