"""End-to-end throughput of ``geoevents extract`` against a speed-of-light reference.

For each corpus (gzip JSON Lines, as shipped), in one run:

- the reference: one pass of a single compiled regex of the trigger words over the same
  texts, already decompressed, parsed and in memory (the fastest of stdlib ``re`` and
  ``regex`` on ``text.lower()``, the stems written as a plain or a trie-shaped alternation:
  the trie is about 4 times faster with 227 stems);
- ``geoevents extract CORPUS --format jsonl --quiet --jobs N`` as a subprocess, output to
  /dev/null: wall time, documents/s, MB/s of text, and the peak memory of its processes
  (sampled from /proc: the largest single process, and the sum over the main process and its
  workers, which counts pages they share once per process);
- the start-up time (the same command on a one-document input), so that throughput can also be
  given net of start-up, which is what matters for large batches.

Optionally (``--stream-mb``), a stream of that many MB of JSON Lines is piped to
``geoevents extract -`` to show that memory stays bounded whatever the input size.

MB means a million characters of document text. Usage:

    python bench/throughput.py [--jobs 1 2] [--corpus PATH ...] [--stream-mb 200] [--runs 3]

With ``--runs``, each configuration runs that many times: the fastest run's figures are shown,
with the slowest wall time beside them. CPU seconds (of all the run's processes) are steadier
than wall time when other work shares the machine: compare variants by them.

Check ``uptime`` first: the machine is shared, and other work skews every figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import regex

from geoevents.prefixes import match_prefixes
from geoevents.triggers import load_lexicon

CORPORA = [Path("/work/shared/corpus/wcep.jsonl.gz"), Path("/work/shared/corpus/te3-newswire.jsonl.gz")]
MEGA = 1_000_000


def load_texts(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def trigger_words() -> list[str]:
    """The word stems the trigger rules start with: the letters of each rule's literal prefixes."""
    words: set[str] = set()
    for rule in load_lexicon().rules:
        for prefix in match_prefixes(rule.pattern) or ():
            head = re.match(r"[a-z]+", prefix)
            if head and len(head.group(0)) >= 3:
                words.add(head.group(0))
    # the shortest stems suffice ("deploy" covers "deployed" with the \w* that follows)
    stems = {w for w in words if not any(w != v and w.startswith(v) for v in words)}
    return sorted(stems, key=len, reverse=True)


def trie_alternation(words: list[str]) -> str:
    """The words as one alternation shaped like a trie ("dep(?:loy|art)"): the same matches as
    "deploy|depart", but the regex engine tries each letter once, which is 4x faster with 227
    stems. A plain alternation is no fair speed of light."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def shape(node: dict) -> str:
        branches = [re.escape(char) + shape(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:%s)" % "|".join(branches)
        return body + ("?" if "" in node else "")

    return shape(tree)


def reference(texts: list[str]) -> tuple[float, str]:
    """Seconds for one pass of the single trigger-word regex over the texts: the fastest of
    stdlib ``re`` and ``regex``, with and without ``\\w*``, as a plain or a trie-shaped alternation."""
    words = trigger_words()
    shapes = {"alternation": "|".join(words), "trie": trie_alternation(words)}
    variants = [(f"{engine.__name__} {form} {wrap}", engine.compile(wrap % alternatives))
                for engine in (re, regex) for form, alternatives in shapes.items()
                for wrap in (r"\b(?:%s)\w*", r"\b(?:%s)")]
    best = (float("inf"), "")
    for name, pattern in variants:
        started = time.perf_counter()
        for text in texts:
            for _ in pattern.finditer(text.lower()):
                pass
        best = min(best, (time.perf_counter() - started, name))
    return best


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, largest) resident set size in bytes of a process and its children."""
    sizes = []
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]) * 1024)
        except OSError:
            pass
    return sum(sizes), max(sizes, default=0)


def _children_cpu() -> float:
    """CPU seconds (user + system) of the waited-for child processes and their own children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_extract(args: list[str], stdin=None) -> dict:
    """Run geoevents extract; wall time, CPU time of its processes (steadier than wall time on a
    shared machine) and peak memory (sampled every 20 ms)."""
    command = [sys.executable, "-m", "geoevents", "extract", *args, "--format", "jsonl", "--quiet"]
    peak = {"sum": 0, "largest": 0}
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(command, stdin=stdin, stdout=devnull, stderr=subprocess.PIPE)

        def sample() -> None:
            while process.poll() is None:
                total, largest = _tree_rss(process.pid)
                peak["sum"] = max(peak["sum"], total)
                peak["largest"] = max(peak["largest"], largest)
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, stderr = process.communicate()
        wall = time.perf_counter() - started
        sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"geoevents failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return {"wall": wall, "cpu": _children_cpu() - cpu_before, **peak}


def repeated(runs: int, args: list[str]) -> dict:
    """``runs`` runs: the fastest run's figures, the slowest wall time, and the largest peak."""
    results = [run_extract(args) for _ in range(runs)]
    best = min(results, key=lambda r: r["wall"])
    return {**best, "slowest": max(r["wall"] for r in results), "sum": max(r["sum"] for r in results),
            "largest": max(r["largest"] for r in results)}


