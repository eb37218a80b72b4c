"""The configuration file and the list of user rule files it names.

Where it is looked for, first found wins: ``--config PATH``; ``$GEOEVENTS_CONFIG``;
``./geoevents.toml``; ``$XDG_CONFIG_HOME/geoevents/config.toml`` (``~/.config/...``).

    # geoevents.toml
    rules = ["rules/airlifts.yaml", "rules/local-places.toml"]   # relative to this file
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .userrules import RuleFileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def config_path(explicit: str | None) -> Path | None:
    """The configuration file in use, or None; an explicit path that does not exist is an error."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise RuleFileError(f"{path}: no such configuration file")
        return path
    candidates = [os.environ.get("GEOEVENTS_CONFIG"), "geoevents.toml"]
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    candidates.append(str(Path(home) / "geoevents" / "config.toml"))
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


def rule_files(cli_rules: Sequence[str] | None, explicit_config: str | None = None) -> tuple[str, ...]:
    """Rule files from the configuration file, then those given with ``--rules``."""
    files: list[str] = []
    path = config_path(explicit_config)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise RuleFileError(f"{path}: not a valid configuration file ({error})") from None
        unknown = sorted(set(data) - {"rules"})
        if unknown:
            raise RuleFileError(f"{path}: unknown setting {unknown[0]!r} (known: rules)")
        listed = data.get("rules", [])
        if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
            raise RuleFileError(f"{path}: 'rules' must be a list of file paths")
        files += [str(path.resolve().parent / item) for item in listed]
    files += list(cli_rules or [])
    return tuple(files)
