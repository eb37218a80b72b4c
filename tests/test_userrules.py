"""User rule files are validated on load, with errors that point at the file and line."""

import pytest

from geoevents.userrules import RuleFileError, load_rule_files

TYPES = ("exercise", "deployment", "withdrawal")
REQUIRES = ("none", "military", "force")
COUNTRIES = {"DJI", "RUS"}

YAML = """\
triggers:
  - id: deployment.airlift
    type: deployment
    pattern: "airlift(?:s|ed|ing)?"
    requires: force
    examples: ["The air force airlifted 200 troops to the island."]
actors:
  - code: AFRICACORPS
    kind: armed_group
    name: Africa Corps
    aliases: [Africa Corps]
places:
  - name: Camp Lemonnier
    country: DJI
    lat: 11.547
    lon: 43.155
"""

TOML = """\
[[triggers]]
id = "exercise.tabletop"
type = "exercise"
pattern = "command[- ]post exercises?"
requires = "none"

[[exclusions]]
id = "exclude.cattle"
types = ["deployment"]
pattern = "cattle drives?"
"""


def load(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_rule_files([path], TYPES, REQUIRES, COUNTRIES), path


def test_yaml_file_loads(tmp_path):
    rules, path = load(tmp_path, "mine.yaml", YAML)
    assert [t.id for t in rules.triggers] == ["deployment.airlift"]
    assert rules.actors[0].code == "AFRICACORPS" and rules.actors[0].kind == "armed_group"
    assert rules.places[0].aliases == ("Camp Lemonnier",)
    assert rules.counts[str(path)] == {"triggers": 1, "exclusions": 0, "actors": 1, "places": 1}


def test_toml_file_loads(tmp_path):
    rules, _ = load(tmp_path, "mine.toml", TOML)
    assert rules.triggers[0].requires == "none"
    assert rules.exclusions[0].types == ("deployment",)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (YAML.replace("type: deployment", "type: parade"), 2, "unknown type 'parade'"),
        (YAML.replace("requires: force", "requires: vibes"), 2, "unknown requirement 'vibes'"),
        (YAML.replace('"airlift(?:s|ed|ing)?"', '"airlift(("'), 2, "pattern does not compile"),
        (YAML.replace("code: AFRICACORPS", "code: africa corps"), 8, "'code' must be upper case"),
        (YAML.replace("country: DJI", "country: XYZ"), 13, "unknown country code 'XYZ'"),
        (YAML.replace("lat: 11.547", "lat: 123"), 13, "'lat' must be a number"),
        (YAML.replace("    requires: force\n", "    requires: force\n    action: run\n"), 2, "unknown key 'action'"),
    ],
)
def test_yaml_errors_name_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_files([path], TYPES, REQUIRES, COUNTRIES)
    assert str(caught.value).startswith(f"{path}:{line}:")
    assert message in str(caught.value)


def test_toml_error_names_the_entry_line(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(TOML.replace('types = ["deployment"]', 'types = ["parade"]'), encoding="utf-8")
    with pytest.raises(RuleFileError, match=rf"^{path}:7: exclusion 'exclude.cattle'"):
        load_rule_files([path], TYPES, REQUIRES, COUNTRIES)


def test_syntax_errors_and_unknown_sections(tmp_path):
    for name, text, message in [
        ("broken.yaml", "triggers: [\n", "not valid YAML"),
        ("broken.toml", "[[triggers]\n", "not valid TOML"),
        ("extra.yaml", "scripts:\n  - rm -rf /\n", "unknown section 'scripts'"),
        ("rules.txt", "triggers: []\n", "must end in .yaml, .yml or .toml"),
    ]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RuleFileError, match=message):
            load_rule_files([path], TYPES, REQUIRES, COUNTRIES)


def test_duplicate_trigger_ids_are_refused(tmp_path):
    path = tmp_path / "twice.toml"
    path.write_text(TOML + TOML.split("[[exclusions]]")[0], encoding="utf-8")
    with pytest.raises(RuleFileError, match="defined twice"):
        load_rule_files([path], TYPES, REQUIRES, COUNTRIES)


def test_slow_patterns_are_refused(tmp_path):
    path = tmp_path / "slow.yaml"
    path.write_text('exclusions:\n  - id: x\n    types: [exercise]\n    pattern: "(?:a|aa)+(?:a|aa)+b"\n')
    with pytest.raises(RuleFileError, match="too slow|matches"):
        load_rule_files([path], TYPES, REQUIRES, COUNTRIES)
