"""Compiled patterns (and what is worked out from a pattern) kept on disk between runs.

``regex`` parses and compiles a pattern in Python: our lexicons' patterns took about 0.3 s of
CPU to compile on a run's first documents (and about 0.5 s over a run of a few thousand
articles), before and while the work is shared among jobs. The compiled form of a pattern is
plain data (the arguments ``regex``'s pickling hands to its C compiler) and depends only on the
pattern, its flags and the ``regex`` installation, so a file keyed on exactly those holds it
for the next run: rebuilding the pattern from it takes microseconds. ``compile_standard`` does
the same for the standard library's ``re`` (the temporal grammar matches with it where a
pattern allows: compiling its patterns in Python cost each process of a batch run about 0.04 s
of CPU). ``remembered`` does the same for a pure function of a pattern (the literal prefixes of
its matches, say), keyed on the source of the function's module.

The cache is always correct or unused: each file holds its whole key (for a pattern: the
pattern, its flags and a description of the installation, that is the ``regex`` version, its
compiled module's path, size and time, the Python version and ``regex``'s default version),
checked on reading, and is named by a hash of it (a clash only costs a compilation). Files are
written whole (a temporary file renamed), so jobs writing at once never leave a half-written
one. Where the folder cannot be made or written, patterns are compiled as usual, silently;
where a file cannot be read or does not hold what it should, the pattern is compiled again.
Locale-dependent patterns are not kept.

The folder is ``$GEOEVENTS_CACHE_DIR`` if set (an empty value turns the cache off), else
``$XDG_CACHE_HOME/geoevents`` or ``~/.cache/geoevents``. Deleting it is always safe.
"""

from __future__ import annotations

import _sre
import copyreg
import functools
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import regex
from regex import _regex

try:  # how ``re`` parses a pattern into the code its C engine runs (private, but stable since 3.7)
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser
except ImportError:  # Python 3.10
    import sre_compile as _re_compiler
    import sre_parse as _re_parser

CACHE_DIR_VARIABLE = "GEOEVENTS_CACHE_DIR"
_PLAIN_TYPES = frozenset((str, bytes, int, type(None)))  # what compiled forms and remembered results are made of
_CONTAINERS = frozenset((tuple, list, set, frozenset))
_REFUSED = "refused"  # a standard pattern kept as the error ``re`` raised (see ``compile_standard``)
_store_broken = False  # set when the folder proved unwritable: not tried again in this process

Result = TypeVar("Result")


def compile_pattern(source: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(source, flags)``, from the cache on disk when it holds the pattern."""
    flags = int(flags)  # (a ``regex.RegexFlag`` is not plain data)
    folder = _base_folder()
    if folder is None or not isinstance(source, str):
        return regex.compile(source, flags)
    installation = _installation()
    key = (installation, source, flags)
    path = os.path.join(_subfolder(folder, "patterns", installation), _hashed("%d:%s" % (flags, source)))
    kept = _load(path, key)
    if kept is not None:
        try:
            compiled = _regex.compile(*kept)
            if compiled.pattern == source:
                return compiled
        except Exception:  # not a compiled form after all: compile the pattern afresh
            pass
    compiled = regex.compile(source, flags)
    if not compiled.flags & regex.LOCALE:
        reduced = copyreg.dispatch_table.get(type(compiled), lambda _pattern: None)(compiled)
        if reduced and reduced[0] is _regex.compile:
            _save(path, key, reduced[1])
    return compiled


def compile_standard(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, from the cache on disk when it holds the pattern. The
    compiled form kept is what ``re`` hands its C engine (``_sre.compile``'s arguments: the
    flags, the code, the groups), keyed on the Python build and the engine's version
    (``_sre.MAGIC``); it is kept only if the pattern rebuilt from it equals ``re``'s own. A
    pattern ``re`` refuses (callers then use ``regex``) is kept as the error it raised, raised
    again from the file: it was parsed again in every process."""
    flags = int(flags)
    folder = _base_folder()
    if folder is None or not isinstance(source, str) or flags & (re.LOCALE | re.DEBUG):
        return re.compile(source, flags)
    installation = _standard_installation()
    key = (installation, source, flags)
    path = os.path.join(_subfolder(folder, "standard", installation), _hashed("%d:%s" % (flags, source)))
    kept = _load(path, key)
    if type(kept) is tuple and len(kept) == 5:
        try:
            return _sre.compile(source, *kept)
        except Exception:  # not a compiled form after all: compile the pattern afresh
            pass
    if type(kept) is tuple and len(kept) == 3 and kept[0] == _REFUSED and type(kept[1]) is str:
        raise re.error(kept[1], source, kept[2] if type(kept[2]) is int else None)
    try:
        compiled = re.compile(source, flags)
    except re.error as error:  # (a bad pattern raises re.error here, as it would)
        if type(error.msg) is str and (error.pos is None or type(error.pos) is int):
            _save(path, key, (_REFUSED, error.msg, error.pos))
        raise
    form = _standard_form(source, flags)
    if form is not None and _sre.compile(source, *form) == compiled:  # (equal patterns: equal code)
        _save(path, key, form)
    return compiled


def _standard_form(source: str, flags: int) -> tuple | None:
    """The arguments ``re`` gives ``_sre.compile`` for the pattern, after the pattern itself
    (as ``re._compiler.compile`` works them out), or None if this Python's ``re`` differs."""
    try:
        parsed = _re_parser.parse(source, flags)
        code = _re_compiler._code(parsed, flags)
        group_index = dict(parsed.state.groupdict)
        index_group = [None] * parsed.state.groups
        for name, index in group_index.items():
            index_group[index] = name
        # (as plain ints: the code holds ``re``'s named int constants, the flags a ``RegexFlag``)
        return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, group_index,
                tuple(index_group))
    except Exception:
        return None


