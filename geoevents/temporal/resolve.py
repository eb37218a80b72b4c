"""Step two: an under-specified value filled from the document date (DCT), the tense of the
clause and the reference time (the last date the text mentioned).

Conventions (TimeML/TimeBank, and the project guideline): "Friday" in a past or neutral news
clause is the latest Friday on or before the DCT, in a future clause the next one; a month
without a year is the nearest one in the clause's direction; "last week" is the ISO week before
the DCT's; "three days ago" counts from the DCT, "three days later" and "the next day" from the
reference time; "a year ago" next to a quarter is that quarter a year back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from .calendar import RANK, Point, day_point, holiday, month_length
from .grammar import lexicon
from .parse import Partial
from .timex import Timex

DURATION_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
                  "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "millennium": "L"}


@dataclass
class Context:
    dct: date | None
    tense: Callable[[], str | None]
    refs: dict[str, Point] = field(default_factory=dict)  # last point per granularity, and "last"
    point: Point | None = None  # the calendar point of the expression just resolved (its end, for a range)

    def ref(self, granularity: str) -> Point | None:
        """The latest mentioned point at ``granularity`` (or finer, coarsened), else the DCT's."""
        found = self.refs.get(granularity)
        if found is not None:
            return found
        last = self.refs.get("last")
        if last is not None and RANK[last.granularity] > RANK.get(granularity, 0):
            return last.coarsen(granularity)
        if self.dct is not None:
            return day_point(self.dct).coarsen(granularity) if granularity != "day" else day_point(self.dct)
        return None


def resolve(p: Partial, ctx: Context, cue: str | None = None) -> Timex | None:
    """The expression ``p`` with its value, introduced by ``cue`` ("since", "until" ...)."""
    timex = _resolve(p, ctx)
    return timex if timex is None or cue is None else replace(timex, cue=cue)


def _resolve(p: Partial, ctx: Context) -> Timex | None:
    op = p.rule.op
    if op == "veto":
        return None
    if op == "ref":
        return _timex(p, p.rule.type or "DATE", p.rule.value)
    if op == "duration":
        return _timex(p, "DURATION", p.rule.value or duration_value(p.parts))
    if op == "set":
        return _timex(p, "SET", p.rule.value or _set_value(p.parts))
    if op == "range":
        return _range(p, ctx)
    if op in ("ago", "hence") and p.parts.get("n", None) is None and ctx.dct is not None:
        return _timex(p, "DATE", "PAST_REF" if op == "ago" else "FUTURE_REF")
    point = _point(op, p.parts, ctx)
    if point is not None and p.parts.get("as"):
        point = point.coarsen(p.parts["as"])
    if point is None:
        return _timex(p, p.rule.type or "DATE", _unresolved(p.parts)) if ctx.dct is None else None
    return _from_point(p, point, p.parts, ctx)


def _unresolved(f: dict[str, Any]) -> str | None:
    """A value for what only the document date could resolve (no DCT): "XXXX-WXX-5" for Friday."""
    if "weekday" in f:
        return f"XXXX-WXX-{f['weekday'] + 1}"
    shift = f.get("shift", f.get("deictic"))
    if shift is None:
        return None
    return "PRESENT_REF" if shift == 0 else "PAST_REF" if shift < 0 else "FUTURE_REF"


def _timex(p: Partial, kind: str, value: str | None, **extra: Any) -> Timex | None:
    if value is None:
        return None
    mod = p.parts.get("mod") or p.parts.get("approx")
    return Timex(p.text, p.start, p.end, kind, value, mod=mod, rule=p.rule.id, **extra)


def _from_point(p: Partial, point: Point, parts: dict[str, Any], ctx: Context) -> Timex:
    ctx.point = point
    kind = p.rule.type or ("TIME" if point.granularity == "time" else "DATE")
    begin, finish, precision = point.bounds()
    mod = parts.get("mod") or parts.get("approx")
    return Timex(p.text, p.start, p.end, kind, point.value(), begin, finish, precision, mod, p.rule.id)


