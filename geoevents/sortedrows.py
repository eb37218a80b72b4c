"""A sorted TSV text as a mapping ``first column -> rest of the line``, parsed block by block.

Turning the 140,000 lines of the gazetteer's names into a dictionary takes a tenth of a second,
more than a one-sentence run spends on everything else. The files are sorted (``build.py``
writes them so), so the lines whose keys start with the same two characters form one block,
found by a binary search over the text. A block is parsed into a dictionary the first time a
key in it is looked up: start-up costs one read of the file, a short run parses a few blocks,
a long one ends up with the whole dictionary, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from operator import methodcaller

_SPLIT = methodcaller("split", "\t", 1)


class SortedRows(Mapping[str, str]):
    """``key -> rest of the line`` of TSV lines sorted by line (as ``sorted()`` orders them)."""

    def __init__(self, text: str, extra: Mapping[str, str] | None = None, block_prefix: int = 2):
        self._text = text if text.endswith("\n") or not text else text + "\n"
        self._extra = dict(extra or {})  # rows that replace the text's or add to them
        self._prefix = block_prefix  # the characters the keys of a block share
        self._blocks: dict[str, dict[str, str]] = {}
        self._whole: dict[str, str] | None = None

    def with_rows(self, extra: Mapping[str, str]) -> SortedRows:
        """A copy (sharing the text) where ``extra`` rows replace or add to these."""
        return SortedRows(self._text, {**self._extra, **extra}, self._prefix)

    def block(self, key: str) -> dict[str, str]:
        """The rows of every key that starts with the first ``block_prefix`` characters of ``key``
        (two, unless the keys share longer beginnings: the gazetteer's entity ids)."""
        length = self._prefix
        prefix = key[:length]
        rows = self._blocks.get(prefix)
        if rows is None:
            start = self._first_line_from(prefix)
            if len(prefix) == length:  # up to the first line past every key starting with the prefix
                after = _past(prefix)
                end = self._first_line_from(after) if after else len(self._text)
            else:  # a shorter key: its own line only ("\n" sorts after "\t")
                end = self._first_line_from(prefix + "\n")
            rows = self._blocks[prefix] = self._parse(start, end, lambda key: key[:length] == prefix)
        return rows

    def between(self, low: str, high: str | None = None) -> dict[str, str]:
        """The rows whose keys sort from ``low`` up to (not including) ``high``, or to the end."""
        start = self._first_line_from(low)
        end = self._first_line_from(high) if high is not None else len(self._text)
        return self._parse(start, end, lambda key: low <= key and (high is None or key < high))

    def _first_line_from(self, key: str) -> int:
        """Offset of the first line that sorts at or after ``key`` (the text's length if none)."""
        text = self._text
        low, high = 0, len(text)  # both line starts (or the end)
        while low < high:
            line_start = text.rfind("\n", 0, (low + high) // 2) + 1
            line_end = text.find("\n", line_start)
            if text[line_start:line_end] < key:
                low = line_end + 1
            else:
                high = line_start
        return low

    def __getitem__(self, key: str) -> str:
        return self.block(key)[key]

    def get(self, key: str, default=None):
        return self.block(key).get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.block(key)

    def whole(self) -> dict[str, str]:
        """Every row (parses the whole text once)."""
        if self._whole is None:
            self._whole = self._parse(0, len(self._text), lambda key: True)
        return self._whole

    def _parse(self, start: int, end: int, wanted: Callable[[str], bool]) -> dict[str, str]:
        """The rows of the lines in ``text[start:end]``, with the extra rows whose keys are ``wanted``."""
        lines = self._text[start:end].split("\n")
        lines.pop()  # the text ends with a line break
        rows = dict(map(_SPLIT, lines))
        rows.update((key, row) for key, row in self._extra.items() if wanted(key))
        return rows

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())



def _past(prefix: str) -> str | None:
    """The first string that sorts after every string starting with ``prefix`` (None: none does)."""
    while prefix and ord(prefix[-1]) == 0x10FFFF:
        prefix = prefix[:-1]
    return prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else None
