"""Calendar points from the parts of an expression: the year a month falls in, the Friday a
weekday means, the week "this week" is, the day a holiday falls on - filled from the document
date (DCT) and the tense of the clause (step two of the tagger, with ``resolve.py``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any

from .calendar import RANK, Point, day_point, holiday, month_length
from .context import REPORTED_PERIOD, Context
from .grammar import lexicon


def relative_point(dct: date, n: int, unit: str) -> Point | None:
    """The DCT moved by ``n`` units, at the unit's granularity ("two weeks ago" -> that ISO week)."""
    today = day_point(dct)
    if unit in ("day", "hour", "minute", "second"):
        return today.shift(n, "day") if unit == "day" else None
    granularity = {"weekend": "week"}.get(unit, unit)
    if granularity not in RANK:
        return None
    if granularity in ("decade", "century"):
        return today.coarsen(granularity).shift(n, granularity)
    moved = today.coarsen(granularity).shift(n, granularity)
    if moved is not None and unit == "weekend":
        moved = moved._replace(granularity="weekend")
    return moved


def infer_year(month: int, day: int | None, dct: date, tense: Callable[[], str | None]) -> int:
    """The year of a month (and day) given without one: the DCT's, unless the clause looks
    the other way and the month is well off. A past clause reads a month three or more months
    ahead as last year's; a future clause a month four or more months back as next year's.
    A present clause ("the election is in March") means the nearer one, up to five months
    ahead; a clause with no tense marker (a headline, a noun phrase: "the January elections")
    up to four months ahead, as news reports what is close. The tense is only asked when the
    month is well off."""
    here, now = (month, day or 1), (dct.month, dct.day if day else 1)
    ahead = (month - dct.month) % 12  # months to the next such month (0: the DCT's)
    if here < now and 0 < ahead < 9:  # at least four months back
        tense_now = tense()
        if tense_now == "future" or ahead <= _LOOKS_AHEAD.get(tense_now, -1):
            return dct.year + 1
    if here > now and ahead > 2:
        tense_now = tense()
        if tense_now != "future" and ahead > _LOOKS_AHEAD.get(tense_now, -1):
            return dct.year - 1
    return dct.year


# how many months ahead a year-less month may lie, by the clause's tense, and still be read
# ahead rather than back; past clauses are read back from three months ahead, future clauses
# ahead from four months back (infer_year)
_LOOKS_AHEAD = {"present": 5, None: 4}


# parts that name a period, which a shifted unit ("last week") then only qualifies
_NAMED_PERIODS = frozenset(["weekday", "month", "season", "quarter", "half"])