# ------------------------------------------------------------------------------ points
def _point(op: str, f: dict[str, Any], ctx: Context) -> Point | None:
    if op == "date":
        return calendar_point(f, ctx)
    unit = f.get("unit")
    if op in ("ago", "hence"):
        n = f.get("n")
        if ctx.dct is None or n is None or unit is None:
            return None
        sign = -1 if op == "ago" else 1
        quarter = _current_quarter(ctx)
        if unit == "year" and quarter is not None:  # "profit fell from a year ago": that quarter then
            return quarter.shift(sign * n, "year")
        return _relative(ctx.dct, sign * n, unit)
    if op in ("before", "after"):
        sign = -1 if op == "before" else 1
        n = f.get("n", 1)
        if n is None or unit is None:
            return None
        anchor = _anchor(f, unit, ctx)
        if anchor is None:
            return None
        if "weekday" in f:
            d = anchor.as_date()
            if d is None:
                return None
            back = (d.weekday() - f["weekday"]) % 7 or 7
            ahead = (f["weekday"] - d.weekday()) % 7 or 7
            return day_point(d - timedelta(days=back) if sign < 0 else d + timedelta(days=ahead))
        if f.get("coarsen") and RANK.get(unit, 9) < RANK[anchor.granularity]:
            anchor = anchor.coarsen(unit)
        moved = anchor.shift(sign * n, unit)
        if moved is not None and "part" in f and moved.granularity == "day":
            moved = replace(moved, part=f["part"])
        return moved
    if op == "anaphor":
        point = ctx.refs.get(unit)
        if point is None and f.get("fallback") is not None and ctx.dct is not None:
            point = day_point(ctx.dct).coarsen(unit).shift(f["fallback"], unit)
        if point is None:
            point = ctx.ref(unit)
        if point is not None and "part" in f and point.granularity == "day":
            point = replace(point, part=f["part"])
        return point
    return None


def _anchor(f: dict[str, Any], unit: str, ctx: Context) -> Point | None:
    """What "N units earlier/later" counts from: the last day mentioned for days and weeks,
    else the last date mentioned. A comparison with "the year-ago quarter" counts from the
    current period: the last date mentioned if it falls in the DCT's year, else the DCT."""
    if unit in ("day", "week", "weekend"):
        return ctx.ref("day")
    quarter = _current_quarter(ctx)
    if unit == "year" and quarter is not None:
        return quarter
    last = ctx.refs.get("last")
    if f.get("current") and ctx.dct is not None and (last is None or last.year != ctx.dct.year):
        return day_point(ctx.dct).coarsen("year")
    if last is None:
        return ctx.ref(unit)
    return last


def _current_quarter(ctx: Context) -> Point | None:
    """The quarter of the DCT's year the text reports on, if it named one ("third-quarter profit")."""
    quarter = ctx.refs.get("quarter")
    if quarter is not None and ctx.dct is not None and quarter.year == ctx.dct.year:
        return quarter
    return None


def _relative(dct: date, n: int, unit: str) -> Point | None:
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
        moved = replace(moved, granularity="weekend")
    return moved


def infer_year(month: int, day: int | None, dct: date, tense: str | None) -> int:
    """The year of a month (and day) given without one: the DCT's, unless the clause looks
    the other way and the month is well off (three months back for a future clause, two
    ahead for any other)."""
    here, now = (month, day or 1), (dct.month, dct.day if day else 1)
    if tense == "future" and here < now and (dct.month - month) % 12 > 3:
        return dct.year + 1
    if tense != "future" and here > now and (month - dct.month) % 12 > 2:
        return dct.year - 1
    return dct.year


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
    if "unit" in f and "shift" in f and not any(k in f for k in ("weekday", "month", "season", "quarter", "half")):
        if dct is None:
            return None
        shift = f["shift"]
        if f["unit"] == "week" and shift == 0 and dct.weekday() == 6 and ctx.tense() == "future":
            shift = 1  # "this week", said on a Sunday of what is to come: the week ahead
        point = _relative(dct, shift, f["unit"])
        if point is not None and part and point.granularity == "day":
            point = replace(point, part=part)
        return point
    if f.get("unit") == "weekend" and dct is not None:
        return _weekend(dct, ctx.tense())
    if "weekday" in f and "month" not in f:
        return _with_time(_weekday(f, ctx), f)
    year = _year(f, ctx)
    if "quarter" in f or "half" in f:
        key = "quarter" if "quarter" in f else "half"
        n = f[key]
        if n is None or not 1 <= abs(n) <= (4 if key == "quarter" else 2):
            return None
        n = n if n > 0 else (4 if key == "quarter" else 2)
        if year is None and dct is not None:
            year = _shifted_year(f, dct) if "shift" in f else dct.year
            if "shift" not in f and ctx.tense() == "past" and (n - 1) * (3 if key == "quarter" else 6) >= dct.month:
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
                year = infer_year(middle, None, dct, ctx.tense())
        return Point("season", year, season=season)
    if "month" in f:
        month, day = f["month"], f.get("day")
        if not 1 <= month <= 12:
            return None
        if year is None and dct is not None:
            year = _month_year(month, day, f, dct, ctx)
        if day is None:
            return Point("month", year, month)
        if not 1 <= day <= (month_length(year, month) if year else 31):
            return None
        return _with_time(Point("day", year, month, day, part=part), f)
    if year is not None:
        quarter = ctx.refs.get("quarter") if f.get("quarter_from_ref") else None
        if quarter is not None:  # "the 1988 period" in a report on a quarter: that quarter in 1988
            return Point("quarter", year, quarter=quarter.quarter)
        return Point("year", year)
    if "hour" in f or part:
        base = ctx.ref("day")
        if base is None or base.granularity not in ("day", "time"):
            return None
        return _with_time(replace(base, granularity="day", part=None, hour=None, minute=None), f)
    return None


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


