#!/usr/bin/env python3
"""Would dateparser normalise our spans better than our resolver? Measured on TIMEX3 gold.

    python bench/dateparser_spans.py [GOLD.jsonl]

For every DATE or TIME expression the tagger finds that overlaps a gold expression, the span
text is given to ``dateparser.parse`` (languages=['en'], the document date as RELATIVE_BASE;
once with dateparser's defaults and once preferring past dates, as news mostly does). Its
answer is written at the granularity of our value (day, month or year; dateparser has no
weeks, quarters or seasons) and both are compared with the gold value. Prints the accuracy of
each, how often dateparser returns nothing, and its time per span.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import dateparser

from geoevents import temporal

DEFAULT = Path("/work/shared/corpus/te3/tbaq.jsonl")


def as_value(parsed: datetime | None, like: str) -> str | None:
    """dateparser's answer written like our value: 2021-08-05, 2021-08 or 2021."""
    if parsed is None:
        return None
    if len(like) == 4 and like.isdigit():
        return f"{parsed.year:04d}"
    if len(like) == 7 and like[4] == "-" and like[5:].isdigit():
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return parsed.date().isoformat()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT))
    args = parser.parse_args()
    try:
        with open(args.gold, encoding="utf-8") as lines:
            docs = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        print(f"dateparser_spans: cannot read {args.gold}: {error}", file=sys.stderr)
        return 2
    counts: Counter = Counter()
    seconds = 0.0
    for doc in docs:
        dct = date.fromisoformat(doc["published"][:10])
        base = datetime(dct.year, dct.month, dct.day)
        for found in temporal.tag(doc["text"], dct):
            for t in found.timeml():
                if t.type not in ("DATE", "TIME"):
                    continue
                gold = [g for g in doc["timexes"] if g["start"] < t.end and t.start < g["end"]]
                if not gold:
                    continue
                value = gold[0]["value"]
                counts["spans"] += 1
                counts["ours"] += t.value == value
                calendar = t.begin is not None  # a value dateparser could express at all
                counts["calendar spans"] += calendar
                counts["ours on calendar spans"] += calendar and t.value == value
                for mode, settings in (("default", {}), ("past", {"PREFER_DATES_FROM": "past"})):
                    start = time.perf_counter()
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        parsed = dateparser.parse(t.text, languages=["en"],
                                                  settings={"RELATIVE_BASE": base, **settings})
                    seconds += time.perf_counter() - start
                    counts[f"dateparser {mode} calls"] += 1
                    counts[f"dateparser {mode} none"] += parsed is None
                    counts[f"dateparser {mode}"] += as_value(parsed, t.value) == value
                    counts[f"dateparser {mode} on calendar spans"] += calendar and as_value(parsed, t.value) == value
    n, c = counts["spans"], counts["calendar spans"]
    print(f"{n} DATE/TIME spans found by the tagger that overlap a gold expression ({c} with a calendar value)")
    print(f"  ours:                          value correct {counts['ours'] / n:.3f}, "
          f"on calendar spans {counts['ours on calendar spans'] / c:.3f}")
    for mode in ("default", "past"):
        print(f"  dateparser.parse ({mode:7}):   value correct {counts[f'dateparser {mode}'] / n:.3f}, "
              f"on calendar spans {counts[f'dateparser {mode} on calendar spans'] / c:.3f}, "
              f"no answer {counts[f'dateparser {mode} none'] / n:.3f}")
    calls = counts["dateparser default calls"] + counts["dateparser past calls"]
    print(f"  dateparser.parse time per span: {seconds / calls * 1e3:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
