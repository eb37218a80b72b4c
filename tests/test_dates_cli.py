"""``geoevents dates``: one record per time expression, in every output format."""

import csv
import io
import json

from typer.testing import CliRunner

from geoevents.cli import app

runner = CliRunner()
TEXT = "The Japanese navy will hold drills on August 5-10, officials said on Monday.\n"


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


def jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_records_carry_offsets_type_value_and_range(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("dates", str(path), "--published", "2021-07-28", "--format", "jsonl")
    assert result.exit_code == 0
    records = jsonl(result.stdout)
    assert records == [
        {"doc_id": str(path), "text": "August 5-10", "start": 38, "end": 49, "type": "DATE",
         "value": "2021-08-05", "range": {"start": "2021-08-05", "end": "2021-08-10"}},
        {"doc_id": str(path), "text": "Monday", "start": 69, "end": 75, "type": "DATE", "value": "2021-07-26"},
    ]
    for record in records:
        assert TEXT[record["start"]:record["end"]] == record["text"]


def test_jsonl_input_uses_each_documents_date(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"id": "a", "published": "2021-07-28", "text": "Troops left yesterday."},
            {"id": "b", "date": "2019-03-01", "text": "Troops left yesterday."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("dates", str(path), "--format", "jsonl")
    assert [(r["doc_id"], r["value"]) for r in jsonl(result.stdout)] == [("a", "2021-07-27"), ("b", "2019-02-28")]


def test_csv_and_json_formats():
    result = run("dates", "-", "--published", "2021-07-28", "--format", "csv", input=TEXT)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["text"], r["range_end"]) for r in rows] == [("August 5-10", "2021-08-10"), ("Monday", "")]
    result = run("dates", "-", "--published", "2021-07-28", "--format", "json", input=TEXT)
    assert [r["value"] for r in json.loads(result.stdout)] == ["2021-08-05", "2021-07-26"]


def test_table_format_and_no_expressions():
    result = run("dates", "-", "--format", "table", input="No time here.")
    assert result.exit_code == 0 and "No time expressions found" in result.stdout


def test_bad_input_is_one_line_and_a_nonzero_exit(tmp_path):
    result = run("dates", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    result = run("dates", "-", "--published", "28/07/2021", input=TEXT)
    assert result.exit_code == 2


def test_folder_glob_files_from_and_errors_file(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("The drills end on Friday.", encoding="utf-8")
    (folder / "b.md").write_text("The drills end on Sunday.", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00\x01\x02binary\x00")
    listed = tmp_path / "more.txt"
    listed.write_text("Talks resume next week.", encoding="utf-8")
    paths = tmp_path / "paths.txt"
    paths.write_text(f"{listed}\n", encoding="utf-8")
    error_file = tmp_path / "failed.jsonl"
    result = run("dates", str(folder), "--glob", "*.txt", "--files-from", str(paths), "--errors", str(error_file),
                 "--published", "2024-03-06", "--format", "jsonl")
    assert result.exit_code == 1
    assert [(r["text"], r["value"]) for r in jsonl(result.stdout)] == [("Friday", "2024-03-08"),
                                                                      ("next week", "2024-W11")]
    failures = jsonl(error_file.read_text(encoding="utf-8"))
    assert [f["source"] for f in failures] == [str(folder / "c.txt")]
    assert "2 documents read, 1 failed; 2 time expressions" in result.stderr


def test_quiet_leaves_only_failures_on_stderr(tmp_path):
    result = run("dates", "-", "--published", "2024-03-06", "--quiet", input="Troops left yesterday.")
    assert result.exit_code == 0 and result.stderr == ""
    result = run("dates", "-", "--published", "2024-03-06", input="Troops left yesterday.")
    assert "1 document read, 0 failed; 1 time expression" in result.stderr
