"""Command line: ``geoevents extract [PATH ...]`` and ``geoevents dates [PATH ...]``.

Data goes to stdout, messages to stderr. Exit codes: 0 all inputs read; 1 some inputs failed
(each is reported); 2 usage error; 130 interrupted (Ctrl-C), after writing what was done.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, NoReturn, TextIO

import typer

from . import __version__
from .batch import ChunkResult, default_jobs, extract_all
from .document import parse_published
from .model import EVENT_TYPES
from .progress import ProgressBar, Tally, counted
from .readers import Failure, Fields, InputProgress, Notice, Parser, input_size, iter_documents, once_per_source
from .render import FORMATS, writer_for
from .sources import iter_tasks

if TYPE_CHECKING:
    from rich.console import Console

EXAMPLES = """
Examples:

\b
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


@functools.cache
def errors() -> Console:
    """rich's console on stderr, made when first used: a quiet run without failures never imports
    rich (16 ms for rich.console alone)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


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


# Options that extract and dates share
Paths = Annotated[list[str] | None, typer.Argument(
    help="Text or HTML files, JSON Lines files (.jsonl), any of them gzipped (.gz), folders, "
         "or - for stdin (the default).", show_default=False)]
Format = Annotated[str | None, typer.Option(
    "--format", "-f", help="table, json, jsonl or csv. Default: table on a terminal, jsonl otherwise.",
    show_default=False)]
Published = Annotated[str | None, typer.Option(
    help="Publication date (YYYY-MM-DD) for plain-text input; anchors relative dates.")]
TextField = Annotated[str, typer.Option(help="JSON Lines field holding the text.")]
IdField = Annotated[str, typer.Option(help="JSON Lines field holding the document id.")]
DateField = Annotated[str | None, typer.Option(
    help="JSON Lines field holding the publication date. Default: published, then date.")]
Glob = Annotated[list[str] | None, typer.Option(
    help="In folders, read only files whose name matches this pattern ('*.txt'); repeatable.", show_default=False)]
FilesFrom = Annotated[str | None, typer.Option(
    help="Also read the paths listed in this file, one per line (- for stdin).", show_default=False)]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No progress bar, no summary, no warnings: only failures on stderr.")]
ErrorsTo = Annotated[str | None, typer.Option(
    "--errors", help="Write each failed file or document (source, line, id, reason) to this file as JSON Lines.",
    show_default=False)]


def _format_and_date(format: str | None, published: str | None) -> str:
    """The output format (table on a terminal, else JSON Lines); both options checked."""
    chosen = format or ("table" if sys.stdout.isatty() else "jsonl")
    if chosen not in FORMATS:
        raise typer.BadParameter(f"{chosen!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if published:
        try:
            parse_published(published)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--published") from None
    return chosen


def _fields(text_field: str, id_field: str, date_field: str | None) -> Fields:
    return Fields(text=text_field, id=id_field, published=(date_field,) if date_field else ("published", "date"))


@app.command(epilog=EXAMPLES)
def extract(
    paths: Paths = None,
    format: Format = None,
    published: Published = None,
    types: Annotated[str | None, typer.Option(
        help=f"Comma-separated event types to keep: {','.join(EVENT_TYPES)}.")] = None,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date_field: DateField = None,
    glob: Glob = None,
    files_from: FilesFrom = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes. Default: the number of cores.", show_default=False)] = None,
    unordered: Annotated[bool, typer.Option(
        help="Write each document's events as soon as they are ready, not in input order.")] = False,
    quiet: Quiet = False,
    errors_to: ErrorsTo = None,
    rules: Annotated[list[str] | None, typer.Option(
        "--rules", help="A rule file (YAML or TOML) adding triggers, exclusions, actors or places; repeatable.",
        show_default=False)] = None,
    config: Annotated[str | None, typer.Option(
        help="Configuration file naming rule files. Default: $GEOEVENTS_CONFIG, ./geoevents.toml, "
             "~/.config/geoevents/config.toml.", show_default=False)] = None,
    link: Annotated[bool, typer.Option(
        help="Link reports of the same event across documents: one event_id, with the number of mentions "
             "and of distinct sources (output waits for the whole input).")] = False,
    group: Annotated[bool, typer.Option(
        help="With --link: one row (table, csv) or record (json, jsonl) per event, with its mentions.")] = False,
) -> None:
    """Find events in news text and print one record per event mention."""
    chosen_format = _format_and_date(format, published)
    wanted = _types(types)
    fields = _fields(text_field, id_field, date_field)
    error_log = _error_log(paths, files_from, errors_to)

    rule_paths = _rule_paths(rules, config)
    reporter = Reporter(errors, error_log, quiet)
    tally = reporter.tally
    reading = InputProgress()
    jobs = jobs or default_jobs()
    tasks = iter_tasks(paths or [], globs=glob or (), files_from=files_from, text_field=fields.text,
                       on_notice=reporter.notice, progress=reading, read_ahead=jobs == 1)
    parser = Parser(fields, parse_published(published) if published else None, date_from_text_later=True)
    show_progress = not quiet and sys.stderr.isatty()
    total_size = functools.cache(lambda: input_size(paths or [], glob or (), files_from))
    bar = ProgressBar(errors() if show_progress else None, show_progress, total_size, lambda: reading.bytes_read)
    writer = writer_for(chosen_format, sys.stdout, grouped=group)
    if link or group:
        writer = LinkingWriter(writer, grouped=group)
    # the JSON writers take the events as text rendered where they were found (in the workers)
    render = hasattr(writer, "write_rendered")
    with _quiet_on_closed_pipe(), stop_on_first_interrupt() as interrupted:
        results = extract_all(tasks, parser, wanted, jobs, ordered=not unordered, stop=interrupted.is_set,
                              rules=rule_paths, share_read=lambda: reading.bytes_read / size if (size := total_size())
                              else None, render=render)
        # closing(): should writing fail (| head), the workers are stopped at once, not at exit
        with contextlib.closing(results), contextlib.ExitStack() as cleanup:
            cleanup.callback(bar.close)
            if error_log:
                cleanup.callback(error_log.close)
            _write_all(results, writer, reporter, bar)
    if not quiet or interrupted.is_set():
        for line in tally.summary(interrupted.is_set()):
            errors().print(f"geoevents: {line}", markup=False, style="dim" if not tally.failed else None)
    if interrupted.is_set():
        raise typer.Exit(130)
    if tally.failed:
        raise typer.Exit(1)


def _error_log(paths: list[str] | None, files_from: str | None, errors_to: str | None) -> TextIO | None:
    """The ``--errors`` file, opened for writing, once the inputs are checked to be readable together."""
    if files_from == "-" and "-" in (paths or []):
        raise typer.BadParameter("standard input cannot be both a document and the list of paths",
                                 param_hint="--files-from")
    try:
        return open(errors_to, "w", encoding="utf-8") if errors_to else None  # noqa: SIM115
    except OSError as error:
        raise typer.BadParameter(f"cannot write {errors_to}: {error.strerror}", param_hint="--errors") from None


def _write_all(results: Iterator[ChunkResult | Failure], writer, reporter: Reporter, bar: ProgressBar) -> None:
    for item in results:
        if isinstance(item, Failure):
            reporter.failure(item)
            continue
        for notice in item.notices:
            reporter.notice(notice)
        for failure in item.failures:
            reporter.failure(failure)
        reporter.tally.add(item)
        for event in item.events:
            writer.write(event)
        if item.rendered:
            writer.write_rendered(item.rendered)
        bar.update(reporter.tally)
    writer.close()


class LinkingWriter:
    """Holds the records of the whole run, links them across documents, then writes them
    (``--link``) or one record per event (``--group``)."""

    def __init__(self, writer, grouped: bool):
        self.writer = writer
        self.grouped = grouped
        self.records: list[dict] = []

    def write(self, event) -> None:
        self.records.append(event.to_dict())

    def close(self) -> None:
        from .crosslink import link_records, summaries

        groups = link_records(self.records)
        for record in summaries(groups, self.records) if self.grouped else self.records:
            self.writer.write(record)
        self.writer.close()


class Reporter:
    """Failures and warnings: one line each on stderr (the first ``SHOWN``), every failure in the
    ``--errors`` file."""

    SHOWN = 50

    def __init__(self, console: Callable[[], Console], error_log: TextIO | None, quiet: bool):
        self.console = console  # (made when first needed)
        self.error_log = error_log
        self.quiet = quiet
        self.tally = Tally()
        self.shown = 0
        self.notice = once_per_source(self._notice)

    def failure(self, failure: Failure) -> None:
        self.tally.failed += 1
        if self.error_log:
            self.error_log.write(json.dumps(failure.to_dict(), ensure_ascii=False) + "\n")
        self._show(f"geoevents: {failure}", "red")

    def _notice(self, notice: Notice) -> None:
        self.tally.warnings += 1
        if not self.quiet:
            self._show(f"geoevents: warning: {notice}", "yellow")

    def _show(self, line: str, style: str) -> None:
        self.shown += 1
        if self.shown <= self.SHOWN:
            self.console().print(line, style=style, markup=False)
        elif self.shown == self.SHOWN + 1:
            hint = ("; every failure is in the --errors file" if self.error_log
                    else "; use --errors FILE to keep them all")
            self.console().print(f"geoevents: further failures and warnings are not shown{hint}", markup=False)


@contextlib.contextmanager
def _quiet_on_closed_pipe() -> Iterator[None]:
    """The reader of the output went away (``| head``): stop there, say nothing and exit 0 (left
    to click, the exit code would be 1, which means failed inputs)."""
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(0) from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def stop_on_first_interrupt() -> Iterator[threading.Event]:
    """The first Ctrl-C asks the run to stop after flushing what is done; a second one stops at once."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def first(signum, frame) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, first)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


