"""Which time dates an event: the one that governs its trigger, read with its preposition."""

import pytest

from geoevents import extract

PUBLISHED = "2021-07-28"  # a Wednesday


def dates(text, published=PUBLISHED):
    """(trigger, start, end) for every event in ``text``."""
    return [(e.trigger.text, *(e.date and (e.date.start, e.date.end) or (None, None)))
            for e in extract(text, published=published)]


def date_of(text, published=PUBLISHED):
    events = extract(text, published=published)
    assert events, f"no event in {text!r}"
    return events[0].date


def span(text, published=PUBLISHED):
    d = date_of(text, published)
    return None if d is None else (d.start, d.end, d.precision)


def test_the_governing_time_wins_over_the_reporting_date():
    assert span("Russia said on Wednesday it will hold military drills next month.") == ("2021-08", "2021-08", "month")


def test_the_reporting_date_dates_an_ongoing_event():
    text = "Russia said on Wednesday it was beefing up the combat capabilities of its base in Tajikistan."
    assert span(text) == ("2021-07-28", "2021-07-28", "day")


def test_the_reporting_date_does_not_date_a_planned_event():
    assert span("Moscow said on Monday it will deploy more troops to the region.") is None


def test_no_time_in_the_sentence_gives_no_date_not_the_publication_day():
    d = date_of("Germany deployed 300 soldiers to Lithuania.")
    assert d is None


def test_a_time_at_the_head_of_the_sentence_dates_it():
    assert span("On Monday, Kenyan troops withdrew from two bases in Somalia.") == (
        "2021-07-26", "2021-07-26", "day")


def test_a_week_is_a_monday_to_sunday_day_range():
    assert span("France sent 500 more troops to Mali last week.") == ("2021-07-19", "2021-07-25", "week")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia will keep its troops deployed in the border area until August 20.",
         ("2021-07-28", "2021-08-20", "day")),
        ("Troops have been deployed along the border since mid-March.", ("2021-03", None, "month")),
        ("The rebels must withdraw their fighters within two weeks.", ("2021-07-28", "2021-08-11", "day")),
        # "its last troops" is no past marker: a future deadline month is the next one
        ("Britain will withdraw its last troops by March 31.", ("2022-03", "2022-03", "month")),
        ("Serbian troops have been deployed along the border from May 4.", ("2021-05-04", None, "day")),
    ],
)
def test_the_preposition_shapes_the_span(text, expected):
    assert span(text) == expected


def test_a_span_until_a_day_already_over_has_no_start_rather_than_one_after_its_end():
    assert span("Greek marines kept up the naval drills until July 2.") == (None, "2021-07-02", "day")
    assert span("Greek marines will keep up the naval drills until August 2.") == ("2021-07-28", "2021-08-02", "day")


def test_a_duration_with_a_known_start_gives_the_end():
    text = "NATO will hold a three-day military exercise starting on September 6."
    assert span(text) == ("2021-09-06", "2021-09-08", "day")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a completion verb makes the day the last one of the duration
        ("The Indian navy completed a four-day military exercise on Monday.", ("2021-07-23", "2021-07-26", "day")),
        ("Iran's ten-day military drills ended on Sunday.", ("2021-07-16", "2021-07-25", "day")),
        ("The army will wrap up a three-day military exercise on Friday.", ("2021-07-28", "2021-07-30", "day")),
        # without one the day is the first
        ("The Indian navy began a four-day military exercise on Monday.", ("2021-07-26", "2021-07-29", "day")),
    ],
)
def test_a_duration_ends_on_the_day_a_completion_verb_names(text, expected):
    assert span(text) == expected


def test_a_future_time_after_a_since_phrase_dates_the_event():
    text = "Poland will hold its biggest military exercise since the fall of communism next year."
    assert span(text) == ("2022", "2022", "year")


def test_since_after_a_superlative_is_a_comparison():
    text = "Britain will send its largest military contingent since 1991 to Estonia in October."
    assert span(text) == ("2021-10", "2021-10", "month")
    assert span("Armenian troops have been stationed near the village since 1994.") == ("1994", None, "year")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chad said French troops must withdraw within six months.", ("2021-07-28", "2022-01-28", "day")),
        ("Kenya will pull its soldiers out of Somalia within two years.", ("2021-07-28", "2023-07-28", "day")),
        ("Kenya will pull its soldiers out of Somalia in two years.", ("2023", "2023", "year")),
        ("Spain will send a frigate to the Gulf in three months.", ("2021-10", "2021-10", "month")),
        # a span up to now, and a comparison, time nothing to come
        ("Spain has sent two frigates to the Gulf in the past twelve months.", None),
        ("Peru will recall its soldiers from the jungle posts for the first time in 15 years.", None),
    ],
)
def test_months_and_years_from_the_publication_day(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Egypt will hold naval drills from late August to early September.", ("2021-08", "2021-09", "month")),
        ("Egypt held naval drills in March and April.", ("2021-03", "2021-04", "month")),
        ("Egypt held naval drills on Monday and Tuesday.", ("2021-07-26", "2021-07-27", "day")),
    ],
)
def test_a_joined_later_time_ends_the_event(text, expected):
    assert span(text) == expected


def test_a_comma_in_a_number_does_not_part_a_time_from_its_trigger():
    text = "Chile sent 1,200 soldiers to Haiti in 2004 and withdrew them in 2017."
    assert [d[1:] for d in dates(text)] == [("2004", "2004"), ("2017", "2017")]


def test_in_two_weeks_is_a_day_two_weeks_on():
    assert span("Ukraine will send troops to the front in two weeks.") == ("2021-08-11", "2021-08-11", "day")


def test_a_time_nearer_to_the_other_trigger_belongs_to_it():
    text = "Russia withdrew troops from Syria in May and deployed them to Libya in June."
    assert dates(text) == [("withdrew", "2021-05", "2021-05"), ("deployed", "2021-06", "2021-06")]


def test_a_purpose_shares_the_time_of_its_event():
    text = "Chile will send four jets to take part in air force war games from 9 to 20 August."
    assert [d[1:] for d in dates(text)] == [("2021-08-09", "2021-08-20")] * 2


def test_a_day_after_dates_the_clause_it_introduces():
    text = "Colombia denies the claims, a day after Venezuela said it was sending troops to the border."
    assert [d for d in dates(text) if d[0] == "sending"] == [("sending", "2021-07-27", "2021-07-27")]


def test_a_time_after_a_strong_break_belongs_to_the_other_clause():
    assert span("Russia deployed more troops to the border, after talks failed on Sunday.") is None


def test_a_time_in_another_clause_with_its_own_event_stays_there():
    assert dates("Russia sent troops to the border, while Ukraine held drills on Sunday.") == [
        ("sent", None, None), ("drills", "2021-07-25", "2021-07-25")]


