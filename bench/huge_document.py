#!/usr/bin/env python3
"""One huge one-line document (issue 5): time and peak memory of the whole command, by size.

The te3-newswire articles are joined into one line with spaces (no line break), and that line
is repeated, joined by spaces, to each size asked for (``--sizes``, in megabytes; issue 5 asks
for 50 MB in linear time and at most 300 MB of memory, ``MEMORY_BUDGET_MB``). Each size runs
``geoevents extract FILE --format jsonl --quiet`` in a fresh process; the script prints the
events, the wall and CPU time (user + system, of the command and its workers), the CPU time
per megabyte (about the same at every size when the work is linear) and the peak RSS (the
largest process). The machine is shared: the load average is printed too.
Usage: ``python bench/huge_document.py [--sizes 5 20 50] [--corpus PATH]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "te3-newswire.jsonl.gz"
MEMORY_BUDGET_MB = 300
MB = 1_000_000


def one_line(corpus: Path) -> str:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        return " ".join(json.loads(line)["text"].replace("\n", " ") for line in lines)


def document_of(line: str, size: int) -> str:
    copies = max(1, round(size / (len(line) + 1)))
    return " ".join([line] * copies)


def run(path: str) -> tuple[int, float, float, int]:
    """Events, wall time, CPU time and peak RSS (KB) of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "geoevents", "extract", path, "--format", "jsonl", "--quiet"],
                          capture_output=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout.count(b"\n"), wall, cpu, after.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 20, 50], help="megabytes")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    line = one_line(args.corpus)
    print(f"load average {os.getloadavg()[0]:.1f}; one line of {len(line) / MB:.1f} MB")
    print(f"{'size':>8} {'events':>7} {'wall':>8} {'cpu':>8} {'cpu/MB':>8} {'peak RSS':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sorted(args.sizes):
            path = os.path.join(folder, f"{size}.txt")
            text = document_of(line, int(size * MB))
            Path(path).write_text(text, encoding="utf-8")
            events, wall, cpu, peak = run(path)
            # (ru_maxrss of the children is the largest so far: the sizes run in increasing order)
            flag = "" if peak / 1024 <= MEMORY_BUDGET_MB else f"  over {MEMORY_BUDGET_MB} MB"
            print(f"{len(text) / MB:6.1f}MB {events:7d} {wall:7.1f}s {cpu:7.1f}s {cpu / (len(text) / MB):7.2f}s"
                  f" {peak / 1024:7.0f}MB{flag}", flush=True)
            os.remove(path)


if __name__ == "__main__":
    main()
