"""The cache of compiled patterns on disk: the same patterns, never a wrong one, no set-up."""

from __future__ import annotations

import copyreg
import marshal
import re
import sys
from pathlib import Path

import pytest
import regex

from geoevents import cachedre, patterncache
from geoevents.lazypattern import LazyPattern, longest_first
from geoevents.prefixes import match_prefixes

SOURCE = r"\b(?:(?P<verb>sends?|sent)\s+(?:\d+\s+)?troops|drills?)\b"
TEXT = "Ruritania SENDS 300 troops; the drills went on. Osterlich sent troops, then a drill."


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(patterncache.CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(patterncache, "_store_broken", False)
    _forget_settings()
    yield tmp_path / "cache"
    _forget_settings()


def _forget_settings() -> None:
    patterncache._base_folder.cache_clear()
    patterncache._installation.cache_clear()


def _pattern_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("patterns-*/*"))


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
    assert len(_pattern_files(cache_dir)) == 2  # one file per pattern and flags
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
    (path,) = _pattern_files(cache_dir)
    for damage in (b"", b"not marshal data", path.read_bytes()[:-7]):
        path.write_bytes(damage)
        assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.compile(SOURCE))
        assert path.read_bytes() not in (b"", damage)  # written again whole


def test_a_file_holding_another_pattern_is_not_used(cache_dir: Path) -> None:
    other = r"\bwithdr[ae]w\b"
    patterncache.compile_pattern(SOURCE)
    patterncache.compile_pattern(other)
    source_path, other_path = sorted(_pattern_files(cache_dir), key=lambda p: b"withdr" in p.read_bytes())
    source_path.write_bytes(other_path.read_bytes())  # as if two patterns' names collided
    assert patterncache.compile_pattern(SOURCE).pattern == SOURCE


def test_a_file_of_another_regex_installation_is_not_used(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterncache.compile_pattern(SOURCE)
    (path,) = _pattern_files(cache_dir)
    installation, *rest = marshal.loads(path.read_bytes())
    monkeypatch.setattr(patterncache.regex, "__version__", "0.0.0")
    patterncache._installation.cache_clear()
    moved = path.parent.parent / ("patterns-" + patterncache._hashed(patterncache._installation())) / path.name
    moved.parent.mkdir()
    moved.write_bytes(marshal.dumps((installation, *rest)))  # as if the folders' names clashed
    seen = []
    monkeypatch.setattr(patterncache.regex, "compile", lambda *args: seen.append(args) or regex.Regex(*args))
    assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.Regex(SOURCE))
    assert seen == [(SOURCE, 0)]
    assert marshal.loads(moved.read_bytes())[0] == patterncache._installation() != installation


