"""Input documents from paths: text and HTML files, JSON Lines files, folders, lists of paths,
or standard input, with or without gzip.

Every input is accounted for: each yields documents or a ``Failure`` saying what went wrong,
and what was read but deserves a word (invalid UTF-8, an empty file, a folder reached twice
through a symbolic link) is reported once through ``on_notice``. JSON Lines are read one line
at a time, so a file of any size goes through in bounded memory.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import io
import itertools
import json
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import orjson

from .document import Document, find_published, parse_published
from .markup import html_to_text

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SNIFF = 8192  # bytes looked at to tell a binary file


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the JSON fields that hold a document's text, id and publication date."""

    text: str = "text"
    id: str = "id"
    published: tuple[str, ...] = ("published", "date")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input (a file, or one document of a JSON Lines file) that could not be read or processed."""

    source: str
    reason: str
    line: int | None = None
    id: str | None = None

    def to_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something worth saying about an input that was still read (a warning, not a failure)."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


NoticeHandler = Callable[[Notice], None]


class InputProgress:
    """How many bytes of the input files have been read (compressed bytes for gzip files)."""

    def __init__(self) -> None:
        self.finished = 0
        self._current: BinaryIO | None = None

    def start(self, raw: BinaryIO | None) -> None:
        self._current = raw

    def finish(self, size: int) -> None:
        self.finished += size
        self._current = None

    @property
    def bytes_read(self) -> int:
        current = self._current
        try:
            return self.finished + (current.tell() if current is not None and not current.closed else 0)
        except (OSError, ValueError):
            return self.finished


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
) -> Iterator[Document | Failure]:
    """Documents from ``paths`` in order (``-`` or no path at all: standard input), then from
    the paths listed in ``files_from`` (one per line; ``-`` for standard input).

    ``globs`` filters the files found in folders by name (``*.txt``); files named explicitly are
    always read. With ``date_from_text_later``, a document without a publication date is
    yielded with ``date_from_text`` set, for ``Document.dated()`` to look it up (in a worker),
    instead of being looked up here.
    """
    reader = _Reader(fields, parse_published(published) if published else None, tuple(globs),
                     date_from_text_later, on_notice or (lambda notice: None), progress or InputProgress())
    if not paths and files_from is None:
        paths = ["-"]
    for path in paths:
        yield from reader.path(path)
    if files_from is not None:
        yield from reader.listed(files_from)


def listed_paths(files_from: str) -> Iterator[str]:
    """The paths in a list file (``-``: standard input), one per line; blank lines are skipped."""
    opened = (contextlib.nullcontext(sys.stdin) if files_from == "-"
              else open(files_from, encoding="utf-8", errors="surrogateescape"))  # noqa: SIM115
    with opened as stream:
        for line in stream:
            path = line.rstrip("\r\n")
            if path.strip():
                yield path


def walk_files(folder: str, globs: Sequence[str] = (),
               on_notice: NoticeHandler | None = None) -> Iterator[tuple[str, OSError | None]]:
    """The files under ``folder`` (recursively, sorted, hidden ones skipped), each with the error
    met on the way to it. Symbolic links to folders are followed once: a folder reached again
    (a link loop) is reported and skipped."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: str) -> Iterator[tuple[str, OSError | None]]:
        try:
            info = os.stat(directory)
            key = (info.st_dev, info.st_ino)
            if key in seen:
                if on_notice:
                    on_notice(Notice(directory, "folder already read (symbolic link loop or alias), skipped"))
                return
            seen.add(key)
            with os.scandir(directory) as scan:
                entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as error:
            yield directory, error
            return
        folders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError as error:
                yield entry.path, error
                continue
            if is_dir:
                folders.append(entry.path)
            elif not globs or any(fnmatch.fnmatch(entry.name, g) for g in globs):
                yield entry.path, None
        for sub in folders:
            yield from visit(sub)

    yield from visit(folder)


def input_size(paths: Sequence[str], globs: Sequence[str] = (), files_from: str | None = None) -> int | None:
    """The total size in bytes of the files the inputs name, or None when standard input is one."""
    if (not paths and files_from is None) or "-" in paths or files_from == "-":
        return None
    total = 0
    listed = listed_paths(files_from) if files_from is not None else ()
    for path in itertools.chain(paths, listed):
        if os.path.isdir(path):
            names = (found for found, error in walk_files(path, globs) if error is None)
        else:
            names = iter((path,))
        for name in names:
            with contextlib.suppress(OSError):
                total += os.path.getsize(name)
    return total


