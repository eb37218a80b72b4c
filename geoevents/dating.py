"""The event's date: the time expression that governs its trigger, read with its preposition.

"Russia said on Wednesday it will hold drills next month": "Wednesday" dates the saying, "next
month" the drills. A time governs a trigger when it stands in the trigger's clause and is not
nearer to another trigger of the sentence nor tied to a reporting verb; failing that, a time at
the head of the sentence ("On Monday, ...") governs the whole sentence, and the date of a
reporting verb dates an event the verb reports as past or ongoing ("said on Wednesday it was
beefing up"). Otherwise the date is None: the sentence gives no time for the event, and the
publication date is never used in its place.

The preposition shapes the span (see the guideline): "until May 20" runs from the publication
day to May 20, "since mid-March" starts in March with no end, "within two weeks" runs from the
publication day to 14 days later, "by March 31" is an end when a start is known and otherwise
that month; a duration with a known start gives the end ("a three-day exercise from August 5").
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from . import cachedregex as regex
from .clauses import WORD, clause_of, force_nouns
from .model import EventDate
from .quickstarts import StartsPattern, Words
from .reach import match_at
from .temporal import Timex
from .temporal.grammar import alternation, lexicon
from .temporal.tense import tense_at

_DURATION = regex.compile(r"P(?:T)?(?P<n>\d+)(?P<unit>WE|[YMWDH])$")
_DAYS = {"D": 1, "W": 7, "WE": 2}
_LEADING = 20  # a time this close to the sentence start, before a comma, heads the sentence


@cache
def _words() -> dict[str, frozenset[str]]:
    return {key: frozenset(words) for key, words in lexicon()["dating"].items() if isinstance(words, list)}


@cache
def _reporting_words() -> Words:
    """The words one of which every match of ``_reporting_before`` holds (the first of each phrase:
    its spaces match any run of spaces)."""
    return Words(verb.split()[0] for verb in _words()["reporting_verbs"])


@cache
def _reporting_before() -> regex.Pattern:
    # the verbs in lower case: "the United States this weekend" has no reporting verb
    verbs = alternation(_words()["reporting_verbs"])
    return regex.compile(r"(?<![\p{L}])(?:%s)\s+(?:(?i:on|late|early|earlier|later|last|this)\s+){0,2}$" % verbs)


@cache
def _reporting_object_before() -> regex.Pattern:
    """A reporting verb, then at most three words (its object: ``_after_a_report_and_its_object``
    checks them), right before a time: "told reporters on", "told his cabinet"."""
    verbs = alternation(_words()["reporting_verbs"])
    return regex.compile(r"(?<![\p{L}])(?:%s)\s+(?P<object>(?:[\p{L}\p{N}'’.-]+\s+){1,3}?)"
                         r"(?:(?i:on|late|early|earlier|later|last|this)\s+){0,2}$" % verbs)


def _after_a_report_and_its_object(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "told reporters on Monday the army was ready to withdraw": a time after a reporting verb and
    its object (words with no function word: no clause or phrase of their own) dates the report,
    as one right after the verb does - unless the trigger is in that object ("announced the
    pullout on Monday")."""
    if not _reporting_words().occur_in(text, max(0, t.start - 60), t.start):
        return False
    m = _reporting_object_before().search(text, max(0, t.start - 60), t.start)
    if m is None or m.start("object") <= trigger[0] < t.start \
            or _NOUN_MODIFIER.search(text, max(0, t.start - 12), t.start):  # "says the July 2011 timetable"
        return False
    words = {w.lower() for w in WORD.findall(m.group("object"))}
    return words.isdisjoint(_words()["function_words"])


@cache
def _reporting_after() -> regex.Pattern:
    # "withdrew on Monday, according to officials": the source is cited for the event and its time
    verbs = alternation(w for w in _words()["reporting_verbs"] if w != "according to")
    return regex.compile(r"\s*,?\s*(?:%s)(?![\p{L}])" % verbs)


def attach_date(
    text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    timexes: list[Timex],
    dct: date | None = None,
    triggers: list[tuple[int, int]] | None = None,
    status: str | None = None,
) -> EventDate | None:
    """The time the sentence gives for the event at ``trigger``, or None. The time of a reporting
    verb dates only an event that is happening (``status`` occurred, or unknown)."""
    others = [t for t in (triggers or []) if t != trigger]
    clause = clause_of(text, sentence, *trigger)
    usable = [t for t in timexes if sentence[0] <= t.start and t.end <= sentence[1]
              and (_usable(t) or dct is not None and _near_future(text, t))]
    relative = _relative_to_clause(text, clause, usable, dct, trigger)
    if relative is not None:
        return relative
    antecedent = _antecedent_of_when(text, usable, trigger)
    if antecedent is not None:
        return _event_date(antecedent, [antecedent], dct, text, trigger)
    scope = (clause[0], _scope_end(text, sentence, trigger, clause))
    in_sentence = usable
    usable = [t for t in usable if not _modifies_another_noun(text, t, trigger) and not _first_since(text, clause, t)
              and not _year_in_a_name(text, t) and not _year_as_a_count(text, t) and not _in_a_place_name(text, t)
              and not _comparison_baseline(text, t) and not _told_as_later(text, t, trigger)
              and not _in_relative_clause_before(text, clause, t, trigger)
              and not _in_set_off_relative_clause_before(text, sentence, t, trigger)
              and not (_trigger_in_later_relative_clause(text, t, trigger) and not _heads_sentence(text, sentence, t))
              and not _dates_a_decision(text, t, trigger) and not _dates_a_decision_before(text, t, trigger)
              and not _dates_a_topic_verb(text, sentence, t, trigger)
              and not _dates_the_report_of_a_past_perfect(text, t, trigger)
              and not _in_a_condition_before(text, t, trigger)
              and not _in_opening_phrase(text, sentence, t, trigger) and not _dates_a_demand(text, t, trigger)
              and not (_dates_a_reaction(text, t, trigger) and not _heads_sentence(text, sentence, t))]
    if dct is not None and _still_to_come(text, trigger, status):
        usable = [t for t in usable if not _past_time_of_the_plan(text, t, trigger, dct)]
    reporting = [t for t in usable if tied_to_reporting_verb(text, t) or _in_report_opening(text, sentence, t)
                 or _opens_a_that_clause(text, t, trigger) or _after_a_report_and_its_object(text, t, trigger)]
    in_scope = [t for t in usable if t not in reporting and scope[0] <= t.start and t.end <= scope[1]
                and not _cut_off(text, trigger, t, dct) and not _dates_a_participle(text, trigger, t)
                and not _past_the_triggers_relative_clause(text, sentence, trigger, t)
                and not _dates_another_event(text, trigger, t) and not _dates_a_reporting_participle(text, trigger, t)
                and not _deadline_past_a_qualifying_participle(text, trigger, t, others)
                and not _dates_the_main_verb_of_a_reduced_relative(text, trigger, t)
                and not _participle_of_a_noun_after_the_time(text, trigger, t)]
    governing = [t for t in in_scope if not _nearer_to_another(text, t, trigger, others)]
    if not governing:  # "send jets to take part in war games in May": the purpose shares the time
        governing = [t for t in in_scope if _nearer_to_another(text, t, trigger, others, linked_only=True)]
    if all(t.type == "DURATION" for t in governing):  # none, or "a four-day exercise, which ended on Friday"
        spanned = _timed_around_relative_clause(text, sentence, trigger, in_sentence, dct, governing)
        if spanned is not None:
            return spanned
    if not governing:
        governing = [t for t in usable if t not in reporting and _heads_sentence(text, sentence, t)]
    reporting = [t for t in reporting if not _nearer_to_another(text, t, trigger, others)]
    if governing:
        chosen = min(governing, key=lambda t: _distance(t, trigger))
        found = _event_date(chosen, governing, dct, text, trigger)
        found = _with_joined_end(text, found, chosen, governing)
        found = _with_end_day(text, found, chosen, governing, trigger)
        dated = [t for t in governing if t.type != "DURATION"]
        lasting_after = chosen.type == "DURATION" and _says_how_long(text, chosen) and chosen.start > trigger[1]
        if lasting_after:  # "drills for two weeks starting May 20": a time after the trigger too
            dated = [t for t in dated if t.start > trigger[1]]
        if found is None and dated and (_modifies_trigger(text, chosen, trigger) or _in_ages(chosen)
                                        or lasting_after or _qualifies_a_noun(chosen)):
            # "a three-day exercise ... on Friday", "its largest exercise in decades next year", "drills
            # for two weeks starting May 20", "ended a 60-day patrol and docked ... on Monday": the
            # duration gives no date; the nearest time that does dates the event (and the duration
            # its end, when it qualifies the trigger)
            found = _event_date(min(dated, key=lambda t: _distance(t, trigger)), governing, dct, text, trigger)
        if found is None:  # "The day before, troops drove in ... after 156 years": a duration gives no date
            found = _heading_date(text, sentence, trigger, [t for t in usable if t not in reporting], dct)
        return found
    if reporting and status in (None, "occurred") and tense_at(text, *trigger, *clause) != "future" \
            and not _told_as_done_by_the_report(text, trigger) and not _times_another_event(text, trigger):
        chosen = min(reporting, key=lambda t: _distance(t, trigger))
        return _event_date(chosen, [chosen], dct, text, trigger)
    return None


@cache
def _time_preposition_before() -> regex.Pattern:
    """A ``time_prepositions`` word, then at most three words with no break, right before a trigger."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}$"
                         % alternation(_words()["time_prepositions"]))


def _times_another_event(text: str, trigger: tuple[int, int]) -> bool:
    """ "clashes during the border pullback, a paper reported on Monday": a trigger after a
    preposition of time is when something else happened, not what the report tells as
    happening on its day."""
    return _time_preposition_before().search(text, max(0, trigger[0] - 50), trigger[0]) is not None


_PAST_PERFECT = regex.compile(r"(?i)\b(?:had|hadn['’]t)\s+(?:(?:not|already|just|also|been|reportedly|only)\s+){0,3}$")


def _told_as_before_the_report(text: str, trigger: tuple[int, int]) -> bool:
    """ "said on Friday that marines had been sent there by his rival": an event in the past
    perfect was over before the report, whose time is not the event's."""
    return _PAST_PERFECT.search(text, max(0, trigger[0] - 40), trigger[0]) is not None


