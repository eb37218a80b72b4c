"""User rule files: extra triggers, exclusions, actors and places, in YAML or TOML.

They are data, never code: every entry is validated on load, and an error names the file and
the line of the entry ("my.yaml:12: trigger 'deployment.airlift': unknown type 'parade'").

    triggers:
      - id: deployment.airlift
        type: deployment
        pattern: "airlift(?:s|ed|ing)?"
        requires: force
        examples: ["The air force airlifted 200 troops to the island."]
    exclusions:
      - id: exclude.cattle_drive
        types: [deployment]
        pattern: "cattle (?:drive|drives)"
    actors:
      - code: AFRICACORPS
        kind: armed_group
        name: Africa Corps
        aliases: [Africa Corps]
      - code: RUS            # an existing state gets another name
        aliases: [Rosgvardia]
    places:
      - name: Camp Lemonnier
        country: DJI
        lat: 11.547
        lon: 43.155
        aliases: [Camp Lemonnier]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cachedregex as regex

SECTIONS = ("triggers", "exclusions", "actors", "places")
ACTOR_KINDS = ("state", "igo", "armed_group", "de_facto_state")
_CODE = regex.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
_PROBE = "a" * 2000 + "!" * 2000 + " the" * 500  # pathological text a pattern must scan quickly


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message starts with ``file:line:``."""


@dataclass(frozen=True, slots=True)
class UserTrigger:
    id: str
    type: str
    pattern: str
    requires: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class UserExclusion:
    id: str
    types: tuple[str, ...]
    pattern: str
    source: str


@dataclass(frozen=True, slots=True)
class UserActor:
    code: str
    kind: str | None  # None: extra names for an actor the gazetteer already has
    name: str | None
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class UserPlace:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class RuleSet:
    """Everything the user rule files add, in load order."""

    files: tuple[str, ...] = ()
    triggers: tuple[UserTrigger, ...] = ()
    exclusions: tuple[UserExclusion, ...] = ()
    actors: tuple[UserActor, ...] = ()
    places: tuple[UserPlace, ...] = ()
    counts: dict[str, dict[str, int]] = field(default_factory=dict, compare=False, hash=False)

    def __bool__(self) -> bool:
        return bool(self.triggers or self.exclusions or self.actors or self.places)


