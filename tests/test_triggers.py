"""Trigger finding: anchors only save time, several rules may claim the same words, police
count only against an armed threat."""

import dataclasses

import pytest

from geoevents import extract
from geoevents.document import Document
from geoevents.knowledge import packaged
from geoevents.pipeline import extract_document
from geoevents.triggers import TriggerLexicon, load_lexicon

LEXICON = load_lexicon()
TEXTS = [text for rule in LEXICON.rules for text in (*rule.examples, *rule.counterexamples)]


def test_anchors_change_no_event(dct):
    """Anchored types skip texts without their anchor words: the events found must not change."""
    anchored = [[(e.type, e.rule, e.trigger.start) for e in extract(text, published=dct)] for text in TEXTS]
    unanchored = dataclasses.replace(packaged(), lexicon=TriggerLexicon(LEXICON.rules, LEXICON.exclusions))
    plain = [[(e.type, e.rule, e.trigger.start)
              for e in extract_document(Document(text, published=dct), knowledge=unanchored)] for text in TEXTS]
    assert anchored == plain


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Rebel fighters moved into the valley overnight.", "movement"),
        ("The army moved two brigades into the valley overnight.", "deployment"),
        ("Germany will send 14 Leopard tanks to Ukraine.", "arms_transfer"),
        ("Britain is sending six fighter jets to Cyprus.", "deployment"),
        ("Police were deployed to the town after militants attacked a checkpoint.", "deployment"),
    ],
)
def test_the_rule_that_fits_the_context_wins(text, event_type, dct):
    assert [e.type for e in extract(text, published=dct)] == [event_type]


@pytest.mark.parametrize(
    "text",
    [
        "Riot police were deployed in the capital to break up a protest against the military leader.",
        "Two thousand security forces are deployed around the march.",
    ],
)
def test_police_against_protesters_are_no_deployment(text, dct):
    assert extract(text, published=dct) == []


def test_types_select_among_rules_claiming_the_same_words(dct):
    text = "Rebel fighters moved into the valley overnight."
    assert [e.type for e in extract(text, published=dct, types=["movement"])] == ["movement"]
    assert extract(text, published=dct, types=["deployment"]) == []


@pytest.mark.parametrize("text", [
    "Leaders of the Movement for Democratic Forces met in Dakar on Monday.",
    "Spain created a Rapid Deployment Brigade for overseas missions.",
])
def test_a_trigger_inside_a_name_is_no_event(text, dct):
    assert extract(text, published=dct) == []


@pytest.mark.parametrize("text", [
    "Brazil To Withdraw Troops From Haiti, Minister Says",
    "India held the Malabar Joint Naval Exercise with Japan last month.",
])
def test_title_case_headlines_and_named_exercises_keep_their_events(text, dct):
    assert extract(text, published=dct)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("The private military company Wagner withdraws its fighters from Mali.", ["WAGNER"]),
        ("The company said Russian troops withdrew from Kherson overnight.", ["RUS"]),
        ("Residents say Ethiopian soldiers left the town of Adigrat.", ["ETH"]),
    ],
)
def test_a_company_or_civilians_named_before_forces_that_withdraw_veto_nothing(text, actors, dct):
    """The civilian and company exclusions stop at a force noun and spare military companies."""
    events = [e for e in extract(text, published=dct) if e.type == "withdrawal"]
    assert [[a.code for a in e.actors] for e in events] == [actors]


@pytest.mark.parametrize(
    ("text", "event_type", "actors", "status"),
    [
        ("Shops reopened after the departure of Turkish soldiers from the valley.", "withdrawal", ["TUR"], "occurred"),
        ("The council ordered all Kenyan troops to depart within a week.", "withdrawal", ["KEN"], "planned"),
        ("The French navy evacuates a detachment of marines from the port.", "withdrawal", ["FRA"], "occurred"),
        ("The town fell soon after the evacuation of Nigerian peacekeepers.", "withdrawal", ["NGA"], "occurred"),
        ("Italy will halve its troop commitment in the region.", "withdrawal", ["ITA"], "planned"),
        ("Indian troops and tanks gathered along the frontier on Friday.", "deployment", ["IND"], "occurred"),
    ],
)
def test_departures_evacuations_and_gatherings_of_forces(text, event_type, actors, status, dct):
    events = extract(text, published=dct)
    assert [(e.type, [a.code for a in e.actors], e.status) for e in events] == [(event_type, actors, status)]