@pytest.mark.parametrize(
    "text",
    [
        "Albania will send troops to Iraq, thanking NATO for its role in the 1999 Kosovo War.",
        "A US submarine was deployed to Busan, the first such visit since 1981.",
        "Venezuela moved ten battalions to the border in response to the killing of a rebel leader the previous day.",
        "Georgia withdraws forces that entered South Ossetia on Thursday.",
    ],
)
def test_a_time_that_belongs_to_another_phrase_does_not_date_the_event(text):
    assert [d[1:] for d in dates(text, "2008-08-10")] == [(None, None)]


def test_a_time_that_modifies_the_trigger_dates_it():
    assert dates("Russia cancelled the 2019 military drills near the border.", "2020-01-10")[0][1:] == ("2019", "2019")


def test_a_relative_clause_that_schedules_the_event_dates_it():
    text = "The navy called off an exercise off the coast that had been scheduled for mid-September."
    assert span(text)[:2] == ("2021-09", "2021-09")


def test_a_relative_clause_on_a_further_noun_does_not():
    assert span("Chad sent troops to help Niger fight an insurgency that began in 2015.") is None


def test_a_strong_break_outweighs_a_coordination_inside_the_object():
    text = ("Spain deployed 250 soldiers and a squadron of Eurofighter jets to Cyprus last week, while Italy "
            "said it was sending two battalions to its border with Slovenia.")
    found = dict((trigger, start) for trigger, start, _ in dates(text))
    assert found["deployed"] == "2021-07-19"


def test_a_duration_before_the_trigger_gives_the_end_of_a_day_dated_further_on():
    text = "Egypt began a four-day naval exercise off Alexandria on Monday."
    assert span(text) == ("2021-07-26", "2021-07-29", "day")


def test_a_duration_of_another_event_does_not_lend_its_length():
    text = "The frigate ended a 60-day patrol and arrived in Tokyo on Monday."
    assert span(text) is None or span(text)[1] == "2021-07-26"


def test_a_time_owned_by_the_noun_after_a_cut_does_not_date_the_event():
    assert span("The army put its units on high alert after Monday's bombing in the capital.") is None


def test_a_year_that_ends_an_exercise_name_does_not_date_it():
    assert span("Georgian and US troops began the Noble Partner 2019 exercise near Tbilisi.") is None
    assert span("Chinese troops will hold drills in August 2022.", published="2022-07-01")[0] == "2022-08"
    assert span("By 2025, Denmark will withdraw its troops from the region.", published="2022-07-01")[0] == "2025"


def test_a_time_in_a_relative_clause_before_the_verb_dates_that_clause():
    text = "The two battalions that arrived in Estonia in March have withdrawn from the country."
    assert [d for t, *d in dates(text) if t == "withdrawn"] == [[None, None]]
    assert span("Officials announced that troops had withdrawn from the town in June.")[0] == "2021-06"


def test_a_source_cited_after_the_time_does_not_make_it_a_reporting_time():
    assert span("Kenyan troops withdrew from the town on Monday, according to local officials.")[0] == "2021-07-26"


def test_a_reporting_date_does_not_date_a_plan():
    assert span("The ministry said on Monday that the navy will send two frigates to the strait.") is None


def test_united_states_is_no_reporting_verb():
    assert span("Japan and the United States this weekend will hold drills off Okinawa.") == (
        "2021-07-31", "2021-08-01", "day")


def test_a_time_after_a_decision_dates_the_decision_not_the_event():
    assert span("The deployment of 150 Estonian soldiers to Mali was approved by parliament on Monday.") is None
    assert span("The navy drills will be held off the coast on Monday.")[0] == "2021-08-02"


def test_a_number_counting_the_forces_is_no_year():
    assert date_of("Officials say that 1800 Turkish soldiers have left the enclave.") is None
    assert span("In 1998 Turkish soldiers left the enclave.") == ("1998", "1998", "year")


def test_a_year_or_holiday_inside_a_name_dates_nothing():
    assert date_of("The president may invoke the 1807 Insurrection Act to deploy troops in the city.") is None
    assert date_of("Forty marines have been sent to Christmas Island to guard the detention centre.") is None


def test_a_date_opening_the_name_of_a_movement_or_unit_dates_nothing():
    assert date_of("The October 9 Movement says its fighters will withdraw from Beni.") is None
    assert date_of("Fighters of the May 12 Youth Front are pulling out of Bunia.") is None
    assert span("The rebels will withdraw from Beni on October 9.") == ("2021-10-09", "2021-10-09", "day")


@pytest.mark.parametrize("text", [
    "Kenya last week appointed a general who led the withdrawal of troops from Somalia.",
    "On Monday the council honoured a pilot whose squadron was deployed to Mali.",
])
def test_a_time_before_a_relative_clause_dates_the_verb_it_hangs_on(text):
    assert date_of(text) is None


def test_a_relative_clause_closed_by_a_comma_leaves_the_time_to_the_trigger():
    assert span("On Monday, Russia, which has troops in the area, began withdrawing them.") == (
        "2021-07-26", "2021-07-26", "day")


def test_a_time_heading_the_sentence_dates_a_relative_clause_too():
    found = dates("Last year, Beijing held war games, which stopped when Washington dispatched two carriers "
                  "to the strait.")
    assert ("dispatched", "2020", "2020") in found


def test_a_time_in_a_comparison_dates_what_it_compares_with():
    assert date_of("Polish troops held a border exercise similar to one in 2019.") is None


def test_more_than_a_number_is_no_comparison_that_cuts_the_time_off():
    assert span("Russia deployed more than 1,000 troops to Crimea in 2014.") == ("2014", "2014", "year")


@pytest.mark.parametrize("text", [
    "The junta will deploy soldiers in the capital ahead of Sunday's referendum.",
    "Joint drills are held every year under the Defence Cooperation Pact of 1958.",
])
def test_a_time_that_dates_another_noun_does_not_date_the_event(text):
    assert date_of(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause set off by commas on the trigger, and the predicate after it
    ("Greece's naval drills, which started on July 12, will end on July 30.", ("2021-07-12", "2021-07-30", "day")),
    ("Polish military manoeuvres, which will run until August 6, began on Monday.",
     ("2021-07-26", "2021-08-06", "day")),
    ("Chinese naval drills, which ended on Sunday, involved two carriers.", ("2021-07-25", "2021-07-25", "day")),
    ("Japan's deployment of troops, which parliament approved on Monday, will begin next month.",
     ("2021-08", "2021-08", "month")),
])
def test_a_relative_clause_on_the_trigger_and_the_predicate_after_it_time_the_event(text, expected):
    assert span(text) == expected


@pytest.mark.parametrize("text", [
    "Russia's naval drills, which NATO condemned on Friday, involved 40 ships.",
    "Chinese military exercises, which drew protests from Manila on Friday, are a warning, analysts say.",
])
def test_a_relative_clause_whose_verb_does_not_time_the_event_dates_nothing(text):
    assert span(text) is None


