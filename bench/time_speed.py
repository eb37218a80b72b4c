#!/usr/bin/env python3
"""Speed of the temporal tagger against dateparser.search_dates, on the same documents.

    python bench/time_speed.py [CORPUS.jsonl.gz] [--sample N] [--limit N] [--lazy]

Tags every document of the corpus (default: the TempEval-3 newswire, 2,729 articles) with
``geoevents.temporal.tag``, then runs ``dateparser.search_dates`` (languages=['en'], the
document date as RELATIVE_BASE) on a sample of the same documents — dateparser is slow, so the
sample is timed and its per-document cost extrapolated; the sample is every k-th document so
that it spans the corpus. Reports documents per second, characters per second and the ratio.

The grammar is built before the timing, as a long batch run would have it
(``temporal.prepare()``: every rule compiled and the dispatch table of the usual anchors
filled); ``--lazy`` times a process that builds what it needs as it goes instead. Times are
process CPU times (less disturbed by other work on a shared machine); measure on a quiet
machine anyway (the load average is printed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

from geoevents.temporal import prepare, tag

DEFAULT = Path("/work/shared/corpus/te3-newswire.jsonl.gz")


def load(path: Path, limit: int | None) -> list[tuple[str, date | None]]:
    opener = gzip.open if path.suffix == ".gz" else open
    docs = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            published = record.get("published")
            docs.append((record["text"], date.fromisoformat(published[:10]) if published else None))
            if limit and len(docs) >= limit:
                break
    return docs


def time_tagger(docs: list[tuple[str, date | None]], lazy: bool) -> tuple[float, int]:
    if not lazy:
        prepare()  # build the grammar once, outside the timing, as a long batch run would
    tag("Warm-up on Friday, 5 August 2021.", date(2021, 8, 6))
    found = 0
    start = time.process_time()
    for text, dct in docs:
        found += len(tag(text, dct))
    return time.process_time() - start, found


def time_dateparser(docs: list[tuple[str, date | None]]) -> tuple[float, int]:
    from dateparser.search import search_dates

    search_dates("warm up on Friday", languages=["en"])
    found = 0
    start = time.process_time()
    for text, dct in docs:
        settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = search_dates(text, languages=["en"], settings=settings)
        found += len(result or [])
    return time.process_time() - start, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--sample", type=int, default=200, help="documents given to dateparser (default 200)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N documents")
    parser.add_argument("--lazy", action="store_true", help="do not build the grammar before the timing")
    args = parser.parse_args()
    try:
        docs = load(Path(args.corpus), args.limit)
    except (OSError, ValueError) as error:
        print(f"time_speed: cannot read {args.corpus}: {error}", file=sys.stderr)
        return 2
    chars = sum(len(text) for text, _ in docs)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{len(docs)} documents, {chars / len(docs):.0f} characters on average")

    seconds, found = time_tagger(docs, args.lazy)
    ours = len(docs) / seconds
    print(f"geoevents.temporal.tag{' (lazy)' if args.lazy else ''}: {seconds:.2f} s, {ours:,.0f} docs/s, "
          f"{1e3 * seconds / len(docs):.3f} ms/doc, {chars / seconds / 1e6:.2f} M chars/s, {found} expressions")

    step = max(1, len(docs) // max(1, args.sample))
    sample = docs[::step][:args.sample]
    sample_chars = sum(len(text) for text, _ in sample)
    seconds, found = time_dateparser(sample)
    theirs = len(sample) / seconds
    print(f"dateparser.search_dates on {len(sample)} of them (every {step}th, {sample_chars / len(sample):.0f} "
          f"chars on average): {seconds:.2f} s, {theirs:,.2f} docs/s, {1e3 * seconds / len(sample):.2f} ms/doc, "
          f"{found} dates")
    print(f"ratio (per document, dateparser time extrapolated from the sample): {ours / theirs:,.0f}x")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
