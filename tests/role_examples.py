"""Load the role-rule examples kept in ``geoevents/data/lexicon/role_examples.jsonl``."""

from datetime import date

from geoevents import extract
from geoevents.resources import read_jsonl

DCT = date(2021, 7, 28)


def examples(prefix: str) -> list[dict]:
    return [e for e in read_jsonl("lexicon/role_examples.jsonl") if e["rule"].startswith(prefix)]


def event_of(example: dict):
    events = [e for e in extract(example["text"], published=DCT) if e.type == example["type"]]
    assert events, f"{example['rule']}: no {example['type']} event in {example['text']!r}"
    return events[0]


def check(example: dict) -> None:
    event = event_of(example)
    codes = sorted(a.code for a in event.actors)
    if "actors" in example:
        assert codes == example["actors"], (example["rule"], codes)
    for code in example.get("absent", []):
        assert code not in codes, (example["rule"], codes)
    for code, role in example.get("roles", {}).items():
        assert {a.code: a.role for a in event.actors}[code] == role, (example["rule"], event.actors)
    if example.get("no_place"):
        assert not event.locations, (example["rule"], event.locations)
    if "place" in example:
        assert event.locations, (example["rule"], "no location")
        first = event.locations[0]
        assert example["place"] in first.name, (example["rule"], first)
        if "country" in example:
            assert (first.country or "") == example["country"], (example["rule"], first)
        if "relation" in example:
            assert first.relation == example["relation"], (example["rule"], first)
