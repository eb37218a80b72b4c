"""The temporal tagger as a whole: conventions that span rules (tense, reference time, ranges,
things that are never dates). Each rule's own examples run in test_time_rules.py."""

from datetime import date

import pytest

from geoevents.temporal import tag

DCT = date(2021, 7, 28)  # a Wednesday, as in conftest.py


def found(text, dct=DCT):
    return [(t.text, t.value) for t in tag(text, dct)]


def first(text, dct=DCT):
    timexes = tag(text, dct)
    assert timexes, f"no time expression in {text!r}"
    return timexes[0]


@pytest.mark.parametrize(
    ("text", "expression", "begin", "finish"),
    [
        ("Drills will run on August 5-10 near the border.", "August 5-10", "2021-08-05", "2021-08-10"),
        ("Drills ran from 5 to 10 August.", "5 to 10 August", "2021-08-05", "2021-08-10"),
        ("The base opened in 2004.", "2004", "2004", "2004"),
        ("The war games are planned for late May.", "late May", "2021-05", "2021-05"),
        ("The ships sailed last week.", "last week", "2021-07-19", "2021-07-25"),
        ("They will deploy next month.", "next month", "2021-08", "2021-08"),
        ("Sales rose in the third quarter.", "the third quarter", "2021-07", "2021-09"),
        ("Troops arrived this summer.", "this summer", "2021-SU", "2021-SU"),
        ("The fort dates from the 1990s.", "the 1990s", "1990", "1999"),
    ],
)
def test_expressions_cover_the_right_span(text, expression, begin, finish):
    timex = first(text)
    assert text[timex.start:timex.end] == timex.text == expression
    assert (timex.begin, timex.finish) == (begin, finish)


def test_a_weekday_is_the_latest_one_unless_the_clause_is_future():
    assert found("The navy held drills on Friday.") == [("Friday", "2021-07-23")]
    assert found("The navy will hold drills on Friday.") == [("Friday", "2021-07-30")]
    assert found("The ministry said on Wednesday that drills began.")[0] == ("Wednesday", "2021-07-28")


def test_a_weekday_in_a_clause_without_past_or_future_is_the_nearer_one():
    # DCT Wednesday 28 July: Friday 30 is nearer than Friday 23, Monday 26 nearer than Monday 2
    assert found("The summit opens Friday in the capital.") == [("Friday", "2021-07-30")]
    assert found("Turnout in Friday's referendum is key.") == [("Friday", "2021-07-30")]
    assert found("Fans are in town for Thursday's final.") == [("Thursday", "2021-07-29")]
    assert found("The trial resumes on Monday.") == [("Monday", "2021-07-26")]
    # a past or future verb still decides
    assert found("The summit opened Friday in the capital.") == [("Friday", "2021-07-23")]
    assert found("The summit will open Monday.") == [("Monday", "2021-08-02")]


def test_the_weekend_in_a_clause_without_past_or_future_is_the_nearer_one():
    thursday, monday = date(2021, 7, 29), date(2021, 7, 26)
    # written on a Thursday, the coming weekend is nearer than the last
    assert found("Delegates are preparing for the talks over the weekend.", thursday) == \
        [("the weekend", "2021-W30-WE")]
    # written on a Monday, the last one is nearer
    assert found("The patient is recovering after surgery at the weekend.", monday) == \
        [("the weekend", "2021-W29-WE")]
    # a past or future verb still decides
    assert found("Rebels shelled the town over the weekend.", thursday) == [("the weekend", "2021-W29-WE")]
    assert found("Ministers will meet at the weekend.", monday) == [("the weekend", "2021-W30-WE")]


def test_the_same_unit_a_year_back_counts_from_the_date_last_named():
    assert found("Imports in March trailed the same month last year by a tenth.") == \
        [("March", "2021-03"), ("the same month last year", "2020-03")]
    # with no month named, the month of the document date
    assert found("Fares rose 3 percent from the same month a year earlier.") == \
        [("the same month a year earlier", "2020-07")]
    # "the same month" alone is the month last named
    assert found("Rains came in May, and the same month the dam broke.") == \
        [("May", "2021-05"), ("the same month", "2021-05")]


