"""Linking across documents: reports of one event in different documents share an event_id."""

from geoevents import extract
from geoevents.crosslink import link_records, summaries


def records(*docs):
    found = []
    for doc_id, published, text in docs:
        found += [e.to_dict() for e in extract(text, published=published, doc_id=doc_id)]
    return found


def test_two_reports_of_the_same_drills_on_the_same_day_are_one_event():
    rows = records(
        ("a", "2023-05-02", "Chinese warships began live-fire drills near Taiwan on Tuesday."),
        ("b", "2023-05-02", "China's navy held drills near Taiwan, the island's defence ministry said."),
        ("c", "2023-05-02", "Poland sent 500 soldiers to its eastern border."),
    )
    groups = link_records(rows)
    by_doc = {r["doc_id"]: r for r in rows}
    assert by_doc["a"]["event_id"] == by_doc["b"]["event_id"] != by_doc["c"]["event_id"]
    assert by_doc["a"]["event_mentions"] == 2 and by_doc["a"]["event_sources"] == 2
    summary = next(s for s in summaries(groups, rows) if s["event_id"] == by_doc["a"]["event_id"])
    assert summary["sources"] == 2 and summary["documents"] == ["a", "b"]
    assert [a["code"] for a in summary["actors"]] == ["CHN"]


def test_same_actor_on_days_far_apart_or_in_other_places_stays_apart():
    rows = records(
        ("a", "2023-05-02", "Chinese warships began live-fire drills near Taiwan on Tuesday."),
        ("b", "2023-06-20", "Chinese warships began live-fire drills near Taiwan on Tuesday."),
        ("c", "2023-05-02", "Chinese warships began drills in the Yellow Sea on Tuesday."),
    )
    link_records(rows)
    assert len({r["event_id"] for r in rows}) == 3


def test_a_denial_is_not_merged_with_the_report_it_denies():
    rows = records(
        ("a", "2023-05-02", "Belarus sent troops to the Ukrainian border on Monday."),
        ("b", "2023-05-02", "Minsk said Belarus did not send troops to the Ukrainian border on Monday."),
    )
    link_records(rows)
    assert rows[0]["event_id"] != rows[-1]["event_id"]


def test_cli_link_and_group_with_workers_and_rules(tmp_path):
    """--link/--group through the command line, with two worker processes and a rule file."""
    import json
    import subprocess
    import sys

    rules = tmp_path / "rules.yaml"
    rules.write_text("actors:\n  - code: NORTHGUARD\n    kind: armed_group\n    name: Northern Guard\n"
                     "    aliases: [Northern Guard]\n", encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    lines = [{"id": f"n{i}", "published": "2023-05-02",
              "text": "Chinese warships began live-fire drills near Taiwan on Tuesday." if i % 2 else
              "Northern Guard fighters withdrew from the border town on Tuesday."} for i in range(400)]
    docs.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    command = [sys.executable, "-m", "geoevents", "extract", str(docs), "--group", "-f", "jsonl", "-q",
               "--jobs", "2", "--rules", str(rules)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    groups = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted((g["type"], g["mentions"], g["sources"]) for g in groups) == [
        ("exercise", 200, 200), ("withdrawal", 200, 200)]
    withdrawal = next(g for g in groups if g["type"] == "withdrawal")
    assert [a["code"] for a in withdrawal["actors"]] == ["NORTHGUARD"]


def test_events_its_own_document_keeps_apart_stay_apart():
    rows = records(
        ("a", "2023-05-02", "Greek warships ended drills near Crete on Tuesday. "
                            "Athens said its navy will hold more drills near Crete soon."),
        ("b", "2023-05-02", "Greece's navy held drills near Crete, officials said."),
    )
    link_records(rows)
    in_a = [r["event_id"] for r in rows if r["doc_id"] == "a"]
    assert len(in_a) == 2 and in_a[0] != in_a[1]
