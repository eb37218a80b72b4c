"""Measure extraction against annotated documents (the format of the annotation guideline).

A gold event is matched by a predicted event of the same document and type whose trigger (or,
failing that, sentence) overlaps the gold evidence; matching is one-to-one and greedy in text
order, and attributes are compared over matched pairs only:

- date: start and end equal (a missing end counts as the start);
- actors: a predicted actor matches a gold actor when its code or name equals the gold code or
  one of its aliases (case-insensitive);
- country: every gold location country is among the predicted ones;
- place: a gold name or alias and a predicted name contain one another;
- status: equal; strict: every attribute of the pair is right.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .document import parse_published
from .model import EVENT_TYPES, Event
from .pipeline import extract

CORE_TYPES = EVENT_TYPES[:3]


def normalise(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).casefold().replace("’", "'")
    return " ".join(text.split())


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 4), round(r, 4), round(f, 4)


@dataclass
class Report:
    events: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    fields: dict[str, Counts] = field(default_factory=dict)
    accuracy: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, scored]
    strict: int = 0
    errors: list[tuple[str, ...]] = field(default_factory=list)

    def field(self, name: str) -> Counts:
        return self.fields.setdefault(name, Counts())

    def right(self, name: str, ok: bool) -> None:
        pair = self.accuracy.setdefault(name, [0, 0])
        pair[0] += ok
        pair[1] += 1

    def summary(self) -> dict[str, Any]:
        p, r, f = self.events.prf()
        matched = self.events.tp
        strict = Counts(self.strict, self.events.fp + matched - self.strict, self.events.fn + matched - self.strict)
        result: dict[str, Any] = {
            "gold_events": matched + self.events.fn, "predicted_events": matched + self.events.fp,
            "matched": matched, "event_p": p, "event_r": r, "event_f1": f,
            "per_type": {t: dict(zip(("p", "r", "f1"), c.prf(), strict=True)) for t, c in self.per_type.items()},
            "fields": {n: dict(zip(("p", "r", "f1"), c.prf(), strict=True)) for n, c in self.fields.items()},
        }
        for name, (ok, total) in self.accuracy.items():
            result[f"{name}_acc"] = round(ok / total, 4) if total else None
        result["strict_f1"] = strict.prf()[2]
        return result


def gold_actor_keys(actor: Any, aliases: dict[str, set[str]]) -> set[str]:
    if isinstance(actor, str):
        actor = {"code": actor}
    keys = {normalise(actor.get("code"))} | {normalise(a) for a in actor.get("aliases", [])}
    return keys | aliases.get(normalise(actor.get("code")), set())


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _date_right(gold: dict, predicted: dict | None) -> bool:
    predicted = predicted or {}
    start, end = gold.get("start"), gold.get("end") or gold.get("start")
    return bool(start) and predicted.get("start") == start and (predicted.get("end") or predicted.get("start")) == end


def _gold_spans(document: dict, types: Sequence[str]) -> list[tuple[dict, tuple[int, int]]]:
    text, spans, cursor = document["text"], [], {}
    for event in document.get("events", []):
        if event.get("type") not in types:
            continue
        evidence = event["evidence"]
        start = text.find(evidence, cursor.get(evidence, 0))
        if start < 0:
            start = text.find(evidence)
        if start < 0:
            raise ValueError(f"document {document.get('id')}: evidence not in text: {evidence[:60]!r}")
        cursor[evidence] = start + 1
        spans.append((event, (start, start + len(evidence))))
    return spans


@dataclass
class Matching:
    """Gold events paired with predictions (one-to-one), and what is left on each side."""

    pairs: list[tuple[dict, Event]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[Event] = field(default_factory=list)


def match_events(document: dict, predicted: Iterable[Event], types: Sequence[str]) -> Matching:
    """Pair each gold event with the first unused prediction of its type whose trigger overlaps
    the evidence (else whose sentence does), in text order."""
    candidates = sorted((e for e in predicted if e.type in types), key=lambda e: e.trigger.start)
    used: set[int] = set()
    matching = Matching()
    for gold, span in _gold_spans(document, types):
        best = None
        for i, event in enumerate(candidates):
            if i in used or event.type != gold["type"]:
                continue
            trigger = (event.trigger.start, event.trigger.end)
            sentence = (event.sentence.start, event.sentence.end)
            if _overlaps(trigger, span) or _overlaps(sentence, span):
                best = i
                if _overlaps(trigger, span):
                    break
        if best is None:
            matching.missed.append(gold)
        else:
            used.add(best)
            matching.pairs.append((gold, candidates[best]))
    matching.spurious = [e for i, e in enumerate(candidates) if i not in used]
    return matching


def score_document(report: Report, document: dict, predicted: Iterable[Event], types: Sequence[str],
                   aliases: dict[str, set[str]]) -> None:
    doc_id = str(document.get("id"))
    matching = match_events(document, predicted, types)
    for gold in matching.missed:
        report.events.fn += 1
        report.per_type.setdefault(gold["type"], Counts()).fn += 1
        report.errors.append(("missed", doc_id, gold["type"], gold["evidence"][:160]))
    for gold, event in matching.pairs:
        report.events.tp += 1
        report.per_type.setdefault(gold["type"], Counts()).tp += 1
        if _compare(report, doc_id, gold, event.to_dict(), aliases):
            report.strict += 1
    for event in matching.spurious:
        report.events.fp += 1
        report.per_type.setdefault(event.type, Counts()).fp += 1
        report.errors.append(("spurious", doc_id, event.type, event.sentence.text[:160]))


def _tally(report: Report, name: str, gold_has: bool, pred_has: bool, right: bool) -> None:
    """Field precision and recall: right answers over predicted values and over gold values."""
    counts = report.field(name)
    counts.tp += right
    counts.fp += pred_has and not right
    counts.fn += gold_has and not right
    if gold_has:
        report.right(name, right)


def _compare(report: Report, doc_id: str, gold: dict, pred: dict, aliases: dict[str, set[str]]) -> bool:
    """Compare the attributes of a matched pair; True when all are right (strict)."""
    ok = True
    gold_date, pred_date = gold.get("date"), pred.get("date")
    right = bool(gold_date) and _date_right(gold_date, pred_date)
    _tally(report, "date", bool(gold_date), bool(pred_date and pred_date.get("start")), right)
    if gold_date and not right:
        ok = False
        report.errors.append(("date", doc_id, json.dumps(gold_date), json.dumps(pred_date)[:160]))

    golds = [gold_actor_keys(a, aliases) for a in gold.get("actors", [])]
    matched: set[int] = set()
    extra = 0
    for actor in pred.get("actors", []):
        keys = {normalise(actor.get("code")), normalise(actor.get("name"))}
        hit = next((i for i, g in enumerate(golds) if i not in matched and keys & g), None)
        if hit is None:
            extra += 1
        else:
            matched.add(hit)
    counts = report.field("actors")
    counts.tp += len(matched)
    counts.fp += extra
    counts.fn += len(golds) - len(matched)
    if extra or len(matched) < len(golds):
        ok = False
        report.errors.append(("actors", doc_id, str([sorted(g)[0] for g in golds]),
                              str([a.get("code") for a in pred.get("actors", [])])))

    gold_places = gold.get("locations") or []
    pred_places = pred.get("locations") or []
    gold_countries = {normalise(p.get("country")) for p in gold_places if p.get("country")}
    pred_countries = {normalise(p.get("country")) for p in pred_places if p.get("country")}
    right = bool(gold_countries) and gold_countries <= pred_countries
    _tally(report, "country", bool(gold_countries), bool(pred_countries), right)
    if gold_countries and not right:
        ok = False
        report.errors.append(("country", doc_id, str(sorted(gold_countries)), str(sorted(pred_countries))))
    names = {normalise(p.get("name")) for p in gold_places}
    names |= {normalise(a) for p in gold_places for a in p.get("aliases", [])}
    names.discard("")
    predicted_names = {normalise(p.get("name")) for p in pred_places} - {""}
    right = any(g in p or p in g for g in names for p in predicted_names)
    _tally(report, "place", bool(gold_places), bool(predicted_names), right)
    if gold_places and not right:
        ok = False
        report.errors.append(("place", doc_id, str(sorted(names)), str(sorted(predicted_names))))

    if gold.get("status"):
        right = pred.get("status") == gold["status"]
        _tally(report, "status", True, True, right)
        if not right:
            ok = False
            report.errors.append(("status", doc_id, gold["status"], str(pred.get("status"))))
    return ok


def evaluate(documents: Iterable[dict], types: Sequence[str] = CORE_TYPES,
             aliases: dict[str, set[str]] | None = None) -> Report:
    """Run extraction over annotated documents and score it."""
    report = Report()
    aliases = aliases if aliases is not None else organisation_aliases()
    for document in documents:
        published = parse_published(document.get("published")) if document.get("published") else None
        predicted = extract(document["text"], published=published, doc_id=str(document.get("id")))
        score_document(report, document, predicted, types, aliases)
    return report


def organisation_aliases() -> dict[str, set[str]]:
    """Names that stand for each actor code, from the gazetteer (``NATO`` -> ``atlantic alliance`` ...)."""
    from .gazetteer import load_gazetteer

    table: dict[str, set[str]] = {}
    for name, reading in load_gazetteer().names_of(("igo", "armed_group")):
        entity = reading.entity
        if entity.code:
            table.setdefault(normalise(entity.code), set()).update({normalise(name), normalise(entity.name)})
    return table


def load_gold(path: str) -> list[dict]:
    """Annotated documents from a JSON Lines file; a malformed line names the file and line."""
    documents = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                document = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not valid JSON ({error.msg})") from None
            if not isinstance(document, dict) or not isinstance(document.get("text"), str):
                raise ValueError(f"{path}:{number}: a document needs a 'text' field")
            documents.append(document)
    return documents
