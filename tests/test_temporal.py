from datetime import date

import pytest

from geoevents.temporal import tag

DCT = date(2021, 7, 28)  # a Wednesday


def first(text, dct=DCT):
    found = tag(text, dct)
    assert found, f"no time expression in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "begin", "finish"),
    [
        ("Drills will run on August 5-10 near the border.", "August 5-10", "2021-08-05", "2021-08-10"),
        ("Drills ran from 5 to 10 August.", "5 to 10 August", "2021-08-05", "2021-08-10"),
        ("The exercise lasts from the 27 July 2012 to 17 August 2012.", "27 July 2012 to 17 August 2012",
         "2012-07-27", "2012-08-17"),
        ("Troops arrived on 5 August 2019.", "5 August 2019", "2019-08-05", "2019-08-05"),
        ("Troops arrived on August 5, 2019, officials said.", "August 5, 2019", "2019-08-05", "2019-08-05"),
        ("The base opened in 2004.", "2004", "2004", "2004"),
        ("The war games are planned for late May.", "late May", "2021-05", "2021-05"),
        ("Officials met on Tuesday.", "Tuesday", "2021-07-27", "2021-07-27"),
        ("Russia said on Wednesday it was sending troops.", "Wednesday", "2021-07-28", "2021-07-28"),
        ("The unit left yesterday.", "yesterday", "2021-07-27", "2021-07-27"),
        ("The ships sailed last week.", "last week", "2021-07-19", "2021-07-25"),
        ("They will deploy next month.", "next month", "2021-08", "2021-08"),
        ("Troops must leave within two weeks.", "within two weeks", "2021-07-28", "2021-08-11"),
        ("The army withdrew three days ago.", "three days ago", "2021-07-25", "2021-07-25"),
    ],
)
def test_dates_are_found_and_resolved(text, expression, begin, finish):
    timex = first(text)
    assert timex.text == expression
    assert text[timex.start:timex.end] == expression
    assert (timex.begin, timex.finish) == (begin, finish)


def test_weekday_in_a_future_clause_is_the_next_one():
    timex = first("The navy will hold drills on Friday.")
    assert timex.begin == "2021-07-30"


def test_month_without_year_in_future_clause_rolls_to_next_year():
    timex = first("The troops will return in March.", dct=date(2021, 11, 2))
    assert timex.begin == "2022-03"


@pytest.mark.parametrize(
    "text",
    [
        "Russia deployed S-400 systems.",
        "The UN adopted resolution 2231 in a vote.",
        "About 2,000 troops took part.",
        "The convoy travelled 1,000 km.",
        "Protesters may march on the capital.",
        "We call on both sides to stop.",
        "F-16 jets flew over the city.",
    ],
)
def test_things_that_are_not_dates(text):
    dates = [t for t in tag(text, DCT) if t.type == "DATE"]
    assert dates == []


def test_durations_are_not_dates():
    found = tag("Troops began a three-day exercise.", DCT)
    assert [(t.type, t.value) for t in found] == [("DURATION", "P3D")]


def test_without_a_document_date_relative_expressions_stay_unresolved():
    timex = first("Troops arrived on Tuesday.", dct=None)
    assert timex.begin is None
