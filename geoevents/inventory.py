"""What rules and lexicons are loaded, where each came from and how many entries it has
(``geoevents rules``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable

from .knowledge import Knowledge

# What each packaged file is, by its path under geoevents/data
KINDS = {
    "triggers/exclusions.jsonl": "exclusions",
    "triggers/types.json": "event types",
    "gazetteer/entities.tsv": "gazetteer entities",
    "gazetteer/aliases.tsv": "gazetteer names",
    "gazetteer/neighbours.tsv": "neighbouring countries",
    "time/rules.jsonl": "time rules",
    "time/lexicon.json": "time words",
    "lexicon/status.json": "status cues",
    "lexicon/roles.json": "role words",
    "lexicon/role_examples.jsonl": "role examples",
    "lexicon/quantities.json": "quantity words",
    "lexicon/name_context.json": "name context words",
    "codes.json": "CAMEO/PLOVER mapping",
    "abbreviations.txt": "abbreviations",
    "sentence_starters.txt": "sentence starters",
}


@dataclass(frozen=True, slots=True)
class Source:
    origin: str  # "package" or the rule file's path
    name: str
    kind: str
    entries: int


def _count(item: Traversable, name: str) -> int:
    text = item.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    if name.endswith(".jsonl"):
        return sum(1 for line in lines if not line.lstrip().startswith("//"))
    if name.endswith(".txt"):
        return sum(1 for line in lines if not line.lstrip().startswith("#"))
    if name.endswith(".tsv"):
        return len(lines)
    data = json.loads(text)
    if isinstance(data, dict):
        return sum(len(v) if isinstance(v, list | dict) else 1 for k, v in data.items() if not k.startswith("_"))
    return len(data)


def _walk(folder: Traversable, prefix: str = ""):
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            yield from _walk(item, f"{prefix}{item.name}/")
        elif not item.name.startswith((".", "__")):
            yield f"{prefix}{item.name}", item


def _kind(name: str) -> str:
    if name in KINDS:
        return KINDS[name]
    if name.startswith("triggers/"):
        return f"{name.split('/')[-1].split('.')[0]} triggers"
    return "word list" if name.endswith(".txt") else "data"


def inventory(knowledge: Knowledge) -> list[Source]:
    """Every packaged data file and every user rule file section, with its entry count."""
    sources = [
        Source("package", name, _kind(name), _count(item, name))
        for name, item in _walk(resources.files("geoevents").joinpath("data"))
    ]
    for path, sections in knowledge.rules.counts.items():
        for section, count in sections.items():
            if count:
                sources.append(Source(path, section, f"user {section}", count))
    return sources


def trigger_rules(knowledge: Knowledge) -> list[tuple[str, str, str, str]]:
    """(id, type, requires, source) of every trigger rule in use."""
    user = {t.id: t.source for t in knowledge.rules.triggers}
    return [
        (rule.id, rule.type, rule.requires, user.get(rule.id, f"package: triggers/{rule.type}.jsonl"))
        for rule in knowledge.lexicon.rules
    ]
