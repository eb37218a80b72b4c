"""`geoevents eval`: scoring on a small annotated file written for these tests."""

import json

import pytest
from typer.testing import CliRunner

from geoevents.cli import app
from geoevents.evaluate import evaluate

GOLD = [
    {"id": "g1", "published": "2021-07-28",
     "text": "Germany deployed 300 soldiers to Lithuania on Monday. Markets were calm.",
     "events": [{"type": "deployment", "evidence": "Germany deployed 300 soldiers to Lithuania on Monday.",
                 "trigger": "deployed", "actors": ["DEU"], "locations": [{"name": "Lithuania", "country": "LTU"}],
                 "date": {"start": "2021-07-26", "end": "2021-07-26"}, "status": "occurred"}]},
    {"id": "g2", "published": "2021-07-28",
     "text": "Kenya will withdraw its troops from Somalia. Chad sent troops to Niger.",
     "events": [{"type": "withdrawal", "evidence": "Kenya will withdraw its troops from Somalia.",
                 "trigger": "withdraw", "actors": ["KEN"], "locations": [{"name": "Somalia", "country": "SOM"}],
                 "date": None, "status": "uncertain"}]},
    {"id": "g3", "published": "2021-07-28", "text": "Navies of several nations met for talks.",
     "events": [{"type": "exercise", "evidence": "Navies of several nations met for talks.", "trigger": "met",
                 "actors": [], "locations": [], "date": None, "status": "occurred"}]},
]


def test_counts_hits_misses_false_alarms_and_fields():
    summary = evaluate(GOLD).summary()
    # g1 and g2 found; g3 missed; "Chad sent troops to Niger" is a false alarm.
    assert (summary["matched"], summary["gold_events"], summary["predicted_events"]) == (2, 3, 3)
    assert summary["event_f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert summary["date_acc"] == 1.0
    assert summary["status_acc"] == 0.5  # "will withdraw" is planned, the gold says uncertain
    assert summary["fields"]["actors"]["f1"] == 1.0
    assert summary["strict_f1"] == pytest.approx(1 / 3, abs=1e-3)


def test_cli_prints_the_same_numbers_and_errors(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path), "--json", "--show-errors", "10"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    summary = json.loads(lines[-1])
    assert summary["event_f1"] == evaluate(GOLD).summary()["event_f1"]
    assert any(line.startswith("missed\tg3") for line in lines)
    assert any(line.startswith("spurious\tg2") for line in lines)


def test_malformed_gold_is_one_line_on_stderr(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 1, "text": "x", "events": []}\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2" in result.stderr and "Traceback" not in result.output