def test_a_day_joined_by_and_ends_the_event():
    assert span("Greek and Cypriot forces held drills off Paphos on Monday and Tuesday.") == (
        "2021-07-26", "2021-07-27", "day")
    assert dates("Russia held drills on Monday and deployed bombers on Tuesday.") == [
        ("drills", "2021-07-26", "2021-07-26"), ("deployed", "2021-07-27", "2021-07-27")]


@pytest.mark.parametrize("text", [
    "The Dutch premier on Tuesday ruled out sending more soldiers to Uruzgan.",
    "Khartoum reiterated on Sunday its refusal of deploying UN troops in Darfur.",
])
def test_the_day_of_a_statement_does_not_date_the_event_it_rules_out(text):
    assert span(text) is None


def test_the_tense_of_the_next_sentence_does_not_stop_a_reporting_date():
    text = ("Moscow said on Wednesday it was sending more troops to its outpost in Armenia. "
            "It will send more tanks there next year.")
    assert dates(text)[0] == ("sending", "2021-07-28", "2021-07-28")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # told as past: a month just ahead of publication (2024-03-10) is last year's
        ("Korean frigates began a four-day naval drill on April 2.", ("2023-04-02", "2023-04-05")),
        ("Polish troops held live-fire drills near the lake on May 14.", ("2023-05-14", "2023-05-14")),
        ("Canada deployed 300 soldiers to Latvia on March 25.", ("2023-03-25", "2023-03-25")),
        # a weekday after a name that is no adverb: "to Hadi pulled" is past, last Monday
        ("Soldiers loyal to Hadi pulled out of the harbour town on Monday.", ("2024-03-04", "2024-03-04")),
        # not moved: a year given, a future or scheduled time, a time in a condition
        ("Korean frigates began a naval drill on April 2, 2024.", ("2024-04-02", "2024-04-02")),
        ("Korean frigates will begin a naval drill on April 2.", ("2024-04-02", "2024-04-02")),
        ("The frigates were due to begin the naval drill on April 2.", ("2024-04-02", "2024-04-02")),
    ],
)
def test_an_event_told_as_past_is_not_dated_after_publication(text, expected):
    (event,) = extract(text, published="2024-03-10")
    assert (event.date.start, event.date.end) == expected


def test_a_record_duration_leaves_the_date_to_the_time_after_it():
    assert span("Norway will hold its largest naval exercise in decades next year.", "2024-03-10") == (
        "2025", "2025", "year")


def test_a_past_event_is_not_dated_by_a_later_purpose_or_condition():
    # the handover date is the purpose's, the step-down date the condition's: after publication
    assert dates("Forty soldiers drove into the compound to get ready for the handover on June 30.",
                 "2024-05-10") == [("drove into", None, None)]
    assert dates("Ankara said it was putting its units on alert in case the strongman declined to quit on May 19.",
                 "2024-05-10")[0][1:] == (None, None)


def test_a_planned_event_is_not_dated_months_before_publication():
    assert span("Officials say Norway is planning a large exercise in the Arctic in October.", "2024-03-10") == (
        "2024-10", "2024-10", "month")
    # a plan told from after its time keeps its past
    assert span("Norway had planned an exercise in the Arctic in January.", "2024-03-10") == (
        "2024-01", "2024-01", "month")


def test_a_start_day_and_an_end_day_make_a_range():
    assert span("Belarus's exercise will begin on Monday and end on Friday.", "2024-03-10") == (
        "2024-03-11", "2024-03-15", "day")
    assert span("The Belarusian drills started on March 1 and the talks ended on March 5.", "2024-03-10") == (
        "2024-03-01", "2024-03-01", "day")
    # written on a Friday: the end is the Friday after the start, not the day of writing
    assert span("Belarus's exercise will begin on Monday and end on Friday.", "2024-05-10") == (
        "2024-05-13", "2024-05-17", "day")
    # a start day and a verb that carries the event on to a later day
    assert span("Russian drills began on Monday and will continue through Friday.", "2024-05-10") == (
        "2024-05-06", "2024-05-10", "day")
    assert span("NATO drills that began on March 3 will last until March 14.", "2024-05-10") == (
        "2024-03-03", "2024-03-14", "day")
    # not a verb that ends the event
    assert span("Chinese drills began on Monday, the ministry said on Thursday.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")


def test_a_time_between_a_decision_and_the_infinitive_dates_the_decision():
    assert dates("Lawmakers voted on Tuesday to send 150 troops to Kosovo.", "2024-03-10") == [
        ("send", None, None)]
    assert dates("Chile will hold naval drills on Tuesday to test its readiness.", "2024-03-10") == [
        ("drills", "2024-03-12", "2024-03-12")]


def test_a_deadline_at_a_time_of_day_keeps_the_day():
    assert span("The Kenyan battalion had left the town by noon, officials said.", "2024-03-10") == (
        "2024-03-10", "2024-03-10", "day")


def test_a_participle_of_decision_after_a_noun_trigger_dates_the_decision():
    assert dates("The Czech deployment, announced last month, includes 2,000 soldiers.", "2024-03-10") == [
        ("deployment", None, None)]


def test_an_event_under_way_keeps_its_end_day_after_publication():
    assert span("The Danish drills are set to end on March 20.", "2024-03-10") == (
        "2024-03-20", "2024-03-20", "day")


def test_a_season_of_this_year_dates_a_past_event():
    # a season's value ("2021-SU") is no calendar prefix: judged by its year, it is not ahead
    text = "Greek marines held landing drills on Crete this summer."
    assert span(text, "2021-09-02") == ("2021-SU", "2021-SU", "season")


def test_a_time_counted_from_the_last_date_counts_from_the_sentences_before():
    # the reference is the date stated before, not the publication day (a Friday)
    story = ("The navy held drills off the coast on Tuesday.\n\nThe day before, 300 marines drove into the port "
             "city after 40 years of absence. The next day, the army deployed tanks to the border.")
    assert dates(story, "2024-05-10") == [("drills", "2024-05-07", "2024-05-07"),
                                          ("drove into", "2024-05-06", "2024-05-06"),
                                          ("deployed", "2024-05-08", "2024-05-08")]
    assert dates("Ships docked on 2 March. Two days later, the troops pulled out of the harbour.", "2024-05-10")[-1] \
        == ("pulled out", "2024-03-04", "2024-03-04")


def test_a_duration_that_gives_no_date_leaves_the_time_heading_the_sentence():
    # the handover is ahead (passed over for a past event); "after 40 years" dates nothing
    assert span("On Monday, 300 Royal Marines (RM) commandos drove into the port city to prepare for the "
                "handover on June 30 after 40 years of absence.", "2024-05-10") == ("2024-05-06", "2024-05-06", "day")


