"""Status set after the cue walk: orders given by a party other than the forces' own
(geoevents/orders.py) and reports denied after the event they tell (geoevents/denials.py)."""

import pytest

from geoevents import extract

PUBLISHED = "2024-03-10"


def _statuses(text):
    return [(e.type, e.status) for e in extract(text, published=PUBLISHED)]


@pytest.mark.parametrize("text", [
    "Sudan's military government ordered the UN peacekeepers to leave the country by June.",
    "Niger told the French troops to leave within a month.",
    "The Burundian president orders African Union soldiers to depart from the capital.",
    "Chad's rulers set a deadline for Sudanese soldiers to leave the border town.",
])
def test_order_by_another_party_is_uncertain(text):
    assert _statuses(text) == [("withdrawal", "uncertain")]


@pytest.mark.parametrize("text", [
    "The junta has ordered Belgian troops to leave the country before the end of May.",
    "A military court ordered Turkish soldiers to withdraw from the disputed hill.",
    "The coup leaders ordered Kenyan peacekeepers to pull out of the airport.",
])
def test_order_by_an_unnamed_junta_or_court_to_a_named_force_is_uncertain(text):
    assert _statuses(text) == [("withdrawal", "uncertain")]


@pytest.mark.parametrize("text", [
    "The junta ordered the army to withdraw from the capital's streets.",
    "The defence minister ordered Belgian troops to leave the border town by Friday.",
])
def test_order_by_an_unnamed_party_to_its_own_or_unnamed_forces_stays_planned(text):
    assert _statuses(text) == [("withdrawal", "planned")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Putin ordered Russian troops to withdraw from the border on Monday.", "withdrawal"),
    ("The Pentagon ordered 3,000 soldiers to deploy to Poland.", "deployment"),
    ("The Kremlin told its soldiers to pull out of the town by Friday.", "withdrawal"),
    ("London set a deadline for British soldiers to leave the island.", "withdrawal"),
    ("Kabul will not extend the deadline for German soldiers to leave the country.", "withdrawal"),
])
def test_order_by_the_forces_own_state_stays_planned(text, kind):
    assert _statuses(text) == [(kind, "planned")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Reports that Iranian troops had moved to the frontier were denied by Tehran on Sunday.", "deployment"),
    ("Claims that the army had deployed tanks to the city were dismissed as propaganda by the ministry.",
     "deployment"),
    ("Reports that Turkey would withdraw its soldiers from Qatar have been denied by Ankara.", "withdrawal"),
])
def test_report_denied_afterwards_is_negated(text, kind):
    assert _statuses(text) == [(kind, "negated")]


@pytest.mark.parametrize("text", [
    "Reports that Iranian troops had moved to the frontier were confirmed by the ministry.",
    "Iranian soldiers deployed to the frontier were denied entry to the village.",
])
def test_confirmed_report_or_denied_entry_is_no_denial(text):
    assert _statuses(text) == [("deployment", "occurred")]
