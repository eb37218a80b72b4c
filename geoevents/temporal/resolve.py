"""Step two: an under-specified value filled from the document date (DCT), the tense of the
clause and the reference time (the last date the text mentioned).

Conventions (TimeML/TimeBank, and the project guideline): "Friday" in a past or neutral news
clause is the latest Friday on or before the DCT, in a future clause the next one; a month
without a year is the nearest one in the clause's direction; "last week" is the ISO week before
the DCT's; "three days ago" counts from the DCT, "three days later" and "the next day" from the
reference time; "a year ago" next to a quarter is that quarter a year back; "since December"
looks back whatever the verb; "5 1/2 hours" counts its half in minutes (PT5H30M); "1957-58" is
a range of two years.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .calendar import RANK, Point, day_point
from .context import REPORTED_PERIOD, Context
from .fill import calendar_point, month_year, relative_point
from .parse import Partial
from .timex import Timex

# a Timex from all its fields in their order (``parts`` last), without the keyword handling of
# the named tuple's ``__new__`` (a third of the cost; the tagger builds one per expression)
_new_timex = tuple.__new__

DURATION_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
                  "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "millennium": "L"}


def resolve(p: Partial, ctx: Context, cue: str | None = None) -> Timex | None:
    """The expression ``p`` with its value, introduced by ``cue`` ("since", "until" ...)."""
    if cue is not None:
        p.cue = cue
    return _resolve(p, ctx)


def _resolve(p: Partial, ctx: Context) -> Timex | None:
    op = p.rule.op
    if op == "date":  # most expressions: a calendar point
        return _dated(p, calendar_point(p.parts, ctx), ctx)
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
    return _dated(p, _point(op, p.parts, ctx), ctx)


def _dated(p: Partial, point: Point | None, ctx: Context) -> Timex | None:
    """The expression with the value of ``point``, coarsened as its rule says ("as")."""
    parts = p.parts
    if point is not None and parts.get("as"):
        point = point.coarsen(parts["as"])
    if point is None:
        return _timex(p, p.rule.type or "DATE", _unresolved(parts)) if ctx.dct is None else None
    return _from_point(p, point, parts, ctx)


def _unresolved(f: dict[str, Any]) -> str | None:
    """A value for what only the document date could resolve (no DCT): "XXXX-WXX-5" for Friday."""
    if "weekday" in f:
        return f"XXXX-WXX-{f['weekday'] + 1}"
    shift = f.get("shift", f.get("deictic"))
    if shift is None:
        return None
    return "PRESENT_REF" if shift == 0 else "PAST_REF" if shift < 0 else "FUTURE_REF"


def _timex(p: Partial, kind: str, value: str | None) -> Timex | None:
    if value is None:
        return None
    mod = p.parts.get("mod") or p.parts.get("approx")
    return _new_timex(Timex, (p.text, p.start, p.end, kind, value, None, None, None, mod, p.rule.id, p.cue, ()))


_DESCRIBED: dict[Point, tuple[str, str, str | None, str | None, str]] = {}


def _describe(point: Point) -> tuple[str, str, str | None, str | None, str]:
    """A point's type (a clock time or a part of a day, "Friday morning", is a TIME, as TimeML
    has it), value and bounds; remembered, as the same points come back again and again."""
    described = _DESCRIBED.get(point)
    if described is None:
        kind = "TIME" if point.granularity == "time" or point.part else "DATE"
        described = (kind, point.value(), *point.bounds())
        if len(_DESCRIBED) > 50000:
            _DESCRIBED.clear()
        _DESCRIBED[point] = described
    return described


def _from_point(p: Partial, point: Point, parts: dict[str, Any], ctx: Context) -> Timex:
    ctx.point = point
    kind, value, begin, finish, precision = _describe(point)
    mod = parts.get("mod") or parts.get("approx")
    return _new_timex(Timex, (p.text, p.start, p.end, p.rule.type or kind, value, begin, finish, precision, mod,
                              p.rule.id, p.cue, ()))


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
        if f.get("and_half"):  # "two and a half years ago": the month thirty months back
            return relative_point(ctx.dct, sign * (n * 12 + 6), "month") if unit == "year" else None
        if unit in ("decade", "century"):  # "a decade ago" is a year (TimeBank), "the last decade" a decade
            return relative_point(ctx.dct, sign * n * (10 if unit == "decade" else 100), "year")
        return relative_point(ctx.dct, sign * n, unit)
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
            moved = moved._replace(part=f["part"])
        return moved
    if op == "anaphor":
        reported = _current_quarter(ctx) if f.get("reported") else None
        if f.get("ending"):
            return reported if reported is not None and reported.granularity == unit else _quarter_ending(f, ctx)
        point = ctx.refs.get(unit)
        if reported is not None and point is not None and reported.granularity == unit and point.year != reported.year:
            point = reported  # "the quarter" after "the 1988 period": the quarter reported on, not the one compared
        if point is None and f.get("fallback") is not None and ctx.dct is not None:
            point = day_point(ctx.dct).coarsen(unit).shift(f["fallback"], unit)
        if point is None:
            point = ctx.ref(unit)
        if point is not None and "month" in f and point.granularity == "year":
            return _month_of(point.year, f)  # "in September that year": that year's September
        if point is not None and "part" in f and point.granularity == "day":
            point = point._replace(part=f["part"])
        return point
    return None


def _month_of(year: int | None, f: dict[str, Any]) -> Point:
    """The month (and day) ``f`` names in ``year``."""
    if f.get("day") is not None and year is not None:
        return Point("day", year, f["month"], f["day"])
    return Point("month", year, f["month"])


def _quarter_ending(f: dict[str, Any], ctx: Context) -> Point | None:
    """ "the quarter ended July 31" where no quarter is reported on by name: the calendar
    quarter that holds most of its three months (May to July: the second)."""
    if ctx.dct is None:
        return None
    month = f["month"]
    year = month_year(month, f.get("day"), f, ctx.dct, ctx)
    middle = Point("month", year, month).shift(-1, "month")
    return middle.coarsen("quarter") if middle is not None else None


def _anchor(f: dict[str, Any], unit: str, ctx: Context) -> Point | None:
    """What "N units earlier/later" counts from: the last day mentioned for days and weeks,
    else the last date mentioned. A comparison with "the year-ago quarter" counts from the
    current period: the last date mentioned if it falls in the DCT's year, else the DCT."""
    if unit in ("day", "week", "weekend"):
        return ctx.ref("day")
    if "same" in f:  # "the same month last year": the month last named (or the DCT's), a year back
        return _last_at(ctx, f["same"])
    quarter = _current_quarter(ctx)
    if unit == "year" and quarter is not None:
        return quarter
    last = ctx.refs.get("last")
    if f.get("current") and ctx.dct is not None and (last is None or last.year != ctx.dct.year):
        return day_point(ctx.dct).coarsen("year")
    if last is None:
        return ctx.ref(unit)
    return last


