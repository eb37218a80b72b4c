"""How a run with several jobs shares its input: chunks cut into pieces, nothing lost or moved."""

from __future__ import annotations

import json

from geoevents.sources import Failure, Task
from geoevents.workers import PIECE_BYTES, _in_pieces


def _lines_task(count: int, first_line: int = 1, final_break: bool = True) -> Task:
    lines = [json.dumps({"id": str(n), "text": f"Exercise number {n} began near the coast. " * (n % 7 + 1)})
             for n in range(count)]
    data = "\n".join(lines).encode() + (b"\n" if final_break else b"")
    return Task("lines", "drills.jsonl", data, first_line)


def _numbered_lines(tasks: list[Task]) -> list[tuple[int, bytes]]:
    return [(task.first_line + i, line) for task in tasks for i, line in enumerate(task.data.split(b"\n"))
            if line]


def test_json_lines_are_cut_between_lines_and_keep_their_numbers() -> None:
    for final_break in (True, False):
        task = _lines_task(3000, first_line=41, final_break=final_break)
        pieces = list(_in_pieces(iter([[task]]), lambda: 1.0))
        parts = [part for piece in pieces for part in piece]
        assert len(pieces) > 4 and all(len(piece) == 1 for piece in pieces)
        assert b"".join(part.data for part in parts) == task.data
        assert _numbered_lines(parts) == _numbered_lines([task])
        assert all(part.data.endswith(b"\n") for part in parts[:-1])
        assert all(PIECE_BYTES <= len(part.data) < PIECE_BYTES + 2000 for part in parts[:-1])


def test_small_tasks_files_and_failures_pass_whole_in_order() -> None:
    small = _lines_task(3)
    files = [Task("file", f"report{n}.txt", size=PIECE_BYTES // 3 + 1) for n in range(7)]
    failure = Failure("missing.txt", "no such file")
    text = Task("text", "-", b"x" * (3 * PIECE_BYTES))
    pieces = list(_in_pieces(iter([[small], failure, files, [text]]), lambda: 1.0))
    assert pieces[0] == [small] and pieces[1] is failure
    assert [task for piece in pieces[2:-1] for task in piece] == files
    assert [len(piece) for piece in pieces[2:-1]] == [3, 3, 1]
    assert pieces[-1] == [text]  # (one document: not cut)


def test_only_the_end_of_an_input_of_known_size_is_cut() -> None:
    tasks = [_lines_task(3000, first_line=1 + 3000 * n) for n in range(40)]
    size = sum(len(task.data) for task in tasks)
    read = [0]

    def chunks():
        for task in tasks:
            read[0] += len(task.data) // 3  # (as if compressed to a third)
            yield [task]

    pieces = list(_in_pieces(chunks(), lambda: read[0] / (size // 3)))
    whole = [piece for piece in pieces if piece[0] in tasks]
    assert 20 < len(whole) < 40 and whole == [[task] for task in tasks[:len(whole)]]  # the start, whole
    assert _numbered_lines([part for piece in pieces for part in piece]) == _numbered_lines(tasks)
    assert all(len(piece[0].data) < PIECE_BYTES + 2000 for piece in pieces[len(whole):])
    assert list(_in_pieces(iter([[task] for task in tasks]), lambda: None)) == [[task] for task in tasks]


def test_a_run_closed_early_ends_its_workers_soon(tmp_path) -> None:
    """As when the reader of the output goes away (``| head``): the chunks not started are
    dropped, the workers end (none is stopped while it sends a result), and closing returns."""
    import multiprocessing
    import time

    from geoevents.batch import extract_all
    from geoevents.readers import Parser
    from geoevents.sources import iter_tasks
    from geoevents.workers import GRACE_SECONDS

    path = tmp_path / "drills.jsonl"
    event = "Ruritanian troops were deployed to the northern border on Monday, officials said. "
    filler = "The committee met on Monday to discuss the budget of the new library. " * 3
    path.write_text("".join(json.dumps({"id": str(n), "published": "2024-05-06", "text": event + filler}) + "\n"
                            for n in range(6000)), encoding="utf-8")  # (six chunks)
    for _round in range(2):
        results = extract_all(iter_tasks([str(path)]), Parser(), jobs=2)
        first = next(results)
        assert first.events and first.events[0].doc_id == "0"
        started = time.monotonic()
        results.close()
        assert time.monotonic() - started < GRACE_SECONDS
        assert not multiprocessing.active_children()
