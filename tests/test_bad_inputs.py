"""Bad input gets a clear message and the run goes on: no traceback, the right exit code, and
every good document still processed. The inputs are made here, in temporary folders."""

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geoevents import readers
from geoevents.cli import app
from geoevents.markup import html_to_text
from geoevents.sources import read_ahead

GOOD = "Chad sent 300 troops to Niger on Monday."
runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, ["extract", *args], input=input)


def geoevents(*args, input=None, timeout=120):
    """The real command in a subprocess: real exit codes, real stderr, real worker processes."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "geoevents", "extract", *args], input=input,
                          capture_output=True, timeout=timeout, env=env)


def jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def warnings_about(stderr: str, name: str, what: str) -> list[str]:
    return [line for line in stderr.splitlines() if "warning" in line and name in line and what in line]


@pytest.fixture
def messy(tmp_path) -> Path:
    """A folder with enough good files to need worker processes, and one of every bad input."""
    folder = tmp_path / "news"
    (folder / "good").mkdir(parents=True)
    for i in range(70):
        (folder / "good" / f"{i:04}.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bad_utf8.txt").write_bytes(b"Germany deployed troops to Lithuania \xff\xfe on Monday. \xc3")
    (folder / "binary.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage, not deflate data")
    lines = [
        json.dumps({"id": "j1", "text": "Kenyan troops withdrew from Somalia."}).encode(),
        b'{"id": "j2", "text": "unterminated',
        json.dumps({"id": "j3", "title": "no text here"}).encode(),
        b"[1, 2, 3]",
        b'{"id": "j5", "text": "Chad sent troops to Mali \xff."}',
        b'{"id": "j6", "text": "Chad sent troops to Niger \xfe\xff."}',
        json.dumps({"id": "j7", "text": "Japan sent 200 soldiers to Djibouti."}).encode(),
    ]
    (folder / "docs.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to("..", target_is_directory=True)  # a folder link loop
    (folder / "selfloop.txt").symlink_to("selfloop.txt")  # a file link loop
    return folder


def test_a_folder_of_bad_inputs_is_read_to_the_end(messy, tmp_path):
    errors_file = tmp_path / "errors.jsonl"
    done = geoevents(str(messy), "--format", "jsonl", "--jobs", "2", "--errors", str(errors_file))
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr
    assert "Traceback" not in stderr

    events = jsonl(done.stdout.decode())
    ids = [e["doc_id"] for e in events]
    good = [str(messy / "good" / f"{i:04}.txt") for i in range(70)]
    assert [i for i in ids if "/good/" in i] == good  # every good file, in input order
    assert {"j1", "j5", "j6", "j7", str(messy / "bad_utf8.txt")} <= set(ids)

    failed = {(f["source"].replace(str(messy) + "/", ""), f["line"]): f for f in jsonl(errors_file.read_text())}
    assert set(failed) == {("binary.dat", None), ("broken.txt.gz", None), ("selfloop.txt", None),
                           ("docs.jsonl", 2), ("docs.jsonl", 3), ("docs.jsonl", 4)}
    assert "binary" in failed[("binary.dat", None)]["reason"]
    assert "symbolic links" in failed[("selfloop.txt", None)]["reason"]
    assert failed[("docs.jsonl", 3)]["id"] == "j3" and "'text'" in failed[("docs.jsonl", 3)]["reason"]
    assert "not valid JSON" in failed[("docs.jsonl", 2)]["reason"]
    assert "gzip" in failed[("broken.txt.gz", None)]["reason"]

    # warnings: invalid UTF-8 once per file, empty files, the folder loop
    assert len(warnings_about(stderr, "docs.jsonl", "invalid UTF-8")) == 1
    assert len(warnings_about(stderr, "bad_utf8.txt", "invalid UTF-8")) == 1
    assert warnings_about(stderr, "empty.txt", "empty") and warnings_about(stderr, "blank.jsonl", "empty")
    assert warnings_about(stderr, "loop", "symbolic link loop")
    assert f"{70 + 1 + 4} documents read" in stderr and "6 failed" in stderr

    one_job = geoevents(str(messy), "--format", "jsonl", "--jobs", "1")
    assert one_job.returncode == 1 and one_job.stdout == done.stdout  # same output, same order


def test_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert run(str(good), "-f", "jsonl").exit_code == 0
    assert run(str(good), str(tmp_path / "missing.txt"), "-f", "jsonl").exit_code == 1
    assert run(str(good), "--jobs", "0").exit_code == 2
    assert run(str(good), "--format", "xml").exit_code == 2
    assert run("-", "--files-from", "-").exit_code == 2
    assert run(str(good), "--errors", str(tmp_path / "no" / "such" / "folder" / "e.jsonl")).exit_code == 2


def test_invalid_utf8_is_decoded_with_replacement_and_reported_once(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\xe9 talks. Germany deployed troops to Lithuania on Monday. Na\xefve.".encode("latin-1"))
    result = run(str(path), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0
    assert len(warnings_about(result.stderr, "latin1.txt", "invalid UTF-8")) == 1
    text = path.read_bytes().decode("utf-8", errors="replace")
    [event] = jsonl(result.stdout)
    assert text[event["trigger"]["start"]:event["trigger"]["end"]] == "deployed"


@pytest.mark.parametrize("name,content", [
    ("empty.txt", b""), ("spaces.txt", b" \n\t\n"), ("empty.jsonl", b""), ("empty.txt.gz", gzip.compress(b"")),
])
def test_empty_files_are_reported_and_skipped(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(str(path), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0 and result.stdout == ""
    assert warnings_about(result.stderr, name, "empty")


def test_binary_file_is_skipped_with_its_reason(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run(str(binary), str(good), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1
    assert "photo.txt: binary file" in result.stderr
    assert [e["doc_id"] for e in jsonl(result.stdout)] == [str(good)]


def test_missing_or_wrong_text_field_names_line_and_id(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "body": GOOD}),
        json.dumps({"id": "b", "text": 42}),
        json.dumps({"id": "c", "text": GOOD}),
    ]) + "\n", encoding="utf-8")
    result = run(str(path), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1
    assert f"{path}:1: no 'text' field" in result.stderr and f"{path}:2: a non-string 'text' field" in result.stderr
    assert [e["doc_id"] for e in jsonl(result.stdout)] == ["c"]
    assert run(str(path), "-f", "jsonl", "-j", "1", "--text-field", "body").exit_code == 1  # now b and c lack it


def test_lone_surrogate_in_json_does_not_break_the_output(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "s", "text": "Chad sent 300 troops to Niger \\ud800 on Monday."}\n', encoding="utf-8")
    result = run(str(path), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0
    [event] = jsonl(result.stdout)
    assert event["trigger"]["text"] == "sent"


def test_gzip_broken_midway_keeps_the_documents_before_the_break(tmp_path):
    rows = "".join(json.dumps({"id": str(i), "text": GOOD + " " + "filler words " * 40}) + "\n" for i in range(3000))
    packed = gzip.compress(rows.encode(), compresslevel=1)
    path = tmp_path / "docs.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])  # cut off the last quarter
    result = run(str(path), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "gzip" in result.stderr or "truncated" in result.stderr
    ids = [int(e["doc_id"]) for e in jsonl(result.stdout)]
    assert ids and ids == list(range(len(ids)))  # every document before the break, in order


def test_read_ahead_gives_the_blocks_before_an_error_then_the_error():
    def blocks():
        yield b"first"
        yield b"second"
        raise EOFError("cut short")

    got = []
    with pytest.raises(EOFError, match="cut short"):
        for block in read_ahead(blocks()):
            got.append(block)
    assert got == [b"first", b"second"]


def test_read_ahead_stops_its_thread_when_the_reading_stops():
    def endless():
        while True:
            yield b"more"

    reader = read_ahead(endless())
    assert next(reader) == b"more"
    reader.close()
    assert not [t for t in threading.enumerate() if t.name == "geoevents-read-ahead"]


def test_unreadable_file_is_reported_and_the_others_go_on(monkeypatch, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(readers, "open", guarded, raising=False)
    result = run(str(secret), str(good), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1
    assert "secret.txt: permission denied" in result.stderr
    assert [e["doc_id"] for e in jsonl(result.stdout)] == [str(good)]


def test_symbolic_link_loops(tmp_path):
    folder = tmp_path / "news"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "one.txt").write_text(GOOD, encoding="utf-8")
    (folder / "a" / "back").symlink_to("..", target_is_directory=True)
    result = run(str(folder), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0  # a folder loop is skipped with a warning, each file is read once
    assert [e["doc_id"] for e in jsonl(result.stdout)] == [str(folder / "a" / "one.txt")]
    assert warnings_about(result.stderr, "back", "loop")

    (folder / "a" / "me.txt").symlink_to("me.txt")
    result = run(str(folder), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1 and "me.txt: too many levels of symbolic links" in result.stderr
    assert len(jsonl(result.stdout)) == 1


def test_html_is_stripped_and_offsets_refer_to_the_visible_text(tmp_path):
    html = ("<html><head><title>Naval drills</title><style>p {color: red}</style>"
            "<script>var note = 'France sent 300 troops to Mali';</script></head>"
            "<body><h1>Baltic</h1><p>Russia will hold naval drills &amp; exercises in the Baltic Sea"
            " from March&nbsp;18.</p><p>Germany deployed 250 soldiers to Lithuania.</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    result = run(str(path), "-f", "jsonl", "-j", "1", "--published", "2024-03-14")
    assert result.exit_code == 0
    events = jsonl(result.stdout)
    text = html_to_text(html)
    assert "var note" not in text and "color" not in text and "&amp;" not in text
    assert {e["trigger"]["text"] for e in events} == {"drills", "deployed"}
    for e in events:
        assert text[e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
        assert text[e["sentence"]["start"]:e["sentence"]["end"]] == e["sentence"]["text"]


def test_files_from_a_list_and_from_stdin(tmp_path):
    paths = []
    for name in ("one.txt", "two.txt.gz"):
        path = tmp_path / name
        data = GOOD.encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        paths.append(str(path))
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join([paths[0], "", str(tmp_path / "gone.txt"), paths[1]]) + "\n", encoding="utf-8")
    result = run("--files-from", str(listing), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1 and "gone.txt: no such file or directory" in result.stderr
    assert [e["doc_id"] for e in jsonl(result.stdout)] == paths
    result = run("--files-from", "-", "-f", "jsonl", "-j", "1", input="\n".join(paths) + "\n")
    assert result.exit_code == 0 and [e["doc_id"] for e in jsonl(result.stdout)] == paths


def test_glob_picks_files_in_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.md", "sub/c.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    result = run(str(tmp_path), "--glob", "*.txt", "-f", "jsonl", "-j", "1")
    assert result.exit_code == 0
    assert [e["doc_id"] for e in jsonl(result.stdout)] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "c.txt")]


def big_jsonl(path: Path, count: int) -> list[str]:
    """JSON Lines of ``count`` documents, each with one event, large enough for several chunks."""
    ids = [f"doc-{i:05}" for i in range(count)]
    filler = " The ministry gave no further details about the schedule." * 8
    path.write_text("".join(json.dumps({"id": i, "published": "2021-07-28", "text": GOOD + filler}) + "\n"
                            for i in ids), encoding="utf-8")
    return ids


def test_workers_keep_the_input_order(tmp_path):
    path = tmp_path / "docs.jsonl"
    ids = big_jsonl(path, 4000)  # about 2 MB: several chunks for two workers
    done = geoevents(str(path), "-f", "jsonl", "--jobs", "2")
    assert done.returncode == 0
    assert [e["doc_id"] for e in jsonl(done.stdout.decode())] == ids
    assert "4,000 documents read, 4,000 with events, 0 failed" in done.stderr.decode()
    loose = geoevents(str(path), "-f", "jsonl", "--jobs", "2", "--unordered", "--quiet")
    assert sorted(e["doc_id"] for e in jsonl(loose.stdout.decode())) == ids
    assert loose.stderr == b""


def test_closed_pipe_is_quiet_with_workers(tmp_path):
    path = tmp_path / "docs.jsonl"
    big_jsonl(path, 4000)
    command = f"{sys.executable} -m geoevents extract {path} --format jsonl --jobs 2 | head -3; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 3
    assert done.stderr == ""
    assert done.returncode == 0


@pytest.mark.parametrize("output", ["jsonl", "json"])
def test_ctrl_c_flushes_what_was_done_prints_the_summary_and_exits_130(tmp_path, output):
    path = tmp_path / "docs.jsonl"
    big_jsonl(path, 3000)
    data = path.read_bytes()
    process = subprocess.Popen([sys.executable, "-m", "geoevents", "extract", "-", "-f", output, "-j", "1"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outputs: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda name=name: outputs.__setitem__(name, getattr(process, name).read()))
               for name in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    # writing more than a pipe holds returns only once the command is reading: it is running
    process.stdin.write(data)
    process.stdin.flush()
    process.send_signal(signal.SIGINT)
    process.stdin.close()  # the program upstream of a pipe stops on Ctrl-C too
    for reader in readers:
        reader.join(timeout=120)
    process.wait(timeout=120)
    stdout, stderr = outputs["stdout"], outputs["stderr"]
    assert process.returncode == 130, stderr.decode()
    assert "Traceback" not in stderr.decode() and "interrupted" in stderr.decode()
    records = json.loads(stdout) if output == "json" else jsonl(stdout.decode())  # complete, valid output
    read = int(re.search(r"([\d,]+) documents? read", stderr.decode()).group(1).replace(",", ""))
    assert 0 < read <= 3000 and len(records) == read  # each document read has its one event written
    assert [r["doc_id"] for r in records] == [f"doc-{i:05}" for i in range(read)]


def test_files_are_shared_out_by_size(tmp_path):
    """Chunks of files are cut at a quarter of a megabyte of files (or 64 files), so that a
    folder of long articles is shared evenly between the jobs."""
    from geoevents.batch import CHUNK_BYTES, CHUNK_FILES, _chunks
    from geoevents.sources import iter_tasks

    for i in range(6):
        (tmp_path / f"long{i}.txt").write_text(GOOD + " More words." * (CHUNK_BYTES // 30), encoding="utf-8")
    chunks = list(_chunks(iter_tasks([str(tmp_path)]), lambda: False))
    assert [len(c) for c in chunks] == [3, 3]  # each file a third of a chunk and a little more
    (tmp_path / "short").mkdir()
    for i in range(CHUNK_FILES + 1):
        (tmp_path / "short" / f"{i:03}.txt").write_text(GOOD, encoding="utf-8")
    chunks = list(_chunks(iter_tasks([str(tmp_path / "short")]), lambda: False))
    assert [len(c) for c in chunks] == [CHUNK_FILES, 1]


def test_two_jobs_give_the_output_of_one_over_files_of_any_size(tmp_path):
    for i in range(12):
        filler = " The ministry gave no further details about the schedule." * (i * 400)
        (tmp_path / f"{i:02}.txt").write_text(GOOD + filler, encoding="utf-8")
    one = geoevents(str(tmp_path), "-f", "jsonl", "-j", "1", "--quiet")
    two = geoevents(str(tmp_path), "-f", "jsonl", "-j", "2", "--quiet")
    assert one.returncode == two.returncode == 0
    assert two.stdout == one.stdout and len(jsonl(one.stdout.decode())) == 12