def test_a_time_whose_possessive_qualifies_the_trigger_dates_it_whatever_the_preposition():
    assert span("France is forming a new force after next year's planned German pullback from the Sahel.",
                "2024-05-10") == ("2025", "2025", "year")
    assert span("Poland protested before Monday's Russian drills near its border.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")
    # a name's "of the" among the modifiers: "from" is still the noun phrase's, so no open end
    assert span("Sweden barred Norway from this year's Guardians of the Fjord naval exercise.", "2024-05-10") == (
        "2024", "2024", "year")


def test_the_upper_bound_of_a_range_of_counts_is_no_year():
    assert span("Armenia increases its contingent in the peacekeeping mission from 640 to 1800.", "2024-05-10") is None
    assert span("Georgia deployed troops to Kosovo from 2003 to 2008.", "2024-05-10") == ("2003", "2008", "year")


def test_a_time_after_a_verb_does_not_head_the_sentence():
    # "early Wednesday" is the fighting's time, not the withdrawal's
    assert span("Clashes began early Wednesday, hours after a deadline for Eritrea to pull out its soldiers lapsed.",
                "2024-05-10") is None
    assert span("But late on Monday, Ethiopian troops withdrew from the town.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")
    assert span("However, late on Monday, the troops withdrew from the town.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")


def test_a_season_of_next_year_is_next_years():
    assert span("Romania expects an agreement on the deployment of more NATO troops by spring next year.",
                "2024-05-10") == ("2025-SP", "2025-SP", "season")


def test_a_time_inside_an_opening_phrase_dates_that_phrase():
    assert span("Following a defence accord signed in Cairo last week, Egypt sends two transport planes to Mogadishu.",
                "2024-05-10") is None
    assert span("Amid shelling of two villages on Tuesday, Armenia rushes extra battalions to its eastern frontier.",
                "2024-05-10") is None
    # the time that is the phrase itself still dates the event
    assert span("After May 5, the troops withdrew from the town.", "2024-05-10")[0] == "2024-05-05"


def test_a_weekday_in_the_future_of_a_past_report_counts_from_the_report():
    # published on Friday 10 May: the Wednesday after Monday's statement, not the one after publication
    assert span("Russia said on Monday it would withdraw its troops from the border on Wednesday.",
                "2024-05-10") == ("2024-05-08", "2024-05-08", "day")
    assert span("Russia said Thursday it would withdraw its troops from the border on Monday.",
                "2024-05-10") == ("2024-05-13", "2024-05-13", "day")
    # a year stated far from the report, a plain future: counted from publication
    assert span("The ministry said last month that it would withdraw its troops next year.", "2024-05-10") == (
        "2025", "2025", "year")


def test_a_span_after_a_clause_at_the_head_dates_only_that_clause():
    # the drills came three days after an inauguration whose day the sentence does not give
    assert span("Three days after the new president took office, China conducted military drills around the island.",
                "2024-05-10") is None
    assert span("Peru rejects the accusation, a day after the Bolivian minister said he was sending soldiers to the "
                "frontier.", "2024-05-10") == ("2024-05-09", "2024-05-09", "day")


def test_a_time_before_a_demand_dates_the_demand_not_the_event():
    assert span("A senator last week demanded a swift troop pullback from the island.", "2024-05-10") is None
    assert span("Earlier this month, a council resolution urged all foreign troops to leave the island.",
                "2024-05-10") is None
    # a comma ends the demand's object: the event's own time is kept
    assert span("Since May 2022, when the president called for a total war, the town has hosted a big "
                "deployment of troops.", "2024-05-10")[0] == "2022-05"


def test_a_time_before_a_reaction_dates_the_act_not_the_event_it_answers():
    assert span("Pyongyang launched two rockets on Friday in response to the naval drills.", "2024-05-10") is None
    assert span("Three ministers resigned last week in protest at the plan to deploy marines.", "2024-05-10") is None
    # the time heads the sentence: it dates all of it
    assert span("Last year, a wave of protests after the election led to Chad withdrawing its troops from the "
                "valley.", "2024-05-10") == ("2023", "2023", "year")
    # the answered event's setting: the time is kept
    assert span("Artillery opened fire on Friday in response to shelling during the naval drills.",
                "2024-05-10") == ("2024-05-10", "2024-05-10", "day")
    # the trigger before the phrase keeps its time
    assert span("Japan held drills on Friday in response to the missile launches.", "2024-05-10") == (
        "2024-05-10", "2024-05-10", "day")


def test_a_time_counted_back_after_a_participle_dates_the_participle():
    assert span("Greek frigates are sent to search for a cargo vessel allegedly seized two weeks ago off Crete.",
                "2024-05-10") is None
    assert span("Government troops start their pullback from the valley under a ceasefire signed a week earlier.",
                "2024-05-10") is None
    # no participle: the time is the event's
    assert span("Army units storm the village again after quickly pulling out of the area earlier this month.",
                "2024-05-10") == ("2024-05", "2024-05", "month")


def test_a_time_after_the_participle_of_an_agreement_dates_the_agreement():
    assert span("Chad flew troops into Niger as part of a border treaty ratified in March.", "2024-05-10") is None
    assert span("Rebel forces withdraw from the port under a truce agreed on Sunday.", "2024-05-10") is None
    # the event's own time before the agreement is kept
    assert span("Rebel forces withdrew from the port on Sunday under a truce.", "2024-05-10") == (
        "2024-05-05", "2024-05-05", "day")


def test_a_relative_clause_that_carries_the_event_on_dates_it():
    assert dates("Dutch troops arrive in Latvia for exercises which will last until May 20.", "2024-05-10")[-1] == (
        "exercises", "2024-05-10", "2024-05-20")


def test_a_vague_time_to_come_dates_the_event_from_the_publication_day_with_no_end():
    # "soon", "within days", "in the coming weeks" name no calendar bound (FUTURE_REF or PXD in
    # TimeML): the event is dated from the publication day on, no end invented
    for text in ("Spain will withdraw its frigates from the gulf within days.",
                 "Spain will deploy more frigates to the gulf in the coming weeks.",
                 "Spain will deploy more frigates to the gulf soon.",
                 "Spain will pull its frigates out of the gulf in the next few months."):
        assert span(text, "2024-05-10") == ("2024-05-10", None, "day"), text
    assert span("Spain will withdraw its frigates from the gulf within two weeks.", "2024-05-10") == (
        "2024-05-10", "2024-05-24", "day")
    # not a time of its own: "soon after" counts from another event; "the future" is no near time
    assert span("Spain will withdraw its frigates from the gulf soon after the vote.", "2024-05-10") is None
    assert span("Spain says the dispute will not affect future naval drills with Italy.", "2024-05-10") is None
    # put off to no time named: "at a later date" gives the event no date
    assert dates("Some of the frigates leave today; the others will withdraw from the gulf at a later date.",
                 "2024-05-10") == [("leave", "2024-05-10", "2024-05-10"), ("withdraw", None, None)]


