"""The position helpers of ``reach``: they read only the spaces next to a position."""

import pytest

from geoevents import cachedregex as regex
from geoevents.reach import char_before, match_at, skip_space


@pytest.mark.parametrize("text, pos, expected", [
    ("troops,  leaving", 9, ","),
    ("troops \n\t leaving", 10, "s"),
    ("   leaving", 3, ""),
    ("", 0, ""),
])
def test_char_before_skips_only_white_space(text, pos, expected):
    assert char_before(text, pos) == expected


@pytest.mark.parametrize("text, pos, expected", [
    ("to  \n the", 2, 6),
    ("to", 2, 2),
    ("to   ", 2, 5),
])
def test_skip_space_stops_at_the_next_character(text, pos, expected):
    assert skip_space(text, pos) == expected


def test_match_at_reads_no_further_than_its_reach():
    far = "x" * 2000 + "end"
    assert match_at(regex.compile(r"x+end"), far, 0) is None
    assert match_at(regex.compile(r"x+"), far, 0).end() == 1000
