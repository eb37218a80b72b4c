"""The tense of the clause around a time expression, from the nearest tense marker.

"The ministry said Friday" is past (``said``); "the fleet will sail on Friday" future
(``will``); "On Friday, officials said ..." past (the marker after it). A past participle after
an auxiliary belongs to the auxiliary: "will be deployed on Friday" is future. Without a marker
the answer is None and the resolver falls back on the news reading (the most recent date).

Only the words near the expression count (15 before, 10 after, within its sentence and cut at
semicolons and dashes), so the scans are short; they use the standard ``re`` for speed.
"""

from __future__ import annotations

from functools import cache

from .. import cachedre as re
from ..resources import word_set
from .grammar import lexicon

LEFT_WORDS, RIGHT_WORDS = 15, 10
LEFT_CHARS, RIGHT_CHARS = 120, 90  # enough for those words
_WORD = re.compile(r"'ll|[^\W\d_]+(?:'(?!ll)[^\W\d_]+)*(?:-[^\W\d_]+)*")
_CLAUSE_BREAK = re.compile(r"[;:]\s|\s[–—]\s|\s--\s")
_QUOTE = re.compile("[\"“”]|''|``")
# the characters a clause break or a quotation mark starts with: most windows hold none, and
# one search for them costs less than the pattern's
_BREAK_CHAR = re.compile("[;:–—-]")
_QUOTE_CHAR = re.compile("[\"“”'`]")
# a sentence end: [.!?], closing quotes or brackets, white space and a capital or digit; or a
# blank line. Written to open with one character class, so that a search skips to those characters
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(]?[A-Z0-9])|(?<=\n)\s*\n)")
_REPORTING = frozenset(["said", "says", "say", "told", "added", "reported", "announced", "stated"])
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                          "some", "any", "no", "each", "every"])
_ADVERBS = frozenset(["still", "just", "already", "once", "long", "well", "much", "yet", "now"])
_PASSIVE = frozenset(["be", "been", "being"])
# a present "be" before an irregular participle: "the hearing is set for Friday" is present, not past
_PRESENT_BE = frozenset(["is", "are", "am"])
# past markers that are adjectives after a determiner: "its earlier ruling", "the last meeting"
_MARKER_ADJECTIVES = frozenset(["earlier", "last"])
# past-list words that are never a participle after "be": reporting verbs ('"..., he should be,"
# said X', the quote's verb) and the adverbs of the list
_NO_PARTICIPLE = _REPORTING | frozenset(["ago", "last", "earlier", "previously", "already", "recently"])
# the words after which a verb is bare (an infinitive), never past
_BEFORE_BARE_VERB = frozenset(["to", "will", "would", "'ll", "shall", "could", "should", "might", "must", "can",
                               "may"])
_AUXILIARY = frozenset(["be", "been", "being", "to", "will", "would", "'ll", "shall", "could", "should",
                        "might", "must", "can", "may", "get", "got"])


@cache
def _markers() -> tuple[dict[str, tuple[tuple[str, int], ...]], frozenset[str], frozenset[str], frozenset[str]]:
    """Future markers by their last word ("to" -> ("plans to", 1), ("set to", 1) ...: the
    marker and how many words come before its last), and the word sets."""
    tense = lexicon()["tense"]
    future: dict[str, list[tuple[str, int]]] = {}
    for marker in tense["future"]:
        words = marker.lower().split()
        future.setdefault(words[-1], []).append((" ".join(words), len(words) - 1))
    return ({w: tuple(ms) for w, ms in future.items()}, frozenset(tense["past"]),
            frozenset(tense["not_past_ed"]), frozenset(tense["present"]))


