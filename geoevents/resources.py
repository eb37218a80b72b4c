"""Access to the data files shipped inside the package (lexicons, gazetteers, patterns).

Everything loads offline from ``geoevents/data``; callers cache what they build from it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    return resources.files("geoevents").joinpath("data", name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """Non-empty lines of a list file, without ``#`` comment lines."""
    return [
        line.strip()
        for line in read_text(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """Records of a JSON Lines data file; a malformed line names the file and line."""
    records = []
    for number, line in enumerate(read_text(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise ValueError(f"geoevents/data/{name}:{number}: {error}") from None
    return records


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(read_lines(name))