def _last_at(ctx: Context, granularity: str) -> Point | None:
    """The date last mentioned at ``granularity``, if it is that fine, else the latest point at
    that granularity (or the DCT's)."""
    last = ctx.refs.get("last")
    if last is not None and RANK[last.granularity] >= RANK[granularity]:
        return last.coarsen(granularity)
    return ctx.ref(granularity)


def _current_quarter(ctx: Context) -> Point | None:
    """The period of the DCT's year the text reports on: the quarter it named ("third-quarter
    profit"), or the year once it turned to a longer span ("for the nine months")."""
    return ctx.refs.get(REPORTED_PERIOD)


# ------------------------------------------------------------------------------ ranges
def _range(p: Partial, ctx: Context) -> Timex | None:
    first, second = dict(p.parts), dict(p.second or {})
    if "yy" in second and "year" in first and "year" not in second:  # "1957-58": the century of the first year
        year = first["year"] // 100 * 100 + second.pop("yy")
        second["year"] = year if year > first["year"] else year + 100
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
        year = month_year(first["month"], first.get("day"), first, ctx.dct, ctx)
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
                 p.parts.get("mod"), p.rule.id, p.cue, parts=parts)


def _order(f: dict[str, Any]) -> tuple[int, int]:
    return f.get("month", 0), f.get("day", 0)


# ------------------------------------------------------------------------------ durations, sets
def duration_value(f: dict[str, Any]) -> str | None:
    unit = f.get("unit")
    if unit is None:
        return None
    n = f.get("n", 1)  # None: an unknown number ("several days")
    amount = "X" if n is None else str(n)
    if f.get("and_half") and n is not None:
        return _and_a_half(n, unit)
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


# half of a unit in whole units of the next smaller one, where it comes out even
_HALVES = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}


def _and_a_half(n: int, unit: str) -> str | None:
    """"5 1/2 hours" -> PT5H30M, "two and a half years" -> P2Y6M; a decimal where half a unit
    is no whole number of smaller ones ("2 1/2 weeks" -> P2.5W)."""
    if unit == "decade":
        return f"P{n * 10 + 5}Y"
    if unit == "century":
        return f"P{n * 100 + 50}Y"
    code = DURATION_CODES.get(unit)
    if code is None or unit == "weekend":
        return None
    time = "T" if unit in ("hour", "minute", "second") else ""
    half = _HALVES.get(unit)
    if n == 0:  # "half an hour" -> PT30M ("half a century" is counted above: P50Y)
        return f"P{time}{half}" if half else f"P{time}0.5{code}"
    return f"P{time}{n}{code}{half}" if half else f"P{time}{n}.5{code}"


def _set_value(f: dict[str, Any]) -> str | None:
    if "weekday" in f:
        return f"XXXX-WXX-{f['weekday'] + 1}" + (f"T{f['part']}" if f.get("part") else "")
    if "month" in f:
        return f"XXXX-{f['month']:02d}"
    if "season" in f:
        return f"XXXX-{f['season']}"
    if "part" in f:  # "every morning": a part of any day
        return f"XXXX-XX-XXT{f['part']}"
    if "unit" in f:
        return duration_value({"unit": f["unit"], "n": f.get("n", 1)})
    return None
