"""Input documents: text and HTML files, JSON Lines, folders, lists of paths, standard input.

``iter_documents`` reads them all in one process. Batch runs split the work in two:
``sources.iter_tasks`` finds the input and cuts it into tasks, and a ``Parser`` in each worker
turns tasks into documents. Every input is accounted for: it yields documents or a ``Failure``
saying what went wrong; what was read but deserves a word (invalid UTF-8, an empty file) is
a ``Notice``.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import orjson

from . import textstream
from .document import Document, find_published, parse_published
from .sources import (
    SNIFF,
    Failure,
    InputProgress,
    Notice,
    NoticeHandler,
    Task,
    input_size,
    iter_tasks,
    reason,
)
from .textstream import StreamedDocument, utf8_notice

__all__ = ["Failure", "Fields", "InputProgress", "Notice", "Parser", "input_size", "iter_documents"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# HTML is turned into text whole (tags, entities and scripts span any cut): its bytes, its markup
# and its text are held at once, each piece of text apart: an 8 MB file peaks at 115-196 MB (the
# most for a page of tiny paragraphs), within a run's memory budget (300 MB)
MAX_HTML_BYTES = 8_000_000
HTML_TOO_LONG = (f"HTML file of more than {MAX_HTML_BYTES // 1_000_000} MB: too large to read "
                 "(HTML is read whole, not streamed): skipped; convert it to plain text, which is streamed")
_DATES_KEPT = 1 << 16  # distinct publication dates remembered by a parser (a century has 36,525 days)
# A document of JSON Lines made without the NamedTuple's own constructor, a Python function that
# only hands its arguments to this one (half the cost of making a document; run for each line)
_new_document = tuple.__new__


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the JSON fields that hold a document's text, id and publication date."""

    text: str = "text"
    id: str = "id"
    published: tuple[str, ...] = ("published", "date")


def iter_documents(
    paths: Sequence[str],
    fields: Fields = Fields(),
    published: str | None = None,
    *,
    globs: Sequence[str] = (),
    files_from: str | None = None,
    date_from_text_later: bool = False,
    on_notice: NoticeHandler | None = None,
    progress: InputProgress | None = None,
) -> Iterator[Document | StreamedDocument | Failure]:
    """Documents from ``paths`` in order (``-`` or no path at all: standard input), then from
    the paths listed in ``files_from`` (one per line; ``-`` for standard input).

    ``globs`` filters the files found in folders by name (``*.txt``); files named explicitly are
    always read. With ``date_from_text_later``, a document without a publication date is
    yielded with ``date_from_text`` set (``Document.dated()`` looks it up) instead of being
    looked up here. Notices of one kind are passed to ``on_notice`` once per source.
    """
    notice = once_per_source(on_notice or (lambda n: None))
    parser = Parser(fields, parse_published(published) if published else None, date_from_text_later)
    for task in iter_tasks(paths, globs=globs, files_from=files_from, text_field=fields.text,
                           on_notice=notice, progress=progress):
        if isinstance(task, Failure):
            yield task
        else:
            yield from parser.parse(task, notice)


def once_per_source(handler: NoticeHandler) -> NoticeHandler:
    """A handler that passes on a notice with a ``kind`` only the first time for its source."""
    seen: set[tuple[str, str]] = set()

    def handle(notice: Notice) -> None:
        if notice.kind:
            key = (notice.source, notice.kind)
            if key in seen:
                return
            seen.add(key)
        handler(notice)

    return handle


