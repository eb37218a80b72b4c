#!/usr/bin/env python3
"""The DATE errors of the temporal tagger on TIMEX3 gold, grouped by likely cause, with counts.

    python bench/te3_error_groups.py [GOLD.jsonl] [--show GROUP] [--all]

Runs the evaluation of ``te3_eval.py`` (DATE rows) and sorts every wrong value, missed and
spurious expression (and those right but for their extent) into groups by a few heuristics
on the gold and predicted text and values: vague words ("now", "recently"), gold values less
specific than the text (``1989-WXX``), fiscal quarters and periods, parts of days the gold
types DATE, bare nouns ("in the weeks before"), weekdays a week or a day off (a document date
that does not fit the text), weeks, years of months and days. The groups are a map for
deciding what a general rule could reach, not a verdict: read the members (``--show``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from te3_eval import DEFAULT_GOLD, evaluate  # noqa: E402

VAGUE = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_PART_OF_DAY = re.compile(r"morning|night|evening|afternoon|tonight|a\.m\.|p\.m\.", re.IGNORECASE)
_BARE_NOUN = re.compile(r"(?:the )?(?:weeks?|days?|first day|\w+ day|\d+ days|the (?:week|day|year))", re.IGNORECASE)
_FISCAL = re.compile(r"quarter|period|year-e|year-ago|fiscal", re.IGNORECASE)


def _day(value: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _days_apart(a: str, b: str) -> int | None:
    first, second = _day(a), _day(b)
    return None if first is None or second is None else abs((first - second).days)


def group_of(kind: str, gold_text: str, gold_value: str, pred_text: str, pred_value: str) -> str:
    """The likely cause of one error (``kind``: value, extent, missed or spurious)."""
    if kind == "extent":
        return "extent only (value right)"
    if kind == "spurious":
        if pred_value in VAGUE:
            return "spurious vague word"
        if _FISCAL.search(pred_text):
            return "spurious fiscal quarter or period"
        return "spurious other (often left out by the gold here, tagged elsewhere)"
    if kind == "missed":
        if gold_value in VAGUE or (gold_value.startswith("P") and "X" in gold_value):
            return "missed vague word"
        if _PART_OF_DAY.search(gold_text) or re.search(r"T(?:MO|AF|EV|NI|\d)", gold_value):
            return "missed part of day (gold DATE; TimeML TIME)"
        if _BARE_NOUN.fullmatch(gold_text):
            return "missed bare or anaphoric noun"
        return "missed other"
    apart = _days_apart(gold_value, pred_value)
    if "X" in gold_value and "X" not in pred_value:
        return "value: gold less specific than the text (WXX, QX, -XX, 199X)"
    if re.fullmatch(r"\d{2,3}", pred_value):
        return "value: decade or century form"
    if gold_value in VAGUE or gold_value.startswith("P") or pred_value in VAGUE:
        return "value: vague word or duration against a calendar value"
    if apart == 7:
        return "value: weekday a week off (document date)"
    if apart is not None and apart <= 2:
        return "value: day one or two off (document date)"
    if "Q" in gold_value or "Q" in pred_value or "H" in gold_value:
        return "value: quarter or fiscal period"
    if "W" in gold_value or "W" in pred_value:
        return "value: week"
    if gold_value[:4] != pred_value[:4] and gold_value[4:] == pred_value[4:]:
        return "value: year of a month or day"
    return "value: other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--show", default=None, help="print the members of the groups whose name contains this")
    parser.add_argument("--all", action="store_true", help="print the members of every group")
    args = parser.parse_args()
    try:
        with open(args.gold, encoding="utf-8") as lines:
            docs = [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as error:
        print(f"te3_error_groups: cannot read {args.gold}: {error}", file=sys.stderr)
        return 2
    _, errors = evaluate(docs, "DATE")
    groups: dict[str, list[tuple]] = defaultdict(list)
    for error in errors:
        kind, _doc, _dct, gold_text, _gtype, gold_value, pred_text, _ptype, pred_value, _context = error
        groups[group_of(kind, gold_text, gold_value, pred_text, pred_value)].append(error)
    print(f"{len(errors)} DATE errors in {len(docs)} documents")
    for name, members in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"{len(members):5d}  {name}")
    for name, members in sorted(groups.items()):
        if args.all or (args.show and args.show in name):
            print(f"\n== {name}")
            for kind, doc, dct, gold_text, _, gold_value, pred_text, _, pred_value, context in members:
                print(f"{kind}\t{doc}\t{dct}\t{gold_text!r} {gold_value}\t{pred_text!r} {pred_value}\t{context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
