"""Temporal tagger: time expressions with exact offsets, normalised against the document date.

Two steps. Rules (``geoevents/data/time/rules.jsonl``, words in ``lexicon.json``) find an
expression and read its parts into an under-specified value ("August 5", year unknown); the
resolver fills what is missing from the document creation time (DCT), the tense of the clause
and the date last mentioned. Values follow TimeML TIMEX3: 2021-08-05, 2021-W31, 2021-Q3, P3D,
PAST_REF ...

    >>> from datetime import date
    >>> [(t.text, t.value) for t in tag("Drills will start on Friday.", date(2021, 7, 28))]
    [('Friday', '2021-07-30')]
"""

from .anchors import prepare as _prepare_dispatch
from .grammar import compile_all
from .tagger import tag
from .timex import Timex

__all__ = ["Timex", "prepare", "tag"]


def prepare() -> None:
    """Build the whole grammar now rather than on first use: every rule compiled, and the table
    of which rules to try after the usual anchors filled. For long batch runs and benchmarks;
    a short run builds only what its text needs."""
    compile_all()
    _prepare_dispatch()