def test_an_expression_that_opens_its_sentence_takes_the_tense_of_the_main_clause_after_it():
    # the verb comes after a long phrase: the month four months ahead is last year's
    assert found("In November, a week after the storms in the valley towns, a landslide "
                 "buried the main road.")[0] == ("November", "2020-11")
    # the attribution after a quote is not the quote's clause
    assert found('"In November, either the army leaves or we strike," the commander told reporters.') == \
        [("November", "2021-11")]
    # inside its sentence, the expression keeps the usual window
    assert found("The road to the dam in November, after a week of storms in the valley towns and "
                 "villages, was closed.")[0] == ("November", "2021-11")


def test_until_looks_ahead_unless_it_ends_a_past_state():
    assert found("The hearing was adjourned until Friday.") == [("Friday", "2021-07-30")]
    assert found("The rebels had until Friday to answer.") == [("Friday", "2021-07-30")]
    assert found("The guards had to wait until Friday.") == [("Friday", "2021-07-30")]
    # a state that lasted up to a past day: "had" + participle
    assert found("Until Friday, the police had not named a suspect.") == [("Friday", "2021-07-23")]
    assert found("The ferry had stayed in port until Friday.") == [("Friday", "2021-07-23")]


def test_a_clause_coordinated_after_a_comma_keeps_its_own_tense():
    # DCT July: November is last year's in a past clause, this year's in a present one
    assert found("The aid stopped after the council was formed in November, and is still frozen.") == \
        [("November", "2020-11")]
    assert found("The envoy hoped the army would hand over the port in January, and he repeated "
                 "the offer.") == [("January", "2022-01")]


def test_a_comma_after_the_expression_ends_its_clause_when_its_verb_is_just_before():
    assert found("The envoy, with whom she will hold talks Friday, has been trying to ease the row.") == \
        [("Friday", "2021-07-30")]
    # a verb further back does not close the clause: the verb after the comma still counts
    assert found("The ministers referred to the board meeting of the agency due on Friday, during which "
                 "members will vote.") == [("Friday", "2021-07-30")]


def test_and_after_the_expression_ends_its_clause_when_its_verb_is_just_before():
    # DCT Wednesday 28 July: the Friday gone in a past clause, whatever the joined clause says
    assert found("Two frigates were sent to the narrow strait on Friday and more will follow.") == \
        [("Friday", "2021-07-23")]
    assert found("Two frigates will reach the strait on Friday and then head south.") == \
        [("Friday", "2021-07-30")]


def test_last_and_a_month_is_the_latest_one_before_the_month_just_gone():
    # DCT 28 July 2021: the month just gone would be "last month"
    assert found("The council was dissolved last June.") == [("last June", "2020-06")]
    assert found("The council was dissolved last May.") == [("last May", "2021-05")]
    assert found("The council was dissolved last July.") == [("last July", "2020-07")]
    # with a day: the latest such day
    assert found("Voting ended last July 14.") == [("last July 14", "2021-07-14")]
    assert found("Voting ended last July 30.") == [("last July 30", "2020-07-30")]


def test_a_futures_month_is_the_next_such_month_whatever_the_verb():
    december = date(2021, 12, 9)
    assert found("Copper for February delivery fell 2 percent.", december) == [("February", "2022-02")]
    assert found("Light crude for delivery in January rose 30 cents.", december) == [("January", "2022-01")]
    assert found("The March contract closed lower.", december) == [("March", "2022-03")]
    # the month of the document date is its own
    assert found("Gold for December delivery slipped.", december) == [("December", "2021-12")]
    # without such a noun the verb decides
    assert found("The March talks collapsed.", december) == [("March", "2021-03")]


def test_an_expression_right_after_a_reporting_verb_dates_the_report_not_what_follows():
    assert found("The coach told his young squad Friday they must stay calm.") == [("Friday", "2021-07-23")]
    assert found("The minister said Friday troops will leave.") == [("Friday", "2021-07-23")]
    # after the report's own verb, the expression is the report's
    assert found("The minister said troops will leave Friday.") == [("Friday", "2021-07-30")]


def test_an_expression_after_and_with_a_comma_opens_its_own_clause():
    assert found("The envoys hope to extend the truce to the north and on Friday, the rebels said they "
                 "would attend.") == [("Friday", "2021-07-23")]


def test_the_end_of_the_year_a_past_verb_reached_is_last_year_s_until_december():
    assert found("Cases rose in the autumn and peaked by the end of the year.") == \
        [("the autumn", "2020-FA"), ("the end of the year", "2020")]
    assert found("Cases peaked by the end of the year.", date(2021, 12, 20)) == [("the end of the year", "2021")]
    # a participle after an auxiliary, or a verb that does not reach the expression, is no such past
    assert found("The deal is expected by the end of the year.") == [("the end of the year", "2021")]
    assert found("The firm sold the unit by the end of the year.") == [("the end of the year", "2021")]