def _month_year(month: int, day: int | None, f: dict[str, Any], dct: date, ctx: Context) -> int:
    shift = f.get("shift")
    if f.get("unit") == "year" and shift is not None:  # "January this year", "June last year"
        return dct.year + shift
    if shift == 1:
        return dct.year + (month <= dct.month)
    if shift == -1:
        return dct.year - (month >= dct.month)
    if shift == 0:
        return dct.year
    return infer_year(month, day, dct, ctx.tense())


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
    elif ctx.tense() == "future":
        d = base_date + timedelta(days=(wd - base_date.weekday()) % 7)
    else:
        d = base_date - timedelta(days=(base_date.weekday() - wd) % 7)
    return day_point(d, f.get("part"))


def _weekend(dct: date, tense: str | None) -> Point:
    """"the weekend": the coming one in a future clause, else the latest one (this one from Saturday)."""
    iso = dct.isocalendar()
    week = Point("weekend", iso[0], week=iso[1])
    if tense != "future" and dct.weekday() < 5:
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
    return replace(point, granularity="time", part=None, hour=hour, minute=minute)


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
        tense = ctx.tense()
        year = dct.year
        if f.get("shift") == -1 or (tense != "future" and this > dct + timedelta(days=60)):
            year -= 1
        elif f.get("shift") == 1 or (tense == "future" and this < dct - timedelta(days=14)):
            year += 1
    d = holiday(rule, year, weekdays)
    if d is None:
        return None
    if f.get("unit") == "week":
        iso = d.isocalendar()
        return Point("week", iso[0], week=iso[1])
    return day_point(d)


# ------------------------------------------------------------------------------ ranges
def _range(p: Partial, ctx: Context) -> Timex | None:
    first, second = dict(p.parts), dict(p.second or {})
    for key in ("month", "yy"):
        if key in second and key not in first:
            first[key] = second[key]
        elif key in first and key not in second:
            second[key] = first[key]
    if "year" in second and "year" not in first:
        first["year"] = second["year"] - (_order(first) > _order(second))
    elif "year" in first and "year" not in second:
        second["year"] = first["year"] + (_order(second) < _order(first))
    elif "year" not in first and "month" in first and ctx.dct is not None:
        year = _month_year(first["month"], first.get("day"), first, ctx.dct, ctx)
        first["year"] = year
        second["year"] = year + (_order(second) < _order(first))
    a, b = calendar_point(first, ctx), calendar_point(second, ctx)
    if a is None or b is None:
        return None
    ctx.point = b
    first_day, last_day = a.first_day(), b.first_day()
    if a.granularity == b.granularity and first_day and last_day and last_day < first_day:
        return None
    begin, _, precision = a.bounds()
    _, finish, _ = b.bounds()
    parts: tuple[Timex, ...] = ()
    if p.spans:
        (s1, e1), (s2, e2) = p.spans
        text = p.text
        base = p.start
        parts = tuple(
            Timex(text[s - base:e - base], s, e, "DATE", point.value(), *point.bounds(), rule=p.rule.id)
            for (s, e), point in (((s1, e1), a), ((s2, e2), b))
        )
    return Timex(p.text, p.start, p.end, "DATE", a.value(), begin, finish, precision,
                 p.parts.get("mod"), p.rule.id, parts=parts)


def _order(f: dict[str, Any]) -> tuple[int, int]:
    return f.get("month", 0), f.get("day", 0)


# ------------------------------------------------------------------------------ durations, sets
def duration_value(f: dict[str, Any]) -> str | None:
    unit = f.get("unit")
    if unit is None:
        return None
    n = f.get("n", 1)  # None: an unknown number ("several days")
    amount = "X" if n is None else str(n)
    if unit == "decade":
        return f"P{'X' if n is None else n * 10}Y"
    if unit == "century":
        return f"P{'X' if n is None else n * 100}Y"
    if unit == "weekend":
        return "P2D" if n == 1 else f"P{amount}WE"
    code = DURATION_CODES[unit]
    if unit in ("hour", "minute", "second"):
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def _set_value(f: dict[str, Any]) -> str | None:
    if "weekday" in f:
        return f"XXXX-WXX-{f['weekday'] + 1}" + (f"T{f['part']}" if f.get("part") else "")
    if "month" in f:
        return f"XXXX-{f['month']:02d}"
    if "season" in f:
        return f"XXXX-{f['season']}"
    if "unit" in f:
        return duration_value({"unit": f["unit"], "n": f.get("n", 1)})
    return None