class _Reader:
    def __init__(self, fields: Fields, default_date, globs: tuple[str, ...], later: bool,
                 notice: NoticeHandler, progress: InputProgress):
        self.fields = fields
        self.default_date = default_date
        self.globs = globs
        self.later = later
        self.notice = notice
        self.progress = progress

    def path(self, path: str) -> Iterator[Document | Failure]:
        if path == "-":
            yield from self.stdin()
        elif os.path.isdir(path):
            for found, error in walk_files(path, self.globs, self.notice):
                if error:
                    yield Failure(found, _reason(error))
                else:
                    yield from self.file(found)
        elif not os.path.lexists(path):
            yield Failure(path, "no such file or directory")
        else:
            yield from self.file(path)

    def listed(self, files_from: str) -> Iterator[Document | Failure]:
        try:
            for path in listed_paths(files_from):
                yield from self.path(path)
        except OSError as error:
            yield Failure(files_from, f"cannot read the list of paths: {_reason(error)}")

    # -- files ---------------------------------------------------------------------------------

    def file(self, source: str) -> Iterator[Document | Failure]:
        name = source[:-3] if source.endswith(".gz") else source
        try:
            raw = open(source, "rb")  # noqa: SIM115 (closed below, with the gzip stream)
        except OSError as error:
            yield Failure(source, _reason(error))
            return
        size = _size(raw)
        self.progress.start(raw)
        try:
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if source.endswith(".gz") else raw
            with raw, stream:
                head = stream.read(SNIFF)
                if b"\x00" in head:
                    yield Failure(source, "binary file, not text: skipped")
                    return
                if name.lower().endswith(JSONL_SUFFIXES):
                    yield from self.jsonl(_chain(head, stream), source)
                else:
                    yield from self.text(head + stream.read(), source, html=name.lower().endswith(HTML_SUFFIXES))
        except (OSError, EOFError, zlib.error) as error:  # unreadable, or a broken gzip stream
            yield Failure(source, _reason(error))
        finally:
            self.progress.finish(size)

    def text(self, data: bytes, source: str, html: bool = False) -> Iterator[Document | Failure]:
        text = self.decode(data, source)
        if html:
            text = html_to_text(text)
        if not text.strip():
            self.notice(Notice(source, "empty file, no text to read"))
            return
        yield self.document(text, source, source, None, None)

    def decode(self, data: bytes, source: str, line: int | None = None) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.notice(Notice(source, f"invalid UTF-8 (first at byte {error.start}), "
                                       "decoded with replacement characters", line))
            return data.decode("utf-8", errors="replace")

    def document(self, text: str, doc_id: str, source: str, line: int | None, published) -> Document:
        if published is None:
            published = self.default_date
        if published is None and not self.later:
            published = find_published(text)
        return Document(text=text, id=doc_id, published=published, source=source, line=line,
                        date_from_text=published is None and self.later)

    # -- JSON Lines ----------------------------------------------------------------------------

    def jsonl(self, lines: Iterable[bytes], source: str) -> Iterator[Document | Failure]:
        bad_utf8 = False
        empty = True
        for number, raw_line in enumerate(lines, 1):
            if not raw_line.strip():
                continue
            empty = False
            try:
                record = orjson.loads(raw_line)
            except orjson.JSONDecodeError:
                # orjson refuses invalid UTF-8 and lone surrogates: decode leniently, parse again
                try:
                    decoded = raw_line.decode("utf-8")
                except UnicodeDecodeError:
                    decoded = raw_line.decode("utf-8", errors="replace")
                    if not bad_utf8:
                        bad_utf8 = True
                        self.notice(Notice(source, "invalid UTF-8, decoded with replacement characters "
                                                   "(reported for the first line only)", number))
                try:
                    record = _clean(json.loads(decoded))
                except (json.JSONDecodeError, RecursionError) as error:
                    yield Failure(source, f"not valid JSON ({getattr(error, 'msg', 'nested too deeply')})", number)
                    continue
            yield self.record(record, source, number)
        if empty:
            self.notice(Notice(source, "empty file, no documents to read"))

    def record(self, record: object, source: str, number: int) -> Document | Failure:
        if not isinstance(record, dict):
            return Failure(source, "not a JSON object", number)
        fields = self.fields
        doc_id = record.get(fields.id)
        doc_id = str(doc_id) if doc_id is not None else f"{source}:{number}"
        text = record.get(fields.text)
        if not isinstance(text, str):
            missing = "no" if text is None else "a non-string"
            return Failure(source, f"{missing} {fields.text!r} text field", number, doc_id)
        try:
            value = next((record[f] for f in fields.published if record.get(f)), None)
            published = parse_published(value) if value else None
        except ValueError as error:
            return Failure(source, str(error), number, doc_id)
        return self.document(text, doc_id, source, number, published)

    # -- standard input ------------------------------------------------------------------------

    def stdin(self) -> Iterator[Document | Failure]:
        stream: BinaryIO = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else io.BytesIO(sys.stdin.read().encode())
        leading: list[bytes] = []
        for line in stream:
            leading.append(line)
            if line.strip():
                break
        if leading and _looks_like_jsonl(leading[-1], self.fields):
            yield from self.jsonl(_chain_lines(leading, stream), "<stdin>")
        else:
            yield from self.text(b"".join(leading) + stream.read(), "<stdin>")


def _looks_like_jsonl(first: bytes, fields: Fields) -> bool:
    if not first.lstrip().startswith(b"{"):
        return False
    try:
        record = json.loads(first.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and fields.text in record


def _chain(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of a stream whose first ``head`` bytes were already read."""
    parts = head.split(b"\n")
    for part in parts[:-1]:
        yield part + b"\n"
    last = parts[-1] + stream.readline()
    if last:
        yield last
    yield from stream


def _chain_lines(first: list[bytes], stream: BinaryIO) -> Iterator[bytes]:
    yield from first
    yield from stream


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


def _size(raw: BinaryIO) -> int:
    try:
        return os.fstat(raw.fileno()).st_size
    except OSError:
        return 0


def _reason(error: BaseException | None) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, EOFError):
        return "truncated gzip file"
    if isinstance(error, (gzip.BadGzipFile, zlib.error)):
        return f"broken gzip file ({error})"
    return str(error) or type(error).__name__