def test_until_a_month_gone_by_in_a_clause_still_to_run_is_next_years():
    # written in June: "until March" that is still to come is next March, from the publication day
    assert span("The Belgian deployment in Estonia will last until March.", "2024-06-12") == (
        "2024-06-12", "2025-03", "month")
    assert span("Belgian paratroopers will keep up their drills in Estonia until April.", "2024-06-12") == (
        "2024-06-12", "2025-04", "month")
    # told as past, or with its year: as written, with no start
    assert span("Belgian paratroopers kept up their drills in Estonia until April.", "2024-06-12") == (
        None, "2024-04", "month")
    assert span("The Belgian deployment in Estonia will last until March 2024.", "2024-06-12") == (
        None, "2024-03", "month")


def test_a_time_in_a_relative_clause_set_off_before_the_trigger_dates_that_clause():
    assert span("After the border war, which ended in 2009, Peru deployed troops along the river.",
                "2024-05-10") is None
    assert span("Chile broke the accord—which it ratified in 2016—by supplying rifles to the rebels.",
                "2024-05-10") is None
    assert dates("Chile, which sent troops to Peru, Bolivia and Ecuador in 2016, will withdraw them.",
                 "2024-05-10")[-1] == ("withdraw", None, None)


def test_a_time_past_the_relative_clause_that_holds_the_trigger_dates_the_main_clause():
    assert span("Chile, which has 900 soldiers deployed in Haiti, wants new elections held there soon.",
                "2024-05-10") is None


def test_a_time_past_a_condition_or_time_clause_dates_that_clause():
    assert span("Peru will withdraw its troops from the valley if the rebels disarm within weeks.",
                "2024-05-10") is None
    assert span("The council debates sending peacekeepers to the province when it votes on Friday.",
                "2024-05-10") is None


def test_a_time_after_the_noun_of_another_event_dates_that_event():
    assert span("Baltic defence ministers discussed the naval drills at a meeting in Riga on Thursday.",
                "2024-05-10") is None
    assert span("Peru deployed 2,000 soldiers to Cusco to hunt the suspects in the killing of a judge on Monday.",
                "2024-05-10") is None
    # a word that ties the two in time keeps it; so does a noun that is a verb, or one that only qualifies
    assert span("Chile will pull its troops out of the valley before the elections in October.",
                "2024-05-10") == ("2024-10", "2024-10", "month")
    assert span("Rebel units will move troops to the border to attack on Saturday.", "2024-05-10") == (
        "2024-05-11", "2024-05-11", "day")
    assert span("Peru held naval drills near the summit venue on Monday.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")


def test_the_time_of_a_verb_that_talks_about_the_event_is_not_its_date():
    assert span("Opposition leaders on Tuesday criticised the deployment of marines to Lima.", "2024-05-10") is None
    assert span("Baltic defence ministers discussed the naval drills on Thursday.", "2024-05-10") is None
    # the trigger's own time is kept: a possessive, a modifier, a verb that times it, an ongoing event
    assert span("Peru condemned Monday's naval drills off its coast.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")
    assert span("Peru condemned the 2019 withdrawal of Chilean troops from the valley.", "2024-05-10") == (
        "2019", "2019", "year")
    assert span("Peru condemned the naval drills held off its coast on Monday.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")
    assert span("The rebel leader on Sunday praised the ongoing withdrawal of the foreign troops.",
                "2024-05-12") == ("2024-05-12", "2024-05-12", "day")


def test_a_past_time_before_a_planned_event_dates_the_plan():
    assert span("The assembly last month approved a mission of 800 soldiers to be deployed in the valley.",
                "2024-05-10") is None
    assert span("The senate approved in March a plan to withdraw the marines by the end of the year.",
                "2024-05-10") == ("2024", "2024", "year")
    # a time still to come, or the trigger's own, is kept
    assert span("The assembly next week will vote on sending 800 soldiers to the valley.", "2024-05-10") == (
        "2024-05-13", "2024-05-19", "week")
    assert span("Chile will carry out last year's planned withdrawal of its marines.", "2024-05-10") == (
        "2023", "2023", "year")


def test_a_past_time_does_not_date_an_event_still_to_come():
    # a possible event in an infinitive: the past time is the saying's
    assert span("In March 2023, the president said Peru may have to ask Chile to deploy troops to the border.",
                "2024-05-10") is None
    # a past participle after the trigger: the time is the participle's
    assert span("Peru will hold live-fire drills near an island shelled by the rebels last month.",
                "2024-05-10") is None
    # a possessive on another noun
    assert span("Reacting to yesterday's announcement by Chile on the withdrawal of its marines, Peru says ...",
                "2024-05-10") is None
    # an attempt under way keeps its time
    assert span("On Monday night the rebels were trying to infiltrate the town from Chile, the governor said.",
                "2024-05-10") == ("2024-05-06", "2024-05-06", "day")


def test_a_deadline_named_without_a_year_is_not_months_gone_by():
    # the clause is past, so the tagger reads September as last year's; a deadline is the coming one,
    # and an event told as past is not dated after publication: no date rather than last year's
    assert span("Night raids have risen since Chilean brigades started to withdraw from the valley before the "
                "agreed deadline of September 11.", "2024-05-10") is None


def test_the_time_of_a_report_does_not_date_an_event_it_tells_in_the_past_perfect():
    assert span("In a speech late on Sunday, the president defended the move by saying troops had been "
                "deployed there by the last government.", "2024-05-10") is None
    # a deadline before it is kept
    assert span("By Monday, the rebels had withdrawn from the town.", "2024-05-10") == (
        "2024-05", "2024-05", "month")


def test_a_time_of_another_events_noun_before_the_trigger_is_not_the_events():
    assert span("In a speech on Wednesday by the border, the premier said Peru must be ready for more troop pullouts "
                "from the valley.", "2024-05-10") is None
    assert span("After Thursday's talks the envoy called the dispatch of Chilean marines to the coast a turning "
                "point.", "2024-05-10") is None
    # a deadline tied to a trip keeps its time
    assert span("Chile's envoy flies to Lima ahead of a June 1 deadline for Chile to pull its brigades out of the "
                "valley.", "2024-05-10") == ("2024-06-01", "2024-06-01", "day")


def test_a_demand_or_condition_between_the_time_and_the_trigger_takes_the_time():
    assert span("The party leader urged Chilean officials on Monday not to withdraw troops from the valley.",
                "2024-05-10") is None
    assert span("The premier told parliament on Wednesday that if it rejects sending troops to the valley he "
                "would resign.", "2024-05-10") is None
    # the trigger's own modifier is kept
    assert span("The commission will call for a 2026 withdrawal of Chilean troops from the valley.",
                "2024-05-10") == ("2026", "2026", "year")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duration with a start gives the end, whatever the order
        ("Chile will hold naval drills off Arica for two weeks starting May 20.", ("2024-05-20", "2024-06-02", "day")),
        ("Chile will hold naval drills off Arica for ten days from Monday.", ("2024-05-13", "2024-05-22", "day")),
        # a duration with no start leaves the date to the time there is
        ("Chile held naval drills off Arica for three days last week.", ("2024-04-29", "2024-05-05", "week")),
        # a start and an end joined by "until", "through" or a verb that ends the event
        ("Chile will hold naval drills off Arica starting Monday until Friday.", ("2024-05-13", "2024-05-17", "day")),
        ("Chile will hold naval drills off Arica from Monday through Friday.", ("2024-05-13", "2024-05-17", "day")),
        ("Chile will hold naval drills off Arica beginning May 20 and ending May 25.",
         ("2024-05-20", "2024-05-25", "day")),
    ],
)
def test_ranges_and_durations(text, expected):
    assert span(text, "2024-05-10") == expected  # a Friday


