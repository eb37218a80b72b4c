"""Every time rule carries its own examples (Duckling-style); this runs them all.

An example is (sentence, expression, value) at the test DCT 2021-07-28, a Wednesday: the rule
must find exactly that expression with that value. A counterexample must get nothing from it.
A veto rule claims text that looks like a time but is none ("a week" in "four flights a week"):
its examples are (sentence, text), and no expression may overlap that text.
"""

from datetime import date

import pytest

from geoevents.temporal import tag
from geoevents.temporal.grammar import rules

DCT = date(2021, 7, 28)  # a Wednesday, as in conftest.py

RULES = rules()
POSITIVE = [(rule.id, *example) for rule in RULES if rule.op != "veto" for example in rule.examples]
VETOED = [(rule.id, *example) for rule in RULES if rule.op == "veto" for example in rule.examples]
NEGATIVE = [(rule.id, text) for rule in RULES for text in rule.counterexamples]


def test_every_rule_has_examples():
    assert not [rule.id for rule in RULES if not rule.examples]


def test_rule_ids_are_unique():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("rule_id", "sentence", "expression", "value"), POSITIVE)
def test_rule_reads_its_examples(rule_id, sentence, expression, value):
    found = [(t.text, t.value, t.rule) for t in tag(sentence, DCT)]
    assert (expression, value, rule_id) in found, found


@pytest.mark.parametrize(("rule_id", "sentence"), NEGATIVE)
def test_rule_ignores_its_counterexamples(rule_id, sentence):
    found = [(t.text, t.value) for t in tag(sentence, DCT) if t.rule == rule_id]
    assert found == []


@pytest.mark.parametrize(("rule_id", "sentence", "text"), VETOED)
def test_veto_rules_keep_their_text_free(rule_id, sentence, text):
    start = sentence.index(text)
    overlapping = [t.text for t in tag(sentence, DCT) if t.start < start + len(text) and start < t.end]
    assert overlapping == []
