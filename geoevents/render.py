"""Output formats: a readable table for the terminal, and JSON, JSON Lines and CSV for tools.

Every writer takes events one at a time (``write``) and finishes with ``close``, so output
streams as documents are processed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # rich is imported by the table writer and the report only: the other formats stream without it
    from rich.table import Table

FORMATS = ("table", "json", "jsonl", "csv")

CSV_COLUMNS = [
    "doc_id", "event_id", "type", "status", "trigger", "trigger_start", "trigger_end", "actors", "actor_codes",
    "locations", "location_countries", "lat", "lon", "date_start", "date_end", "date_text",
    "date_precision", "size", "cameo", "plover_type", "plover_mode", "rule", "published",
    "sentence_start", "sentence_end", "sentence",
]
GROUP_COLUMNS = [
    "event_id", "type", "status", "actors", "actor_codes", "locations", "location_countries",
    "date_start", "date_end", "mentions", "sources", "documents",
]


# (``json.dumps(record, ensure_ascii=False)`` makes this encoder anew for every record)
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def as_record(item: Any) -> dict[str, Any]:
    """An event (or any record type with ``to_dict``) as its JSON record."""
    return item.to_dict() if hasattr(item, "to_dict") else item


def event_json(item: Any) -> str:
    """The JSON text of a record (one line): what the JSON writers write of it."""
    return _to_json(as_record(item))


class JsonLinesWriter:
    def __init__(self, out: TextIO):
        self.out = out

    def write(self, item: Any) -> None:
        self.out.write(event_json(item) + "\n")

    def write_rendered(self, records: list[str]) -> None:
        """Records already rendered by ``event_json`` (in a worker process)."""
        if records:
            self.out.write("\n".join(records) + "\n")

    def close(self) -> None:
        self.out.flush()


class JsonArrayWriter:
    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0

    def write(self, item: Any) -> None:
        self.write_rendered([event_json(item)])

    def write_rendered(self, records: list[str]) -> None:
        """Records already rendered by ``event_json`` (in a worker process)."""
        for record in records:
            self.out.write("[\n" if self.count == 0 else ",\n")
            self.out.write(record)
            self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


def _joined(items: list[dict], key: str) -> str:
    return "; ".join(str(item.get(key) or "") for item in items)


def _size(record: dict) -> str:
    """ "more_than 1000 troops; 2 ships" """
    parts = []
    for q in record.get("size") or []:
        qualifier = "" if q.get("qualifier") in (None, "exactly") else q["qualifier"] + " "
        parts.append(f"{qualifier}{q['count']} {q['unit']}")
    return "; ".join(parts)


def csv_row(record: dict) -> dict[str, object]:
    """One CSV row of an event record: actors and places flattened into "; "-separated columns."""
    first = record["locations"][0] if record.get("locations") else {}
    date = record.get("date") or {}
    plover = record.get("plover") or {}
    return {
        "doc_id": record.get("doc_id"),
        "event_id": record.get("event_id") or "",
        "type": record["type"],
        "status": record["status"],
        "trigger": record["trigger"]["text"],
        "trigger_start": record["trigger"]["start"],
        "trigger_end": record["trigger"]["end"],
        "actors": _joined(record.get("actors", []), "name"),
        "actor_codes": _joined(record.get("actors", []), "code"),
        "locations": _joined(record.get("locations", []), "name"),
        "location_countries": _joined(record.get("locations", []), "country"),
        "lat": "" if first.get("lat") is None else first["lat"],
        "lon": "" if first.get("lon") is None else first["lon"],
        "date_start": date.get("start") or "",
        "date_end": date.get("end") or "",
        "date_text": date.get("text") or "",
        "date_precision": date.get("precision") or "",
        "size": _size(record),
        "cameo": (record.get("cameo") or {}).get("code", ""),
        "plover_type": plover.get("type", ""),
        "plover_mode": plover.get("mode") or "",
        "rule": record.get("rule", ""),
        "published": record.get("published") or "",
        "sentence_start": record["sentence"]["start"],
        "sentence_end": record["sentence"]["end"],
        "sentence": " ".join(record["sentence"]["text"].split()),
    }


def group_row(group: dict) -> dict[str, object]:
    """One CSV row of a linked event (``--group``)."""
    date = group.get("date") or {}
    return {
        "event_id": group["event_id"], "type": group["type"], "status": group["status"],
        "actors": _joined(group["actors"], "name"), "actor_codes": _joined(group["actors"], "code"),
        "locations": _joined(group["locations"], "name"), "location_countries": _joined(group["locations"], "country"),
        "date_start": date.get("start") or "", "date_end": date.get("end") or "",
        "mentions": group["mentions"], "sources": group["sources"], "documents": "; ".join(group["documents"]),
    }


class CsvWriter:
    def __init__(self, out: TextIO, grouped: bool = False):
        import csv  # (the other formats do without it)

        self.out = out
        self.row = group_row if grouped else csv_row
        self.writer = csv.DictWriter(out, fieldnames=GROUP_COLUMNS if grouped else CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, item: Any) -> None:
        self.writer.writerow(self.row(as_record(item)))

    def close(self) -> None:
        self.out.flush()


def _actors(record: dict) -> str:
    return ", ".join(f"{a['name']} ({a['code']})" if a.get("kind") == "state" else a["code"]
                     for a in record.get("actors", [])) or "-"


def _places(record: dict) -> str:
    return ", ".join(
        loc["name"] + (f" ({loc['country']})" if loc.get("country") and loc["country"] != loc["name"] else "")
        for loc in record.get("locations", [])
    ) or "-"


def _when(date: dict | None) -> str:
    if not date:
        return "-"
    start, end = date.get("start"), date.get("end")
    if start is None and end is None:
        return date.get("value") or "?"
    if start == end:
        return start
    return f"{start or ''} … {end or ''}".strip()  # "2024-03 …" is open-ended, "… 2024-05-05" has no known start


class PagedTable:
    """A rich table for the terminal. A table needs its column widths before its first row, so
    records are printed a page at a time (``PAGE`` rows, each page a table of its own): a long
    batch run shows its first records at once and holds at most a page. Subclasses build a
    page's table (``page_table``) from the records ``write`` was given."""

    PAGE = 100
    EMPTY = "Nothing found."

    def __init__(self, out: TextIO, paged: bool = True):
        from .tableconsole import TableConsole

        self.console = TableConsole(file=out, highlight=False, soft_wrap=False)
        self.paged = paged
        self.records: list[Any] = []
        self.pages = 0
        self.show_doc = False

    def write(self, item: Any) -> None:
        self.records.append(item)
        if self.paged and len(self.records) >= self.PAGE:
            self._print_page()

    def close(self) -> None:
        if self.records:
            self._print_page()
        elif not self.pages:
            self.console.print(self.EMPTY, style="dim")

    def _print_page(self) -> None:
        # the doc column, once shown, stays on the later pages
        self.show_doc = self.show_doc or len({self.doc_id(r) for r in self.records}) > 1
        self.console.print(self.page_table(self.records, self.show_doc))
        self.records = []
        self.pages += 1

    def doc_id(self, record: Any) -> Any:
        return record.get("doc_id")

    def page_table(self, records: list[Any], show_doc: bool) -> Table:
        raise NotImplementedError


