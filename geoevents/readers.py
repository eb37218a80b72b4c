"""Input documents from paths: text files, JSON Lines files, folders, or standard input.

Every input is accounted for: each yields documents or a ``Failure`` saying what went wrong.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .document import Document, find_published, parse_published

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class Fields:
    """Names of the JSON fields that hold a document's text, id and publication date."""

    text: str = "text"
    id: str = "id"
    published: tuple[str, ...] = ("published", "date")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input (a file, or one line of a JSON Lines file) that could not be read."""

    source: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}"


def iter_documents(
    paths: Sequence[str], fields: Fields = Fields(), published: str | None = None,
) -> Iterator[Document | Failure]:
    """Documents from ``paths`` in order (``-`` or no path: standard input)."""
    default_date = parse_published(published) if published else None
    for path in paths or ["-"]:
        if path == "-":
            yield from _from_stdin(fields, default_date)
        elif os.path.isdir(path):
            yield from _from_folder(Path(path), fields, default_date)
        elif not os.path.exists(path):
            yield Failure(path, "no such file or directory")
        else:
            yield from _from_file(Path(path), fields, default_date)


def _from_folder(folder: Path, fields: Fields, default_date) -> Iterator[Document | Failure]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield from _from_file(Path(root) / name, fields, default_date)


def _from_file(path: Path, fields: Fields, default_date) -> Iterator[Document | Failure]:
    source = str(path)
    try:
        raw = path.read_bytes()
        if source.endswith(".gz"):
            raw = gzip.decompress(raw)
    except (OSError, EOFError) as error:
        yield Failure(source, _reason(error))
        return
    if b"\x00" in raw[:8192]:
        yield Failure(source, "binary file, not text")
        return
    text = raw.decode("utf-8", errors="replace")
    name = source[:-3] if source.endswith(".gz") else source
    if name.endswith(JSONL_SUFFIXES):
        yield from _from_jsonl(io.StringIO(text), source, fields, default_date)
    else:
        yield _text_document(text, source, default_date)


def _from_stdin(fields: Fields, default_date) -> Iterator[Document | Failure]:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    text = data.decode("utf-8", errors="replace")
    if _looks_like_jsonl(text, fields):
        yield from _from_jsonl(io.StringIO(text), "<stdin>", fields, default_date)
    else:
        yield _text_document(text, "<stdin>", default_date)


def _looks_like_jsonl(text: str, fields: Fields) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and fields.text in record


def _text_document(text: str, source: str, default_date) -> Document:
    return Document(text=text, id=source, published=default_date or find_published(text))


def _from_jsonl(stream, source: str, fields: Fields, default_date) -> Iterator[Document | Failure]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Failure(source, f"not valid JSON ({error.msg})", number)
            continue
        if not isinstance(record, dict):
            yield Failure(source, "not a JSON object", number)
            continue
        text = record.get(fields.text)
        if not isinstance(text, str):
            yield Failure(source, f"no {fields.text!r} text field", number)
            continue
        doc_id = record.get(fields.id)
        doc_id = str(doc_id) if doc_id is not None else f"{source}:{number}"
        try:
            value = next((record[f] for f in fields.published if record.get(f)), None)
            published = parse_published(value) if value else default_date or find_published(text)
        except ValueError as error:
            yield Failure(source, str(error), number)
            continue
        yield Document(text=text, id=doc_id, published=published)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
