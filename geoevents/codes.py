"""CAMEO and PLOVER codes for an event, from one documented mapping table: ``data/codes.json``.

The table is ordered; the first row whose conditions hold gives the CAMEO code, the PLOVER
type and mode. Conditions look at what the extractor already knows: the type and status, the
trigger rule, whether two or more parties act (a joint exercise is military cooperation), and
what is moved (peacekeepers, police, weapons or troops), from the counted units and the words
of the trigger's clause.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

from .clauses import clause_of
from .cues import alternation
from .model import Actor, Codes, Quantity
from .resources import read_text

_JOINT_WINDOW = 40  # characters before the trigger in which "joint"/"multinational" counts


class CodeTable:
    def __init__(self, data: dict):
        self.labels: dict[str, str] = data["cameo_labels"]
        self.rules: list[dict] = data["rules"]
        self.status_context: dict[str, str] = data["status_context"]
        self.force_units = {unit: force for force, units in data["force_units"].items() for unit in units}
        self.force_words = {force: alternation(words) for force, words in data["force_words"].items()}
        self.joint_words = alternation(data["joint_words"])
        self.examples = tuple(data["examples"])
        for rule in self.rules:
            if rule["cameo"] not in self.labels:
                raise ValueError(f"codes.json: no label for CAMEO {rule['cameo']}")


@cache
def code_table() -> CodeTable:
    return CodeTable(json.loads(read_text("codes.json")))


def codes_for(text: str, sentence: tuple[int, int], trigger: tuple[int, int], event_type: str, rule_id: str,
              status: str, actors: Sequence[Actor], size: Sequence[Quantity]) -> Codes | None:
    """The codes of one event; None for a type the table does not know."""
    table = code_table()
    clause = clause_of(text, sentence, *trigger)
    facts = {
        "type": event_type,
        "status": status,
        "rule": rule_id,
        "joint": _joint(text, clause, trigger, actors, table),
        "force": _force(text, clause, actors, size, table),
    }
    for row in table.rules:
        if _holds(row, facts):
            context = ["peacekeeping" if facts["force"] == "peacekeeping" else "military"]
            if status in table.status_context:
                context.append(table.status_context[status])
            return Codes(row["cameo"], table.labels[row["cameo"]], row["plover"], row.get("mode"), tuple(context))
    return None


def _holds(row: dict, facts: dict) -> bool:
    if row["type"] != facts["type"]:
        return False
    if "status" in row and facts["status"] not in row["status"]:
        return False
    if "joint" in row and row["joint"] != facts["joint"]:
        return False
    if "force" in row and row["force"] != facts["force"]:
        return False
    return "rule" not in row or facts["rule"].startswith(row["rule"])


def _joint(text: str, clause: tuple[int, int], trigger: tuple[int, int], actors: Sequence[Actor],
           table: CodeTable) -> bool:
    """Two or more parties: two actors, an alliance ("NATO drills"), or "joint drills"."""
    if len({a.code for a in actors}) >= 2 or any(a.kind == "igo" for a in actors):
        return True
    window = (max(clause[0], trigger[0] - _JOINT_WINDOW), trigger[1])
    return bool(table.joint_words.search(text, *window))


def _force(text: str, clause: tuple[int, int], actors: Sequence[Actor], size: Sequence[Quantity],
           table: CodeTable) -> str:
    """What is moved: peacekeeping forces, police, weapons or (by default) troops."""
    if table.force_words["peacekeeping"].search(text, *clause) or any(a.code == "UN" for a in actors):
        return "peacekeeping"
    if size:
        forces = {table.force_units.get(q.unit, "troops") for q in size}
        return next((only for only in ("police", "weapons") if forces == {only}), "troops")
    # the words of the clause, "troops" first: where they are, nothing else can be the only force
    if table.force_words["troops"].search(text, *clause):
        return "troops"
    police = table.force_words["police"].search(text, *clause) is not None
    weapons = table.force_words["weapons"].search(text, *clause) is not None
    return "police" if police and not weapons else "weapons" if weapons and not police else "troops"
