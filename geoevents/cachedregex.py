"""The ``regex`` module, its ``compile`` served from the cache of compiled patterns on disk.

Modules import it in ``regex``'s place (``from . import cachedregex as regex``): their patterns,
compiled at import or on first use, are then rebuilt from their compiled form instead of being
parsed again on every run (see ``patterncache``). Everything else is ``regex``'s own, save
``escape``, which returns a word of ASCII letters and digits as it is without looking at each
character (the lexicons escape thousands of words as each process builds its patterns).
"""

import regex as _regex_module
from regex import *  # noqa: F403 (flags, Pattern, Match, error, ...)
from regex import __version__  # noqa: F401

from .lazypattern import with_standard
from .patterncache import compile_pattern


def compile(pattern, flags: int = 0):  # noqa: A001
    """``regex.compile``, from the cache on disk; where ``re`` reads the pattern alike, a
    ``lazypattern.DualPattern`` that matches plain ASCII text with ``re``."""
    return with_standard(compile_pattern(pattern, flags))


def escape(pattern, special_only: bool = True, literal_spaces: bool = False):
    """``regex.escape``: ASCII letters and digits are never escaped, so such a word is its own escape."""
    if type(pattern) is str and pattern.isascii() and pattern.isalnum():
        return pattern
    return _regex_module.escape(pattern, special_only, literal_spaces)
