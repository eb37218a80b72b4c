"""Command line: ``geoevents extract [PATH ...]`` and ``geoevents dates [PATH ...]``.

Data goes to stdout, messages to stderr. Exit codes: 0 all inputs read; 1 some inputs failed
(each is reported); 2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Annotated

import typer
from rich.console import Console

from . import __version__
from .model import EVENT_TYPES
from .pipeline import extract_document
from .readers import Failure, Fields, iter_documents
from .render import FORMATS, writer_for

EXAMPLES = """
Examples:

  geoevents extract article.txt                         # a table in the terminal
  geoevents extract article.txt --published 2021-07-28  # anchor relative dates
  geoevents extract news/ --format jsonl | jq .type     # every file under a folder
  geoevents extract docs.jsonl.gz --format csv > events.csv
  cat article.txt | geoevents extract -
"""

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Extract military exercises, deployments and withdrawals from news text.",
    epilog=EXAMPLES,
)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


class UsageError(Exception):
    pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"geoevents {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Extract military exercises, deployments and withdrawals from news text."""


def _types(value: str | None) -> list[str] | None:
    if not value:
        return None
    chosen = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in chosen if t not in EVENT_TYPES]
    if unknown:
        raise typer.BadParameter(f"unknown type {', '.join(unknown)}; choose from {', '.join(EVENT_TYPES)}")
    return chosen


@app.command(epilog=EXAMPLES)
def extract(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Text files, JSON Lines files (.jsonl, .jsonl.gz), folders, or - for stdin (the default).",
        show_default=False)] = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help="table, json, jsonl or csv. Default: table on a terminal, jsonl otherwise.",
        show_default=False)] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for plain-text input; anchors relative dates.")] = None,
    types: Annotated[str | None, typer.Option(
        help=f"Comma-separated event types to keep: {','.join(EVENT_TYPES)}.")] = None,
    text_field: Annotated[str, typer.Option(help="JSON Lines field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON Lines field holding the document id.")] = "id",
    date_field: Annotated[str | None, typer.Option(
        help="JSON Lines field holding the publication date. Default: published, then date.")] = None,
) -> None:
    """Find events in news text and print one record per event mention."""
    chosen_format = format or ("table" if sys.stdout.isatty() else "jsonl")
    if chosen_format not in FORMATS:
        raise typer.BadParameter(f"{chosen_format!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    wanted = _types(types)
    fields = Fields(text=text_field, id=id_field,
                    published=(date_field,) if date_field else ("published", "date"))
    if published:
        try:
            from .document import parse_published
            parse_published(published)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--published") from None

    writer = writer_for(chosen_format, sys.stdout)
    failures: list[Failure] = []
    documents = 0
    for item in iter_documents(paths or [], fields, published):
        if isinstance(item, Failure):
            failures.append(item)
            errors.print(f"geoevents: {item}", style="red", markup=False)
            continue
        documents += 1
        try:
            events = extract_document(item, wanted)
        except Exception as error:  # one bad document must not stop the run
            failure = Failure(str(item.id), f"extraction failed: {type(error).__name__}: {error}")
            failures.append(failure)
            errors.print(f"geoevents: {failure}", style="red", markup=False)
            continue
        for event in events:
            writer.write(event)
    writer.close()
    if failures:
        errors.print(f"geoevents: {len(failures)} input(s) failed, {documents} document(s) read", markup=False)
        raise typer.Exit(1)


DATES_EXAMPLES = """
Examples:

  geoevents dates article.txt --published 2021-07-28   # a table in the terminal
  geoevents dates docs.jsonl.gz --format jsonl | jq .value
"""


@app.command(epilog=DATES_EXAMPLES)
def dates(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Text files, JSON Lines files (.jsonl, .jsonl.gz), folders, or - for stdin (the default).",
        show_default=False)] = None,
    format: Annotated[str | None, typer.Option(
        "--format", "-f", help="table, json, jsonl or csv. Default: table on a terminal, jsonl otherwise.",
        show_default=False)] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for plain-text input; anchors relative dates.")] = None,
    text_field: Annotated[str, typer.Option(help="JSON Lines field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON Lines field holding the document id.")] = "id",
    date_field: Annotated[str | None, typer.Option(
        help="JSON Lines field holding the publication date. Default: published, then date.")] = None,
) -> None:
    """Find time expressions and print one record each: text, offsets, TIMEX3 type and value."""
    from .document import parse_published
    from .timex_records import document_timexes
    from .timex_records import writer_for as timex_writer_for

    chosen_format = format or ("table" if sys.stdout.isatty() else "jsonl")
    if chosen_format not in FORMATS:
        raise typer.BadParameter(f"{chosen_format!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if published:
        try:
            parse_published(published)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--published") from None
    fields = Fields(text=text_field, id=id_field, published=(date_field,) if date_field else ("published", "date"))
    writer = timex_writer_for(chosen_format, sys.stdout)
    failures = 0
    for item in iter_documents(paths or [], fields, published):
        if isinstance(item, Failure):
            failures += 1
            errors.print(f"geoevents: {item}", style="red", markup=False)
            continue
        for record in document_timexes(item):
            writer.write(record)
    writer.close()
    if failures:
        errors.print(f"geoevents: {failures} input(s) failed", markup=False)
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Annotated[str, typer.Argument(help="Annotated documents, JSON Lines in the guideline's format.")],
    types: Annotated[str | None, typer.Option(help="Comma-separated event types to score.")] = None,
    show_errors: Annotated[int, typer.Option(help="List up to N misses, false alarms and wrong fields.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")] = False,
) -> None:
    """Measure extraction on your own annotated documents: P/R/F1 per type and per field."""
    from .evaluate import CORE_TYPES, evaluate, load_gold
    from .render import print_report

    scored = _types(types) or list(CORE_TYPES)
    try:
        documents = load_gold(gold)
        report = evaluate(documents, scored)
    except (OSError, ValueError) as error:
        errors.print(f"geoevents: {error}", style="red", markup=False)
        raise typer.Exit(1) from None
    for row in report.errors[:show_errors]:
        typer.echo("\t".join(row))
    if as_json:
        typer.echo(json.dumps(report.summary()))
    else:
        print_report(report.summary(), sys.stdout)


