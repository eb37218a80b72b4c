"""Compiled patterns kept on disk between runs.

``regex`` parses and compiles a pattern in Python: our lexicons' patterns take about 0.3 s of
CPU to compile on a run's first documents (and about 0.5 s over a run of a few thousand
articles), before and while the work is shared among jobs. The compiled form of a pattern is
plain data (the arguments ``regex``'s pickling hands to its C compiler) and depends only on the
pattern, its flags and the ``regex`` installation, so a file keyed on exactly those holds it
for the next run: rebuilding the pattern from it takes microseconds.

The cache is always correct or unused: each file is named by a hash of the pattern and flags,
holds both (checked on reading), and lives in a folder named after the ``regex`` version, its
compiled module's size and time, the Python version and ``regex``'s default version, so a
change of any of these starts afresh. Files are written whole (a temporary file renamed), so
jobs writing at once never leave a half-written one. Where the folder cannot be made or
written, patterns are compiled as usual, silently; where a file cannot be read or does not
hold what it should, the pattern is compiled again. Locale-dependent patterns are not kept.

The folder is ``$GEOEVENTS_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/geoevents`` or ``~/.cache/geoevents``. Deleting it is always safe.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

import regex
from regex import _regex

CACHE_DIR_VARIABLE = "GEOEVENTS_CACHE_DIR"
_PLAIN = (str, bytes, int, type(None))  # the types of the compiled form (in tuples, lists, dicts)
_store_broken = False  # set when the folder proved unwritable: not tried again in this process


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(source, flags)``, from the cache on disk when it holds the pattern."""
    folder = _folder()
    flags = int(flags)  # (a ``regex.RegexFlag`` is not plain data)
    if folder is None:
        return regex.compile(source, flags)
    path = folder / (hashlib.sha256(b"%d:%s" % (flags, source.encode("utf-8", "surrogatepass"))).hexdigest()[:40])
    kept = _read(path, source, flags)
    if kept is not None:
        return kept
    compiled = regex.compile(source, flags)
    _write(path, source, flags, compiled)
    return compiled


def cache_folder() -> Path | None:
    """The folder this installation's compiled patterns are kept in (None: no cache)."""
    return _folder()


@functools.cache
def _folder() -> Path | None:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured is not None:
        if not configured:
            return None
        base = Path(configured)
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "geoevents"
    try:
        compiled_module = os.stat(_regex.__file__)
    except (OSError, AttributeError, TypeError):
        return None
    # everything the compiled form depends on, but the pattern and its flags (in the file's name)
    installation = "%s|%s|%d|%d|%s|%d" % (regex.__version__, _regex.__file__, compiled_module.st_size,
                                          compiled_module.st_mtime_ns, sys.version, int(regex.DEFAULT_VERSION))
    return base / ("patterns-" + hashlib.sha256(installation.encode()).hexdigest()[:16])


def _read(path: Path, source: str, flags: int) -> regex.Pattern | None:
    try:
        with open(path, "rb") as file:
            kept_source, kept_flags, arguments = marshal.load(file)
        if kept_source != source or kept_flags != flags or not _plain(arguments):
            return None
        compiled = _regex.compile(*arguments)
    except Exception:  # missing, unreadable or not what we wrote: compile it afresh
        return None
    return compiled if compiled.pattern == source else None


def _write(path: Path, source: str, flags: int, compiled: regex.Pattern) -> None:
    global _store_broken
    if _store_broken or compiled.flags & regex.LOCALE:
        return
    reduced = copyreg.dispatch_table.get(type(compiled), lambda _pattern: None)(compiled)
    if not reduced or reduced[0] is not _regex.compile or not _plain(reduced[1]):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                marshal.dump((source, flags, reduced[1]), file)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        _store_broken = True  # (a read-only or full disk: compile as usual from now on)


def _plain(value: object) -> bool:
    """Whether ``value`` is made of plain data only (what a compiled form is made of)."""
    if isinstance(value, (tuple, list)):
        return all(_plain(item) for item in value)
    if isinstance(value, dict):
        return all(_plain(key) and _plain(item) for key, item in value.items())
    return type(value) in _PLAIN
