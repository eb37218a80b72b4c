"""The dating stage's entry: a sentence's times (``sentence_times``: one counted from the date
last mentioned is read with the text before the sentence), an event's date found among them
(``dating.attach_date``), and that date checked against the event's tense, its report and the
publication day (``date_event``, then ``settled_date`` once the status is settled).

The tagger reads a year-less time ("on April 8", "in October") by the tense of its own clause and
a window around the publication day; the event's status, known only later, can show that reading
wrong. An event told as past is not dated after publication: a time its clause puts ahead (a
purpose, a deadline) is passed over, and a year-less day or month read ahead moves back a year
(a weekday a week). A planned event is not dated months before publication: a year-less month
read behind moves on a year. A bare weekday in the future of a past report ("said on Monday it
would withdraw on Wednesday") counts from the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from . import temporal
from .clauses import WORD
from .dating import (
    attach_date,
    bare_weekday,
    begins_after,
    calendar_words,
    phrases_pattern,
    states_a_year,
    tied_to_reporting_verb,
    timed_by_its_own_verb,
)
from .model import EventDate
from .status import in_own_clause, told_as_past
from .temporal import Timex
from .temporal.grammar import lexicon, rules
from .temporal.tense import tense_at


def sentence_times(text: str, published: date | None, sentence: tuple[int, int]) -> list[Timex]:
    """The time expressions of a sentence. One that counts from the date last mentioned ("The day
    before, ...", "the next day", "that day") is read again with the text before the sentence, so
    that it counts from the last date stated there, not from the publication day."""
    times = temporal.tag(text, published, *sentence)
    if sentence[0] == 0 or not any(t.rule in _reference_rules() for t in times):
        return times
    told_before = temporal.tag(text, published, _told_before_start(text, sentence[0]), sentence[1])
    again = {(t.start, t.end): t for t in told_before if t.start >= sentence[0] and t.rule in _reference_rules()}
    return [again.get((t.start, t.end), t) if t.rule in _reference_rules() else t for t in times]


# how far back (in characters) the date a sentence refers back to is looked for: a bound, so that
# a long document with many such sentences is not tagged from its start again for each one
REFERENCE_REACH = 3000


def _told_before_start(text: str, start: int) -> int:
    """Where the text read again before a sentence starts: REFERENCE_REACH characters back, moved
    on to the start of a word."""
    if start <= REFERENCE_REACH:
        return 0
    space = text.find(" ", start - REFERENCE_REACH, start)
    return start if space == -1 else space + 1


@cache
def _reference_rules() -> frozenset[str]:
    """The time rules whose value counts from the date last mentioned (``reference_ops``)."""
    ops = set(lexicon()["dating"]["reference_ops"])
    return frozenset(rule.id for rule in rules() if rule.op in ops)


def date_event(text: str, sentence: tuple[int, int], trigger: tuple[int, int], times: list[Timex],
               published: date | None, triggers: list[tuple[int, int]], status: str) -> EventDate | None:
    """The date of the event at ``trigger`` (its ``status`` as the sentence first tells it)."""
    found = attach_date(text, sentence, trigger, times, published, triggers, status)
    if found is not None and published is not None:
        found = _weekday_after_the_report(text, times, found, published)
        found = _deadline_ahead(text, found, published)
    if found is not None and status == "occurred" and published is not None:
        found = _not_ahead_of_a_past_event(text, sentence, trigger, times, published, triggers, found)
    return found


def _weekday_after_the_report(text: str, times: list[Timex], found: EventDate, published: date) -> EventDate:
    """"Russia said on Monday it would withdraw on Wednesday", published on Friday: a bare weekday
    in the future of a day that reports it ("would", "was to": ``future_in_past``) is the first
    such day after the report, not after publication."""
    if found.precision != "day" or found.start is None or not begins_after(found.start, published):
        return found
    if not bare_weekday(found.text):
        return found
    report = _reporting_day_before(text, times, found, published)
    if report is None or not phrases_pattern("future_in_past").search(text, report.end, found.offset_start):
        return found
    told = date.fromisoformat(report.begin)
    day = date.fromisoformat(found.start)
    moved = told + timedelta(days=(day.weekday() - told.weekday()) % 7 or 7)
    if moved >= day:
        return found
    return _moved(found, lambda iso: (date.fromisoformat(iso) - (day - moved)).isoformat())


# how many months before publication a year-less deadline must lie to be read as next year's
_DEADLINE_MONTHS_BACK = 4


def _deadline_ahead(text: str, found: EventDate, published: date) -> EventDate:
    """"brigades started to withdraw before the agreed deadline of September 11", written in May: a
    deadline named by its month and day, with no year, that the tagger read months before the
    publication day (its clause being past) is the coming one."""
    end = found.end or found.start
    if end is None or stated_year(found) or _months_before(end, published) < _DEADLINE_MONTHS_BACK:
        return found
    months, _, shifts = calendar_words()
    words = {w.lower().rstrip(".") for w in WORD.findall(found.text)}
    if words & shifts or not words & months or not _names_a_deadline(text, found):
        return found
    return _moved(found, lambda day: _year_shifted(day, 1))


def _names_a_deadline(text: str, found: EventDate) -> bool:
    """A deadline noun at most three words before the expression or two after it ("the deadline
    of September 11", "the May 1 withdrawal deadline")."""
    nouns = lexicon()["deadline_words"]
    before = WORD.findall(text, max(0, found.offset_start - 40), found.offset_start)[-3:]
    after = WORD.findall(text, found.offset_end, found.offset_end + 30)[:2]
    return (any(w.lower() in nouns["near_before"] for w in before)
            or any(w.lower() in nouns["near_after"] for w in after))


def _reporting_day_before(text: str, times: list[Timex], found: EventDate, published: date) -> Timex | None:
    """The last day before the date's expression, before publication, that a reporting verb is
    said on ("said on Monday", "Monday, the ministry said")."""
    days = [t for t in times if t.end <= found.offset_start and t.precision == "day" and t.begin is not None
            and t.begin == t.finish and t.begin < published.isoformat() and tied_to_reporting_verb(text, t)]
    return days[-1] if days else None


def settled_date(text: str, sentence: tuple[int, int], trigger: tuple[int, int], found: EventDate | None,
                 status: str, published: date | None) -> EventDate | None:
    """The date once the event's status is settled (after linking and ``adjust_for_date``): a
    year-less time read on the wrong side of the publication day for that status is moved."""
    if found is None or published is None:
        return found
    if status == "occurred":
        return _dated_as_told(text, sentence, trigger, found, published)
    if status == "planned" and in_own_clause(text, trigger, (found.offset_start, found.offset_end)):
        found = _scheduled_weekday_ahead(text, found, published)
        return after_publication_if_planned(found, published, text, sentence)
    return found


def _scheduled_weekday_ahead(text: str, found: EventDate, published: date) -> EventDate:
    """"preparing for the frigate's arrival, due Tuesday", told in a past report: a bare weekday
    right after a word that schedules it (``schedule_words``) dates a planned event, so it is the
    next such day, not the last one the past clause made the tagger read."""
    if found.precision != "day" or found.start is None or found.start >= published.isoformat() \
            or not bare_weekday(found.text):
        return found
    before = {w.lower() for w in WORD.findall(text, max(0, found.offset_start - 25), found.offset_start)[-3:]}
    if not before & _schedule_words():
        return found
    return _moved(found, lambda day: (date.fromisoformat(day) + timedelta(days=7)).isoformat())


@cache
def _schedule_words() -> frozenset[str]:
    return frozenset(lexicon()["dating"]["schedule_words"])


def _dated_as_told(text: str, sentence: tuple[int, int], trigger: tuple[int, int], found: EventDate,
                   published: date) -> EventDate:
    """An event told as past cannot come after publication: a year-less date the tagger read
    ahead ("began drills on April 8" in March) moves back to the last such day."""
    moved = before_publication(found, published, text, sentence)
    if moved is found or not told_as_past(text, sentence, trigger) or \
            not in_own_clause(text, trigger, (found.offset_start, found.offset_end)):
        return found
    return moved


def _not_ahead_of_a_past_event(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                               times: list[Timex], published: date, triggers: list[tuple[int, int]],
                               found: EventDate) -> EventDate | None:
    """"soldiers drove into the compound to get ready for the handover on June 30": an event
    told as past is not dated by a time after publication that its clause puts ahead (a purpose,
    a deadline), nor by a span counted from the publication day ("withdrew within five days": five
    days from a start the sentence does not give); the date is looked for again without that time."""
    ahead = begins_after(found.start, published) or _counted_from_publication(found, published)
    if not ahead or stated_year(found) or timed_by_its_own_verb(text, found) \
            or not told_as_past(text, sentence, trigger):
        return found  # (a year stated is meant; "are set to end on March 20" times the event itself)
    if in_own_clause(text, trigger, (found.offset_start, found.offset_end)) and \
            before_publication(found, published, text, sentence) is not found:
        return found  # moved back a year or a week later (_dated_as_told)
    others = [t for t in times if t.end <= found.offset_start or t.start >= found.offset_end]
    return attach_date(text, sentence, trigger, others, published, triggers, "occurred")


def _counted_from_publication(found: EventDate, published: date) -> bool:
    """Whether the date is a duration read as running from the publication day ("within a week")."""
    return (found.value or "").startswith("P") and found.start == published.isoformat()


def stated_year(found: EventDate) -> bool:
    """Whether the date's expression states its year ("April 2, 2024", "in '24")."""
    return states_a_year(found.text)


def before_publication(found: EventDate, published: date, text: str, sentence: tuple[int, int]) -> EventDate:
    """The date of an event told as past ("began a drill on April 8") that the tagger read after
    the publication day (it reads a month up to two months ahead as this year's): when the
    expression's own clause is past too, a month or day given without a year is last year's, a
    weekday last week's. A date with a year or a shift word ("next April") is left as it is."""
    if not begins_after(found.start, published) or stated_year(found):
        return found
    if tense_at(text, found.offset_start, found.offset_end, *sentence) != "past":
        return found  # "was scheduled to be lowered on Friday", "before the deadline of September 11"
    months, weekdays, shifts = calendar_words()
    words = {w.lower().rstrip(".") for w in WORD.findall(found.text)}
    if words & shifts:
        return found
    if words & months:
        return _moved(found, lambda day: _year_back(day))
    if words & weekdays and found.precision == "day":
        return _moved(found, lambda day: (date.fromisoformat(day) - timedelta(days=7)).isoformat())
    return found


def after_publication_if_planned(found: EventDate, published: date, text: str,
                                 sentence: tuple[int, int]) -> EventDate:
    """The date of a planned event ("is planning an exercise in September") that the tagger read
    months before the publication day (a present clause reads a month six or more months ahead as
    last year's): unless the expression's clause is past, a month or day given without a year is
    next year's."""
    end = found.end or found.start
    back = 0 if end is None or stated_year(found) else _months_before(end, published)
    if back < 1 or back < _PLANNED_MONTHS_BACK and not _told_as_still_ahead(text, sentence, found):
        return found  # a time just gone is most likely the plan's own ("the decision of January 16")
    if tense_at(text, found.offset_start, found.offset_end, *sentence) == "past":
        return found  # "had planned drills in January": a plan told from after its time
    months, _, shifts = calendar_words()
    words = {w.lower().rstrip(".") for w in WORD.findall(found.text)}
    if words & shifts:
        return found
    return _moved(found, lambda day: _year_shifted(day, 1)) if words & months else found


# how many months before publication a planned event's year-less time must lie to be read ahead
# (fewer when its clause is told in the future: ``_told_as_still_ahead``)
_PLANNED_MONTHS_BACK = 3


def _told_as_still_ahead(text: str, sentence: tuple[int, int], found: EventDate) -> bool:
    """"Japan will hold drills with India in April" (or "said it would"), written in June: a month
    just gone in a clause told in the future is next year's - unless the sentence names a month
    or a year before it ("In March, Japan said it would hold drills in April": the plan's own
    time came first), or a plan told as past ("was to", "had planned to")."""
    if tense_at(text, found.offset_start, found.offset_end, *sentence) != "future":
        return False
    if any(m.group().lower() != "would" for m in
           phrases_pattern("future_in_past").finditer(text, sentence[0], found.offset_start)):
        return False  # "was to hold drills in April", "had planned to": a plan told as past
    months, _, _ = calendar_words()
    before = text[sentence[0]:found.offset_start]
    return not ({w.lower().rstrip(".") for w in WORD.findall(before)} & months or states_a_year(before))


def _months_before(day: str, published: date) -> int:
    """Whole months from the month of ``day`` (an ISO date or month) to the publication month."""
    if len(day) < 7 or not day[5:7].isdigit():
        return 0  # a year, a season ("2025-SP"), a week
    return (published.year - int(day[:4])) * 12 + published.month - int(day[5:7])


def _year_back(day: str) -> str:
    """An ISO date or month a year earlier (29 February becomes the 28th)."""
    return _year_shifted(day, -1)


def _year_shifted(day: str, years: int) -> str:
    """An ISO date or month ``years`` later (29 February becomes the 28th)."""
    year, rest = int(day[:4]), day[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{year + years:04d}{rest}"


def _moved(found: EventDate, move: Callable[[str], str]) -> EventDate:
    value = found.value
    if value is not None and found.start is not None and value.startswith(found.start):
        value = move(found.start) + value[len(found.start):]
    return replace(found, start=move(found.start) if found.start else None,
                   end=move(found.end) if found.end else None, value=value)