def test_a_future_participle_belongs_to_its_auxiliary():
    assert found("Troops will be deployed on Monday.") == [("Monday", "2021-08-02")]


def test_a_future_marker_after_the_expression_is_read_from_its_verb():
    # "is" opens "is to" / "is expected": no present verb, and the clause looks ahead
    assert found("The envoy is to tour the region Friday, when he is to see the king.") == [("Friday", "2021-07-30")]
    assert found("The parade on Sunday is expected to draw large crowds.") == [("Sunday", "2021-08-01")]
    assert found("Her Saturday address is to set out the plan.") == [("Saturday", "2021-07-31")]
    assert found("The parade on Sunday is over.") == [("Sunday", "2021-07-25")]
    # a form of "be" right before a future marker opens it too
    assert found("Envoys met on Monday and on Friday were set to sign the accord.")[1] == ("Friday", "2021-07-30")


def test_a_reporting_verb_right_after_the_expression_is_the_clause_s_verb():
    assert found("The agency Sunday said it would close the port.") == [("Sunday", "2021-07-25")]
    # after a comma it is the reporting clause of what came before
    assert found("The fleet will sail on Sunday, the admiral said.") == [("Sunday", "2021-08-01")]
    # a future after "that" belongs to the clause it opens
    assert found("The envoy, speaking in Geneva on Tuesday that talks would resume, looked tired.") == \
        [("Tuesday", "2021-07-27")]
    # unless the expression opens the sentence: then it is the main clause
    assert found("On Monday, the mayor announced plans to widen the bridge.") == [("Monday", "2021-07-26")]


def test_to_be_with_a_participle_looks_ahead_unless_it_reports_a_belief():
    assert found("The minister spoke in an interview to be aired Sunday.") == [("Sunday", "2021-08-01")]
    assert found("The treaty, to be signed on Friday, covers fishing rights.") == [("Friday", "2021-07-30")]
    assert found("Gunmen believed to be rebels attacked the post on Monday.") == [("Monday", "2021-07-26")]
    assert found("The alarm turned out to be false on Monday.") == [("Monday", "2021-07-26")]


def test_an_irregular_participle_after_be_takes_the_tense_of_its_auxiliary():
    assert found("The joint patrols will be held in January.", date(2021, 10, 20)) == [("January", "2022-01")]
    assert found("The bonus would be paid in February.", date(2021, 10, 20)) == [("February", "2022-02")]
    assert found("The joint patrols were held in January.", date(2021, 10, 20)) == [("January", "2021-01")]
    assert found("The joint patrols have been held in January.", date(2021, 10, 20)) == [("January", "2021-01")]


def test_a_half_is_counted_in_the_next_smaller_unit():
    assert found("The convoy waited 3 1/2 hours at the crossing.") == [("3 1/2 hours", "PT3H30M")]
    assert found("The siege lasted one and a half years.") == [("one and a half years", "P1Y6M")]
    assert found("An hour and a half later the guns fell silent.")[0] == ("An hour and a half", "PT1H30M")
    assert found("The recruit is 18 1/2 years old.") == []


def test_since_looks_back_whatever_the_verb():
    assert found("The index change is counted since year-end.", date(2021, 10, 20)) == [("year-end", "2020-12-31")]
    assert found("Patrols have doubled since December.", date(2021, 10, 20)) == [("December", "2020-12")]
    assert found("Patrols have doubled since October.", date(2021, 10, 20)) == [("October", "2021-10")]
    assert found("The border will stay shut since Friday.") == [("Friday", "2021-07-23")]


def test_a_span_of_years_written_with_a_dash_is_a_range_of_two_years():
    timex = first("The blockade of 1998-99 emptied the port.")
    assert (timex.text, timex.begin, timex.finish) == ("1998-99", "1998", "1999")
    assert [(t.text, t.value) for t in timex.timeml()] == [("1998", "1998"), ("99", "1999")]
    assert first("Fighting flared in 2014-2016.").timeml()[1].value == "2016"
    assert found("Units 2014-2015-B were recalled.") == []


