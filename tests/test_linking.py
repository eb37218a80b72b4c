"""Linking: same-type triggers of one sentence are one event unless the text shows two."""

import pytest

from geoevents import extract


def types_and_triggers(text, dct):
    return [(e.type, e.trigger.text, e.status) for e in extract(text, published=dct)]


def test_an_elaboration_is_one_event(dct):
    events = extract("Italy will begin its withdrawal from the region by pulling 300 soldiers out in May.",
                     published=dct)
    assert [e.type for e in events] == ["withdrawal"]


def test_different_statuses_are_two_events(dct):
    found = types_and_triggers(
        "Seoul will hold more military drills with Washington after the naval drill that ended on Monday.", dct)
    assert [(t, s) for t, _, s in found] == [("exercise", "planned"), ("exercise", "occurred")]


def test_a_clause_break_separates_events(dct):
    text = "Chinese warships held drills in the strait, while Taiwan staged exercises on the coast."
    found = types_and_triggers(text, dct)
    assert [t for t, _, _ in found] == ["exercise", "exercise"]


def test_different_dates_are_two_events(dct):
    events = extract("Iran held a military manoeuvre in March and a naval drill in May.", published=dct)
    assert sorted(e.date.start for e in events) == ["2021-03", "2021-05"]


def test_a_split_mention_shares_the_actors_of_its_sentence(dct):
    events = extract("Japan will hold more naval drills after the drill that ended in the Sea of Japan on Monday.",
                     published=dct)
    assert len(events) == 2
    assert all([a.code for a in e.actors] == ["JPN"] for e in events)


def test_no_sharing_when_a_pronoun_names_another_party(dct):
    events = extract("Ethiopia refused to pull out its forces and attacked the rebels, forcing them to retreat.",
                     published=dct)
    retreat = next(e for e in events if e.trigger.text == "retreat")
    assert "ETH" not in [a.code for a in retreat.actors]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Hundreds of Kenyan soldiers arrive in the port of Kismayo to reinforce the garrison.", ["KEN"]),
        ("The Dutch marines were flown in to reinforce the embassy guard.", ["NLD"]),
        ("Poland sends 400 troops to Lithuania to bolster the alliance's eastern flank.", ["POL"]),
        ("Two Turkish frigates arrived at the Cretan port to begin its deployment with the task force.", ["TUR"]),
        ("Peruvian soldiers were deployed in order to reinforce the border posts.", ["PER"]),
    ],
)
def test_an_infinitive_of_purpose_restates_the_event(text, actors, dct):
    events = extract(text, published=dct)
    assert [(e.type, e.status, [a.code for a in e.actors]) for e in events] == [("deployment", "occurred", actors)]


@pytest.mark.parametrize(
    "text",
    [
        "Chile deployed troops to the north and agreed to reinforce them in the spring.",
        "Angola sent troops to the border, forcing them to retreat into the hills.",
        "Bolivia deployed troops in the valley and is to reinforce them next month.",
    ],
)
def test_an_infinitive_under_a_cue_or_with_another_subject_is_another_event(text, dct):
    assert len(extract(text, published=dct)) == 2


def test_a_definite_noun_in_a_later_clause_restates_the_event(dct):
    text = "Some 400 Dutch marines were sent to Aruba in 2019, as it was the largest overseas deployment of its navy."
    assert [t for t, _, _ in types_and_triggers(text, dct)] == ["deployment"]


def test_a_larger_or_other_event_named_later_stays_apart(dct):
    found = types_and_triggers("Marines were deployed to the north, while the previous deployment ended.", dct)
    assert [t for t, _, _ in found] == ["deployment", "deployment"]
    found = types_and_triggers("French troops handed over their base at Gao to Malian soldiers on Monday, as part of"
                               " the withdrawal of all French forces.", dct)
    assert [t for t, _, _ in found] == ["withdrawal", "withdrawal"]


def test_their_withdrawal_withdraws_the_forces_of_an_earlier_mention(dct):
    text = ("Moldova accuses Russia of massing tanks, artillery and air defence units along the river, "
            "and demands their prompt withdrawal.")
    withdrawal = next(e for e in extract(text, published=dct) if e.type == "withdrawal")
    assert [a.code for a in withdrawal.actors] == ["RUS"]
    # no possessive: the withdrawal names no one's forces
    text = ("Moldova accuses Russia of massing tanks, artillery and air defence units along the river, "
            "and demands a prompt withdrawal.")
    withdrawal = next(e for e in extract(text, published=dct) if e.type == "withdrawal")
    assert withdrawal.actors == ()
