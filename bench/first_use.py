"""What a process's first use of the lexicons, gazetteer and patterns costs over a batch run
(issue 5): the CPU that two jobs spend beyond one, which bounds what ``--jobs 2`` gains.

A corpus is cut into the chunks a batch run hands out (``batch.CHUNK_BYTES``), and each half
(the even chunks and the odd ones, as two jobs would share them) is extracted in a fresh
process, after the other half or first. ``first use`` is what a half costs a fresh process
beyond what it costs one that has done the other half: each process of a two-job run pays it.
Each figure is the fastest of ``--runs`` fresh processes (CPU seconds, ``time.process_time``);
the machine is shared: the load average is printed beside them.

    python bench/first_use.py [--corpus PATH ...] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

CORPORA = [Path("/work/shared/corpus/te3-newswire.jsonl.gz"), Path("/work/shared/corpus/wcep.jsonl.gz")]


def halves(corpus: str, first: int) -> list[float]:
    """In this process: CPU seconds of half ``first`` of the chunks, then of the other half."""
    from geoevents.batch import _chunks, process_chunk, set_up
    from geoevents.readers import Fields, Parser
    from geoevents.sources import iter_tasks

    tasks = list(iter_tasks([corpus]))
    chunks = list(_chunks(tasks, lambda: False))
    set_up(Parser(Fields(), None, date_from_text_later=True), None)
    seconds = []
    for half in (first, 1 - first):
        started = time.process_time()
        for chunk in chunks[half::2]:
            process_chunk(chunk)
        seconds.append(time.process_time() - started)
    return seconds


def fresh(corpus: Path, first: int) -> list[float]:
    command = [sys.executable, __file__, "--child", str(corpus), str(first)]
    return [float(s) for s in subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=CORPORA)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(*halves(options.child[0], int(options.child[1])))
        return
    for corpus in options.corpus:
        runs = [fresh(corpus, first) for _ in range(options.runs) for first in (0, 1)]
        cold = [min(r[0] for r in runs[first::2]) for first in (0, 1)]  # each half, in a fresh process
        warm = [min(r[1] for r in runs[1 - first::2]) for first in (0, 1)]  # each half, after the other
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"{corpus.name}: half in a fresh process {cold[0]:.2f} / {cold[1]:.2f} s, after the other half "
              f"{warm[0]:.2f} / {warm[1]:.2f} s: first use {cold[0] - warm[0]:.2f} / {cold[1] - warm[1]:.2f} s "
              f"of CPU per process (load {load})")


if __name__ == "__main__":
    main()
