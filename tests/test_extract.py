"""End-to-end behaviour of ``geoevents.extract`` on sentences written for these tests."""

from datetime import date

import pytest

from geoevents import Event, extract

DCT = date(2021, 7, 28)


def only(text, event_type=None, published=DCT):
    events = [e for e in extract(text, published=published) if event_type is None or e.type == event_type]
    assert len(events) == 1, [(e.type, e.trigger.text) for e in events]
    return events[0]


def codes(event):
    return sorted(a.code for a in event.actors)


def test_record_has_the_contract_keys():
    event = only("Russia is set to hold military drills on August 5-10 near the Afghan border.")
    record = event.to_dict()
    for key in ("doc_id", "type", "trigger", "sentence", "actors", "locations", "date", "status", "rule", "published"):
        assert key in record
    assert record["published"] == "2021-07-28"
    assert record["date"]["start"] == "2021-08-05" and record["date"]["end"] == "2021-08-10"
    assert record["date"]["precision"] == "day"


def test_event_is_immutable():
    event = only("Germany deployed 300 soldiers to Lithuania.")
    assert isinstance(event, Event)
    with pytest.raises(AttributeError):
        event.status = "planned"


def test_offsets_give_back_the_evidence():
    text = "Headline: Army pulls out\n\nOn Monday, Kenyan troops withdrew from the border town of Mandera."
    for event in extract(text, published=DCT):
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert text[event.sentence.start:event.sentence.end] == event.sentence.text
        for span in (*event.actors, *event.locations):
            assert text[span.start:span.end] == span.text


def test_deployment_actor_and_destination():
    event = only("Burundi sent 200 troops to Somalia on Tuesday.", "deployment")
    assert codes(event) == ["BDI"]
    assert [loc.country for loc in event.locations] == ["SOM"]
    assert event.date.start == "2021-07-27"
    assert event.status == "occurred"


def test_withdrawal_place_withdrawn_from():
    event = only("Italian forces withdrew from Herat.", "withdrawal")
    assert codes(event) == ["ITA"]
    assert event.locations[0].text == "Herat" and event.locations[0].country == "AFG"


def test_joint_exercise_participants():
    event = only("Japan will hold joint naval drills with India in the Arabian Sea next month.", "exercise")
    assert codes(event) == ["IND", "JPN"]
    assert event.status == "planned"
    assert event.date.start == "2021-08"
    assert event.locations[0].name == "Arabian Sea"


def test_capital_stands_for_the_government():
    event = only("Moscow said it would send more troops to Belarus.", "deployment")
    assert codes(event) == ["RUS"]
    assert event.locations[0].country == "BLR"


def test_demonym_before_a_place_noun_is_a_place_not_an_actor():
    event = only("Turkish soldiers withdrew from Iraqi territory.", "withdrawal")
    assert codes(event) == ["TUR"]
    assert event.locations[0].country == "IRQ"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Seoul said it would halt military drills with Washington.", "negated"),
        ("Greece was urged to withdraw its troops from the island.", "uncertain"),
        ("The parliament approved sending 500 troops to Mali.", "planned"),
        ("Chinese warships held drills off Taiwan.", "occurred"),
        ("The navy did not hold drills this year.", "negated"),
        ("Officials did not say how many troops were deployed to the region.", "occurred"),
    ],
)
def test_status(text, status):
    assert extract(text, published=DCT)[0].status == status


@pytest.mark.parametrize(
    "text",
    [
        "The bank deployed a new app for customers.",
        "The senator withdrew from the race on Monday.",
        "Engineers began drilling for gas off the coast.",
        "Residents took part in an earthquake drill.",
        "Riot police were deployed to the stadium for the cup final.",
    ],
)
def test_non_military_senses_give_no_event(text):
    assert extract(text, published=DCT) == []


def test_two_events_in_one_sentence():
    events = extract("Ethiopia pulled its troops out of Tigray and deployed them to the Sudanese border.",
                     published=DCT)
    assert sorted(e.type for e in events) == ["deployment", "withdrawal"]


def test_publication_date_from_updated_line():
    text = "Iran began naval drills in the Gulf on Monday.\n\nUpdated: March 3, 2021, 10:00 AM"
    event = only(text, published=None)
    assert event.published == "2021-03-03"
    assert event.date.start == "2021-03-01"


def test_no_publication_date_leaves_relative_dates_unresolved():
    event = only("Iran began naval drills in the Gulf on Monday.", published=None)
    assert event.published is None
    assert event.date is None or event.date.start is None


def test_held_ground_as_the_last_word_of_the_sentence_does_not_fail():
    # one word left in the reach of the held-ground check: its pair is that word alone
    events = extract("The resolution demands the withdrawal of Serbia from Kosovan territory.", published="2024-03-06")
    assert all(e.type == "withdrawal" for e in events)
