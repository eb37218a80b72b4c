#!/usr/bin/env python3
"""List the one-word place names that English news mostly writes as ordinary words.

GeoNames knows towns called "Police", "Of", "Mobile" and "Bay"; a sentence that opens with
"Police said" must not put the event in Poland. This script counts, in any English news
corpus (JSON Lines with a ``text`` field, optionally gzipped), how often each one-word place
or country alias of the built gazetteer appears in lower case and how often capitalised in mid-sentence,
and prints those written in lower case more often than not. Review the list, then append it
to ``common_words.txt`` and rebuild:

    python data/gazetteer/common_words.py news.jsonl.gz ... >> data/gazetteer/common_words.txt
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ALIASES = Path(__file__).resolve().parents[2] / "geoevents" / "data" / "gazetteer" / "aliases.tsv"
WORD = re.compile(r"[A-Za-z]+")
MIN_LOWER = 5


def texts(path: str):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line).get("text") or ""


def main(paths: list[str]) -> int:
    places = set()
    for line in ALIASES.read_text(encoding="utf-8").splitlines():
        alias, *readings = line.split("\t")
        if WORD.fullmatch(alias) and any(r.endswith(",name") for r in readings):
            places.add(alias)
    wanted = {p.lower() for p in places}
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for path in paths:
        for text in texts(path):
            words = WORD.findall(text)
            for i, word in enumerate(words):
                key = word.lower()
                if key in wanted:
                    if word == key:
                        lower[key] += 1
                    elif i and words[i - 1].islower() and not (i + 1 < len(words) and words[i + 1][0].isupper()):
                        capital[key] += 1  # a name on its own in mid-sentence, not part of "Subic Bay"
    for alias in sorted(places):
        key = alias.lower()
        if lower[key] >= MIN_LOWER and lower[key] > capital[key]:
            print(alias)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
