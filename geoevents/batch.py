"""Extraction over a stream of input tasks: in worker processes, in input order, in bounded memory.

Tasks (see ``sources``) are grouped into chunks (a quarter of a megabyte of JSON Lines or of
files, or up to ``CHUNK_FILES`` files): enough work for each trip to a worker, small enough to
share it evenly. The worker reads, parses and extracts, and sends back only the events and the tally; where the
output is JSON (``render``), the events come back as their JSON text, rendered in the worker: text
costs far less to send between processes than the records, and the main process only writes it.
With several jobs, worker processes share the chunks with this one (see ``workers``). Reading
waits for the workers, so an input of any size goes through in bounded memory. Results come
back in input order unless ``ordered`` is false, in which case each chunk is passed on as soon
as it is done. With one job, everything runs in this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .document import Document
from .knowledge import Knowledge, with_rule_files
from .model import Event
from .pipeline import document_events, extract_document
from .readers import Parser
from .render import event_json
from .sources import Failure, Notice, Task
from .textstream import StreamedDocument

CHUNK_BYTES = 1 << 18  # JSON Lines or files per chunk (a task of JSON Lines is about this size)
CHUNK_FILES = 64  # files per chunk
EVENTS_PER_RESULT = 1000  # events of a streamed document passed on at a time

Chunk = list[Task]


@dataclass(slots=True)
class ChunkResult:
    """What a worker made of a chunk of tasks."""

    documents: int = 0  # documents extracted (failed ones are in ``failures``)
    characters: int = 0
    with_events: int = 0
    undated: int = 0  # documents with no publication date (none given, none in a dateline)
    events: list[Event] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # the events as JSON text, when so asked (``set_up``)
    rendered_types: list[str] = field(default_factory=list)  # and their types, for the summary
    failures: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    # a document to stream and the tasks after it, left for the main process (``process_chunk``)
    deferred: Chunk = field(default_factory=list)



def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_parser = Parser()
_types: frozenset[str] | None = None
_rules: tuple[str, ...] = ()
_knowledge: Knowledge | None = None
_render = False


def set_up(parser: Parser, types: frozenset[str] | None, rules: tuple[str, ...] = (), render: bool = False) -> None:
    """What ``process_chunk`` does in this process: how to read, which types, which rule files, and
    whether to hand back the events as their JSON text (``ChunkResult.rendered``)."""
    global _parser, _types, _rules, _knowledge, _render
    _parser, _types, _rules, _render = parser, types, rules, render
    _knowledge = with_rule_files(rules) if rules else None  # built once per process


def settings() -> tuple[Parser, frozenset[str] | None, tuple[str, ...], bool]:
    """The arguments ``set_up`` was given in this process."""
    return _parser, _types, _rules, _render


def process_chunk(chunk: Chunk) -> ChunkResult:
    """What a chunk gives, in one result (a worker's): a document to stream (a text too long to
    hold) is not read here; it and the tasks after it are handed back (``ChunkResult.deferred``),
    for the main process to do with ``streamed_results``."""
    return next(_Results(streaming=False).of(chunk))


def streamed_results(chunk: Chunk) -> Iterator[ChunkResult]:
    """What a chunk gives, as one or more results: those of a document to stream come as it is
    read, ``EVENTS_PER_RESULT`` events at a time (only the main process writes them out so)."""
    return _Results(streaming=True).of(chunk)


class _Results:
    """The results of a chunk, in the making: ``current`` gets what comes next (notices included:
    a streamed document reports invalid UTF-8 while it is read)."""

    def __init__(self, streaming: bool):
        self.streaming = streaming
        self.current = ChunkResult()

    def notice(self, notice: Notice) -> None:
        self.current.notices.append(notice)

    def of(self, chunk: Chunk) -> Iterator[ChunkResult]:
        for index, task in enumerate(chunk):
            try:
                for item in _parser.parse(task, self.notice):
                    if isinstance(item, Failure):
                        self.current.failures.append(item)
                    elif not isinstance(item, StreamedDocument):
                        self._extract(item)
                    elif self.streaming:
                        yield from self._stream(item)
                    else:
                        self.current.deferred = chunk[index:]
                        yield self.current
                        return
            except Exception as error:  # a reader bug must not lose the rest of the chunk
                self.current.failures.append(Failure(task.source, _failed("reading", error), task.first_line))
        yield self.current

    def _extract(self, item: Document) -> None:
        result = self.current
        result.characters += len(item.text)
        try:
            document = item.dated()
            events = extract_document(document, _types, _knowledge)
        except Exception as error:  # one bad document must not stop the others
            result.failures.append(Failure(item.source or str(item.id), _failed("extraction", error),
                                           item.line, item.id))
            return
        _count(result, document.published, bool(events))
        _add_events(result, events)

    def _stream(self, item: StreamedDocument) -> Iterator[ChunkResult]:
        """The events of a streamed document, in results of ``EVENTS_PER_RESULT`` events; the
        document is counted in the last."""
        found = False
        try:
            document = item.dated()
            for events in _batched(document_events(document, _types, _knowledge), EVENTS_PER_RESULT):
                found = True
                _add_events(self.current, events)
                yield self.current
                self.current = ChunkResult()
        except Exception as error:  # (the events given out so far stay written)
            self.current.failures.append(Failure(item.source or str(item.id), _failed("extraction", error),
                                                 item.line, item.id))
            return
        self.current.characters += document.characters
        _count(self.current, document.published, found)


def _count(result: ChunkResult, published: date | None, with_events: bool) -> None:
    """Count a document extracted."""
    result.documents += 1
    if published is None:
        result.undated += 1
    if with_events:
        result.with_events += 1


def _add_events(result: ChunkResult, events: list[Event]) -> None:
    if not events:
        return
    if _render:
        result.rendered.extend(map(event_json, events))
        result.rendered_types.extend(event.type for event in events)
    else:
        result.events.extend(events)


def _batched(items: Iterator[Event], size: int) -> Iterator[list[Event]]:
    batch: list[Event] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def reads_stdin(chunk: Chunk) -> bool:
    """Whether the chunk has a text on standard input to read (only the main process can)."""
    return any(task.kind == "stdin" for task in chunk)


def _failed(stage: str, error: BaseException) -> str:
    return f"{stage} failed: {type(error).__name__}: {error}"


def extract_all(
    tasks: Iterable[Task | Failure],
    parser: Parser,
    types: Iterable[str] | None = None,
    jobs: int = 1,
    ordered: bool = True,
    stop: Callable[[], bool] = lambda: False,
    rules: tuple[str, ...] = (),
    share_read: Callable[[], float | None] = lambda: None,
    render: bool = False,
) -> Iterator[ChunkResult | Failure]:
    """Read and process the tasks; yield each chunk's result, and pass on the failures met while
    finding the input as they come. ``stop`` is asked between chunks: once it says yes, no more
    input is read, and the work already handed out is finished and yielded. ``share_read`` tells
    what share of the input has been read (None if unknown: standard input); with several jobs,
    the end of the input is shared in smaller pieces (see ``workers``). With ``render``, each
    result holds its events as JSON text (``ChunkResult.rendered``), not as records."""
    wanted = frozenset(types) if types else None
    set_up(parser, wanted, rules, render)
    chunks = _chunks(tasks, stop)
    if jobs > 1:
        from .workers import in_workers  # (multiprocessing is not imported by a one-job run)

        for result in in_workers(chunks, jobs, ordered, stop, share_read):
            yield result
            if isinstance(result, ChunkResult) and result.deferred:  # (its place in the output is here)
                yield from streamed_results(result.deferred)
        return
    for chunk in chunks:
        if isinstance(chunk, Failure):
            yield chunk
        else:
            yield from streamed_results(chunk)


def _chunks(tasks: Iterable[Task | Failure], stop: Callable[[], bool]) -> Iterator[Chunk | Failure]:
    chunk: Chunk = []
    size = 0
    for task in tasks:
        if isinstance(task, Failure):
            yield task
            continue
        chunk.append(task)
        size += len(task.data) or task.size
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_FILES:
            yield chunk
            chunk, size = [], 0
            if stop():
                return
    if chunk:
        yield chunk
