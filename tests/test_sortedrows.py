"""A sorted TSV text parsed block by block answers exactly as the whole dictionary would."""

import pytest

from geoevents.gazetteer import _read
from geoevents.sortedrows import SortedRows

LINES = ["A\t1", "Ab\t2", "Ab c\t3", "Abd\t4", "B\t5", "Ba\t6\t7", "a\t8", "ab\t9", "Éa\t10", "ü\t11"]


def whole(lines):
    return dict(line.split("\t", 1) for line in lines)


def test_every_key_and_every_near_miss_is_answered_as_by_the_dictionary():
    rows = SortedRows("\n".join(LINES) + "\n")
    expected = whole(LINES)
    probes = {"", "A", "Ab", "Ab ", "Ab c", "Ab cd", "Abc", "Abd", "Abe", "B", "Ba", "Bb", "C", "a", "ab", "b", "É",
              "Éa", "ü", "üa", "\U0010ffff"}
    for key in probes:
        assert (key in rows) == (key in expected), key
        assert rows.get(key) == expected.get(key), key
    assert dict(rows) == expected and list(rows) == list(expected)


def test_longer_blocks_answer_as_the_dictionary_too():
    lines = sorted(["gn:1\t1", "gn:12\t2", "gn:120\t3", "gn:1201\t4", "gn:121\t5", "gn:2\t6", "gn:21\t7", "ABW\t8",
                    "ABWX\t9", "rg:9\t10", "\U0010ffff\U0010ffff\t11"])
    expected = whole(lines)
    probes = {*expected, "", "g", "gn", "gn:", "gn:0", "gn:11", "gn:12 ", "gn:1202", "gn:13", "gn:3", "AB", "ABX", "z",
              "\U0010ffff", "\U0010ffff\U0010ffff\U0010ffff"}
    for length in (1, 3, 4, 6):
        rows = SortedRows("\n".join(lines) + "\n", block_prefix=length).with_rows({"gn:1200": "x", "gn:12": "new"})
        for key in probes:
            wanted = {**expected, "gn:1200": "x", "gn:12": "new"}
            assert (key in rows) == (key in wanted), (length, key)
            assert rows.get(key) == wanted.get(key), (length, key)


def test_the_last_line_may_lack_its_line_break():
    assert dict(SortedRows("A\t1\nB\t2")) == {"A": "1", "B": "2"}
    assert SortedRows("A\t1\nB\t2")["B"] == "2"
    assert dict(SortedRows("")) == {}


def test_extra_rows_replace_or_add_in_blocks_ranges_and_the_whole():
    rows = SortedRows("\n".join(LINES) + "\n").with_rows({"Ab": "new", "Abz": "added"})
    assert rows["Ab"] == "new" and rows["Abz"] == "added" and rows["Abd"] == "4"
    assert rows.between("Ab", "B") == {"Ab": "new", "Ab c": "3", "Abd": "4", "Abz": "added"}
    assert list(rows)[-1] == "Abz" and rows["A"] == "1"


def test_ranges():
    rows = SortedRows("\n".join(LINES) + "\n")
    assert list(rows.between("a", "{")) == ["a", "ab"]
    assert list(rows.between("\x80")) == ["Éa", "ü"]


@pytest.mark.parametrize("name", ["aliases.tsv", "entities.tsv"])
def test_the_packaged_files_are_sorted_and_read_as_before(name):
    text = _read(name)
    lines = text.split("\n")[:-1]
    assert lines == sorted(lines)
    assert text.splitlines() == lines  # no line break but "\n" inside a line
    assert not any(c < "\t" for line in lines for c in line)  # nothing sorts before the tab after a key
    assert SortedRows(text).whole() == whole(lines)
