"""The ``regex`` module, its ``compile`` served from the cache of compiled patterns on disk.

Modules import it in ``regex``'s place (``from . import cachedregex as regex``): their patterns,
compiled at import or on first use, are then rebuilt from their compiled form instead of being
parsed again on every run (see ``patterncache``). Everything else is ``regex``'s own.
"""

from regex import *  # noqa: F403 (flags, escape, Pattern, Match, error, ...)
from regex import __version__  # noqa: F401

from .patterncache import compile_pattern as compile  # noqa: A001, F401