def test_an_unwritable_folder_falls_back_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(patterncache.CACHE_DIR_VARIABLE, str(blocker / "cache"))  # cannot be made
    monkeypatch.setattr(patterncache, "_store_broken", False)
    _forget_settings()
    try:
        assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.compile(SOURCE))
        assert patterncache._store_broken
        assert _spans(patterncache.compile_pattern(SOURCE, regex.I)) == _spans(regex.compile(SOURCE, regex.I))
    finally:
        _forget_settings()


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(patterncache.CACHE_DIR_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget_settings()
    try:
        assert patterncache.cache_folder() is None
        assert _spans(patterncache.compile_pattern(SOURCE)) == _spans(regex.compile(SOURCE))
        assert match_prefixes(r"\bsent\b") == frozenset({"sent"})
        assert not any(tmp_path.iterdir())
    finally:
        _forget_settings()


def test_locale_patterns_are_not_kept(cache_dir: Path) -> None:
    patterncache.compile_pattern(r"(?L)\bdrills?\b")
    assert not _pattern_files(cache_dir)


def test_longest_first_is_the_same_whatever_the_order() -> None:
    words = ["troops", "drill", "forces", "tanks", "drill", "exercise"]
    assert longest_first(words) == longest_first(reversed(words)) == longest_first(set(words))
    assert longest_first(words) == ["exercise", "forces", "troops", "drill", "tanks"]


def test_remembered_results_are_kept_and_keyed_on_the_argument(cache_dir: Path) -> None:
    calls: list[str] = []

    def prefixes_of(pattern: str) -> frozenset[str] | None:
        calls.append(pattern)
        return None if pattern.startswith("(") else frozenset({pattern[:3], pattern[:4]})

    kept = patterncache.remembered(prefixes_of)
    for _round in range(2):
        assert kept("deploys") == frozenset({"dep", "depl"})
        assert kept("(?:x)") is None  # (None is a result too)
    assert calls == ["deploys", "(?:x)"]
    pattern = r"\b(?:withdr[ae]w|pull(?:s|ed)? out)\b"
    assert match_prefixes(pattern) == match_prefixes(pattern) == match_prefixes.__wrapped__(pattern)
    assert "withdrew" in match_prefixes(pattern)
    assert sorted(p.parent.name.split("-")[0] for p in cache_dir.glob("*/*")) == ["results"] * 3


def test_remembered_results_depend_on_the_function_module_source(cache_dir: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    module = tmp_path / "derive.py"
    module.write_text("def first(word):\n    return word[:2]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import derive

    assert patterncache.remembered(derive.first)("troops") == "tr"
    module.write_text("def first(word):\n    return word[:3]\n")  # a new version of the module
    del sys.modules["derive"]
    import derive  # noqa: F811

    assert patterncache.remembered(derive.first)("troops") == "tro"


# -- the standard library's ``re`` ------------------------------------------------------------

STANDARD_SOURCE = r"(?:about\s+)?(?P<count>\d+|two|three)\s+(?P<unit>days?|weeks?)(?!\w)"
STANDARD_TEXT = "Drills ran for three days, then about 2 weeks more; 10 weekdays later they ended."


def _standard_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("standard-*/*"))


def _standard_matches(pattern: re.Pattern) -> list[tuple[int, int, str, str]]:
    return [(m.start(), m.end(), m.group("count"), m.group("unit")) for m in pattern.finditer(STANDARD_TEXT)]


def test_a_standard_pattern_read_back_is_the_pattern_compiled(cache_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    for flags in (0, re.IGNORECASE):
        assert patterncache.compile_standard(STANDARD_SOURCE, flags) == re.compile(STANDARD_SOURCE, flags)
    assert len(_standard_files(cache_dir)) == 2
    expected_by_flags = {flags: re.compile(STANDARD_SOURCE, flags) for flags in (0, re.IGNORECASE)}
    with monkeypatch.context() as patch:
        def refuse(*_args, **_kwargs):
            raise AssertionError("compiled again instead of read from the cache")

        patch.setattr(patterncache.re, "compile", refuse)
        patch.setattr(patterncache._re_parser, "parse", refuse)
        kept_by_flags = {flags: patterncache.compile_standard(STANDARD_SOURCE, flags) for flags in expected_by_flags}
    for flags, expected in expected_by_flags.items():
        kept = kept_by_flags[flags]
        assert kept == expected  # (equal flags, pattern and code)
        assert kept.groupindex == expected.groupindex and kept.groups == expected.groups
        assert _standard_matches(kept) == _standard_matches(expected)
    assert len(_standard_matches(patterncache.compile_standard(STANDARD_SOURCE))) == 2
    assert len(_standard_matches(patterncache.compile_standard(STANDARD_SOURCE, re.IGNORECASE))) == 2


def test_a_damaged_standard_file_is_compiled_again(cache_dir: Path) -> None:
    patterncache.compile_standard(STANDARD_SOURCE)
    (path,) = _standard_files(cache_dir)
    good = path.read_bytes()
    installation, source, flags, (compiled_flags, code, *groups) = marshal.loads(good)
    wrong_code = marshal.dumps((installation, source, flags, (compiled_flags, code[:-3], *groups)))
    for damage in (b"", b"not marshal data", good[:-7], wrong_code):
        path.write_bytes(damage)
        assert patterncache.compile_standard(STANDARD_SOURCE) == re.compile(STANDARD_SOURCE)
        assert path.read_bytes() == good  # written again whole


def test_a_bad_standard_pattern_raises_as_re_does(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # unbalanced; what ``regex`` reads but ``re`` does not; a look-behind ``re`` finds too wide
    bad = [(r"(?P<unit>days", 0), (r"\p{Lu}+", 0), ("(?<=late\\s+)May", re.IGNORECASE), ("a\n(b", 0)]
    expected = []
    for source, flags in bad:
        with pytest.raises(re.error) as raised:
            re.compile(source, flags)
        expected.append((str(raised.value), raised.value.pos, raised.value.lineno))
        with pytest.raises(re.error) as raised:
            patterncache.compile_standard(source, flags)
        assert (str(raised.value), raised.value.pos, raised.value.lineno) == expected[-1]
    assert len(_standard_files(cache_dir)) == len(bad)  # kept as refused
    with monkeypatch.context() as patch:  # raised again from the cache, without parsing
        def refuse(*_args, **_kwargs):
            raise AssertionError("parsed again instead of read from the cache")

        patch.setattr(patterncache.re, "compile", refuse)
        patch.setattr(patterncache._re_parser, "parse", refuse)
        for (source, flags), error in zip(bad, expected, strict=True):
            with pytest.raises(re.error) as raised:
                patterncache.compile_standard(source, flags)
            assert (str(raised.value), raised.value.pos, raised.value.lineno) == error


def test_cachedre_is_re_with_the_cache(cache_dir: Path) -> None:
    assert cachedre.compile is patterncache.compile_standard
    assert cachedre.IGNORECASE is re.IGNORECASE and cachedre.error is re.error and cachedre.sub is re.sub
    assert cachedre.compile(STANDARD_SOURCE, cachedre.IGNORECASE) == re.compile(STANDARD_SOURCE, re.IGNORECASE)
    assert _standard_files(cache_dir)


def test_plain_data_is_told_from_the_rest() -> None:
    assert patterncache._plain((1, "a", b"b", None, [2, 3, (4, {"k": [5]})], frozenset({6})))
    assert not patterncache._plain([1, 2, 1.5])
    assert not patterncache._plain({"k": [1, object()]})
    assert not patterncache._plain({(1, 2.0): 3})
    assert not patterncache._plain(re.IGNORECASE)  # (an int, but not a plain one: marshal refuses it)