def test_a_scheduled_weekday_of_a_planned_event_in_a_past_report_is_the_next_one():
    text = "The navy said crews were busy preparing for the frigate Loa's arrival, due Tuesday."
    assert span(text, "2024-05-12") == ("2024-05-14", "2024-05-14", "day")  # written on a Sunday


def test_more_vague_times_ahead_and_deadlines():
    assert span("Kenyan peacekeepers will land on the islands in a few days, the bloc says.", "2024-05-10") == (
        "2024-05-10", None, "day")
    assert span("Chile pledges 4,500 troops to the valley over the next few months.", "2024-05-10") == (
        "2024-05-10", None, "day")
    # a past span is none
    assert span("Chile held naval drills off Arica for several days.", "2024-05-10") is None
    # a deadline noun after the time: the event's limit, not another noun's time
    assert span("Chilean forces are to withdraw completely from the valley to an October 10 deadline.",
                "2024-05-10") == ("2024-10-10", "2024-10-10", "day")
    # a relative clause right after the trigger that is to start it times it
    assert span("Peru may pull out of a naval exercise with Chile that is to begin on Tuesday.", "2024-05-10") == (
        "2024-05-14", "2024-05-14", "day")


def test_a_time_before_against_or_about_the_trigger_is_the_acts():
    assert span("Thousands rallied in Lima on Sunday against the deployment of Chilean troops.", "2024-05-10") is None
    assert span("The senate voted on Tuesday against sending troops to the valley.", "2024-05-10") is None
    # the trigger before the phrase keeps its time
    assert span("Chile held naval drills on Monday against a simulated invasion.", "2024-05-10") == (
        "2024-05-06", "2024-05-06", "day")


def test_time_given_to_do_the_event_and_hours_run_from_the_publication_day():
    assert span("Peru gives Chile 48 hours to pull its brigades out of the valley.",
                "2024-05-10") == ("2024-05-10", "2024-05-12", "day")
    assert span("The premier ordered all Chilean forces to leave within 24 hours.", "2024-05-10") == (
        "2024-05-10", "2024-05-11", "day")
    # a span of days after "for an", then its first day: the start and the span
    assert span("The council will extend the mobilization of reservists for an extra 90 days beginning on "
                "June 12.", "2024-05-10") == ("2024-06-12", "2024-09-09", "day")


def test_a_time_after_a_conversation_is_the_conversations():
    assert span("The two leaders told the envoy in phone conversations last week that Chile has sent 900 troops "
                "to the border.", "2024-05-10") is None


def test_a_vague_time_of_talks_about_the_event_is_the_talks():
    assert span('The ministry said it would hold a new round of talks "quite soon" on Chile\'s missile sales to Peru.',
                "2024-05-10") is None


@pytest.mark.parametrize(
    "text",
    [
        "The army said Belarusian naval drills will continue until June.",
        "Belarusian naval drills will continue until June, the army said.",
        "The army said Belarusian naval drills are set to continue until June.",
    ],
)
def test_a_reported_clause_with_its_own_future_auxiliary_is_future(text):
    # published in late July: June is next year's, whether the reporting verb comes first or last
    assert span(text) == ("2021-07-28", "2022-06", "month")


def test_a_time_past_a_reporting_participle_dates_the_report_not_the_event():
    assert dates("The envoy spoke after the marines withdrew, stressing here Monday that talks would go on.") == [
        ("withdrew", None, None)]
    assert span("The marines withdrew on Monday, saying the port was calm.") == ("2021-07-26", "2021-07-26", "day")


def test_a_present_progressive_with_a_month_well_back_is_next_years():
    # written in late July: an arrangement for March is next March, a past sending last March
    assert span("Poland is sending troops to the border in March.") == ("2022-03", "2022-03", "month")
    assert span("Poland sent troops to the border in March.") == ("2021-03", "2021-03", "month")
    assert span("Poland is sending troops to the border in August.") == ("2021-08", "2021-08", "month")


def test_a_month_start_beside_a_weekday_of_the_report_is_read_without_error():
    # the weekday read back from a month-precision start used to raise ValueError
    assert span("Russian troops will begin withdrawing in March, the spokesman told reporters Monday.",
                published="2021-07-28") == ("2022-03", "2022-03", "month")


def test_a_set_off_relative_clause_running_the_event_until_a_month_starts_on_the_publication_day():
    assert span("The naval drills, which will run until October, involve 40 ships.") == (
        "2021-07-28", "2021-10", "month")


def test_a_duration_past_due_to_belongs_to_the_cause_not_the_event():
    # "for 60 days" measures the siege, so the sending gets no 60-day span
    assert span("Marines were sent to the port on Monday due to it being under blockade for 60 days.") == (
        "2021-07-26", "2021-07-26", "day")


def test_a_deadline_month_just_over_in_a_clause_still_to_come_is_next_years():
    # written in late July: "by June" in a future clause is next June; told in the past, this June
    assert span("Russian troops will leave Belarus by June.") == ("2022-06", "2022-06", "month")
    assert span("Russian troops left Belarus by June.") == ("2021-06", "2021-06", "month")


def test_a_time_in_an_opening_participle_phrase_dates_the_report():
    # the report's Monday dates an event under way, not one over before it
    assert span("Speaking on Monday, the general said Russia was massing troops near the border.") == (
        "2021-07-26", "2021-07-26", "day")
    assert span("Speaking on Monday, the general said Russia had massed troops near the border.") is None


def test_the_baseline_of_a_comparison_dates_no_event():
    # a figure compared with an earlier one: "from last month", "than a year ago" time the figure
    assert span("Backing for a drawdown of troops in the region stood at 48 percent, up three percentage points"
                " from last month.") is None
    assert span("The navy has more warships deployed in the gulf than a year ago.") is None
    assert span("The navy deployed more warships in the gulf a year ago.") == ("2020", "2020", "year")
    # "no later than" sets a deadline
    assert span("The navy must withdraw its warships from the gulf no later than August 20.") == (
        "2021-08", "2021-08", "month")


