"""A plain-text document too long to hold whole: decoded as it is read, part by part.

A text file, gzip'd text file or standard input of more than ``STREAMED_BYTES`` bytes becomes
a ``StreamedDocument``: its bytes are read again when it is processed, through a ``TextStream``
that decodes them incrementally and holds only the stretch of text the current part needs
(``parts``). Offsets stay offsets into the whole text, as if it had been read at once; invalid
UTF-8 is replaced as a whole decoding would, and reported once, with the byte where it first is.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import BinaryIO

from .document import HEAD, TAIL, published_in
from .sources import Notice, NoticeHandler

STREAMED_BYTES = 4_000_000  # a larger text file is streamed (no more characters than bytes: see ``parts``)
READ_BYTES = 1 << 20  # bytes read at a time


def utf8_notice(source: str, at: int) -> Notice:
    return Notice(source, f"invalid UTF-8 (first at byte {at}), decoded with replacement characters", kind="utf8")


class TextStream:
    """The text of a stream of bytes, decoded as far as it is asked for (a ``parts.TextSource``)."""

    def __init__(self, blocks: Iterator[bytes], source: str, notice: NoticeHandler):
        self._blocks = blocks
        self._source = source
        self._notice = notice
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._bytes_decoded = 0
        self._base = 0  # where ``_text`` starts in the whole text
        self._text = ""
        self.ended = False

    @property
    def end(self) -> int:
        """How many characters have been decoded (the text's length once ``ended``)."""
        return self._base + len(self._text)

    def held(self, start: int, end: int) -> str:
        if start < self._base:
            raise ValueError(f"text before {self._base} was let go of (asked from {start})")
        self._read_to(end)
        return self._text[start - self._base:end - self._base]

    def longer_than(self, size: int) -> bool:
        self._read_to(size + 1)
        return self.end > size

    def release(self, before: int) -> None:
        if before > self._base:
            self._text = self._text[before - self._base:]
            self._base = before

    def _read_to(self, end: int) -> None:
        pieces: list[str] = []
        decoded = self.end
        while decoded < end and not self.ended:
            data = next(self._blocks, b"")
            piece = self._decode(data, final=not data)
            self.ended = not data
            pieces.append(piece)
            decoded += len(piece)
        if pieces:
            self._text += "".join(pieces)

    def _decode(self, data: bytes, final: bool) -> str:
        pending = self._decoder.getstate()[0]  # the start of a character cut at the end of the last block
        try:
            return self._decoder.decode(data, final)
        except UnicodeDecodeError as error:  # (only the strict decoder raises: reported once)
            self._notice(utf8_notice(self._source, self._bytes_decoded - len(pending) + error.start))
            self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
            return self._decoder.decode(pending + data, final)
        finally:
            self._bytes_decoded += len(data)


@dataclass(slots=True)
class StreamedDocument:
    """A plain-text document read as a stream when it is processed (see the module's docstring):
    ``open_bytes`` opens its bytes (gunzipped) from the start; ``characters`` counts its text
    once it has been read. Like ``Document``, ``dated()`` looks its publication date up in its
    text when ``date_from_text`` asks for it."""

    open_bytes: Callable[[], BinaryIO]
    id: str
    source: str
    notice: NoticeHandler
    published: date | None = None
    date_from_text: bool = False
    line: int | None = None
    characters: int = field(default=0)

    def dated(self) -> StreamedDocument:
        if self.published is not None or not self.date_from_text:
            return self
        return replace(self, published=self.find_published(), date_from_text=False)

    def find_published(self) -> date | None:
        """``document.find_published`` of the whole text: its head is read, then its tail."""
        return published_in(self._head(), self._tail)

    @contextlib.contextmanager
    def read(self) -> Iterator[TextStream]:
        """The document's text as a stream (the file is closed on leaving the context)."""
        with self.open_bytes() as raw:
            stream = TextStream(iter(lambda: raw.read(READ_BYTES), b""), self.source, self.notice)
            try:
                yield stream
            finally:
                self.characters = stream.end

    def _head(self) -> str:
        with self.open_bytes() as raw:
            decoder = codecs.getincrementaldecoder("utf-8")("replace")
            return decoder.decode(raw.read(4 * HEAD + 4))[:HEAD]  # (not final: a cut character waits)

    def _tail(self) -> str:
        """The last ``TAIL`` characters: UTF-8 finds its footing again a character after any
        byte, so those of the last ``4 * TAIL + 8`` bytes decode as in the whole text."""
        size = 4 * TAIL + 8
        with self.open_bytes() as raw:
            if raw.seekable() and not isinstance(raw, gzip.GzipFile):
                raw.seek(0, 2)
                raw.seek(max(0, raw.tell() - size))
                last = raw.read()
            else:  # (gzip: read through)
                last = b""
                while data := raw.read(READ_BYTES):
                    last = (last + data)[-size:]
        return last.decode("utf-8", errors="replace")[-TAIL:]
