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


def _chunks() -> set[str]:
    """The words of the examples as the tagger meets them before an anchor: "said ", "two-"."""
    words = {w for s in SENTENCES for w in s.replace("-", "- ").split()}
    return {w + " " for w in words} | {w for w in words if w.endswith("-")} | {"(the ", "12,000 ", "--", " "}


def test_a_left_context_is_judged_by_its_tail_without_turning_down_a_chunk_it_can_end_with():
    """The tagger judges a left context by the last characters before the anchor (the tail)
    with its lookarounds made plain: a necessary condition, so every chunk the left context can
    end with passes; rules whose gate may match nothing are never asked (tail_gate None)."""
    from geoevents.temporal.grammar import NO_LEFT, TAIL

    turned_down = 0
    for rule in RULES:
        if rule.left_source is None:
            continue
        for chunk in sorted(_chunks()):
            fits = rule.tail_verdict(chunk[-TAIL:]) != NO_LEFT
            assert fits or rule.left.match(chunk, partial=True) is None, (rule.id, chunk)
            assert fits or rule.tail_gate is not None, (rule.id, chunk)
            turned_down += not fits
    assert turned_down > 0  # the gate spares the tagger some rules


def test_a_left_context_said_to_be_empty_by_its_tail_matches_nothing_there():
    """Where the tail shows that a left context that may be empty can only be empty, the
    tagger takes its empty match without matching it: the match it would get is that one."""
    from geoevents.temporal.grammar import EMPTY_LEFT
    from geoevents.temporal.tagger import _tail

    said_empty = 0
    for rule in RULES:
        if rule.empty_left is None:
            continue
        for sentence in SENTENCES:
            for at in range(len(sentence)):
                if rule.tail_verdict(_tail(sentence, at, 0)) == EMPTY_LEFT:
                    left = rule.left.match(sentence, 0, at)
                    assert left.span() == (at, at) and left.groups() == rule.empty_left.groups(), (rule.id, sentence)
                    said_empty += 1
    assert said_empty > 0


def test_a_lookaround_is_consumed_or_dropped_for_the_tail_gate():
    from geoevents.temporal.grammar import consuming_form

    assert consuming_form(r"(?<=(?:^|[^\p{L}])(?:in|by)\s+)the\s+") == r"(?:(?:|[^\p{L}])(?:in|by)\s+)the\s+"
    assert consuming_form(r"(?<![\d,.])(?!an?\b)(?P<n>\d+)\s+") == r"(?P<n>\d+)\s+"
    assert consuming_form(r"[(?<=]\(?<=x\)") == r"[(?<=]\(?<=x\)"  # a class and escapes are kept as they are
    # a lookbehind after consumed text may look back over it ("5 " in "\d+(?<=5)\s+"): dropped
    assert consuming_form(r"\d+(?<=5)\s+") == r"\d+\s+"


def test_the_dispatch_table_of_a_key_is_that_of_the_shorter_key_filtered():
    """``rules_after`` builds the rules for "348 " from those for "348": the same as checking
    every rule of the anchor."""
    from geoevents.temporal.anchors import rules_after
    from geoevents.temporal.grammar import anchor_index

    by_word, on_digits = anchor_index()
    keys = [(f"{n}{c}", None) for n in (5, 17, 31, 99, 348, 1999, 2021, 20210) for c in " ,.-/:s'"]
    keys += [(f"{w}{c}", w) for w in ("may", "year", "tuesday", "week", "day") for c in " ,.'-é"]
    keys += [(f"{w.capitalize()} ", w) for w in ("may", "march", "fall")]
    for key, word in keys:
        expected = [rule.id for rule in (on_digits if word is None else by_word[word]) if rule.fits_after(key)]
        assert [entry[0].id for entry in rules_after(key, word)] == expected, key


def test_the_dispatch_tables_keep_one_copy_of_each_tuple_of_entries():
    """The tables map many keys and tails to few distinct tuples of rules: equal tuples are one
    object, so that the tables cost memory and garbage-collection time by what they hold."""
    from geoevents.temporal import anchors

    tag("Troops in the capital said on Monday, May 3, that the 12-day drill ends next week.", DCT)
    for key in ("Monday,", "May ", "week."):
        anchors.plan_after(key, key.rstrip(" ,.").lower())
    tables = [list(anchors._RULES_AFTER.values())]
    tables += [list(plan.by_tail.values()) for plan in anchors._PLANS.values()]
    for values in tables:
        by_content: dict[tuple, int] = {}
        for value in values:
            assert by_content.setdefault(value, id(value)) == id(value)


def test_standard_library_cores_hold_no_nested_set():
    """A core written for the standard ``re`` must mean what the ``regex`` core means: a letter
    class turned into a set nested in another is read as other characters (with a FutureWarning)
    and quietly matches other text. (A class ``re`` lacks, such as currency symbols, makes ``re`` refuse
    the core, which is then matched with ``regex``.)"""
    import contextlib
    import re
    import warnings

    from geoevents.temporal.grammar import standard_source

    for rule in RULES:
        source = standard_source(rule.core_source)
        with warnings.catch_warnings():
            warnings.simplefilter("error", FutureWarning)
            with contextlib.suppress(re.error):  # refused: matched with ``regex`` (Rule.matcher)
                re.compile(source, re.IGNORECASE)


def test_cores_run_on_the_standard_re_unless_they_need_what_it_lacks():
    """A core the standard ``re`` refuses runs on ``regex``, several times slower per attempt;
    a part named twice in one pattern (which ``regex`` allows: "day" for "Oct. 26" and for "the
    fifth") must take a second name ("day_word") instead. Only a variable-width lookbehind or a
    class ``re`` lacks (currency symbols) may keep a core on ``regex``."""
    import re

    from geoevents.temporal.grammar import standard_source

    for rule in RULES:
        if isinstance(rule.matcher, re.Pattern):
            continue
        with pytest.raises(re.error, match="look-behind requires fixed-width|bad escape \\\\p"):
            re.compile(standard_source(rule.core_source), re.IGNORECASE)


def test_a_letter_in_a_set_with_other_members_is_an_alternation():
    import re

    from geoevents.temporal.grammar import standard_source

    translated = standard_source("ago(?![\\p{L}\\d'’-])")
    pattern = re.compile(translated)
    assert pattern.match("ago ")
    assert not pattern.match("agos") and not pattern.match("ago-") and not pattern.match("ago7")
