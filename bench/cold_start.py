#!/usr/bin/env python3
"""Cold start of a one-sentence extraction (issues 4 and 5): wall time, peak memory, and where
the time goes.

Measures, each in a fresh interpreter:

  * the whole command ``echo "Russia sent troops to Belarus." | geoevents extract -
    --published 2022-01-01``: wall time (budget 0.5 s) and peak RSS (budget 200 MB);
  * the same through ``python -m geoevents``, the way ``bench/throughput.py`` runs it;
  * a breakdown in one fresh interpreter: imports of the command line, the gazetteer load,
    the trigger lexicon, and the first extraction (the status, quantity and time patterns
    it builds on first use).

Each figure is the median of ``--runs`` runs. The machine is shared: the script prints the
load average it ran under. The package's bytecode is compiled first, as an installation does
(where ``PYTHONDONTWRITEBYTECODE`` is set, every run would otherwise compile the sources again:
``--source`` measures that case). Usage: ``python bench/cold_start.py [--runs 7] [--source]``.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SENTENCE = b"Russia sent troops to Belarus.\n"
WALL_BUDGET_S = 0.5
MEMORY_BUDGET_MB = 200

BREAKDOWN = """
import time
T = time.perf_counter
t = T(); import geoevents.cli; imports = T() - t
from geoevents.gazetteer import load_gazetteer
from geoevents.triggers import load_lexicon
from geoevents.pipeline import extract
t = T(); load_gazetteer(); gazetteer = T() - t
t = T(); load_lexicon(); lexicon = T() - t
t = T(); extract("Russia sent troops to Belarus.", published="2022-01-01"); first = T() - t
print(imports, gazetteer, lexicon, first)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one run of ``command`` fed the sentence on stdin."""
    time_command = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    result = subprocess.run([*time_command, *command], input=SENTENCE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, check=True)
    wall = time.perf_counter() - start
    peak = int(result.stderr.decode().strip().splitlines()[-1]) / 1024 if time_command else float("nan")
    return wall, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--source", action="store_true", help="do not compile the bytecode first")
    args = parser.parse_args()
    package = Path(__file__).resolve().parent.parent / "geoevents"
    if not args.source:
        compileall.compile_dir(package, quiet=1)
    cached = any(package.glob("__pycache__/*.pyc"))
    script = shutil.which("geoevents", path=str(Path(sys.executable).parent)) or "geoevents"
    commands = {
        "geoevents extract -": [script, "extract", "-", "--published", "2022-01-01"],
        "python -m geoevents extract -": [sys.executable, "-m", "geoevents", "extract", "-",
                                          "--published", "2022-01-01"],
    }
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores; "
          f"bytecode of geoevents {'compiled' if cached else 'absent (sources compiled at each start)'}")
    ok = True
    for name, command in commands.items():
        timed(command)  # warm the file cache; every measured run is still a fresh interpreter
        runs = [timed(command) for _ in range(args.runs)]
        wall = statistics.median(w for w, _ in runs)
        peak = statistics.median(p for _, p in runs)
        print(f"{name:32} wall {wall:.3f} s (min {min(w for w, _ in runs):.3f}), peak RSS {peak:.0f} MB")
        ok = ok and wall < WALL_BUDGET_S and peak < MEMORY_BUDGET_MB
    parts = [list(map(float, subprocess.run([sys.executable, "-c", BREAKDOWN], check=True, capture_output=True,
                                            text=True).stdout.split())) for _ in range(args.runs)]
    names = ("imports", "gazetteer", "trigger lexicon", "first extraction")
    print("breakdown (median s): " + ", ".join(f"{n} {statistics.median(p[i] for p in parts):.3f}"
                                              for i, n in enumerate(names)))
    print(f"budgets wall < {WALL_BUDGET_S} s and peak < {MEMORY_BUDGET_MB} MB: {'hold' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
