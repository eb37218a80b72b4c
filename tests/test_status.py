"""Status cues: every example kept beside the cue lists (``data/lexicon/status.json``) must get
its status, and the date check must only move events the text puts after publication."""

from datetime import date

import pytest

from geoevents import extract
from geoevents.cues import status_lexicon
from geoevents.status import adjust_for_date

EXAMPLES = status_lexicon().examples
PUBLISHED = "2024-03-10"


def status_of_the_one_event(text):
    (event,) = extract(text, published=PUBLISHED)
    return event.status


def test_examples_cover_every_status():
    assert {status for _, status in EXAMPLES} == {"occurred", "planned", "negated", "uncertain"}


@pytest.mark.parametrize(("text", "status"), EXAMPLES)
def test_status_examples(text, status, dct):
    events = extract(text, published=dct)
    assert events, "no event found"
    assert [e.status for e in events] == [status] * len(events), [(e.trigger.text, e.status) for e in events]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Turkey sends troops to the border next week.", "planned"),
        ("Turkey sent troops to the border last week.", "occurred"),
    ],
)
def test_a_date_after_publication_makes_a_present_tense_event_planned(text, status, dct):
    (event,) = extract(text, published=dct)
    assert event.status == status


def test_adjust_for_date_keeps_past_tense_and_past_dates():
    published = date(2021, 7, 28)

    def adjusted(text, start, status="occurred"):
        trigger = text.index("drill")
        return adjust_for_date(status, text, (0, len(text)), (trigger, trigger + len("drills")), start, published)

    assert adjusted("The navy's drills near the coast.", "2021-08-02") == "planned"
    assert adjusted("The navy's drills near the coast.", "2021-07-20") == "occurred"
    assert adjusted("The navy's drills near the coast.", "2021-07") == "occurred"
    assert adjusted("The navy's drills near the coast.", "2021-08") == "planned"
    assert adjusted("The navy's drills near the coast ended.", "2021-08-02") == "occurred"
    assert adjusted("The navy's drills near the coast.", "2021-08-02", "negated") == "negated"
    assert adjusted("The navy's drills near the coast.", None) == "occurred"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Pentagon has trimmed a naval exercise with Manila, planned for April.", "planned"),
        ("Ankara has announced a joint drill with Baku scheduled for April.", "planned"),
        ("Greek marines held a landing exercise on Crete on Saturday.", "occurred"),
    ],
)
def test_a_scheduling_participle_dates_a_planned_event(text, status):
    assert status_of_the_one_event(text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The manoeuvres, which involve 30 Norwegian warships, are due to end on Tuesday.", "occurred"),
        ("The withdrawal of Turkish troops from the enclave has not yet begun.", "negated"),
        ("Officials said the pullout of Chadian soldiers had not started.", "negated"),
        ("The Norwegian naval exercise, which began on Monday, will last ten days.", "occurred"),
    ],
)
def test_the_predicate_after_a_noun_trigger(text, status):
    assert status_of_the_one_event(text) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Beijing vowed to retaliate if Japan holds naval drills near the islands.", "uncertain"),
        ("The Latvian army said 800 reservists had been called up for a snap exercise.", "occurred"),
        ("Riga will call up 800 reservists for the drills in June.", "planned"),
        ("The instructors provided training to Somali troops at the base last year.", "occurred"),
    ],
)
def test_conditions_and_call_ups(text, status):
    events = extract(text, published=PUBLISHED)
    assert events and events[-1].status == status


def test_a_negation_reaches_past_the_modifiers_of_an_exercise():
    (event,) = extract("The Danish navy will not hold its annual exercise this year.", published=PUBLISHED)
    assert event.status == "negated"


def test_a_shelved_deployment_is_negated():
    (event,) = extract("A proposed deployment of Korean troops to Iraq has been shelved.",
                       published=PUBLISHED)
    assert event.status == "negated"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("When the Kenyan soldiers move in, the militias will leave.", "planned"),
        ("Once Irish peacekeepers arrive in the town, the rebels will disarm.", "planned"),
        ("When the Kenyan soldiers withdrew from the town, looting began.", "occurred"),
    ],
)
def test_a_fronted_subordinate_takes_the_main_clause_after_it(text, status):
    events = extract(text, published=PUBLISHED)
    assert events and events[0].status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Under the ceasefire, Azerbaijani troops must pull back from the ridge by Sunday.", "planned"),
        ("Critics say Azerbaijani troops must pull back from the ridge.", "uncertain"),
    ],
)
def test_an_obligation_under_an_agreement_is_planned(text, status):
    assert status_of_the_one_event(text) == status


def test_a_passive_plan_reaches_a_far_noun_trigger():
    text = ("The Dutch banner was scheduled to be taken down on Monday at the allied camp outside Gao, "
            "marking the final withdrawal of the Dutch contingent from Mali.")
    (event,) = extract(text, published=PUBLISHED)
    assert (event.status, event.date.start) == ("planned", "2024-03-11")
