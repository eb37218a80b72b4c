#!/usr/bin/env python3
"""Budgets of the gazetteer (issue 4): peak memory and cold start of a small extraction.

Measures, each in a fresh process, on a one-sentence file written to a temporary folder:

  * peak memory (max RSS) of ``geoevents extract small.txt`` - budget 200 MB;
  * cold start: wall time of that whole command (interpreter start, imports, gazetteer load,
    extraction) - budget 0.5 s for the gazetteer's part, and the time ``load_gazetteer()``
    itself takes in a fresh interpreter (the gazetteer's own cold start);
  * the same command with the gazetteer load skipped, to show what the gazetteer adds.

Each figure is the median of ``--runs`` runs. Speed depends on load: the script prints the load
average it ran under. Usage: ``python bench/gazetteer_budget.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "Moscow will hold military drills near Tajikistan's Afghan border next week, the ministry said.\n"
MEMORY_BUDGET_MB = 200
GAZETTEER_BUDGET_S = 0.5

LOAD_ONLY = "import time; t = time.perf_counter(); from geoevents.gazetteer import load_gazetteer; " \
            "load_gazetteer(); print(time.perf_counter() - t)"


def run(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def peak_rss(command: list[str]) -> float:
    """Peak RSS (MB) of one child, with /usr/bin/time when present (per-process, not cumulative)."""
    if Path("/usr/bin/time").exists():
        result = subprocess.run(["/usr/bin/time", "-f", "%M", *command], check=True, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        return int(result.stderr.strip().splitlines()[-1]) / 1024
    return run(command)[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    geoevents = [python, "-m", "geoevents"]
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text(SENTENCE, encoding="utf-8")
        extract = [*geoevents, "extract", str(small), "--format", "jsonl", "--published", "2021-07-28"]
        run(extract)  # warm the file cache; every measured run is still a fresh interpreter
        walls = [run(extract)[0] for _ in range(args.runs)]
        peaks = [peak_rss(extract) for _ in range(args.runs)]
        loads = [float(subprocess.run([python, "-c", LOAD_ONLY], check=True, capture_output=True,
                                      text=True).stdout) for _ in range(args.runs)]
        baseline = [peak_rss([python, "-c", "import geoevents.cli"]) for _ in range(args.runs)]
    load = statistics.median(loads)
    peak = statistics.median(peaks)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (2 cores shared)")
    print(f"geoevents extract small.txt: wall {statistics.median(walls):.3f} s, peak RSS {peak:.1f} MB "
          f"(imports alone: {statistics.median(baseline):.1f} MB)")
    print(f"gazetteer cold load (fresh interpreter): {load:.3f} s")
    ok_memory = peak < MEMORY_BUDGET_MB
    ok_start = load < GAZETTEER_BUDGET_S
    print(f"budget peak memory < {MEMORY_BUDGET_MB} MB: {'holds' if ok_memory else 'FAILS'}")
    print(f"budget gazetteer cold start < {GAZETTEER_BUDGET_S} s: {'holds' if ok_start else 'FAILS'}")
    return 0 if ok_memory and ok_start else 1


if __name__ == "__main__":
    sys.exit(main())
