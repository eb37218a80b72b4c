#!/usr/bin/env python3
"""TempEval-3 scores of the temporal tagger on TIMEX3 gold (TimeBank + AQUAINT by default).

    python bench/te3_eval.py [GOLD.jsonl] [--errors N] [--date-errors] [--predict OUT.jsonl]

Documents without a "timexes" field (the TE3 platinum test set as shared here) are only
tagged: the script prints what it found, by type, and --predict writes the TIMEX3 records
({"id", "published", "timexes": [...]}) for scoring elsewhere.

GOLD: one document per line, {"id", "published", "text", "timexes": [{"start", "end", "text",
"type", "value"}]}. Definitions as in TempEval-3: strict extraction = same extent; relaxed =
overlapping extents (one-to-one); value F1 = a prediction that overlaps a gold expression and
has the same value, precision over all predictions and recall over all gold expressions.
The "DATE" rows keep only gold and predicted expressions of type DATE.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from geoevents import temporal

DEFAULT_GOLD = Path("/work/shared/corpus/te3/tbaq.jsonl")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping expressions; exact extents and equal values first."""
    pairs: list[tuple[dict, dict]] = []
    used: set[int] = set()
    free_gold = []
    for g in gold:
        candidates = [i for i, p in enumerate(pred)
                      if i not in used and p["start"] < g["end"] and g["start"] < p["end"]]
        if not candidates:
            free_gold.append(g)
            continue
        best = max(candidates, key=lambda i: (pred[i]["value"] == g["value"],
                                              (pred[i]["start"], pred[i]["end"]) == (g["start"], g["end"])))
        used.add(best)
        pairs.append((g, pred[best]))
    return pairs


def evaluate(docs: list[dict], only_type: str | None) -> tuple[dict, list]:
    counts = Counter()
    errors = []
    for doc in docs:
        dct = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
        text = doc["text"]
        # TimeML annotates a range's two bounds as two TIMEX3s ("from [Aug. 26] to [Oct. 20]")
        pred = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for found in temporal.tag(text, dct) for t in found.timeml()]
        gold = doc["timexes"]
        if only_type:
            gold = [g for g in gold if g["type"] == only_type]
            pred = [p for p in pred if p["type"] == only_type]
        pairs = match(gold, pred)
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["relaxed"] += len(pairs)
        counts["strict"] += sum((g["start"], g["end"]) == (p["start"], p["end"]) for g, p in pairs)
        counts["value"] += sum(g["value"] == p["value"] for g, p in pairs)
        counts["type"] += sum(g["type"] == p["type"] for g, p in pairs)
        matched_pred = {id(p) for _, p in pairs}
        matched_gold = {id(g) for g, _ in pairs}
        for g, p in pairs:
            if g["value"] != p["value"] or (g["start"], g["end"]) != (p["start"], p["end"]):
                errors.append(("value" if g["value"] != p["value"] else "extent", doc["id"], doc["published"],
                               g["text"], g["type"], g["value"], p["text"], p["type"], p["value"],
                               _context(text, g["start"], g["end"])))
        for g in gold:
            if id(g) not in matched_gold:
                errors.append(("missed", doc["id"], doc["published"], g["text"], g["type"], g["value"],
                               "", "", "", _context(text, g["start"], g["end"])))
        for p in pred:
            if id(p) not in matched_pred:
                errors.append(("spurious", doc["id"], doc["published"], "", "", "", p["text"], p["type"],
                               p["value"], _context(text, p["start"], p["end"])))
    n_pred, n_gold = counts["pred"], counts["gold"]
    scores = {
        "gold": n_gold, "pred": n_pred,
        "strict": prf(counts["strict"], n_pred, n_gold),
        "relaxed": prf(counts["relaxed"], n_pred, n_gold),
        "value": prf(counts["value"], n_pred, n_gold),
        "type_acc": counts["type"] / counts["relaxed"] if counts["relaxed"] else 0.0,
    }
    return scores, errors


def predict(docs: list[dict]) -> list[dict]:
    out = []
    for doc in docs:
        dct = date.fromisoformat(doc["published"][:10]) if doc.get("published") else None
        timexes = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                   for found in temporal.tag(doc["text"], dct) for t in found.timeml()]
        out.append({"id": doc.get("id"), "published": doc.get("published"), "timexes": timexes})
    return out


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[[{text[start:end]}]]{right}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors (tab-separated)")
    parser.add_argument("--kind", default=None, help="only errors of this kind: value, extent, missed, spurious")
    parser.add_argument("--date-errors", action="store_true", help="show the errors of the DATE rows")
    parser.add_argument("--predict", default=None, help="write the tagger's TIMEX3 records to this JSONL file")
    args = parser.parse_args()
    try:
        with open(args.gold, encoding="utf-8") as lines:
            docs = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        print(f"te3_eval: cannot read {args.gold}: {error}", file=sys.stderr)
        return 2
    print(f"{len(docs)} documents from {args.gold}")
    if args.predict or not all("timexes" in d for d in docs):
        predictions = predict(docs)
        types = Counter(t["type"] for p in predictions for t in p["timexes"])
        resolved = sum(1 for p in predictions for t in p["timexes"] if not t["value"].startswith(("X", "P")))
        total = sum(types.values())
        print(f"{total} expressions ({', '.join(f'{k} {v}' for k, v in types.most_common())}); "
              f"{resolved} with a calendar value, {total - resolved} references, durations or sets")
        if args.predict:
            with open(args.predict, "w", encoding="utf-8") as out:
                for p in predictions:
                    out.write(json.dumps(p, ensure_ascii=False) + "\n")
            print(f"wrote {args.predict}")
        if not all("timexes" in d for d in docs):
            return 0
    print(f"{'':8} {'gold':>5} {'pred':>5}   {'strict P/R/F1':>20}   {'relaxed P/R/F1':>20}   {'value P/R/F1':>20}")
    all_errors = []
    for label, only in (("overall", None), ("DATE", "DATE")):
        scores, errors = evaluate(docs, only)
        if (only is None) != args.date_errors:
            all_errors = errors
        row = [f"{label:8} {scores['gold']:5d} {scores['pred']:5d}"]
        for key in ("strict", "relaxed", "value"):
            row.append("   " + " ".join(f"{x:.3f}" for x in scores[key]).rjust(20))
        print("".join(row) + (f"   type acc {scores['type_acc']:.3f}" if only is None else ""))
    shown = [e for e in all_errors if args.kind is None or e[0] == args.kind][:args.errors]
    for error in shown:
        print("\t".join(str(x) for x in error))
    return 0


if __name__ == "__main__":
    sys.exit(main())