def startup_time() -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps({"id": "1", "published": "2021-07-28",
                            "text": "Troops from Chad were sent to Niger on Monday."}) + "\n")
    try:
        return min(run_extract([f.name, "--jobs", "1"])["wall"] for _ in range(3))
    finally:
        os.unlink(f.name)


def stream_memory(megabytes: int, jobs: int, texts: list[str]) -> dict:
    """Pipe ``megabytes`` MB of JSON Lines (the texts, over and over) through geoevents extract -."""
    read, write = os.pipe()

    def feed() -> None:
        sent = 0
        number = 0
        with os.fdopen(write, "wb") as out:
            while sent < megabytes * MEGA:
                for text in texts:
                    number += 1
                    out.write(json.dumps({"id": str(number), "published": "2021-07-28", "text": text}).encode() + b"\n")
                    sent += len(text)
                    if sent >= megabytes * MEGA:
                        break

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    with os.fdopen(read, "rb") as stdin:
        result = run_extract(["-", "--jobs", str(jobs)], stdin=stdin)
    feeder.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=CORPORA)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--stream-mb", type=int, default=0, help="also pipe this many MB through stdin")
    parser.add_argument("--runs", type=int, default=1, help="runs per configuration (fastest and slowest shown)")
    options = parser.parse_args()

    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"(1, 5, 15 min) on {os.cpu_count()} cores")
    start_up = startup_time()
    print(f"start-up (one document, --jobs 1): {start_up:.2f} s\n")
    header = (f"{'corpus':24} {'docs':>8} {'MB':>6} {'ref MB/s':>9} {'jobs':>4} {'wall s':>7} {'slowest':>7} "
              f"{'cpu s':>6} {'docs/s':>8} {'MB/s':>6} {'net MB/s':>8} {'vs ref':>6} {'speed-up':>8} {'peak MB':>8} "
              f"{'largest':>7}")
    print(header)
    for corpus in options.corpus:
        texts = load_texts(corpus)
        megabytes = sum(map(len, texts)) / MEGA
        ref_seconds, engine = reference(texts)
        ref_rate = megabytes / ref_seconds
        one_job_wall = None
        for jobs in options.jobs:
            result = repeated(options.runs, [str(corpus), "--jobs", str(jobs)])
            wall = result["wall"]
            one_job_wall = wall if jobs == 1 else one_job_wall
            rate = megabytes / wall
            net = megabytes / max(wall - start_up, 1e-9)
            speed_up = f"{one_job_wall / wall:.2f}x" if one_job_wall else "-"
            print(f"{corpus.name:24} {len(texts):8,} {megabytes:6.1f} {ref_rate:9.1f} {jobs:4} {wall:7.2f} "
                  f"{result['slowest']:7.2f} {result['cpu']:6.2f} {len(texts) / wall:8,.0f}"
                  f" {rate:6.2f} {net:8.2f} {rate / ref_rate:6.2f} {speed_up:>8} "
                  f"{result['sum'] / MEGA:8.0f} {result['largest'] / MEGA:7.0f}")
        print(f"{'':24} reference: {engine} with {len(trigger_words())} stems, over text.lower(), {ref_seconds:.2f} s")
    if options.stream_mb:
        # at scale, start-up and first-use costs are paid once for much work: the speed-up here is
        # what a large batch gets from more jobs
        texts = load_texts(options.corpus[0])
        one_job_wall = None
        for jobs in options.jobs:
            result = stream_memory(options.stream_mb, jobs, texts)
            one_job_wall = result["wall"] if jobs == 1 else one_job_wall
            speed_up = f", speed-up {one_job_wall / result['wall']:.2f}x" if one_job_wall and jobs > 1 else ""
            print(f"\nstream of {options.stream_mb} MB of text through stdin, --jobs {jobs}: {result['wall']:.1f} s "
                  f"(cpu {result['cpu']:.1f} s), {options.stream_mb / result['wall']:.2f} MB/s{speed_up}, "
                  f"peak {result['sum'] / MEGA:.0f} MB (largest process {result['largest'] / MEGA:.0f} MB)")


if __name__ == "__main__":
    main()
