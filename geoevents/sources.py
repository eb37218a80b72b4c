"""Where the input is: paths, folders, lists of paths and standard input, cut into tasks.

A ``Task`` is a piece of input small enough to hand to a worker process: one text or HTML file
(the worker reads it), a block of a quarter of a megabyte of whole JSON Lines (with the number of its
first line), or the text of standard input. Cutting JSON Lines into blocks here, without
parsing them, keeps the main process nearly idle: the workers decode, parse and extract.
Reading waits while the workers are busy, so an input of any size needs bounded memory.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import itertools
import json
import os
import queue
import sys
import threading
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

JSONL_SUFFIXES = (".jsonl", ".ndjson")
SNIFF = 8192  # bytes looked at to tell a binary file
BLOCK = 1 << 18  # bytes of JSON Lines per task: small enough to share the work evenly among workers
# A JSON record is parsed whole: its bytes (as the block and as the line), its text (up to 4 bytes
# a character in a Python string) and what is found in it must fit in a run's memory budget
# (300 MB) together: a line of 12 MB peaks at 183 MB, or 246 MB with several such lines and two jobs
MAX_LINE_BYTES = 12_000_000


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
    """Something worth saying about an input that was still read (a warning, not a failure).
    Notices of one ``kind`` (such as ``utf8``) are reported once per source."""

    source: str
    message: str
    line: int | None = None
    kind: str = ""

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


NoticeHandler = Callable[[Notice], None]


@dataclass(frozen=True, slots=True)
class Task:
    """A piece of input: ``file`` (a text or HTML file to read, of ``size`` bytes), ``lines`` (a
    block of JSON Lines starting at line ``first_line``) or ``stdin`` (a text document on
    standard input, of which ``data`` holds the first lines: the parser reads the rest, in the
    main process, where standard input is open)."""

    kind: str
    source: str
    data: bytes = b""
    first_line: int = 1
    size: int = 0  # of a file, so that batches of files can be cut by size


class InputProgress:
    """How many bytes of the inputs have been read (compressed bytes for gzip files)."""

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


def is_jsonl(path: str) -> bool:
    name = path[:-3] if path.endswith(".gz") else path
    return name.lower().endswith(JSONL_SUFFIXES)


def iter_tasks(
    paths: Sequence[str],
    *,
    globs: Sequence[str] = (),
    files_from: str | None = None,
    text_field: str = "text",
    on_notice: NoticeHandler | None = None,
    progress: InputProgress | None = None,
    read_ahead: bool = False,
) -> Iterator[Task | Failure]:
    """The tasks for ``paths`` in order (``-`` or no path at all: standard input), then for the
    paths listed in ``files_from`` (one per line; ``-`` for standard input). With ``read_ahead``,
    gzip files are decompressed in a thread while this one works on the blocks before (never
    with worker processes to fork: no thread of ours may run then)."""
    finder = _Finder(tuple(globs), text_field, on_notice or (lambda notice: None), progress or InputProgress(),
                     read_ahead)
    if not paths and files_from is None:
        paths = ["-"]
    for path in paths:
        yield from finder.path(path)
    if files_from is not None:
        try:
            for path in listed_paths(files_from):
                yield from finder.path(path)
        except OSError as error:
            yield Failure(files_from, f"cannot read the list of paths: {reason(error)}")


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


class _Finder:
    def __init__(self, globs: tuple[str, ...], text_field: str, notice: NoticeHandler, progress: InputProgress,
                 read_ahead: bool = False):
        self.globs = globs
        self.text_field = text_field
        self.notice = notice
        self.progress = progress
        self.read_ahead = read_ahead

    def path(self, path: str) -> Iterator[Task | Failure]:
        if path == "-":
            yield from self.stdin()
        elif os.path.isdir(path):
            for found, error in walk_files(path, self.globs, self.notice):
                if error:
                    yield Failure(found, reason(error))
                else:
                    yield from self.file(found)
        elif not os.path.lexists(path):
            yield Failure(path, "no such file or directory")
        else:
            yield from self.file(path)

    def file(self, path: str) -> Iterator[Task | Failure]:
        if is_jsonl(path):
            yield from self.jsonl(path)
            return
        size = 0
        with contextlib.suppress(OSError):
            size = os.path.getsize(path)
        self.progress.finish(size)
        yield Task("file", path, size=size)

    def jsonl(self, source: str) -> Iterator[Task | Failure]:
        try:
            raw = open(source, "rb")  # noqa: SIM115 (closed below, with the gzip stream)
        except OSError as error:
            yield Failure(source, reason(error))
            return
        size = _size(raw)
        self.progress.start(raw)
        line = 1
        try:
            gzipped = source.endswith(".gz")
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if gzipped else raw
            with raw, stream:
                head = stream.read(SNIFF)
                if b"\x00" in head:
                    yield Failure(source, "binary file, not text: skipped")
                    return
                blank = True
                found = blocks(stream, head)
                for block in read_ahead(found) if gzipped and self.read_ahead else found:
                    if isinstance(block, LongLine):
                        blank = False
                        yield Failure(source, block.reason, line)
                        line += 1
                        continue
                    if blank and not block.strip():
                        line += block.count(b"\n")
                        continue
                    blank = False
                    yield Task("lines", source, block, line)
                    line += block.count(b"\n")
                if blank:
                    self.notice(Notice(source, "empty file, no documents to read"))
        except (OSError, EOFError, zlib.error) as error:  # unreadable, or a broken gzip stream
            yield Failure(source, reason(error), line)
        finally:
            self.progress.finish(size)

    def stdin(self) -> Iterator[Task | Failure]:
        stream: BinaryIO = sys.stdin.buffer
        leading: list[bytes] = []
        size = 0
        # (a line is read no further than the limit of a record: a text may be one line of gigabytes)
        for line in iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""):
            leading.append(line)
            size += len(line)
            if size > MAX_LINE_BYTES or not line.isspace():
                break
        first = leading[-1] if leading else b""
        # a first line too long to read is a record too long if it opens like one
        too_long = len(first) > MAX_LINE_BYTES
        if looks_like_jsonl(first, self.text_field) or (too_long and first.lstrip().startswith(b"{")):
            for number, block in _numbered(blocks(stream, b"".join(leading))):
                if isinstance(block, LongLine):
                    yield Failure("<stdin>", block.reason, number)
                else:
                    yield Task("lines", "<stdin>", block, number)
        else:
            yield Task("stdin", "<stdin>", b"".join(leading))  # (the parser reads the rest: see ``Task``)


def _numbered(chunks: Iterator[bytes | LongLine]) -> Iterator[tuple[int, bytes | LongLine]]:
    line = 1
    for chunk in chunks:
        yield line, chunk
        line += 1 if isinstance(chunk, LongLine) else chunk.count(b"\n")


@dataclass(frozen=True, slots=True)
class LongLine:
    """A line of JSON Lines longer than ``MAX_LINE_BYTES``, passed over unread (``size`` bytes)."""

    size: int

    @property
    def reason(self) -> str:
        return (f"a line of {self.size:,} bytes, longer than the {MAX_LINE_BYTES // 1_000_000} MB a JSON "
                "Lines record may hold: not read (a text this long can be given as a plain-text file, "
                "which is streamed)")


def blocks(stream: BinaryIO, first: bytes = b"") -> Iterator[bytes | LongLine]:
    """Blocks of about ``BLOCK`` bytes of whole lines (each ends with a line end, but the last).
    A line longer than a block is gathered in pieces and joined once; one longer than
    ``MAX_LINE_BYTES`` (its line end not counted) is passed over (read, not kept) and stands as
    a ``LongLine``."""
    read = getattr(stream, "read1", stream.read)  # read1: what is there, do not wait for a full block
    pending: list[bytes] = [first] if first else []
    size = len(first)
    tail = len(first) - (first.rfind(b"\n") + 1)  # the bytes of the line not yet ended
    while data := read(BLOCK):
        end = data.find(b"\n")
        # (only the line this read continues can be too long: one inside it is shorter than a block)
        if tail + (len(data) if end < 0 else end) > MAX_LINE_BYTES:
            if size > tail:  # (the lines before it)
                joined = b"".join(pending)
                yield joined[:size - tail]
                del joined
            pending = []
            if end < 0:
                long_line, rest = _pass_over_line(read, tail + len(data))
            else:
                long_line, rest = LongLine(tail + end + 1), data[end + 1:]
            yield long_line
            pending, size = ([rest], len(rest)) if rest else ([], 0)
            tail = len(rest) - (rest.rfind(b"\n") + 1)
            continue
        pending.append(data)
        size += len(data)
        tail = tail + len(data) if end < 0 else len(data) - (data.rfind(b"\n") + 1)
        if end < 0 or size < BLOCK:
            continue
        joined = b"".join(pending)
        rest = joined[size - tail:]
        yield joined[:size - tail]
        pending, size = ([rest], len(rest)) if rest else ([], 0)
    if tail > MAX_LINE_BYTES:  # (``first`` was such a line, and the last)
        yield LongLine(tail)
    elif pending:
        yield b"".join(pending)


def _pass_over_line(read: Callable[[int], bytes], size: int) -> tuple[LongLine, bytes]:
    """Read on to the end of a line of which ``size`` bytes have been read: the line, and what
    was read after its end."""
    while data := read(BLOCK):
        end = data.find(b"\n")
        if end >= 0:
            return LongLine(size + end + 1), data[end + 1:]
        size += len(data)
    return LongLine(size), b""


_END = object()


def read_ahead(items: Generator[bytes | LongLine, None, None], depth: int = 2) -> Iterator[bytes | LongLine]:
    """The items of ``items``, made up to ``depth`` ahead in a thread: gunzip lets go of the GIL,
    so the next blocks are decompressed while this thread works on the ones before. An error
    met in the thread is raised here, after the items before it."""
    ahead: queue.Queue = queue.Queue(depth)
    stopped = threading.Event()

    def put(item: object) -> bool:
        while not stopped.is_set():
            try:
                ahead.put(item, timeout=0.1)
                return True
            except queue.Full:
                pass
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_END)
        except BaseException as error:  # raised in the consuming thread
            put(error)
        finally:
            items.close()

    thread = threading.Thread(target=produce, name="geoevents-read-ahead", daemon=True)
    thread.start()
    try:
        while (item := ahead.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stopped.set()  # (when the consumer stops early)
        thread.join()


def looks_like_jsonl(first: bytes, text_field: str) -> bool:
    if not first.lstrip().startswith(b"{"):
        return False
    try:
        record = json.loads(first.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and text_field in record


def _size(raw: BinaryIO) -> int:
    try:
        return os.fstat(raw.fileno()).st_size
    except OSError:
        return 0


def reason(error: BaseException | None) -> str:
    """A short, lower-case reason for an error met while reading."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, EOFError):
        return "truncated gzip file"
    if isinstance(error, (gzip.BadGzipFile, zlib.error)):
        return f"broken gzip file ({error})"
    return str(error) or type(error).__name__
