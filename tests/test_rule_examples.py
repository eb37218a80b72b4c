"""Every trigger rule and exclusion carries its own examples; this runs them all (Duckling-style).

A rule's examples must yield an event of its type fired by that rule; its counterexamples,
and an exclusion's counterexamples, must yield no event of that type.
"""

import pytest

from geoevents import extract
from geoevents.triggers import load_lexicon

LEXICON = load_lexicon()
POSITIVE = [(rule.id, rule.type, text) for rule in LEXICON.rules for text in rule.examples]
NEGATIVE = [(rule.id, rule.type, text) for rule in LEXICON.rules for text in rule.counterexamples]
EXCLUDED = [(ex.id, t, text) for ex in LEXICON.exclusions for text in ex.counterexamples for t in ex.types]


def test_every_rule_has_examples():
    missing = [rule.id for rule in LEXICON.rules if not rule.examples]
    assert not missing, f"rules without positive examples: {missing}"


def test_rule_ids_are_unique():
    ids = [rule.id for rule in LEXICON.rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("rule_id", "event_type", "text"), POSITIVE)
def test_rule_fires_on_its_examples(rule_id, event_type, text, dct):
    events = extract(text, published=dct)
    assert any(e.type == event_type and e.rule == rule_id for e in events), (
        f"{rule_id} did not fire: {[(e.type, e.rule, e.trigger.text) for e in events]}"
    )


@pytest.mark.parametrize(("rule_id", "event_type", "text"), NEGATIVE + EXCLUDED)
def test_no_event_on_counterexamples(rule_id, event_type, text, dct):
    events = extract(text, published=dct)
    assert not [e for e in events if e.type == event_type], (
        f"{rule_id}: unexpected {[(e.rule, e.trigger.text) for e in events]}"
    )
