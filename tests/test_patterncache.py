"""The cache of compiled patterns on disk: the same patterns, never a wrong one, no set-up."""

from __future__ import annotations

import copyreg
from pathlib import Path

import pytest
import regex

from geoevents import patterncache
from geoevents.lazypattern import LazyPattern, longest_first

SOURCE = r"\b(?:(?P<verb>sends?|sent)\s+(?:\d+\s+)?troops|drills?)\b"
TEXT = "Ruritania SENDS 300 troops; the drills went on. Osterlich sent troops, then a drill."


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(patterncache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(patterncache, "_store_broken", False)
    patterncache._folder.cache_clear()
    yield tmp_path / "cache"
    patterncache._folder.cache_clear()


def _compiled_form(pattern: regex.Pattern) -> tuple:
    return copyreg.dispatch_table[type(pattern)](pattern)[1]


def _spans(pattern: regex.Pattern) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.group("verb")) for m in pattern.finditer(TEXT)]


def _refuse_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("compiled again instead of read from the cache")

    monkeypatch.setattr(patterncache.regex, "compile", refuse)


def test_a_pattern_read_back_is_the_pattern_compiled(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for flags in (0, regex.IGNORECASE):
        expected = regex.compile(SOURCE, flags)
        first = patterncache.compile_pattern(SOURCE, flags)
        assert _compiled_form(first) == _compiled_form(expected)
    assert len(list(patterncache.cache_folder().iterdir())) == 2  # one file per pattern and flags
    expected_by_flags = {flags: regex.compile(SOURCE, flags) for flags in (0, regex.IGNORECASE)}
    with monkeypatch.context() as patch:
        _refuse_compiling(patch)
        for flags, expected in expected_by_flags.items():
            kept = patterncache.compile_pattern(SOURCE, flags)
            assert _compiled_form(kept) == _compiled_form(expected)
            assert _spans(kept) == _spans(expected)
            assert kept.groupindex == expected.groupindex and kept.flags == expected.flags
    # case matters without IGNORECASE only: the two files were not mixed up
    assert len(_spans(patterncache.compile_pattern(SOURCE, regex.IGNORECASE))) == 4
    assert len(_spans(patterncache.compile_pattern(SOURCE))) == 3


def test_lazy_patterns_use_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [m.span() for m in regex.finditer(SOURCE, TEXT, regex.IGNORECASE)]
    assert LazyPattern(SOURCE, regex.IGNORECASE).findall(TEXT)
    _refuse_compiling(monkeypatch)
    assert [m.span() for m in LazyPattern(SOURCE, regex.IGNORECASE).finditer(TEXT)] == expected


def test_a_damaged_file_is_compiled_again(cache_dir: Path) -> None:
    patterncache.compile_pattern(SOURCE)
    (path,) = patterncache.cache_folder().iterdir()
    for damage in (b"", b"not marshal data", path.read_bytes()[:-7]):
        path.write_bytes(damage)
        assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.compile(SOURCE))
        assert path.read_bytes() not in (b"", damage)  # written again whole


def test_a_file_holding_another_pattern_is_not_used(cache_dir: Path) -> None:
    other = r"\bwithdr[ae]w\b"
    patterncache.compile_pattern(SOURCE)
    patterncache.compile_pattern(other)
    paths = {p.read_bytes(): p for p in patterncache.cache_folder().iterdir()}
    source_path, other_path = sorted(paths.values(), key=lambda p: b"withdr" in p.read_bytes())
    source_path.write_bytes(other_path.read_bytes())  # as if two patterns' names collided
    assert patterncache.compile_pattern(SOURCE).pattern == SOURCE


def test_another_regex_installation_gets_another_folder(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = patterncache.cache_folder()
    monkeypatch.setattr(patterncache.regex, "__version__", "0.0.0")
    patterncache._folder.cache_clear()
    assert patterncache.cache_folder() not in (None, folder)
    assert patterncache.cache_folder().parent == folder.parent


def test_an_unwritable_folder_falls_back_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(patterncache.CACHE_DIR_VARIABLE, str(blocker / "cache"))  # cannot be made
    monkeypatch.setattr(patterncache, "_store_broken", False)
    patterncache._folder.cache_clear()
    try:
        assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.compile(SOURCE))
        assert patterncache._store_broken
        assert _spans(patterncache.compile_pattern(SOURCE, regex.I)) == _spans(regex.compile(SOURCE, regex.I))
    finally:
        patterncache._folder.cache_clear()


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(patterncache.CACHE_DIR_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    patterncache._folder.cache_clear()
    try:
        assert patterncache.cache_folder() is None
        assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.compile(SOURCE))
        assert not any(tmp_path.iterdir())
    finally:
        patterncache._folder.cache_clear()


def test_locale_patterns_are_not_kept(cache_dir: Path) -> None:
    patterncache.compile_pattern(r"(?L)\bdrills?\b")
    assert not cache_dir.exists() or not any(patterncache.cache_folder().iterdir())


def test_longest_first_is_the_same_whatever_the_order() -> None:
    words = ["troops", "drill", "forces", "tanks", "drill", "exercise"]
    assert longest_first(words) == longest_first(reversed(words)) == longest_first(set(words))
    assert longest_first(words) == ["exercise", "forces", "troops", "drill", "tanks"]