def calendar_point(f: dict[str, Any], ctx: Context) -> Point | None:
    dct = ctx.dct
    part = f.get("part")
    if "deictic" in f:
        if dct is None:
            return None
        base = day_point(dct + timedelta(days=f["deictic"]), part)
        return _with_time(base, f)
    if "holiday" in f:
        return _holiday(f, ctx)
    if "unit" in f and "shift" in f and f.keys().isdisjoint(_NAMED_PERIODS):
        if dct is None:
            return None
        shift = f["shift"]
        reported = ctx.refs.get(REPORTED_PERIOD) if f.get("reported") else None
        if reported is not None and reported.granularity == "quarter" \
                and not (f.get("not_ahead") and ctx.tense() == "future"):
            # in a report on a quarter, "the latest period" is that quarter, "from $4 million
            # last year" that quarter a year back, "this quarter's loss includes" that quarter
            return reported if f["unit"] == "quarter" else reported.shift(shift, f["unit"])
        if f.get("passed") and dct.month < 12:
            shift = -1  # "peaked by the end of the year" before this year's end: last year's
        if f["unit"] == "week" and shift == 0 and dct.weekday() == 6 and ctx.tense() == "future":
            shift = 1  # "this week", said on a Sunday of what is to come: the week ahead
        point = relative_point(dct, shift, f["unit"])
        if point is not None and part and point.granularity == "day":
            point = point._replace(part=part)
        return point
    if f.get("unit") == "weekend" and dct is not None:
        return _weekend(dct, ctx.tense)
    if "weekday" in f and "month" not in f:
        return _with_time(_weekday(f, ctx), f)
    year = _year(f, ctx)
    if "quarter" in f or "half" in f:
        key = "quarter" if "quarter" in f else "half"
        n = f[key]
        if n is None or not 1 <= abs(n) <= (4 if key == "quarter" else 2):
            return None
        n = n if n > 0 else (4 if key == "quarter" else 2)
        if year is None and dct is not None and f.get("ended") and "month" in f:
            year = month_year(f["month"], f.get("day"), f, dct, ctx)  # "the second quarter ended Oct. 31"
        elif year is None and dct is not None:
            year = _shifted_year(f, dct) if "shift" in f else dct.year
            if "shift" not in f and (n - 1) * (3 if key == "quarter" else 6) >= dct.month and ctx.tense() == "past":
                year -= 1  # "sales fell in the fourth quarter", written in January
        return Point(key, year, **{key: n})
    if "decade" in f:
        return Point("decade", decade=f["decade"])
    if "dword" in f:
        f = {**f, "dyy": f["dword"]}
    if "dyy" in f:  # "the '80s"
        base = dct.year if dct else 2000
        decade = base // 100 * 10 + f["dyy"]
        return Point("decade", decade=decade if decade * 10 <= base + 10 else decade - 10)
    if "hundreds" in f:
        f = {**f, "century": f["hundreds"]}
    if "century" in f:
        n = f["century"]
        return Point("century", century=n - 1) if n and 1 <= n <= 21 else None
    if "season" in f:
        season = f["season"]
        if year is None and dct is not None:
            if f.get("recent"):  # "this past spring": the latest one before the DCT
                year = dct.year if {"WI": 1, "SP": 4, "SU": 7, "FA": 10}[season] < dct.month else dct.year - 1
            elif "shift" in f:
                year = _shifted_year(f, dct)
            else:
                middle = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}[season]
                year = infer_year(middle, None, dct, ctx.tense)
        return Point("season", year, season=season)
    if "month" in f:
        month, day = f["month"], f.get("day")
        if not 1 <= month <= 12:
            return None
        if year is None and dct is not None:
            year = month_year(month, day, f, dct, ctx)
        if day is None:
            return Point("month", year, month)
        if not 1 <= day <= (month_length(year, month) if year else 31):
            return None
        return _with_time(Point("day", year, month, day, part=part), f)
    if year is not None:
        quarter = _period_reported(ctx) if f.get("quarter_from_ref") else None
        if quarter is not None:  # "the 1988 period" in a report on a quarter: that quarter in 1988
            return Point("quarter", year, quarter=quarter.quarter)
        return Point("year", year)
    if "hour" in f or part:
        base = ctx.ref("day")
        if base is None or base.granularity not in ("day", "time"):
            return None
        return _with_time(base._replace(granularity="day", part=None, hour=None, minute=None), f)
    return None


def _period_reported(ctx: Context) -> Point | None:
    """The quarter a report is on, or None once it turned to a span of months ("for the nine
    months ... in the 1988 period" is that year); the last quarter named where it said neither."""
    reported = ctx.refs.get(REPORTED_PERIOD)
    if reported is None:
        return ctx.refs.get("quarter")
    return reported if reported.granularity == "quarter" else None


def _year(f: dict[str, Any], ctx: Context) -> int | None:
    if "year" in f:
        return f["year"]
    if "yy" in f:
        yy = f["yy"]
        base = ctx.dct.year if ctx.dct else 2000
        century = base // 100 * 100
        return century + yy if century + yy <= base + 10 else century - 100 + yy
    return None


def _shifted_year(f: dict[str, Any], dct: date) -> int:
    return dct.year + f["shift"]


