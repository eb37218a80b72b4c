"""Calendar points at a granularity (a day, an ISO week, a quarter, a decade ...), their TIMEX3
values, the days they cover, and the arithmetic the resolver needs (shift, coarsen)."""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta
from typing import NamedTuple

# coarse to fine; points of equal rank are not comparable by refinement (a season is no quarter)
RANK = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 4, "season": 4, "month": 5,
        "week": 6, "weekend": 6, "day": 7, "time": 8}
SEASON_MONTHS = {"WI": (12, 2), "SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}
SEASON_ORDER = ("WI", "SP", "SU", "FA")


class Point(NamedTuple):
    """A calendar point (a named tuple: cheap to build and to copy with ``_replace``). ``year``
    is None when unknown (value ``XXXX-..``); for a week it is the ISO year. ``part`` is a part
    of day (MO AF EV NI) on a day."""

    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 20th century
    part: str | None = None
    hour: int | None = None
    minute: int | None = None

    # ---------------------------------------------------------------- values
    def value(self) -> str:
        y = "XXXX" if self.year is None else f"{self.year:04d}"
        g = self.granularity
        if g == "century":
            return f"{self.century:02d}"
        if g == "decade":
            return f"{self.decade:03d}"
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.half}"
        if g == "quarter":
            return f"{y}-Q{self.quarter}"
        if g == "season":
            return f"{y}-{self.season}"
        if g == "month":
            return f"{y}-{self.month:02d}"
        if g in ("week", "weekend"):
            week = "WXX" if self.week is None else f"W{self.week:02d}"
            return f"{y}-{week}" + ("-WE" if g == "weekend" else "")
        day = f"{y}-{self.month:02d}-{self.day:02d}"
        if g == "time" and self.hour is not None:
            return f"{day}T{self.hour:02d}:{self.minute or 0:02d}"
        return f"{day}T{self.part}" if self.part else day

    def as_date(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def first_day(self) -> date | None:
        return self._days()[0]

    def last_day(self) -> date | None:
        return self._days()[1]

    def _days(self) -> tuple[date | None, date | None]:
        g, y = self.granularity, self.year
        if g == "century" and self.century is not None:
            return date(self.century * 100, 1, 1), date(self.century * 100 + 99, 12, 31)
        if g == "decade" and self.decade is not None:
            return date(self.decade * 10, 1, 1), date(self.decade * 10 + 9, 12, 31)
        if y is None:
            return None, None
        if g == "year":
            return date(y, 1, 1), date(y, 12, 31)
        if g in ("half", "quarter", "month", "season"):
            first, last = self.month_span()
            return date(first[0], first[1], 1), date(last[0], last[1], month_length(last[0], last[1]))
        if g in ("week", "weekend") and self.week is not None:
            monday = date.fromisocalendar(y, self.week, 1)
            if g == "weekend":
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        d = self.as_date()
        return d, d

    def month_span(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """First and last (year, month) of a half, quarter, season or month."""
        y = self.year or 0
        if self.granularity == "half":
            return (y, 6 * self.half - 5), (y, 6 * self.half)
        if self.granularity == "quarter":
            return (y, 3 * self.quarter - 2), (y, 3 * self.quarter)
        if self.granularity == "season":
            first, last = SEASON_MONTHS[self.season]
            return ((y - 1, first) if first > last else (y, first)), (y, last)
        return (y, self.month), (y, self.month)

    def bounds(self) -> tuple[str | None, str | None, str]:
        """The span an event dated by this point covers: (start, end, precision) as in the
        guideline (a week is a day range, a quarter a month range, a decade a year range)."""
        g = self.granularity
        if g in ("day", "time"):
            d = self.as_date()
            iso = d.isoformat() if d else None
            return iso, iso, "day"
        if g in ("week", "weekend"):
            first, last = self._days()
            if first is None:
                return None, None, "week"
            return first.isoformat(), last.isoformat(), "week" if g == "week" else "day"
        if self.year is None and g not in ("decade", "century"):
            return None, None, "year" if g == "year" else "month"
        if g == "season":
            return self.value(), self.value(), "season"
        if g in ("month", "quarter", "half"):
            (y1, m1), (y2, m2) = self.month_span()
            return f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month"
        first, last = self._days()
        return str(first.year), str(last.year), "year"

    # ---------------------------------------------------------------- arithmetic
    def coarsen(self, granularity: str) -> Point:
        """This point seen at a coarser granularity (a day's month, quarter, ISO week ...)."""
        if granularity == self.granularity or RANK.get(granularity, 9) >= RANK[self.granularity]:
            return self
        d = self.as_date()
        y, m = self.year, self.month
        if granularity in ("week", "weekend"):
            if d is None:
                return Point(granularity, y)
            iso = d.isocalendar()
            return Point(granularity, iso[0], week=iso[1])
        if granularity == "month":
            return Point("month", y, m)
        if granularity == "quarter":
            if m is None:
                return Point("quarter", y, quarter=self.quarter)
            return Point("quarter", y, quarter=(m - 1) // 3 + 1)
        if granularity == "half":
            if m is None and self.quarter:
                return Point("half", y, half=(self.quarter + 1) // 2)
            return Point("half", y, half=1 if (m or 1) <= 6 else 2)
        if granularity == "season":
            return Point("season", y, season=season_of(m or 1))
        if granularity == "year":
            if self.granularity in ("week", "weekend") and d is None and self.week:
                d = date.fromisocalendar(y, self.week, 4)
            return Point("year", d.year if d else y)
        if granularity == "decade":
            return Point("decade", decade=(y // 10) if y is not None else self.decade)
        if granularity == "century":
            return Point("century", century=(y // 100) if y is not None else (self.decade or 0) // 10)
        return self

    def shift(self, n: int, unit: str) -> Point | None:
        """This point moved by ``n`` units, keeping its granularity where it is as fine as the unit."""
        g = self.granularity
        if unit == "century":
            return self.shift(100 * n, "year")
        if unit == "decade":
            if g == "decade" and self.decade is not None:
                return self._replace(decade=self.decade + n)
            return self.shift(10 * n, "year")
        if g == "decade" and unit == "year":
            return self._replace(decade=self.decade + n // 10) if n % 10 == 0 else None
        if g == "century":
            return self._replace(century=self.century + n // 100) if unit == "year" and n % 100 == 0 else None
        if self.year is None:
            return None
        if unit == "year":
            if g in ("day", "time"):
                y = self.year + n
                return self._replace(year=y, day=min(self.day, month_length(y, self.month)))
            return self._replace(year=self.year + n)
        if unit in ("quarter", "half", "season") and g == unit:
            size = {"quarter": 4, "half": 2, "season": 4}[unit]
            index = self.year * size + self._index(unit) + n
            y, i = divmod(index, size)
            if unit == "season":
                return self._replace(year=y, season=SEASON_ORDER[i])
            return self._replace(year=y, **{unit: i + 1})
        if unit in ("quarter", "half"):
            return self.shift(n * (3 if unit == "quarter" else 6), "month")
        if unit == "month":
            if g in ("month", "day", "time"):
                y, m = shift_month(self.year, self.month, n)
                day = min(self.day, month_length(y, m)) if self.day else None
                return self._replace(year=y, month=m, day=day)
            if g in ("quarter", "half") and n % (3 if g == "quarter" else 6) == 0:
                return self.shift(n // (3 if g == "quarter" else 6), g)
            return None
        if unit in ("week", "weekend", "day"):
            days = n * (1 if unit == "day" else 7)
            if g in ("week", "weekend") and self.week is not None:
                monday = date.fromisocalendar(self.year, self.week, 1) + timedelta(days=days)
                iso = monday.isocalendar()
                return self._replace(year=iso[0], week=iso[1])
            d = self.as_date()
            if d is None:
                return None
            moved = d + timedelta(days=days)
            return self._replace(year=moved.year, month=moved.month, day=moved.day)
        if unit in ("hour", "minute") and g == "time" and self.hour is not None:
            return None
        return None

    def _index(self, unit: str) -> int:
        if unit == "season":
            return SEASON_ORDER.index(self.season)
        return (self.quarter if unit == "quarter" else self.half) - 1


def day_point(d: date, part: str | None = None) -> Point:
    """The day ``d`` (with a part of day) as a point; the same days come back again and again
    (the document date, "Friday"), and points are immutable: remembered."""
    point = _DAYS.get((d, part))
    if point is None:
        if len(_DAYS) > 50000:
            _DAYS.clear()
        point = _DAYS[(d, part)] = Point("day", d.year, d.month, d.day, part=part)
    return point


_DAYS: dict[tuple[date, str | None], Point] = {}


def season_of(month: int) -> str:
    for code, (first, last) in SEASON_MONTHS.items():
        if (first <= month <= last) if first <= last else (month >= first or month <= last):
            return code
    return "WI"


def month_length(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, month_length(year, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(rule: str, year: int, weekdays: dict[str, int]) -> date | None:
    """A holiday's date in ``year`` from its lexicon rule: "12-25", "4 thursday 11",
    "easter+1", "election" (the Tuesday after the first Monday of November)."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    if rule == "election":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    parts = rule.split()
    if len(parts) == 3:
        return nth_weekday(year, int(parts[2]), weekdays[parts[1]], int(parts[0]))
    month, day = rule.split("-")
    return safe_date(year, int(month), int(day))
