"""No pattern backtracks catastrophically: every stage runs in time linear in its input.

Each stage runs on pathological text of two sizes, n and 4n: one long line, punctuation, one
word repeated. Linear work takes about 4 times as long on the larger text, quadratic work 16
times; the test allows up to ``MAX_GROWTH``, so it proves the shape, not a wall-clock time.
"""

import ast
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from geoevents import parts, pipeline, temporal
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

# Sentences of one event each (with actors, places, dates, sizes, status words), repeated: any
# work per mention that grows with the rest of the document, or with what came before, shows
EVENTFUL = {
    "withdrawal, date counted from the last": "Marines pulled out of the port two days later. ",
    "joint drill, parties, place, day": "Polish and Lithuanian troops staged joint drills near Vilnius on Friday. ",
    "deployment with a size and a source": "Canada sent 400 soldiers to Latvia this month, a spokesman said. ",
    "status words": "A spokesman denied that the brigade would pull out of the valley. ",
    "beyond ASCII": "Soldiers withdrew from the village the following week – residents said. ",
}
FILLER = "Rain fell on the hills and the rivers rose. "  # no trigger: cheap to read
EVENTS_PER_TEXT = 60
FILLER_SIZE = 512 * KB
MAX_POSITION_COST = 1.6  # the costlier order against the cheaper: 1 when work per event is bounded


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


def _cpu_time(run: Callable[[], list], runs: int = 3) -> tuple[float, int]:
    """The least CPU time of ``runs`` runs, and how many results a run gave."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        found = len(run())
        best = min(best, time.process_time() - started)
    return best, found


@pytest.mark.parametrize("name", EVENTFUL)
def test_work_per_event_does_not_grow_with_the_document(name):
    """The same events cost alike before and after half a megabyte of other text: no stage reads
    the rest of the document once per mention (``regex`` given a start and no end reads on to
    the end of the text), nor all of it before the mention."""
    events = EVENTFUL[name] * EVENTS_PER_TEXT
    filler = _text(FILLER, FILLER_SIZE)
    first, found_first = _cpu_time(lambda: extract(events + filler, published="2021-07-28"))
    last, found_last = _cpu_time(lambda: extract(filler + events, published="2021-07-28"))
    assert min(found_first, found_last) >= EVENTS_PER_TEXT - 1  # (each sentence an event)
    ratio = max(first, last) / min(first, last)
    if ratio > MAX_POSITION_COST:  # measured again: a burst of other work on the machine is no regression
        first = min(first, _cpu_time(lambda: extract(events + filler, published="2021-07-28"))[0])
        last = min(last, _cpu_time(lambda: extract(filler + events, published="2021-07-28"))[0])
        ratio = max(first, last) / min(first, last)
    assert ratio < MAX_POSITION_COST


# A bracketed aside in a sentence with a trigger: its clause is found with the brackets masked
BRACKETED_EVENT = "Dutch marines (some 300 of them) were deployed to Cyprus on Tuesday, a minister said. "
EVENT_SPACING = 20 * KB  # characters of filler between two events
MB = KB * KB


def _one_line_document(size: int) -> str:
    """``size`` characters on one line: an event every ``EVENT_SPACING`` characters, filler between."""
    return _text(_text(FILLER, EVENT_SPACING) + BRACKETED_EVENT, size)


def test_a_long_one_line_document_costs_the_same_per_event():
    """An event costs alike in a document of 2 and of 8 megabytes (a copy of the whole text per
    event, as masking brackets once made, costs three times more per event in the larger one).
    The larger document is read in parts (``parts.LARGE_DOCUMENT``)."""
    def cost_per_event(size: int) -> float:
        text = _one_line_document(size)
        cost, found = _cpu_time(lambda: extract(text, published="2021-07-28"), runs=1)
        assert found >= size // (EVENT_SPACING + len(BRACKETED_EVENT))
        return cost / found

    extract(BRACKETED_EVENT)  # (the lexicons are read before the clock starts)
    small, large = cost_per_event(2 * MB), cost_per_event(8 * MB)
    if large / small > MAX_POSITION_COST:  # measured again: a burst of other work on the machine is no regression
        small, large = min(small, cost_per_event(2 * MB)), min(large, cost_per_event(8 * MB))
    assert large / small < MAX_POSITION_COST


def test_a_long_document_is_read_without_copies_of_the_whole_text(monkeypatch):
    """A 4 MB document read in parts of 60,000 characters never holds more memory at once than
    its text's size: no copy of the whole text is made (lower-cased, classed for the scan, with
    brackets masked, stripped of trailing space: four or more of them once), and no cache holds
    on to the parts read."""
    monkeypatch.setattr(parts, "LARGE_DOCUMENT", MB // 2)
    monkeypatch.setattr(parts, "PART", 100 * parts.WINDOW)
    spacing = 200 * KB
    text = _text(_text(FILLER, spacing) + BRACKETED_EVENT, 4 * MB) + " \n"
    extract(text[:MB], published="2021-07-28")  # (lexicons and patterns are read before)
    tracemalloc.start()
    try:
        found = len(extract(text, published="2021-07-28"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found >= len(text) // (spacing + len(BRACKETED_EVENT))
    assert peak < len(text)


def test_a_document_read_in_parts_gives_the_events_of_the_whole(monkeypatch):
    """Parts cut where sentences start, and in a long unpunctuated stretch, with margins read
    around them: the events, offsets and links are those of the document read at once."""
    sentences = "".join(EVENTFUL.values()) + BRACKETED_EVENT
    stretch = _text("troops held drills near the border and ", 40 * KB)  # one "sentence" across a cut
    text = _text(FILLER, 50 * KB).join([sentences * 20, stretch, sentences * 20, ""]) + sentences * 20
    whole = [event.to_dict() for event in extract(text, published="2021-07-28")]
    monkeypatch.setattr(parts, "LARGE_DOCUMENT", 100 * KB)
    monkeypatch.setattr(parts, "PART", 60 * parts.WINDOW)
    in_parts = [event.to_dict() for event in extract(text, published="2021-07-28")]
    cuts = parts.part_starts(text)
    assert len(cuts) >= 5
    assert any(text.index(stretch) < cut < text.index(stretch) + len(stretch) for cut in cuts)
    assert len(whole) > 100
    assert in_parts == whole


# Calls that may read to the end of the text: the wrappers that pass on an end their callers
# give (WordList), and a match of ASCII letters that stops at the first other character.
UNBOUNDED_ALLOWED = {
    ("clauses.py", "self.pattern.match(text, pos)"),
    ("clauses.py", "self.pattern.fullmatch(text, pos)"),
    ("clauses.py", "_ASCII_LETTERS.match(text, pos)"),
}


def _pattern_calls_from_a_position(path: Path) -> list[str]:
    """``pattern.match(text, pos)`` and the like: a start given, no end (``regex.match(pattern,
    text)`` takes no start)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"match", "fullmatch", "search", "finditer", "findall"}
                and len(node.args) == 2 and not node.keywords
                and not any(isinstance(a, ast.Starred) for a in node.args)
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex"))):
            found.append(ast.unparse(node))
    return found


def test_no_pattern_reads_from_a_position_to_the_end_of_the_document():
    # regex reads the rest of the text for a pattern's required words when it is given a start
    # and no end: once per event, that makes long documents quadratic (use reach.match_at)
    package = Path(pipeline.__file__).parent
    unbounded = [(path.name, call) for path in sorted(package.rglob("*.py"))
                 for call in _pattern_calls_from_a_position(path)]
    assert [c for c in unbounded if c not in UNBOUNDED_ALLOWED] == []