def test_an_irregular_past_form_stays_past_after_an_auxiliary_word():
    assert found('"We should be ready," said the minister on Sunday.') == [("Sunday", "2021-07-25")]


def test_a_participle_after_a_determiner_is_no_verb():
    assert found("The fund will wind up on a still undecided day in February.", date(2021, 10, 20)) \
        == [("February", "2022-02")]


def test_a_part_of_the_day_is_a_time():
    timex = first("The convoy left on Friday morning.")
    assert (timex.text, timex.type, timex.value) == ("Friday morning", "TIME", "2021-07-23TMO")


def test_a_deadline_looks_ahead_whatever_the_verb():
    assert found("The army was given until Friday to leave.") == [("Friday", "2021-07-30")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The minister says the garrison leaves the islands by October 15.", "2021-10-15"),
        ("Engineers are dismantling the depot ahead of a deadline of November 30 set by both sides.",
         "2021-11-30"),
        ("The rebels are pulling back before the final deadline of October 1.", "2021-10-01"),
        ("Talks continue as the November 20 handover deadline approaches.", "2021-11-20"),
    ],
)
def test_a_deadline_naming_a_month_looks_ahead_unless_the_clause_is_past(text, value):
    # DCT in May: a month four or more ahead would otherwise be last year's
    assert [t.value for t in tag(text, date(2021, 5, 10))] == [value]


def test_a_past_clause_keeps_a_passed_deadline_in_the_past():
    assert found("The brigade missed the deadline of October 15.", date(2021, 5, 10)) == [("October 15", "2020-10-15")]
    assert found("The convoy had crossed the pass by December 2.", date(2021, 3, 10)) == [("December 2", "2020-12-02")]


def test_a_month_without_a_year_follows_the_clause():
    assert found("The troops will return in March.", date(2021, 11, 2)) == [("March", "2022-03")]
    assert found("The troops returned in October.", date(2021, 2, 2)) == [("October", "2020-10")]


def test_a_month_in_a_present_clause_is_the_nearer_one():
    october = date(2021, 10, 20)
    assert found("The club is keen to sign a striker in January.", october) == [("January", "2022-01")]
    assert found("The vote is on March 3 and polls are close.", october) == [("March 3", "2022-03-03")]
    assert found("The club signed a striker in January.", october) == [("January", "2021-01")]
    # five months back in a present clause stays back
    assert found("Prices are the highest since a peak in May.", october) == [("May", "2021-05")]


def test_a_month_in_a_clause_without_a_tense_marker_looks_up_to_four_months_ahead():
    december = date(2021, 12, 10)
    assert found("Fans queue for tickets to the February final.", december) == [("February", "2022-02")]
    assert found("A peace conference in the autumn, the envoy announces.", date(2021, 6, 2)) == \
        [("the autumn", "2021-FA")]
    assert found("Rebels attack the capital, the first raid since a truce in July.", december) == [("July", "2021-07")]
    # a past verb reads it back
    assert found("Fans queued for tickets to the February final.", december) == [("February", "2021-02")]


def test_an_expression_that_dates_a_past_event_is_past_whatever_the_verb():
    # DCT Wednesday 28 July 2021
    assert found("Investors fret over Monday's closing price.") == [("Monday", "2021-07-26")]
    assert found("Ministers will discuss Tuesday's bombing of the depot.") == [("Tuesday", "2021-07-27")]
    assert found("The inquiry into the November ambush opens soon.")[0] == ("November", "2020-11")
    assert found("Ministers will discuss Friday's budget.") == [("Friday", "2021-07-30")]
    assert found("Lawyers will appeal Monday's ruling.") == [("Monday", "2021-07-26")]


def test_relative_expressions_lean_on_the_date_mentioned_before():
    text = "The rebels took the town on 3 May 2019. The army came back two days later."
    assert found(text)[-1] == ("two days later", "2019-05-05")


def test_a_year_ago_next_to_a_quarter_is_that_quarter():
    text = "Third-quarter profit rose to $5 million from $4 million a year ago."
    assert found(text, date(2021, 10, 20)) == [("Third-quarter", "2021-Q3"), ("a year ago", "2020-Q3")]


def test_a_year_ago_after_a_span_of_months_is_that_year():
    text = "Third-quarter sales rose. For the nine months, profit fell from a year earlier."
    assert found(text, date(2021, 10, 20))[-1] == ("a year earlier", "2020")
    text = "For the nine months, sales rose. On 1 March 2019 the plant opened; a year earlier it was a field."
    assert found(text, date(2021, 10, 20))[-1] == ("a year earlier", "2018-03-01")


