"""WordStarts: one automaton pass over a text's character classes finds where keys start words
and which words stand alone, with offsets into the text as written."""

import pytest

from geoevents.wordstarts import OTHER, WordStarts, character_classes, padded_classes


def found(index: WordStarts, text: str) -> tuple[list[tuple[int, tuple]], set[str]]:
    hits = index.hits(padded_classes(text))
    return sorted(index.starts(hits)), index.words(hits, text)


@pytest.mark.parametrize("text", ["plain words, and punctuation!", "a caf\u00e9 \u2019quoted\u2019 \u2014 dash",
                                  "\u0130stanbul \U0001f600 ok?", "tab\tand_underscore", ""])
def test_the_classes_of_a_text_are_as_long_as_the_text(text):
    classes = character_classes(text)
    assert len(classes) == len(text)
    assert all(c == " " for c, t in zip(classes, text, strict=True) if t in " ,!?\t\u2019\u2014")


def test_letters_digits_stay_and_other_characters_are_one_class():
    assert character_classes("ab9 X\u00e9?") == "ab9 " + OTHER + OTHER + " "


def test_a_key_is_found_only_where_it_starts_a_word():
    index = WordStarts({"deploy": ["d"], "end": ["e"]}, ())
    text = "they redeployed at the weekend; deployed (end) troops"
    assert found(index, text)[0] == [(text.index("deployed ("), ("d",)), (text.index("end)"), ("e",))]


def test_a_key_may_follow_any_character_that_is_no_ascii_word_character():
    index = WordStarts({"sent": ["s"]}, ())
    text = "\u00e9sent \u201csent X-sent 2sent _sent"
    assert [start for start, _ in found(index, text)[0]] == [1, 7, 14]


def test_words_stand_between_separators_or_the_ends_of_the_text():
    index = WordStarts({}, ["alert", "taliban"])
    assert found(index, "alert")[1] == {"alert"}
    assert found(index, "alerted troops; the Taliban")[1] == set()  # (the text is lower-cased by the caller)
    assert found(index, "on high alert\u2014the taliban_ fighters")[1] == {"alert", "taliban"}
    assert found(index, "high-alertness, xtaliban")[1] == set()


def test_a_word_with_letters_beyond_ascii_is_reported_only_where_it_is():
    index = WordStarts({}, ["s\u00e9l\u00e9ka"])
    assert found(index, "the s\u00e9l\u00e9ka rebels")[1] == {"s\u00e9l\u00e9ka"}
    assert found(index, "the s\u00e1l\u00f3ka rebels")[1] == set()  # same classes, other letters


def test_a_key_starting_with_a_separator_is_not_found_before_the_text():
    index = WordStarts({" of": ["o"]}, ())
    assert found(index, "of course")[0] == []
    assert found(index, "head of state")[0] == [(4, ("o",))]