@pytest.mark.parametrize(
    "text",
    [
        "The motorcade was stopped by soldiers as it departed the square.",
        "Soldiers depart for the front line tomorrow.",
        "The evacuation of injured soldiers by helicopter took two hours.",
        "Families of the soldiers gathered at the memorial on Sunday.",
    ],
)
def test_no_withdrawal_or_deployment_in_these_departures(text, dct):
    assert extract(text, published=dct) == []


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Morocco agreed to withdraw from northern Mauritania.", [("withdrawal", ["MAR"], ["Mauritania"])]),
        ("Uganda pulled out of the restive northern Somalia.", [("withdrawal", ["UGA"], ["Somalia"])]),
        ("The retailer withdraws from southern Spain.", []),
        ("The carmaker withdraws from the Russian market.", []),
    ],
)
def test_a_place_withdrawn_from_may_follow_a_compass_word(text, events, dct):
    found = [(e.type, [a.code for a in e.actors], [p.name for p in e.locations]) for e in extract(text, published=dct)]
    assert found == events


@pytest.mark.parametrize(
    ("text", "actors", "places"),
    [
        ("Uganda pulls out of Somalia.", ["UGA"], ["Somalia"]),
        ("Kenya says it will start pulling out of Somalia in March.", ["KEN"], ["Somalia"]),
    ],
)
def test_a_state_pulling_out_of_a_place_withdraws(text, actors, places, dct):
    found = [(e.type, [a.code for a in e.actors], [p.name for p in e.locations]) for e in extract(text, published=dct)]
    assert found == [("withdrawal", actors, places)]


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet moves to punish officers who skipped the parade.",
        "The league team is moving to the western conference next season.",
        "Aid policy will shift towards paying the militia commanders directly.",
        "The airline moves to a fleet of smaller jets in the spring.",
    ],
)
def test_moving_to_an_aim_or_a_place_without_forces_as_object_is_no_deployment(text, dct):
    assert [e for e in extract(text, published=dct) if e.type == "deployment"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials reported armored columns moving into the town overnight.",
        "Syria moved two armoured brigades to the Turkish border.",
        "Some of the Dutch troops will be moved to Jordan.",
    ],
)
def test_forces_moved_or_moving_remain_deployments(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "Denmark will send further military aid to Ukraine, including artillery shells.",
        "Estonia is sending Javelin missiles, 122 mm howitzers, and artillery rounds to the Ukrainian army.",
    ],
)
def test_military_aid_and_listed_weapons_sent_to_a_party_are_arms_transfers(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["arms_transfer"]


@pytest.mark.parametrize(
    "text",
    [
        "Navy Admiral Grace Holloway arrived in Manila for talks with the defence ministry.",
        "The head of the paramilitary group, Omar Haddad, has arrived in Tripoli.",
    ],
)
def test_an_officer_or_leader_arriving_is_a_visit_not_a_deployment(text, dct):
    assert [e for e in extract(text, published=dct) if e.type == "deployment"] == []


def test_a_generals_troops_arriving_are_still_a_deployment(dct):
    text = "General Okoro's troops arrived in the northern town on Friday."
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "Burning fuel tanks sent flames across the depot, the fire service said.",
        "Hurricane-force winds and storm surges battered the island on Monday.",
        "Tropical-storm-force winds and storm surges are expected on the coast.",
        "Norway will send its whaling fleet back to the Arctic in May.",
        "Moscow is sending two passenger planes to Beirut to fly its citizens home.",
        "Rescuers say emergency personnel are arriving in the flooded valley.",
    ],
)
def test_a_modifier_that_makes_the_force_noun_civil_leaves_no_event(text, dct):
    assert [e for e in extract(text, published=dct) if e.type == "deployment"] == []