def test_a_quarter_not_yet_over_is_not_the_one_reported_on():
    text = "Second-quarter profit rose. It expects losses in the third quarter. It beat the year-ago period."
    assert found(text, date(2021, 7, 28))[-1] == ("the year-ago period", "2020-Q2")


def test_a_quarter_named_as_what_came_before_is_not_the_one_reported_on():
    dct = date(2021, 10, 20)
    text = "Third-quarter profit rose to $5 million. After a weak second quarter, costs fell from a year ago."
    assert found(text, dct)[-1] == ("a year ago", "2020-Q3")
    text = "Third-quarter profit rose to $5 million. Following the first quarter, costs fell from a year ago."
    assert found(text, dct)[-1] == ("a year ago", "2020-Q3")
    # the quarter named last is the one reported on when nothing marks it as earlier
    text = "Third-quarter profit rose to $5 million. In a weak second quarter, costs fell from a year ago."
    assert found(text, dct)[-1] == ("a year ago", "2020-Q2")


def test_a_fiscal_quarter_reported_in_the_past_tense_is_the_one_reported_on():
    dct = date(2021, 11, 3)  # in the fourth quarter
    text = "The grocer reported lower fourth-quarter profit. Sales in the latest period beat last year's $8 million."
    assert found(text, dct)[1:] == [("the latest period", "2021-Q4"), ("last year", "2020-Q4")]
    # once a finished quarter is reported on, a later one is not, whatever the tense reader says
    text = "Third-quarter profit fell. It had no estimate for fourth-quarter results. A year ago it earned $2 million."
    assert found(text, dct)[-1] == ("A year ago", "2020-Q3")


def test_a_year_reported_on_ends_the_report_on_a_quarter():
    text = ("The grocer reported a fourth-quarter loss. Net for the year ended Aug. 31 was $2 million, "
            "down from $9 million last year.")
    assert found(text, date(2021, 11, 3))[-1] == ("last year", "2020")


def test_most_recently_before_a_date_leaves_the_time_to_the_date():
    assert found("Two bases were shelled, most recently on 3 May 2019.") == [("3 May 2019", "2019-05-03")]
    assert found("Two bases were shelled, most recently during a visit by the minister.") == [("recently", "PAST_REF")]


def test_the_preposition_stays_outside_and_is_kept_as_the_cue():
    timex = first("Troops must leave within two weeks.")
    assert (timex.text, timex.type, timex.value, timex.cue) == ("two weeks", "DURATION", "P2W", "within")
    assert first("No drills have been held since May.").cue == "since"


def test_a_range_keeps_its_bounds_as_timeml_annotates_them():
    timex = first("Drills will run on August 5-10.")
    assert [(t.text, t.value) for t in timex.timeml()] == [("August 5", "2021-08-05"), ("10", "2021-08-10")]
    assert timex.to_dict()["range"] == {"start": "2021-08-05", "end": "2021-08-10"}


def test_a_range_across_the_new_year():
    timex = first("Talks were held Dec. 28-Jan. 2, 2020.")
    assert (timex.begin, timex.finish) == ("2019-12-28", "2020-01-02")


def test_fuzzy_expressions_get_a_modifier_or_a_reference_never_an_invented_day():
    assert first("Fighting resumed in mid-March.").mod == "MID"
    assert found("More troops will arrive in the coming days.") == [("the coming days", "FUTURE_REF")]
    assert found("The army recently moved tanks north.") == [("recently", "PAST_REF")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia deployed S-400 systems.",
        "The council adopted UNSCR 2231 in a vote.",
        "The UN adopted resolution 1701 in a vote.",
        "About 2,000 troops took part.",
        "Some 2000 troops took part.",
        "The convoy travelled 1,000 km.",
        "Protesters may march on the capital.",
        "We call on both sides to stop.",
        "F-16 jets flew over the city.",
        "Call the hotline on 555-2014 or 0800 123 456.",
        "The home side won 3-1 after extra time.",
        "A 6-year-old girl was hurt.",
        "Jan Kavan signed for the Czech Republic.",
    ],
)
def test_things_that_are_never_dates(text):
    assert [t.text for t in tag(text, DCT) if t.type in ("DATE", "TIME")] == []