DATES_EXAMPLES = """
Examples:

\b
  geoevents dates article.txt --published 2021-07-28   # a table in the terminal
  geoevents dates docs.jsonl.gz --format jsonl | jq .value
"""


@app.command(epilog=DATES_EXAMPLES)
def dates(
    paths: Paths = None,
    format: Format = None,
    published: Published = None,
    text_field: TextField = "text",
    id_field: IdField = "id",
    date_field: DateField = None,
    glob: Glob = None,
    files_from: FilesFrom = None,
    quiet: Quiet = False,
    errors_to: ErrorsTo = None,
) -> None:
    """Find time expressions and print one record each: text, offsets, TIMEX3 type and value."""
    from .timex_records import document_timexes
    from .timex_records import writer_for as timex_writer_for

    chosen_format = _format_and_date(format, published)
    fields = _fields(text_field, id_field, date_field)
    error_log = _error_log(paths, files_from, errors_to)
    reporter = Reporter(errors, error_log, quiet)
    writer = timex_writer_for(chosen_format, sys.stdout)
    documents = expressions = 0
    with _quiet_on_closed_pipe(), contextlib.ExitStack() as cleanup:
        if error_log:
            cleanup.callback(error_log.close)
        for item in iter_documents(paths or [], fields, published, globs=glob or (), files_from=files_from,
                                   on_notice=reporter.notice):
            if isinstance(item, Failure):
                reporter.failure(item)
                continue
            documents += 1
            for record in document_timexes(item):
                writer.write(record)
                expressions += 1
        writer.close()
    failed = reporter.tally.failed
    if not quiet:
        errors().print(f"geoevents: {counted(documents, 'document')} read, {failed:,} failed; "
                       f"{counted(expressions, 'time expression')}", markup=False, style="dim" if not failed else None)
    if failed:
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
        errors().print(f"geoevents: {error}", style="red", markup=False)
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
    from rich.console import Console
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
        errors().print(f"geoevents: {error}", style="red", markup=False)
        raise typer.Exit(2) from None