_PERFECT = regex.compile(r"(?i)\b(?:had|hadn['’]t|has|have|hasn['’]t|haven['’]t|['’]ve)\s+"
                         r"(?:(?:not|already|just|also|been|reportedly|only)\s+){0,3}$")


def _told_as_done_by_the_report(text: str, trigger: tuple[int, int]) -> bool:
    """ "troops have arrived in the capital, officials said Wednesday": an event in the perfect,
    present or past, was done by the time of the report, which is not the event's time (the
    report dates an event it tells as going on: "said on Wednesday it was beefing up")."""
    return _PERFECT.search(text, max(0, trigger[0] - 40), trigger[0]) is not None


@cache
def _report_words() -> regex.Pattern:
    """A reporting verb, a reporting participle ("saying") or the "that" of a report
    (``reporting_verbs``, ``reporting_participles``)."""
    words = [*_words()["reporting_verbs"], *_words()["reporting_participles"], "that"]
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)(?![\p{L}])" % alternation(words))


def _dates_the_report_of_a_past_perfect(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "In an address late on Friday, the premier argued that marines had been sent there by his
    rival": a time before a report of an event in the past perfect dates the report; the
    event was over before it ("By Monday, troops had withdrawn" keeps its deadline)."""
    return (t.end <= trigger[0] and (t.cue or "") not in _words()["deadline"]
            and _told_as_before_the_report(text, trigger)
            and _report_words().search(text, t.end, trigger[0]) is not None)


def _heading_date(text: str, sentence: tuple[int, int], trigger: tuple[int, int], candidates: list[Timex],
                  dct: date | None) -> EventDate | None:
    """The date of a time that heads the sentence ("On Monday, ..."), when the times in the
    trigger's clause gave none."""
    heading = [t for t in candidates if t.type != "DURATION" and _heads_sentence(text, sentence, t)]
    return _event_date(heading[0], heading[:1], dct, text, trigger) if heading else None


@cache
def _span_verb_before() -> dict[str, regex.Pattern]:
    """For each kind of span verb ("start", "end", "other"): the verb, then at most one cue, right
    before a time ("began on", "will last until", "is scheduled for")."""
    lexicon_ = lexicon()["dating"]
    cues = alternation(lexicon_["span_cues"])
    adverbs = alternation(lexicon_["span_verb_adverbs"])
    return {kind: regex.compile(r"\b(?:%s)\s+(?:(?:%s)\s+)?(?:(?:%s)\s+)?(?:the\s+)?$"
                                % (alternation(verbs), adverbs, cues), regex.IGNORECASE)
            for kind, verbs in lexicon_["span_verbs"].items()}


# ", which began on March 1," right after the trigger (a few words on at most) and what follows it
_OWN_RELATIVE = regex.compile(r"(?:\s+[\p{L}\p{N}'’-]+){0,4}?,\s+(?:which|that)\s+(?P<body>[^,;:()]{3,120}?),\s+"
                              r"(?=(?-i:\p{Ll}))", regex.IGNORECASE)
_PREDICATE_END = regex.compile(r"[,;:()]|\s[–—-]\s")


def _timed_around_relative_clause(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                                  usable: list[Timex], dct: date | None = None,
                                  durations: Iterable[Timex] = ()) -> EventDate | None:
    """"Turkey's exercises, which began on March 1, will end on March 15": a relative clause set
    off by commas right after the trigger, and the predicate after it, time the trigger's event
    with a verb that starts, ends or holds it (not "which was approved on Tuesday"); "which will
    run until August" runs from the publication day (``dct``, when known)."""
    m = _OWN_RELATIVE.match(text, trigger[1], sentence[1])
    if m is None:
        return None
    end = _PREDICATE_END.search(text, m.end(), sentence[1])
    spans = ((m.start("body"), m.end("body")), (m.end(), end.start() if end else sentence[1]))
    kinds: dict[str, Timex] = {}
    for t in usable:
        if t.type not in ("DATE", "TIME") or not any(lo <= t.start and t.end <= hi for lo, hi in spans):
            continue
        floor = max(m.start("body"), t.start - 40)
        kind = next((k for k, verb in _span_verb_before().items() if verb.search(text, floor, t.start)), None)
        if kind is not None and kind not in kinds:
            kinds[kind] = t
    if not kinds:
        return None
    first, last = kinds.get("start"), kinds.get("end")
    if first is not None and last is not None and first.begin and (last.finish or last.begin):
        lo, hi = min(first.start, last.start), max(first.end, last.end)
        return EventDate(text=text[lo:hi], start=first.begin, end=last.finish or last.begin,
                         precision=first.precision or "day", offset_start=lo, offset_end=hi, value=first.value)
    chosen = first or kinds.get("other") or last
    # (a duration that qualifies the trigger gives the other end: "a four-day exercise, which ended on Friday")
    return _event_date(chosen, [chosen, *durations], dct if chosen.cue in _words()["until"] else None, text, trigger) \
        if chosen.cue not in _words()["until"] or dct is not None else None


_AND = regex.compile(r"\s+and\s+(?:(?:on|in)\s+)?")
_TO = regex.compile(r"\s*(?:to|until|till|through|[-–])\s*")


def _with_joined_end(text: str, found: EventDate | None, chosen: Timex, governing: list[Timex]) -> EventDate | None:
    """A later time of the same precision joined to the chosen one ends the event: by "and"
    ("on Thursday and Friday", "in March and April"), or by "to" after "from" ("from late May
    to early June", whose bounds are expressions of their own)."""
    if found is None or found.start is None or found.precision not in ("day", "month", "year") \
            or chosen.precision != found.precision:
        return found
    # "from May 20 to May 25", "starting Monday until Friday" (not "after May 5 to ...")
    opening = (chosen.cue or "") in _words()["open_start"] and chosen.cue not in _words()["deadline"] \
        and chosen.cue not in ("after", "following")
    joiner = _TO if opening and found.end is None else _AND if found.start == found.end else None
    if joiner is None:
        return found
    for other in governing:
        last = _weekday_on_or_after(text, other, found.start) if other.finish else None
        if (other.precision == found.precision and other.begin and last and found.start < last
                and (found.start < other.begin or bare_weekday(other.text))
                and joiner.fullmatch(text, chosen.end, other.start)):
            # ("from Monday through Friday" written on a Friday: the coming Friday)
            return EventDate(text=text[chosen.start:other.end], start=found.start, end=last,
                             precision=found.precision, offset_start=chosen.start, offset_end=other.end,
                             value=found.value)
    return found


def _qualifies_a_noun(t: Timex) -> bool:
    """A duration in the form of a modifier ("a 60-day patrol", "a week-long strike"): it measures
    its noun and dates nothing."""
    return t.type == "DURATION" and t.cue is None and "-" in t.text and " " not in t.text


def _in_ages(t: Timex) -> bool:
    """"(the largest exercise) in decades", "in years": a duration of no number after "in" that
    measures a record, not the event."""
    return t.type == "DURATION" and t.cue == "in" and "X" in t.value


@cache
def _then_to_end() -> regex.Pattern:
    """What joins a start time to the verb that ends the event: "on Monday and (will) end on
    Friday", "(that began) on March 3 will last until March 14", "on Monday that will run
    through Friday" (``end_joiners`` and ``end_auxiliaries`` in the dating lexicon)."""
    words = _words()
    return regex.compile(r"\s*,?\s+(?:(?:%s)\s+)?(?:(?:%s)\s+)?[\p{L}]+(?:\s+up)?\s+(?:(?:%s)\s+)?(?:the\s+)?$"
                         % (alternation(words["end_joiners"]), alternation(words["end_auxiliaries"]),
                            alternation(lexicon()["dating"]["span_cues"])), regex.IGNORECASE)


def _with_end_day(text: str, found: EventDate | None, chosen: Timex, governing: list[Timex],
                  trigger: tuple[int, int] | None = None) -> EventDate | None:
    """"will begin on Monday and end on Friday", "began drills on Monday that will run until
    Friday": a start day and a later day after a verb that ends the event make a range."""
    open_end = found is not None and found.end is None and (chosen.cue or "") in _words()["open_start"]
    if found is None or found.precision != "day" or (found.start != found.end and not open_end) \
            or found.start is None:
        return found  # (a start day, or a first day with no end yet: "beginning May 20")
    verbs = _span_verb_before()
    if not verbs["start"].search(text, max(0, chosen.start - 40), chosen.start) \
            and not _started_trigger(text, chosen, trigger):
        return found
    for other in governing:
        last = _weekday_on_or_after(text, other, found.start)
        if (other.start > chosen.end and other.precision == "day" and last is not None and last > found.start
                and _then_to_end().match(text, chosen.end, other.start)
                and verbs["end"].search(text, max(chosen.end, other.start - 40), other.start)):
            return EventDate(text=text[chosen.start:other.end], start=found.start, end=last,
                             precision="day", offset_start=chosen.start, offset_end=other.end, value=found.value)
    return found


@cache
def _start_verb_before_trigger() -> regex.Pattern:
    """A verb that starts an event, then at most three words, right before a trigger: "began
    (naval) drills", "launched a three-day exercise"."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:[\p{L}\p{N}'’-]+\s+){0,3}$"
                         % alternation(lexicon()["dating"]["span_verbs"]["start"]))


def _started_trigger(text: str, chosen: Timex, trigger: tuple[int, int] | None) -> bool:
    """ "began drills on Monday": a start verb before the trigger, and the time right after it
    with at most a cue between."""
    if trigger is None or chosen.start < trigger[1] or len(WORD.findall(text, trigger[1], chosen.start)) > 5 \
            or _COMMA_OR_BREAK.search(text, trigger[1], chosen.start):
        return False  # (a place may come between: "began drills near Taiwan on Monday")
    return _start_verb_before_trigger().search(text, max(0, trigger[0] - 40), trigger[0]) is not None


def _weekday_on_or_after(text: str, t: Timex, start: str) -> str | None:
    """The last day of ``t``; a bare weekday that the tagger read on or before ``start`` ("begin
    on Monday and end on Friday", written on a Friday) is the first such day after it."""
    last = t.finish or t.begin
    if last is None or last > start or len(last) != 10 or len(start) < 10 or not bare_weekday(t.text):
        return last  # (a start of month or year precision: "in January" beside a weekday, compared as is)
    day, first = date.fromisoformat(last), date.fromisoformat(start[:10])
    return (day + timedelta(days=7 * ((first - day).days // 7 + 1))).isoformat()


def bare_weekday(expression: str) -> bool:
    """A weekday with no date, month or shift word ("Friday", "late Friday")."""
    months, weekdays, shifts = calendar_words()
    words = {w.lower().rstrip(".") for w in WORD.findall(expression)}
    return bool(words & weekdays) and not words & (months | shifts) and not any(c.isdigit() for c in expression)


def _modifies_trigger(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """A duration that qualifies the trigger noun: "a three-day (naval) exercise", "10-day maneuvers"."""
    between = [w.lower() for w in WORD.findall(text, t.end, trigger[0])]
    return (t.type == "DURATION" and t.end <= trigger[0] and len(between) <= 2
            and not {"and", "or", "but"} & set(between))


def _usable(t: Timex) -> bool:
    """Dates and times with a known calendar value, and durations (which need a cue or a start)."""
    return (t.type in ("DATE", "TIME") and t.begin is not None) or t.type == "DURATION"


_NEXT_WORD_AFTER = regex.compile(r"\s+([\p{L}]+)")


def _near_future(text: str, t: Timex) -> bool:
    """A vague time just ahead ("soon", "in the coming weeks"; ``near_future``), not tied to
    another event ("soon after the pullout")."""
    if t.value != "FUTURE_REF" or t.text.lower() not in _words()["near_future"]:
        return False
    m = match_at(_NEXT_WORD_AFTER, text, t.end)
    return m is None or m.group(1).lower() not in _words()["after_vague_future"]


def _distance(t: Timex, trigger: tuple[int, int]) -> int:
    # after the trigger is the usual place ("held drills on Monday"); before costs a little more
    return t.start - trigger[1] if t.start >= trigger[1] else trigger[0] - t.end + 5


def _nearer_to_another(text: str, t: Timex, trigger: tuple[int, int], others: list[tuple[int, int]],
                       linked_only: bool = False) -> bool:
    """A time between two triggers, or beside another one, belongs to the nearer trigger. With
    ``linked_only``: true only when every nearer trigger is linked to this one without a
    coordination between them ("send jets to take part in war games"), so the time is shared."""
    mine = _closeness(text, t, trigger)
    nearer = [other for other in others if _closeness(text, t, other) < mine]
    if not linked_only:
        return bool(nearer)
    return bool(nearer) and not any(
        _SEPARATE.search(text, min(trigger[1], other[1]), max(trigger[0], other[0])) for other in nearer)


def _closeness(text: str, t: Timex, trigger: tuple[int, int]) -> tuple[bool, bool, int]:
    """How close a time is to a trigger: first whether a strong break separates them (", while"),
    then a coordination ("withdrew troops in May and deployed them"), then the distance."""
    lo, hi = (trigger[1], t.start) if t.start >= trigger[1] else (t.end, trigger[0])
    hi = max(lo, hi)
    return bool(_STRONG_BREAK.search(text, lo, hi)), bool(_SEPARATE.search(text, lo, hi)), _distance(t, trigger)


# (a comma inside a number, "2,900 soldiers", separates nothing)
_SEPARATE = regex.compile(r"(?i)\b(?:and|but|or|while|whereas|then|after|before)\b|;|,(?!\d)")
# (tried only where a break can start: at ";", "(", "," or the space before a dash)
_STRONG_BREAK = StartsPattern(regex.compile(
    r"(?i);|\s[–—-]\s|\(|,\s+(?:while|whereas|but|which|who|saying|adding|citing|according|although|though|"
    r"insisting|stressing|noting|warning|arguing|explaining|"
    r"because|when|where|after|before|amid|despite|following|as|since|a\s+day\s+after|days\s+after)\b"),
    (";", "(", ","), ("–", "—", "-"))


def _scope_end(text: str, sentence: tuple[int, int], trigger: tuple[int, int], clause: tuple[int, int]) -> int:
    """Where the trigger's reach ends on the right: its clause, stretched over a list or an
    object ("from Manbij, Tell Rifaat, and Kobani within two weeks") up to a strong break."""
    m = _STRONG_BREAK.search(text, trigger[1], sentence[1])
    return max(clause[1], m.start() if m else sentence[1])


def tied_to_reporting_verb(text: str, t: Timex) -> bool:
    """ "said on Wednesday", "officials said Monday", "Monday, the ministry said" (close by)."""
    return bool(_reporting_words().occur_in(text, max(0, t.start - 40), t.start)
                and _reporting_before().search(text, max(0, t.start - 40), t.start)
                or _reporting_after().match(text, t.end, t.end + 20))


def _in_report_opening(text: str, sentence: tuple[int, int], t: Timex) -> bool:
    """ "Speaking on Friday, the minister said ...": a time in an opening phrase led by a participle
    of ``report_openings``, before its comma, dates the report."""
    first = WORD.search(text, sentence[0], t.start)
    return (first is not None and first.group().lower() in _words()["report_openings"]
            and text.find(",", sentence[0], t.start) == -1 and text.startswith(",", t.end))


_THAT_AFTER = regex.compile(r"\s+that\s+(?=\p{L})", regex.IGNORECASE)
_CLAUSE_BREAK = regex.compile(r"[;:()\[\]]")


def _opens_a_that_clause(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "told his cabinet on Sunday that the army was ready to withdraw", "sent signals Sunday that
    it wants to pull out": a time right before the "that" of a clause holding the trigger dates
    what introduces that clause (a saying, a signal), not the event told in it, as a time tied to
    a reporting verb does."""
    m = _THAT_AFTER.match(text, t.end, trigger[0])
    return m is not None and _CLAUSE_BREAK.search(text, m.end(), trigger[0]) is None


_NOUN_MODIFIER = regex.compile(r"(?i)(?:\b(?:the|a|an|its|their|his|her|this|that)\s+|['’]s\s+)$")
_NEXT_WORD = regex.compile(r"(?:['’]s)?\s+(?P<word>\p{L}[\p{L}-]*)")


def _modifies_another_noun(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "in the 1999 Kosovo War", "Thursday's by-election": the time belongs to another noun,
    unless that noun is the trigger ("the 2019 drills")."""
    possessive = text.startswith(("'s", "’s"), t.end)
    if t.type not in ("DATE", "TIME") or (t.cue and not possessive):
        return False  # "ahead of Sunday's election" is the election's time, whatever the cue
    if not possessive and not _NOUN_MODIFIER.search(text, max(0, t.start - 12), t.start):
        return False
    m = match_at(_NEXT_WORD, text, t.end)
    if m is None or m.group("word").lower() in _words()["function_words"]:
        return False
    if m.group("word").lower() in lexicon()["deadline_words"]["near_after"]:
        return False  # "to an October 10 deadline", "ahead of the Tuesday deadline": the event's limit
    if possessive and m.start("word") != trigger[0] and m.group("word").lower() in _words()["other_event_nouns"]:
        return True  # "after Thursday's talks the envoy called the dispatch ...": the talks' time
    if m.group("word")[0].isupper() and m.start("word") != trigger[0] and text[t.start:t.end].isdigit():
        return True  # "invoking the 1807 Insurrection Act to deploy the military": a name's year
    return not (t.end <= trigger[0] <= m.end("word") + 40 and not _SEPARATE.search(text, t.end, trigger[0])
                and not (not possessive and _governs_the_trigger(text, t, trigger)))


def _governs_the_trigger(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "the 1995 arms ban meant to let states send in troops": a function word between a
    time's noun and the trigger makes the noun govern it rather than qualify it ("the 2019 joint
    naval drills") - unless the noun gives a time (``timetable_nouns``: "the May 2022 timetable
    to begin pulling out")."""
    between = {w.lower() for w in WORD.findall(text, t.end, trigger[0])}
    return not between.isdisjoint(_words()["function_words"]) and between.isdisjoint(_words()["timetable_nouns"])


_RELATIVE_VERB = regex.compile(r"\b(?:that|which|who)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:was|were|is|are|has|have|had|will|"
                            r"would|did|took|held|began|led|fought|made|went|came|saw|\p{L}+ed)\b", regex.IGNORECASE)


def _in_relative_clause_before(text: str, clause: tuple[int, int], t: Timex, trigger: tuple[int, int]) -> bool:
    """ "The units that took part in drills in February have pulled out": a time inside a relative
    clause with its own verb, before the trigger, dates that verb, not the trigger."""
    if t.end > trigger[0]:
        return False
    between = [w.lower() for w in WORD.findall(text, t.end, trigger[0])]
    if not all(w in _AUXILIARIES for w in between):
        return False  # not the verb right after the clause: "which has festered ... since Spain's withdrawal"
    relative = None
    for m in _RELATIVE_VERB.finditer(text, max(clause[0], t.start - 120), t.start):
        relative = m
    if relative is None or _COMMA_OR_BREAK.search(text, relative.start(), trigger[0]):
        return False
    before = WORD.findall(text, max(clause[0], relative.start() - 30), relative.start())
    return not (relative.group().lower().startswith("that") and before
                and before[-1].lower() in _words()["reporting_verbs"])  # "announces that it has": no relative


_COMMA_OR_BREAK = regex.compile(r"[,;:()]")
# (or opened without a comma, but closed by one before the trigger: "at the height of the war which
# ended in 2009, the UN deployed ..."; not "that", which also opens a reported clause)
_SET_OFF_RELATIVE = regex.compile(r"(?i)(?:(?:,|\s?[—–]|\s-)\s*(?:which|who|whose|where)|\s(?:which|who|whose))\b")
_SET_OFF_END = regex.compile(r",(?!\d)|\s?[—–]|\s-\s")
# the same, but not the commas of a list of names inside the clause ("to Mali, Niger and Chad")
_INNER_END = regex.compile(r",(?!\d)(?!\s+(?:and|or)\b)(?!\s+(?-i:\p{Lu}))|\s?[—–]|\s-\s")


def _in_set_off_relative_clause_before(text: str, sentence: tuple[int, int], t: Timex,
                                       trigger: tuple[int, int]) -> bool:
    """ "After the border war, which ended in 2009, Peru deployed ...", "broke the accord—which it
    ratified in 2016—by supplying ...": a time inside a relative clause set off by commas or dashes, closed
    before the trigger, dates that clause's verb."""
    if t.end > trigger[0]:
        return False
    opened = None
    for m in _SET_OFF_RELATIVE.finditer(text, sentence[0], t.start):
        opened = m
    if opened is None or _INNER_END.search(text, opened.end(), t.start) is not None:
        return False
    return _SET_OFF_END.search(text, t.end, trigger[0]) is not None
_WHO_OR_WHICH = regex.compile(r"(?i)\b(?:who|which|whose)\b")


def _trigger_in_later_relative_clause(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "Annan last week named a diplomat who helped negotiate the Soviet withdrawal": a time
    before a relative clause that holds the trigger dates the verb the clause hangs on (one that
    heads the sentence dates all of it: "Last year, Beijing held drills, which ended when ...")."""
    if t.end > trigger[0]:
        return False
    relative = None
    for m in _WHO_OR_WHICH.finditer(text, t.end, trigger[0]):
        relative = m
    return relative is not None and not _COMMA_OR_BREAK.search(text, relative.end(), trigger[0])
_AUXILIARIES = frozenset({"have", "has", "had", "will", "would", "were", "was", "are", "is", "be", "been", "also",
                          "now", "then", "finally", "already", "reportedly", "all", "since", "later"})


@cache
def _decision() -> regex.Pattern:
    return regex.compile(r"(?i)\b(?:%s)\b" % alternation(_words()["decision_predicates"]))


def _dates_a_decision_before(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """"Parliament voted on Tuesday to send 200 troops": a time between a verb of deciding and
    the infinitive of the trigger dates the decision (decision_verbs in the dating lexicon)."""
    if t.end > trigger[0] or not _TO_TRIGGER.fullmatch(text, t.end, trigger[0]):
        return False
    m = _VERB_BEFORE_TIME.search(text, max(0, t.start - 40), t.start)
    return m is not None and m.group(1).lower() in _words()["decision_verbs"]


# the infinitive of the trigger right after a time: "(voted on Tuesday) to send", "to begin sending"
_TO_TRIGGER = regex.compile(r"\s*,?\s+to\s+(?:[\p{L}-]+\s+){0,2}?", regex.IGNORECASE)
# the verb right before a time and its preposition: "voted on", "agreed last week"
_VERB_BEFORE_TIME = regex.compile(r"([\p{L}]+)\s+(?:(?:on|in|at|late|early|last|this|earlier)\s+)?$")


@cache
def phrases_pattern(key: str) -> regex.Pattern:
    """The phrases of the dating lexicon's list ``key`` as whole words, case aside."""
    return whole_words_pattern(_words()[key])


def whole_words_pattern(phrases: Iterable[str]) -> regex.Pattern:
    """``phrases`` as one pattern, case aside, each matched whole (no letter on either side)."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)(?![\p{L}])" % alternation(phrases))


def _dates_a_demand(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "a senator last week demanded a swift troop pullback", "urged the officers on Monday not to
    pull out": a time before a verb of demanding whose object holds the trigger, or between the
    verb and the trigger, dates the demand, not the event demanded (a comma between the verb and
    the trigger ends that object)."""
    if t.end > trigger[0]:
        return False
    m = phrases_pattern("demand_verbs").search(text, t.end, trigger[0])
    if m is not None and _COMMA_OR_BREAK.search(text, m.end(), trigger[0]) is None:
        return True
    # "urged the officers on Monday not to pull out": the verb before the time, its object around it
    verbs = list(phrases_pattern("demand_verbs").finditer(text, max(0, t.start - 60), t.start))
    before = verbs[-1] if verbs else None
    return (before is not None and _COMMA_OR_BREAK.search(text, before.end(), trigger[0]) is None
            and _SENTENCE_END.search(text, before.end(), t.start) is None
            and not _qualifies_trigger(text, t, trigger) and not text.startswith(("'s", "’s"), t.end))


_SENTENCE_END = regex.compile(r"[.!?\"“”\n]")


def _in_a_condition_before(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "The premier told parliament on Wednesday that if it rejects sending troops he would
    resign": a condition between the time and the trigger holds the trigger; the time is the
    main clause's (``condition_words``)."""
    return t.end <= trigger[0] and phrases_pattern("condition_words").search(text, t.end, trigger[0]) is not None


def _still_to_come(text: str, trigger: tuple[int, int], status: str | None) -> bool:
    """A planned event, or a possible one not told as past or told as an infinitive ("may have to
    ask the US to redeploy")."""
    if status == "planned":
        return True
    if status != "uncertain":
        return False
    m = _INFINITIVE_BEFORE.search(text, max(0, trigger[0] - 40), trigger[0])
    if m is not None:  # "ask the US to redeploy"; not "were trying to infiltrate", which was under way
        return m.group(1).lower() not in _words()["attempt_verbs"]
    return tense_at(text, *trigger) != "past"


_INFINITIVE_BEFORE = regex.compile(r"(?i)([\p{L}.]+)\s+to\s+$")


def _past_time_of_the_plan(text: str, t: Timex, trigger: tuple[int, int], dct: date) -> bool:
    """ "The assembly last month approved a mission to be deployed", "the senate approved in March a
    plan to withdraw ...", "drills near an island shelled last month": a time over before publication
    dates the plan, the decision or a participle, not an event still to come. Before the trigger,
    unless it is the trigger's possessive or modifier ("last year's planned pullout"); after it,
    when a past participle that qualifies a noun comes before it."""
    if t.type not in ("DATE", "TIME") or not ends_before(t.finish or t.begin, dct):
        return False
    if t.start >= trigger[1]:
        return _qualifying_participle(text, trigger[1], t.start)
    return (t.end <= trigger[0] and not _possessive_on_trigger(text, t, trigger)
            and not _qualifies_trigger(text, t, trigger))


def _dates_a_topic_verb(text: str, sentence: tuple[int, int], t: Timex, trigger: tuple[int, int]) -> bool:
    """ "Officials on Tuesday criticised the deployment", "ministers discussed the drills on
    Thursday": the trigger in the object of a verb that talks about or judges it (``topic_verbs``);
    a time before the trigger (not its possessive: "condemned Monday's drills"), or a day after it
    counted from now, dates that verb - unless a verb that times the event comes before the
    time ("criticised the drills held on Monday") or the event is told as going on ("praised the
    ongoing withdrawal")."""
    verb = None
    for m in phrases_pattern("topic_verbs").finditer(text, max(sentence[0], trigger[0] - 120), trigger[0]):
        verb = m
    if verb is None or _COMMA_OR_BREAK.search(text, verb.end(), trigger[0]) \
            or len(WORD.findall(text, verb.end(), trigger[0])) > lexicon()["dating"]["topic_verb_reach"]:
        return False
    if text.startswith(("'s", "’s"), t.end) or _qualifies_trigger(text, t, trigger):
        return False
    if _words()["ongoing_modifiers"] & {w.lower() for w in WORD.findall(text, verb.end(), trigger[0])}:
        return False  # "praised on Sunday the ongoing withdrawal": going on that day
    if t.end <= trigger[0]:
        return t.start >= verb.end() or not _COMMA_OR_BREAK.search(text, t.end, verb.start())
    if t.precision != "day" or not (bare_weekday(t.text) or t.text.lower() in lexicon()["deictic_days"]):
        return False
    return _timing_verb().search(text, trigger[1], t.start) is None


def _qualifies_trigger(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """A time with no cue right before the trigger noun, at most two modifiers between: "the 2019
    withdrawal", "the March 3 naval drills"."""
    between = [w.lower() for w in WORD.findall(text, t.end, trigger[0])]
    return (t.cue is None and t.end <= trigger[0] and len(between) <= 2
            and not set(between) & (_words()["function_words"] | {"the", "a", "an"}))


@cache
def _timing_verb() -> regex.Pattern:
    """A verb that schedules or runs an event (``timing_verbs``): "the drills held ... on Monday"."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)(?![\p{L}])" % alternation(_words()["timing_verbs"]))


def _dates_a_reaction(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "North Korea fired missiles on Friday in response to the drills": a time before a phrase
    that ties an act to another event (answering, following or preceding it), whose object holds
    the trigger, dates the act, not that event (a comma in between ends the object)."""
    if t.end > trigger[0]:
        return False
    m = phrases_pattern("reaction_phrases").search(text, t.end, trigger[0])
    if m is None or _COMMA_OR_BREAK.search(text, m.end(), trigger[0]) is not None:
        return False
    return _words()["reaction_gap_stops"].isdisjoint(w.lower() for w in text[m.end():trigger[0]].split())


def _dates_a_decision(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "The deployment of 300 troops was approved on Tuesday": the time dates the approval."""
    return t.start > trigger[1] and _decision().search(text, trigger[1], t.start) is not None


_NAME_BEFORE_YEAR = regex.compile(r"((?-i:\p{Lu})[\p{L}]+)[\s-]$")
_NAME_OF_BEFORE_YEAR = regex.compile(r"((?-i:\p{Lu})[\p{L}]+)\s+of\s+$")


def _year_in_a_name(text: str, t: Timex) -> bool:
    """ "Sea Breeze 2021", "Zapad-2021", "Vision 2030": a bare year that ends a name (a capitalised
    word before it that is no month, season or holiday) names something; it does not date it."""
    if not (t.end - t.start == 4 and text[t.start:t.end].isdigit()):
        return False
    m = _NAME_BEFORE_YEAR.search(text, max(0, t.start - 30), t.start) or _NAME_OF_BEFORE_YEAR.search(
        text, max(0, t.start - 30), t.start)  # "the Mutual Defense Treaty of 1951"
    if m is None:
        return False
    return m.group(1).lower() not in _not_name_words()


@cache
def _counted_force() -> regex.Pattern:
    """The words between a count and its force noun: "2000 more Syrian troops"."""
    modifiers = alternation(_words()["force_count_modifiers"])
    return regex.compile(r"\s+(?:(?:(?-i:\p{Lu})[\p{L}.'’-]*|%s)\s+){0,3}" % modifiers, regex.IGNORECASE)


# a number and "to", "-" or "or" right before a bare number: the other bound of a range
_COUNT_BEFORE = regex.compile(r"(?<![\d,.])(?P<n>\d[\d,.]*)\s*(?:to|or|-|–)\s*$")
_YEARLIKE = regex.compile(r"1\d{3}|20\d\d")


def _year_as_a_count(text: str, t: Timex) -> bool:
    """ "officials say 2000 Syrian troops have left": a bare number before the forces it counts is
    no year, unless a word that takes a year stands before it ("in 2000 Syrian troops left"); nor
    is the upper bound of a range of counts ("from 850 to 2000")."""
    if not (t.end - t.start == 4 and text[t.start:t.end].isdigit()):
        return False
    counted = _COUNT_BEFORE.search(text, max(0, t.start - 20), t.start)
    if counted is not None and not _YEARLIKE.fullmatch(counted.group("n")):
        return True  # "from 850 to 2000": the other bound is no year, so neither is this one
    before = WORD.findall(text, max(0, t.start - 30), t.start)
    if before and before[-1].lower() in _year_words():
        return False
    filler = match_at(_counted_force(), text, t.end)
    return filler is not None and match_at(force_nouns(), text, filler.end()) is not None


@cache
def _name_head_after() -> regex.Pattern:
    heads = alternation(_words()["name_heads"])
    return regex.compile(r"\s+(?:(?-i:\p{Lu})\p{L}+\s+)?(?-i:%s)\b" % heads)


def _in_a_place_name(text: str, t: Timex) -> bool:
    """ "sent to Easter Island", "the Tet Offensive", "the March 23 Movement": a time that opens
    a name dates nothing."""
    return match_at(_name_head_after(), text, t.end) is not None


@cache
def _year_words() -> frozenset[str]:
    """Words after which a bare number is a year: prepositions and the dating words before a time."""
    words = _words()
    return frozenset(w for key in ("year_openers", "until", "open_start", "deadline", "within", "hence", "lasting")
                     for w in words[key]) | words["year_before_words"]


@cache
def _not_name_words() -> frozenset[str]:
    """Capitalised words a date's year may follow: months, seasons, holidays ("Independence Day
    2021"), "Fiscal", and words that open a sentence ("Since 2014", "By 2020")."""
    vocabulary = lexicon()
    return frozenset({*vocabulary["months"], *vocabulary["seasons"], *(h.split()[-1] for h in vocabulary["holidays"]),
                      "fiscal", "fy", *_words()["function_words"], *_words()["year_openers"]})


@cache
def _since_comparison() -> regex.Pattern:
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)(?![\p{L}])" % alternation(_words()["since_comparisons"]))


def _first_since(text: str, clause: tuple[int, int], t: Timex) -> bool:
    """ "the first time since 1981", "its largest deployment since 1945", "for the first time in
    20 years": a comparison, not the time of the event."""
    return ((t.cue == "since" or t.cue == "in" and t.type == "DURATION")
            and _since_comparison().search(text, clause[0], t.start) is not None)


@cache
def _comparison_opener() -> regex.Pattern:
    """A ``comparison_openers`` phrase (an article at most) ending right before a time."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:the\s+)?$" % alternation(_words()["comparison_openers"]))


def _comparison_baseline(text: str, t: Timex) -> bool:
    """ "backing rose three points from last month", "fewer troops than a year ago": the
    time a figure is compared with dates no event ("no later than May 1" is a deadline)."""
    m = _comparison_opener().search(text, max(0, t.start - 40), t.start)
    if m is None:
        return False
    before = WORD.findall(text, max(0, m.start() - 12), m.start())
    return not (before and before[-1].lower() in _words()["comparison_deadlines"])


def _told_as_later(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "The ship arrived on Wednesday for an upcoming exercise": a trigger qualified as still ahead
    (``ahead_modifiers``, at most two words before it) is later than a time before it, which dates
    the verb that mentions it - not its own possessive or modifier ("Monday's upcoming drills")."""
    if t.end > trigger[0] or text.startswith(("'s", "’s"), t.end) or _qualifies_trigger(text, t, trigger):
        return False
    before = list(WORD.finditer(text, max(t.end, trigger[0] - 40), trigger[0]))[-3:]
    modifier = next((m for m in before if m.group().lower() in _words()["ahead_modifiers"]), None)
    return modifier is not None and _COMMA_OR_BREAK.search(text, modifier.end(), trigger[0]) is None


@cache
def _opening_phrase() -> regex.Pattern:
    return regex.compile(r"(?i)\s*(?:%s)\s" % alternation(_words()["opening_phrase_words"]))


def _in_opening_phrase(text: str, sentence: tuple[int, int], t: Timex, trigger: tuple[int, int]) -> bool:
    """ "Following a pact signed earlier this month, Egypt deploys ...": a time inside an opening
    phrase set off by a comma before the trigger dates what that phrase names - unless the time
    is the phrase itself ("After May 5, the troops withdrew")."""
    m = _opening_phrase().match(text, sentence[0], trigger[0])
    if m is None or m.end() > t.start:  # or one after a comma: "Analysts said, since the leader's death in May, ..."
        m = None
        for after_comma in _opening_after_comma().finditer(text, sentence[0], t.start):
            m = after_comma
        if m is not None and text.find(",", m.end(), t.start) != -1:
            m = None
    return (m is not None and t.start - m.end() > 2 and t.end <= trigger[0]
            and text.find(",", t.end, trigger[0]) != -1)


@cache
def _opening_after_comma() -> regex.Pattern:
    return regex.compile(r"(?i),\s*(?:%s)\s" % alternation(_words()["opening_phrase_words"]))


@cache
def _cut() -> regex.Pattern:
    return regex.compile(r"(?i)\s(?:%s)\s" % alternation(_words()["cut_words"]))


def _cut_off(text: str, trigger: tuple[int, int], t: Timex, dct: date | None) -> bool:
    """A time after the trigger but past "after ...", "in response to ...", a comparison or a relative
    clause belongs to that phrase ("moved troops in response to the killing of X the previous day",
    "withdrew forces that entered the town on Thursday", "a drill similar to one in 2015") - unless
    the phrase is the time itself ("after May 5", not "after Monday's attack"), or is "since ..."
    and the time is still to come ("the largest exercise since the Cold War next year")."""
    if t.start <= trigger[1]:
        return False
    possessive = text.startswith(("'s", "’s"), t.end)  # "following last Sunday's raid": the raid's time
    return any((t.start - m.end() > 2 or possessive) and not _times_the_event(text, trigger, m)
               and not (m.group().strip().lower() == "since" and dct is not None and begins_after(t.begin, dct))
               for m in _cut().finditer(text, trigger[1], t.start))


@cache
def _other_event_before() -> regex.Pattern:
    """An event noun right before a time, or before a phrase of ``other_event_prepositions`` (at
    most ``other_event_reach`` words with no break) before it: not a noun that qualifies another
    ("the summit venue on Monday")."""
    words = _words()
    reach = lexicon()["dating"]["other_event_reach"]
    return regex.compile(r"(?i)(?<![\p{L}-])(?:(?P<shared>%s)\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}|(?P<verb>%s)\s+)?"
                         r"(?P<noun>%s)"
                         r"(?:\s+(?:%s)(?:\s+[\p{L}\p{N}'’.-]+){0,%d})?\s+[\"“]?(?:(?:quite|very)\s+)?$"
                         % (alternation(words["shared_time_words"]), alternation(words["verb_openers"]),
                            alternation(words["other_event_nouns"]),
                            alternation(words["other_event_prepositions"]), reach - 1))


def _noun_of_another_event(text: str, start: int, t: Timex) -> regex.Match | None:
    """The noun of another event whose time ``t`` is, found from ``start`` on: none when a word
    ties the time to the event ("during the summit on Monday", "a trip ahead of a May 1 deadline")
    or the noun is a verb ("to attack on Saturday")."""
    m = _other_event_before().search(text, start, t.start)
    if m is None or m.group("shared") is not None or m.group("verb") is not None:
        return None
    ties = _words()["shared_time_words"] | _words()["deadline"]
    words = [w.lower() for w in WORD.findall(text, m.end("noun"), t.start)]
    pairs = {" ".join(words[i:i + 2]) for i in range(len(words))}
    return None if ties & (set(words) | pairs) else m


def _dates_another_event(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "discussed the drills at a meeting on Thursday", "sent soldiers to find the gunmen behind
    the shooting of a judge on Tuesday": a time after the trigger that closely follows the noun
    of another event dates that event (not "held drills during the summit on Monday"); so does one
    before the trigger ("in an address on Monday by the border, the premier said ... pullouts")."""
    if t.end <= trigger[0]:
        return _noun_of_another_event(text, max(0, t.start - 80), t) is not None
    if t.start <= trigger[1]:
        return False
    m = _noun_of_another_event(text, max(trigger[1], t.start - 80), t)
    if m is None:
        return False
    # "the arrival of the envoys of the summit in June": a noun inside the trigger's own
    # phrase (joined to it by "of" and "and" only) shares its time
    between = {w.lower() for w in WORD.findall(text, trigger[1], m.start())}
    return bool(between & _words()["other_event_prepositions"] - {"of"})


_OPEN_RELATIVE = regex.compile(r"(?i),\s+(?:which|who|whose|where)\b")
_BARE_COMMA = regex.compile(r",(?!\d)")  # not the comma of "4,000"
_CLOSING_COMMA = regex.compile(r",\s+(?!(?:and|or|the|a|an)\b)(?-i:\p{Ll})")


def _past_the_triggers_relative_clause(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                                       t: Timex) -> bool:
    """ "Chile, which has 900 soldiers deployed in Haiti, wants elections held there soon": a
    trigger inside a relative clause set off by commas; a time past the comma that closes it (one
    followed by the main clause's lower-case words, not a list of names) dates the main clause."""
    if t.start <= trigger[1]:
        return False
    opened = None
    for m in _OPEN_RELATIVE.finditer(text, sentence[0], trigger[0]):
        opened = m
    if opened is None:  # not the apposition's head noun ("Operation X, the deployment of ..., ends"): the subject
        opened = _opening_apposition(text, sentence)
        if opened is not None and not WORD.search(text, opened.end(), trigger[0]):
            return False
    if opened is None or opened.end() > trigger[0] or _BARE_COMMA.search(text, opened.end(), trigger[0]) is not None:
        return False
    return _CLOSING_COMMA.search(text, trigger[1], t.start) is not None


_NAME_THEN_APPOSITION = regex.compile(r"(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}),\s+(?-i:the|a|an)\s")


def _opening_apposition(text: str, sentence: tuple[int, int]) -> regex.Match | None:
    """ "General Musa, the commander of the troops deployed in the valley, resigned on Monday": a
    name that opens the sentence, then a noun phrase set off by a comma, as a relative clause is;
    not an opening phrase ("On Monday, the army ...": its first word one of ``heading_openers``)."""
    m = _NAME_THEN_APPOSITION.match(text, sentence[0], sentence[1])
    if m is None or m.group("name").split()[0].lower() in _words()["heading_openers"]:
        return None
    return m


@cache
def _reporting_participle() -> regex.Pattern:
    return regex.compile(r"(?i),\s+(?:%s)(?![\p{L}])" % alternation(_words()["reporting_participles"]))


def _dates_a_reporting_participle(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "said after the troops withdrew, insisting here Friday that calm had returned": a time
    after the trigger past a comma and a reporting participle dates the report that participle
    opens, not the event before it."""
    return t.start > trigger[1] and _reporting_participle().search(text, trigger[1], t.start) is not None


@cache
def _participle_before() -> regex.Pattern:
    """A noun, then a past participle (at most one adverb between), then words up to a time with
    no break: "a ship reportedly hijacked (three weeks ago)", "a deal struck (a week earlier)"."""
    words = _words()
    participle = r"\p{L}[\p{L}-]{2,}ed|%s" % alternation(words["irregular_participles"])
    adverbs = alternation(words["participle_adverbs"])
    return regex.compile(r"(?i)(?<![\p{L}'’])(?P<before>\p{L}+),?\s+(?:(?:%s)\s+)?(?:%s)\s[^,;:()]{0,80}$"
                         % (adverbs, participle))


def _dates_a_participle(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "deployed to find a ship hijacked three weeks ago", "began their withdrawal under a deal
    struck a week earlier": a time counted back from now ("ago", "earlier") after a past participle
    that qualifies a noun after the trigger dates that participle. Only such times: "held drills
    in waters claimed by China on Monday" keeps its Monday."""
    if t.start <= trigger[1]:
        return False
    if not _words()["backward_words"] & {w.lower() for w in WORD.findall(t.text)}:
        return _dates_an_agreement(text, trigger, t)
    return _qualifying_participle(text, trigger[1], t.start)


def _qualifying_participle(text: str, start: int, end: int) -> bool:
    """Whether a past participle that qualifies a noun (``_participle_before``) runs up to ``end``:
    the first one after a verb ("and urged Tehran to keep up consultations started a year ago") is
    passed over for the next."""
    not_before = _words()["not_before_participle"]
    m = _participle_before().search(text, start, end)
    while m is not None and m.group("before").lower() in not_before:
        m = _participle_before().search(text, m.end("before"), end)
    return m is not None


_WORD_BEFORE = regex.compile(r"([\p{L}'’]+)\s+$")


def _deadline_past_a_qualifying_participle(text: str, trigger: tuple[int, int], t: Timex,
                                           others: list[tuple[int, int]]) -> bool:
    """ "will pull out half of its soldiers based in Niger by August 30": a deadline after a
    participle that qualifies a noun in the object of an earlier trigger ends that trigger's
    event; a state is not done by a deadline."""
    if t.start < trigger[1] or (t.cue or "") not in _words()["deadline"]:
        return False
    if not _participle_after_a_noun(text, trigger):
        return False
    return any(other[1] <= trigger[0] and trigger[0] - other[1] <= _OBJECT_REACH
               and not _COMMA_OR_BREAK.search(text, other[1], trigger[0]) for other in others)


def _participle_after_a_noun(text: str, trigger: tuple[int, int]) -> bool:
    """Whether the trigger is a past participle with no auxiliary, pronoun or adverb before it:
    "soldiers stationed", not "were stationed", "they stationed", "were quickly stationed"."""
    word = text[trigger[0]:trigger[1]].split()[0].lower()
    if not (word.endswith("ed") or word in _words()["irregular_participles"]):
        return False
    before = _WORD_BEFORE.search(text, max(0, trigger[0] - 30), trigger[0])
    return before is not None and before.group(1).lower() not in _AUXILIARIES | _PRONOUNS \
        and not before.group(1).lower().endswith("ly")


@cache
def _noun_in_a_phrase_before() -> regex.Pattern:
    """A preposition, at most a determiner and two words, then a noun, right before a trigger; not
    "of" ("hundreds of troops deployed": the count is the subject)."""
    prepositions = alternation(_words()["other_event_prepositions"] - {"of"})
    return regex.compile(r"(?i)(?<![\p{L}'’])(?:%s)\s+(?:(?:the|its|their|his|her|a|an)\s+)?"
                         r"(?:[\p{L}-]+\s+){0,2}[\p{L}-]+\s+$" % prepositions)


def _participle_of_a_noun_after_the_time(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "In December, jets hit targets in areas abandoned by the militia": a trigger that is a
    participle qualifying the noun of a phrase after the time tells what was done to it before,
    at a time the sentence does not give; the time dates the main clause."""
    if t.end > trigger[0] or not _participle_after_a_noun(text, trigger):
        return False
    m = _noun_in_a_phrase_before().search(text, max(t.end, trigger[0] - 60), trigger[0])
    # a verb before the phrase (or the time), so the participle is not the main verb ("troops from Chad deployed")
    return m is not None and any(w.lower().endswith(_VERB_ENDINGS) or w.lower() in _words()["irregular_participles"]
                                 for w in WORD.findall(text, max(0, t.start - _VERB_REACH), m.start()))


_VERB_ENDINGS = ("ed", "ing")
_VERB_REACH = 60  # characters before the time where the main verb is looked for


@cache
def _main_verb_after() -> regex.Pattern:
    """Words with no break up to an auxiliary of a finite verb ("in the town were", "there have")."""
    return regex.compile(r"(?i)^[^,;:()]*?(?<![\p{L}'’])(?P<aux>%s)(?![\p{L}'’])"
                         % alternation(_words()["reduced_relative_finites"]))


def _dates_the_main_verb_of_a_reduced_relative(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "soldiers stationed in the town were wounded on Monday": a trigger that is a participle
    qualifying the subject, then the auxiliary of the main verb; a time past that auxiliary dates
    the main verb, not the participle. Not when a word of ``reduced_relative_breaks`` comes first
    ("troops moved in and were greeted on Monday": a second verb of the same subject)."""
    if t.start <= trigger[1] or not _participle_after_a_noun(text, trigger):
        return False
    m = _main_verb_after().match(text[trigger[1]:t.start])
    if m is None:
        return False
    between = {w.lower() for w in WORD.findall(text, trigger[1], trigger[1] + m.start("aux"))}
    return not between & _words()["reduced_relative_breaks"]


_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who", "which", "that", "be", "been", "being",
                       "get", "got", "not", "never"})
_OBJECT_REACH = 60  # characters from an earlier trigger to a participle that qualifies its object


@cache
def _agreement_participle() -> regex.Pattern:
    """An agreement noun, its past participle and at most a preposition before a time:
    "a defence pact signed in", "the truce agreed on", "a deal struck last"."""
    words = _words()
    participle = r"\p{L}{3,}ed|%s" % alternation(words["irregular_participles"])
    return regex.compile(r"(?i)(?<![\p{L}'’])(?:%s)\s+(?:(?:%s)\s+)?(?:%s)\s+(?:(?:%s)\s+)?$"
                         % (alternation(words["agreement_nouns"]), alternation(words["participle_adverbs"]),
                            participle, alternation(words["span_cues"])))


def _dates_an_agreement(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "sent troops under a defence pact signed in August": a time right after the participle
    that qualifies an agreement noun dates the agreement, not the event done under it."""
    return _agreement_participle().search(text, max(trigger[1], t.start - 80), t.start) is not None


_CALENDAR_PREFIX = regex.compile(r"\d{4}(?:-\d\d){0,2}$")


def begins_after(start: str | None, published: date) -> bool:
    """Whether a time whose first day is ``start`` ("2025", "2024-04", "2024-04-08") begins after
    the publication day, at its own precision ("next year": 2025 in a story of 2024); a season or
    a week ("2024-SU", "2024-W10") is judged by its year."""
    if start is None or not start[:4].isdigit():
        return False
    if not _CALENDAR_PREFIX.match(start):
        start = start[:4]
    return start > published.isoformat()[:len(start)]


def ends_before(end: str | None, published: date) -> bool:
    """Whether a time whose last day is ``end`` ("2024", "2024-05", "2024-05-20") is over before
    the publication day, at its own precision; other values (seasons, weeks) are not judged."""
    return end is not None and bool(_CALENDAR_PREFIX.match(end)) and end < published.isoformat()[:len(end)]


@cache
def _timing_clause() -> regex.Pattern:
    """ "that had been scheduled for", "which began on": a relative clause that times its noun."""
    verbs = alternation(_words()["timing_verbs"])
    return regex.compile(r"(?i)(?:(?:has|had|have|was|were|is|are|will|would|been|be|being|also|originally|to)\s+)*"
                         r"(?:%s)\b" % verbs)


def _times_the_event(text: str, trigger: tuple[int, int], cut: regex.Match) -> bool:
    """A relative clause right after the trigger (a few words on at most: "an exercise near the
    border that was scheduled for May") whose verb schedules or runs it dates the trigger; one
    further on belongs to a nearer noun ("troops to fight an insurgency that began in 2017")."""
    return (cut.group().strip().lower() in ("that", "which")
            and len(WORD.findall(text, trigger[1], cut.start())) <= _RELATIVE_REACH
            and bool(match_at(_timing_clause(), text, cut.end())))


_RELATIVE_REACH = 4  # words between a trigger and the relative clause that may still time it


def _heads_sentence(text: str, sentence: tuple[int, int], t: Timex) -> bool:
    """ "On Monday, troops crossed ...": a time at the head of the sentence dates all of it. Only
    openers may stand before it ("But late on Monday,"): in "Fighting erupted early Wednesday,"
    the time belongs to the verb before it."""
    return (t.start - sentence[0] <= _LEADING and text[t.end:t.end + 2].startswith(",")
            and all(w.lower() in _words()["heading_openers"] for w in WORD.findall(text, sentence[0], t.start)))


# ------------------------------------------------------------------------------ spans
def _event_date(t: Timex, governing: list[Timex], dct: date | None, text: str,
                trigger: tuple[int, int]) -> EventDate | None:
    cue = "" if _possessive_on_trigger(text, t, trigger) else t.cue or ""
    if dct is not None and not t.parts and _arranged_ahead(text, t, dct, trigger):
        t = _a_year_on(t)
    words = _words()
    if t.type == "DURATION":
        return _from_duration(t, governing, dct, _given_to_do(text, t, trigger))
    if t.value == "FUTURE_REF":  # "soon", "in the coming weeks": from the publication day on
        return None if dct is None else EventDate(text=t.text, start=dct.isoformat(), end=None, precision="day",
                                                  offset_start=t.start, offset_end=t.end, value=t.value)
    start, end, precision, value = t.begin, t.finish, t.precision or "day", t.value
    if t.parts:  # a range carries its own bounds ("from 9 to 20 August")
        pass
    elif cue in words["until"]:
        if dct is None:
            return None
        start, precision = dct.isoformat(), "day" if t.precision == "day" else precision
        if ends_before(end, dct):
            ahead = _until_next_year(text, t, dct, trigger)
            if ahead is None:  # "the drills went on until May 5", told later: the start is not given
                start = None
            else:  # "will run until May", written in June: next May
                value = ahead + value[len(end):] if value and end and value.startswith(end) else value
                end = ahead
    elif cue in words["open_start"]:
        end = None
        lasting = _lasting(governing, text, trigger)
        if lasting is not None and precision == "day" and start is not None and len(start) == 10:
            # "drills for two weeks starting May 20": the duration gives the end
            end = (date.fromisoformat(start) + lasting - timedelta(days=1)).isoformat()
    elif cue in words["deadline"]:
        if dct is not None and ends_before(end, dct):
            ahead = _until_next_year(text, t, dct, trigger)
            if ahead is not None:  # "will leave by May", written in June: next May
                start, end, value = (_year_on(v) for v in (start, end, value))
        known_start = next((g for g in governing if g is not t and (g.cue or "") in words["open_start"]), None)
        if known_start is not None:
            start = known_start.begin
        elif precision == "day" and start is not None and t.type != "TIME":  # "by noon" is that day
            start = end = start[:7]
            precision = "month"
    else:
        lasting = _lasting(governing, text, trigger)
        if lasting is not None and precision == "day" and start == end and start is not None:
            if _last_day(text, t, trigger):
                start = (date.fromisoformat(end) - lasting + timedelta(days=1)).isoformat()
            else:
                end = (date.fromisoformat(start) + lasting - timedelta(days=1)).isoformat()
    return EventDate(text=t.text, start=start, end=end, precision=precision,
                     offset_start=t.start, offset_end=t.end, value=value)


def _until_next_year(text: str, t: Timex, dct: date, trigger: tuple[int, int]) -> str | None:
    """The end of "until May" a year on, when the tagger read it before the publication day but
    the event is told as still to run ("will run until May", "stays until March", written in
    June: the trigger's clause is future, or neither it nor the time's is past): a month or a day
    given without a year or shift word, in another month than the publication's."""
    end = t.finish
    if end is None or not _CALENDAR_PREFIX.match(end) or len(end) < 7 or end[:7] == dct.isoformat()[:7]:
        return None
    months, _, shifts = calendar_words()
    words = {w.lower().rstrip(".") for w in WORD.findall(t.text)}
    if states_a_year(t.text) or words & shifts or not words & months:
        return None
    told = tense_at(text, *trigger)
    if told != "future" and (told == "past" or tense_at(text, t.start, t.end) == "past") \
            and not _relative_future_between(text, trigger, t):
        return None
    moved = f"{int(end[:4]) + 1:04d}{end[4:]}"
    return moved.replace("-02-29", "-02-28") if len(moved) == 10 else moved


@cache
def _relative_future() -> regex.Pattern:
    """A relative pronoun and a future auxiliary (``relative_future`` in the dating lexicon): ",
    which will", "that are set to"."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:which|that)\s+(?:\p{L}+ly\s+)?(?:%s)(?![\p{L}])"
                         % alternation(_words()["relative_future"]))


def _relative_future_between(text: str, trigger: tuple[int, int], t: Timex) -> bool:
    """ "told reporters on Monday that the patrols, which will last until May, would ...": a relative clause
    on the trigger told in the future holds the time, whatever the tense of the report."""
    return t.start > trigger[1] and _relative_future().search(text, trigger[1], t.start) is not None


_PROGRESSIVE_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:is|are|am)\s+(?:\p{L}+ly\s+)?$")
# how many months back a bare month must lie for a progressive to put it a year on (as a
# future clause does in fill.infer_year: four or more)
_ARRANGED_MONTHS_BACK = 4


def _arranged_ahead(text: str, t: Timex, dct: date, trigger: tuple[int, int]) -> bool:
    """ "Russia is sending troops to the border in January", written in June: a present
    progressive trigger with a time is an arrangement to come, so a bare month the tagger read
    four or more months back is next year's (not when the time's own clause is past: "are holding
    drills that began in January")."""
    if not (t.precision == "month" and t.begin and len(t.begin) == 7 and t.begin == t.finish):
        return False
    if not text[trigger[0]:trigger[1]].lower().endswith("ing") \
            or _PROGRESSIVE_BEFORE.search(text, max(0, trigger[0] - 30), trigger[0]) is None:
        return False
    months, _, shifts = calendar_words()
    words = {w.lower().rstrip(".") for w in WORD.findall(t.text)}
    if states_a_year(t.text) or words & shifts or not words & months:
        return False
    back = (dct.year - int(t.begin[:4])) * 12 + dct.month - int(t.begin[5:7])
    return _ARRANGED_MONTHS_BACK <= back < 12 and tense_at(text, t.start, t.end) != "past"


def _a_year_on(t: Timex) -> Timex:
    """``t`` (a month) a year later."""
    def on(value: str | None) -> str | None:
        return None if value is None else f"{int(value[:4]) + 1:04d}{value[4:]}"
    return t._replace(value=on(t.value), begin=on(t.begin), finish=on(t.finish))


def _year_on(value: str | None) -> str | None:
    """A calendar value ("2024-05", "2024-05-31") a year later."""
    if value is None or not _CALENDAR_PREFIX.match(value):
        return value
    moved = f"{int(value[:4]) + 1:04d}{value[4:]}"
    return moved.replace("-02-29", "-02-28") if len(moved) == 10 else moved


_YEAR_DIGITS = regex.compile(r"\d{4}|['’]\d\d\b")


def states_a_year(expression: str) -> bool:
    """Whether a time expression states its year ("April 2, 2024", "in '24")."""
    return _YEAR_DIGITS.search(expression) is not None


def _possessive_on_trigger(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "before Monday's drills", "after next year's pullback": the preposition governs the noun
    phrase, not the time, which dates the trigger it qualifies."""
    if not (text.startswith(("'s", "’s"), t.end) and 0 <= trigger[0] - t.end <= _POSSESSIVE_REACH):
        return False
    # the trigger's modifiers, a name's "of the" left out ("this year's Rim of the Pacific exercise")
    modifiers = _NAME_OF.sub(" ", text[t.end + 2:trigger[0]])
    between = [w.lower() for w in WORD.findall(modifiers)]
    return not _SEPARATE.search(text, t.end, trigger[0]) and not set(between) & _words()["function_words"]


_NAME_OF = regex.compile(r"(?<=\p{Lu}[\p{L}-]*)\s+of(?:\s+the)?\s+(?=\p{Lu})")
_POSSESSIVE_REACH = 40  # characters from a time's "'s" to the trigger it qualifies ("Monday's joint naval drills")


@cache
def _lasting_before() -> regex.Pattern:
    """A ``lasting`` cue and at most an article right before a duration: "for an (additional 90 days)"."""
    return regex.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:an?\s+|the\s+)?$" % alternation(_words()["lasting"]))


def _says_how_long(text: str, t: Timex) -> bool:
    """A duration with a ``lasting`` cue ("for two weeks"), found by the tagger or before an
    article and a modifier it left out ("for an additional 90 days")."""
    return (t.cue or "") in _words()["lasting"] or (
        t.cue is None and _lasting_before().search(text, max(0, t.start - 12), t.start) is not None)


def _lasting(governing: list[Timex], text: str, trigger: tuple[int, int]) -> timedelta | None:
    """How long an event with a start day lasts, from a duration in the same clause that says so
    ("drills for two weeks") or qualifies the trigger ("a three-day exercise"; not "ended a
    60-day patrol and arrived")."""
    for other in governing:
        if other.type == "DURATION" and (_says_how_long(text, other)
                                         or (other.cue is None and _modifies_trigger(text, other, trigger))):
            days = _days(other.value)
            if days:
                return timedelta(days=days)
    return None


@cache
def _completion() -> tuple[regex.Pattern, regex.Pattern]:
    """A completion verb a few words before a trigger ("completed a five-day exercise"), and one
    with at most a cue right before a time ("the drills ended on Friday")."""
    verbs = alternation(_words()["completion_verbs"])
    cues = alternation(lexicon()["dating"]["span_cues"])
    adverbs = alternation(_words()["span_verb_adverbs"])
    return (regex.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:[\p{L}\p{N}'’-]+\s+){0,4}$" % verbs),
            regex.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:(?:%s)\s+)?(?:(?:%s)\s+)?(?:the\s+)?$"
                          % (verbs, adverbs, cues)))


def _last_day(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """Whether the day ``t`` is the event's last one, as a completion verb says: "completed a
    five-day exercise yesterday", "the ten-day drills ended on Friday"."""
    before_trigger, before_time = _completion()
    return (before_trigger.search(text, max(0, trigger[0] - 60), trigger[0]) is not None
            or before_time.search(text, max(0, t.start - 40), t.start) is not None)


_HOURS = regex.compile(r"PT(?P<n>\d+)H$")


def _hours_as_days(value: str) -> int | None:
    """The days a span of hours reaches into ("PT48H" -> 2, "PT36H" -> 2)."""
    m = _HOURS.match(value)
    return -(-int(m.group("n")) // 24) if m and int(m.group("n")) > 0 else None


# a duration given to do the event: "gives Turkey (48 hours) to withdraw", "(a month) to pull out"
_GIVEN_TO = regex.compile(r"\s+to\s+(?:[\p{L}'’-]+\s+){0,2}$")
_GIVEN_BEFORE = regex.compile(r"(?i)\b(?:give|gives|gave|given|giving|grant|grants|granted|allow|allows|allowed)\b")


def _given_to_do(text: str, t: Timex, trigger: tuple[int, int]) -> bool:
    """ "Iraq gives Turkey 48 hours to withdraw", "the army was given a month to pull out": a time
    allowed to do the event runs from the publication day, as "within" does."""
    return (t.cue is None and t.end <= trigger[0] and _GIVEN_TO.fullmatch(text, t.end, trigger[0]) is not None
            and _GIVEN_BEFORE.search(text, max(0, t.start - 40), t.start) is not None)


def _days(value: str) -> int | None:
    m = _DURATION.match(value)
    if not m or m.group("unit") not in _DAYS or value.startswith("PT"):
        return None
    return int(m.group("n")) * _DAYS[m.group("unit")]


_UPPER_BOUNDS = frozenset({"LESS_THAN", "EQUAL_OR_LESS"})  # TIMEX3 mods of "under", "less than", "no more than"


def _from_duration(t: Timex, governing: list[Timex], dct: date | None, given: bool = False) -> EventDate | None:
    """ "within two weeks" (or "gave them two weeks to withdraw": ``given``): publication day to 14
    days later, "within 48 hours" to two days later; "in two weeks": that day; "within six months":
    publication day to the same day six months on; "in six months": that month; "in under five
    days", "in less than a month": a bound, as "within"."""
    cue = t.cue or ""
    if given or cue in _words()["hence"] and t.mod in _UPPER_BOUNDS:
        cue = "within"
    vague_ahead = _vague_ahead(t)  # "within weeks", "over the next few months", "in a few days"
    if dct is None or cue not in _words()["within"] and cue not in _words()["hence"] and not vague_ahead:
        return None
    if t.text.lower().startswith(_backward_openers()):  # "in the past twelve months": a span up to now
        return None
    days = _days(t.value)
    if days is None and cue in _words()["within"]:
        days = _hours_as_days(t.value)
    if days is None and vague_ahead:  # from now on
        return EventDate(text=t.text, start=dct.isoformat(), end=None, precision="day",
                         offset_start=t.start, offset_end=t.end, value=t.value)
    if days is not None:
        later, precision = (dct + timedelta(days=days)).isoformat(), "day"
    else:
        months = _months(t.value)
        if months is None:
            return None
        month = dct.month - 1 + months
        year = dct.year + month // 12
        later_day = date(year, month % 12 + 1, min(dct.day, monthrange(year, month % 12 + 1)[1]))
        later, precision = later_day.isoformat(), "day"
        if cue in _words()["hence"]:
            later, precision = later[:7] if months % 12 else later[:4], "month" if months % 12 else "year"
    if cue in _words()["within"]:
        start, end = dct.isoformat(), later
    else:
        start = end = later
    return EventDate(text=t.text, start=start, end=end, precision=precision,
                     offset_start=t.start, offset_end=t.end, value=t.value)


def _vague_ahead(t: Timex) -> bool:
    """A duration of no number that runs on from now: "within weeks", "in a few days", "over the
    next few months", "for the coming weeks" (not "in recent weeks", nor "for several days")."""
    cue, lowered = t.cue or "", t.text.lower()
    if "X" not in t.value:
        return False
    if cue in _words()["within"]:
        return True
    if not lowered.startswith(_ahead_openers()):
        return False
    return cue in _words()["hence"] or cue == "over" or lowered.startswith(("the next ", "the coming "))


@cache
def _ahead_openers() -> tuple[str, ...]:
    return tuple(words + " " for words in _words()["ahead_openers"])


@cache
def _backward_openers() -> tuple[str, ...]:
    """The openings of a span that runs back from now ("the past ", "last ")."""
    return tuple(words + " " for words in _words()["backward_openers"])


def _months(value: str) -> int | None:
    """The months of a duration counted in months or years ("P6M", "P2Y"), else None."""
    m = _DURATION.match(value)
    if not m or value.startswith("PT") or m.group("unit") not in ("M", "Y"):
        return None
    return int(m.group("n")) * (12 if m.group("unit") == "Y" else 1)


def _relative_to_clause(text: str, clause: tuple[int, int], usable: list[Timex], dct: date | None,
                        trigger: tuple[int, int]) -> EventDate | None:
    """ "..., a day after the president said he was sending troops": the clause after "a day
    after" happened a day before the sentence's own time (the publication day of a present-
    tense news item). Not when the trigger stands past that clause's comma ("Three days after
    the president took office, China held drills"): the event is the main clause's."""
    if text.find(",", clause[0], trigger[0]) != -1:
        return None
    for t in usable:
        if t.type != "DURATION":
            continue
        link = regex.match(r"\s*(after|before)\s*$", text[t.end:clause[0]])
        days = _days(t.value)
        if not (link and days):
            continue
        # the sentence's own time: a day named before, else the publication day
        own = [d for d in usable if d.end <= t.start and d.precision == "day" and d.begin == d.finish]
        anchor = date.fromisoformat(own[-1].begin) if own else dct
        if anchor is not None:
            sign = -1 if link.group(1) == "after" else 1
            day = (anchor + timedelta(days=sign * days)).isoformat()
            return EventDate(text=text[t.start:clause[0]].strip(), start=day, end=day, precision="day",
                             offset_start=t.start, offset_end=t.end + len(text[t.end:clause[0]].rstrip()),
                             value=day)
    return None


_WHEN_AFTER = regex.compile(r"\s*,?\s+when\s+", regex.IGNORECASE)


def _antecedent_of_when(text: str, usable: list[Timex], trigger: tuple[int, int]) -> Timex | None:
    """ "have fought Chadian troops since 2015, when the government sent soldiers into Niger": the
    time a "when" clause hangs on is the time of what the clause tells, as a point ("since" is
    the main clause's); the trigger must be in that clause, with no break before it."""
    for t in usable:
        if t.type not in ("DATE", "TIME") or t.end > trigger[0]:
            continue
        m = _WHEN_AFTER.match(text, t.end, trigger[0])
        if m is not None and not _COMMA_OR_BREAK.search(text, m.end(), trigger[0]) \
                and len(WORD.findall(text, m.end(), trigger[0])) <= _WHEN_REACH \
                and not _cut().search(text, m.end() - 1, trigger[0]) \
                and not phrases_pattern("until").search(text, m.end(), trigger[0]):
            # (not in a clause nested in it: "when they refused to talk until Ethiopia withdrew")
            return t._replace(cue=None)
    return None


_WHEN_REACH = 8  # words from "when" to the trigger of its clause


@cache
def calendar_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Month names, weekday names and the shift words ("next", "last") of the time lexicon."""
    lex = lexicon()
    shifts = frozenset(w for phrase in lex["shifts"] for w in phrase.split())
    return frozenset(lex["months"]), frozenset(lex["weekdays"]), shifts


def timed_by_its_own_verb(text: str, found: EventDate) -> bool:
    """Whether a verb that starts, ends or holds an event comes right before the date's
    expression ("are set to end on March 20", "began on")."""
    floor = max(0, found.offset_start - 40)
    return any(verb.search(text, floor, found.offset_start) for verb in _span_verb_before().values())
