"""The extraction pipeline: scan -> sentence -> check -> attach -> status -> link -> records.

One regex pass finds trigger candidates in the whole text; only the few sentences that hold
one are segmented, tagged for names and times, and examined closely.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from . import eventlinks, parts, temporal
from .actors import add_host, attach_actors
from .clauses import attach_clause, clause_of, role_lexicon
from .codes import codes_for
from .dating_checks import date_event, sentence_times, settled_date
from .document import Document, find_published, parse_published
from .eventlinks import link_in_window, link_within_document
from .excerpts import Excerpts
from .gazetteer import Mention, SentenceNames, with_context_names
from .knowledge import Knowledge, packaged, with_rule_files
from .linking import merge_within_sentences
from .model import Actor, Event, EventDate, Location, Quantity, Span
from .parts import MAX_SENTENCE, WINDOW
from .places import attach_locations
from .quantities import sentence_quantities, size_of
from .segment import SentenceFinder
from .status import adjust_for_date, event_status
from .textstream import StreamedDocument
from .trigger_context import SentenceContext
from .triggers import Candidate, attachment_type

# (the sizes of sentences, windows and parts are in ``parts``: a long text is read in parts)
# In such a long "sentence", at most this many candidates per WINDOW characters are examined:
# more is not prose but a list or one word repeated, and each costs a window's worth of work.
MAX_CANDIDATES_PER_WINDOW = 3


@dataclass(slots=True)
class Draft:
    """An event mention while it is being built (mutable; frozen into an ``Event`` at the end)."""

    candidate: Candidate
    sentence: tuple[int, int]
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    date: EventDate | None = None
    status: str = "occurred"
    size: list[Quantity] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.candidate.rule.type


def extract(
    text: str,
    published: date | str | None = None,
    doc_id: str | None = None,
    types: Iterable[str] | None = None,
    rules: Iterable[str] | None = None,
) -> list[Event]:
    """Events in ``text``. ``published`` (a date or "YYYY-MM-DD") anchors relative dates; without
    it, a "Published:"/"Updated:" line or a dateline in the text is used when there is one.
    ``rules`` are paths of user rule files (YAML or TOML) adding triggers, exclusions, actors, places."""
    dct = parse_published(published) if published is not None else find_published(text)
    knowledge = with_rule_files(tuple(str(p) for p in rules)) if rules else None
    return extract_document(Document(text=text, id=doc_id, published=dct), types, knowledge)


def extract_document(document: Document | StreamedDocument, types: Iterable[str] | None = None,
                     knowledge: Knowledge | None = None) -> list[Event]:
    """Events in one document; ``knowledge`` is the packaged lexicon and gazetteer by default.
    A document longer than ``parts.LARGE_DOCUMENT`` is read in parts (see ``_events_in_parts``),
    a streamed one as its text is decoded."""
    if isinstance(document, StreamedDocument) or len(document.text) > parts.LARGE_DOCUMENT:
        return list(document_events(document, types, knowledge))
    # (the path of almost every document: no generator)
    return _events_at_once(document.text, document, knowledge or packaged(), frozenset(types) if types else None)


def document_events(document: Document | StreamedDocument, types: Iterable[str] | None = None,
                    knowledge: Knowledge | None = None) -> Iterator[Event]:
    """``extract_document``, given out as they are found: those of a document read in parts come
    while it is read, a window's worth of mentions after they are found (``eventlinks.link_in_window``)."""
    knowledge = knowledge or packaged()
    wanted = frozenset(types) if types else None
    if isinstance(document, StreamedDocument):
        with document.read() as stream:
            if stream.longer_than(parts.LARGE_DOCUMENT):
                yield from _events_in_parts(stream, document, knowledge, wanted)
                return
            text = stream.held(0, stream.end)  # (more bytes than characters: not so long after all)
    else:
        text = document.text
        if len(text) > parts.LARGE_DOCUMENT:
            yield from _events_in_parts(parts.WholeText(text), document, knowledge, wanted)
            return
    yield from _events_at_once(text, document, knowledge, wanted)


