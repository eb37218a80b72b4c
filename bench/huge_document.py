#!/usr/bin/env python3
"""One huge one-line document (issue 5): time and peak memory of ``extract`` and ``dates``, by size.

The te3-newswire articles are joined into one line with spaces (no line break), and that line
is repeated, joined by spaces, to each size asked for (``--sizes``, in megabytes of text; issue
5 asks for time linear in the size and at most 300 MB of memory, ``MEMORY_BUDGET_MB``, whatever
the size). The ``wide`` variant has a character beyond Latin-1 (an emoji: Python then holds a
text at 4 bytes a character) every ``WIDE_EVERY`` characters. Each size and variant is written
to a file in the temporary folder (deleted after), and each command (``geoevents extract FILE
--format jsonl --quiet``, ``geoevents dates FILE --format jsonl --quiet``) runs in a fresh
process; the script prints the records written, the wall and CPU time (user + system, of the
command and its workers), the CPU time per megabyte (about the same at every size when the work
is linear) and the peak RSS of the command. The machine is shared: the load average is printed.
Each is given as a file, gzip'd or on standard input (``--inputs file gz stdin``); ``--python``
runs another checkout's venv (to compare with main). Usage: ``python bench/huge_document.py
[--sizes 50 200 500] [--variants ascii wide] [--commands extract dates] [--inputs file gz stdin]
[--python PATH] [--corpus PATH]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "te3-newswire.jsonl.gz"
MEMORY_BUDGET_MB = 300
MB = 1_000_000
WIDE_EVERY = 100_000  # characters between two emoji in the ``wide`` variant
WIDE = " \U0001F30D "


def one_line(corpus: Path) -> str:
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        return " ".join(json.loads(line)["text"].replace("\n", " ") for line in lines)


def write_document(path: str, line: str, size: int, wide: bool) -> int:
    """``line`` repeated (joined by spaces) to about ``size`` characters, written to ``path``
    a copy at a time; with ``wide``, an emoji every ``WIDE_EVERY`` characters. Its length."""
    if wide:
        line = WIDE.join(line[i:i + WIDE_EVERY] for i in range(0, len(line), WIDE_EVERY))
    copies = max(1, round(size / (len(line) + 1)))
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            out.write(line if copy == 0 else " " + line)
    return copies * (len(line) + 1) - 1


def run(command: str, path: str, how: str = "file", python: str = sys.executable) -> tuple[int, float, float, float]:
    """Records written, wall time, CPU time and peak RSS (MB) of one command in a fresh process,
    reading ``path`` as a file (``file``, ``gz``: the path is gzip'd) or on standard input (``stdin``)."""
    with tempfile.TemporaryFile() as out, open(path if how == "stdin" else os.devnull, "rb") as given:
        started = time.perf_counter()
        process = subprocess.Popen([python, "-m", "geoevents", command, "-" if how == "stdin" else path,
                                    "--format", "jsonl", "--quiet"], stdin=given, stdout=out, stderr=subprocess.PIPE,
                                   cwd=tempfile.gettempdir())  # (not a checkout's folder: ``-m`` imports from there)
        _, status, usage = os.wait4(process.pid, 0)  # (the usage of this command alone, its workers included)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            sys.exit(f"{command} failed: {process.stderr.read().decode()}")
        out.seek(0)
        records = sum(block.count(b"\n") for block in iter(lambda: out.read(1 << 20), b""))
    return records, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def gzipped(path: str) -> str:
    """``path`` gzip'd (fast) next to it; its name."""
    with open(path, "rb") as data, gzip.open(path + ".gz", "wb", compresslevel=1) as out:
        shutil.copyfileobj(data, out, 1 << 20)
    return path + ".gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[50, 200, 500], help="megabytes of text")
    parser.add_argument("--variants", nargs="+", default=["ascii", "wide"], choices=["ascii", "wide"])
    parser.add_argument("--commands", nargs="+", default=["extract", "dates"], choices=["extract", "dates"])
    parser.add_argument("--inputs", nargs="+", default=["file"], choices=["file", "gz", "stdin"],
                        help="how the text is given: a file, gzip'd, on standard input")
    parser.add_argument("--python", default=sys.executable, help="the Python (a venv's) that runs geoevents")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    line = one_line(args.corpus)
    folder = tempfile.mkdtemp(prefix="huge-document-")
    free = shutil.disk_usage(folder).free
    needed = int(max(args.sizes) * MB * (1.1 if "wide" in args.variants else 1))
    if free < 2 * needed:
        sys.exit(f"{folder}: {free / MB:,.0f} MB free, {2 * needed / MB:,.0f} MB wanted")
    print(f"one line of {len(line) / MB:.1f} MB; {free / MB:,.0f} MB free in {folder}")
    print(f"{'command':>8} {'variant':>7} {'input':>5} {'size':>8} {'records':>8} {'wall':>8} {'cpu':>8} {'cpu/MB':>7}"
          f" {'peak RSS':>9} {'load':>5}")
    try:
        for variant in args.variants:
            for size in sorted(args.sizes):
                path = os.path.join(folder, f"{variant}-{size:g}.txt")
                length = write_document(path, line, int(size * MB), variant == "wide")
                for how in args.inputs:
                    given = gzipped(path) if how == "gz" else path
                    for command in args.commands:
                        records, wall, cpu, peak = run(command, given, how, args.python)
                        flag = "" if peak <= MEMORY_BUDGET_MB else f"  over {MEMORY_BUDGET_MB} MB"
                        print(f"{command:>8} {variant:>7} {how:>5} {length / MB:6.1f}MB {records:8d} {wall:7.1f}s"
                              f" {cpu:7.1f}s {cpu / (length / MB):6.3f}s {peak:7.0f}MB {os.getloadavg()[0]:5.1f}{flag}",
                              flush=True)
                    if given != path:
                        os.remove(given)
                os.remove(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