class TableWriter(PagedTable):
    """Event mentions, a page at a time; linked events (``--group``) come all at the end and
    make one table."""

    EMPTY = "No events found."

    def __init__(self, out: TextIO, grouped: bool = False):
        super().__init__(out, paged=not grouped)
        self.grouped = grouped

    def write(self, item: Any) -> None:
        super().write(as_record(item))

    def page_table(self, records: list[dict], show_doc: bool) -> Table:
        return self._grouped_table(records) if self.grouped else self._table(records, show_doc)

    def _table(self, records: list[dict], show_doc: bool) -> Table:
        from rich.table import Table

        table = Table(show_lines=False, header_style="bold", expand=False)
        if show_doc:
            table.add_column("doc", overflow="fold", max_width=24)
        for name in ("type", "status", "trigger", "actors", "location", "date", "evidence"):
            table.add_column(name, overflow="fold")
        for r in records:
            row = [r["type"], r["status"], r["trigger"]["text"], _actors(r), _places(r), _when(r.get("date")),
                   _snippet(r)]
            table.add_row(*([str(r.get("doc_id"))] if show_doc else []), *row)
        return table

    def _grouped_table(self, records: list[dict]) -> Table:
        from rich.table import Table

        table = Table(show_lines=False, header_style="bold", expand=False)
        for name in ("event", "type", "status", "actors", "location", "date", "mentions", "sources", "first report"):
            table.add_column(name, overflow="fold", justify="right" if name in ("mentions", "sources") else "left")
        for g in records:
            first = g["mention_records"][0] if g.get("mention_records") else None
            table.add_row(g["event_id"], g["type"], g["status"], _actors(g), _places(g), _when(g.get("date")),
                          str(g["mentions"]), str(g["sources"]), _snippet(first) if first else "-")
        return table


def _snippet(record: dict, width: int = 90) -> str:
    sentence = " ".join(record["sentence"]["text"].split())
    if len(sentence) <= width:
        return sentence
    trigger_at = max(0, record["trigger"]["start"] - record["sentence"]["start"])
    start = max(0, min(trigger_at - width // 3, len(sentence) - width))
    return ("…" if start else "") + sentence[start:start + width].strip() + "…"


def writer_for(name: str, out: TextIO, grouped: bool = False):
    """The writer of a format; ``grouped`` writes one record per linked event (``--group``)."""
    if name in ("table", "csv"):
        return {"table": TableWriter, "csv": CsvWriter}[name](out, grouped)
    return {"json": JsonArrayWriter, "jsonl": JsonLinesWriter}[name](out)


def print_report(summary: dict, out: TextIO) -> None:
    """An evaluation summary as tables: events per type, then fields."""
    from rich.console import Console
    from rich.table import Table

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
