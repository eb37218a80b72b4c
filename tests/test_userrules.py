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


# Wiring: rule files change what extraction finds, through the library, the config file and the CLI.

RULES = """\
triggers:
  - id: exercise.tabletop
    type: exercise
    pattern: "command[- ]post rehearsals?"
    requires: none
    examples: ["Estonia held a command-post rehearsal near Tapa."]
exclusions:
  - id: exclude.cattle
    types: [deployment]
    pattern: "deployed (?:the )?herds?"
actors:
  - code: NORTHGUARD
    kind: armed_group
    name: Northern Guard
    aliases: [Northern Guard]
places:
  - name: Camp Tarvold
    country: NOR
    lat: 69.1
    lon: 18.2
"""


@pytest.fixture
def rule_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_user_trigger_actor_and_place_are_used(rule_file):
    from geoevents import extract

    text = "The Northern Guard held a command-post rehearsal at Camp Tarvold."
    assert not [e for e in extract(text, published="2024-01-10") if e.rule == "exercise.tabletop"]
    events = extract(text, published="2024-01-10", rules=[rule_file])
    event = next(e for e in events if e.rule == "exercise.tabletop")
    assert [a.code for a in event.actors] == ["NORTHGUARD"]
    place = event.locations[0]
    assert (place.name, place.country, place.lat) == ("Camp Tarvold", "NOR", 69.1)


def test_user_exclusion_vetoes(rule_file):
    from geoevents import extract

    text = "Soldiers deployed the herd of mules to the valley."
    assert not extract(text, published="2024-01-10", rules=[rule_file])


def test_config_file_names_rule_files(tmp_path, rule_file, monkeypatch):
    from geoevents.config import rule_files

    (tmp_path / "geoevents.toml").write_text('rules = ["mine.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GEOEVENTS_CONFIG", raising=False)
    assert rule_files(None) == (str(tmp_path / "mine.yaml"),)
    (tmp_path / "geoevents.toml").write_text('rule = ["mine.yaml"]\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match="unknown setting 'rule'"):
        rule_files(None)


def test_rules_command_lists_sources_and_counts(rule_file):
    from typer.testing import CliRunner

    from geoevents.cli import app

    result = CliRunner().invoke(app, ["rules", "--rules", str(rule_file), "--verbose"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "triggers/exercise.jsonl" in result.stdout and "gazetteer names" in result.stdout
    assert "user triggers" in result.stdout and "exercise.tabletop" in result.stdout


def test_bad_rule_file_is_a_usage_error_naming_the_line(tmp_path):
    from typer.testing import CliRunner

    from geoevents.cli import app

    path = tmp_path / "bad.yaml"
    path.write_text(RULES.replace("type: exercise", "type: parade"), encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "--rules", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2:" in result.stderr and "Traceback" not in result.output
