"""What a batch run has done so far: the tally, the progress bar and the closing summary.

The progress bar (documents, MB of text, events, documents per second, and the share of the
input read with the time left when the input's size is known) is drawn on stderr only when
stderr is a terminal; the summary is one or two lines on stderr at the end.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .batch import ChunkResult
from .model import EVENT_TYPES

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

MEGA = 1_000_000  # "MB of text" counts characters: a million characters per MB


@dataclass
class Tally:
    documents: int = 0
    with_events: int = 0
    failed: int = 0
    warnings: int = 0
    undated: int = 0
    characters: int = 0
    events: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    def add(self, result: ChunkResult) -> None:
        """Count a chunk's documents and events (its failures are counted as they are reported)."""
        self.documents += result.documents
        self.characters += result.characters
        self.with_events += result.with_events
        self.undated += result.undated
        for event in result.events:
            self.events[event.type] += 1
        self.events.update(result.rendered_types)

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    def summary(self, interrupted: bool = False) -> list[str]:
        seconds = self.elapsed
        rate = f"{self.documents / seconds:,.0f} docs/s, {self.characters / MEGA / seconds:,.1f} MB/s"
        lines = [
            ("interrupted: " if interrupted else "")
            + f"{counted(self.documents, 'document')} read, "
            f"{self.with_events:,} with events, {self.failed:,} failed"
            + (f", {counted(self.warnings, 'warning')}" if self.warnings else "")
            + f" in {seconds:,.1f} s ({rate})",
        ]
        total = sum(self.events.values())
        by_type = ", ".join(f"{kind} {self.events[kind]:,}" for kind in _types_in_order(self.events))
        lines.append(counted(total, "event") + (f": {by_type}" if total else ""))
        if self.undated:
            one = self.undated == 1
            lines.append(f"{self.undated:,} document{'' if one else 's'} had no publication date (give --published, "
                         f"a date field or a dateline): {'its' if one else 'their'} relative times "
                         "('on Tuesday', 'last week') are left undated")
        return lines


def counted(number: int, noun: str) -> str:
    """'1 document', '2,000 documents'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _types_in_order(counts: Counter) -> list[str]:
    known = [t for t in EVENT_TYPES if counts[t]]
    return known + sorted(t for t in counts if t not in EVENT_TYPES and counts[t])


class InputSize:
    """The total size of the inputs, measured in a background thread (folders can be large)."""

    def __init__(self, measure: Callable[[], int | None]):
        self.total: int | None = None
        self._thread = threading.Thread(target=self._run, args=(measure,), daemon=True)
        self._thread.start()

    def _run(self, measure: Callable[[], int | None]) -> None:
        try:
            self.total = measure()
        except Exception:  # the size only feeds the ETA: without it, no ETA
            self.total = None


class ProgressBar:
    """A rich progress display on stderr; does nothing when ``enabled`` is false.

    It starts with the first ``update``, once the worker processes have been forked: no thread
    of ours should be running when they are."""

    def __init__(self, console: Console | None, enabled: bool, measure: Callable[[], int | None],
                 bytes_read: Callable[[], int]):
        self.console = console
        self.enabled = enabled
        self.measure = measure
        self.bytes_read = bytes_read
        self.size: InputSize | None = None
        self.progress: Progress | None = None

    def _start(self) -> None:
        # imported here: rich.progress takes 8 ms to import, and most runs draw no bar
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self.size = InputSize(self.measure)
        columns: Sequence = (
            SpinnerColumn(),
            TextColumn("{task.fields[documents]} docs"),
            TextColumn("{task.fields[megabytes]} MB"),
            TextColumn("{task.fields[events]} events"),
            TextColumn("{task.fields[rate]} docs/s"),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
        )
        self.progress = Progress(*columns, console=self.console, transient=True, refresh_per_second=8)
        self.task = self.progress.add_task("extract", total=None, documents="0", megabytes="0.0",
                                           events="0", rate="-")
        self.progress.start()

    def update(self, tally: Tally) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            self._start()
        total = self.size.total if self.size else None
        self.progress.update(
            self.task, completed=self.bytes_read(), total=total,
            documents=f"{tally.documents:,}", megabytes=f"{tally.characters / MEGA:,.1f}",
            events=f"{sum(tally.events.values()):,}", rate=f"{tally.documents / tally.elapsed:,.0f}",
        )

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
