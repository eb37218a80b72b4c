"""What extraction knows: the trigger lexicon and the gazetteer, packaged or extended by user
rule files. Built once per process for a given list of rule files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import cachedregex as regex
from .gazetteer import Gazetteer, load_gazetteer
from .model import EVENT_TYPES
from .triggers import (
    REQUIREMENTS,
    Exclusion,
    TriggerLexicon,
    TriggerRule,
    build_lexicon,
    load_lexicon,
    packaged_exclusions,
    packaged_rules,
)
from .userrules import RuleFileError, RuleSet, load_rule_files


@dataclass(frozen=True)
class Knowledge:
    lexicon: TriggerLexicon
    gazetteer: Gazetteer
    rules: RuleSet


@cache
def packaged() -> Knowledge:
    return Knowledge(load_lexicon(), load_gazetteer(), RuleSet())


@cache
def with_rule_files(paths: tuple[str, ...]) -> Knowledge:
    """The packaged knowledge plus the rule files (validated; ``RuleFileError`` on a problem)."""
    if not paths:
        return packaged()
    gazetteer = load_gazetteer()
    rules = load_rule_files(list(paths), EVENT_TYPES, REQUIREMENTS, _state_codes(gazetteer))
    return Knowledge(_lexicon(rules, gazetteer), _gazetteer(rules, gazetteer), rules)


def _state_codes(gazetteer: Gazetteer) -> set[str]:
    return {code for code in gazetteer.entity_ids() if len(code) == 3 and code.isupper()}


def _lexicon(rules: RuleSet, gazetteer: Gazetteer) -> TriggerLexicon:
    if not rules.triggers and not rules.exclusions and not rules.actors:
        return load_lexicon()
    triggers = packaged_rules() + [
        TriggerRule(id=t.id, type=t.type, pattern=t.pattern, requires=t.requires,
                    examples=t.examples, counterexamples=t.counterexamples)
        for t in rules.triggers
    ]
    exclusions = packaged_exclusions() + [
        Exclusion(id=x.id, types=x.types, pattern=regex.compile(rf"\b(?:{x.pattern})\b"), overridden_by_force=False)
        for x in rules.exclusions
    ]
    group_names = [alias for actor in rules.actors if actor.kind == "armed_group" for alias in actor.aliases]
    return build_lexicon(triggers, exclusions, {"movement": group_names})


def _gazetteer(rules: RuleSet, gazetteer: Gazetteer) -> Gazetteer:
    if not rules.actors and not rules.places:
        return gazetteer
    entities: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    for actor in rules.actors:
        if actor.kind is None:  # more names for an actor the gazetteer has
            entity_id = actor.code
            known = gazetteer.entity(entity_id)
            if known is None:
                raise RuleFileError(f"{actor.source}: actor {actor.code!r}: no such actor; "
                                    "give a 'kind' to add a new one")
            form = "name" if known.kind == "state" else "org"
        else:
            entity_id = f"user:{actor.code}"
            entities[entity_id] = "\t".join([actor.kind, actor.code, actor.name or actor.code, "", "organisation",
                                             "", "", "0"])
            form = "org"
        for alias in actor.aliases:
            aliases.setdefault(alias, []).append(f"{entity_id},{form}")
    for place in rules.places:
        entity_id = "user:place:" + re.sub(r"[^a-z0-9]+", "-", place.name.lower()).strip("-")
        entities[entity_id] = "\t".join([
            "place", "", place.name, place.country or "", place.feature,
            "" if place.lat is None else str(place.lat), "" if place.lon is None else str(place.lon), "0",
        ])
        for alias in place.aliases:
            aliases.setdefault(alias, []).append(f"{entity_id},name")
    return gazetteer.extended(entities, aliases)
