"""The console the tables are printed on (imported only by the table writers: the other formats
stream without rich)."""

from __future__ import annotations

from rich.console import Console


class TableConsole(Console):
    """rich's console, except that a closed pipe (``| head``) raises ``BrokenPipeError`` as a
    plain write would: rich exits with code 1 by itself, where the command ends quietly with 0."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # (nothing more is written)
        raise BrokenPipeError
