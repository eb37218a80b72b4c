"""Within-document linking: mentions of one event share an event_id; gaps are filled from others."""

from datetime import date

from geoevents import extract
from geoevents.eventlinks import link_within_document
from geoevents.model import Actor, Event, Location, Span

DCT = date(2022, 3, 9)


def by_trigger(events):
    return {e.trigger.text: e for e in events}


def test_later_mention_of_the_same_drills_shares_the_id_and_borrows_the_date():
    text = ("Norway will hold naval drills near Tromso on March 14-18. "
            "Officials said the exercises would involve 3,000 Norwegian sailors.")
    events = by_trigger(extract(text, published=DCT, doc_id="n1"))
    drills, exercises = events["drills"], events["exercises"]
    assert drills.event_id == exercises.event_id == "n1@" + str(drills.trigger.start)
    filled = {f.field: f for f in exercises.resolved}
    assert filled["date"].value.start == "2022-03-14"
    assert filled["date"].source.text == "drills"
    assert exercises.date is None  # the mention's own field stays as stated
    record = exercises.to_dict()
    assert record["resolved"]["date"]["from"]["start"] == drills.trigger.start


def test_different_actors_are_different_events():
    text = "Germany sent 200 soldiers to Lithuania. Poland sent two battalions to its eastern border."
    events = extract(text, published=DCT, doc_id="n2")
    assert len({e.event_id for e in events}) == 2


def test_dates_far_apart_are_different_events():
    text = ("Iran held naval drills in the Gulf in April 2021. "
            "Iran began new naval drills in the Gulf on Monday.")
    events = extract(text, published=DCT, doc_id="n3")
    assert len(events) == 2 and events[0].event_id != events[1].event_id


def test_denied_and_reported_are_not_merged():
    text = ("Belarus sent troops to the Ukrainian border on Monday, its army said. "
            "Kyiv said Belarus did not send any troops to the border.")
    events = extract(text, published=DCT, doc_id="n4")
    assert [e.status for e in events] == ["occurred", "negated"]
    assert events[0].event_id != events[1].event_id


def test_ids_are_stable_and_every_event_has_one():
    text = "Japan deployed destroyers to the East China Sea."
    first = extract(text, published=DCT, doc_id="n5")
    second = extract(text, published=DCT, doc_id="n5")
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert all(e.event_id for e in first) and first[0].resolved == ()


def test_more_drills_are_another_event():
    text = ("Chile wrapped up naval drills off Valparaiso last week. "
            "The navy said it will hold more drills off Valparaiso in the spring.")
    events = extract(text, published=DCT, doc_id="n5")
    assert [e.trigger.text for e in events] == ["drills", "drills"]
    assert events[0].event_id != events[1].event_id


def ids(text, doc_id="q"):
    return [(e.trigger.text, e.event_id) for e in extract(text, published=DCT, doc_id=doc_id)]


# A plan counted from the time of writing is not the event the text dates as over.

def test_a_plan_from_now_is_not_the_arrival_dated_before_writing():
    events = ids("An advance party of Danish troops arrived in Tallinn on Monday. "
                 "The Danish battalion will move in later, an Estonian officer said.")
    assert [t for t, _ in events] == ["arrived", "move in"]
    assert events[0][1] != events[1][1]


def test_an_article_before_the_subject_of_a_plan_is_no_definite_description():
    events = ids("An advance party of Danish troops arrived in Tallinn on Monday. "
                 "The battalion will move in later, an Estonian officer said.")
    assert [t for t, _ in events] == ["arrived", "move in"]
    assert events[0][1] != events[1][1]


def test_a_plan_told_from_the_past_may_be_the_arrival():
    # "would send": a future counted from last week, which Monday's arrival fulfils
    events = ids("Denmark said last week that it would send 200 soldiers to Estonia. "
                 "The Danish soldiers arrived in Tallinn on Monday.")
    assert [t for t, _ in events] == ["send", "arrived"]
    assert events[0][1] == events[1][1]


def test_a_plan_agreed_in_the_past_may_be_the_arrival():
    events = ids("An advance party of Danish troops arrived in Tallinn on Monday. "
                 "Denmark agreed to move in its battalion, an Estonian officer said.")
    assert len(events) == 2 and events[0][1] == events[1][1]


def test_the_rest_of_a_force_leaving_later_is_the_same_withdrawal_in_phases():
    events = ids("Forty Filipino soldiers left Iraq on Monday. "
                 "The remaining 32 soldiers will withdraw later, a spokesman said.")
    assert [t for t, _ in events] == ["left", "withdraw"]
    assert events[0][1] == events[1][1]


def test_a_definite_plan_restates_the_drills_under_way():
    # "the drills will involve": the drills that began, not a new plan
    events = ids("Norway's navy began drills off Bodo on Monday. The drills will involve 20 ships, a spokesman said.")
    assert len(events) == 2 and events[0][1] == events[1][1]


# A movement to a place is not a movement from it.

