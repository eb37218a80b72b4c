"""Places by role: each rule's examples (data/lexicon/role_examples.jsonl) and direct checks."""

import pytest
from role_examples import DCT, check, examples

from geoevents import extract

PLACE_EXAMPLES = examples("places.")


@pytest.mark.parametrize("example", PLACE_EXAMPLES, ids=[e["rule"] for e in PLACE_EXAMPLES])
def test_place_rule_examples(example):
    check(example)


def test_the_event_place_is_not_the_first_place_in_the_sentence():
    event = extract("After talks in Ankara, Turkey sent tanks to Idlib.", published=DCT)[0]
    assert event.locations[0].country == "SYR"


def test_cities_have_coordinates_and_the_relation_is_kept():
    event = extract("Polish troops withdrew from Kabul.", published=DCT)[0]
    place = event.locations[0]
    assert place.name == "Kabul" and place.country == "AFG" and place.relation == "from"
    assert abs(place.lat - 34.5) < 0.5 and abs(place.lon - 69.2) < 0.5


def test_open_sea_has_no_country():
    event = extract("Russia held naval drills in the Barents Sea.", published=DCT)[0]
    assert event.locations[0].name == "Barents Sea" and event.locations[0].country is None


def test_list_of_places_is_one_answer_most_specific_first():
    event = extract("Troops were sent to Mosul, in Iraq, on Friday.", published=DCT)[0]
    assert [loc.name for loc in event.locations] == ["Mosul", "Iraq"]


@pytest.mark.parametrize(("text", "country"), [
    ("US troops were deployed to the Polish border.", "POL"),
    ("Belarusian troops were deployed along the Polish-Belarusian border.", "BLR"),
    ("Russia massed troops near the Ukrainian border.", "RUS"),
    ("Lithuania will send troops to the Latvia–Belarus border.", "LVA"),
    ("Turkey moved tanks to the Syria-Iraq border.", "SYR"),
    ("Russia held military drills near Tajikistan's Afghan border.", "TJK"),
    ("Syrian troops were deployed near the country's border with Turkey.", "SYR"),
    ("Palestinian forces began deploying along the strip's border with Egypt.", "PSE"),
])
def test_border_side(text, country):
    event = extract(text, published=DCT)[0]
    assert event.locations[0].feature == "border" and event.locations[0].country == country


def test_the_region_does_not_stand_for_where_the_speaker_is():
    text = "Army sources in Lisbon meanwhile said the government plans to send 300 paratroopers to the region."
    event = extract(text, published=DCT)[0]
    assert not event.locations


def test_land_a_state_holds_is_not_that_state():
    event = extract("Kyiv offered to withdraw its troops from Russian-held territory if the shelling stopped.",
                    published=DCT)[0]
    assert "RUS" not in [loc.country for loc in event.locations]
    held = extract("Ukrainian troops pulled out of Russian-held Kherson.", published=DCT)[0]
    assert held.locations[0].name == "Kherson"


def test_a_town_name_ending_a_longer_name_is_not_that_town():
    person = extract("The President of Chile Ricardo Lagos sends another 800 troops to the area.", published=DCT)[0]
    assert not person.locations
    town = extract("The army deployed 2,000 soldiers to the northern town of Nueva Concepción.", published=DCT)[0]
    assert town.locations[0].name == "Nueva Concepción"


@pytest.mark.parametrize(("text", "names"), [
    # a contrasted clause with a party of its own has a setting of its own
    ("Pilots trained in Tula, while Serbia may be left out of joint air drills with NATO.", []),
    # a participle or an unnamed subject after "while" shares the setting of the clause before
    ("A helicopter crashed in Bodo, Norway, while taking part in a NATO exercise.", ["Bodo", "Norway"]),
    ("Marines landed in Albania, while the rest of the contingent is due to arrive next week.", ["Albania"]),
])
def test_a_contrasted_clause_takes_no_place_from_the_clause_before(text, names):
    event = extract(text, published=DCT)[-1]
    assert [loc.name for loc in event.locations] == names


def test_a_state_withdrawn_from_a_place_is_not_the_place():
    event = extract("London decided to withdraw Britain from Iraq.", published=DCT)[0]
    assert [loc.name for loc in event.locations] == ["Iraq"]


@pytest.mark.parametrize("text", [
    "After the vote, more troops were deployed in the streets of Nairobi.",
    "Tanks were deployed in the suburb of Mosul overnight.",
])
def test_a_place_nested_after_streets_or_suburb(text):
    event = extract(text, published=DCT)[-1]
    assert event.locations and event.locations[0].name in ("Nairobi", "Mosul")


@pytest.mark.parametrize(("text", "names"), [
    ("In a step sure to alarm Vietnam, China deployed bombers.", []),
    ("During a trip to Kabul, the general said more troops would be sent to Kandahar.", ["Kandahar"]),
    ("In the eastern province of Kunar, American troops withdrew.", ["Kunar"]),
    ("In Mosul, Iraqi troops withdrew.", ["Mosul"]),
])
def test_a_framing_phrase_before_the_subject_names_no_place(text, names):
    event = extract(text, published=DCT)[0]
    assert [loc.name for loc in event.locations][:1] == names


