"""``geoevents dates``: every time expression of a document as a record, and its output formats.

A record is ``{"doc_id", "text", "start", "end", "type", "value"}`` (TIMEX3 type and value),
with ``"mod"`` for a fuzzy expression ("early August": START) and ``"range": {"start", "end"}``
when the expression covers several days ("August 5-10", "last week"). JSON and JSON Lines use
the writers of ``render``; CSV and the terminal table are here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from rich.table import Table

from . import parts
from .document import Document
from .render import JsonArrayWriter, JsonLinesWriter, PagedTable
from .temporal import Timex, tag
from .temporal.tagger import DocumentTagger
from .textstream import StreamedDocument

CSV_COLUMNS = ["doc_id", "text", "start", "end", "type", "value", "mod", "range_start", "range_end"]


@dataclass(frozen=True, slots=True)
class TimexRecord:
    doc_id: str | None
    timex: Timex

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, **self.timex.to_dict()}


def document_timexes(document: Document | StreamedDocument) -> Iterator[TimexRecord]:
    """The time expressions of a document, normalised against its publication date. A document
    longer than ``parts.LARGE_DOCUMENT`` is read in parts, as ``extract`` reads it, and a
    streamed one as its text is decoded: the records are those of the text tagged at once."""
    if isinstance(document, StreamedDocument):
        with document.read() as stream:
            if stream.longer_than(parts.LARGE_DOCUMENT):
                yield from _in_parts(stream, document)
                return
            text = stream.held(0, stream.end)
    else:
        text = document.text
        if len(text) > parts.LARGE_DOCUMENT:
            yield from _in_parts(parts.WholeText(text), document)
            return
    for t in tag(text, document.published):
        yield TimexRecord(document.id, t)


def _in_parts(source: parts.TextSource, document: Document | StreamedDocument) -> Iterator[TimexRecord]:
    tagger = DocumentTagger(document.published)
    for part in parts.parts(source):
        for t in tagger.tag(part.text, keep=part.keep):
            yield TimexRecord(document.id, moved(t, part.low))


def moved(timex: Timex, by: int) -> Timex:
    """``timex`` found in a part of a text that starts ``by`` characters into it: its offsets in the text."""
    return timex._replace(start=timex.start + by, end=timex.end + by, parts=tuple(moved(p, by) for p in timex.parts))


class CsvWriter:
    def __init__(self, out: TextIO):
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self.writer.writeheader()
        self.out = out

    def write(self, record: TimexRecord) -> None:
        row = record.to_dict()
        span = row.pop("range", None) or {}
        row["range_start"], row["range_end"] = span.get("start"), span.get("end")
        self.writer.writerow(row)

    def close(self) -> None:
        self.out.flush()


class TableWriter(PagedTable):
    """Time expressions for the terminal, a page at a time."""

    EMPTY = "No time expressions found."

    def doc_id(self, record: TimexRecord) -> object:
        return record.doc_id

    def page_table(self, records: list[TimexRecord], show_doc: bool) -> Table:
        table = Table(header_style="bold")
        if show_doc:
            table.add_column("doc", overflow="fold", max_width=24)
        for name in ("text", "offsets", "type", "value", "range"):
            table.add_column(name, overflow="fold")
        for record in records:
            t = record.timex
            span = f"{t.begin} … {t.finish or ''}" if t.is_range else ""
            row = [t.text, f"{t.start}-{t.end}", t.type, t.value + (f" ({t.mod})" if t.mod else ""), span]
            table.add_row(*([str(record.doc_id)] if show_doc else []), *row)
        return table


def writer_for(name: str, out: TextIO):
    return {"table": TableWriter, "json": JsonArrayWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}[name](out)
