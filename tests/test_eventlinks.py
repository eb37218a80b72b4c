"""Within-document linking: mentions of one event share an event_id; gaps are filled from others."""

from datetime import date

from geoevents import extract

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


def test_an_open_ended_date_after_a_dated_mention_does_not_overflow():
    # "since March 2021" has no end (date.max): comparing it with a dated event must not overflow
    text = ("Germany sent 200 soldiers to Lithuania on Monday. "
            "German troops have been deployed in Lithuania since March 2021.")
    events = extract(text, published=DCT, doc_id="n9")
    assert [e.trigger.text for e in events] == ["sent", "deployed"]
    assert events[1].date.start == "2021-03" and events[1].date.end is None