@cache
def _future_openings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The future markers by their first word ("is" -> ("is", "to"), ("is", "expected") ...;
    "planning" -> ("planning", "to")), as word tuples, longest first."""
    openings: dict[str, list[tuple[str, ...]]] = {}
    for marker in lexicon()["tense"]["future"]:
        words = tuple(marker.lower().split())
        openings.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(ms, key=len, reverse=True)) for w, ms in openings.items()}


_BE = frozenset(["is", "are", "was", "were", "am"])
# the words after which the rest of the window is another clause, whose tense is not the expression's
_SUBORDINATORS = frozenset(["that"])


def _marker_starts(lower: list[str], i: int) -> bool:
    return any(tuple(lower[i:i + len(marker)]) == marker for marker in _future_openings().get(lower[i], ()))


def _opens_future(lower: list[str], i: int) -> bool:
    """Whether the verb at word ``i`` opens a future: it begins a future marker ("is" in "...
    Wednesday, is to meet", "is expected") or is a form of "be" right before one ("were
    planning to", "was set to"); then it is no present or past verb but that future."""
    return _marker_starts(lower, i) or (lower[i] in _BE and i + 1 < len(lower) and _marker_starts(lower, i + 1))


def _future_at(words: list[str], i: int, markers: tuple[tuple[str, int], ...]) -> bool:
    """Whether one of ``markers`` (those ending with ``words[i]``) ends at word ``i``."""
    for marker, size in markers:
        if size == 0:
            return True
        if i >= size and (words[i - 1] + " " + words[i] if size == 1 else " ".join(words[i - size:i + 1])) == marker:
            barred = _barred_before().get(marker)
            if barred is None or i == size or words[i - size - 1] not in barred:
                return True
    return False


@cache
def _barred_before() -> dict[str, frozenset[str]]:
    """The words that make a future marker none when they come right before it: "to be" looks
    ahead in "a report to be published Friday", not in "believed to be" or "turned out to be"."""
    barred = lexicon()["tense"]["future_not_after"]
    return {marker: frozenset(words) for marker, words in barred.items() if not marker.startswith("_")}


# the characters a sentence end is made of (see _SENTENCE_END): a scan that starts after any
# other character finds the same sentence ends as one that starts earlier
_SENTENCE_END_CHARS = frozenset(".!?\"'”’)]") | frozenset(" \t\n\r\f\v\u00a0\u2028\u2029")


def sentence_around(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence that holds ``text[start:end]`` within ``[lo, hi)``: from the last sentence
    end before it to the first after it ("Mr." and "U.S." do not end sentences)."""
    left = lo
    for m in _SENTENCE_END.finditer(text, max(lo, start - 400), start):
        if _ends_sentence(text, m.start(), lo):
            left = m.end()
    right = hi
    for m in _SENTENCE_END.finditer(text, end, min(hi, end + 400)):
        if _ends_sentence(text, m.start(), lo):
            right = m.start() + 1
            break
    return left, right


def clause_window(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch around ``text[start:end]`` that ``tense_at`` reads: ``sentence_around``
    clipped to LEFT_CHARS before and RIGHT_CHARS after the expression, found without scanning
    beyond those (the same answer, for far less work)."""
    floor = max(lo, start - 400)
    left = max(lo, start - LEFT_CHARS)
    scan = max(floor, left - 1)
    while scan > floor and (text[scan - 1] in _SENTENCE_END_CHARS or text[scan - 1].isspace()):
        scan -= 1  # a sentence end that reaches into the window starts before it
    for m in _SENTENCE_END.finditer(text, scan, start):
        if m.end() > left and _ends_sentence(text, m.start(), lo):
            left = m.end()
    right = min(hi, end + RIGHT_CHARS)
    for m in _SENTENCE_END.finditer(text, end, min(hi, end + 400)):
        if m.start() + 1 >= right:
            break
        if _ends_sentence(text, m.start(), lo):
            right = m.start() + 1
            break
    return left, right


def _ends_sentence(text: str, stop: int, lo: int) -> bool:
    if text[stop] != ".":
        return True
    floor = max(lo, stop - 30)
    end = stop - 1 if stop > floor and text[stop - 1] == "\n" else stop  # as `(\S+)$` would read it
    if end == floor or text[end - 1].isspace():
        return True
    # the last run of non-space characters before the full stop
    word = text[floor:end].rsplit(None, 1)[-1].lstrip("(\"'“‘[")
    return not (word in word_set("abbreviations.txt") or (len(word) == 1 and word.isupper())
                or (len(word) > 1 and word.count(".") >= 1 and len(word.replace(".", "")) <= 3))


def _adjective(lower: list[str], i: int) -> bool:
    """Whether an -ed word modifies a noun: right after a determiner ("the planned visit"), or
    after a determiner and an adverb ("a still unspecified date", "the newly elected head")."""
    if i >= 1 and lower[i - 1] in _DETERMINERS:
        return True
    return i >= 2 and lower[i - 2] in _DETERMINERS and (lower[i - 1].endswith("ly") or lower[i - 1] in _ADVERBS)


def _right(distance: int) -> float:
    """Markers after the expression count for less: the verb usually comes first in news."""
    return 6 + 1.5 * distance


def tense_at(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """"future", "past", "present" or None for the clause around ``text[start:end]`` in the
    sentence ``text[lo:hi]``."""
    hi = len(text) if hi is None else hi
    return tense_in(text, start, end, max(lo, start - LEFT_CHARS), min(hi, end + RIGHT_CHARS))


def clause_words(text: str, start: int, end: int, left: int, right: int,
                 right_words: int = RIGHT_WORDS) -> tuple[list[str], list[str]]:
    """The words of ``text[left:start]`` (the last LEFT_WORDS) and of ``text[end:right]`` (the
    first ``right_words``), each cut at a clause break (a semicolon, a colon, a dash)."""
    left_text = text[left:start]
    right_text = text[end:right]
    if "," in left_text:
        left_text = _PARENTHETICAL_REPORT.sub(" ", left_text)
    if "," in right_text:
        right_text = _PARENTHETICAL_REPORT.sub(" ", right_text)
    if _BREAK_CHAR.search(left_text):
        for m in _CLAUSE_BREAK.finditer(left_text):
            left_text = left_text[m.end():]
    if _BREAK_CHAR.search(right_text):
        cut = _CLAUSE_BREAK.search(right_text)
        if cut:
            right_text = right_text[:cut.start()]
    opens, coordinated = _coordination()
    if right_text[:1] == "," and opens.search(left_text):
        # "want the truce extended and on Sunday, the militants said": the expression opens a
        # clause of its own, whose verb follows it
        left_text = ""
    elif right_text[:1] == "," and _marked_in_segment(left_text):
        # "Abe, with whom he will hold talks Friday, have been trying": the expression ends a
        # stretch whose own verb is just before it; what follows the comma is another clause
        right_text = ""
    elif _JOINED_AFTER.match(right_text) and _marked_in_segment(left_text):
        # "troops were sent on Friday and more will follow": the same, joined without a comma
        right_text = ""
    if "," in right_text:
        # "formed a cabinet in March, and is demanding": a coordinated clause has its own tense
        joined = coordinated.search(right_text)
        if joined:
            right_text = right_text[:joined.start()]
    if _QUOTE_CHAR.search(right_text):
        # a quotation mark ends the clause: '"... on Friday," he said', 'said on Friday "we will'
        quote = _QUOTE.search(right_text)
        if quote:
            right_text = right_text[:quote.start()]
    return _words(left_text)[-LEFT_WORDS:], _words(right_text)[:right_words]


# a report set off by commas inside the clause ("In April, the ministry said, troops will be
# withdrawn"; "troops will, officials said on Monday, leave"): its verb is not the clause's
_PARENTHETICAL_REPORT = re.compile(r",\s+(?:[^\s,;:]+\s+){0,4}(?:%s)(?:\s+[^\s,;:]+){0,2},\s"
                                   % "|".join(sorted(_REPORTING)))


# ASCII letters, the apostrophe and the hyphen (what a word of ``_WORD`` is made of); the rest spaces
_WORD_BYTES = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 or c in (39, 45) else 32 for c in range(256))


def _words(fragment: str) -> list[str]:
    """``_WORD.findall(fragment)``. In ASCII text a word lies within a run of letters,
    apostrophes and hyphens, and a run of letters alone is a word: such runs are split out at
    C speed, and only those with an apostrophe or a hyphen are left to the pattern."""
    if not fragment.isascii():
        return _WORD.findall(fragment)
    runs = fragment.encode("ascii").translate(_WORD_BYTES).decode("ascii").split()
    if "'" not in fragment and "-" not in fragment:
        return runs
    words: list[str] = []
    for run in runs:
        if "'" in run or "-" in run:
            words += _WORD.findall(run)
        else:
            words.append(run)
    return words


# how near the expression a marker before it must be for the comma after it to end the clause
SEGMENT_WORDS = 6


@cache
def _coordination() -> tuple[re.Pattern, re.Pattern]:
    """What ends a left context whose expression opens a clause ("... and on"), and what opens
    a coordinated clause after the expression (", and", ", but" ...)."""
    words = lexicon()["coordination"]
    opening = "|".join(sorted(words["opening"]))
    cues = "|".join(sorted(words["cues"]))
    after_comma = "|".join(sorted(words["after_comma"]))
    return (re.compile(r"\b(?:%s)\s+(?:(?:%s)\s+)?$" % (opening, cues), re.IGNORECASE),
            re.compile(r",\s+(?:%s)\s" % after_comma))


# "and"/"but" right after an expression
_JOINED_AFTER = re.compile(r"\s+(?:and|but)\s")


def _marked_in_segment(left_text: str) -> bool:
    """Whether one of the last SEGMENT_WORDS words of ``left_text`` after its last comma is a
    tense marker ("with whom he will hold talks", "which is falling on"), read with the words
    before it ("the currently unfinished stadium" holds none)."""
    words = _words(left_text[left_text.rfind(",") + 1:])[-LEFT_WORDS:]
    lower = [w.lower() for w in words]
    future = _markers()[0]
    for i in range(len(words) - 1, max(-1, len(words) - 1 - SEGMENT_WORDS), -1):
        kind = _KINDS.get(lower[i])
        if kind is None:
            kind = _kind(lower[i])
        if kind and ((kind & _FUTURE and _future_at(lower, i, future[lower[i]])) or _verb(kind, words, lower, i)):
            return True
    return False


@cache
def _state_auxiliaries() -> tuple[frozenset[str], frozenset[str]]:
    words = lexicon()["state_until"]
    return frozenset(words["auxiliaries"]), frozenset(words["not_before"])


def states_until_then(text: str, start: int, end: int, left: int, right: int) -> bool:
    """Whether the clause around an expression introduced by "until" is a past state that
    lasted up to it: its verb is "had" ("Until Thursday, police had not named him"), neither
    right before the expression ("had until Friday to reply") nor before "to" ("had to")."""
    auxiliaries, not_before = _state_auxiliaries()
    before, after = clause_words(text, start, end, left, right)
    lower = [w.lower() for w in before[:-1]] + ["\0"] + [w.lower() for w in after]
    return any(word in auxiliaries and i + 1 < len(lower) and lower[i + 1] not in not_before
               and lower[i + 1] != "\0"
               for i, word in enumerate(lower))


# an expression that opens its sentence ("In January, a week after the ruling, a bomb killed a
# guard") is followed by its main clause, whose verb may come after a long phrase: when the
# usual window holds no marker, the rest of the sentence is read, up to these limits
OPENING_WORDS, OPENING_RIGHT_WORDS, OPENING_RIGHT_CHARS = 2, 30, 250


def _more_words_than(n: int, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds more than ``n`` words (counted no further than that)."""
    return any(count > n for count, _ in enumerate(_WORD.finditer(text, start, end), 1))


def opening_tense(text: str, start: int, end: int, left: int, hi: int) -> str | None:
    """The tense of the main clause after an expression that opens its sentence (at most
    OPENING_WORDS words before it, from ``left``, the sentence's start), read to the sentence's
    end (before ``hi``); None for an expression inside its sentence."""
    if _more_words_than(OPENING_WORDS, text, left, start):
        return None
    right = min(hi, end + OPENING_RIGHT_CHARS)
    for m in _SENTENCE_END.finditer(text, end, right):
        if _ends_sentence(text, m.start(), left):
            right = m.start() + 1
            break
    words = clause_words(text, start, end, left, right, OPENING_RIGHT_WORDS)
    return _marked_tense(*words)


def tense_in(text: str, start: int, end: int, left: int, right: int,
             words: tuple[list[str], list[str]] | None = None) -> str | None:
    """``tense_at`` for the window ``text[left:right]`` (see ``clause_window``); ``words`` are
    its ``clause_words`` if already read. The nearest marker wins: a future marker before the
    expression, one after it, a past or present verb before it, one after it (ties in that
    order; markers after it count for less). A deadline ("by June 30", "the deadline of
    September 11") naming a month is future unless the clause is past: "the brigade leaves by
    June 30" said in March is this June."""
    if _dates_a_past_event(text, end, right):
        return "past"
    if _names_a_coming_term(text, start, end, left, right):
        return "future"
    before, after = words or clause_words(text, start, end, left, right)
    # "the agency Sunday said": a reporting verb right after the expression is the clause's own
    found = _marked_tense(before, after, text[end:end + 1] == " " and text[end + 1:end + 2].isalpha())
    if (found != "past" or _present_perfect(before)) and _is_deadline(before, after) and _names_month(text[start:end]):
        return "future"  # "have started to withdraw before the deadline of September 11": still ahead
    return found


_PERFECT = frozenset(["have", "has"])


def _present_perfect(before: list[str]) -> bool:
    """Whether the clause before the expression is in the present perfect ("troops have started
    to withdraw before ..."): what it tells is still going on."""
    words = {w.lower() for w in before}
    return bool(words & _PERFECT) and "had" not in words


@cache
def _past_event_pattern() -> re.Pattern:
    """What follows an expression that dates an event which can only have happened: "Thursday's
    bombing", "a February bomb blast", "the March 3 killings"."""
    nouns = "|".join(sorted(lexicon()["tense"]["past_event_nouns"], key=len, reverse=True))
    return re.compile(r"(?:['’]s)?[ \t]+(?:[a-z]+[ \t]+)?(?:%s)\b" % nouns)


def _dates_a_past_event(text: str, end: int, right: int) -> bool:
    """Whether the expression ending at ``end`` names the time of an event that has happened
    (a past-event noun right after it, or after one modifier): its own clause's verb does not
    move it ("ministers will discuss Thursday's bombing")."""
    return _past_event_pattern().match(text, end, min(right, end + 40)) is not None


@cache
def _coming_term_patterns() -> tuple[re.Pattern, re.Pattern]:
    """What follows a month that names a term to come ("January delivery", "the March
    contract"), and what precedes one ("for delivery in January")."""
    nouns = "|".join(sorted(lexicon()["tense"]["coming_term_nouns"], key=len, reverse=True))
    return (re.compile(r"[ \t]+(?:%s)\b" % nouns),
            re.compile(r"\b(?:%s)[ \t]+(?:in|for)[ \t]+$" % nouns, re.IGNORECASE))


def _names_a_coming_term(text: str, start: int, end: int, left: int, right: int) -> bool:
    """Whether a delivery or contract noun goes with the expression ``text[start:end]``: a
    futures month is the next such month, whatever the verb ("crude for January delivery
    fell", "crude for delivery in January rose")."""
    after, before = _coming_term_patterns()
    return (after.match(text, end, min(right, end + 30)) is not None
            or before.search(text, max(left, start - 30), start) is not None)


@cache
def _deadline_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = lexicon()["deadline_words"]
    return (frozenset(words["last_before"]), frozenset(words["near_before"]), frozenset(words["near_after"]))


@cache
def _month_words() -> frozenset[str]:
    return frozenset(lexicon()["months"])


def _names_month(expression: str) -> bool:
    """Whether the expression names a month: a weekday deadline ("by the Tuesday deadline") is
    as often one just passed, and the month's year is what the deadline decides."""
    return any(w.lower() in _month_words() for w in _WORD.findall(expression))


def _is_deadline(before: list[str], after: list[str]) -> bool:
    """Whether the expression between ``before`` and ``after`` is a deadline."""
    last_before, near_before, near_after = _deadline_words()
    if before and before[-1].lower() in last_before:
        return True
    return any(w.lower() in near_before for w in before[-3:]) or any(w.lower() in near_after for w in after[:2])


def _marked_tense(before: list[str], after: list[str], verb_next: bool = False) -> str | None:
    """The tense of the nearest marker around the expression (see ``tense_in``); ``verb_next``:
    the expression's next word follows it after a single space (no comma, no quote)."""
    future = _markers()[0]
    kinds = _KINDS
    best_distance: float | None = None
    best = None
    if before:
        lower = " ".join(before).lower().split(" ")
        # distances grow with every word further back, and a future marker is nearer than a verb
        # at the same word: the first word back that is either settles the tense before
        for i in range(len(before) - 1, -1, -1):
            word = lower[i]
            kind = kinds.get(word)
            if kind is None:
                kind = _kind(word)
            if not kind:
                continue
            if kind & _FUTURE and _future_at(lower, i, future[word]):
                best_distance, best = _gap_before(before, i), "future"
                break
            verb = _verb(kind, before, lower, i)
            if verb:
                if verb_next and verb == "past" and word in _REPORTING and i >= len(before) - REPORTED_GAP:
                    if _opens_reported_clause(after):
                        # "said the drills will run until May": the expression is the subject of the
                        # reported clause, whose own auxiliary follows it and gives its tense
                        break
                    # "told his squad Friday they must trust him": what follows is the report, whose
                    # tense is not the expression's; the expression dates the telling
                    return "past"
                best_distance, best = _gap_before(before, i) + 1, verb
                break
    if after:
        lower = " ".join(after).lower().split(" ")
        m = len(after)
        future_seen = verb_seen = False
        for i, word in enumerate(lower):
            if word in _SUBORDINATORS:
                break  # "... claimed on Tuesday that Tehran would": a clause of its own
            kind = kinds.get(word)
            if kind is None:
                kind = _kind(word)
            if not kind:
                continue
            if best_distance is not None and _right(_gap_after(after, i)) >= best_distance:
                break  # a marker here or further on is no nearer
            if not future_seen and kind & _FUTURE and _future_at(lower, i, future[word]):
                future_seen = True
                distance = _right(_gap_after(after, i))
                if best_distance is None or distance < best_distance:
                    best_distance, best = distance, "future"
            if not verb_seen and kind & (_PAST | _PRESENT) and _opens_future(lower, i):
                # the verb of a future marker read from its first word: it is no present or past verb
                verb_seen = True
                if not future_seen:
                    future_seen = True
                    distance = _right(_gap_after(after, i))
                    if best_distance is None or distance < best_distance:
                        best_distance, best = distance, "future"
                continue
            if not verb_seen:
                if i + 1 < m and lower[i + 1] == "by" and (word.endswith("ed") or kind & _PAST):
                    continue  # a participle ("untouched by the crisis", "set by"), not the clause's verb
                verb = _verb(kind, after, lower, i)
                if verb:
                    verb_seen = True
                    # "..., Castro said" yields to a verb before; "the agency Sunday said" is the clause's verb
                    # no penalty either when the expression opens the sentence ("On Tuesday, the
                    # ministry announced ..."): what follows is its main clause
                    penalty = 40 if word in _REPORTING and not (i == 0 and verb_next) and len(before) > 1 else 0
                    distance = _right(_gap_after(after, i)) + 1 + penalty
                    if best_distance is None or distance < best_distance:
                        best_distance, best = distance, verb
            if future_seen and verb_seen:
                break
    return best


@cache
def _complement_auxiliaries() -> frozenset[str]:
    return frozenset(lexicon()["tense"]["complement_auxiliaries"])


def _opens_reported_clause(after: list[str]) -> bool:
    """Whether the expression is followed right away by its own auxiliary ("said the drills will
    run", "said troops are set to leave"): it is the reported clause's subject, and takes its tense."""
    if not after:
        return False
    lower = [w.lower() for w in after[:4]]
    # a form of "be" opens it ("are set to"), not "to" ("was reported Friday to be ill" dates the report)
    return lower[0] in _complement_auxiliaries() or (lower[0] in _BE and _opens_future(lower, 0))


# how many words may stand between a reporting verb and the expression it dates ("told
# reporters in the capital Friday") for the words after the expression to be the report
REPORTED_GAP = 5
_FUTURE, _PAST, _PRESENT, _ED = 1, 2, 4, 8
_KINDS: dict[str, int] = {}


def _kind(word: str) -> int:
    """What a lower-case word may be: the last word of a future marker, a past or present
    verb, an -ed form (flags, remembered)."""
    future, past, not_past, present = _markers()
    kind = ((_FUTURE if word in future else 0) | (_PAST if word in past else 0)
            | (_PRESENT if word in present else 0)
            | (_ED if len(word) > 4 and word.endswith("ed") and word not in not_past else 0))
    if len(_KINDS) > 50000:
        _KINDS.clear()
    _KINDS[word] = kind
    return kind


def _verb(kind: int, words: list[str], lower: list[str], i: int) -> str | None:
    """ "past" or "present" if word ``i`` (of that ``kind``) is a verb of that tense. An -ed
    participle after an auxiliary belongs to the auxiliary ("will be deployed", "would have
    moved"), and so does an irregular one right after "be", "been" or "being" ("will be held");
    otherwise the irregular forms of the past list stay past whatever precedes them ("..., he
    should be," said X). A name between is no adverb: "loyal to Assad pulled out" is past."""
    word = words[i]
    if kind & _PAST:
        if lower[i] not in _NO_PARTICIPLE and _after_passive_auxiliary(lower, i):
            return None  # a participle: "will be held", "would be paid" take the tense of the auxiliary
        if i >= 1 and lower[i - 1] in _BEFORE_BARE_VERB and lower[i] not in _NO_PARTICIPLE:
            return None  # a bare verb the past form spells alike: "to put", "will set", "could hit"
        if i >= 1 and lower[i - 1] in _PRESENT_BE and lower[i] not in _NO_PARTICIPLE:
            return None  # a present passive: "are set for", "is held" take the tense of "are", "is"
        if lower[i] in _MARKER_ADJECTIVES and i >= 1 and lower[i - 1] in _DETERMINERS and lower[i - 1] != "that":
            return None  # "its earlier acquittal" dates nothing (but "said that last ..." may)
        return "past"
    if kind & _ED and not word[0].isupper() and not _adjective(lower, i) \
            and not (i >= 1 and lower[i - 1] in _AUXILIARY) \
            and not (i >= 2 and lower[i - 2] in _AUXILIARY and not words[i - 1][:1].isupper()):
        return "past"
    if kind & _PRESENT:
        return "present"
    return None



def _after_passive_auxiliary(lower: list[str], i: int) -> bool:
    """Whether word ``i`` follows "be", "been" or "being" (perhaps with an adverb between):
    then an irregular past form is a participle ("will be held", "has been sent")."""
    if i >= 1 and lower[i - 1] in _PASSIVE:
        return True
    return i >= 2 and lower[i - 2] in _PASSIVE and (lower[i - 1].endswith("ly") or lower[i - 1] in _ADVERBS)


def _gap_before(words: list[str], i: int) -> int:
    """The length of the words after word ``i`` (joined by single spaces)."""
    rest = words[i + 1:]
    return max(0, sum(map(len, rest)) + len(rest) - 1)


def _gap_after(words: list[str], i: int) -> int:
    """The length of the words before word ``i`` (joined by single spaces)."""
    return max(0, sum(map(len, words[:i])) + i - 1)