def _parse(path: Path) -> tuple[dict, dict[tuple[str, int], int]]:
    """The file's data, and the line of each section entry: ``(section, index) -> line``."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _parse_yaml(text, path)
    if path.suffix.lower() == ".toml":
        return _parse_toml(text, path)
    raise RuleFileError(f"{path}: a rule file must end in .yaml, .yml or .toml")


def _parse_yaml(text: str, path: Path) -> tuple[dict, dict[tuple[str, int], int]]:
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark else ""
        raise RuleFileError(f"{path}:{line} not valid YAML ({getattr(error, 'problem', error)})") from None
    lines: dict[tuple[str, int], int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    lines[(key.value, i)] = item.start_mark.line + 1
    return data if data is not None else {}, lines


def _parse_toml(text: str, path: Path) -> tuple[dict, dict[tuple[str, int], int]]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError(f"{path}: not valid TOML ({error})") from None
    lines: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        m = regex.match(r"\s*\[\[\s*(\w+)\s*\]\]", line)
        if m:
            section = m.group(1)
            lines[(section, seen.get(section, 0))] = number
            seen[section] = seen.get(section, 0) + 1
    return data, lines


def load_rule_files(paths: list[str | Path], known_types: tuple[str, ...], requirements: tuple[str, ...],
                    known_countries: set[str] | None = None) -> RuleSet:
    """Read and validate rule files; the first problem raises ``RuleFileError``."""
    triggers: list[UserTrigger] = []
    exclusions: list[UserExclusion] = []
    actors: list[UserActor] = []
    places: list[UserPlace] = []
    counts: dict[str, dict[str, int]] = {}
    ids = set()
    for raw in paths:
        path = Path(raw)
        try:
            data, lines = _parse(path)
        except OSError as error:
            raise RuleFileError(f"{path}: {error.strerror or error}".lower()) from None
        if not isinstance(data, dict):
            raise RuleFileError(f"{path}:1: the file must be a mapping of sections ({', '.join(SECTIONS)})")
        unknown = [key for key in data if key not in SECTIONS]
        if unknown:
            raise RuleFileError(f"{path}: unknown section {unknown[0]!r}; sections are {', '.join(SECTIONS)}")
        counts[str(path)] = {}
        for section in SECTIONS:
            entries = data.get(section, [])
            if not isinstance(entries, list):
                raise RuleFileError(f"{path}: section {section!r} must be a list")
            counts[str(path)][section] = len(entries)
            for index, entry in enumerate(entries):
                where = f"{path}:{lines.get((section, index), '?')}"
                check = _Checker(where, section, entry)
                if section == "triggers":
                    trigger = check.trigger(known_types, requirements, str(path))
                    if trigger.id in ids:
                        raise RuleFileError(f"{where}: trigger id {trigger.id!r} is defined twice")
                    ids.add(trigger.id)
                    triggers.append(trigger)
                elif section == "exclusions":
                    exclusions.append(check.exclusion(known_types, str(path)))
                elif section == "actors":
                    actors.append(check.actor(str(path)))
                else:
                    places.append(check.place(known_countries, str(path)))
    return RuleSet(tuple(str(p) for p in paths), tuple(triggers), tuple(exclusions), tuple(actors),
                   tuple(places), counts)


class _Checker:
    """Validation of one entry, with errors that say where."""

    def __init__(self, where: str, section: str, entry: Any):
        self.where = where
        if not isinstance(entry, dict):
            raise RuleFileError(f"{where}: each {section} entry must be a mapping")
        self.entry = entry
        self.label = f"{section[:-1]} {entry.get('id') or entry.get('code') or entry.get('name')!r}"

    def fail(self, message: str) -> RuleFileError:
        return RuleFileError(f"{self.where}: {self.label}: {message}")

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key!r} must be a non-empty string")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{key!r} must be a list of strings")
        return tuple(value)

    def only(self, allowed: set[str]) -> None:
        extra = sorted(set(self.entry) - allowed)
        if extra:
            raise self.fail(f"unknown key {extra[0]!r}; allowed: {', '.join(sorted(allowed))}")

    def pattern(self, key: str = "pattern") -> str:
        pattern = self.text(key)
        try:
            compiled = regex.compile(pattern)
        except regex.error as error:
            raise self.fail(f"pattern does not compile ({error})") from None
        if compiled.match(""):
            raise self.fail("pattern matches the empty string")
        try:
            compiled.search(_PROBE, timeout=0.5)
        except TimeoutError:
            raise self.fail("pattern is too slow on long repetitive text (nested repetition?)") from None
        return pattern

    def trigger(self, known_types, requirements, source: str) -> UserTrigger:
        self.only({"id", "type", "pattern", "requires", "examples", "counterexamples"})
        kind = self.text("type")
        if kind not in known_types:
            raise self.fail(f"unknown type {kind!r}; types are {', '.join(known_types)}")
        requires = self.entry.get("requires", "military")
        if requires not in requirements:
            raise self.fail(f"unknown requirement {requires!r}; choose from {', '.join(requirements)}")
        return UserTrigger(self.text("id"), kind, self.pattern(), requires, self.strings("examples"),
                           self.strings("counterexamples"), source)

    def exclusion(self, known_types, source: str) -> UserExclusion:
        self.only({"id", "types", "pattern", "counterexamples"})
        types = self.strings("types")
        bad = [t for t in types if t not in known_types]
        if not types or bad:
            raise self.fail(f"'types' must list event types ({', '.join(known_types)})")
        return UserExclusion(self.text("id"), types, self.pattern(), source)

    def actor(self, source: str) -> UserActor:
        self.only({"code", "kind", "name", "aliases"})
        code = self.text("code")
        if not _CODE.match(code):
            raise self.fail("'code' must be upper case letters, digits or _ (e.g. RUS, NATO, AFRICACORPS)")
        kind = self.text("kind", required=False)
        if kind is not None and kind not in ACTOR_KINDS:
            raise self.fail(f"unknown kind {kind!r}; choose from {', '.join(ACTOR_KINDS)}")
        aliases = self.strings("aliases")
        if not aliases:
            raise self.fail("'aliases' must list at least one name")
        return UserActor(code, kind, self.text("name", required=False), aliases, source)

    def place(self, known_countries: set[str] | None, source: str) -> UserPlace:
        self.only({"name", "country", "lat", "lon", "feature", "aliases"})
        name = self.text("name")
        country = self.text("country", required=False)
        if country is not None and known_countries is not None and country not in known_countries:
            raise self.fail(f"unknown country code {country!r} (ISO 3166-1 alpha-3)")
        lat, lon = self.entry.get("lat"), self.entry.get("lon")
        for key, value, bound in (("lat", lat, 90), ("lon", lon, 180)):
            if value is not None and (not isinstance(value, int | float) or abs(value) > bound):
                raise self.fail(f"{key!r} must be a number between -{bound} and {bound}")
        aliases = self.strings("aliases") or (name,)
        return UserPlace(name, country, lat, lon, self.entry.get("feature", "place"), aliases, source)