def _rule_paths(rules: list[str] | None, config: str | None) -> tuple[str, ...]:
    """The user's rule files, checked now (see ``_knowledge``). Without any, the packaged lexicon
    is left to be built where it is first used: with several jobs, by every process at once,
    not by this one while the workers wait to be started."""
    from .config import rule_files
    from .userrules import RuleFileError

    with contextlib.suppress(RuleFileError):  # (reported by _knowledge)
        if not rule_files(rules, config):
            return ()
    return _knowledge(rules, config).rules.files


def main() -> None:
    """Console entry point: quiet on a closed pipe (``| head``), no tracebacks for bad input."""
    try:
        app()
    except SystemExit as done:
        _exit_now(done.code)
    except BrokenPipeError:
        _silence_stdout()
        _exit_now(0)  # (not sys.exit: see ``_exit_now``, and a worker stopped mid-chunk leaves threads to join)
    except KeyboardInterrupt:
        _exit_now(130)



def _exit_now(code: int | str | None) -> NoReturn:
    """Exit with ``code`` once the output is flushed, without tearing the interpreter down: freeing
    the compiled patterns, tables and caches one object at a time takes 0.04 s after a single
    document and 0.1 s after a corpus, for nothing. Nothing else is left to do by then: the
    worker processes are joined and the ``--errors`` file is closed. (Under coverage, whose
    atexit handler saves the data, the interpreter exits the usual way.)"""
    if "coverage" in sys.modules:
        sys.exit(code)
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # (the reader went away: nothing more can be said)
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