def test_a_month_just_gone_in_a_clause_told_in_the_future_is_next_years():
    # written in late July: May and June are over, so a plan for them is for next year
    assert span("Chile will hold naval drills with Peru in May.") == ("2022-05", "2022-05", "month")
    assert span("Chile said it would hold naval drills with Peru in June.") == ("2022-06", "2022-06", "month")
    # not when the plan is told as past, or the sentence gives the plan an earlier month
    assert span("Chile held naval drills with Peru in May.") == ("2021-05", "2021-05", "month")
    assert span("Chile was to hold naval drills with Peru in June.") == ("2021-06", "2021-06", "month")
    assert span("In April, Chile said it would hold naval drills with Peru in June.") == (
        "2021-06", "2021-06", "month")
    # the month of publication is this one
    assert span("Chile will hold naval drills with Peru in July.") == ("2021-07", "2021-07", "month")


def test_a_relative_clause_told_in_the_future_runs_to_next_years_month_after_a_past_report():
    # late July: "until June" in "which will run until June" is next June, though "said" is past
    text = "The navy said on Monday that the naval drills, which will run until June, would involve six frigates."
    assert span(text) == ("2021-07-28", "2022-06", "month")
    # told as over, the month is this year's and the start is not given
    assert span("The navy said on Monday that the naval drills, which ran until June, involved six frigates.") == (
        None, "2021-06", "month")


def test_a_time_before_a_trigger_told_as_still_ahead_dates_the_verb_that_mentions_it():
    # "upcoming", "future": the event comes after the docking or the remark
    assert span("The USS Mason put in at the harbour of Aden on Wednesday for an upcoming combined rescue drill"
                " with Yemen.") is None
    assert span("The army chief on Wednesday voiced confidence that the scandal would not hurt future military"
                " exercises with Japan.") is None
    # its own time after it, or its possessive, still dates it
    assert span("The upcoming naval drills with Japan will start on Monday.") == ("2021-08-02", "2021-08-02", "day")
    assert span("Monday's upcoming naval drills will involve 3,000 sailors.") == ("2021-08-02", "2021-08-02", "day")


def test_a_time_before_a_phrase_of_preparing_for_the_trigger_dates_the_preparation():
    assert span("The USS Mason put in at the harbour of Aden on Wednesday to get ready for a combined rescue drill"
                " with Yemen.") is None
    assert span("The USS Mason put in at the harbour of Aden to get ready for a combined rescue drill"
                " with Yemen on Friday.") == ("2021-07-30", "2021-07-30", "day")


def test_a_relative_clause_that_ends_a_qualified_trigger_gives_its_last_day():
    # the duration on the trigger gives the first day back from the end the clause names
    text = "Thai and Lao units joined a four-day combined drill, which wrapped up here on Monday, a spokesman added."
    assert span(text) == ("2021-07-23", "2021-07-26", "day")
    text = "Thai and Lao units joined a combined drill, which officially began on Monday, a spokesman added."
    assert span(text) == ("2021-07-26", "2021-07-26", "day")
    # a clause of another verb does not time it
    text = "Thai and Lao units joined a four-day combined drill, which was approved on Monday, a spokesman added."
    assert span(text) is None


def test_a_trigger_after_a_preposition_of_time_takes_no_reporting_date():
    # the withdrawal is when the violence happened; the report's Tuesday is not its date
    assert span("Five youths were barred from the army over violence during the Israeli withdrawal from Gaza,"
                " a newspaper reported on Tuesday.") is None
    # an event the report tells as done takes the report's day
    assert span("Israel has completed its withdrawal from the northern West Bank, a newspaper reported on Tuesday.") \
        == ("2021-07-27", "2021-07-27", "day")


def test_a_time_past_a_verb_of_sequence_after_the_trigger_is_the_other_events():
    # "follows", "preceded": what comes after the verb is another event, with its own time
    assert span("The German withdrawal from Lithuania followed a ruling on Monday by a court.") is None
    assert span("The German withdrawal from Lithuania was preceded by talks on Monday in Vilnius.") is None
    assert span("The German withdrawal from Lithuania began on Monday.") == ("2021-07-26", "2021-07-26", "day")


def test_a_time_in_a_relative_clause_closed_by_a_comma_before_the_trigger_is_that_clauses():
    # opened without a comma, closed by one: the war ended in 2009, the force was sent later
    assert span("At the height of the border war which finally ended in 2009, the UN deployed its largest force"
                " in Chad.") is None
    assert span("At the height of the border war in 2009, the UN deployed its largest force in Chad.") == (
        "2009", "2009", "year")


def test_a_year_before_a_noun_that_governs_the_trigger_is_that_nouns():
    # "the 1992 arms embargo to ...": the embargo's year, not the sending's
    assert span("The 1992 arms embargo to stop rebels from moving fighters into the province was broken.") is None
    # a year on nouns that qualify the trigger still dates it
    assert span("The 1999 troop withdrawal from Moldova was slow.") == ("1999", "1999", "year")
    # a noun of timing passes its time on
    assert span("The minister said the May 2022 timetable to begin withdrawing the brigade holds.") == (
        "2022-05", "2022-05", "month")


def test_a_participle_after_a_verb_does_not_hide_a_later_one_that_qualifies_a_noun():
    # "and pressed" is a verb; "consultations ... started a year ago" qualifies the consultations
    assert span("Officials have long voiced worry about Iranian missile exports to Sudan and pressed Tehran"
                " to keep up consultations on the matter started a year ago in Oman.") is None
    assert span("Iran resumed missile exports to Sudan a year ago.") == ("2020", "2020", "year")


def test_a_deadline_after_a_participle_in_the_object_of_an_earlier_trigger_ends_that_trigger():
    # the brigade is not "stationed by June": the withdrawal is due by then
    assert dates("Chad will pull out half of its soldiers stationed in Niger by August 30, the army says.") == [
        ("pull out", "2021-08", "2021-08"), ("stationed", None, None)]
    # a participle after an auxiliary is the verb itself
    assert span("All the soldiers were stationed in Niger by June 2021.") == ("2021-06", "2021-06", "month")


def test_a_start_verb_before_the_trigger_and_a_later_end_day_make_a_range():
    # "began drills on Monday that will run until Friday": Monday to Friday
    assert span("China began naval drills near Taiwan on Monday that will run until Friday.") == (
        "2021-07-26", "2021-07-30", "day")
    # a later day of another verb is no end
    assert span("China held naval drills on Monday that were criticised on Friday.") == (
        "2021-07-26", "2021-07-26", "day")


def test_the_time_a_when_clause_hangs_on_dates_the_event_it_tells():
    # "since 2015, when ...": the clause tells what happened in 2015
    assert span("The insurgents have fought Chadian troops since 2015, when the government sent soldiers into Niger"
                " to hunt them.") == ("2015", "2015", "year")
    # a trigger past a break after the clause is not in it
    assert span("Clashes began in 2015, when rebels seized the town, and the army later sent soldiers to Niger.") \
        is None
    # nor when the trigger is in a clause nested in the "when" clause
    text = "Talks in Doha collapsed in March when the rebels refused to negotiate until Chad withdrew its troops."
    assert span(text) is None


