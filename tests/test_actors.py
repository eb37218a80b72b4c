"""Actors by role: each rule's examples (data/lexicon/role_examples.jsonl) and direct checks."""

import pytest
from role_examples import DCT, check, examples

from geoevents import extract

ACTOR_EXAMPLES = examples("actors.")


@pytest.mark.parametrize("example", ACTOR_EXAMPLES, ids=[e["rule"] for e in ACTOR_EXAMPLES])
def test_actor_rule_examples(example):
    check(example)


def test_every_actor_has_a_kind_and_a_role():
    text = "Hezbollah fighters and NATO troops held drills with Lebanese units near Tyre."
    for event in extract(text, published=DCT):
        for actor in event.actors:
            assert actor.kind in ("state", "igo", "armed_group")
            assert actor.role in ("agent", "participant", "host")


def test_leader_counts_only_within_years_of_office():
    later = extract("Hu Jintao sent more troops to Tibet.", published="2010-05-01")
    assert [a.code for a in later[0].actors] == ["CHN"]
    earlier = extract("Hu Jintao sent more troops to Tibet.", published="1990-05-01")
    assert not earlier[0].actors


def test_speaker_is_not_an_actor_when_another_party_acts():
    event = extract("Japan's defence minister said the deployment of US Marines to Okinawa would go on.",
                    published=DCT)[0]
    assert [a.code for a in event.actors] == ["USA"]


def test_a_force_name_many_states_use_yields_to_the_state_named():
    (event,) = extract("Mexico will deploy 8,000 National Guard troops to its southern border.", published="2024-03-10")
    assert [a.code for a in event.actors] == ["MEX"]
    (event,) = extract("The National Guard was deployed to Chicago on Monday.", published="2024-03-10")
    assert [a.code for a in event.actors] == ["USA"]


def test_a_serial_list_of_places_closed_by_a_comma_is_no_subject():
    text = ("The Pentagon withdraws six air defence batteries from Qatar, Oman, and Bahrain, withdraws a radar "
            "from Kuwait, and says most of its jets will be withdrawn too.")
    events = extract(text, published=DCT)
    assert len(events) >= 2
    for event in events:
        assert [a.code for a in event.actors] == ["USA"], event
    (fronted,) = extract("In Zagreb, Croatia and Serbia withdrew troops from the border.", published=DCT)
    assert sorted(a.code for a in fronted.actors) == ["HRV", "SRB"]
