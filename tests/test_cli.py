"""The command line, driven through Click's runner and, for pipes, a real subprocess."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geoevents import readers
from geoevents.cli import app

ARTICLE = (
    "Navy to hold drills\n\n"
    "The Japanese navy will hold drills with India near Okinawa on August 5-10, officials said on Monday.\n"
)
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path) -> Path:
    path = tmp_path / "docs.jsonl"
    rows = [
        {"id": "a", "published": "2021-07-28", "text": "Germany deployed 300 soldiers to Lithuania on Monday."},
        {"id": "b", "date": "2021-07-28", "text": "Oil firms resumed drilling in the North Sea."},
        {"id": "c", "published": "2021-07-28", "text": "Kenyan troops withdrew from Somalia."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("geoevents ")


def test_help_shows_examples():
    result = run("extract", "--help")
    assert result.exit_code == 0 and "Examples" in result.stdout


def test_text_file_to_jsonl(article):
    result = run("extract", str(article), "--format", "jsonl", "--published", "2021-07-28")
    assert result.exit_code == 0, result.output
    events = jsonl(result.stdout)
    drills = [e for e in events if e["type"] == "exercise"]
    assert drills and drills[-1]["date"]["start"] == "2021-08-05"
    assert all(e["doc_id"] == str(article) for e in events)
    assert ARTICLE[drills[-1]["trigger"]["start"]:drills[-1]["trigger"]["end"]] == drills[-1]["trigger"]["text"]


def test_jsonl_input_uses_its_fields(docs):
    result = run("extract", str(docs), "--format", "jsonl")
    assert result.exit_code == 0
    events = jsonl(result.stdout)
    assert [(e["doc_id"], e["type"]) for e in events] == [("a", "deployment"), ("c", "withdrawal")]
    assert events[0]["published"] == "2021-07-28" and events[0]["date"]["start"] == "2021-07-26"


def test_json_is_one_array(docs):
    result = run("extract", str(docs), "--format", "json")
    assert result.exit_code == 0
    assert [e["doc_id"] for e in json.loads(result.stdout)] == ["a", "c"]


def test_json_with_no_events_is_an_empty_array(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("Nothing happened today.", encoding="utf-8")
    result = run("extract", str(path), "--format", "json")
    assert json.loads(result.stdout) == []


def test_csv_flattens_actors_and_places(docs):
    result = run("extract", str(docs), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["actor_codes"] == "DEU" and rows[0]["location_countries"] == "LTU"
    assert rows[0]["lat"] and rows[0]["lon"]


def test_table(article):
    result = run("extract", str(article), "--format", "table")
    assert result.exit_code == 0
    assert "exercise" in result.stdout and "Japan" in result.stdout


def test_stdin_text(article):
    result = run("extract", "-", "--format", "jsonl", input=ARTICLE)
    assert result.exit_code == 0
    assert any(e["type"] == "exercise" for e in jsonl(result.stdout))


def test_stdin_jsonl(docs):
    result = run("extract", "--format", "jsonl", input=docs.read_text())
    assert [e["doc_id"] for e in jsonl(result.stdout)] == ["a", "c"]


def test_folder_is_read_recursively_skipping_hidden_files(tmp_path, docs, article):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "more.txt").write_text("Chad sent troops to Niger.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Chad sent troops to Mali.", encoding="utf-8")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    ids = {e["doc_id"] for e in jsonl(result.stdout)}
    assert str(tmp_path / "sub" / "more.txt") in ids and "a" in ids
    assert not any("hidden" in i for i in ids)


def test_types_filter(docs):
    result = run("extract", str(docs), "--format", "jsonl", "--types", "withdrawal")
    assert [e["type"] for e in jsonl(result.stdout)] == ["withdrawal"]


def test_unknown_type_is_a_usage_error(docs):
    result = run("extract", str(docs), "--types", "parade")
    assert result.exit_code == 2


def test_bad_published_is_a_usage_error(article):
    result = run("extract", str(article), "--published", "28/07/2021")
    assert result.exit_code == 2


def test_missing_path_is_one_line_and_exit_1(tmp_path, docs):
    result = run("extract", str(tmp_path / "nope.txt"), str(docs), "--format", "jsonl")
    assert result.exit_code == 1
    assert "nope.txt: no such file or directory" in result.stderr
    assert "Traceback" not in result.output
    assert [e["doc_id"] for e in jsonl(result.stdout)] == ["a", "c"]  # the good input still ran


def test_unreadable_file(monkeypatch, article):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers, "open", refuse, raising=False)
    result = run("extract", str(article))
    assert result.exit_code == 1
    assert "permission denied" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(article):
    article.chmod(0)
    result = run("extract", str(article))
    assert result.exit_code == 1 and "permission denied" in result.stderr


def test_malformed_jsonl_line_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "Kenyan troops withdrew from Somalia."}\n{oops\n{"id": "y"}\n')
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert f"{path}:2" in result.stderr and f"{path}:3" in result.stderr
    assert [e["doc_id"] for e in jsonl(result.stdout)] == ["x"]


def test_closed_pipe_is_quiet(tmp_path):
    path = tmp_path / "many.jsonl"
    text = "Germany deployed 300 soldiers to Lithuania on Monday."
    path.write_text("".join(json.dumps({"id": str(i), "text": text}) + "\n" for i in range(3000)))
    for command, output in (("extract", "jsonl"), ("dates", "jsonl"), ("extract", "table"), ("dates", "table")):
        # the exit code of geoevents itself, not of head
        line = f"{sys.executable} -m geoevents {command} {path} --format {output} | head -1; exit ${{PIPESTATUS[0]}}"
        done = subprocess.run(["bash", "-c", line], capture_output=True, text=True, timeout=120)
        assert done.stdout.count("\n") == 1
        assert "Traceback" not in done.stderr and "Error" not in done.stderr
        assert done.returncode == 0, (command, output)


def test_readme_commands_name_real_files():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in readme
    assert (Path(__file__).parent.parent / "data" / "examples" / "baltic-drills.txt").exists()


def wide(*args):
    """A run whose table is wide enough for every word on one line."""
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_table_is_printed_a_page_at_a_time(tmp_path):
    """A long run shows its events in pages (one table each) rather than holding all of them;
    the doc column of a multi-document run is on every page."""
    from geoevents.render import TableWriter

    path = tmp_path / "many.jsonl"
    sentence = "Poland sent 200 soldiers to Latvia on Tuesday."
    count = TableWriter.PAGE * 2 + 5
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": sentence}) + "\n" for i in range(count)))
    result = wide("extract", str(path), "--format", "table", "--quiet")
    assert result.exit_code == 0
    headers = [line for line in result.stdout.splitlines() if " type " in line and " status " in line]
    assert len(headers) == 3
    assert all(" doc " in line for line in headers)
    assert result.stdout.count("deployment") == count


def test_table_of_one_event_and_of_none(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Poland sent 200 soldiers to Latvia on Tuesday.\n")
    one = wide("extract", str(path), "--format", "table", "--published", "2024-05-02")
    assert one.stdout.count("deployment") == 1 and " doc " not in one.stdout
    path.write_text("The council met to discuss the budget.\n")
    none = run("extract", str(path), "--format", "table")
    assert "No events found." in none.stdout


def test_the_summary_counts_documents_without_a_publication_date(tmp_path):
    sentence = "Peru sent 300 soldiers to its southern border on Friday.\n"
    (tmp_path / "undated.txt").write_text(sentence)
    (tmp_path / "dated.txt").write_text("LIMA, May 3, 2024 - " + sentence)
    both = run("extract", str(tmp_path), "--format", "jsonl")
    assert both.exit_code == 0
    assert "1 document had no publication date" in both.stderr
    given = run("extract", str(tmp_path / "undated.txt"), "--format", "jsonl", "--published", "2024-05-03")
    assert "no publication date" not in given.stderr


def test_table_marks_a_span_open_at_either_end():
    text = ("Serbian troops have been deployed along the border since May 4.\n"
            "Greek marines kept up the naval drills until July 2.\n")
    result = runner.invoke(app, ["extract", "-", "--format", "table", "--published", "2021-07-28", "--quiet"],
                           input=text, env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "2021-05-04 …" in result.stdout and "… 2021-07-02" in result.stdout