def test_dates_out_of_the_calendar_are_dropped_without_error():
    assert found("The flood happened about 4,000 years ago, he wrote.") == []
    assert found("Dinosaurs died out 65 million years ago.") == []


def test_durations_are_not_dates():
    assert [(t.type, t.value) for t in tag("Troops began a three-day exercise.", DCT)] == [("DURATION", "P3D")]


def test_without_a_document_date_relative_expressions_stay_unresolved():
    timex = first("Troops arrived on Tuesday.", dct=None)
    assert (timex.value, timex.begin) == ("XXXX-WXX-2", None)
    assert first("Troops arrived on 5 August 2019.", dct=None).value == "2019-08-05"


def test_offsets_are_into_the_text_as_given():
    text = "Intro.\n\nThe  drills   began   on  5   August  2019."
    for timex in tag(text, DCT):
        assert text[timex.start:timex.end] == timex.text


def test_a_span_of_the_text_is_tagged_alone():
    text = "On Monday talks failed. On Friday troops left."
    start = text.index("On Friday")
    assert [t.text for t in tag(text, DCT, start, len(text))] == ["Friday"]


def test_offsets_hold_after_letters_that_lower_case_longer():
    text = "İİstanbul officials said on Tuesday that the talks begin next week."
    for timex in tag(text, DCT):
        assert text[timex.start:timex.end] == timex.text
    assert [t.text for t in tag(text, DCT)] == ["Tuesday", "next week"]


def test_anchors_are_found_in_text_order_and_as_whole_words():
    from geoevents.temporal.anchors import anchor_spans

    text = "Mayday: in May 2019, 12 days after the yearly May Day, years of talks ended."
    words, runs = anchor_spans(text, 0, len(text))
    assert [(text[s:e], word) for s, e, word in words if word in ("may", "day", "days", "years")] == [
        ("May", "may"), ("days", "days"), ("May", "may"), ("Day", "day"), ("years", "years")]
    assert [text[s:e] for s, e in runs] == ["2019", "12"]


def test_the_clause_window_is_the_sentence_clipped_to_what_the_tense_reads():
    from geoevents.temporal.tense import LEFT_CHARS, RIGHT_CHARS, clause_window, sentence_around

    text = ("Gen. Smith arrived on Monday.  The U.S. envoy, Mr. Lee, said: \"Talks resume Friday.\" "
            "Then\n\nthe convoy left on 5 May. Did it return? Yes! It came back on Tuesday...  A day later "
            "it went (again). The 2nd battalion followed on Wednesday, officials said.")
    for start in range(len(text)):
        for end in (start + 1, start + 7):
            if end > len(text):
                continue
            lo, hi = sentence_around(text, start, end, 0, len(text))
            expected = (max(lo, start - LEFT_CHARS), min(hi, end + RIGHT_CHARS))
            assert clause_window(text, start, end, 0, len(text)) == expected, (start, end)


def test_a_bare_verb_spelt_like_its_past_is_no_past_marker():
    # "to put", "will set": infinitives, so the month ahead stays in the DCT's year
    assert found("The plan is to put two brigades on the frontier by November.") == [("November", "2021-11")]
    assert found("Officials hope the navy will set sail in December.") == [("December", "2021-12")]
    assert found("The army put two brigades on the frontier in November.") == [("November", "2020-11")]
    assert found("The storm is expected to hit the coast on Monday.") == [("Monday", "2021-08-02")]


def test_a_month_that_ends_a_running_span_looks_ahead():
    # "through" closes a span still running: the month to come, whatever the verb
    dct = date(2021, 3, 10)
    assert found("The ministry has extended the mission through June.", dct) == [("June", "2021-06")]
    assert found("The lenders have extended the credit line through January.", date(2021, 10, 20)) == [
        ("January", "2022-01")]


def test_a_capitalised_time_word_inside_a_name_is_no_time():
    # programme and newspaper names: "Today", "Now", "This Week" after a capitalised word
    assert found("Troops crossed the river at dawn. (Coastal Courier Today)") == []
    assert found("The minister said on the programme Politics This Week that troops would stay.") == []
    assert found("Today, troops crossed the river.") == [("Today", "2021-07-28")]


def test_an_ordinal_second_and_a_sunday_paper_are_no_times():
    assert found("The general began a second tour in the north.") == []
    assert found("A second brigade crossed the river.") == []
    assert found("The gunfire stopped for a second, then resumed.") == [("a second", "PT1S")]
    assert found("The colonel told the Sunday Herald that the base would close.") == []


