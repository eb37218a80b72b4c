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


SENTENCES = [example[0] for rule in RULES for example in rule.examples] + [
    text for rule in RULES for text in rule.counterexamples]


def test_the_dispatch_tables_never_drop_a_match():
    """A long run chooses the rules to try through tables (what may follow an anchor, what may
    precede it); a short run tries every rule of the anchor. Both must find the same."""
    from geoevents.temporal import anchors

    met = anchors._met[0]
    try:
        anchors._met[0] = 0
        short = [[(t.text, t.value, t.rule) for t in tag(s, DCT)] for s in SENTENCES]
        anchors._met[0] = anchors._TABLES_AFTER + 1
        long = [[(t.text, t.value, t.rule) for t in tag(s, DCT)] for s in SENTENCES]
    finally:
        anchors._met[0] = met
    assert short == long


def test_the_re_cores_match_as_the_regex_cores_do():
    """Rule cores are matched with the standard re where the pattern allows; the regex build of
    the same pattern (used for the dispatch tables) must agree with it."""
    for rule in RULES:
        for sentence in [example[0] for example in rule.examples] + list(rule.counterexamples):
            for at in range(len(sentence)):
                ours, theirs = rule.matcher.match(sentence, at), rule.core.match(sentence, at)
                assert (ours and ours.span()) == (theirs and theirs.span()), (rule.id, sentence, at)
