"""Sizes: every example kept beside the word lists (``data/lexicon/quantities.json``), and the
size attached to events: only quantities of the trigger's clause, with exact offsets."""

import pytest

from geoevents import extract
from geoevents.quantities import quantities_in, quantity_lexicon

EXAMPLES = quantity_lexicon().examples


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_quantity_examples(text, expected):
    found = [(q.count, q.qualifier, q.unit) for q in quantities_in(text, 0, len(text))]
    assert found == expected


def test_event_size_and_offsets(dct):
    text = "After clashes killed 12 soldiers, Ankara sent more than 1,000 troops and two frigates to the border."
    (event,) = [e for e in extract(text, published=dct) if e.type == "deployment"]
    found = [(q.count, q.qualifier, q.unit) for q in event.size]
    assert found == [(1000, "more_than", "troops"), (2, "exactly", "ships")]
    for q in event.size:
        assert text[q.start:q.end] == q.text
    assert event.to_dict()["size"][0]["text"] == "more than 1,000 troops"


def test_size_listed_past_the_clause(dct):
    text = "The navy deployed 200 marines, ten fighter jets and a destroyer to the island."
    (event,) = extract(text, published=dct)
    assert [(q.count, q.unit) for q in event.size] == [(200, "troops"), (10, "aircraft"), (1, "ships")]


def test_no_size_from_another_clause(dct):
    text = "Russia held drills near the border, while Belarus kept 20,000 troops in its barracks."
    (event,) = [e for e in extract(text, published=dct) if e.type == "exercise"]
    assert event.size == ()
