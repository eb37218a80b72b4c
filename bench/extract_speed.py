"""In-process extraction speed: ``extract_document`` alone, without reading, parsing or rendering.

The documents are read and dated first (outside the timing); then, after a warm-up on the
first ``--warm-up`` documents (lexicons, gazetteer blocks and patterns compiled), every
document is extracted ``--runs`` times and the CPU time (``time.process_time``) of each run is
shown with MB/s of document text (a million characters). CPU time is steadier than wall time
on a shared machine; still, check ``uptime`` first.

    python bench/extract_speed.py [--corpus PATH ...] [--runs 3] [--profile N] [--classes]

``--profile N`` prints the N costliest functions (cProfile, by own time) of one more run (cProfile
inflates Python-heavy code several times over: read it for where, not for how much).
``--classes`` also times three kinds of documents apart: those without a trigger candidate (the
scan alone), those whose candidates are all rejected, and those with events.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
from pathlib import Path

from geoevents.document import Document
from geoevents.knowledge import packaged
from geoevents.pipeline import extract_document
from geoevents.readers import Failure, iter_documents

CORPORA = [Path("/work/shared/corpus/wcep.jsonl.gz"), Path("/work/shared/corpus/te3-newswire.jsonl.gz")]
MEGA = 1_000_000


def load_documents(path: Path) -> list[Document]:
    return [item.dated() for item in iter_documents([str(path)], date_from_text_later=True)
            if not isinstance(item, Failure)]


def one_run(documents: list[Document]) -> tuple[float, int]:
    """CPU seconds to extract every document, and the number of events found."""
    started = time.process_time()
    events = sum(len(extract_document(document)) for document in documents)
    return time.process_time() - started, events


def classes(documents: list[Document]) -> dict[str, list[Document]]:
    """The documents without a trigger candidate, with candidates but no event, and with events."""
    lexicon = packaged().lexicon
    found: dict[str, list[Document]] = {"no candidate": [], "candidates, no event": [], "events": []}
    for document in documents:
        if not lexicon.scan(document.text):
            found["no candidate"].append(document)
        else:
            found["events" if extract_document(document) else "candidates, no event"].append(document)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=CORPORA)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warm-up", type=int, default=2000)
    parser.add_argument("--profile", type=int, default=0, help="show this many functions of a profiled run")
    parser.add_argument("--classes", action="store_true", help="time documents without candidates, without "
                        "events and with events apart")
    options = parser.parse_args()
    print("load: %.2f %.2f %.2f (1, 5, 15 min)" % os.getloadavg())
    for corpus in options.corpus:
        documents = load_documents(corpus)
        megabytes = sum(len(d.text) for d in documents) / MEGA
        one_run(documents[:options.warm_up])
        times = []
        for _ in range(options.runs):
            seconds, events = one_run(documents)
            times.append(seconds)
        best = min(times)
        print(f"{corpus.name:24} {len(documents):7,} docs {megabytes:5.1f} MB {events:5,} events: "
              f"cpu {best:.2f} s best ({' '.join(f'{t:.2f}' for t in times)}), {megabytes / best:.1f} MB/s")
        if options.classes:
            for name, part in classes(documents).items():
                best = min(one_run(part)[0] for _ in range(options.runs))
                print(f"{'':24} {name:22} {len(part):7,} docs {sum(len(d.text) for d in part) / MEGA:5.1f} MB: "
                      f"cpu {best:.2f} s")
        if options.profile:
            profiler = cProfile.Profile()
            profiler.runcall(one_run, documents)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(options.profile)


if __name__ == "__main__":
    main()
