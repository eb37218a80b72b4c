#!/usr/bin/env python3
"""Within-document linking on the dev set: do mentions of one event share an ``event_id``?

Gold identity comes from ``bench/linking_gold.json`` (clusters of gold mentions, judged from
the annotation guideline). Only gold mentions that extraction found are compared; for every
pair of them in one document we ask "same event?" and report pairwise precision, recall, F1.

    python bench/linking_eval.py [../shared/gold/dev.jsonl]
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from geoevents import extract
from geoevents.evaluate import CORE_TYPES, load_gold, match_events

HERE = Path(__file__).resolve().parent


def main() -> int:
    verbose = "-v" in sys.argv
    args = [a for a in sys.argv[1:] if a != "-v"]
    gold_path = args[0] if args else str(HERE.parent.parent / "shared" / "gold" / "dev.jsonl")
    clusters = json.loads((HERE / "linking_gold.json").read_text())
    tp = fp = fn = 0
    for document in load_gold(gold_path):
        core = [e for e in document.get("events", []) if e["type"] in CORE_TYPES]
        label = {i: i for i in range(len(core))}
        for group in clusters.get(str(document["id"]), []):
            for i in group:
                label[i] = group[0]
        events = extract(document["text"], published=document.get("published"), doc_id=str(document["id"]))
        matching = match_events(document, events, CORE_TYPES)
        position = {id(gold): i for i, gold in enumerate(core)}
        found = [(position[id(gold)], event) for gold, event in matching.pairs]
        for (i, a), (j, b) in itertools.combinations(found, 2):
            same_gold, same_pred = label[i] == label[j], a.event_id == b.event_id
            if verbose and same_gold != same_pred:
                print(f"{'linked' if same_pred else 'apart '} {document['id']} {i}/{j}: {a.trigger.text!r} "
                      f"{[x.code for x in a.actors]} ~ {b.trigger.text!r} {[x.code for x in b.actors]}")
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"pairs: same-event {tp + fn} in gold, {tp + fp} linked; precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
