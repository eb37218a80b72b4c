"""Extraction over a stream of documents: in worker processes, in input order, in bounded memory.

Documents are grouped into chunks (a few hundred documents or about a megabyte of text) so
that each trip to a worker carries enough work. At most ``PENDING_PER_JOB`` chunks per job are
in flight at once: reading waits for the workers, so an input of any size goes through in
bounded memory. Results come back in input order unless ``ordered`` is false, in which case
each chunk is passed on as soon as it is done. With one job, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from .document import Document
from .model import Event
from .pipeline import extract, extract_document
from .readers import Failure

CHUNK_DOCUMENTS = 256
CHUNK_CHARACTERS = 1_000_000
PENDING_PER_JOB = 3
WORKER_DIED = "worker process died while extracting (out of memory?); document not processed"


@dataclass(frozen=True, slots=True)
class Done:
    """One document, processed: its events, or the error that stopped its extraction."""

    id: str | None
    source: str | None
    line: int | None
    characters: int
    events: list[Event]
    error: str | None = None

    def failure(self) -> Failure | None:
        if self.error is None:
            return None
        return Failure(self.source or str(self.id), self.error, self.line, self.id)


Chunk = list[Document]
Outcome = tuple[list[Event], str | None]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_types: frozenset[str] | None = None


def _extract_chunk(chunk: Chunk) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for document in chunk:
        try:
            outcomes.append((extract_document(document.dated(), _types), None))
        except Exception as error:  # one bad document must not stop the others
            outcomes.append(([], f"extraction failed: {type(error).__name__}: {error}"))
    return outcomes


def _start_worker(types: frozenset[str] | None) -> None:
    global _types
    _types = types
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the run


def warm_up() -> None:
    """Load the lexicons, gazetteer and time patterns, so that forked workers share them."""
    extract("Troops from Russia held drills near Minsk on Monday.", published="2021-07-28")


def extract_all(
    items: Iterable[Document | Failure],
    types: Iterable[str] | None = None,
    jobs: int = 1,
    ordered: bool = True,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[list[Done] | Failure]:
    """Process documents; yield each chunk's results (a list of ``Done``) and pass on the
    reader's failures as they come. ``stop`` is asked between chunks: once it says yes, no more
    input is read, and the work already handed out is finished and yielded."""
    wanted = frozenset(types) if types else None
    chunks = _chunks(items, stop)
    if jobs <= 1:
        global _types
        _types = wanted
        for chunk in chunks:
            yield chunk if isinstance(chunk, Failure) else _done(chunk, _extract_chunk(chunk))
        return
    yield from _in_workers(chunks, wanted, jobs, ordered, stop)


def _chunks(items: Iterable[Document | Failure], stop: Callable[[], bool]) -> Iterator[Chunk | Failure]:
    chunk: Chunk = []
    size = 0
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        chunk.append(item)
        size += len(item.text)
        if len(chunk) >= CHUNK_DOCUMENTS or size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
            if stop():
                return
    if chunk:
        yield chunk


def _done(chunk: Chunk, outcomes: list[Outcome]) -> list[Done]:
    return [
        Done(d.id, d.source, d.line, len(d.text), events, error)
        for d, (events, error) in zip(chunk, outcomes, strict=True)
    ]


def _metadata(chunk: Chunk) -> tuple[Chunk, list[int]]:
    """What is kept of a chunk while a worker has it: ids, sources, lines and sizes, no texts."""
    return [Document(text="", id=d.id, source=d.source, line=d.line) for d in chunk], [len(d.text) for d in chunk]


class _Pool:
    """A process pool that is started again if a worker dies (its chunks are reported failed)."""

    def __init__(self, jobs: int, types: frozenset[str] | None):
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.jobs = jobs
        self.types = types
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        executor = ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_start_worker,
                                       initargs=(self.types,))
        executor.submit(int).result()  # fork now, before any other thread (a progress bar) runs
        return executor

    def submit(self, chunk: Chunk) -> Future:
        try:
            return self.executor.submit(_extract_chunk, chunk)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(_extract_chunk, chunk)

    def close(self, wait: bool) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


class _InFlight:
    """The chunks handed to workers and not yet passed on, in input order."""

    def __init__(self, ordered: bool):
        self.ordered = ordered
        self.pending: dict[int, tuple[Future, Chunk, list[int]]] = {}
        self.completed: set[int] = set()
        self.finished: queue.SimpleQueue[int] = queue.SimpleQueue()
        self.count = 0

    def add(self, future: Future, chunk: Chunk) -> None:
        number = self.count
        self.count += 1
        self.pending[number] = (future, *_metadata(chunk))
        future.add_done_callback(lambda _future: self.finished.put(number))

    def wait(self, block: bool) -> None:
        """Note the chunks that are done; with ``block``, wait (a moment) for at least one."""
        numbers: list[int] = []
        try:
            numbers.append(self.finished.get(timeout=0.2) if block else self.finished.get_nowait())
            while True:
                numbers.append(self.finished.get_nowait())
        except queue.Empty:
            pass
        self.completed.update(n for n in numbers if n in self.pending)

    def ready(self) -> Iterator[list[Done]]:
        """The chunks that can be passed on now: in input order, or as they were done."""
        if self.ordered:
            while self.pending and (first := min(self.pending)) in self.completed:
                yield self._result(first)
        else:
            for number in sorted(self.completed):
                yield self._result(number)

    def cancel_waiting(self) -> None:
        """Drop the chunks no worker has started on."""
        for number, (future, _chunk, _sizes) in list(self.pending.items()):
            if future.cancel():
                del self.pending[number]
                self.completed.discard(number)

    def _result(self, number: int) -> list[Done]:
        future, metadata, sizes = self.pending.pop(number)
        self.completed.discard(number)
        try:
            outcomes = future.result()
        except BrokenProcessPool:
            outcomes = [([], WORKER_DIED)] * len(metadata)
        return [Done(d.id, d.source, d.line, size, events, error)
                for d, size, (events, error) in zip(metadata, sizes, outcomes, strict=True)]


def _in_workers(chunks: Iterator[Chunk | Failure], types: frozenset[str] | None, jobs: int,
                ordered: bool, stop: Callable[[], bool]) -> Iterator[list[Done] | Failure]:
    warm_up()
    pool = _Pool(jobs, types)
    flight = _InFlight(ordered)
    limit = jobs * PENDING_PER_JOB
    finished_cleanly = False
    try:
        for chunk in chunks:
            if isinstance(chunk, Failure):
                yield chunk
                continue
            flight.add(pool.submit(chunk), chunk)
            del chunk
            flight.wait(block=False)
            yield from flight.ready()
            while len(flight.pending) >= limit and not stop():
                flight.wait(block=True)
                yield from flight.ready()
        while flight.pending:  # the input is read, or the run was stopped: finish what was handed out
            if stop():
                flight.cancel_waiting()
            flight.wait(block=True)
            yield from flight.ready()
        finished_cleanly = True
    finally:
        pool.close(wait=finished_cleanly)