def month_year(month: int, day: int | None, f: dict[str, Any], dct: date, ctx: Context) -> int:
    shift = f.get("shift")
    if f.get("ended"):  # "the year ended Aug. 31": a day that is over, on or before the DCT
        return dct.year if (month, day or 1) <= (dct.month, dct.day) else dct.year - 1
    if f.get("unit") == "year" and shift is not None:  # "January this year", "June last year"
        return dct.year + shift
    if shift == 1:
        return dct.year + (month <= dct.month)
    if shift == -1:
        if day is not None:  # "last Dec. 14" six days after it: the latest such day
            return dct.year - ((month, day) >= (dct.month, dct.day))
        # "last October" written in November is a year back: the month just gone is "last month"
        return dct.year - (month >= dct.month - 1)
    if shift == 0:
        return dct.year
    if ctx.cue == "since":  # "since" looks back whatever the verb: the latest such day or month
        return dct.year if (month, day or 1) <= (dct.month, dct.day) else dct.year - 1
    if ctx.cue in _running_span_ends():  # "the program runs through June": a span that reaches ahead
        return infer_year(month, day, dct, _future)
    return infer_year(month, day, dct, ctx.tense)


@cache
def _running_span_ends() -> frozenset[str]:
    return frozenset(lexicon()["running_span_ends"]["words"])


def _future() -> str:
    return "future"


def _weekday(f: dict[str, Any], ctx: Context) -> Point | None:
    wd = f["weekday"]
    if f.get("anchor") == "ref":
        base = ctx.ref("day")
        base_date = base.as_date() if base else None
    else:
        base_date = ctx.dct
    if base_date is None:
        return None
    shift = f.get("shift")
    if shift == -1:
        back = (base_date.weekday() - wd) % 7 or 7
        d = base_date - timedelta(days=back)
    elif shift == 1:
        d = base_date + timedelta(days=(wd - base_date.weekday()) % 7 or 7)
    elif shift == 0:
        d = base_date + timedelta(days=wd - base_date.weekday())
    elif wd == base_date.weekday() or ctx.cue == "since":  # the same weekday either way; "since" looks back
        d = base_date - timedelta(days=(base_date.weekday() - wd) % 7)
    else:
        back, ahead = (base_date.weekday() - wd) % 7, (wd - base_date.weekday()) % 7
        tense = ctx.tense()
        # a clause with no past or future marker (a present verb, a headline, a bare noun
        # phrase: "Thursday's election", "the summit opens Saturday") means the nearer one:
        # news reports what is close to the day it is written
        if tense == "future" or (tense in (None, "present") and ahead < back):
            d = base_date + timedelta(days=ahead)
        else:
            d = base_date - timedelta(days=back)
    return day_point(d, f.get("part"))


def _weekend(dct: date, tense: Callable[[], str | None]) -> Point:
    """"the weekend": the coming one in a future clause, the latest one in a past clause (this
    one from Saturday); in a present clause or one with no tense marker the nearer one, as for
    weekdays ("reporters are gearing up for the summit at the weekend", written on a Thursday)."""
    iso = dct.isocalendar()
    week = Point("weekend", iso[0], week=iso[1])
    if dct.weekday() < 5:
        tense_now = tense()
        if tense_now == "past" or (tense_now != "future" and dct.weekday() < 3):
            return week.shift(-1, "week") or week
    return week


def _with_time(point: Point | None, f: dict[str, Any]) -> Point | None:
    if point is None or "hour" not in f:
        return point
    hour, minute = f["hour"], f.get("minute", 0)
    if (f.get("ampm") == "pm" or (f.get("ampm") is None and f.get("part") in ("AF", "EV", "NI"))) and hour < 12:
        hour += 12
    elif f.get("ampm") == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return point._replace(granularity="time", part=None, hour=hour, minute=minute)


def _holiday(f: dict[str, Any], ctx: Context) -> Point | None:
    rule = lexicon()["holidays"].get(f["holiday"])
    weekdays = lexicon()["weekdays"]
    dct = ctx.dct
    year = _year(f, ctx)
    if rule is None:
        return None
    if year is None:
        if dct is None:
            return None
        this = holiday(rule, dct.year, weekdays)
        if this is None:
            return None
        year = dct.year
        if f.get("shift") == -1 or (this > dct + timedelta(days=60) and ctx.tense() != "future"):
            year -= 1
        elif f.get("shift") == 1 or (this < dct - timedelta(days=14) and ctx.tense() == "future"):
            year += 1
    d = holiday(rule, year, weekdays)
    if d is None:
        return None
    if f.get("unit") == "week":
        iso = d.isocalendar()
        return Point("week", iso[0], week=iso[1])
    return day_point(d)
