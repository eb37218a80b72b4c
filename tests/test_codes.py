"""CAMEO and PLOVER codes: the examples kept beside the mapping table (``data/codes.json``) and
the table's own consistency."""

import pytest

from geoevents import extract
from geoevents.codes import code_table
from geoevents.model import EVENT_TYPES

TABLE = code_table()


def test_every_type_has_codes():
    assert {row["type"] for row in TABLE.rules} == set(EVENT_TYPES)


def test_every_type_has_a_catch_all_row():
    for event_type in EVENT_TYPES:
        rows = [row for row in TABLE.rules if row["type"] == event_type]
        assert set(rows[-1]) == {"type", "cameo", "plover", "mode"}, rows[-1]


@pytest.mark.parametrize("example", TABLE.examples, ids=lambda e: e["text"][:40])
def test_code_examples(example, dct):
    events = extract(example["text"], published=dct)
    assert len(events) == 1, [(e.type, e.trigger.text) for e in events]
    record = events[0].to_dict()
    assert record["cameo"]["code"] == example["cameo"]
    assert (record["plover"]["type"], record["plover"]["mode"]) == (example["plover"], example["mode"])


def test_status_goes_into_plover_context(dct):
    (event,) = extract("Seoul said it may send troops to the island.", published=dct)
    assert event.status == "uncertain"
    assert event.to_dict()["plover"]["context"] == ["military", "hypothetical"]
