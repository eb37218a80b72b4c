"""A plain-text document too long to hold is read as a stream (``textstream``), part by part
(``parts``): its events and time expressions are those of the text read at once, offsets into
the whole text. The thresholds are made small here, so that small texts are cut in many parts,
and the bytes are read in blocks of an odd size, so that blocks end inside characters."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from geoevents import eventlinks, parts, textstream
from geoevents.document import Document
from geoevents.pipeline import extract_document
from geoevents.readers import Parser
from geoevents.sources import LongLine, Notice, blocks
from geoevents.temporal import tag
from geoevents.textstream import StreamedDocument
from geoevents.timex_records import document_timexes

# Sentences of our own: events with parties, places, sizes and dates, relative dates that lean
# on the date before, text beyond Latin-1 (which Python holds in 2 or 4 bytes a character)
SENTENCES = [
    "Dutch and Belgian marines held joint drills off Den Helder on 4 March 2022. ",
    "Two days later the marines pulled out of the harbour. ",
    "Norway sent 250 soldiers to Estonia last week, an officer said.\r\n",
    "The ministry denied that the regiment would leave the island. ",
    "Crowds gathered in the square – 東京 and Ōsaka papers ran the story 🙂. ",
    "Farmers sold grain at the market while the river rose.\r\n",
    "On Tuesday, Chilean troops withdrew from the border town of Arica. ",
    "The exercises will end in mid-April, a spokeswoman told reporters. ",
]
STRETCH = "patrols moved along the ridge and troops gathered near the pass and "  # one long "sentence"


FILLER = "Farmers sold grain at the market while the river rose. "  # (no event: cheap to read)


def _document_text(size: int, seed: int = 7, filler: float = 0.0) -> str:
    """About ``size`` characters of the sentences above (with ``filler``, that share of them no event)."""
    rng = random.Random(seed)
    pieces: list[str] = []
    length = 0
    while length < size:
        if rng.random() < filler:
            pieces.append(FILLER)
            length += len(FILLER)
            continue
        piece = rng.choice(SENTENCES) if rng.random() > 0.02 else STRETCH * rng.randint(20, 60) + ". "
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)


@pytest.fixture
def small_thresholds(monkeypatch):
    monkeypatch.setattr(parts, "LARGE_DOCUMENT", 50_000)
    monkeypatch.setattr(parts, "PART", 60 * parts.WINDOW)
    monkeypatch.setattr(textstream, "STREAMED_BYTES", 20_000)
    monkeypatch.setattr(textstream, "READ_BYTES", 4093)


def _read(path: Path, published: str | None = "2022-03-10") -> tuple[StreamedDocument | Document, list[Notice]]:
    notices: list[Notice] = []
    parser = Parser(published=Document(text="").published if published is None else _date(published))
    (document,) = parser.parse(_file_task(path), notices.append)
    return document, notices


def _date(value: str):
    from geoevents.document import parse_published

    return parse_published(value)


def _file_task(path: Path):
    from geoevents.sources import Task

    return Task("file", str(path))


def _events(document) -> list[dict]:
    return [event.to_dict() for event in extract_document(document)]


def _whole(text: str, document) -> Document:
    return Document(text=text, id=document.id, published=document.published, source=document.source)


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_streamed_document_has_the_events_of_the_text_read_at_once(tmp_path, monkeypatch, gzipped):
    text = _document_text(400_000)
    path = tmp_path / ("long.txt.gz" if gzipped else "long.txt")
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    at_once = _events(Document(text=text, id=str(path), published=_date("2022-03-10")))

    monkeypatch.setattr(parts, "LARGE_DOCUMENT", 50_000)
    monkeypatch.setattr(parts, "PART", 60 * parts.WINDOW)
    monkeypatch.setattr(textstream, "STREAMED_BYTES", 20_000)
    monkeypatch.setattr(textstream, "READ_BYTES", 4093)
    monkeypatch.setattr(eventlinks, "WINDOW_MENTIONS", 1_000_000)  # (no event spans that many mentions)
    document, notices = _read(path)
    assert isinstance(document, StreamedDocument)
    assert len(parts.part_starts(text)) > 8
    streamed = _events(document)
    assert document.characters == len(text)
    assert not notices
    assert len(streamed) > 500
    assert streamed == at_once
    for event in streamed:
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
    assert any(e["event_id"] != f"{path}@{e['trigger']['start']}" for e in streamed)  # mentions linked


def test_a_streamed_document_has_the_time_expressions_of_the_text_tagged_at_once(tmp_path, small_thresholds):
    text = _document_text(300_000, seed=11)
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    document, _ = _read(path)
    assert isinstance(document, StreamedDocument)
    streamed = [record.to_dict() for record in document_timexes(document)]
    at_once = [{"doc_id": document.id, **t.to_dict()} for t in tag(text, document.published)]
    assert len(at_once) > 1000
    assert streamed == at_once
    whole = [record.to_dict() for record in document_timexes(_whole(text, document))]  # in parts, held whole
    assert whole == at_once


def test_invalid_utf8_in_a_stream_is_replaced_as_at_once_and_reported_once(tmp_path, small_thresholds):
    text = _document_text(200_000, seed=3)
    data = bytearray(text.encode("utf-8"))
    first_bad = 50_001
    for at in (first_bad, 120_000, 150_003):
        data[at] = 0xFF
    data += "東".encode()[:2]  # a character cut at the very end
    path = tmp_path / "bad.txt"
    path.write_bytes(bytes(data))
    document, notices = _read(path)
    decoded = bytes(data).decode("utf-8", errors="replace")
    assert _events(document) == _events(_whole(decoded, document))
    assert document.characters == len(decoded)
    assert [n.message for n in notices] == [f"invalid UTF-8 (first at byte {first_bad}), decoded with "
                                            "replacement characters"]


def test_a_streamed_document_finds_its_publication_date_in_its_head_or_tail(tmp_path, small_thresholds):
    body = _document_text(100_000, seed=5)
    head = tmp_path / "head.txt"
    head.write_text("Published: 12 May 2021\n" + body, encoding="utf-8")
    tail = tmp_path / "tail.txt.gz"
    tail.write_bytes(gzip.compress((body + "\nUpdated: 3 June 2020\n").encode("utf-8")))
    parser = Parser(date_from_text_later=True)
    for path, expected in ((head, "2021-05-12"), (tail, "2020-06-03")):
        (document,) = parser.parse(_file_task(path), lambda notice: None)
        assert isinstance(document, StreamedDocument)
        assert document.published is None
        assert document.dated().published.isoformat() == expected


def test_a_json_lines_record_too_long_to_parse_is_reported_and_passed_over(monkeypatch):
    monkeypatch.setattr("geoevents.sources.MAX_LINE_BYTES", 1_000_000)
    short = json.dumps({"id": "a", "text": "Troops left."}).encode() + b"\n"
    long = json.dumps({"id": "b", "text": "x" * 3_000_000}).encode() + b"\n"
    import io

    found = list(blocks(io.BytesIO(short + long + short)))
    assert [type(b) for b in found] == [bytes, LongLine, bytes]
    assert found[0] == short and found[2] == short
    assert found[1].size == len(long)


@pytest.mark.parametrize("block", [7, 64, 1000])  # (a block is never longer than the limit)
def test_a_json_lines_record_of_the_limit_is_read_and_one_byte_more_is_not(monkeypatch, block):
    import io

    monkeypatch.setattr("geoevents.sources.MAX_LINE_BYTES", 1000)
    monkeypatch.setattr("geoevents.sources.BLOCK", block)
    at_limit, over = b"a" * 1000, b"b" * 1001
    found = list(blocks(io.BytesIO(b"x\n" + at_limit + b"\n" + over + b"\ny\n" + over)))
    kept = b"".join(b for b in found if isinstance(b, bytes))
    assert kept == b"x\n" + at_limit + b"\ny\n"
    assert [b.size for b in found if isinstance(b, LongLine)] == [1002, 1001]


def _window_texts(tmp_path, monkeypatch, window: int) -> list[dict]:
    monkeypatch.setattr(eventlinks, "WINDOW_MENTIONS", window)
    path = tmp_path / "long.txt"
    if not path.exists():
        path.write_text(_document_text(120_000, seed=21), encoding="utf-8")
    document, _ = _read(path)
    assert isinstance(document, StreamedDocument)
    return _events(document)


def test_a_long_document_links_mentions_only_within_a_window(tmp_path, monkeypatch, small_thresholds):
    whole = _window_texts(tmp_path, monkeypatch, 1_000_000)
    windowed = _window_texts(tmp_path, monkeypatch, 7)
    assert len(windowed) == len(whole) > 100

    def unlinked(event: dict) -> dict:
        return {k: v for k, v in event.items() if k not in ("event_id", "resolved")}

    assert [unlinked(e) for e in windowed] == [unlinked(e) for e in whole]  # the same mentions, in text order
    starts = [e["trigger"]["start"] for e in windowed]
    assert starts == sorted(starts)

    def spans(events: list[dict]) -> list[int]:
        """For each event, how many mentions its first to its last mention take."""
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        for number, event in enumerate(events):
            first.setdefault(event["event_id"], number)
            last[event["event_id"]] = number
        return [last[key] - first[key] + 1 for key in first]

    assert max(spans(windowed)) <= 7
    assert max(spans(whole)) > 7  # (so the window changed something)
    assert any(a["event_id"] != b["event_id"] for a, b in zip(windowed, whole, strict=True))
    # an event no longer than the window is linked as without it
    small = {e["event_id"] for e in whole if spans([x for x in whole if x["event_id"] == e["event_id"]]) == [1]}
    assert all(b["event_id"] == a["event_id"] for a, b in zip(whole, windowed, strict=True) if a["event_id"] in small)


def test_the_events_of_a_streamed_document_are_passed_on_while_it_is_read(tmp_path, monkeypatch, small_thresholds):
    from geoevents import batch
    from geoevents.sources import Task

    monkeypatch.setattr(batch, "EVENTS_PER_RESULT", 40)
    short = tmp_path / "a.txt"
    short.write_text("Norway sent 250 soldiers to Estonia last week.", encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text(_document_text(100_000, seed=4), encoding="utf-8")
    batch.set_up(Parser(published=_date("2022-03-10")), None)
    chunk = [Task("file", str(short)), Task("file", str(long)), Task("file", str(short))]

    handed_back = batch.process_chunk(chunk)  # (as in a worker: the streamed document is left to the caller)
    assert handed_back.deferred == chunk[1:]
    assert handed_back.documents == 1 and len(handed_back.events) == 1

    results = list(batch.streamed_results(handed_back.deferred))
    assert len(results) > 3
    assert all(len(r.events) <= 40 for r in results)
    events = [e for r in results for e in r.events]
    assert [e.doc_id for e in events] == [str(long)] * (len(events) - 1) + [str(short)]
    assert [e.to_dict() for e in events[:-1]] == _events(_read(long)[0])
    assert sum(r.documents for r in results) == 2
    assert sum(r.with_events for r in results) == 2


def test_a_run_with_workers_writes_a_streamed_document_in_its_place(tmp_path, monkeypatch, small_thresholds):
    from geoevents import batch
    from geoevents.sources import Task

    monkeypatch.setattr(batch, "CHUNK_FILES", 1)
    monkeypatch.setattr(batch, "EVENTS_PER_RESULT", 40)
    paths = []
    for name, size in (("a", 3_000), ("b", 100_000), ("c", 3_000), ("d", 60_000), ("e", 3_000)):
        path = tmp_path / f"{name}.txt"
        path.write_text(_document_text(size, seed=len(paths)), encoding="utf-8")
        paths.append(path)
    tasks = [Task("file", str(p), size=p.stat().st_size) for p in paths]

    def run(jobs: int) -> list[dict]:
        results = batch.extract_all(iter(tasks), Parser(published=_date("2022-03-10")), jobs=jobs)
        return [e.to_dict() for r in results for e in r.events]

    one = run(1)
    assert [str(p) for p in paths] == list(dict.fromkeys(e["doc_id"] for e in one))
    assert run(2) == one


def _geoevents(*args: str, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geoevents", *args], input=stdin, capture_output=True,
                          timeout=600, env=env)


def test_the_commands_stream_a_long_text_and_report_what_they_cannot_read(tmp_path):
    """Through the command line, with the real thresholds: a 5 MB text on standard input and in a
    file gives the events of the text read at once; a JSON Lines record and an HTML file too
    long to read are failures, on stderr and in the --errors file, and the rest is read."""
    text = _document_text(5_000_000, seed=9, filler=0.97)
    plain = tmp_path / "long.txt"
    plain.write_text(text, encoding="utf-8")
    from_file = _geoevents("extract", str(plain), "--format", "jsonl", "--quiet", "--published", "2022-03-10")
    from_stdin = _geoevents("extract", "-", "--format", "jsonl", "--quiet", "--published", "2022-03-10",
                            stdin=text.encode())
    assert from_file.returncode == 0 and from_stdin.returncode == 0, from_stdin.stderr
    at_once = [json.dumps(e.to_dict(), ensure_ascii=False) for e in
               extract_document(Document(text=text, id=str(plain), published=_date("2022-03-10")))]
    assert len(at_once) > 1000
    assert [json.loads(line) for line in from_file.stdout.decode().splitlines()] == [json.loads(x) for x in at_once]
    from_stdin_events = [json.loads(line) for line in from_stdin.stdout.decode().splitlines()]
    assert [e["trigger"] for e in from_stdin_events] == [json.loads(x)["trigger"] for x in at_once]

    records = tmp_path / "docs.jsonl"
    huge_line = json.dumps({"id": "huge", "text": "a " * 6_100_000})
    records.write_text(json.dumps({"id": "ok", "text": "Norway sent 250 soldiers to Estonia."}) + "\n"
                       + huge_line + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<p>" + "Farmers sold grain. " * 410_000 + "</p>", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    done = _geoevents("extract", str(records), str(page), "--format", "jsonl", "--errors", str(errors))
    assert done.returncode == 1
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr
    assert (f"{records}:2: a line of {len(huge_line) + 1:,} bytes, longer than the 12 MB a JSON Lines record "
            "may hold") in stderr
    assert f"{page}: HTML file of more than 8 MB" in stderr
    assert "2 failed" in stderr  # (the summary)
    logged = [json.loads(line) for line in errors.read_text().splitlines()]
    assert {(e["source"], e["line"]) for e in logged} == {(str(records), 2), (str(page), None)}
    assert [json.loads(line)["doc_id"] for line in done.stdout.decode().splitlines()] == ["ok"]