def test_tanks_of_an_army_remain_a_force(dct):
    text = "The army sent 40 tanks to the border town on Monday."
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers' families arrived at the airport to greet them.",
        "The army's chief arrived in the capital on Monday.",
    ],
)
def test_a_possessive_force_noun_before_a_non_force_word_is_no_force(text, dct):
    assert [e for e in extract(text, published=dct) if e.type == "deployment"] == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Georgia calls up 5,000 army reservists after the border clash.", "occurred"),
        ("The president orders troops to the northern border.", "planned"),
    ],
)
def test_call_ups_of_reservists_and_orders_of_troops_to_a_place_are_deployments(text, status, dct):
    assert [(e.type, e.status) for e in extract(text, published=dct)] == [("deployment", status)]


def test_called_up_reserves_of_a_team_are_no_deployment(dct):
    assert extract("The coach called up two reserves for the final.", published=dct) == []


@pytest.mark.parametrize(
    "text",
    [
        "After years of war against rebel forces, the president did not say when he would leave.",
        "The officer was welcomed by Dutch forces at the gate when she arrived at the camp.",
    ],
)
def test_a_person_as_subject_of_leave_or_arrive_is_no_force(text, dct):
    assert [e for e in extract(text, published=dct) if e.type in ("deployment", "withdrawal")] == []


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("The gunmen seized the college and kept forty students captive for hours before withdrawing.", ["withdrawal"]),
        ("A final convoy carrying rebels and civilians has left the encircled suburb.", ["withdrawal"]),
        ("The militia is accused of preventing people from leaving the besieged town.", []),
    ],
)
def test_civilians_leaving_are_no_withdrawal_but_forces_beside_them_are(text, events, dct):
    assert [e.type for e in extract(text, published=dct)] == events


def test_an_officer_to_be_stationed_abroad_remains_a_deployment(dct):
    text = "A Turkish military officer will be stationed in Qatar as part of the new coalition."
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("UN police were forced to retreat from the northern districts after clashes with protesters.", []),
        ("Iraqi security forces withdrew from the border crossing, letting the militants seize it.", ["withdrawal"]),
    ],
)
def test_police_pulling_back_is_no_withdrawal_but_security_forces_may_be(text, events, dct):
    assert [e.type for e in extract(text, published=dct)] == events


@pytest.mark.parametrize("text", [
    "The US deployed troops to the Gulf in 1990.",
    "The navy deployed two frigates to the strait on Monday.",
    "The Bundeswehr stationed 400 soldiers in Lithuania last year.",
    "The Department of Defense deployed 300 troops to the border.",
    "In 2019 Turkey deployed soldiers to northern Syria.",
])
def test_a_subject_before_the_participle_keeps_the_deployment(text, dct):
    """A participle qualifying forces is vetoed ("the newly deployed troops"); a state or force
    named between a determiner and the same word is the subject of a real deployment."""
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize("text", [
    "The newly deployed troops patrolled the market.",
    "Thousands of Ukrainian mobilized men waited at the depot.",
])
def test_a_participle_before_forces_is_no_deployment(text, dct):
    assert [e.type for e in extract(text, published=dct) if e.type == "deployment"] == []


@pytest.mark.parametrize("text", [
    "Ankara sent troops to the border amid reports of shelling.",
    "The kingdom dispatched soldiers after warnings of an attack on the pipeline.",
    "Belgrade raised its alert level and sent troops to the boundary line.",
])
def test_a_message_word_in_another_phrase_does_not_veto_sending_troops(text, dct):
    """The veto for messages sent ("an alert was sent", "sent a warning") does not reach across
    a conjunction or a preposition to troops that are sent."""
    assert "deployment" in [e.type for e in extract(text, published=dct)]