def test_falling_back_to_a_town_is_not_abandoning_it():
    events = ids("Militants fell back to Gao on Sunday. The militants abandoned Gao on Tuesday.")
    assert [t for t, _ in events] == ["fell back", "abandoned"]
    assert events[0][1] != events[1][1]


def test_withdrawing_from_a_town_and_abandoning_it_are_one_withdrawal():
    events = ids("Militants withdrew from Gao on Sunday. The militants abandoned Gao on Tuesday.")
    assert len(events) == 2 and events[0][1] == events[1][1]


# A mention that names a city of its own is not tied to an event in another city by nearness.

def test_falling_back_to_another_city_is_another_withdrawal():
    events = ids("Rebels pulled out of Goma on Saturday. "
                 "Their commanders have fallen back to Bukavu, a spokesman said.")
    assert [t for t, _ in events] == ["pulled out", "fallen back"]
    assert events[0][1] != events[1][1]


def test_falling_back_to_the_surrounding_province_continues_the_withdrawal():
    # a province may hold the city: nothing sets the mention apart
    events = ids("Rebels pulled out of Goma on Saturday. "
                 "Their commanders have fallen back to North Kivu, a spokesman said.")
    assert len(events) == 2 and events[0][1] == events[1][1]


# A possessive definite description refers back, even far from the event.

_FAR = ("Crowds in the city square cheered as the column passed the town hall and the old market. "
        "The old port was quiet all afternoon, and ferries to Helsinki left half empty. "
        "Shops opened late that day across the country, and schools closed early for the children. "
        "Buses were rerouted around the centre until the evening. ")


def test_the_battalions_arrival_refers_back():
    events = ids("Danish troops arrived in Tallinn on Monday. " + _FAR
                 + "Local people welcomed the battalion's arrival with flags.")
    assert [t for t, _ in events] == ["arrived", "arrival"]
    assert events[0][1] == events[1][1]


def test_a_battalions_arrival_far_away_is_not_tied():
    events = ids("Danish troops arrived in Tallinn on Monday. " + _FAR
                 + "Local people welcomed a battalion's arrival with flags.")
    assert [t for t, _ in events] == ["arrived", "arrival"]
    assert events[0][1] != events[1][1]


# A place the gazetteer does not know has a country guessed from its context: too weak to split.

def _mention(start, code, place, country, lat):
    location = Location(name=place, country=country, lat=lat, lon=lat, text=place, start=start + 20,
                        end=start + 20 + len(place), feature="place" if lat is None else "city", relation="at")
    return Event(doc_id="u", type="deployment", trigger=Span("deployed", start, start + 8),
                 sentence=Span("", start, start + 60), actors=(Actor(code, code, "state", code, start, start + 3),),
                 locations=(location,), date=None, status="occurred", rule="r", published="2022-03-09")


def test_a_guessed_country_does_not_keep_mentions_apart():
    linked = link_within_document([_mention(0, "FRA", "Kourou", "GUF", 5.16),
                                   _mention(100, "FRA", "the old fort", "BRA", None)])
    assert linked[0].event_id == linked[1].event_id


def test_known_places_in_different_countries_keep_mentions_apart():
    linked = link_within_document([_mention(0, "FRA", "Kourou", "GUF", 5.16),
                                   _mention(100, "FRA", "Macapa", "BRA", 0.03)])
    assert linked[0].event_id != linked[1].event_id


def test_an_open_ended_date_after_a_dated_mention_does_not_overflow():
    # "since March 2021" has no end (date.max): comparing it with a dated event must not overflow
    text = ("Germany sent 200 soldiers to Lithuania on Monday. "
            "German troops have been deployed in Lithuania since March 2021.")
    events = extract(text, published=DCT, doc_id="n9")
    assert [e.trigger.text for e in events] == ["sent", "deployed"]
    assert events[1].date.start == "2021-03" and events[1].date.end is None


def test_a_mention_told_as_done_borrows_no_date_ahead_of_publication():
    # the same withdrawal: one part is over, the rest has a deadline to come
    text = ("Turkish units have pulled out of the town of Kilis. "
            "Turkish units are to withdraw fully from the province by a March 20 deadline.")
    events = by_trigger(extract(text, published=DCT, doc_id="n9"))
    done, planned = events["pulled out"], events["withdraw"]
    assert planned.date.start == "2022-03-20"
    assert done.event_id == planned.event_id
    assert "date" not in {f.field for f in done.resolved}
    # a date before publication still fills the gap
    text = ("Turkish units have pulled out of the town of Kilis. "
            "Turkish units withdrew fully from the province on March 2.")
    events = by_trigger(extract(text, published=DCT, doc_id="n10"))
    assert {f.field: f for f in events["pulled out"].resolved}["date"].value.start == "2022-03-02"
    # a past form in a frame still to come ("will be the first time that ... have been") may take it
    text = ("Turkish units are to withdraw fully from the province by a March 20 deadline. "
            "Officials say it will mark the first occasion on which Turkish units have withdrawn from there.")
    events = by_trigger(extract(text, published=DCT, doc_id="n11"))
    assert {f.field: f for f in events["withdrawn"].resolved}["date"].value.start == "2022-03-20"
