"""Output formats: a readable table for the terminal, and JSON, JSON Lines and CSV for tools.

Every writer takes events one at a time (``write``) and finishes with ``close``, so output
streams as documents are processed.
"""

from __future__ import annotations

import csv
import json
from typing import TextIO

from rich.console import Console
from rich.table import Table

from .model import Event

FORMATS = ("table", "json", "jsonl", "csv")

CSV_COLUMNS = [
    "doc_id", "type", "status", "trigger", "trigger_start", "trigger_end", "actors", "actor_codes",
    "locations", "location_countries", "lat", "lon", "date_start", "date_end", "date_text",
    "date_precision", "rule", "published", "sentence_start", "sentence_end", "sentence",
]


class JsonLinesWriter:
    def __init__(self, out: TextIO):
        self.out = out

    def write(self, event: Event) -> None:
        self.out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonArrayWriter:
    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0

    def write(self, event: Event) -> None:
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write(json.dumps(event.to_dict(), ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def csv_row(event: Event) -> dict[str, object]:
    first = event.locations[0] if event.locations else None
    return {
        "doc_id": event.doc_id,
        "type": event.type,
        "status": event.status,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "actors": "; ".join(a.name for a in event.actors),
        "actor_codes": "; ".join(a.code for a in event.actors),
        "locations": "; ".join(loc.name for loc in event.locations),
        "location_countries": "; ".join(loc.country or "" for loc in event.locations),
        "lat": first.lat if first and first.lat is not None else "",
        "lon": first.lon if first and first.lon is not None else "",
        "date_start": event.date.start if event.date else "",
        "date_end": event.date.end if event.date and event.date.end else "",
        "date_text": event.date.text if event.date else "",
        "date_precision": event.date.precision if event.date else "",
        "rule": event.rule,
        "published": event.published or "",
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "sentence": " ".join(event.sentence.text.split()),
    }


class CsvWriter:
    def __init__(self, out: TextIO):
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, event: Event) -> None:
        self.writer.writerow(csv_row(event))

    def close(self) -> None:
        self.out.flush()


class TableWriter:
    """A rich table, printed when all events are in (a table needs its column widths)."""

    def __init__(self, out: TextIO):
        self.console = Console(file=out, highlight=False, soft_wrap=False)
        self.events: list[Event] = []

    def write(self, event: Event) -> None:
        self.events.append(event)

    def close(self) -> None:
        if not self.events:
            self.console.print("No events found.", style="dim")
            return
        show_doc = len({e.doc_id for e in self.events}) > 1
        table = Table(show_lines=False, header_style="bold", expand=False)
        if show_doc:
            table.add_column("doc", overflow="fold", max_width=24)
        for name in ("type", "status", "trigger", "actors", "location", "date", "evidence"):
            table.add_column(name, overflow="fold")
        for e in self.events:
            actors = ", ".join(f"{a.name} ({a.code})" if a.kind == "state" else a.code for a in e.actors) or "-"
            places = ", ".join(
                loc.name + (f" ({loc.country})" if loc.country and loc.country != loc.name else "")
                for loc in e.locations
            ) or "-"
            when = "-"
            if e.date:
                when = e.date.start or e.date.value or "?"
                if e.date.end and e.date.end != e.date.start:
                    when += f" … {e.date.end}"
            evidence = _snippet(e)
            row = [e.type, e.status, e.trigger.text, actors, places, when, evidence]
            table.add_row(*([str(e.doc_id)] if show_doc else []), *row)
        self.console.print(table)


def _snippet(event: Event, width: int = 90) -> str:
    sentence = " ".join(event.sentence.text.split())
    if len(sentence) <= width:
        return sentence
    trigger_at = max(0, event.trigger.start - event.sentence.start)
    start = max(0, min(trigger_at - width // 3, len(sentence) - width))
    return ("…" if start else "") + sentence[start:start + width].strip() + "…"


def writer_for(name: str, out: TextIO):
    return {"table": TableWriter, "json": JsonArrayWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}[name](out)


def print_report(summary: dict, out: TextIO) -> None:
    """An evaluation summary as tables: events per type, then fields."""
    console = Console(file=out, highlight=False)
    table = Table(title="events", header_style="bold")
    for name in ("", "precision", "recall", "F1"):
        table.add_column(name, justify="right" if name else "left")
    table.add_row("all", f"{summary['event_p']:.4f}", f"{summary['event_r']:.4f}", f"{summary['event_f1']:.4f}")
    for kind, prf in summary["per_type"].items():
        table.add_row(kind, f"{prf['p']:.4f}", f"{prf['r']:.4f}", f"{prf['f1']:.4f}")
    console.print(table)
    fields = Table(title="fields (over matched events)", header_style="bold")
    for name in ("", "precision", "recall", "F1", "accuracy"):
        fields.add_column(name, justify="right" if name else "left")
    for name, prf in summary["fields"].items():
        accuracy = summary.get(f"{name}_acc")
        fields.add_row(name, f"{prf['p']:.4f}", f"{prf['r']:.4f}", f"{prf['f1']:.4f}",
                       "-" if accuracy is None else f"{accuracy:.4f}")
    console.print(fields)
    console.print(
        f"gold events {summary['gold_events']}, predicted {summary['predicted_events']}, "
        f"matched {summary['matched']}; event_f1 {summary['event_f1']:.4f}; strict_f1 {summary['strict_f1']:.4f}"
    )
