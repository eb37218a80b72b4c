"""Extraction over a stream of input tasks: in worker processes, in input order, in bounded memory.

Tasks (see ``sources``) are grouped into chunks (a quarter of a megabyte of JSON Lines, or up
to ``CHUNK_FILES`` files): enough work for each trip to a worker, small enough to share it
evenly. The worker reads, parses and extracts, and sends back only the events and the tally.
At most ``PENDING_PER_JOB`` chunks per job are in flight at once: reading waits for the
workers, so an input of any size goes through in bounded memory. Results come back in input
order unless ``ordered`` is false, in which case each chunk is passed on as soon as it is
done. With one job, everything runs in this process.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from .knowledge import Knowledge, with_rule_files
from .model import Event
from .pipeline import extract, extract_document
from .readers import Parser
from .sources import Failure, Notice, Task

CHUNK_BYTES = 1 << 18  # JSON Lines per chunk (a task of JSON Lines is about this size)
CHUNK_FILES = 64  # files per chunk
PENDING_PER_JOB = 3
WORKER_DIED = "a worker process died while extracting (out of memory?); not processed"


@dataclass(slots=True)
class ChunkResult:
    """What a worker made of a chunk of tasks."""

    documents: int = 0  # documents extracted (failed ones are in ``failures``)
    characters: int = 0
    with_events: int = 0
    events: list[Event] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


Chunk = list[Task]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_parser = Parser()
_types: frozenset[str] | None = None
_knowledge: Knowledge | None = None


def _set_up(parser: Parser, types: frozenset[str] | None, rules: tuple[str, ...] = ()) -> None:
    global _parser, _types, _knowledge
    _parser, _types = parser, types
    _knowledge = with_rule_files(rules) if rules else None  # built once per process


def _start_worker(parser: Parser, types: frozenset[str] | None, rules: tuple[str, ...] = ()) -> None:
    _set_up(parser, types, rules)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the run


def _process(chunk: Chunk) -> ChunkResult:
    result = ChunkResult()
    for task in chunk:
        try:
            for item in _parser.parse(task, result.notices.append):
                if isinstance(item, Failure):
                    result.failures.append(item)
                    continue
                result.characters += len(item.text)
                try:
                    events = extract_document(item.dated(), _types, _knowledge)
                except Exception as error:  # one bad document must not stop the others
                    result.failures.append(Failure(item.source or str(item.id), _failed("extraction", error),
                                                   item.line, item.id))
                    continue
                result.documents += 1
                if events:
                    result.with_events += 1
                    result.events.extend(events)
        except Exception as error:  # a reader bug must not lose the rest of the chunk
            result.failures.append(Failure(task.source, _failed("reading", error), task.first_line))
    return result


def _failed(stage: str, error: BaseException) -> str:
    return f"{stage} failed: {type(error).__name__}: {error}"


def warm_up() -> None:
    """Load the lexicons, gazetteer and time patterns, so that forked workers share them."""
    extract("Troops from Russia held drills near Minsk on Monday.", published="2021-07-28")


def extract_all(
    tasks: Iterable[Task | Failure],
    parser: Parser,
    types: Iterable[str] | None = None,
    jobs: int = 1,
    ordered: bool = True,
    stop: Callable[[], bool] = lambda: False,
    rules: tuple[str, ...] = (),
) -> Iterator[ChunkResult | Failure]:
    """Read and process the tasks; yield each chunk's result, and pass on the failures met while
    finding the input as they come. ``stop`` is asked between chunks: once it says yes, no more
    input is read, and the work already handed out is finished and yielded."""
    wanted = frozenset(types) if types else None
    chunks = _chunks(tasks, stop)
    if jobs > 1:
        # look ahead: an input that fits in one chunk is done sooner without starting workers
        ahead: list[Chunk | Failure] = []
        for chunk in chunks:
            ahead.append(chunk)
            if sum(not isinstance(c, Failure) for c in ahead) > 1:
                yield from _in_workers(itertools.chain(ahead, chunks), parser, wanted, jobs, ordered, stop, rules)
                return
        chunks = iter(ahead)
    _set_up(parser, wanted, rules)
    for chunk in chunks:
        yield chunk if isinstance(chunk, Failure) else _process(chunk)


def _chunks(tasks: Iterable[Task | Failure], stop: Callable[[], bool]) -> Iterator[Chunk | Failure]:
    chunk: Chunk = []
    size = 0
    for task in tasks:
        if isinstance(task, Failure):
            yield task
            continue
        chunk.append(task)
        size += len(task.data)
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_FILES:
            yield chunk
            chunk, size = [], 0
            if stop():
                return
    if chunk:
        yield chunk


class _Pool:
    """A process pool that is started again if a worker dies (its chunks are reported failed)."""

    def __init__(self, jobs: int, parser: Parser, types: frozenset[str] | None, rules: tuple[str, ...] = ()):
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.jobs = jobs
        self.settings = (parser, types, rules)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        sys.stdout.flush()  # a forked worker must not inherit (and one day flush) buffered output
        sys.stderr.flush()
        executor = ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_start_worker,
                                       initargs=self.settings)
        executor.submit(int).result()  # fork now, before any other thread (a progress bar) runs
        return executor

    def submit(self, chunk: Chunk) -> Future:
        try:
            return self.executor.submit(_process, chunk)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(_process, chunk)

    def close(self, finish: bool) -> None:
        """Shut the pool down; unless ``finish``, stop the workers at once (the run is ending early:
        a closed pipe, a second Ctrl-C) instead of waiting for the chunks they are on."""
        if not finish:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


class _InFlight:
    """The chunks handed to workers and not yet passed on, in input order."""

    def __init__(self, ordered: bool):
        self.ordered = ordered
        self.pending: dict[int, tuple[Future, Chunk]] = {}
        self.completed: set[int] = set()
        self.finished: queue.SimpleQueue[int] = queue.SimpleQueue()
        self.count = 0

    def add(self, future: Future, chunk: Chunk) -> None:
        number = self.count
        self.count += 1
        # keep the tasks without their data, to name them should a worker die
        self.pending[number] = (future, [Task(t.kind, t.source, b"", t.first_line) for t in chunk])
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

    def ready(self) -> Iterator[ChunkResult]:
        """The chunks that can be passed on now: in input order, or as they were done."""
        if self.ordered:
            while self.pending and (first := min(self.pending)) in self.completed:
                yield self._result(first)
        else:
            for number in sorted(self.completed):
                yield self._result(number)

    def cancel_waiting(self) -> None:
        """Drop the chunks no worker has started on."""
        for number, (future, _chunk) in list(self.pending.items()):
            if future.cancel():
                del self.pending[number]
                self.completed.discard(number)

    def _result(self, number: int) -> ChunkResult:
        future, chunk = self.pending.pop(number)
        self.completed.discard(number)
        try:
            return future.result()
        except BrokenProcessPool:
            return ChunkResult(failures=[Failure(t.source, WORKER_DIED, t.first_line if t.kind == "lines" else None)
                                         for t in chunk])


def _in_workers(chunks: Iterator[Chunk | Failure], parser: Parser, types: frozenset[str] | None, jobs: int,
                ordered: bool, stop: Callable[[], bool],
                rules: tuple[str, ...] = ()) -> Iterator[ChunkResult | Failure]:
    warm_up()
    if rules:
        with_rule_files(rules)  # built before the fork, so that workers share it
    pool = _Pool(jobs, parser, types, rules)
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
        pool.close(finish=finished_cleanly)
