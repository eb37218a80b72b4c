"""A document to extract from, and the publication date found in its text when none is given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from . import cachedregex as regex
from . import temporal

# "Published: July 28, 2021", "Updated: 28 July 2021, 3:18 PM"
_DATE_LINE = regex.compile(
    r"^[ \t]*(?:Published|Updated|Posted|Last updated|First published|Date)\b"
    r"[ \t]*:?[ \t]*(?:on[ \t]+)?(?P<rest>[^\n]{6,60})",
    regex.IGNORECASE | regex.MULTILINE,
)
# "WASHINGTON, March 3, 2021 (Reuters) -" or "KABUL, Aug 5 (AFP) -" at the start of a line
_DATELINE = regex.compile(r"^[ \t]*\p{Lu}[\p{Lu} .,'-]{2,40},[ \t]+(?P<rest>[^\n]{6,40})", regex.MULTILINE)
_ISO_DATE = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")
HEAD, TAIL = 1500, 600


class Document(NamedTuple):
    """A text to extract from. ``source`` and ``line`` say where it was read (for error reports);
    ``date_from_text`` asks for the publication date to be looked up in the text when
    ``published`` is None (done by ``dated()``, in the worker that extracts the document).

    A NamedTuple rather than a frozen dataclass: a batch run makes one per document, and the
    dataclass's constructor (each field set through ``object.__setattr__``) costs three times more."""

    text: str
    id: str | None = None
    published: date | None = None
    source: str | None = None
    line: int | None = None
    date_from_text: bool = False

    def dated(self) -> Document:
        """This document with its publication date looked up in its text if that was asked for."""
        if self.published is not None or not self.date_from_text:
            return self
        return self._replace(published=find_published(self.text), date_from_text=False)


def _first_full_date(fragment: str) -> date | None:
    for timex in temporal.tag(fragment, None):
        value = timex.value
        if timex.type == "DATE" and len(value) == 10 and not value.startswith("X") and timex.begin == timex.finish:
            return date.fromisoformat(value)
    return None


def find_published(text: str) -> date | None:
    """A publication date stated in the text: a "Published:"/"Updated:" line or a dateline."""
    return _published_in(text[:HEAD]) or _published_in(text[-TAIL:])


def published_in(head: str, tail: Callable[[], str]) -> date | None:
    """``find_published`` of a text given its first ``HEAD`` characters and a way to its last
    ``TAIL`` (read only if the head states no date)."""
    return _published_in(head) or _published_in(tail())


def _published_in(part: str) -> date | None:
    for pattern in (_DATE_LINE, _DATELINE):
        for m in pattern.finditer(part):
            found = _first_full_date(m.group("rest"))
            if found:
                return found
    return None


def parse_published(value: object) -> date | None:
    """A publication date from a JSON field or an option: "2021-07-28" (a time part is ignored)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return _parse_date_text(str(value))


@lru_cache(maxsize=4096)  # batch inputs repeat the same few dates: parse each once
def _parse_date_text(value: str) -> date:
    text = value.strip()
    m = _ISO_DATE.match(text)
    if not m:
        raise ValueError(f"publication date {text!r} is not YYYY-MM-DD")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"publication date {text!r} is not a valid date") from None
