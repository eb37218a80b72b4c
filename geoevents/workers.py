"""The worker processes of a batch run with several jobs (see ``batch``).

With N jobs, N - 1 worker processes are forked and the main process does its share: it hands
each chunk to a worker while fewer than ``PENDING_PER_JOB`` chunks per worker are waiting or
running, and otherwise processes the chunk itself (it has nothing else to do then). A chunk that
reads standard input (a worker's is closed: see ``sources.Task``) is done here, once the chunks
before it are passed on, and a document to stream (a text too long to hold) that a worker meets
is handed back to be done here (``batch.process_chunk``): its events are written as it is read. Near the
end of the input (where its size is known), the chunks are shared in pieces (a quarter of a
chunk): what is queued for a worker at the end (no other process can take it) is then small,
and the processes finish together (pieces all along would cost more handing out). They are
forked as soon as the input is known to hold more than one chunk, before anything is compiled
or loaded: each process then compiles its patterns and loads its tables itself, at the same
time, instead of the workers waiting while this process does it for them. The patterns come
from the cache on disk (``patterncache``) but on a machine's first run, so that costs each
process far less than the wait did.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import queue
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .batch import CHUNK_BYTES, Chunk, ChunkResult, process_chunk, reads_stdin, set_up, settings, streamed_results
from .readers import Parser
from .sources import Failure, Task

PENDING_PER_JOB = 3
# A larger chunk (a JSON Lines record of megabytes) waits for a free worker: several of them
# queued, or one done here besides them, would take this process over a run's memory budget
BIG_CHUNK_BYTES = 16 * CHUNK_BYTES
PIECE_BYTES = CHUNK_BYTES // 4  # what the end of the input is shared in (see the module's docstring)
TAIL_BYTES = 8 * CHUNK_BYTES  # (a generous end: the input's size is estimated)
WORKER_DIED = "a worker process died while extracting (out of memory?); not processed"
GRACE_SECONDS = 10.0  # the longest a run ending early waits for its workers to finish their chunks (``_Pool.close``)


def _start_worker(parser: Parser, types: frozenset[str] | None, rules: tuple[str, ...] = (),
                  render: bool = False) -> None:
    set_up(parser, types, rules, render)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the run


class _Pool:
    """A process pool that is started again if a worker dies (its chunks are reported failed)."""

    def __init__(self, jobs: int, parser: Parser, types: frozenset[str] | None, rules: tuple[str, ...] = (),
                 render: bool = False):
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.jobs = jobs
        self.settings = (parser, types, rules, render)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        sys.stdout.flush()  # a forked worker must not inherit (and one day flush) buffered output
        sys.stderr.flush()
        # the patterns and tables made so far live as long as the run: out of the collector's
        # sight, its passes neither walk them nor write to their pages (which forked workers share)
        gc.freeze()
        executor = ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=_start_worker,
                                       initargs=self.settings)
        executor.submit(int).result()  # fork now, before any other thread (a progress bar) runs
        return executor

    def submit(self, chunk: Chunk) -> Future:
        try:
            return self.executor.submit(process_chunk, chunk)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            return self.executor.submit(process_chunk, chunk)

    def close(self, finish: bool) -> None:
        """Shut the pool down; unless ``finish`` (the run is ending early: a closed pipe, a second
        Ctrl-C), drop the chunks no worker has started and give the workers ``GRACE_SECONDS`` to
        finish the ones they are on before stopping them. (A worker stopped while it sends a
        result leaves the executor's thread waiting for the rest of it for ever, and the run
        with it: stopped at once, one ``| head`` in ten hung.)"""
        if finish:
            self.executor.shutdown(wait=True, cancel_futures=True)
            return
        processes = list(getattr(self.executor, "_processes", {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + GRACE_SECONDS
        while any(process.is_alive() for process in processes) and time.monotonic() < deadline:
            time.sleep(0.02)
        for process in processes:
            if process.is_alive():
                process.terminate()


class _InFlight:
    """The chunks handed out (to workers, or done here) and not yet passed on, in input order."""

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

    def add_result(self, result: ChunkResult) -> None:
        """A chunk this process has done itself."""
        done: Future = Future()
        done.set_result(result)
        self.add(done, [])

    def running(self) -> int:
        """How many chunks the workers have yet to finish."""
        return sum(not future.done() for future, _chunk in self.pending.values())

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
        self.wait(block=False)
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


def in_workers(chunks: Iterator[Chunk | Failure], jobs: int, ordered: bool, stop: Callable[[], bool],
               share_read: Callable[[], float | None] = lambda: None) -> Iterator[ChunkResult | Failure]:
    """``batch.extract_all`` with ``jobs`` processes (this one included)."""
    failures: list[Failure] = []
    first = next(_passing_failures(chunks, failures), None)
    yield from failures
    if first is None:
        return
    # look ahead: an input that fits in one chunk is done without starting workers
    failures = []
    second = next(_passing_failures(chunks, failures), None)
    yield from failures
    if second is None:
        yield from streamed_results(first)
        return
    pool = _Pool(jobs - 1, *settings())  # forked now (see the module's docstring)
    flight = _InFlight(ordered)
    queued = (jobs - 1) * PENDING_PER_JOB  # enough for the workers not to wait for this process
    held_results = 2 * jobs * PENDING_PER_JOB  # results held (waiting for an earlier chunk) before reading waits
    finished_cleanly = False
    rest = _in_pieces(itertools.chain([first, second], chunks), share_read)
    del first, second
    try:
        for chunk in rest:
            if isinstance(chunk, Failure):
                yield chunk
                continue
            while len(flight.pending) >= held_results and not stop():
                flight.wait(block=True)
                yield from flight.ready()
            if reads_stdin(chunk):  # (streamed here, after the chunks before it are passed on)
                while flight.pending:
                    flight.wait(block=True)
                    yield from flight.ready()
                yield from streamed_results(chunk)
            elif sum(len(task.data) or task.size for task in chunk) > BIG_CHUNK_BYTES:
                # records of megabytes: each to a worker that is free, none done or queued here
                while flight.running() >= jobs - 1:
                    flight.wait(block=True)
                    yield from flight.ready()
                flight.add(pool.submit(chunk), chunk)
            elif flight.running() < queued:
                flight.add(pool.submit(chunk), chunk)
            else:  # the workers have enough to do: this process does the chunk
                flight.add_result(process_chunk(chunk))
            del chunk
            yield from flight.ready()
        while flight.pending:  # the input is read, or the run was stopped: finish what was handed out
            if stop():
                flight.cancel_waiting()
            flight.wait(block=True)
            yield from flight.ready()
        finished_cleanly = True
    finally:
        pool.close(finish=finished_cleanly)


def _in_pieces(chunks: Iterator[Chunk | Failure], share_read: Callable[[], float | None]
               ) -> Iterator[Chunk | Failure]:
    """The chunks, those near the end of the input (when its size is known) cut into pieces of
    about ``PIECE_BYTES`` (JSON Lines between lines), in order."""
    size_so_far = 0
    for chunk in chunks:
        if isinstance(chunk, Failure):
            yield chunk
            continue
        size_so_far += sum(len(task.data) or task.size for task in chunk)
        share = share_read()
        # what is left, estimated from what was read (and how much the input was compressed)
        if share is None or share <= 0 or size_so_far * (1 - share) / share > TAIL_BYTES:
            yield chunk
            continue
        piece: Chunk = []
        size = 0
        for task in chunk:
            for part in _task_parts(task):
                piece.append(part)
                size += len(part.data) or part.size
                if size >= PIECE_BYTES:
                    yield piece
                    piece, size = [], 0
        if piece:
            yield piece


def _task_parts(task: Task) -> Iterator[Task]:
    """A task of JSON Lines cut between lines into parts of about ``PIECE_BYTES`` (each numbered
    from its own first line); any other task whole."""
    data = task.data
    if task.kind != "lines" or len(data) <= PIECE_BYTES:
        yield task
        return
    start, line = 0, task.first_line
    while start < len(data):
        end = data.find(b"\n", start + PIECE_BYTES) + 1 or len(data)
        yield Task(task.kind, task.source, data[start:end], line, task.size)
        line += data.count(b"\n", start, end)
        start = end


def _passing_failures(chunks: Iterator[Chunk | Failure], failures: list[Failure]) -> Iterator[Chunk]:
    """The chunks, the failures met on the way put aside in ``failures``."""
    for chunk in chunks:
        if isinstance(chunk, Failure):
            failures.append(chunk)
        else:
            yield chunk
