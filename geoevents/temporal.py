"""Temporal tagger: finds time expressions and normalises them against the document date.

Two steps: the patterns below find an expression and read its parts (an under-specified value:
"August 5", no year); ``_resolve`` then fills what is missing from the document creation time
(DCT) and the tense of the clause ("on Wednesday" is the last Wednesday unless the clause
speaks of the future).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import regex

from .resources import read_text


@dataclass(frozen=True, slots=True)
class Timex:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML TIMEX3 value: 2021-08-05, 2021-08, 2021-W31, 2021-SU, P3D, PAST_REF ...
    begin: str | None = None  # first day/month/year covered, at ``precision``
    finish: str | None = None  # last day/month/year covered (None for an open range)
    precision: str | None = None  # day | week | month | season | year
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER

    @property
    def is_range(self) -> bool:
        return self.begin is not None and self.begin != self.finish


@cache
def _lexicon() -> dict:
    return json.loads(read_text("time/lexicon.json"))


def _alternation(words) -> str:
    return "|".join(sorted((regex.escape(w) for w in words), key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, regex.Pattern]]:
    lex = _lexicon()
    full = [w for w in lex["months"] if len(w) > 4 or w in ("may", "june", "july")]
    short = [w for w in lex["months"] if w not in full]
    names = [w.capitalize() for w in full] + [w.upper() for w in full]
    abbreviations = [w.capitalize() for w in short] + [w.upper() for w in short]
    month = r"(?:(?:%s)\b|(?:%s)\b\.?)" % (_alternation(names), _alternation(abbreviations))
    weekday = r"(?:%s)" % _alternation([w.capitalize() for w in lex["weekdays"] if len(w) > 3])
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)"
    number = r"(?:\d+|%s)" % _alternation(lex["numbers"])
    unit = r"(?:%s)" % _alternation(lex["units"])
    dash = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
    no_digit_after = r"(?![\d,]*\d)(?!\s*(?:%|per|km|troops|soldiers))"
    p = {
        "range_md_md": rf"(?P<m1>{month})\s+(?P<d1>{day}){dash}(?P<m2>{month})\s+(?P<d2>{day})(?:,?\s+(?P<y>{year}))?",
        "range_md_d": rf"(?P<m1>{month})\s+(?P<d1>{day})\s*(?:-|–|to|through|and)\s*(?P<d2>{day})\b(?:,?\s+(?P<y>{year}))?",
        "range_dm_dm": rf"(?P<d1>{day})\s+(?P<m1>{month})(?:,?\s+(?P<y1>{year}))?{dash}(?:the\s+)?(?P<d2>{day})\s+(?P<m2>{month})(?:,?\s+(?P<y>{year}))?",
        "range_d_dm": rf"(?P<d1>{day})\s*(?:-|–|to|and)\s*(?P<d2>{day})\s+(?P<m1>{month})(?:,?\s+(?P<y>{year}))?",
        "range_months": rf"(?:between|from)\s+(?P<m1>{month})(?:\s+(?P<y1>{year}))?\s+(?:and|to|until)\s+(?P<m2>{month})(?:\s+(?P<y>{year}))?",
        "iso": rf"(?P<y>{year})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b",
        "md": rf"(?P<m1>{month})\s+(?P<d1>{day})\b(?:,?\s+(?P<y>{year}))?{no_digit_after}",
        "dm": rf"\b(?P<d1>{day})\s+(?P<m1>{month})(?:,?\s+(?P<y>{year}))?\b",
        "fuzzy_month": rf"(?i:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]+(?P<m1>{month})(?:,?\s+(?P<y>{year}))?",
        "month_year": rf"(?P<m1>{month}),?\s+(?P<y>{year})\b",
        "cued_month": rf"(?i:(?P<cue>in|since|until|till|by|during|last|next|this|before|after|from|of))\s+(?P<m1>{month})\b",
        "bare_month": r"\b(?P<m1>January|February|April|June|July|August|September|October|November|December)\b",
        "decade": r"(?i:the\s+)?(?P<dec>1[89]\d0|20[0-2]0)s\b",
        "season": rf"(?i:(?P<rel>this|last|next|the|early|late|in|during|by|until|since)\s+)(?:(?i:the)\s+)?(?i:(?P<season>spring|summer|autumn|fall|winter))(?:\s+(?:of\s+)?(?P<y>{year}))?(?!\s+(?:exercises?|drills?|offensive|campaign|olympics|games|session))",
        "cued_year": rf"(?i:(?P<cue>in|since|by|during|until|till|of|from|before|after|early|late|mid-?|throughout|between))\s+(?P<y>{year})\b(?![\d,])(?!\s*(?:troops|soldiers|people|km|miles))",
        "possessive_year": rf"\b(?P<y>{year})'s\b",
        "weekday": rf"(?i:(?P<rel>last|next|this|coming|on|early|late)\s+)?(?P<wd>{weekday})(?:\s+(?i:morning|afternoon|evening|night))?",
        "deictic": r"(?i:\b(?P<word>today|tonight|yesterday|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|the\s+day\s+before\s+yesterday)\b)",
        "relative_unit": r"(?i:\b(?:(?P<edge>earlier|later)\s+)?(?P<rel>last|next|this|past|coming|previous|following)\s+(?P<unit>week|weekend|month|year)\b)",
        "ago": rf"(?i:\b(?P<n>{number})\s+(?P<unit>{unit})\s+ago\b)",
        "within": rf"(?i:\b(?P<prep>in|within)\s+(?:the\s+next\s+)?(?P<n>{number})\s+(?P<unit>days?|weeks?|months?|years?)\b)",
        "past_n": rf"(?i:\b(?:the\s+)?(?P<rel>past|last|next|coming)\s+(?P<n>{number})\s+(?P<unit>hours?|days?|weeks?|months?|years?)\b)",
        "duration_adj": rf"(?i:\b(?P<n>{number})[-\s](?P<unit>hour|day|week|month|year)(?:-long)?\b)(?=\s+\w)",
        "duration_for": rf"(?i:\bfor\s+(?:(?:about|around|nearly|almost|more\s+than|up\s+to)\s+)?(?P<n>{number})\s+(?P<unit>hours|days|weeks|months|years)\b)",
        "fuzzy_ref": r"(?i:\b(?P<word>recently|in\s+the\s+coming\s+(?:days|weeks|months)|in\s+the\s+near\s+future|soon|the\s+end\s+of\s+the\s+(?:week|month|year)|later\s+this\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))\b)",
    }
    return [(name, regex.compile(pattern)) for name, pattern in p.items()]


def _month(word: str) -> int:
    return _lexicon()["months"][word.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(regex.match(r"\d+", text).group(0))


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _lexicon()["numbers"].get(text.lower())


def _iso(d: date) -> str:
    return d.isoformat()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int | None, dct: date | None, future: bool) -> int | None:
    """The year of a month (and day) given without one, from the DCT and tense."""
    if dct is None:
        return None
    here = (month, day or 1)
    now = (dct.month, dct.day if day else 1)
    if future and here < now and (dct.month - month) % 12 > 2:
        return dct.year + 1
    if not future and here > now and (month - dct.month) % 12 > 2:
        return dct.year - 1
    return dct.year


def _week_bounds(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def _day_range(text, s, e, begin: date, finish: date, value: str | None = None) -> Timex:
    return Timex(text, s, e, "DATE", value or _iso(begin), _iso(begin), _iso(finish), "day")


def _resolve(name: str, m: regex.Match, dct: date | None, future: bool) -> Timex | None:
    text, s, e = m.group(0), m.start(), m.end()
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None

    if name in ("range_md_md", "range_md_d", "range_dm_dm", "range_d_dm"):
        m1 = _month(g["m1"])
        m2 = _month(g["m2"]) if g.get("m2") else m1
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        y2 = year or _infer_year(m2, d2, dct, future)
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if y2 and (m1, d1) > (m2, d2) else y2)
        if y1 is None:
            return Timex(text, s, e, "DATE", f"XXXX-{m1:02d}-{d1:02d}", precision="day")
        a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if a is None or b is None or b < a:
            return None
        return _day_range(text, s, e, a, b)

    if name == "range_months":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        y2 = year or _infer_year(m2, None, dct, future)
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if y2 and m1 > m2 else y2)
        if y1 is None:
            return None
        return Timex(text, s, e, "DATE", f"{y1}-{m1:02d}", f"{y1}-{m1:02d}", f"{y2}-{m2:02d}", "month")

    if name == "iso":
        d = _safe_date(int(g["y"]), int(g["mm"]), int(g["dd"]))
        return _day_range(text, s, e, d, d) if d else None

    if name in ("md", "dm"):
        mo, d = _month(g["m1"]), _day(g["d1"])
        if not 1 <= d <= 31:
            return None
        y = year or _infer_year(mo, d, dct, future)
        if y is None:
            return Timex(text, s, e, "DATE", f"XXXX-{mo:02d}-{d:02d}", precision="day")
        dd = _safe_date(y, mo, d)
        return _day_range(text, s, e, dd, dd) if dd else None

    if name in ("fuzzy_month", "month_year", "cued_month", "bare_month"):
        mo = _month(g["m1"])
        cue = (g.get("cue") or "").lower()
        if name == "cued_month" and cue in ("next", "last", "this") and dct:
            if cue == "next":
                y = dct.year + (mo <= dct.month)
            elif cue == "last":
                y = dct.year - (mo >= dct.month)
            else:
                y = dct.year
        else:
            y = year or _infer_year(mo, None, dct, future or cue in ("until", "till", "by"))
        mod = None
        if g.get("mod"):
            mod = {"early": "START", "mid": "MID", "late": "END"}.get(g["mod"].lower().split()[-1])
            if mod is None:
                mod = "END" if "end" in g["mod"].lower() else "START" if "start" in g["mod"].lower() or "beginning" in g["mod"].lower() else "MID"
        if name == "cued_month":
            # keep the cue outside the expression: "in August" -> "August"
            s = m.start("m1")
            text = m.group("m1")
        value = f"{y}-{mo:02d}" if y else f"XXXX-{mo:02d}"
        if y is None:
            return Timex(text, s, e, "DATE", value, precision="month", mod=mod)
        if cue in ("since", "from", "after"):
            return Timex(text, s, e, "DATE", value, value, None, "month", mod="AFTER" if cue == "after" else None)
        return Timex(text, s, e, "DATE", value, value, value, "month", mod)

    if name == "decade":
        dec = g["dec"]
        return Timex(text, s, e, "DATE", dec[:3], dec, str(int(dec) + 9), "year")

    if name == "season":
        code = _lexicon()["seasons"][g["season"].lower()]
        rel = (g.get("rel") or "").lower()
        y = year
        if y is None and dct:
            y = dct.year + {"next": 1, "last": -1}.get(rel, 0)
        if y is None:
            return None
        return Timex(text, s, e, "DATE", f"{y}-{code}", f"{y}-{code}", f"{y}-{code}", "season")

    if name in ("cued_year", "possessive_year"):
        y = str(year)
        start_at = m.start("y")
        cue = (g.get("cue") or "").lower()
        if cue in ("since", "from", "after"):
            return Timex(m.group("y"), start_at, m.end("y"), "DATE", y, y, None, "year")
        return Timex(m.group("y"), start_at, m.end("y"), "DATE", y, y, y, "year")

    if name == "weekday":
        wd = _lexicon()["weekdays"][g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if rel == "on":
            s = m.start("wd")
            text = text[s - m.start():]
        if dct is None:
            return Timex(text, s, e, "DATE", "XXXX-WXX-" + str(wd + 1), precision="day")
        if rel == "next" or (future and rel not in ("last",)):
            delta = (wd - dct.weekday()) % 7 or 7
            d = dct + timedelta(days=delta)
        else:
            d = dct - timedelta(days=(dct.weekday() - wd) % 7)
            if rel == "last" and d == dct:
                d -= timedelta(days=7)
        return _day_range(text, s, e, d, d)

    if name == "deictic":
        word = " ".join(g["word"].lower().split())
        if dct is None:
            return Timex(text, s, e, "DATE", "PRESENT_REF" if word in ("today", "tonight") else "XXXX-XX-XX")
        offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
        d = dct + timedelta(days=offset)
        return _day_range(text, s, e, d, d)

    if name == "relative_unit":
        unit, rel = g["unit"].lower(), g["rel"].lower()
        edge = (g.get("edge") or "").lower()
        if dct is None:
            return Timex(text, s, e, "DATE", "PAST_REF" if rel in ("last", "past", "previous") else "FUTURE_REF")
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        if unit == "week":
            a, b = _week_bounds(dct + timedelta(weeks=step))
            if edge == "earlier":
                b = dct
            elif edge == "later":
                a = dct
            iso_year, iso_week, _ = a.isocalendar()
            return Timex(text, s, e, "DATE", f"{iso_year}-W{iso_week:02d}", _iso(a), _iso(b), "week")
        if unit == "weekend":
            saturday = dct + timedelta(days=(5 - dct.weekday()) % 7)
            if dct.weekday() == 6:
                saturday = dct - timedelta(days=1)
            saturday += timedelta(weeks=step)
            return _day_range(text, s, e, saturday, saturday + timedelta(days=1))
        if unit == "month":
            y, mo = _shift_month(dct.year, dct.month, step)
            value = f"{y}-{mo:02d}"
            return Timex(text, s, e, "DATE", value, value, value, "month")
        y = str(dct.year + step)
        return Timex(text, s, e, "DATE", y, y, y, "year")

    if name == "ago":
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if n is None or dct is None:
            return Timex(text, s, e, "DATE", "PAST_REF")
        if unit == "day":
            d = dct - timedelta(days=n)
            return _day_range(text, s, e, d, d)
        if unit == "week":
            a, b = _week_bounds(dct - timedelta(weeks=n))
            return Timex(text, s, e, "DATE", f"{a.isocalendar()[0]}-W{a.isocalendar()[1]:02d}", _iso(a), _iso(b), "week")
        if unit == "month":
            y, mo = _shift_month(dct.year, dct.month, -n)
            return Timex(text, s, e, "DATE", f"{y}-{mo:02d}", f"{y}-{mo:02d}", f"{y}-{mo:02d}", "month")
        if unit == "year":
            return Timex(text, s, e, "DATE", str(dct.year - n), str(dct.year - n), str(dct.year - n), "year")
        return None

    if name == "within":
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7}.get(unit)
        if n is None or dct is None or days is None:
            return Timex(text, s, e, "DATE", "FUTURE_REF")
        if g["prep"].lower() == "within":
            return _day_range(text, s, e, dct, dct + timedelta(days=n * days), f"P{n}{unit[0].upper()}")
        d = dct + timedelta(days=n * days)
        return _day_range(text, s, e, d, d)

    if name == "past_n":
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        value = f"P{n}{'T' if unit == 'hour' else ''}{unit[0].upper()}" if n else "P"
        return Timex(text, s, e, "DURATION", value)

    if name in ("duration_adj", "duration_for"):
        n = _number(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if n is None:
            return None
        value = f"PT{n}H" if unit == "hour" else f"P{n}{unit[0].upper()}"
        return Timex(text, s, e, "DURATION", value)

    if name == "fuzzy_ref":
        word = " ".join(g["word"].lower().split())
        if word.startswith(("earlier this", "later this")) and dct:
            unit = word.split()[-1]
            if unit == "year":
                return Timex(text, s, e, "DATE", str(dct.year), str(dct.year), str(dct.year), "year")
            if unit == "month":
                v = f"{dct.year}-{dct.month:02d}"
                return Timex(text, s, e, "DATE", v, v, v, "month")
        if word.startswith("the end of the") and dct:
            unit = word.split()[-1]
            if unit == "year":
                return Timex(text, s, e, "DATE", str(dct.year), str(dct.year), str(dct.year), "year", "END")
            if unit == "month":
                v = f"{dct.year}-{dct.month:02d}"
                return Timex(text, s, e, "DATE", v, v, v, "month", "END")
        future_words = ("in the coming", "in the near", "soon", "later")
        value = "FUTURE_REF" if word.startswith(future_words) else "PAST_REF"
        return Timex(text, s, e, "DATE", value)
    return None


@cache
def _future_cue() -> regex.Pattern:
    return regex.compile(r"(?i)\b(?:%s)\b" % _alternation(_lexicon()["future_cues"]))


def clause_is_future(text: str, start: int, end: int) -> bool:
    return _future_cue().search(text, start, end) is not None


def tag(
    text: str,
    dct: date | None,
    start: int = 0,
    end: int | None = None,
    is_future: Callable[[int], bool] | None = None,
) -> list[Timex]:
    """Time expressions in ``text[start:end]``, normalised against ``dct``.

    ``is_future(offset)`` tells whether the clause around an offset speaks of the future; by
    default it looks for future cues ("will", "plans to", "next") earlier in the span.
    """
    end = len(text) if end is None else end
    if is_future is None:
        def is_future(offset: int) -> bool:
            return clause_is_future(text, max(start, offset - 80), offset)
    found: list[Timex] = []
    taken_starts: list[int] = []  # the spans taken so far: disjoint, sorted (so their ends are too)
    taken_ends: list[int] = []
    for name, pattern in _patterns():
        for m in pattern.finditer(text, start, end):
            before = bisect.bisect_left(taken_starts, m.end())  # spans starting before m ends
            if before and taken_ends[before - 1] > m.start():  # the last of them overlaps m
                continue
            if m.start() > 0 and text[m.start() - 1].isalnum() and not name.startswith(("cued", "range_dm")):
                continue
            timex = _resolve(name, m, dct, is_future(m.start()))
            if timex is None:
                continue
            taken_starts.insert(before, m.start())
            taken_ends.insert(before, m.end())
            found.append(timex)
    found.sort(key=lambda t: t.start)
    return found