def remembered(function: Callable[[str], Result]) -> Callable[[str], Result]:
    """``function``, a pure function of a string whose results are plain data (strings, numbers,
    bytes, None, and tuples, lists, sets and dicts of them), its results kept on disk. They are
    keyed on the argument, the function's name, the source of its module and the Python version:
    the function must depend on nothing else."""
    @functools.cache
    def version() -> str | None:
        try:
            module_source = Path(sys.modules[function.__module__].__file__).read_bytes()
        except (OSError, KeyError, TypeError, AttributeError):
            return None
        return "%s|%s|%s|%s" % (function.__module__, function.__qualname__, _hashed(module_source), sys.version)

    @functools.wraps(function)
    def kept_or_worked_out(argument: str) -> Result:
        folder = _base_folder()
        function_version = version()
        if folder is None or function_version is None or not isinstance(argument, str):
            return function(argument)
        key = (function_version, argument)
        path = os.path.join(_subfolder(folder, "results", function_version), _hashed(argument))
        kept = _load(path, key)  # (the result in a tuple: None is a result)
        if type(kept) is tuple and len(kept) == 1:
            return kept[0]
        result = function(argument)
        _save(path, key, (result,))
        return result

    return kept_or_worked_out


def cache_folder() -> Path | None:
    """The folder of the cache (None: no cache)."""
    return _base_folder()


def _hashed(text: str | bytes) -> str:
    """A file name for ``text`` (two 32-bit checksums: the file says what it holds, a clash is harmless)."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    return "%08x%08x%x" % (zlib.crc32(data), zlib.adler32(data), len(data))


@functools.cache
def _base_folder() -> Path | None:
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured is not None:
        return Path(configured) if configured else None
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "geoevents"
    except RuntimeError:  # no home folder
        return None


@functools.cache
def _subfolder(base: Path, kind: str, version: str) -> str:
    """The folder of one kind of file (patterns, standard patterns, results) made under one
    version of what they depend on. (Paths are plain strings: a run looks up hundreds of files,
    and joining ``Path`` objects cost more than reading them.)"""
    return os.path.join(base, "%s-%s" % (kind, _hashed(version)))


@functools.cache
def _installation() -> str:
    """What the compiled form of a pattern depends on, beside the pattern and its flags."""
    try:
        compiled_module = os.stat(_regex.__file__)
        size, time = compiled_module.st_size, compiled_module.st_mtime_ns
    except (OSError, AttributeError, TypeError):
        size = time = -1
    return "%s|%s|%d|%d|%s|%d" % (regex.__version__, getattr(_regex, "__file__", ""), size, time, sys.version,
                                  int(regex.DEFAULT_VERSION))


@functools.cache
def _standard_installation() -> str:
    """What ``re``'s compiled form of a pattern depends on, beside the pattern and its flags."""
    return "re|%s|%d|%d" % (sys.version, _sre.MAGIC, _sre.CODESIZE)


def _load(path: str, key: tuple) -> object | None:
    """The value kept in ``path`` under ``key`` (None: not there, unreadable, or another key's)."""
    try:
        with open(path, "rb") as file:
            # (``marshal.load`` asks the file for each item: a method call per int of a compiled
            # form, ten times slower than decoding the bytes read at once)
            kept = marshal.loads(file.read())
    except Exception:  # missing, unreadable or damaged
        return None
    if type(kept) is not tuple or len(kept) != len(key) + 1 or kept[:-1] != key or not _plain(kept[-1]):
        return None
    return kept[-1]


def _save(path: str, key: tuple, value: object) -> None:
    import tempfile  # (only a run that compiles a pattern needs it)

    global _store_broken
    if _store_broken or not _plain(value):
        return
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as file:
                marshal.dump((*key, value), file)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        _store_broken = True  # (a read-only or full disk: compile as usual from now on)


def _plain(value: object) -> bool:
    """Whether ``value`` is made of plain data only."""
    kind = type(value)
    if kind in _CONTAINERS:
        # the types of the items first, at C speed: a compiled form holds lists of thousands of ints
        kinds = set(map(type, value))
        return kinds <= _PLAIN_TYPES or all(_plain(item) for item in value)
    if kind is dict:
        return _plain(tuple(value)) and _plain(tuple(value.values()))
    return kind in _PLAIN_TYPES