def test_a_duration_that_qualifies_another_noun_does_not_hide_the_events_day():
    # "a 60-day patrol" measures the patrol; the arrival is dated by its Monday, with no 60-day span
    assert span("The frigate ended a 60-day patrol and arrived at the naval port of Qingdao on Monday.") == (
        "2021-07-26", "2021-07-26", "day")


def test_a_time_inside_an_opening_phrase_after_a_comma_dates_what_the_phrase_names():
    # "since his death in May 2019": the death's time, not the pullout's
    text = ("Analysts said, since the leader's death in a Paris clinic in May 2019, the region has seen much change,"
            " including the Turkish pullout of troops.")
    assert span(text) is None
    # a time right after the opener is the span itself
    assert span("Analysts said, since May 2019, Turkey has pulled troops out of the region.") == (
        "2019-05", None, "month")


def test_a_time_before_the_that_of_a_clause_dates_what_opens_it_not_the_event():
    # the time dates the telling or the signal; a plan told in the clause has no time of its own
    # (told on the publication day, a Monday, which a plan's time may be)
    monday = "2021-07-26"
    assert span("The premier told his cabinet on Monday that Poland was willing to withdraw its troops from Slovakia.",
                monday) is None
    assert span("Officials gave clear signals Monday that the navy may pull its frigates out of the strait.",
                monday) is None
    # an event told as happening takes the report's time, as with "said on Monday that"
    assert span("The premier told his cabinet on Monday that troops were withdrawing from the border.", monday) == (
        monday, monday, "day")
    # a time in the clause itself still dates the event
    assert span("The premier told his cabinet on Monday that the troops will withdraw in August.", monday) == (
        "2021-08", "2021-08", "month")


def test_the_reporting_date_does_not_date_an_event_told_in_the_perfect():
    # done by the time of the report, at a time the sentence does not give
    assert span("A Polish engineering unit has arrived in the Latvian port of Liepaja, officials said Monday.") is None
    assert span("Officials said Monday that Polish troops have withdrawn from the Latvian border.") is None
    # told as going on, it takes the report's day
    assert span("Polish troops are withdrawing from the Latvian border, officials said Monday.") == (
        "2021-07-26", "2021-07-26", "day")


def test_by_the_year_end_is_a_deadline_of_month_precision_as_by_year_end():
    for text in ("Denmark will pull its frigates out of the gulf by year-end.",
                 "Denmark will pull its frigates out of the gulf by the year-end."):
        assert span(text) == ("2021-12", "2021-12", "month"), text


def test_a_time_after_a_reporting_verb_and_its_object_dates_the_report():
    monday = "2021-07-26"
    # a plan told after "told reporters on Monday" has no date of its own
    assert span("The premier told reporters on Monday the country was willing to withdraw its troops from Slovakia.",
                monday) is None
    # an event told as going on takes the report's day, as after "said on Monday"
    text = "The Polish army has started withdrawing its troops from Slovakia, a statement said here on Monday."
    assert span(text, monday) == (monday, monday, "day")
    # not when the words after the verb begin the time's own phrase ("says the July 2022 timetable")
    assert span("The minister says the July 2022 timetable to start withdrawing Polish troops from Slovakia holds.",
                monday) == ("2022-07", "2022-07", "month")


def test_a_time_past_the_main_verb_does_not_date_a_participle_qualifying_the_subject():
    # the Monday is the wounding's: the soldiers were stationed there before
    assert span("Norwegian soldiers stationed in the valley were wounded on Monday by a roadside mine.") is None
    assert span("Danish frigates deployed off the coast have been fired on twice this month.") is None
    # a time before the main verb is the participle's own
    assert span("Norwegian soldiers deployed to the valley in 2019 were wounded by a mine.") == ("2019", "2019", "year")
    # a participle after an auxiliary is the verb itself
    assert span("The Norwegian soldiers were stationed in the valley on Monday.") == (
        "2021-07-26", "2021-07-26", "day")
    # a second verb of the same subject shares the time
    assert span("Norwegian troops moved into the valley and were greeted by villagers on Monday.") == (
        "2021-07-26", "2021-07-26", "day")


def test_in_under_or_less_than_a_span_is_a_bound_as_within():
    # "in under five days": from the publication day to five days on, not the fifth day
    assert span("The brigade will withdraw from the valley in under five days.") == (
        "2021-07-28", "2021-08-02", "day")
    assert span("The brigade will withdraw from the valley in less than two weeks.") == (
        "2021-07-28", "2021-08-11", "day")
    # "in five days" stays a point
    assert span("The brigade will withdraw from the valley in five days.") == ("2021-08-02", "2021-08-02", "day")


def test_a_span_counted_from_the_publication_day_does_not_date_an_event_told_as_past():
    # "withdrew within five days": five days from a start the sentence does not give
    assert span("The brigade withdrew from the valley within five days.") is None
    assert span("The brigade withdrew from the valley in under five days.") is None
    # told as still to come, it runs from the publication day
    assert span("The brigade will withdraw from the valley within five days.") == (
        "2021-07-28", "2021-08-02", "day")


def test_a_time_right_after_fighting_or_a_ceasefire_dates_that_not_the_event():
    # an appositive of the place: the clashes are this week's, not the deployment's
    assert span("Kenyan troops are deployed in Kismayo, the scene of fierce clashes this week.") is None
    # a word that ties the event to the truce keeps its time
    assert span("Kenyan troops pulled back from the town during the truce on Sunday.") == (
        "2021-07-25", "2021-07-25", "day")


def test_a_time_past_an_apposition_holding_the_trigger_dates_the_main_clause():
    # the troops were deployed before; Monday is the resignation's
    assert span("General Okoro, the commander of the troops deployed in the valley, resigned on Monday.") is None
    # the apposition's head is the subject: the main clause tells of it
    assert span("Operation Lantern, the deployment of Irish soldiers in the valley, ends on Friday.") == (
        "2021-07-30", "2021-07-30", "day")
    # an opening phrase is no name
    assert span("On the ridge, the troops deployed in the valley, firing flares on Monday.") == (
        "2021-07-26", "2021-07-26", "day")


def test_a_time_before_a_participle_qualifying_a_noun_in_a_later_phrase_dates_the_main_clause():
    # the villages were abandoned before, at a time the sentence does not give
    assert span("Jets later struck, in March, depots in villages abandoned by the militia.") is None
    assert ("stationed", None, None) in dates("The army sent food on Monday to soldiers stationed near the border.")
    # a participle after its subject's phrase, with no verb before, is the main verb
    assert span("Later, on Monday, troops from Chad deployed to the border.") == ("2021-07-26", "2021-07-26", "day")
    assert span("Later, on Monday, hundreds of troops deployed to the border.") == ("2021-07-26", "2021-07-26", "day")