def _events_at_once(text: str, document: Document | StreamedDocument, knowledge: Knowledge,
                    wanted: frozenset[str] | None) -> list[Event]:
    published = document.published.isoformat() if document.published else None
    mentions, _ = _mentions(text, document.published, knowledge, wanted, frozenset())
    return link_within_document([_freeze(text, m, document.id, published) for m in mentions], text)


def _mentions(text: str, published: date | None, knowledge: Knowledge, wanted: frozenset[str] | None,
              earlier: frozenset[str], keep: tuple[int, int] | None = None) -> tuple[list[Draft], frozenset[str]]:
    """The event mentions in ``text`` (those whose trigger starts in ``keep``, if given), and
    ``earlier`` (the types accepted in earlier sentences, in text order) with their types added."""
    lexicon = knowledge.lexicon
    lowered = text.lower()
    candidates = lexicon.scan(text, lowered)  # types are chosen in resolve: a rule may yield to another
    if not candidates:
        return [], earlier
    folded = lexicon.folded_text(text, lowered)
    sentences = SentenceFinder(text)  # only the sentences that hold a candidate are cut
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    crowding: dict[tuple[int, int], int] = {}
    for candidate in _drop_overlaps(candidates):  # in text order
        if keep is not None and not keep[0] <= candidate.start < keep[1]:
            continue
        sentence = sentences.holding(candidate.start)
        if sentence is None or candidate.end > sentence[1]:
            continue
        start, end = sentence
        if end - start > MAX_SENTENCE:
            stretch = (start, candidate.start // WINDOW)
            crowding[stretch] = crowding.get(stretch, 0) + 1
            if crowding[stretch] > MAX_CANDIDATES_PER_WINDOW:
                continue
        by_sentence.setdefault(_window(sentence, candidate), []).append(candidate)

    gazetteer = knowledge.gazetteer
    year = published.year if published else None
    mentions: list[Draft] = []
    for sentence, found in by_sentence.items():
        lazy_names = SentenceNames(gazetteer, text, *sentence)  # looked up if a check needs them
        context = SentenceContext(lexicon, text, sentence, lazy_names, earlier, lowered)
        accepted = [resolved for c in found
                    if (resolved := lexicon.resolve(c, text, sentence, lazy_names, wanted, context, folded))
                    is not None]
        if not accepted:
            continue
        earlier = earlier.union(c.rule.type for c in accepted)
        names = with_context_names(gazetteer, text, *sentence, lazy_names.found())
        times = sentence_times(text, published, sentence)
        triggers = [(c.start, c.end) for c in accepted]
        for candidate in accepted:
            draft = _build(text, sentence, candidate, names, times, year, published, triggers)
            if (draft.actors or draft.locations or draft.date) or not context.accepted_only_as_reference(candidate):
                mentions.append(draft)  # a weakly licensed trigger needs an actor, place or date of its own
    mentions = merge_within_sentences(text, mentions)
    for m in mentions:
        m.status = adjust_for_date(m.status, text, m.sentence, (m.candidate.start, m.candidate.end),
                                   m.date.start if m.date else None, published,
                                   m.date.offset_start if m.date else None)
        m.date = settled_date(text, m.sentence, (m.candidate.start, m.candidate.end), m.date, m.status,
                              published)
    return mentions, earlier


def _events_in_parts(source: parts.TextSource, document: Document | StreamedDocument, knowledge: Knowledge,
                     wanted: frozenset[str] | None) -> Iterator[Event]:
    """The events of a long document, found part by part (``parts.parts``): each part yields the
    mentions whose trigger starts in it, their offsets moved back into the whole text. The whole
    text is never copied (lower-cased, classed for the scan) nor, from a stream, held: a document
    of any size is read in bounded memory, at the cost of scanning the margins twice. The mentions
    are linked over a window of the last ``eventlinks.WINDOW_MENTIONS`` (``link_in_window``), with
    what linking reads of the text kept for each until it is linked (``Excerpts``)."""
    excerpts = Excerpts()
    yield from link_in_window(_mentions_in_parts(source, document, knowledge, wanted, excerpts), excerpts,
                              eventlinks.WINDOW_MENTIONS)


def _mentions_in_parts(source: parts.TextSource, document: Document | StreamedDocument, knowledge: Knowledge,
                       wanted: frozenset[str] | None, excerpts: Excerpts) -> Iterator[Event]:
    """The mentions of a long document, in text order, not yet linked (see ``_events_in_parts``)."""
    published = document.published.isoformat() if document.published else None
    earlier: frozenset[str] = frozenset()
    for part in parts.parts(source):
        mentions, earlier = _mentions(part.text, document.published, knowledge, wanted, earlier, part.keep)
        found = sorted((_freeze(part.text, m, document.id, published) for m in mentions),
                       key=lambda e: e.trigger.start)
        for event in found:
            excerpts.add(part.text, part.low, event)
        low = part.low
        del part, mentions
        _let_go_of_text()
        for event in found:
            yield _moved(event, low)


def _let_go_of_text() -> None:
    """Empty the caches keyed by a text: they would hold on to the parts read (hundreds of
    them, a megabyte each) until pushed out by later entries."""
    for cached in (attach_clause, clause_of, sentence_quantities):
        cached.cache_clear()


def _moved(event: Event, by: int) -> Event:
    """``event`` found in a part of a text that starts ``by`` characters into it: its offsets in the text."""
    def span(s: Span) -> Span:
        return replace(s, start=s.start + by, end=s.end + by)

    return replace(
        event, trigger=span(event.trigger), sentence=span(event.sentence),
        actors=tuple(replace(a, start=a.start + by, end=a.end + by) for a in event.actors),
        locations=tuple(replace(loc, start=loc.start + by, end=loc.end + by) for loc in event.locations),
        date=event.date and replace(event.date, offset_start=event.date.offset_start + by,
                                    offset_end=event.date.offset_end + by),
        size=tuple(replace(q, start=q.start + by, end=q.end + by) for q in event.size),
    )


def _drop_overlaps(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates (the scan is leftmost-first)."""
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def _window(sentence: tuple[int, int], candidate: Candidate) -> tuple[int, int]:
    start, end = sentence
    if end - start <= MAX_SENTENCE:
        return sentence
    return max(start, candidate.start - WINDOW), min(end, candidate.end + WINDOW)


def _build(text: str, sentence: tuple[int, int], candidate: Candidate, names: list[Mention],
           times: list[temporal.Timex], year: int | None, published: date | None,
           triggers: list[tuple[int, int]]) -> Draft:
    trigger = (candidate.start, candidate.end)
    kind = attachment_type(candidate.rule.type, role_lexicon()["location_prepositions"])
    actors = attach_actors(text, sentence, trigger, kind, names, year, candidate.rule.type)
    locations = attach_locations(text, sentence, trigger, kind, names, actors, candidate.rule.type)
    actors = add_host(actors, locations, kind)
    status = event_status(text, sentence, trigger, actors, names, year)
    found = date_event(text, sentence, trigger, times, published, triggers, status)
    return Draft(
        candidate=candidate, sentence=sentence, actors=actors, locations=locations,
        date=found, status=status, size=size_of(text, sentence, trigger),
    )


def _freeze(text: str, m: Draft, doc_id: str | None, published: str | None) -> Event:
    c = m.candidate
    s, e = m.sentence
    codes = codes_for(text, m.sentence, (c.start, c.end), m.type, c.rule.id, m.status, m.actors, m.size)
    return Event(
        doc_id=doc_id, type=m.type, trigger=Span(text[c.start:c.end], c.start, c.end),
        sentence=Span(text[s:e], s, e), actors=tuple(m.actors), locations=tuple(m.locations),
        date=m.date, status=m.status, rule=c.rule.id, published=published, size=tuple(m.size), codes=codes,
    )