@pytest.mark.parametrize("text", [
    "The embassy sent a stern warning to the militia leaders.",
    "Dozens of letters were sent to the garrison commander.",
])
def test_messages_sent_are_no_deployment(text, dct):
    assert [e.type for e in extract(text, published=dct) if e.type == "deployment"] == []


@pytest.mark.parametrize("text", [
    "Peru began a week-long naval drill, said by the navy to be the largest drill in its history.",
    "The navies of Chile and Peru started joint exercises that officials called the biggest exercise in decades.",
])
def test_an_exercise_named_again_after_a_copula_is_one_event(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["exercise"]


@pytest.mark.parametrize(("text", "event_type"), [
    ("The last Norwegian soldiers arrived in Norway on Sunday.", "withdrawal"),
    ("Norwegian soldiers arrived in Latvia on Sunday.", "deployment"),
    ("Indonesian troops arrived in Papua to restore order.", "deployment"),
    ("The Korean marines arrive back home after six months at sea.", "withdrawal"),
])
def test_forces_coming_to_their_own_state_withdraw(text, event_type, dct):
    assert [e.type for e in extract(text, published=dct)] == [event_type]


@pytest.mark.parametrize("text", [
    "The corvette left its home port of Bergen on Monday.",
    "Three frigates left port in the morning.",
    "Two Greek destroyers left their base on Crete for exercises in the Aegean.",
    "Volvo withdraws from Russia after the invasion.",
    "Shops and Cafes pulled out of the city because of the war.",
])
def test_ships_sailing_and_companies_leaving_are_no_withdrawals(text, dct):
    assert not [e for e in extract(text, published=dct) if e.type == "withdrawal"]


@pytest.mark.parametrize("text", [
    "A Spanish frigate leaves the port city of Cartagena, with no word on its destination.",
    "Some 300 men of the Italian contingent left Naples overnight aboard a navy transport ship.",
    "The Greek frigate Hydra left Piraeus on Monday with 180 sailors aboard.",
])
def test_ships_leaving_a_port_of_their_own_state_are_no_withdrawals(text, dct):
    assert not [e for e in extract(text, published=dct) if e.type == "withdrawal"]


@pytest.mark.parametrize("text", [
    "Malian troops left Timbuktu after the rebels advanced.",
    "The Russian warships left the Syrian port of Tartus on Monday.",
    "The last Italian troops left Kabul on Monday aboard military planes.",
])
def test_forces_leaving_a_town_or_a_foreign_port_withdraw(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["withdrawal"]


@pytest.mark.parametrize("text", [
    "Al-Shabaab withdrew from the town after clashes with the army.",
    "SAMIDRC withdrew from the province after the fighting.",
    "The Patriotic Resistance Front withdrew from the town after the fighting.",
    "The two battalions that reached Latvia in May have withdrawn from the country, the army said.",
])
def test_parties_and_acronyms_withdrawing_remain_withdrawals(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["withdrawal"]


def _found(text, published="2024-03-10"):
    return [(e.type, e.trigger.text, e.status) for e in extract(text, published=published)]


def test_a_definite_trigger_refers_back_to_an_earlier_event_of_its_type():
    text = ("Japan began naval manoeuvres off Okinawa on Tuesday. Tokyo said the exercises, "
            "which started at dawn on Wednesday, would end on Friday.")
    assert _found(text)[1] == ("exercise", "exercises", "occurred")
    # no earlier event of the type, or nothing of its own (actor, place, date): no event
    assert _found("Tokyo said the exercises, which started at dawn on Wednesday, would end on Friday.") == []
    assert _found("Japan began naval manoeuvres off Okinawa. The drills are a routine matter.") == [
        ("exercise", "manoeuvres", "occurred")]
    assert _found("Pupils held fire drills at the school. The drills, which began on Monday, ended early.") == []
    # a military word shortly before does for an exercise
    assert _found("Japanese destroyers and jets circled the islets on Monday. Tokyo said the exercises, "
                  "which began on Sunday, would end on Friday.") == [("exercise", "exercises", "occurred")]
    assert _found("The gym was busy on Monday. Coaches said the exercises, "
                  "which began on Sunday, would end on Friday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The marines, who were sent to Juba in 2021, will return home in May.",
         [("deployment", "sent", "occurred"), ("withdrawal", "return home", "planned")]),
        ("The Belgian paratroopers, based in Gao since 2019, will come home next year.",
         [("withdrawal", "come home", "planned")]),
        ("The masked gunmen left the petrol station after twenty minutes.", []),
        ("Four grain vessels left the Danube ports on Thursday.", []),
        ("Dozens of vessels left the Gulf of Aden after the attacks.", []),
        ("The ships, which were carrying maize, left the port of Reni on Friday.", []),
        ("Two Indian naval vessels left the Gulf of Aden on Friday.", [("withdrawal", "left", "occurred")]),
        ("The last Italian soldiers left the airbase on Friday.", [("withdrawal", "left", "occurred")]),
    ],
)
def test_withdrawal_subjects(text, expected):
    assert _found(text) == expected


def test_one_party_adjective_with_the_place_of_the_exercise():
    assert _found("Iranian drills near the Strait of Hormuz began on Monday.") == [
        ("exercise", "drills", "occurred")]
    assert _found("The Iranian drills started on March 1.") == [("exercise", "drills", "occurred")]
    assert _found("The American exercise craze has reached Europe.") == []


def test_drills_at_a_border_are_military():
    assert _found("The drills will run from May 2 to May 9 near the Lithuanian border, Minsk said.") == [
        ("exercise", "drills", "planned")]
    assert _found("The dentist used new drills on the patient.") == []


def test_an_alliance_named_before_drills_or_a_host_stages_them():
    assert _found("The CSTO drills will take place in the autumn.") == [("exercise", "drills", "planned")]
    assert _found("Armenia will host the drills in the autumn.") == [("exercise", "drills", "planned")]


@pytest.mark.parametrize("text", [
    "Moscow has deployed a large force to the border region near Kharkiv.",
    "The alliance deployed an overwhelming force of 5,000 troops to the Baltic states.",
])
def test_a_force_sent_somewhere_is_no_force_used_against_people(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize("text", [
    "Navy ships escorted the cargo vessels as the destroyers arrived in the gulf.",
    "The navy sent warships to protect fishing boats near the islands.",
])
def test_warships_near_civilian_vessels_are_still_deployed(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize("text", [
    "Lawyers for the soldiers said Russian troops withdrew from the town on Monday.",
    "Defence lawyers said the army withdrew from the village.",
])
def test_forces_withdrawing_in_a_lawyers_statement_still_withdraw(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["withdrawal"]


@pytest.mark.parametrize("text", [
    "Troops with their weapons arrived in the capital on Monday.",
    "A ship carrying 300 marines arrived in the port on Friday.",
    "Two hundred soldiers arrived in the town with heavy weapons.",
    "The first batch of peacekeepers arrived in the capital on Monday.",
])
def test_forces_arriving_with_their_weapons_are_still_deployed(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize("text", [
    "The army moved troops to the border against a possible attack.",
    "Turkey moved tanks against the Syrian border on Sunday.",
])
def test_forces_moved_to_a_place_against_a_threat_are_still_deployed(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize("text", [
    "Militants attacked the post and government troops arrived an hour later.",
    "The soldiers held off the jihadists until government reinforcements arrived.",
])
def test_state_forces_arriving_after_insurgents_are_still_deployed(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]


@pytest.mark.parametrize("text", [
    "Russian nuclear missiles will be sent to Belarus next month.",
    "NATO will send troops and tanks to Estonia.",
])
def test_weapons_sent_as_forces_of_the_sender_stay_deployed(text, dct):
    assert [e.type for e in extract(text, published=dct)] == ["deployment"]
