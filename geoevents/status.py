"""Status of an event mention: occurred, planned, negated or uncertain, from cues in its clause.

Without a parser, status comes from the words around the trigger, in this order:

1. a predicate right after a noun trigger: "the drills were cancelled", "will be held"; a denial
   or claim right before a noun trigger that heads the subject of its clause is about that
   clause's predicate: "denied the drills were a threat" (occurred), "denied the drills took
   place" (negated);
2. a negation particle whose scope reaches the trigger: "did not hold drills", "no withdrawal";
3. a present tense a few words after "until" is awaited, a condition, so uncertain ("no truce
   until a UN force is deployed"); a bare verb after "after"/"once" in a sentence about the future is planned:
   "is set to regain ground after foreign forces withdraw";
4. a trigger that is itself a finite verb ("sends", "deployed", "is deploying", "troops
   withdraw") is occurred, unless a hedge or denial reaches it ("reportedly withdrew", "denied
   it had sent", "demands that Greece withdraws");
5. "criticised X for pulling out": a gerund after an evaluative verb and "for" is a fact;
6. else the cue nearest before the trigger decides. Planned cues ("will", "plans to", an
   infinitive "to withdraw"), deontic ones ("should") and aspectual ones ("begin to", bare
   "hold") are transparent: the walk goes on to the verb that governs them, up to a comma.
   "urged Greece to agree to withdraw" is uncertain, "refused to pull out" negated, "has said
   it will send" planned, "will begin to withdraw" planned, "begin to withdraw" occurred.

A participle after "a ... force" is what the verb governing that phrase makes it ("will lead a
multinational force deployed to Haiti": planned); after a definite force it describes forces where
they stand ("will withdraw the troops deployed there": occurred).

Afterwards a conditional right after a planned event makes it uncertain ("would leave if
asked"), as does a condition opening the sentence ("If talks fail, Israel will send troops");
``adjust_for_date`` makes an event dated after publication planned. The cue lists
are data: ``data/lexicon/status.json`` (compiled by ``cues.py``).

``event_status`` is the stage's entry: ``status_of``, then the checks that need the event's
actors or the words after its clause (an order given by others, ``orders.py``; a report denied
later in the sentence, ``denials.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from . import cachedregex as regex
from .clauses import clause_of, force_nouns
from .cues import Cue, StatusLexicon, status_lexicon
from .denials import denied_later
from .gazetteer import Mention
from .model import Actor
from .orders import ordered_by_other
from .reach import PHRASE_REACH, char_before, match_at, skip_space

# transparent cues and the status they give when nothing that governs them decides
_TRANSPARENT = {"planned": "planned", "deontic": "uncertain", "aspect": "occurred"}
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|n['’]t\b")
_COMMA = regex.compile(r"[,;:]")
_COMMA_BEFORE = regex.compile(r",\s*$")  # a subordinate clause set off by commas ("The marines, when ...")
_COMMA_REACH = 8  # characters before a trigger searched for the comma right before it
_AND = regex.compile(r"\s(?:and|but)\s")
_TO_AFTER = regex.compile(r"\s+to\b", regex.IGNORECASE)  # "not to": an infinitive the particle negates
_COORDINATORS = ("and", "but", "then")
_PAST_CAUSE_REACH = 2  # words between a past verb of causing and a cue that still governs it ("may have forced")
_CAUSATIVE_REACH = 4  # words from "let" to the bare verb it governs ("let UN peacekeepers deploy")
_AWAITED_REACH = 6  # words from "until" to the present tense it makes awaited
_AWAITED_COORDINATED_REACH = 12  # the same, to a second verb after "and"
_NEW_FORCE_VERB_REACH = 2  # words from the article of "a force deployed" back to the cue that governs it
_PREPOSITION_REACH = 4  # words from a cue ending in a preposition ("not take part in") to the trigger it governs
_HEDGE_ON_VERB_REACH = 1  # words from a hedge to the auxiliary it qualifies ("believed to have")
_DENIAL_REACH = 5  # words from a denial to the finite verb of the clause it denies ("denied that its troops had")
_DEMAND_OBJECT_WORDS = 4  # words from a verb of demanding to the "not to" it governs ("urged the US government not to")
_SMALL_CLAUSE_REACH = 8  # words before a participle in which "see", "want", "accept" make it their complement
_ASPECT_REACH = 3  # words from an aspect verb to the transparent cue it governs ("will begin to")
_NEAR_MODAL = 4  # words before a participle in which a modal makes it non-finite ("will see troops stationed")
# a name's acronym in brackets right before the trigger's clause ("a proposal by the Economic
# Community of West African States (ECOWAS) of sending"): no clause break
# ", and" and the words of a list item before its trigger ("..., and for the deployment")
_LIST_JOINT = regex.compile(r",(\s+and\s+)(?:[\w'’-]+\s+){0,4}$", regex.IGNORECASE)
_LIST_JOINT_REACH = 60  # characters before the trigger searched for it
_HAVE = frozenset({"has", "have", "had"})
# a preposition with no object right after the trigger: the clause's object went before it
_STRANDED_PREPOSITION = regex.compile(r"\s+(?:from|to|into|out\s+of)\s*(?:[.,;:!?)]|$)", regex.IGNORECASE)
_RELATIVE_THAT = regex.compile(r"\bthat\b(?=(?:\s+[\p{L}'’-]+){1,4}\s*$)", regex.IGNORECASE)
_RELATIVE_THAT_REACH = 60  # characters before the trigger searched for the "that"
_ACRONYM_ASIDE = regex.compile(r"\(\s*(?-i:\p{Lu})[\p{Lu}\p{N}.&-]{1,11}\s*\)\s*$")


def event_status(text: str, sentence: tuple[int, int], trigger: tuple[int, int], actors: Sequence[Actor],
                 names: Sequence[Mention], year: int | None) -> str:
    """The status stage: the cues of the trigger's clause (``status_of``), then what the rest of
    the sentence says of them: a plan ordered by a party that is not among the event's actors is
    a demand by others (``orders.py``), a report denied after the trigger is negated (``denials.py``)."""
    status = ordered_by_other(text, sentence, trigger, status_of(text, sentence, trigger), actors, names, year)
    return denied_later(text, sentence, trigger, status)


def status_of(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> str:
    """The status of the event named by ``text[trigger[0]:trigger[1]]``."""
    joined = _as_one_list(text, sentence, trigger, status_lexicon())
    if joined is None:
        return _status_in_clause(text, sentence, trigger)
    return _status_in_clause(joined, (0, len(joined)), (trigger[0] - sentence[0], trigger[1] - sentence[0]))


def _as_one_list(text: str, sentence: tuple[int, int], trigger: tuple[int, int], lex: StatusLexicon) -> str | None:
    """The sentence with the commas of a list and its middle items blanked, when the trigger heads
    its last item after ", and" with no verb of its own ("demanded the removal of the missiles, and the withdrawal of
    the battalions", "may hold drills, and deploy troops"): the item shares the verb that governs
    the list, which the comma would cut off. None when the trigger heads no such item. Items
    before it count only when they open the same way (a determiner, a gerund, "for", "to")."""
    joint = _LIST_JOINT.search(text, max(sentence[0], trigger[0] - _LIST_JOINT_REACH), trigger[0])
    if joint is None:
        return None
    words = [w.lower() for w in _WORD.findall(text, joint.end(1), trigger[1])]
    if not words or any((w in lex.be or w in lex.modals or w in lex.pronoun_subjects or w in _HAVE)
                        and not (i == 0 and w in lex.list_conjunct_openers) for i, w in enumerate(words[:-1])):
        return None
    form = TriggerForm.of(text, joint.start(), trigger, lex)
    if form.finite or form.bare_with_subject:
        return None
    kind = _item_kind(words[0], lex, form.nominal)
    commas = [joint.start()]
    while (before := text.rfind(",", sentence[0], commas[-1])) >= 0:
        first = _WORD.search(text, before + 1, commas[-1])
        if first is None or kind == "other" or _item_kind(first.group().lower(), lex) != kind:
            break
        commas.append(before)
    # the items between the first and the last go too: their own cues govern only them ("moving
    # troops into bases by next year, and sending commandos" is no plan for the commandos)
    start, end = commas[-1] - sentence[0], joint.start() + 1 - sentence[0]
    joined = text[sentence[0]:sentence[1]]
    return joined[:start] + " " * (end - start) + joined[end:]


def _item_kind(word: str, lex: StatusLexicon, nominal: bool = False) -> str:
    """How a list item opens: "for" or "to" (status.json list_conjunct_openers), a gerund, a noun
    phrase (a determiner; for the trigger's own item, any word before a noun trigger), else a verb
    or a word that opens no list item ("other")."""
    if word in lex.list_conjunct_openers:
        return word
    if word.endswith("ing") and not nominal:
        return "gerund"
    if word in lex.determiners or word.endswith(("'s", "’s")) or nominal:
        return "noun"
    return "other"


def _status_in_clause(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> str:
    lex = status_lexicon()
    clause = _past_acronym_asides(text, sentence, trigger, clause_of(text, sentence, *trigger))
    left = _relative_with_gap(text, sentence, trigger, _left_bound(text, sentence, clause[0], trigger[0], lex))
    form = TriggerForm.of(text, left, trigger, lex)
    status = _right_predicate(text, clause, trigger, lex) if form.nominal else None
    if status is None and _gerund_subject(form):
        # "sending the planes would require a new mandate": the gerund heads the subject, whose predicate decides
        status = _predicate_at(text, trigger[1], min(clause[1], trigger[1] + 120), lex, reach=_PHRASE_REACH)
    scope = _scoping_cue(text, sentence, left, trigger, lex) if form.nominal else None
    if scope is not None:
        predicate = _predicate_after(text, sentence, trigger, lex)
        if predicate == "event" and status in ("planned", "occurred") and scope.category == "negated":
            return "negated"  # "denied the drills took place": the denial reaches the event's own predicate
        if predicate == "property" or (predicate == "event" and status is None):
            # "denied the drills were a threat": what is denied is what is said of the drills
            return _walk(text, lex.cues_in(text, scope.end, trigger[0]), trigger[0], lex, scope.end)
    if status in ("planned", "occurred") and _negated_by_particle(text, left, trigger[0], lex):
        status = "negated"  # "no joint drills were planned", "no withdrawal has taken place"
    if status is None and _participle_of_new_force(form, lex):
        # "will lead a multinational force deployed to Haiti": a force yet to be formed and sent,
        # whose verb decides ("attacked a Kenyan force deployed in the town" stays occurred); a
        # cue farther away governs something else ("the extension of a mandate of a force deployed")
        reach = len(form.before) - _article_index(form.before, lex) + _NEW_FORCE_VERB_REACH
        cues = [c for c in lex.cues_in(text, left, trigger[0]) if _words(text, c.end, trigger[0]) <= reach]
        governing = _walk(text, cues, trigger[0], lex, left) if cues else None
        status = governing if governing in ("planned", "uncertain") else None
    if status is None and _reduced_relative(form, lex):
        status = "uncertain" if _hypothetical_force(form, lex) else "occurred"
    if status is None:
        status = _from_left(text, sentence, left, trigger, form, lex)
        if status in ("negated", "occurred") and _conditional_before(text, left, trigger[0], lex,
                                                                      strict=status == "occurred"):
            # "(attacks) if the troops refuse to leave": a condition, no refusal; "will respond if
            # NATO holds exercises": a condition, no fact
            status = "uncertain"
        elif status in ("occurred", "planned") and _hypothetical_force(form, lex):
            status = "uncertain"  # "will fight any peacekeepers sent there": they may never go
        elif status == "planned" and _forces_on_the_move(text, trigger[0], form, lex):
            status = "occurred"  # "ordered his men to fire on a convoy leaving the city"
    if status == "occurred" and not form.nominal and form.first in lex.planning_triggers:
        status = "planned"  # "orders 500 troops to the border": the order is given, the deployment is to come
    if status == "planned" and (_conditional_after(text, clause, trigger, lex)
                                or _fronted_condition(text, sentence, trigger[0], lex)):
        return "uncertain"
    if status in ("planned", "uncertain") and _plan_undone(text, clause, trigger, lex):
        return "negated"
    if status in ("occurred", "planned") and _yes_no_question(text, sentence, lex):
        return "uncertain"  # "Will Russia withdraw its troops?": questioned (GUIDELINE.md)
    return status


def _relative_with_gap(text: str, sentence: tuple[int, int], trigger: tuple[int, int], left: int) -> int:
    """"to stop the rebels from seizing the villages that the militia will pull back from": a verb trigger whose
    preposition ends its clause has its object before it, so a "that" a few words before opens a
    relative clause; the cues before it govern the noun, not the trigger. The left bound moves
    past that "that"."""
    if not _STRANDED_PREPOSITION.match(text, trigger[1], sentence[1]):
        return left
    that = _RELATIVE_THAT.search(text, max(left, trigger[0] - _RELATIVE_THAT_REACH), trigger[0])
    return that.end() if that else left


def _gerund_subject(form: TriggerForm) -> bool:
    """A gerund that opens its clause, or the clause after "that": the head of its subject
    ("Withdrawing the troops will take months", "said that sending the planes would require")."""
    return (not form.nominal and not form.finite and form.first.endswith("ing")
            and (not form.before or form.before[-1].lower() == "that"))


def _past_acronym_asides(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                         clause: tuple[int, int]) -> tuple[int, int]:
    """The clause, its start moved back past an acronym in brackets that closed the text before
    it ("rejects a proposal by the Economic Community of West African States (ECOWAS) of sending")."""
    while clause[0] > sentence[0]:
        aside = _ACRONYM_ASIDE.search(text, max(sentence[0], clause[0] - 20), clause[0])
        if aside is None:
            break
        clause = (clause_of(text, sentence, aside.start(), trigger[1])[0], clause[1])
    return clause


def _scoping_cue(text: str, sentence: tuple[int, int], left: int, trigger: tuple[int, int],
                 lex: StatusLexicon) -> Cue | None:
    """The denial or claim right before a noun trigger that heads the subject of the clause it
    governs ("denied (that) its naval drills ... were a threat", "rejected claims that the drills
    were a cover"): only a determiner, "that" or modifiers between, no comma."""
    cues = lex.cues_in(text, left, trigger[0])
    if not cues or cues[-1].category not in ("negated", "uncertain"):
        return None
    cue = cues[-1]
    if not lex.predicate_scope.fullmatch(text, cue.start, cue.end) or _COMMA.search(text, cue.end, trigger[0]):
        return None
    between = [w.lower() for w in _WORD.findall(text, cue.end, trigger[0])]
    if len(between) > 5 or any(w in lex.be or w in lex.modals or w in lex.finite_after
                               or w in lex.subject_breaking_prepositions
                               for w in between):  # "accused of training rebels": the trigger is no subject
        return None
    if lex.particles.search(text, cue.end, trigger[0]):
        return None  # "claims no movement of troops has been observed": the particle decides
    return cue


def _predicate_after(text: str, sentence: tuple[int, int], trigger: tuple[int, int], lex: StatusLexicon) -> str | None:
    """The finite verb a few words after the trigger, past its own phrase, before any comma:
    "property" for a copula before a noun or adjective ("the drills near the border were a
    threat", "will be routine"), "event" for any other verb ("were held", "took place", "posed"),
    None when there is none."""
    words = [w.lower() for w in _WORD.findall(text, trigger[1], _phrase_end(text, trigger[1], sentence[1]))
             if not w[:1].isupper()][:lex.predicate_scope_reach]  # names do not count: "near Kyiv, Ukraine, were"
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        if word in lex.be or word in lex.finite_after:
            rest = [w for w in words[i + 1:] if w not in lex.adverbs and w not in ("be", "been", "being", "not")]
            participle = bool(rest) and (rest[0].endswith("ed") or rest[0] in lex.irregular_past)
            copula = word in lex.be or bool(words[i + 1:i + 2] == ["be"])
            return "property" if copula and not participle else "event"
        if word.endswith("ed") and previous not in lex.determiners and previous not in lex.light:
            return "event"
    return None


def _phrase_end(text: str, start: int, end: int) -> int:
    """Where the trigger's phrase ends: the first comma after ``start``, unless it opens a chain
    of names ("from Goma, North Kivu, was ..."), which the comma after the chain closes."""
    comma = _COMMA.search(text, start, end)
    if comma is None:
        return end
    following = _COMMA.search(text, comma.end(), end)
    if following is None or not _names_only(text, comma.end(), following.start()):
        return comma.start()
    while True:  # ", North Kivu, Democratic Republic of the Congo, was": past the last name
        comma = following
        following = _COMMA.search(text, comma.end(), end)
        if following is None or not _names_only(text, comma.end(), following.start()):
            return following.start() if following else end


def _names_only(text: str, start: int, end: int) -> bool:
    words = _WORD.findall(text, start, end)
    return bool(words) and all(w[:1].isupper() or w in ("of", "the", "and") for w in words)


def _yes_no_question(text: str, sentence: tuple[int, int], lex: StatusLexicon) -> bool:
    """A sentence that opens with an auxiliary and ends with a question mark: "Should NATO send
    troops to Ukraine?" (not "Why did Russia withdraw?", which takes the withdrawal as a fact)."""
    body = text[sentence[0]:sentence[1]].strip().strip("\"'“”‘’")
    first = _WORD.match(body)
    return body.endswith("?") and first is not None and first.group().lower() in lex.question_openers


def adjust_for_date(status: str, text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                    event_start: str | None, published: date | None, time_start: int | None = None) -> str:
    """An event dated after the publication day has not occurred yet ("sends troops next week"),
    unless a past tense or another cue of its own says it has ("the drill that ended"); a time
    given by a participle of scheduling right after the trigger is the event's own, whatever the
    verb before ("scaled down an exercise planned for October"). ``time_start``: where the
    date's expression starts."""
    if status != "occurred" or not event_start or published is None:
        return status
    day = event_start[:10]
    if day <= published.isoformat()[:len(day)]:
        return status
    if time_start is not None and _scheduled_by_participle(text, trigger, time_start):
        return "planned"
    return "planned" if _occurred_by_default(text, sentence, trigger) else status


def _scheduled_by_participle(text: str, trigger: tuple[int, int], time_start: int) -> bool:
    """ "drills scheduled for May", "an exercise, planned for October": the participle ends right
    before the time and starts a few characters after the trigger."""
    lex = status_lexicon()
    if time_start < trigger[1]:
        return False
    m = lex.schedule_participles.search(text, trigger[1], time_start)
    return m is not None and m.start() - trigger[1] <= lex.schedule_participle_reach


def told_as_past(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """Whether an occurred event was found so by a past form or cue ("began drills", "deployed"),
    not by default or a present tense ("holds drills")."""
    return not _occurred_by_default(text, sentence, trigger)


def in_own_clause(text: str, trigger: tuple[int, int], time: tuple[int, int]) -> bool:
    """Whether the time at ``time`` may be the trigger's own: no condition, subordinating
    conjunction or purpose infinitive between them ("was putting its units on alert in case
    the strongman declined to quit by ...", "drove into the compound to get ready for the handover on ...")."""
    lex = status_lexicon()
    lo, hi = (trigger[1], time[0]) if time[0] >= trigger[1] else (time[1], trigger[0])
    if lex.conditionals.search(text, lo, hi) or lex.future_conjunctions.search(text, lo, hi):
        return False
    return not any(m.group(1) not in lex.not_verbs_after_to for m in _INFINITIVE.finditer(text, lo, hi))


_INFINITIVE = regex.compile(r"\bto\s+((?-i:\p{Ll})[\p{L}-]*)", regex.IGNORECASE)  # "to prepare", not "to Poland"


def _occurred_by_default(text: str, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """Was "occurred" only the default, or a present tense, rather than a cue's decision?"""
    lex = status_lexicon()
    clause = clause_of(text, sentence, *trigger)
    left = _left_bound(text, sentence, clause[0], trigger[0], lex)
    form = TriggerForm.of(text, left, trigger, lex)
    if form.nominal and _right_predicate(text, clause, trigger, lex):
        return False
    if form.finite:
        aux = _aux_before(form.before, lex)
        past = form.first.endswith("ed") or form.first in lex.irregular_past
        return not past and (aux or "").lower() not in ("was", "were")
    # a present tense cue is no decision either: "China holds drills from Monday", "Japan and the US
    # begin exercises on March 15" are to come; "held", "began", "has" are past
    return not any(c.category in ("occurred", "aspect") and c.text not in lex.tenseless and _past_cue(c, lex)
                   for c in lex.cues_in(text, left, trigger[0]))


def _past_cue(cue: Cue, lex: StatusLexicon) -> bool:
    """A cue that tells the event has begun: a past form, or "begins to" (the event under way: "as
    the United States begins to withdraw troops before the deadline of September 11")."""
    first = cue.text.split()[0]
    if first.endswith("ed") or cue.text.endswith(" to") or first in lex.irregular_past:
        return True
    return first in lex.past_auxiliaries or (
        cue.category == "occurred" and not first.endswith("s") and first not in lex.present_bare_cues)


@dataclass(frozen=True, slots=True)
class TriggerForm:
    """What the trigger's own words say: a noun, a finite verb, a bare verb with a subject ..."""

    first: str  # lower-case first word of the trigger
    before: tuple[str, ...]  # words before it in its clause (original case), nearest last
    nominal: bool
    finite: bool
    bare_with_subject: bool

    @classmethod
    def of(cls, text: str, left: int, trigger: tuple[int, int], lex: StatusLexicon) -> TriggerForm:
        words = [w.lower() for w in _WORD.findall(text, trigger[0], trigger[1])] or [""]
        before = tuple(_WORD.findall(text, max(left, trigger[0] - 80), trigger[0]))
        aux = _aux_before(before, lex)
        nominal = _nominal(words, aux, lex)
        first = words[0]
        # "refused to let UN peacekeepers deploy": a bare verb after a causative and its object is
        # no finite verb; the cues before the causative decide
        caused = _is_bare(first, lex) and any(w.lower() in lex.causatives for w in before[-_CAUSATIVE_REACH:])
        finite = not nominal and not caused and _finite(words, aux, before, lex)
        bare = not nominal and not finite and not caused and _is_bare(first, lex) and _subject_like(aux, lex)
        return cls(first, before, nominal, finite, bare)


def _reduced_relative(form: TriggerForm, lex: StatusLexicon) -> bool:
    """"failed to resupply troops stationed there", "fight Ethiopian forces deployed in the country":
    a participle right after a force noun describes forces where they stand, whatever the main
    clause does with them; not the complement of a verb like "see" ("will see troops stationed")."""
    participle = form.first.endswith("ed") or form.first in lex.irregular_past
    if form.nominal or not participle or not form.before:
        return False
    noun = _aux_before(form.before, lex)  # past adverbs: "troops currently stationed"
    if noun is None or not force_nouns().fullmatch(noun.lower()):
        return False
    governing = [w.lower() for w in form.before[-_SMALL_CLAUSE_REACH:-1]]
    article = _article_of_force(form.before, lex)
    if article == "'s" or article in lex.definite:
        # "will withdraw the troops deployed in Somalia": forces already there, a modal is no
        # verb taking a small clause ("will see troops stationed" is)
        governing = [w for w in governing if w not in lex.modals]
    return not any(w in lex.small_clause_verbs for w in governing)


def _forces_on_the_move(text: str, trigger_start: int, form: TriggerForm, lex: StatusLexicon) -> bool:
    """"ordered his men to fire on a convoy leaving the city", "will attack the troops withdrawing
    from the town": a present participle right after a force phrase tells what those forces are
    doing, not what the main clause plans (a hedge or denial still governs it: "warned of the
    troops withdrawing"); not the object of "stop", "oppose" and the like, nor the complement of
    "see", "want" ("would see the troops leaving by May")."""
    if form.nominal or form.finite or not form.first.endswith("ing") or len(form.before) < 2:
        return False
    if char_before(text, trigger_start) in (",", ";", ":"):
        return False  # "placing trainers with Iraqi units, withdrawing other troops": a list of acts
    noun = form.before[-1].lower()
    if not (force_nouns().fullmatch(noun) or noun in lex.moving_force_nouns):
        return False
    index = _article_index(form.before, lex)
    if index < 0 or form.before[index].lower().endswith(("'s", "’s")):
        return False  # "accusations of Ukraine's military sending troops": the gerund's subject, not a phrase
    if index > 0 and form.before[index - 1].lower() in lex.absolute_openers:
        return False  # "with the majority of troops returning home by May": the main clause's tense
    # a modal is no verb taking a small clause here ("will attack the troops withdrawing")
    governing = [w.lower() for w in form.before[-_SMALL_CLAUSE_REACH:-1] if w.lower() not in lex.modals]
    return not any(w in lex.small_clause_verbs or w in lex.gerund_object_verbs for w in governing)


def _hypothetical_force(form: TriggerForm, lex: StatusLexicon) -> bool:
    """A verb trigger right after a force phrase opened by "any" ("will fight any peacekeepers
    sent into the country"), perhaps with a pronoun subject between ("any troops we send would"):
    forces that may never go."""
    if form.nominal or not form.before:
        return False
    before = list(form.before[-6:])
    if before[-1].lower() in lex.pronoun_subjects:
        before.pop()  # "any troops [we] send"
    if not before or not force_nouns().fullmatch(before[-1].lower()):
        return False
    index = _article_index(tuple(before), lex)
    return index >= 0 and before[index].lower() in lex.hypothetical


def _participle_of_new_force(form: TriggerForm, lex: StatusLexicon) -> bool:
    """A participle right after a force noun whose phrase opens with an indefinite article ("a
    multinational force deployed", "an African Union force stationed"): a few modifiers between."""
    participle = form.first.endswith("ed") or form.first in lex.irregular_past
    if form.nominal or not participle or not form.before or not force_nouns().fullmatch(form.before[-1].lower()):
        return False
    return _article_of_force(form.before, lex) in ("a", "an")


def _article_of_force(before: tuple[str, ...], lex: StatusLexicon) -> str | None:
    """The determiner that opens the phrase of the force noun ending ``before`` ("a", "the",
    "its", "'s" for a possessive), at most three modifiers before the noun; None if there is none."""
    index = _article_index(before, lex)
    if index < 0:
        return None
    lower = before[index].lower()
    return "'s" if lower.endswith(("'s", "’s")) else lower


def _article_index(before: tuple[str, ...], lex: StatusLexicon) -> int:
    """Where in ``before`` that determiner is (-1: none)."""
    for index in range(len(before) - 2, max(-1, len(before) - 6), -1):
        lower = before[index].lower()
        if lower.endswith(("'s", "’s")) or lower in lex.definite or lower in lex.indefinite:
            return index
        if lower in lex.determiner_search_stops:
            return -1
    return -1


def _aux_before(before: tuple[str, ...], lex: StatusLexicon) -> str | None:
    """The nearest word before the trigger that is not an adverb (original case)."""
    for word in reversed(before):
        lower = word.lower()
        if lower in lex.adverbs or (lower.endswith("ly") and lower not in ("only", "early")):
            continue
        return word
    return None


def _determiner(word: str | None, lex: StatusLexicon) -> bool:
    return word is not None and (word.lower() in lex.determiners or word.lower().endswith(("'s", "’s")))


def _nominal(words: list[str], aux: str | None, lex: StatusLexicon) -> bool:
    """Is the trigger a noun ("withdrawal", "troop surge", "the retreat") rather than a verb?"""
    last = words[-1]
    if last in lex.ambiguous_nouns:  # "the retreat" / "rebels retreat"
        return len(words) > 1 and words[0] in lex.determiners or _determiner(aux, lex)
    return last.endswith(lex.noun_endings)


def _subject_like(word: str | None, lex: StatusLexicon) -> bool:
    """Could ``word`` end the subject of a verb? ("Turkey", "troops", "they")"""
    if word is None:
        return False
    lower = word.lower()
    if lower in lex.subjects or word[0].isupper():
        return True
    return (lower.endswith("s") and len(lower) > 3 and lower not in lex.determiners
            and lower not in lex.be and lower not in ("has", "does", "was", "plans", "wants", "seeks"))


def _finite(words: list[str], aux: str | None, before: tuple[str, ...], lex: StatusLexicon) -> bool:
    """Is the trigger a finite verb (or a past participle) whose own tense decides its status?"""
    first = words[0]
    lower = aux.lower() if aux else None
    if lower in lex.modals or (lower and (lower.endswith(("n't", "n’t")) or lower in ("not", "never"))):
        return False
    if first.endswith("ing"):
        return lower in lex.be  # "is deploying", "were withdrawing"
    if first in lex.irregular_past or first.endswith("ed"):
        near = _after_new_subject([w.lower() for w in before[-_NEAR_MODAL:]], lex)
        # not "will see troops stationed", "to be deployed"; but the "to" of "moved troops to the
        # border, then pulled them back" is a preposition: only a "to" before a verb counts
        return not any(w in lex.modals
                       and (w != "to" or i + 1 == len(near) or near[i + 1] in lex.infinitive_verbs_after_to)
                       for i, w in enumerate(near))
    if lower in _COORDINATORS and _third_person(first) and (len(words) == 1 or not _third_person(words[-1])):
        return True  # "suspends the assembly and deploys troops": a second verb of the same subject
    return _subject_like(aux, lex) or aux is None  # "Turkey sends", "US forces withdraw from the city"


def _after_new_subject(near: list[str], lex: StatusLexicon) -> list[str]:
    """The words after the last "and"/"but" when a subject stands between it and the trigger:
    "said the rally would be peaceful and Hezbollah deployed guards" (a clause of its own, which
    the modal before does not govern), not "will be trained and (quickly) deployed"."""
    joints = [i for i, w in enumerate(near) if w in ("and", "but")]
    if not joints:
        return near
    rest = near[joints[-1] + 1:]
    if any(w not in lex.adverbs and not w.endswith("ly") and w not in lex.modals for w in rest):
        return rest
    return near


def _third_person(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _is_bare(word: str, lex: StatusLexicon) -> bool:
    return not (word.endswith(("s", "ed", "ing")) or word in lex.irregular_past)


def _left_bound(text: str, sentence: tuple[int, int], clause_start: int, trigger_start: int,
                lex: StatusLexicon) -> int:
    """The clause start, widened to the word that opened it ("after", "amid", "ahead of"), then
    narrowed past a relative or subordinate word ("where they had been deployed")."""
    floor = max(sentence[0], clause_start - 25)
    left = max((m.end() for m in _COMMA.finditer(text, floor, clause_start)), default=floor)
    for m in lex.local_breaks.finditer(text, left, trigger_start):
        left = m.end()
    return left


def _right_predicate(text: str, clause: tuple[int, int], trigger: tuple[int, int], lex: StatusLexicon) -> str | None:
    """"the drills were cancelled", "the withdrawal will be completed": a predicate after the trigger,
    also past an inserted phrase ("the drills, which involve 12,000 troops, were cancelled")."""
    found = _predicate_at(text, trigger[1], min(clause[1], trigger[1] + 80), lex)
    if found is None:
        aside = _ASIDE.match(text, trigger[1], min(len(text), trigger[1] + 120))
        if aside:
            found = _predicate_at(text, aside.end(), min(len(text), aside.end() + 60), lex)
            if found in (None, "planned") and _predicate_at(text, trigger[1], aside.end(), lex) == "occurred":
                found = "occurred"  # "the drills, which began on Saturday, will last a week": under way
    if found is None and match_at(_PHRASE_AFTER, text, trigger[1]):  # "the deployment of 300 troops to X was approved"
        limit = min(clause[1], trigger[1] + 120)
        stop = _PHRASE_BREAK.search(text, trigger[1], limit)  # past a comma or "and", it may be another clause's
        found = _predicate_at(text, trigger[1], stop.start() if stop else limit, lex, reach=_PHRASE_REACH)
    return found


# ', dubbed "Storm 3",'  ', which involve 12,000 troops,'  (a comma-delimited aside after the trigger)
_ASIDE = regex.compile(r"\s*[,(]\s*[^,;:()]{3,90}?[,)]\s*")


_PHRASE_AFTER = regex.compile(r"\s+(?:of|to|from|in|into|out\s+of)\s", regex.IGNORECASE)
_PHRASE_REACH = 10  # words of prepositional phrases between a nominal trigger and its predicate
_PHRASE_BREAK = regex.compile(r"[,;:()]|\s(?:and|but|or)\s", regex.IGNORECASE)


def _predicate_at(text: str, start: int, limit: int, lex: StatusLexicon, reach: int = 4) -> str | None:
    best = None
    for name, pattern in lex.right.items():
        m = pattern.search(text, start, limit)
        if (m and _words(text, start, m.start()) <= reach and not _relative_between(text, start, m.start())
                and (best is None or (m.start(), -m.end()) < best[1:])):
            best = (name, m.start(), -m.end())  # the nearest, then the longest: "will stop" over "will"
    return best[0] if best else None


def _plan_undone(text: str, clause: tuple[int, int], trigger: tuple[int, int], lex: StatusLexicon) -> bool:
    """"a plan to withdraw the troops was abandoned": the fate of the plan that governs the trigger,
    stated after the trigger's own phrase (a plan noun, then "to", right before the trigger)."""
    before = [w.lower() for w in _WORD.findall(text, max(clause[0], trigger[0] - 40), trigger[0])][-2:]
    if len(before) < 2 or before[1] != "to" or before[0] not in lex.plan_nouns:
        return False
    limit = min(clause[1], trigger[1] + 200)
    m = lex.right["negated"].search(text, trigger[1], limit)
    return (m is not None and _words(text, trigger[1], m.start()) <= lex.plan_fate_reach
            and not _COMMA.search(text, trigger[1], m.start()) and not _relative_between(text, trigger[1], m.start()))


def _relative_between(text: str, start: int, end: int) -> bool:
    """A relative clause between: not the trigger's own predicate. "the drill that ended" is."""
    words = [w.lower() for w in _WORD.findall(text, start, end)]
    if words and words[0] in ("that", "which"):
        words = words[1:]
    return any(w in ("that", "which", "who", "whom", "where") for w in words)


def _from_left(text: str, sentence: tuple[int, int], left: int, trigger: tuple[int, int], form: TriggerForm,
               lex: StatusLexicon) -> str:
    if _awaited(text, sentence, trigger[0], form, lex):
        return "uncertain"  # before the particles: "will not sign until the troops withdraw"
    if _negated_by_particle(text, left, trigger[0], lex):
        return "uncertain" if _conditional_before(text, left, trigger[0], lex) else "negated"
    if form.bare_with_subject or (form.finite and _is_bare(form.first, lex)):
        future = _future_subordinate(text, sentence, trigger[0], lex)
        if future:
            return future
        if _mandated(text, left, trigger[0], lex):
            return "uncertain"
    if form.finite:
        return _reaching_cue(text, left, trigger[0], lex) or "occurred"
    if _term_of_a_plan(text, sentence, trigger[0], lex):
        return "planned"
    if form.first.endswith("ing") and _evaluated(text, left, trigger[0], form.before, lex):
        return "occurred"
    cues = _outside_infinitives(text, lex.cues_in(text, left, trigger[0]), trigger[0], form)
    cues = _within_phrase_negations(text, cues, trigger[0], lex)
    if form.nominal:
        cues = _outside_topics(text, cues, lex)
    infinitive = _infinitive(text, left, trigger[0], form.before, lex)
    if infinitive is not None and not any(c.start <= infinitive.start < c.end for c in cues):
        cues = sorted([*cues, infinitive], key=lambda c: c.start)
    if _opened_by_act(text, left, cues, lex):
        return "occurred"
    return _walk(text, cues, trigger[0], lex, left)


def _outside_topics(text: str, cues: list[Cue], lex: StatusLexicon) -> list[Cue]:
    """The cues, without a refusal whose infinitive is a verb of telling ("declined to comment
    on the deployment", "refused to testify about the withdrawal"): what is refused is the
    telling; the event is only its topic (status.json topic_verbs)."""
    return [c for c in cues if not (c.category == "negated" and c.text.endswith(" to")
                                    and (verb := _WORD.match(text, skip_space(text, c.end), c.end + 40))
                                    and verb.group().lower() in lex.topic_verbs)]


def _term_of_a_plan(text: str, sentence: tuple[int, int], trigger_start: int, lex: StatusLexicon) -> bool:
    """"signed an armistice, which includes pulling soldiers out", "the plan would include a
    full pullout": what a deal or plan includes is one of its terms, yet to be carried out."""
    floor = max(sentence[0], trigger_start - 200)
    return lex.plan_contents.search(text, floor, trigger_start) is not None


def _within_phrase_negations(text: str, cues: list[Cue], trigger_start: int, lex: StatusLexicon) -> list[Cue]:
    """The cues, without a negation heading its own phrase ("without engaging them", "rather than
    sending troops") that a comma closes before the trigger: "passed by without firing, with the
    garrison waiting until reinforcements could arrive" denies the firing, not the arrival."""
    return [c for c in cues if not (c.category == "negated" and " ".join(c.text.lower().split()) in lex.phrase_negations
                                    and _COMMA.search(text, c.end, trigger_start))]


def _outside_infinitives(text: str, cues: list[Cue], trigger_start: int, form: TriggerForm) -> list[Cue]:
    """The cues, without a verb of trying, threatening or refusing before a participle clause
    set off by a comma ("Armed men attempt to seize a base, withdrawing soon afterwards",
    "refused to attend, pulling out of the talks"): such a cue governs its own infinitive, while
    the participle tells what the subject did; a modal or plan before them still reaches it
    ("may try to storm the town, retreating later")."""
    comma_before = _COMMA_BEFORE.search(text, max(0, trigger_start - _COMMA_REACH), trigger_start)
    if form.nominal or not form.first.endswith("ing") or comma_before is None:
        return cues
    comma = comma_before.start()
    return [c for c in cues if not (c.category in ("uncertain", "negated") and c.text.endswith(" to")
                                    and c.end < comma and _WORD.search(text, c.end, comma))]


def _opened_by_act(text: str, left: int, cues: list[Cue], lex: StatusLexicon) -> bool:
    """"North Korea fires missiles to begin war games", "the navy fired flares to open the drills":
    an act done to begin the event, told as done, begins it (a purpose infinitive of inception
    is planned only when nothing done is told: "sent carriers to begin drills" stays planned)."""
    if not cues or any(c.category in ("negated", "uncertain", "deontic") for c in cues):
        return False
    opening = lex.inception.search(text, left, cues[-1].end + 1)
    if opening is None or opening.start() > cues[-1].start or any(c.end <= opening.start() for c in cues):
        return False  # the infinitive must be the only cue: "will fire artillery to start the drills" is planned
    words = [w.lower() for w in _WORD.findall(text, left, opening.start())]
    return any(w in lex.inception_acts for w in words)


def _walk(text: str, cues: list[Cue], trigger_start: int, lex: StatusLexicon, left: int) -> str:
    """Nearest cue first; transparent cues pass the decision on to what governs them."""
    pending: str | None = None  # the status a transparent cue gives unless its governor overrides it
    pending_past = False  # it is a past verb of causing ("prompted"): only a cue right before governs it
    pending_deontic = False  # it is a deontic cue ("must"), which an agreement before it makes planned
    pending_finite_past = False  # it is a past aspect verb heading the clause ("began to"): a plan cannot govern it
    boundary = trigger_start
    for index, cue in reversed(list(enumerate(cues))):
        if pending is not None and _COMMA.search(text, cue.end, boundary):
            if pending_deontic and cue.text in lex.framework_cues:
                return "planned"  # "Under the deal, troops must leave": an obligation agreed
            return pending
        if pending_past and _words(text, cue.end, boundary) > _PAST_CAUSE_REACH:
            return pending  # "The threat of an invasion prompted Taiwan to hold drills": the cue is the subject's
        if pending is not None and cue.category == "aspect" and cue.text.lower() in lex.present_bare_cues \
                and _words(text, cue.end, boundary) > _ASPECT_REACH:
            # "Hearings begin in the battle over plans to move the base": a bare "begin" far before
            # governs its own object (not "prompting the army and militias to withdraw")
            return pending
        if pending is None:
            if cue.category == "occurred" and cue.text.lower() in lex.clause_auxiliaries:
                # "denied that troops had taken part in the drills": the auxiliary is the finite
                # verb of the trigger's clause, which a denial close before it reaches as it
                # reaches a finite trigger ("denied it had sent")
                return _denial_reaching(text, left, cue.start, lex) or "occurred"
            if cue.category == "planned" and _words(text, cue.end, trigger_start) > lex.planned_reach \
                    and not _passive_plan(text, cues, index, lex):
                continue  # too far away to govern the trigger
            if cue.text.endswith((" in", " of")) and _words(text, cue.end, trigger_start) > _PREPOSITION_REACH \
                    and cue.text.lower() not in lex.tenseless:
                # "did not take part in the invasion ..., (sent) ... the training": its object is another;
                # a tenseless preposition governs its whole noun phrase ("in protest of US-Korean joint drills")
                continue
            if cue.category == "planned" and _modifies_trigger(text, cue, trigger_start, lex):
                return _governor_of_modifier(text, cues[index - 1] if index else None, cue, lex) or "planned"
            if cue.category in _TRANSPARENT:
                pending = _TRANSPARENT[cue.category]
                pending_past = cue.category == "aspect" and cue.text.split()[0].endswith("ed")
                pending_deontic = cue.category == "deontic"
                pending_finite_past = cue.text.lower() in lex.finite_past_aspects
                boundary = cue.start
                continue
            return _unless_rejected(text, cues, index, lex)
        if cue.category in ("negated", "uncertain"):
            return _unless_rejected(text, cues, index, lex)
        if cue.category == "occurred" or (cue.category == "planned" and pending_finite_past):
            return pending  # "soon began to withdraw", "announced that troops began to": a past act
        pending = _TRANSPARENT[cue.category]  # "ordered that troops should be ...", "will begin to"
        pending_past = cue.category == "aspect" and cue.text.split()[0].endswith("ed")
        pending_deontic = cue.category == "deontic"
        pending_finite_past = cue.text.lower() in lex.finite_past_aspects
        boundary = cue.start
    return pending or "occurred"


def _passive_plan(text: str, cues: list[Cue], index: int, lex: StatusLexicon) -> bool:
    """"The banner was scheduled to be taken down on Monday at the camp outside Gao, marking the
    final pullout of the contingent": a planned participle right after "was" heads the sentence's predicate,
    which reaches a far noun trigger as far as the clause goes."""
    if index == 0 or not lex.passive_plans.fullmatch(text, cues[index].start, cues[index].end):
        return False
    before = cues[index - 1]
    return before.text.lower() in lex.be and not text[before.end:cues[index].start].strip()


def _governor_of_modifier(text: str, governor: Cue | None, modifier: Cue, lex: StatusLexicon) -> str | None:
    """"cancelled planned exercises", "postponed a planned withdrawal": a denial whose object is
    the noun phrase the modifier opens decides (only a determiner between them). Not a hedge:
    "to discuss the planned withdrawal" is still planned."""
    if governor is None or governor.category != "negated":
        return None
    between = [w.lower() for w in _WORD.findall(text, governor.end, modifier.start)]
    if _COMMA.search(text, governor.end, modifier.start) or len(between) > 1 or any(
            w not in lex.determiners for w in between):
        return None
    return governor.category


def _unless_rejected(text: str, cues: list[Cue], index: int, lex: StatusLexicon) -> str:
    """The category of the deciding cue ``cues[index]``, but "negated" for a demand that is
    rejected: "declines a US request to send", "rejects a demand by the rebels to leave",
    "rebuffs demands that troops be withdrawn" (a denial a few words before the demand noun,
    no comma between, says the event will not happen), and "uncertain" for a denial that is
    only demanded or possible ("urged Seoul to cancel the drills")."""
    demand = cues[index]
    if index == 0 or demand.category not in ("uncertain", "negated"):
        return demand.category
    governor = cues[index - 1]
    between = (governor.end, demand.start)
    if _COMMA.search(text, *between) or _words(text, *between) > _DEMAND_OBJECT_WORDS:
        return demand.category
    if demand.category == "uncertain" and demand.text in lex.demand_or_claim_nouns and governor.category == "negated":
        return "negated"
    if demand.category == "negated" and governor.category == "uncertain":
        return "uncertain"  # "asked the government to halt the drills", "may cancel the exercise": a halt not yet made
    return demand.category


def _modifies_trigger(text: str, cue: Cue, trigger_start: int, lex: StatusLexicon) -> bool:
    """"the planned withdrawal", "an upcoming Russian exercise": a participle before the noun."""
    between = [w.lower() for w in _WORD.findall(text, cue.end, trigger_start)]
    return cue.text in lex.modifiers and len(between) <= 3 and "to" not in between


def _infinitive(text: str, left: int, trigger_start: int, before: tuple[str, ...], lex: StatusLexicon) -> Cue | None:
    """"to withdraw", "to hold (military) drills": an infinitive "to" governing the trigger,
    not the preposition of "a visit to troops stationed there" or "due to the mobilisation"."""
    words = list(_WORD.finditer(text, max(left, trigger_start - 80), trigger_start))[-3:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].group().lower() != "to":
            continue
        if i + 1 < len(words):
            head = words[i + 1].group()
        else:
            m = _WORD.search(text, trigger_start, trigger_start + PHRASE_REACH)  # (the trigger's first word)
            head = m.group() if m else ""
        # "U.S. To Pull Troops From ...", "US to Deploy More Troops", "Japan, US to Hold Joint Drills":
        # a capital that starts the trigger or a realizing verb is a headline's, not a name's
        title_case = i + 1 == len(words) or bool(lex.realizing_verbs.fullmatch(head))
        if head.lower() in lex.not_verbs_after_to or head[:1].isdigit() or (head[:1].isupper() and not title_case) \
                or force_nouns().fullmatch(head.lower()):
            return None
        if i + 1 < len(words) and not match_at(lex.realizing_verbs, text, words[i + 1].start()):
            return None  # "an effort to normalise such drills": the verb is not the event
        if _fact_infinitive(text, left, words[i].start(), lex):
            return None  # "the first country to send troops": a fact, dated by its own clause

        return Cue("planned", words[i].start(), words[i].end(), "to")
    return None


def _conditional_before(text: str, left: int, trigger_start: int, lex: StatusLexicon, strict: bool = False) -> bool:
    """"(threatening attacks) if troops are not withdrawn": a negated condition is not a denial.
    ``strict``: not "provided", which before a fact is a verb ("provided training")."""
    found = None
    for m in lex.conditionals.finditer(text, max(left, trigger_start - 80), trigger_start):
        found = m
    return (found is not None and found.group().lower() not in (("should", "provided") if strict else ("should",))
            and not _COMMA.search(text, found.end(), trigger_start))


def _fact_infinitive(text: str, left: int, to_start: int, lex: StatusLexicon) -> bool:
    """"was the first country to send troops", "one of three states to withdraw": an infinitive
    after an ordinal or "one of ..." tells what someone did (its tense is the main verb's)."""
    before = [w.lower() for w in _WORD.findall(text, max(left, to_start - 60), to_start)][-5:]
    if not before:
        return False
    if before[-1] in lex.fact_infinitive_ordinals:  # "the first to withdraw" (not "only to conduct drills")
        return True
    return before[-1] in lex.fact_infinitive_nouns and any(w in lex.fact_infinitive_heads for w in before[:-1])


def _evaluated(text: str, left: int, trigger_start: int, before: tuple[str, ...], lex: StatusLexicon) -> bool:
    """"criticised Israel for pulling out", "thanked Chad for sending troops": a presupposed fact."""
    if not before or before[-1].lower() != "for":
        return False
    return bool(lex.evaluative.search(text, max(left, trigger_start - 60), trigger_start))


def _future_subordinate(text: str, sentence: tuple[int, int], trigger_start: int, lex: StatusLexicon) -> str | None:
    """"(is set to regain ground) after foreign forces withdraw": a subordinate present tense is
    future when the main clause is planned or uncertain."""
    conjunction = None
    for m in lex.future_conjunctions.finditer(text, max(sentence[0], trigger_start - 80), trigger_start):
        conjunction = m
    if conjunction is None or _words(text, conjunction.end(), trigger_start) > 6:
        return None
    if _words(text, sentence[0], conjunction.start()) == 0:
        # "When the soldiers move in, the militias will leave": the main clause follows the comma
        return _main_after_comma(text, sentence, trigger_start, lex)
    main = _walk(text, lex.cues_in(text, sentence[0], conjunction.start()), conjunction.start(), lex, sentence[0])
    if main not in ("planned", "uncertain") and _COMMA_BEFORE.search(text, sentence[0], conjunction.start()):
        # "The marines, when they land there, will secure the port": the main clause goes on
        # after the aside
        return _main_after_comma(text, sentence, trigger_start, lex)
    return main if main in ("planned", "uncertain") else None


def _main_after_comma(text: str, sentence: tuple[int, int], trigger_start: int, lex: StatusLexicon) -> str | None:
    """What the main clause after the comma that closes a subordinate clause says of the future."""
    comma = _COMMA.search(text, trigger_start, sentence[1])
    if comma is None:
        return None
    cues = lex.cues_in(text, comma.end(), sentence[1])
    main = next((c.category for c in cues if c.category in ("planned", "uncertain", "deontic")), None)
    return _TRANSPARENT.get(main, main) if main else None


def _awaited(text: str, sentence: tuple[int, int], trigger_start: int, form: TriggerForm,
             lex: StatusLexicon) -> bool:
    """"no truce until a UN force is deployed", "flights stay halted until the troops hand over
    control": a present tense after "until" is a condition awaited, whatever the main clause's tense
    ("fought until the troops withdrew" keeps its past)."""
    present = form.bare_with_subject or (form.finite and _is_bare(form.first, lex)) or (
        form.finite and bool(form.before) and form.before[-1].lower() in ("is", "are")) or (
        form.finite and _third_person(form.first.lower()) and form.first.lower() not in lex.irregular_past)
    # "until foreign forces stop attacking ... and withdraw": a second bare verb of the same subject
    coordinated = not form.nominal and bool(form.before) and form.before[-1].lower() == "and" \
        and _is_bare(form.first, lex)
    past = form.finite and not present and not coordinated
    if not (present or coordinated or past):
        return False
    reach = _AWAITED_COORDINATED_REACH if coordinated else _AWAITED_REACH
    conjunction = None
    for m in lex.awaiting_conjunctions.finditer(text, max(sentence[0], trigger_start - 10 * reach), trigger_start):
        conjunction = m
    if (conjunction is None or _words(text, conjunction.end(), trigger_start) > reach
            or _COMMA.search(text, conjunction.end(), trigger_start)):
        return False
    # a past tense is awaited only after a refusal: "refused to negotiate until Ethiopia withdrew
    # its troops" (not "fought until the troops withdrew")
    return not past or _refused_before(text, sentence, conjunction.start(), lex)


def _refused_before(text: str, sentence: tuple[int, int], end: int, lex: StatusLexicon) -> bool:
    """A denial cue or a negation particle in the few words before ``end`` (the main clause)."""
    start = max(sentence[0], end - 60)
    return bool(lex.particles.search(text, start, end)) or any(
        c.category == "negated" for c in lex.cues_in(text, start, end))


def _mandated(text: str, left: int, trigger_start: int, lex: StatusLexicon) -> bool:
    """"Ankara demanded Yerevan withdraw": a bare verb a few words after a verb of demanding
    is what is demanded (a subjunctive), not what happens."""
    nearest = None
    for m in lex.mandative.finditer(text, max(left, trigger_start - 60), trigger_start):
        nearest = m
    return nearest is not None and _words(text, nearest.end(), trigger_start) <= 5 \
        and not _COMMA.search(text, nearest.end(), trigger_start)


def _denial_reaching(text: str, left: int, verb_start: int, lex: StatusLexicon) -> str | None:
    """"negated" where the nearest reaching cue before a clause's finite verb is a denial at most
    ``_DENIAL_REACH`` words before it, with no comma between ("denied that its troops had ...",
    not "denied the report, saying its troops had ..." nor a hedge of another clause)."""
    nearest = None
    for m in lex.reaching.finditer(text, left, verb_start):
        nearest = m
    if nearest is None:
        return None
    between = (nearest.end(), verb_start)
    if _COMMA.search(text, *between) or _AND.search(text, *between) or _words(text, *between) > _DENIAL_REACH:
        return None
    cues = lex.cues_in(text, nearest.start(), nearest.end())
    if cues and cues[0].category == "uncertain" and _words(text, *between) <= _HEDGE_ON_VERB_REACH:
        return "uncertain"  # "are believed to have withdrawn", "allegedly had sent": the hedge is on this verb
    return "negated" if cues and cues[0].category == "negated" else None


def _reaching_cue(text: str, left: int, trigger_start: int, lex: StatusLexicon) -> str | None:
    """Hedges and denials reach a finite trigger: "reportedly withdrew", "denied it had sent"."""
    for m in _AND.finditer(text, left, trigger_start):
        left = m.end()  # "suspected targets ... and Turkish soldiers withdraw": another clause
    nearest = None
    for m in lex.reaching.finditer(text, left, trigger_start):
        nearest = m
    if nearest is None:
        return None
    cues = lex.cues_in(text, nearest.start(), nearest.end())
    return cues[0].category if cues and cues[0].category in ("negated", "uncertain") else "uncertain"


def _fronted_condition(text: str, sentence: tuple[int, int], trigger_start: int, lex: StatusLexicon) -> bool:
    """"If talks fail, Israel will send more troops", "Should Russia invade, NATO would deploy": a
    condition opening the sentence, closed by a comma before the trigger, governs the main clause."""
    start = sentence[0]
    while start < trigger_start and not text[start].isalpha():
        start += 1  # quotes, dashes
    m = lex.conditionals.match(text, start, trigger_start)
    return m is not None and bool(_COMMA.search(text, m.end(), trigger_start))


def _conditional_after(text: str, clause: tuple[int, int], trigger: tuple[int, int], lex: StatusLexicon) -> bool:
    """"would leave if asked": a conditional right after a planned event makes it uncertain."""
    m = lex.conditionals.search(text, trigger[1], clause[1])
    return (bool(m) and _words(text, trigger[1], m.start()) <= lex.conditional_window
            and not _COMMA.search(text, trigger[1], m.start()))


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _negated_by_particle(text: str, left: int, trigger_start: int, lex: StatusLexicon) -> bool:
    """"did not hold drills", "no troop withdrawal": a particle whose scope reaches the trigger."""
    particle = None
    for m in lex.particles.finditer(text, max(left, trigger_start - 80), trigger_start):
        particle = m
    if particle is None:
        return False
    governor = _WORD.findall(text, max(left, particle.start() - 20), particle.start())
    if governor and governor[-1].lower() in lex.particle_governors:
        return False  # "should not be withdrawn": a demand, left to the deontic cue; "whether or not to send"
    if _demanded_not_to(text, left, particle, lex):
        return False
    between = _WORD.findall(text, particle.end(), trigger_start)
    # names and demonyms may stand between too: "no Russian soldiers were sent"
    return len(between) <= 5 and all(w.lower() in lex.light or w[:1].isupper() for w in between)


def _demanded_not_to(text: str, left: int, particle: regex.Match, lex: StatusLexicon) -> bool:
    """"urges Japan not to send troops", "warned Washington not to deploy": what others demand
    is not done is not denied by those who would act; the demand decides (uncertain)."""
    if not match_at(_TO_AFTER, text, particle.end()):
        return False
    nearest = None
    for cue in lex.cues_in(text, left, particle.end() + 3):  # "warn* ... not to" holds the particle
        if cue.start < particle.start():
            nearest = cue
    if nearest is None or nearest.category != "uncertain":
        return False
    gap = (min(nearest.end, particle.start()), particle.start())
    return _words(text, *gap) <= _DEMAND_OBJECT_WORDS and not _COMMA.search(text, *gap)