class Parser:
    """Turns tasks into documents (picklable: each worker process holds one)."""

    def __init__(self, fields: Fields = Fields(), published: date | None = None,
                 date_from_text_later: bool = False):
        self.fields = fields
        self.default_date = published
        self.later = date_from_text_later
        self._dates: dict[str, date] = {}  # publication date fields read so far (inputs repeat a few)

    def parse(self, task: Task, notice: NoticeHandler) -> Iterator[Document | StreamedDocument | Failure]:
        if task.kind == "lines":
            yield from self.lines(task, notice)
        elif task.kind == "file":
            yield from self.file(task.source, notice)
        else:
            yield from self.stdin(task, notice)

    # -- text and HTML -------------------------------------------------------------------------

    def file(self, source: str, notice: NoticeHandler) -> Iterator[Document | StreamedDocument | Failure]:
        gzipped = source.endswith(".gz")
        name = source[:-3] if gzipped else source
        html = name.lower().endswith(HTML_SUFFIXES)
        limit = MAX_HTML_BYTES if html else textstream.STREAMED_BYTES
        try:
            with open(source, "rb") as raw:
                data = (gzip.GzipFile(fileobj=raw) if gzipped else raw).read(limit + 1)
        except (OSError, EOFError, zlib.error) as error:  # unreadable, or a broken gzip stream
            yield Failure(source, reason(error))
            return
        if b"\x00" in data[:SNIFF]:
            yield Failure(source, "binary file, not text: skipped")
            return
        if len(data) > limit:
            if html:
                yield Failure(source, HTML_TOO_LONG)
                return
            del data
            yield self.streamed(lambda: _open_bytes(source), source, notice)
            return
        text = _decode(data, source, notice)
        del data  # a large file should not be held twice while it is processed
        yield from self.text(text, source, notice, html=html)

    def stdin(self, task: Task, notice: NoticeHandler) -> Iterator[Document | StreamedDocument]:
        """Standard input that is not JSON Lines (``task.data``: its first lines, read to tell):
        a text of more than ``textstream.STREAMED_BYTES`` is copied to a temporary file, and streamed from it."""
        stream = sys.stdin.buffer
        data = task.data + stream.read(max(0, textstream.STREAMED_BYTES + 1 - len(task.data)))
        if len(data) <= textstream.STREAMED_BYTES:
            yield from self.text(_decode(data, task.source, notice), task.source, notice)
            return
        with tempfile.TemporaryDirectory(prefix="geoevents-") as folder:
            copy = os.path.join(folder, "stdin.txt")
            with open(copy, "wb") as out:
                out.write(data)
                del data
                shutil.copyfileobj(stream, out, textstream.STREAMED_BYTES)
            yield self.streamed(lambda: _open_bytes(copy), task.source, notice)

    def text(self, text: str, source: str, notice: NoticeHandler, html: bool = False) -> Iterator[Document]:
        if html:
            from .markup import html_to_text  # (html.parser is imported by runs that read HTML only)

            text = html_to_text(text)
        if not text or text.isspace():  # (strip() would copy a large text)
            notice(Notice(source, "empty file, no text to read"))
            return
        yield self.document(text, source, source, None, None)

    def streamed(self, open_bytes: Callable[[], BinaryIO], source: str, notice: NoticeHandler) -> StreamedDocument:
        document = StreamedDocument(open_bytes, source, source, notice, self.default_date,
                                    date_from_text=self.default_date is None and self.later)
        if self.default_date is None and not self.later:
            document.published = document.find_published()
        return document

    def document(self, text: str, doc_id: str, source: str, line: int | None, published: date | None) -> Document:
        if published is None:
            published = self.default_date
        if published is None and not self.later:
            published = find_published(text)
        return Document(text=text, id=doc_id, published=published, source=source, line=line,
                        date_from_text=published is None and self.later)

    # -- JSON Lines ----------------------------------------------------------------------------

    def lines(self, task: Task, notice: NoticeHandler) -> Iterator[Document | Failure]:
        # the path every document of a JSON Lines input takes: kept lean (a few calls a line)
        source = task.source
        record_of = self.record
        loads = orjson.loads
        for number, raw_line in enumerate(task.data.split(b"\n"), task.first_line):
            if not raw_line or raw_line.isspace():
                continue
            try:
                record = loads(raw_line)
            except orjson.JSONDecodeError:
                record = _lenient(raw_line, source, number, notice)
                if isinstance(record, Failure):
                    yield record
                    continue
            yield record_of(record, source, number)

    def record(self, record: object, source: str, number: int) -> Document | Failure:
        if not isinstance(record, dict):
            return Failure(source, "not a JSON object", number)
        fields = self.fields
        doc_id = record.get(fields.id)
        if type(doc_id) is not str:
            doc_id = str(doc_id) if doc_id is not None else f"{source}:{number}"
        text = record.get(fields.text)
        if type(text) is not str and not isinstance(text, str):
            problem = "no" if text is None else "a non-string"
            return Failure(source, f"{problem} {fields.text!r} field (the document's text)", number, doc_id)
        value = None
        for name in fields.published:  # the first field that holds a value (a loop: this runs per document)
            if value := record.get(name):
                break
        published = None
        if value:
            published = self._dates.get(value) if type(value) is str else None
            if published is None:
                try:
                    published = parse_published(value)
                except ValueError as error:
                    return Failure(source, str(error), number, doc_id)
                if type(value) is str and len(self._dates) < _DATES_KEPT:
                    self._dates[value] = published
        if published is None:
            published = self.default_date
            if published is None:
                if self.later:
                    return _new_document(Document, (text, doc_id, None, source, number, True))
                published = find_published(text)
        return _new_document(Document, (text, doc_id, published, source, number, False))


def _lenient(raw_line: bytes, source: str, number: int, notice: NoticeHandler) -> object:
    """A line orjson refused (invalid UTF-8, lone surrogates, or not JSON at all): decoded leniently
    and parsed again, or the ``Failure`` saying why it cannot be read."""
    try:
        decoded = raw_line.decode("utf-8")
    except UnicodeDecodeError as error:
        decoded = raw_line.decode("utf-8", errors="replace")
        notice(Notice(source, f"invalid UTF-8 (first at byte {error.start} of the line), decoded "
                              "with replacement characters; reported for the first line only",
                      number, kind="utf8"))
    try:
        return _clean(json.loads(decoded))
    except json.JSONDecodeError as error:
        return Failure(source, f"not valid JSON ({error.msg}, column {error.colno})", number)
    except RecursionError:
        return Failure(source, "not valid JSON (nested too deeply)", number)


def _decode(data: bytes, source: str, notice: NoticeHandler) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        notice(utf8_notice(source, error.start))
        return data.decode("utf-8", errors="replace")


def _open_bytes(path: str) -> BinaryIO:
    """The bytes of a file, gunzipped if its name ends in ``.gz``."""
    raw = open(path, "rb")  # noqa: SIM115 (closed with the gzip stream)
    return gzip.GzipFile(fileobj=raw, mode="rb") if path.endswith(".gz") else raw


def _clean(value):
    """Lone surrogates ("\\ud800") that JSON allows but UTF-8 output cannot hold become "?"
    (one character for one, so offsets keep their meaning)."""
    if isinstance(value, str):
        return value.encode("utf-8", errors="replace").decode("utf-8")
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
