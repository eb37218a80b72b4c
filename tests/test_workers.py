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
        pieces = list(_in_pieces(iter([[task]])))
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
    pieces = list(_in_pieces(iter([[small], failure, files, [text]])))
    assert pieces[0] == [small] and pieces[1] is failure
    assert [task for piece in pieces[2:-1] for task in piece] == files
    assert [len(piece) for piece in pieces[2:-1]] == [3, 3, 1]
    assert pieces[-1] == [text]  # (one document: not cut)