@app.command("rules")
def rules_command(
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", help="A user rule file (YAML or TOML); repeat for more.", show_default=False)] = None,
    config: Annotated[str | None, typer.Option(help="Configuration file naming rule files.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list every trigger rule.")] = False,
) -> None:
    """List the loaded rules and lexicons, where each came from, and how many entries each has."""
    from rich.table import Table

    from .inventory import inventory, trigger_rules

    knowledge = _knowledge(rules, config)
    out = Console(highlight=False)
    table = Table(header_style="bold")
    for name in ("source", "file", "kind", "entries"):
        table.add_column(name, justify="right" if name == "entries" else "left")
    for source in inventory(knowledge):
        table.add_row(source.origin, source.name, source.kind, str(source.entries))
    out.print(table)
    if verbose:
        rules_table = Table(header_style="bold")
        for name in ("rule", "type", "requires", "from"):
            rules_table.add_column(name)
        for row in trigger_rules(knowledge):
            rules_table.add_row(*row)
        out.print(rules_table)


def _knowledge(rules: list[str] | None, config: str | None):
    """The lexicon and gazetteer with the user's rule files; a bad file is a usage error."""
    from .config import rule_files
    from .knowledge import with_rule_files
    from .userrules import RuleFileError

    try:
        return with_rule_files(rule_files(rules, config))
    except RuleFileError as error:
        errors.print(f"geoevents: {error}", style="red", markup=False)
        raise typer.Exit(2) from None


def main() -> None:
    """Console entry point: quiet on a closed pipe (``| head``), no tracebacks for bad input."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
