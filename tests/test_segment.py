import pytest
import regex

from geoevents.segment import sentence_near, split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Gen. Jones in the capital on Friday.",
        "U.S. troops arrived in Poland on Jan. 5 for drills.",
        "The U.N. envoy said talks would resume.",
        "Lt. Col. Ana Reyes led the convoy along the St. Lawrence river.",
        "John F. Kennedy visited the base.",
    ],
)
def test_abbreviations_do_not_end_sentences(text):
    assert sentences(text) == [text]


def test_splits_on_terminal_punctuation():
    text = "Troops left the town. Residents returned! Was it over? Nobody knew."
    assert sentences(text) == ["Troops left the town.", "Residents returned!", "Was it over?", "Nobody knew."]


def test_initialism_at_end_of_sentence_before_a_typical_opener():
    text = "The drills were led by the U.S. The army said they went well."
    assert sentences(text) == ["The drills were led by the U.S.", "The army said they went well."]


def test_headline_lines_are_sentences():
    text = "Army pulls out of border town\n\nThe withdrawal began at dawn."
    assert sentences(text) == ["Army pulls out of border town", "The withdrawal began at dawn."]


def test_closing_quote_stays_with_its_sentence():
    text = 'He said: "We will leave." The troops left.'
    assert sentences(text) == ['He said: "We will leave."', "The troops left."]


def test_hard_wrapped_lines_are_joined():
    text = "The navy said the exercise would\ncontinue until Friday."
    assert sentences(text) == [text]


def test_offsets_point_into_the_text():
    text = "  First one.   Second one.  "
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]
        assert text[start:end] in ("First one.", "Second one.")


def test_white_space_is_what_regex_calls_white_space():
    import sys

    import regex

    from geoevents.segment import WHITE_SPACE

    every_character = "".join(map(chr, range(sys.maxunicode + 1))).encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace")
    assert "".join(regex.findall(r"\s", every_character)) == WHITE_SPACE



@pytest.mark.parametrize("tail", ["", "  ", "\n\n \t", "\u2003\n", "\x1c", "x\x1c ", ". \x1f\n"])
def test_trailing_white_space_is_left_out_of_the_scan(tail):
    """Stripping the white space the old end-anchored pattern found gives the same sentences."""
    import regex

    from geoevents import segment

    text = "Troops left the town. Residents returned." + tail
    trailing = regex.search(r"(?<!\s)\s++\Z", text)
    assert len(text.rstrip(segment.WHITE_SPACE)) == (trailing.start() if trailing else len(text))
    assert sentences(text)[0] == "Troops left the town."


def _generated_texts():
    """Long texts of sentence-like pieces: abbreviations, initialisms, quotes, line breaks,
    runs of stops and blank lines, so that the finder jumps over stretches of all kinds."""
    import random

    pieces = ["Troops left the town", "Mr. Smith met Gen. Jones", "the U.S. Army said", "in Jan. 5",
              "\"We will leave.\"", "(drills ended.)", "...", "!!", "?", ". ", ".\n", "\n\n", "\n", "  ",
              " \u00a0", "\t", "and", "she", "The", "U.S.", "forces", "’", "e.g.", "--", "”", "'", ")"]
    for seed in range(30):
        rnd = random.Random(seed)
        size = rnd.choice([50, 400, 3000, 9000])
        yield "".join(rnd.choice(pieces) + rnd.choice([" ", "", ". ", "\n"]) for _ in range(size // 8))
    yield "word " * 3000  # one long sentence
    yield "Fire. " * 2000 + "x" + " y" * 3000


def test_the_finder_cuts_the_sentences_that_splitting_the_whole_text_cuts():
    import bisect
    import random

    from geoevents.segment import SentenceFinder

    for text in _generated_texts():
        sentences = split_sentences(text)
        starts = [s for s, _ in sentences]
        rnd = random.Random(len(text))
        for step in (1, 97, 2500, 7000):
            positions = sorted({rnd.randrange(len(text)) for _ in range(max(1, len(text) // step))})
            finder = SentenceFinder(text)
            for position in positions:
                index = bisect.bisect_right(starts, position) - 1
                assert finder.holding(position) == (sentences[index] if index >= 0 else None), position


def test_boundary_candidates_are_those_the_pattern_finds_scanning_every_position():
    from geoevents.segment import _CANDIDATE, _candidates

    odd = ["a. \n\n b", "x  \n \t\ny", "end.\u2003Next", "Why?!  \"Yes.\" )] No", "one\n\n\n", " \t \n", "....",
           "\n\nA", "a\n b", "a \u00a0\nB", "Q.\x1cR", "end.\u2028Next"]
    for text in [*_generated_texts(), *odd]:
        for position, limit in ((0, len(text)), (len(text) // 3, len(text)), (1, max(1, len(text) - 3))):
            expected = [m.span() for m in _CANDIDATE.finditer(text, position, limit)]
            assert [m.span() for m in _candidates(text, position, limit)] == expected, (text[:80], position)


def test_boundary_candidates_agree_from_any_position_even_inside_the_blanks_before_a_line_break():
    from geoevents.segment import _CANDIDATE, _candidates

    for text in ["Done. \t \nNext line", "a  \n  \nb. c", "\t\n x !\n", "no stop here", " \n"]:
        for position in range(len(text) + 1):
            for limit in range(position, len(text) + 1):
                expected = [m.span() for m in _CANDIDATE.finditer(text, position, limit)]
                assert [m.span() for m in _candidates(text, position, limit)] == expected, (text, position, limit)


def test_the_word_before_a_stop_is_the_whole_run_of_non_space_before_it():
    from geoevents.segment import _WORD_BEFORE

    text = "Talks with Gen.\u00a0Smith (U.S.) ended\tat 5 p.m.\x1cThen"
    for end in range(len(text) + 1):
        for start in range(end + 1):
            forward = regex.compile(r"(\S+)$").search(text, start, end)
            found = _WORD_BEFORE.search(text, start, end)
            assert (found and found.group(1)) == (forward and forward.group(1)), (start, end)


def test_sentence_near_is_the_sentence_holding_a_position():
    """Read only around a position, the sentence is the one the whole text is cut into; one
    longer than the reach is not given."""
    text = ("The convoy left at dawn. Gen. Smith said the U.S. team would stay! Was it over? "
            "Nobody knew.\nA new line starts here. ") * 40 + "and so on " * 400 + "The end. "
    sentences = split_sentences(text)
    for position in range(0, len(text), 7):
        holding = [s for s in sentences if s[0] <= position][-1:] or [None]
        near = sentence_near(text, position, 200)
        if near is None:
            assert holding[0] is None or holding[0][1] - holding[0][0] > 200 or text[position].isspace()
        else:
            assert near == holding[0]
