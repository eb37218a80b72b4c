"""No pattern backtracks catastrophically: every stage runs in time linear in its input.

Each stage runs on pathological text of two sizes, n and 4n: one long line, punctuation, one
word repeated. Linear work takes about 4 times as long on the larger text, quadratic work 16
times; the test allows up to ``MAX_GROWTH``, so it proves the shape, not a wall-clock time.
"""

import time
from collections.abc import Callable

import pytest

from geoevents import temporal
from geoevents.document import find_published
from geoevents.gazetteer import load_gazetteer
from geoevents.pipeline import extract
from geoevents.segment import split_sentences
from geoevents.triggers import load_lexicon

MAX_GROWTH = 8.0  # 4n against n: 4 when linear, 16 when quadratic
MEASURABLE = 0.005  # seconds: shorter runs are mostly timer noise
KB = 1024
PROSE = "Officials said the talks would go on next week, while others left the city early. "

PATHOLOGICAL = {
    "prose on one line": PROSE,
    "punctuation": ".,;:!?-()[]'\"/ ",
    "periods": ".",
    "blanks": " \t",
    "blank lines": " \n",
    "one letter": "a",
    "trigger word": "drills ",
    "exclusion lead": "withdrew from the ",
    "initialisms": "U.S. ",
    "capitalised names": "New York ",
    "dates": "March 5-10, ",
    "digits": "1999 ",
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def growth(run: Callable[[str], object], unit: str, size: int) -> float:
    def best_time(n: int) -> float:
        text = _text(unit, n)
        best = float("inf")
        for _ in range(3):
            started = time.process_time()  # CPU time of this process: other work on the machine counts less
            run(text)
            best = min(best, time.process_time() - started)
        return best

    small = best_time(size)
    for _ in range(2):  # a stage that is too fast to time well runs on more text
        if small >= MEASURABLE:
            break
        size *= 4
        small = best_time(size)
    ratio = best_time(4 * size) / max(small, 1e-3)
    if ratio > MAX_GROWTH:  # measured again: a burst of other work on the machine is not quadratic
        ratio = min(ratio, best_time(4 * size) / max(best_time(size), 1e-3))
    return ratio


def _scan(text: str) -> None:
    for _ in load_lexicon().scan(text):
        pass


def _exclusions(text: str) -> None:
    lowered = text.lower()
    for exclusion in load_lexicon().exclusions:
        for _ in exclusion.pattern.finditer(lowered):
            pass


def _context_words(text: str) -> None:
    lexicon = load_lexicon()
    lowered = text.lower()
    for pattern in (lexicon.forces, lexicon.military):
        for _ in pattern.finditer(lowered):
            pass


STAGES = {
    "trigger scan": (_scan, 512 * KB),
    "exclusions": (_exclusions, 128 * KB),
    "context words": (_context_words, 256 * KB),
    "segmenter": (split_sentences, 256 * KB),
    "gazetteer": (lambda text: load_gazetteer().find(text), 128 * KB),
    "temporal": (lambda text: temporal.tag(text, None), 128 * KB),
    "publication date": (find_published, 256 * KB),
}


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_stage_is_linear(stage, name):
    run, size = STAGES[stage]
    assert growth(run, PATHOLOGICAL[name], size) < MAX_GROWTH


@pytest.mark.parametrize("name", ["prose on one line", "trigger word", "punctuation", "dates"])
def test_whole_pipeline_is_linear(name):
    assert growth(lambda text: extract(text, published="2021-07-28"), PATHOLOGICAL[name], 64 * KB) < MAX_GROWTH