def test_a_longer_place_name_starts_with_the_known_name_inside_it():
    event = extract("A PLA battalion based in Hong Kong Special Administrative Region completed a troop rotation.",
                    published=DCT)[0]
    assert event.locations[0].name.startswith("Hong Kong") and event.locations[0].country == "HKG"


def test_a_month_after_in_is_no_place():
    text = "Soldiers will guard the arrival of ministers at the forum in November, Chilean officials said."
    events = extract(text, published=DCT)
    assert all(loc.name != "November" for e in events for loc in e.locations)


@pytest.mark.parametrize(("text", "names"), [
    ("Belgian troops will be sent to the east and the Danes will remain in Shkoder.", []),
    ("Japan and Australia are holding drills near Darwin.", ["Darwin"]),
])
def test_a_clause_with_a_subject_of_its_own_after_and_has_its_own_places(text, names):
    event = extract(text, published=DCT)[0]
    assert [loc.name for loc in event.locations][:1] == names


@pytest.mark.parametrize(("text", "places"), [
    ("Thai and US marines took part in the Cobra Gold exercise on Tuesday.", []),
    ("Russian troops held drills near Kaliningrad on Monday.", ["Kaliningrad"]),
    ("Ukrainian units trained in Odesa for the Sea Breeze exercise.", ["Odesa"]),
])
def test_a_town_that_opens_an_exercise_name_is_no_place(text, places, dct):
    """"Cobra" is also a town: followed by another capitalised word and "exercise", it opens the
    exercise's name."""
    (event,) = [e for e in extract(text, published=dct) if e.type == "exercise"]
    assert [loc.name for loc in event.locations] == places


@pytest.mark.parametrize(("text", "evidence"), [
    ("Norway moved troops to the Russian border.", "Russian border"),
    ("Spain sent soldiers to its border with Morocco.", "border with Morocco"),
    ("More troops will be deployed to the Canada-United States border.", "Canada-United States border"),
])
def test_a_border_is_evidenced_by_its_whole_phrase(text, evidence):
    place = extract(text, published=DCT)[0].locations[0]
    assert place.feature == "border" and place.text == evidence and text[place.start:place.end] == evidence
    assert [loc.feature for loc in extract(text, published=DCT)[0].locations] == ["border"]


def test_the_month_may_is_no_place():
    (event,) = extract("Lithuania will hold the naval exercise in May.", published="2024-03-10")
    assert event.locations == ()


def test_a_title_case_headline_keeps_its_place():
    (event,) = extract("Canada Sends Frigate To Latvia Amid Baltic Tensions", published="2024-03-10")
    assert [loc.name for loc in event.locations] == ["Latvia"]


def test_a_title_case_preposition_does_not_join_a_town_name():
    (event,) = extract("Taiwan Holds Live-Fire Drills Off Penghu", published="2024-03-10")
    assert [loc.name for loc in event.locations] == ["Penghu"]


def test_a_gapped_clause_subject_is_no_listed_place():
    text = "Talks can resume once Armenia withdraws its forces from Kelbajar and Azerbaijan from Lachin."
    event = next(e for e in extract(text, published=DCT) if e.type == "withdrawal")
    assert [place.name for place in event.locations] == ["Kalbajar"]


def test_a_listed_name_before_another_preposition_stays_listed():
    text = "The air force deployed bombers to Guam and Okinawa from Alaska."
    event = next(e for e in extract(text, published=DCT) if e.type == "deployment")
    assert {"Guam", "Okinawa"} <= {place.name for place in event.locations}


@pytest.mark.parametrize(("text", "names"), [
    ("Britain sent fighter jets to Oman and Bahrain to guard the shipping lanes.", ["Oman", "Bahrain"]),
    ("The army withdrew from Syria, Turkey to send more troops.", ["Syria"]),
])
def test_a_to_infinitive_after_a_listed_name_opens_a_clause_only_past_a_comma(text, names):
    event = next(e for e in extract(text, published=DCT) if e.type in ("deployment", "withdrawal"))
    assert [place.name for place in event.locations] == names


def test_for_names_a_destination_only_after_a_verb_of_travel():
    (headed,) = [e for e in extract("Greek troops head for Albania.", published=DCT) if e.type == "deployment"]
    assert [(place.name, place.relation) for place in headed.locations] == [("Albania", "to")]
    text = "The minister approved the deployment, calling it a good deal for Albania."
    assert all(not e.locations for e in extract(text, published=DCT) if e.type == "deployment")


def test_a_listed_name_that_ends_its_sentence_stays_listed():
    text = ("The brigade will be deployed in Kumanovo and Tetovo. "
            "Macedonian Defence Minister Petrov said the soldiers were ready.")
    event = next(e for e in extract(text, published=DCT) if e.type == "deployment")
    assert [place.name for place in event.locations] == ["Kumanovo", "Tetovo"]


def test_a_name_the_gazetteer_lacks_listed_before_a_near_phrase_stays_listed():
    text = "Rebels pulled out of the villages of Orlivka and Zarichne near Kupiansk overnight."
    event = next(e for e in extract(text, published=DCT) if e.type == "withdrawal")
    assert [place.name for place in event.locations][:2] == ["Orlivka", "Zarichne"]