def test_a_country_s_own_day_is_no_fixed_date():
    # "Independence Day" and a lower-case "election day" differ by country: no value is safe
    assert found("Gunfire marked the country's Independence Day.") == []
    assert found("Polling stations were attacked on election day.") == []
    assert found("The parade is planned for the Fourth of July.") == [("Fourth of July", "2021-07-04")]


def test_the_september_eleventh_attacks_are_in_2001_whenever_the_text_is_written():
    assert found("Security was tightened after the September 11 attacks.", date(2010, 5, 3)) == [
        ("September 11", "2001-09-11")]
    assert found("The envoy will arrive on September 11.", date(2010, 5, 3)) == [("September 11", "2010-09-11")]


def test_easter_based_days_and_named_weekdays():
    assert found("Pilgrims filled the square on Palm Sunday.", date(2021, 3, 30)) == [("Palm Sunday", "2021-03-28")]
    assert found("Markets fell more than on Black Monday.") == []
    assert found("Crowds filled the shops on Black Friday.") == [("Friday", "2021-07-23")]


def test_the_word_split_of_the_tense_reader_is_the_word_pattern():
    from geoevents.temporal.tense import _WORD, _words

    for fragment in ("the convoy's crew won't leave -- not before they'll refuel",
                     "a rock-'n'-roll band's x-ab'cd tour; we'll see-saw 'll",
                     "Zürich's déjà-vu, naïve co-op", "3-4 troops 1990s-era jets - and", "", "  '- -' "):
        assert _words(fragment) == _WORD.findall(fragment), fragment


def test_an_irregular_participle_after_a_present_be_is_present():
    # written on a Wednesday: "are set for Friday" looks two days ahead, "were set" looks back
    assert found("The court hearings are set for Friday in the capital.") == [("Friday", "2021-07-30")]
    assert found("The court hearings were set for Friday in the capital.") == [("Friday", "2021-07-23")]


def test_earlier_or_last_after_a_determiner_is_no_past_marker():
    assert found("The tribunal rules Thursday on whether to uphold its earlier verdict.") == [
        ("Thursday", "2021-07-29")]
    assert found("The tribunal ruled Thursday, its last sitting.") == [("Thursday", "2021-07-22")]


def test_a_month_of_that_year_is_that_month_of_the_year_named_before():
    assert found("The fleet was founded in 1998. In October that year, it sailed.") == [
        ("1998", "1998"), ("October that year", "1998-10")]
    assert found("The unit formed in 2011 and moved on May 9 of the same year.") == [
        ("2011", "2011"), ("May 9 of the same year", "2011-05-09")]


def test_an_expression_right_before_its_own_auxiliary_is_in_the_reported_clause():
    from geoevents.temporal.tense import tense_at
    text = "The envoy said the convoys will leave soon."
    assert tense_at(text, text.index("convoys"), text.index("convoys") + 7) == "future"
    text = "The envoy told his aides Monday they must wait."
    assert tense_at(text, text.index("Monday"), text.index("Monday") + 6) == "past"
    text = "The envoy was reported Monday to be unwell."
    assert tense_at(text, text.index("Monday"), text.index("Monday") + 6) == "past"


def test_a_report_set_off_by_commas_does_not_give_the_clause_its_tense():
    # written in late July: the clause is future, so March is next year's
    assert found("In March, the envoy said, the brigade will go home.") == [("March", "2022-03")]
    assert found("In March, the envoy said, the brigade went home.") == [("March", "2021-03")]


def test_a_span_given_to_do_something_after_a_plural_is_no_rate():
    # "four flights a week" is a rate; "gave the foreign troops a month to pull out" is a duration
    assert found("The rebels gave the foreign troops a month to pull out.") == [("a month", "P1M")]
    assert found("Six flights a week serve the island.") == []


def test_a_deadline_after_a_present_perfect_is_still_ahead():
    # written in late July: the "has started" clause is still going on, so its deadline is to come
    assert found("Britain has started to pull its troops out before the final deadline of March 31.") == [
        ("March 31", "2022-03-31")]
    assert found("The minister has promised a decision by the end of February.") == [("the end of February", "2022-02")]
    # a past clause reads it back
    assert found("Britain had pulled its troops out before the final deadline of March 31.") == [
        ("March 31", "2021-03-31")]
