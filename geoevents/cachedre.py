"""The standard library's ``re``, its ``compile`` served from the cache of compiled patterns on
disk (see ``patterncache``): modules that match with ``re`` import it in its place
(``from . import cachedre as re``). Everything else is ``re``'s own."""

from re import *  # noqa: F403 (flags, escape, Pattern, Match, error, sub, ...)

from .patterncache import compile_standard as compile  # noqa: A001, F401
