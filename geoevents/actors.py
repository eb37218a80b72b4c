"""Actors of an event: the parties whose forces act, found by the role their names play.

In order: the party after a nominal trigger ("deployment *of U.S. troops*", "drills *by*
China"); the subject of an infinitive trigger ("called on *Turkey* to withdraw", "a deadline
for *Ethiopian troops* to pull out"); force phrases tied to the trigger ("*Russian troops*",
"the IDF"); else the subject before it, past a speaker whose complement names another party;
with the names listed beside each ("Uzbek and Tajik forces"), the partners of a joint exercise
("with India"), a mission's framework ("as part of an AU mission") and, for an exercise with no
named party, its host country ("drills in Iran"; a state only "near" which drills are held is no
host). A verb phrase after "and"/"but" with no subject of its own shares the subject of the verb
before ("Israel launched ... and is amassing troops"). Besides: the subject of "host" ("Romania
hosted NATO drills"), both an organisation and the states whose soldiers serve in its force ("UN
peacekeepers from Ghana", "Nepalese UN peacekeepers"), a headline's "<state>:" when no other force
is named after it ("Hungary: No plans to hold drills near Austria").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from . import cachedregex as regex
from .clauses import (
    GLUED,
    WORD,
    alternation,
    attach_clause,
    border_nouns,
    force_nouns,
    governing_words,
    non_actor_prepositions,
    past_possessive,
    place_nouns,
    preposition_before,
    received_before,
    role_lexicon,
    role_words,
    role_words_pattern,
    skip_words,
    words_in,
)
from .cues import status_lexicon
from .gazetteer import Mention, Reading, load_gazetteer
from .lazypattern import LazyPattern, phrase_pattern
from .model import Actor, Location
from .quickstarts import Words
from .reach import match_at
from .resources import read_lines
from .temporal.grammar import lexicon as temporal_lexicon


@dataclass(frozen=True, slots=True)
class NameRole:
    """How one name in the sentence relates to the trigger."""

    mention: Mention
    reading: Reading
    preposition: str | None
    force: bool  # a force phrase: "Russian troops", "the IDF"
    place_modifier: bool  # a demonym naming a place: "Iraqi territory", "a Tajik base"
    leads: bool = False  # "U.S.-led forces"


def attach_actors(
    text: str, sentence: tuple[int, int], trigger: tuple[int, int], event_type: str,
    mentions: list[Mention], year: int | None, found_type: str | None = None,
) -> list[Actor]:
    """The parties whose forces act, each with its role: agent, participant or host.
    ``event_type``: the type whose role rules apply (a training's are an exercise's);
    ``found_type``: the type found, when it is another."""
    clause = attach_clause(text, sentence, *trigger)
    in_clause = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
    roles = [r for r in _roles_of(text, clause, in_clause, year) if not _modifies_a_name(text, r)]
    roles = [r for r in roles if not _speaker(text, r, trigger, roles)]
    received = found_type == "arms_transfer" and received_before(text, trigger[0])
    if received:  # "Chile receives a shipment of radars": the recipient before the trigger acts not
        roles = [r for r in roles if r.mention.start >= trigger[1]]
    sellers = _sellers(text, trigger, roles) if found_type == "arms_transfer" else []
    if sellers:  # "Turkey will buy Russian jets": the buyer acts, the seller is the other party
        roles = [r for r in roles if r not in sellers]
    if found_type == "arms_transfer":  # "Nigeria intercepts an arms shipment": not Nigeria's
        roles = [r for r in roles if not _interceptor(text, r, trigger) and not _recipient_object(text, r, trigger)]
    participants = _partner_words()
    # "with" makes a partner of an exercise only: "clashes with IS militants" is no partnership
    partners = [r for r in roles if r.preposition in participants and r.reading.form != "leader"
                and (event_type == "exercise" or (r.force and r.preposition != "with")) and not r.place_modifier
                and not match_at(_ABSOLUTE, text, r.mention.end) and not _with_of_another_noun(text, r)
                and (event_type == "exercise" or not (_partner_of_an_exercise(text, trigger, r)
                                                      or _partner_of_a_purpose(text, trigger, r)))]
    if event_type == "exercise":  # "drills involving troops from Uganda": the force's party takes part
        partners += [r for r in roles if r.preposition == "from" and r.mention.start > trigger[1]
                     and _partner_force_from().search(text, max(clause[0], r.mention.start - 80), r.mention.start)]
    relative = _RELATIVE_BEFORE.search(text, max(clause[0], trigger[0] - 40), trigger[0])
    unnamed = _irregular_owner(text, trigger)  # "would not confirm the rebels' deployment": no party's
    if relative:  # "Israeli troops who left", "rebel fighters who withdrew": the antecedent alone
        # ("a bill that would withdraw all U.S. troops": no party before, the trigger's object's)
        agents = _antecedent(text, relative.start(), roles) or [
            r for r in roles if r.force and not r.place_modifier and r.mention.start >= trigger[1]
            and r.preposition in (None, "of", "and") and _object_of_trigger(text, trigger, r)]
    elif match_at(_FOREIGN_OBJECT_AFTER, text, trigger[1]) or unnamed:
        agents = []  # "once the withdrawal of foreign troops is complete": no one's forces are named
    elif found_type == "arms_transfer" and (origin := _supplier_from(text, trigger, roles)):
        agents = origin  # "transfers of equipment from North Korea to Russia": the sender's
    elif received:
        agents = []  # "Peru took delivery of two frigates": the sender is not named
    elif absolute := _absolute_with(text, trigger, roles):
        agents = absolute  # "..., with the Afghan government sending reinforcements": its subject
    else:
        agents = (_possessor(text, trigger, roles) or _pronoun_possessor(text, trigger, roles)
                  or _premodifier(text, trigger, roles) or _penalised_for(text, trigger, roles)
                  or _of_or_by(text, trigger, roles) or _passive_agent(text, trigger, roles)
                  or _infinitive_subject(text, trigger, roles)
                  or _subject_before_aside(text, sentence, trigger, mentions, year)
                  or _coordinated_subject(text, sentence, trigger, mentions, year)
                  or _force_phrases(text, trigger, roles) or _subject(text, clause, trigger, roles))
    unnamed = unnamed or received  # (a receiver's pronoun or its sentence's subject is the recipient too)
    if not agents and not unnamed and not match_at(_FOREIGN_OBJECT_AFTER, text, trigger[1]):  # "of foreign troops"
        agents = (_state_anaphor_possessor(text, sentence, trigger, mentions, year)
                  or _pronoun_antecedent(text, sentence, clause, trigger, mentions, year)
                  or _participle_subject(text, sentence, clause, trigger, mentions, year)
                  or _relative_antecedent(text, sentence, clause, mentions, year)
                  or _coordinated_subject(text, sentence, trigger, mentions, year)
                  or _forces_taken_up(text, sentence, trigger, mentions, year)
                  or _government_of_the_main_subject(text, sentence, trigger, mentions, year))
    if not agents and not partners and not unnamed:
        agents = (_commander_of(text, sentence, trigger, mentions, year)
                  or _pair_named_before(text, sentence, clause, trigger, mentions, year)
                  or _headline_party(text, sentence, trigger, mentions, year))
    if not agents and partners and event_type == "exercise":
        agents = _joint_with_partner(text, sentence, trigger, mentions, year)
    office = [] if agents or partners or unnamed else _office_of_the_state(text, sentence, clause, trigger, mentions)
    agents = _with_coordinated(text, agents, roles)
    partners = _with_coordinated(text, partners, roles)
    chosen = [(r, "host" if _hosts(text, r, trigger) else "agent") for r in agents]
    chosen += [(r, "participant") for r in partners if r not in agents]
    if event_type == "exercise":
        chosen += [(r, "participant") for r in _between_pair(text, trigger, roles) if r not in agents + partners]
    if event_type == "exercise":
        chosen += [(r, "participant") for r in _joiners(text, trigger, roles) if r not in agents + partners]
        chosen += [(r, "participant") for r in _joining_participle_subject(text, sentence, trigger, mentions, year)]
        if not agents and not partners:
            chosen += [(r, "agent") for r in _accident_victims(text, sentence, trigger, mentions, year)]
        chosen += [(r, "host") for r in _hosted_by(text, trigger, roles) if r not in agents + partners]
        chosen += [(r, "host") for r in _hosting_subject(text, trigger, roles) if r not in agents + partners]
    if found_type == "training":
        chosen += [(r, "participant") for r in _training_parties(text, clause, trigger, roles)
                   if r not in agents + partners]
    chosen += [(r, "participant") for r in sellers if r not in agents]
    chosen += [(r, "agent") for r in _frameworks(text, sentence, mentions, year)]
    chosen += [(r, "agent") for r in _contributors(text, sentence, trigger, mentions, year)]
    chosen += [(r, "agent") for r in _mission_members(text, sentence, trigger, [r for r, _ in chosen], mentions, year)]
    actors: list[Actor] = list(office)
    seen: set[str] = {a.code for a in office}
    for role, kind in chosen:
        if _irregulars_of(text, role):
            continue  # "Syrian rebels withdrew": the subject, but no party's forces
        actor = _actor(role, kind)
        if actor.code not in seen:
            seen.add(actor.code)
            actors.append(actor)
    return actors


_WITH_BEFORE = regex.compile(r"\bwith\s+(?:the\s+)?$", regex.IGNORECASE)


def _absolute_with(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The subject of a gerund trigger in an absolute phrase after "with" ("swarm the district
    with the Afghan government sending reinforcements", "with Chad sending troops to the border"):
    the party right after "with", before at most its force or government nouns."""
    if not text[trigger[0]:trigger[1]].split()[0].lower().endswith("ing"):
        return []
    for role in roles:
        if role.preposition != "with" or role.mention.end > trigger[0] or not _WITH_BEFORE.search(
                text, max(0, role.mention.start - 12), role.mention.start):
            continue
        gap = _words_between(text, role.mention.end, trigger[0])
        if all(force_nouns().fullmatch(w) or w in role_words("force_modifiers") or w in role_words("governing_nouns")
               or w in ("'s", "’s") for w in gap) and not _PUNCTUATION.search(text, role.mention.end, trigger[0]):
            return [role]
    return []


def _irregular_owner(text: str, trigger: tuple[int, int]) -> bool:
    """Is a nominal trigger owned by irregular fighters named by no party ("the rebels' deployment",
    "the militants' withdrawal")? Then none of the parties named elsewhere acts."""
    owner = _irregular_possessive().search(text, max(0, trigger[0] - 40), trigger[0])
    if owner is None:
        return False
    gap = _words_between(text, owner.start(), trigger[0])
    # "the rebels' demand to withdraw its troops": another party is asked to act (not "the
    # rebels' decision to withdraw")
    return not (gap[-1:] == ["to"] and len(gap) >= 2 and gap[-2] not in role_words("intention_nouns"))


@cache
def _irregular_possessive() -> regex.Pattern:
    nouns = role_lexicon()["irregular_force_nouns"] + ["fighters", "mercenaries"]
    return regex.compile(r"\b(?:the|their)\s+(?:%s)['’]\s+(?:[\p{L}-]+\s+){0,2}$" % alternation(nouns),
                         regex.IGNORECASE)


@cache
def _fronted_clause() -> regex.Pattern:
    """A subordinate clause that opens the trigger's clause and ends at a comma before the trigger
    ("As Afghans step up, ..."): its names are the subjects of its own verb."""
    return regex.compile(r"[\s\"“‘']*(?:%s)\s[^,;:]{1,120}?,\s" % alternation(role_lexicon()["subject_clause_openers"]),
                         regex.IGNORECASE)


def _unnamed_force_subject(text: str, start: int, trigger_start: int) -> bool:
    """Does the main clause after a fronted clause open with forces of its own, unnamed ("the
    coalition forces can step back"), lower-case words before the force noun?"""
    for word in words_in(text, start, trigger_start)[:4]:
        if force_nouns().fullmatch(word.lower()):
            return True
        if not word.islower():
            return False
    return False


def _asker(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """Does the party only ask for the act ("Germany rejected a US request to send troops", "meet a
    NATO request to increase its troops": roles.json request_nouns then "to" before the trigger)? Not
    a possessive, which may ask for its own act ("Russia's call to withdraw its troops")."""
    m = match_at(_request_after(), text, role.mention.end)
    return m is not None and m.end() <= trigger[0]


def _requested_by(text: str, role: NameRole) -> bool:
    """Does a request noun govern the party by "by" or "from" ("a demand by AQIM to leave", "an
    ultimatum from the rebels to withdraw")? It asks; another party is to act ("an offer from
    Poland to deploy": an offer is no request, Poland acts)."""
    return (role.preposition in ("by", "from")
            and _requested_before().search(text, max(0, role.mention.start - 40), role.mention.start) is not None)


@cache
def _requested_before() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\s+(?:by|from)\s+(?:the\s+)?$" % alternation(role_lexicon()["request_nouns"]),
                         regex.IGNORECASE)


@cache
def _request_after() -> regex.Pattern:
    return regex.compile(r"\s+(?:%s)\s+to\b" % alternation(role_lexicon()["request_nouns"]),
                         regex.IGNORECASE)


def _interceptor(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """Does the party stop the weapons rather than send them ("Nigeria intercepts an arms shipment",
    "Lebanon confiscates a shipment of arms": roles.json interception_verbs between it and the trigger)?"""
    return role.mention.end <= trigger[0] and _interception().search(text, role.mention.end, trigger[0]) is not None


@cache
def _interception() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\b" % alternation(role_lexicon()["interception_verbs"]), regex.IGNORECASE)


def _supplier_from(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The party a nominal transfer comes from, with no owner before the trigger ("detailed transfers
    of equipment from North Korea to Russia", "an arms shipment to Liberia from Libya")."""
    if text[trigger[0]:trigger[1]].split()[0].lower() not in role_words("nominal_transfer_words") or _possessor(
            text, trigger, roles) or _premodifier(text, trigger, roles):
        return []
    return [r for r in roles if r.preposition == "from" and r.mention.start >= trigger[1]
            and len(gap := _words_between(text, trigger[1], r.mention.start)) <= _SELLER_REACH
            and _one_object(gap) and not _BREAK.search(text, trigger[1], r.mention.start)][:1]


def _recipient_object(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """"continue sending Kyiv shells": a state's written name or capital right after a verb of giving and
    right before what is given receives it. An abbreviation or a demonym there names the maker
    ("sending U.S. weapons", "sending Russian tanks") and is left to the other rules."""
    if (role.mention.start < trigger[1] or text[trigger[0]:trigger[1]].lower() not in role_words("giving_verbs")
            or role.reading.form not in ("name", "capital") or not any(c.islower() for c in role.mention.text)
            or text[trigger[1]:role.mention.start].strip()):
        return False
    weapons = match_at(_weapons_after(), text, role.mention.end)
    return weapons is not None and text[role.mention.end:role.mention.end + 1].isspace()


def _one_object(gap: list[str]) -> bool:
    """Do the words after a transfer go on naming what is sent ("equipment and munitions from"), not
    another phrase after "and" ("the sale of weapons to Uzbekistan and visits from EU officials")?"""
    goods = _goods_words()
    return all(gap[i + 1] in goods for i, w in enumerate(gap[:-1]) if w == "and") and gap[-1:] != ["and"]


@cache
def _goods_words() -> frozenset[str]:
    return frozenset(w for line in read_lines("lexicon/weapons.txt") + read_lines("lexicon/platforms.txt")
                     + role_lexicon()["sold_goods_words"] for w in line.split())


def _sellers(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The parties of a trigger of buying (roles.json buying_words) that sell: named after it
    outside a phrase of place, the makers or sellers of what is bought ("buy Russian S-400s", "the
    purchase of jets from the United States", "Russia's S-400"; not "buy arms to send to Ukraine"),
    or before it, the party a deal is made with ("signs a deal with the United States to buy")."""
    if text[trigger[0]:trigger[1]].split()[0].lower() not in role_words("buying_words"):
        return []
    return [r for r in roles if r.preposition == "with" and r.mention.end <= trigger[0]
            and not _BREAK.search(text, r.mention.end, trigger[0])
            or r.mention.start >= trigger[1] and _in_the_object(text, trigger, r)]


_SELLER_REACH = 8  # words between a trigger of buying and the seller in its object
_BREAK = regex.compile(r"[,;:()\[\]–—]|--")


def _in_the_object(text: str, trigger: tuple[int, int], role: NameRole) -> bool:
    """Is the party after a trigger of buying in the phrase of what is bought: "from" a party, or a
    party whose weapons they are ("Russian S-400s", "U.S. combat aircraft"); not a clause past it
    ("the purchase of jets will anger Russia", "buys the system, facing US sanctions")?"""
    gap = _words_between(text, trigger[1], role.mention.start)
    if (len(gap) > _SELLER_REACH or _BREAK.search(text, trigger[1], role.mention.start)
            or any(w in _coordination_words()[0] for w in gap)):
        return False
    if role.preposition == "from":
        return True
    return role.preposition in (None, "of", "and") and match_at(_weapons_after(), text, role.mention.end) is not None


@cache
def _weapons_after() -> regex.Pattern:
    """What follows a party whose weapons are bought: "Russian S-400", "U.S.-made", "U.S. combat
    aircraft", "Russia's air defence systems": a model, or a word of weapons.txt or platforms.txt
    within three words."""
    words = (read_lines("lexicon/weapons.txt") + read_lines("lexicon/platforms.txt")
             + role_lexicon()["sold_goods_words"])
    return regex.compile(r"(?:['’]s)?(?:-(?:made|built|designed|produced|manufactured)\b|(?:\s+[\p{L}\p{N}-]+){0,3}?"
                         r"\s+(?:[\p{L}-]*\p{N}[\p{L}\p{N}-]*|(?:%s)\b))" % alternation(sorted(set(words))),
                         regex.IGNORECASE)


def _partner_of_an_exercise(text: str, trigger: tuple[int, int], role: NameRole) -> bool:
    """"send jets to take part in war games alongside Australian fighters": the partner of the
    exercise named between the trigger and the partner, not of the deployment."""
    return role.mention.start > trigger[1] and _exercise_noun().search(text, trigger[1], role.mention.start) is not None


def _partner_of_a_purpose(text: str, trigger: tuple[int, int], role: NameRole) -> bool:
    """"troops deployed to Mali to fight alongside French soldiers": the partner of what the
    forces are sent to do, already there, not a party sent."""
    return role.mention.start > trigger[1] and _PURPOSE_PARTNER.search(
        text, max(trigger[1], role.mention.start - 60), role.mention.start) is not None


# an infinitive of purpose, then the partner's preposition, before the partner ("to fight alongside the")
_PURPOSE_PARTNER = regex.compile(r"\bto\s+\p{L}+\s+(?:alongside|beside|together\s+with|with)\s+(?:the\s+)?"
                                 r"(?:[\p{L}-]+\s+){0,2}$", regex.IGNORECASE)


@cache
def _exercise_noun() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\b" % alternation(role_lexicon()["exercise_nouns"]), regex.IGNORECASE)


@cache
def _partner_force_from() -> regex.Pattern:
    """A participation word and a force from a party: "involving troops from", "with sailors from the"."""
    lexicon = role_lexicon()
    return regex.compile(r"\b(?:%s)\s+(?:[\p{L}\p{N},-]+\s+){0,3}?(?:%s)\s+from\s+(?:the\s+)?$"
                         % (alternation(lexicon["participation_verbs"]), alternation(lexicon["origin_force_nouns"])),
                         regex.IGNORECASE)


@cache
def _partner_words() -> frozenset[str]:
    """The participant words that make a partner ("with", "alongside"), less "and" and "including"."""
    return frozenset(role_lexicon()["participant_words"]) - {"and", "including"}


_HOST = regex.compile(r"\bhost(?:s|ed|ing)?\b", regex.IGNORECASE)


def _hosts(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """"South Africa hosts joint drills with Russia", "drills hosted by Kenya": the host country."""
    a, b = (role.mention.end, trigger[0]) if role.mention.end <= trigger[0] else (trigger[1], role.mention.start)
    return b - a < 60 and bool(_HOST.search(text, a, b))


def _joiners(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """"Sweden joined NATO drills", "India took part in the exercise": the subject of a verb of
    joining takes part in the exercise it joins, whoever holds it."""
    for role in reversed([r for r in roles if r.mention.end <= trigger[0] and r.preposition is None
                          and not r.place_modifier]):
        if _joining().fullmatch(text, _past_force_noun(text, role) if role.force else role.mention.end, trigger[0]):
            return [role]
    return []


def _joining_participle_subject(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                                mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"A Dutch F-16 crashed in Norway while taking part in the NATO exercise": the subject of
    the clause that "while/when participating in" hangs on takes part (a demonym, a force or an
    organisation, not a place named on the way)."""
    m = _JOINING_PARTICIPLE.search(text, max(sentence[0], trigger[0] - 80), trigger[0])
    if m is None:
        return []
    return _parties_before(text, sentence[0], m.start(), mentions, year)[-1:]


def _accident_victims(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                      mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"Five Indian soldiers are killed after their tank sinks in a river during a military
    exercise" (or "after a training exercise"): the forces of the accident's victims held the
    exercise it happened during (the first demonym, force or organisation of the sentence, before
    an accident verb)."""
    m = _DURING.search(text, max(sentence[0], trigger[0] - 60), trigger[0])
    if m is None:
        return []
    verb = _accident_verb().search(text, sentence[0], m.start())
    if verb is None:
        return []
    return _parties_before(text, sentence[0], verb.start(), mentions, year)[:1]


def _parties_before(text: str, start: int, end: int, mentions: list[Mention], year: int | None) -> list[NameRole]:
    """The names in ``text[start:end]`` outside a prepositional phrase that name a party's forces:
    a demonym, a force or an organisation, or a name heading a force phrase (not a place)."""
    before = [x for x in mentions if start <= x.start and x.end <= end]
    return [r for r in _roles_of(text, (start, end), before, year)
            if r.preposition is None and not r.place_modifier
            and (r.force or r.reading.form in ("demonym", "force", "org"))]


_DURING = regex.compile(r"\b(?:during|after|in\s+the\s+course\s+of)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,5}?$",
                        regex.IGNORECASE)


@cache
def _accident_verb() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\b" % alternation(role_lexicon()["accident_verbs"]), regex.IGNORECASE)


_JOINING_PARTICIPLE = regex.compile(r"\b(?:while|when|as)\s+(?:participating|taking\s+part)\s+in\s+"
                                    r"(?:[\p{L}\p{N}'’.-]+\s+){0,5}?$", regex.IGNORECASE)


@cache
def _joining() -> regex.Pattern:
    return regex.compile(r"\s+(?:(?:%s)\s+)?(?:%s)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,5}?"
                         % (alternation(role_lexicon()["control_verbs"]), alternation(role_lexicon()["joining_verbs"])),
                         regex.IGNORECASE)


def _hosting_subject(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """"Georgia hosted NATO drills", "Morocco will host the African Lion exercise": the subject of
    a verb of hosting hosts the exercise, beside the parties named for it."""
    for role in reversed([r for r in roles if r.mention.end <= trigger[0] and r.preposition is None
                          and not r.place_modifier]):
        m = _hosting().fullmatch(text, _past_force_noun(text, role) if role.force else role.mention.end, trigger[0])
        # ("hosted Israeli commandos for drills": "for" the exercise; "hosted talks on drills", "hosted
        # a summit as NATO held drills": no host)
        if m is not None and not _hosting_gap_stops().intersection(w.lower() for w in m.group("gap").split()):
            return [role]
    return []


@cache
def _hosting_gap_stops() -> frozenset[str]:
    """Words that end the phrase a host verb governs: prepositions (less "for"), clause openers, verbs of staging."""
    staging = frozenset(read_lines("lexicon/staging_verbs.txt"))
    return ((non_actor_prepositions() - {"for"}) | role_words("subject_clause_openers")
            | {"and", "but", "or", "that", "which", "who", "where"} | staging)


@cache
def _hosting() -> regex.Pattern:
    lexicon = role_lexicon()
    return regex.compile(r"\s+(?:(?:will|would|to|is|are|was|were|has|have|had|also|again|%s)\s+){0,2}(?:%s)"
                         r"(?P<gap>\s+(?:[\p{L}\p{N}'’.-]+\s+){0,5}?)"
                         % (alternation(lexicon["control_verbs"]), alternation(lexicon["hosting_verbs"])),
                         regex.IGNORECASE)


def _hosted_by(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """"drills hosted by Russia": the host, beside the parties named before the trigger."""
    m = match_at(_HOSTED_BY, text, trigger[1])
    return [r for r in roles if m is not None and r.mention.start == m.end()][:1]


_HOSTED_BY = regex.compile(r",?\s+(?:(?:jointly|being)\s+)?(?:hosted|organi[sz]ed)\s+by\s+(?:the\s+)?",
                           regex.IGNORECASE)


def add_host(actors: list[Actor], locations: list[Location], event_type: str) -> list[Actor]:
    """An exercise with no named party is its host country's ("military exercise in Iran")."""
    if actors or event_type != "exercise":
        return actors
    for i, location in enumerate(locations):
        # "drills in Iran", not "drills around Taiwan" (the target's land, not the exercise's host)
        # nor "drills near Finland" (but "near Tbilisi, Georgia": the state a nearby town lies in)
        if (location.feature == "country" and location.country and location.relation in role_words("host_relations")
                and (i > 0 or location.relation not in role_words("host_relations_not_for_states"))):
            return [Actor(name=location.name, code=location.country, kind="state", text=location.text,
                          start=location.start, end=location.end, role="host")]
    for location in locations:
        # "a parade in Brasilia ahead of exercises": a town of the state hosts them, as its land does
        state = load_gazetteer().entity(location.country) if location.feature == "city" and location.country else None
        if state is not None and state.kind == "state" and location.relation in role_words("host_relations"):
            return [Actor(name=state.name, code=state.code or location.country, kind="state", text=location.text,
                          start=location.start, end=location.end, role="host")]
    return actors


def _roles_of(text: str, clause: tuple[int, int], mentions: list[Mention], year: int | None) -> list[NameRole]:
    prepositions = governing_words()
    result = []
    for index, mention in enumerate(mentions):
        reading = mention.actor_reading(year)
        if reading is None:
            continue
        after = text[mention.end:min(clause[1] + 40, mention.end + 60)]
        leads = after[:1] == "-" and bool(_LED.match(after))
        # (only a space, an apostrophe or a hyphen can start a match that is not empty: every
        # character "\s" takes is a space to ``str.isspace``)
        head = after[:1]
        after_words = after[_POSSESSIVE_OR_LED.match(after).end():] if head.isspace() or head in "'’-" else after
        noun = _force_after(after_words)
        force = noun or reading.form == "force" or reading.entity.kind == "armed_group"
        # (a place noun after the name matters only for a name or demonym that heads no force)
        place_modifier = not noun and (reading.form in ("demonym", "name") and bool(
            place_nouns().first_word_match(after_words)
            or place_nouns().first_word_match(skip_words(after_words, 1)) and not _verb_between(after_words))
                                       or reading.form == "capital" and _embassy_after(after_words))
        preposition = preposition_before(text, mention.start, clause[0], prepositions)
        if preposition == "of" and _title_of().search(text, max(clause[0], mention.start - 40), mention.start):
            preposition = None  # "President of Colombia (Iván Duque) orders": the title stands for the state
        if preposition == "to" and _loyal_to().search(text, max(clause[0], mention.start - 40), mention.start):
            preposition, force = None, True  # "forces loyal to Haftar withdrew": his forces
        if preposition == "of" and _force_of().search(text, max(clause[0], mention.start - 30), mention.start):
            force = True  # "the navies of India and France held drills": the forces of the party
        governing = (_governing_in().search(text, max(clause[0], mention.start - 40), mention.start)
                     if preposition in _LOCATIVE else None)
        if governing and not (result and _PARTY_BEFORE_NOUN.fullmatch(text, result[-1].mention.end,
                                                                      governing.start())):
            preposition = None  # "the government in Kinshasa sent": the capital stands for the state
            # (not "US officials in Iraq": the party named before the noun is the one that governs)
        if preposition == "and" and result and _CONJUNCT.fullmatch(text, result[-1].mention.end, mention.start):
            preposition = result[-1].preposition or "and"  # "in Iraq and Afghanistan": both in the phrase
        if preposition is None and index:
            preposition = _town_of_the_state(text, clause, mentions[index - 1], mention, reading)
        if preposition is None and _CAPITAL_BEFORE.search(text, max(clause[0], mention.start - 30), mention.start):
            # "in Somalia's capital Mogadishu", "to the capital, Kabul": the phrase of the state's capital
            preposition = preposition_before(text, mention.start, clause[0], prepositions, through_names=True)
        result.append(NameRole(mention, reading, preposition, force, place_modifier, leads))
    return result


_PARTY_BEFORE_NOUN = regex.compile(r"(?:['’]s)?\s+(?:[\p{L}-]+\s+)?")  # "US (military) officials in Iraq"
_APPOSITION_COMMA = regex.compile(r",\s*")
_CAPITAL_BEFORE = regex.compile(r"\bcapital(?:\s+city)?,?\s+$", regex.IGNORECASE)
# what may follow a state named as the country of a town: the phrase goes on or ends ("to Busan,
# South Korea, on Monday"), no verb of its own ("In Zagreb, Croatia sent troops": the subject)


@cache
def _apposition_end() -> regex.Pattern:
    """What may follow a state named as the country of a town: the phrase goes on or ends ("to
    Busan, South Korea, on Monday"), no verb of its own ("In Zagreb, Croatia sent troops": the
    subject) (roles.json apposition_followers)."""
    return regex.compile(r"\s*(?:[,.;:)–—]|$)|\s+(?:%s)\b" % alternation(role_lexicon()["apposition_followers"]),
                         regex.IGNORECASE)


def _town_of_the_state(text: str, clause: tuple[int, int], town: Mention, state: Mention,
                       reading: Reading) -> str | None:
    """The preposition of the town a state's name follows as its apposition ("sent to Pusan, South
    Korea", "arrived in Split, Croatia"): the state is part of that place phrase, no party. Only a
    town that lies in that state ("In Basra, Britain sent ..." names Britain as the subject)."""
    if (reading.entity.kind != "state" or reading.form != "name"
            or _APPOSITION_COMMA.fullmatch(text, town.end, state.start) is None
            or reading.entity.code not in town.place_countries()
            or _apposition_end().match(text, state.end, clause[1] + 1) is None):
        return None
    preposition = preposition_before(text, town.start, clause[0], non_actor_prepositions(), through_names=True)
    return preposition if preposition in _LOCATIVE | _DIRECTIONAL else None


def _verb_between(after: str) -> bool:
    """Is the word after a name a verb of its own ("China built bases": not "a Chinese military base")?"""
    m = WORD.match(after.lstrip())
    return m is not None and m.group() in role_words("irregular_participles")


def _embassy_after(after: str) -> bool:
    """"the Kabul embassy": a capital naming where a mission is, not the state that acts."""
    m = WORD.match(after.lstrip())
    return m is not None and m.group().lower() in role_lexicon()["embassy_nouns"]


@cache
def _title_of() -> regex.Pattern:
    return regex.compile(r"(?:^|(?<=[\s,]))(?:the\s+)?(?:%s)\s+of\s+(?:the\s+)?$"
                         % alternation(role_lexicon()["titles_of_the_state"]), regex.IGNORECASE)


@cache
def _loyal_to() -> regex.Pattern:
    """A force noun, "loyal to" and the party it serves: "troops loyal to Assad"."""
    return regex.compile(r"\b(?:%s)\s+(?:still\s+)?loyal\s+to\s+(?:the\s+)?$"
                         % alternation(role_lexicon()["origin_force_nouns"] + ["fighters", "militias", "units"]),
                         regex.IGNORECASE)


# ("in Turkey and northern Iraq": a direction opens the second place of the phrase)
_CONJUNCT = regex.compile(r",?\s+and\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west"
                          r"|south-?east|south-?west)(?:ern)?\s+)?")


_LED = regex.compile(r"-led\b", regex.IGNORECASE)
# ("the Italian-led, 5,000-strong force": a comma may close the "-led" premodifier)
_POSSESSIVE_OR_LED = regex.compile(r"^(?:['’]s\b|-led\b,?)?\s*")  # compiled once (a hot path)
# "with the Russian Defence Ministry saying ...": an absolute phrase, not a partner
_ABSOLUTE = regex.compile(r"(?:['’]s)?(?:\s+\p{Lu}[\p{L}-]*){0,3}\s+(?:saying|claiming|warning|noting|adding|stating"
                          r"|insisting|arguing|calling|describing|accusing|announcing|vowing|threatening)\b")


def _modifies_a_name(text: str, role: NameRole) -> bool:
    """"Iran-backed militias", "Italian-occupied Kastellorizo", "pro-Russian rebels": the name is
    not a party here ("pro-Gaddafi forces", "pro-Syrian government forces" are the leader's or the
    government's)."""
    glued = text.startswith("-", role.mention.end) and match_at(GLUED, text, role.mention.end)  # (it starts with "-")
    if glued or match_at(_event_name_head(), text, role.mention.end):
        return True  # "Iran-backed militias", "the Iraq War troop surge"
    start = role.mention.start
    return (text[start - 1:start] == "-" and bool(_SIDING.search(text, max(0, start - 6), start))
            and role.reading.form != "leader"
            and not match_at(_GOVERNMENT_NEXT, text, role.mention.end))


@cache
def _event_name_head() -> regex.Pattern:
    return regex.compile(r"\s+(?:%s)\b" % alternation(role_lexicon()["event_name_heads"]))


def _irregulars_of(text: str, role: NameRole) -> bool:
    """"Syrian rebels", "Chadian gunmen", "Palestinian militants": irregular fighters named by a
    state's demonym fight apart from (often against) that state's forces, which do not act."""
    return role.reading.form == "demonym" and role.reading.entity.kind == "state" and bool(
        match_at(_irregular_after(), text, role.mention.end))


@cache
def _irregular_after() -> regex.Pattern:
    return regex.compile(r"\s+(?:[\p{L}-]+\s+)?(?:%s)\b" % alternation(role_lexicon()["irregular_force_nouns"]),
                         regex.IGNORECASE)


_SIDING = regex.compile(r"\b(?:pro|anti)-$", regex.IGNORECASE)
_GOVERNMENT_NEXT = regex.compile(r"\s+(?:government|regime)\b", regex.IGNORECASE)


def _force_after(text: str) -> bool:
    """Does a force noun follow, past at most three modifiers? ("Israeli ground forces",
    "Russia's Black Sea Fleet", "U.S. special operations troops")."""
    after_police = False
    nouns, modifiers = force_nouns(), role_words("force_modifiers")
    position = 0
    for _ in range(5):
        if noun := nouns.first_word_match(text, position):
            head = match_at(_WORD_AFTER, text, noun.end())  # "Russian military bloggers": no force
            return head is None or head.group(1).lower() not in role_words("not_force_heads")
        m = match_at(_NEXT_TOKEN, text, position)
        if not m:
            return False
        word = m.group(1)
        lower = word.lower()
        listed = lower in ("and", "&") and (text[m.end():m.end() + 1].isupper()  # "Lebanese and U.N. troops"
                                            or match_at(_other_forces_next(), text, m.end()) is not None)
        police = lower in _POLICE_BEFORE_TROOPS  # "Guatemalan police and military troops"
        if not (word[0].isupper() or word[0].isdigit() or lower in modifiers or listed
                or police or (after_police and lower == "and")):
            return False
        after_police = police
        position = m.end()
    return False


_WORD_AFTER = regex.compile(r"\s+(\p{L}+)")
_POLICE_BEFORE_TROOPS = {"police", "policemen", "gendarmes", "gendarmerie"}


@cache
def _other_forces_next() -> regex.Pattern:
    """"Afghan and foreign forces", "Iraqi and coalition troops": the party's forces listed with
    others (roles.json listed_other_forces)."""
    return regex.compile(r"(?:%s)\s" % alternation(role_lexicon()["listed_other_forces"]), regex.IGNORECASE)


_NEXT_TOKEN = regex.compile(r"([\p{L}\p{N}][\p{L}\p{N}./-]*(?:,\d{3}(?![\p{L}\p{N}]))*(?:-[\p{L}\p{N}]+)*)\s+")
# ("9,000", "9,000-strong": one token)


def _actor(role: NameRole, kind_role: str) -> Actor:
    entity = role.reading.entity
    return Actor(
        name=entity.name, code=entity.code or entity.id, kind=entity.kind, text=role.mention.text,
        start=role.mention.start, end=role.mention.end, role=kind_role,
    )


def _words_between(text: str, a: int, b: int) -> list[str]:
    return [w.lower() for w in words_in(text, a, b)] if b > a else []


_THOUSANDS = regex.compile(r"\d,\d{3}\b")


def _word_count(text: str, a: int, b: int) -> int:
    """How many words stand between ``a`` and ``b``, a number written with thousands separators
    ("6,000") counted as one."""
    return len(_words_between(text, a, b)) - len(_THOUSANDS.findall(text, a, b)) if b > a else 0


# up to two capitalised words right before a force's own name: the part of the state whose unit it
# is ("the Texas National Guard", "the New York Army National Guard")
_UNIT_OWNER_BEFORE = regex.compile(r"(?<=\s)(?-i:\p{Lu}[\p{Ll}-]+)(?:\s+(?-i:\p{Lu}[\p{Ll}-]+))?\s+$")


def _start_of_force_name(text: str, role: NameRole) -> int:
    """Where the name of the force ``role`` reads begins, with the capitalised words of a state's
    part before it ("deploys the California National Guard": the object is the Guard)."""
    if role.reading.form != "force":
        return role.mention.start
    owner = _UNIT_OWNER_BEFORE.search(text, max(0, role.mention.start - 30), role.mention.start)
    return owner.start() if owner else role.mention.start


_RELATIVE_BEFORE = regex.compile(r"\b(?:who|that)\s+(?:(?:had|have|has|were|was|are|is|will|would|also|then|"
                                 r"later|had\s+been|have\s+been|began|begin|started|start|still|now|currently)\s+){0,3}"
                                 r"(?:in\s+the\s+process\s+of\s+)?$", regex.IGNORECASE)


def _antecedent(text: str, relative_start: int, roles: list[NameRole]) -> list[NameRole]:
    """The party named in the noun phrase a relative clause hangs on: "Israeli troops who left"."""
    for role in reversed(roles):
        if role.mention.end <= relative_start:
            gap = _words_between(text, role.mention.end, relative_start)
            if len(gap) <= 4 and (role.force or not gap) and not role.place_modifier:
                return [role]
            return []
    return []


def _subject_before_aside(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                          year: int | None) -> list[NameRole]:
    """"Russia, facing NATO troops on its border, moved tanks", "Turkey, which accuses the YPG
    of terrorism, sent troops": the name that opens the sentence before an aside between commas
    is the subject of the verb after it (the names in the aside are not)."""
    first = next((m for m in mentions if m.start >= sentence[0]), None)
    if first is None or first.end > trigger[0] or not _OPENING.fullmatch(text, sentence[0], first.start):
        return []
    if text.count(",", first.end, trigger[0]) < 2:
        return []  # (an aside ending before the trigger holds two commas: most sentences have none)
    m = match_at(_aside(), text, first.end)
    if m is None or m.end() > trigger[0] or len(_words_between(text, m.end(), trigger[0])) > 10 \
            or _PUNCTUATION.search(text, m.end(), trigger[0]):
        return []
    reading = first.actor_reading(year)
    return [NameRole(first, reading, None, False, False)] if reading is not None else []


_OPENING = regex.compile(r"\s*(?:the\s+)?", regex.IGNORECASE)


@cache
def _aside() -> regex.Pattern:
    """After the opening name (its possession or force: "Iraq's leader", "Russian troops"), an
    aside between commas opened by a relative pronoun or a participle, then a lower-case verb."""
    forces = alternation(role_lexicon()["force_modifiers"] + read_lines("lexicon/forces.txt"))
    return regex.compile(r"(?:['’]s(?:\s+[\p{L}.-]+){1,3}|(?:\s+(?:%s))*)"
                         r",\s+(?:which|who|whose|(?-i:\p{Ll})[\p{L}-]*(?:ing|ed|en))\s[^,;:()]{3,120}?,\s+(?=(?-i:\p{Ll}))"
                         % forces, regex.IGNORECASE)


def _possessor(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The owner of a nominal trigger: "calls for Israel's unconditional withdrawal", "Russia's
    military build-up", "the Israeli troops' withdrawal" (whatever preposition governs the phrase)."""
    for role in roles:
        if role.mention.end > trigger[0]:
            continue
        owned = role.mention.end + 2 if text[role.mention.end:role.mention.end + 2] in ("'s", "’s") else (
            _forces_possessive_end(text, role.mention.end))
        if owned:
            # (with the capitalised words of an exercise's name: "NATO's Steadfast Defender exercise")
            named = _EXERCISE_NAME_GAP.fullmatch(text, owned, trigger[0]) is not None
            gap = [] if named else _words_between(text, owned, trigger[0])
            if gap[:1] and gap[0] in role_words("intention_nouns") and gap[1:2] == ["for"]:
                # "Sofia's plans for withdrawal", "Bucharest's plans for a troop withdrawal"
                gap = gap[3:] if gap[2:3] in (["a"], ["the"]) else gap[2:]
            if len(gap) <= 3 and all(w in _POSSESSED_GAP or w.endswith(("al", "ed", "ary", "ive", "ful")) for w in gap):
                return [role]
            if len(gap) <= 5 and all(w in _POSSESSED_GAP for w in gap):
                return [role]  # "South Korea's largest ever live fire military drills"
    return []


_EXERCISE_NAME_GAP = regex.compile(r"\s*(?:(?:annual|joint|naval|military|large-scale|biennial)\s+)*"
                                   r"(?:(?-i:\p{Lu})[\p{L}\p{N}-]*\s+){1,3}(?:\d{4}\s+)?", regex.IGNORECASE)


def _pronoun_possessor(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """"threatens attacks against South Korea over its planned drills", "criticised Japan for its
    drills": "its" before a nominal trigger is the nearest party named before it as a subject or
    an object, not one in a place phrase ("troops in Iraq began their withdrawal")."""
    m = _ITS_BEFORE.search(text, max(0, trigger[0] - 40), trigger[0])
    if m is None or not all(w in _POSSESSED_GAP or w.endswith(("al", "ed", "ary", "ive", "ful"))
                            for w in _words_between(text, m.end(), trigger[0])):
        return []
    for role in reversed([r for r in roles if r.mention.end <= m.start()]):
        if role.place_modifier or role.reading.form == "leader":
            continue
        if text.startswith(("'s", "’s"), role.mention.end):
            return []  # "Ukraine's allies should end their drills": the allies'
        if (role.preposition in (None, "against") or role.preposition == "to" and _COMPLAINED_TO.search(
                text, max(0, role.mention.start - 25), role.mention.start)
                or role.preposition == "on" and _penalty_on().search(text, max(0, role.mention.start - 40),
                                                                     role.mention.start)):
            return [role]  # ("imposed sanctions on Turkey over its purchase": the one penalised acts)
        return []
    return []


_ITS_BEFORE = regex.compile(r"\b(?:its|their)\s+(?:[\p{L}-]+\s+){0,3}$", regex.IGNORECASE)
_COMPLAINED_TO = regex.compile(r"\b(?:protest(?:s|ed)?|complain(?:s|ed)?|appeal(?:s|ed)?|object(?:s|ed)?|"
                               r"warn(?:s|ed)?|signal(?:s|led|ed)?)\s+to\s+(?:the\s+)?$", regex.IGNORECASE)


def _penalised_for(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """"announced sanctions on Belarus for supplying Russia with shells": the party penalised for
    the act the trigger names is its agent, not the one who penalises."""
    for role in reversed(roles):
        if role.mention.end > trigger[0]:
            continue
        if (role.preposition in ("on", "against") and _FOR_THE_ACT.fullmatch(text, role.mention.end, trigger[0])
                and _penalty_on().search(text, max(0, role.mention.start - 40), role.mention.start)):
            return [role]
        return []
    return []


_FOR_THE_ACT = regex.compile(r"\s+(?:for|over)\s+(?:(?:allegedly|reportedly|illegally|secretly)\s+)?", regex.IGNORECASE)


@cache
def _penalty_on() -> regex.Pattern:
    """"sanctions on", "an embargo against": a penalty for the party's own act (roles.json
    penalty_nouns)."""
    return regex.compile(r"\b(?:%s)\s+(?:on|against)\s+(?:the\s+)?$" % alternation(role_words("penalty_nouns")),
                         regex.IGNORECASE)


def _premodifier(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """A name right before a nominal trigger, whatever governs the phrase: "in response to
    *Russian* military exercises", "amid a *US* troop withdrawal"."""
    for role in reversed(roles):
        if role.mention.end > trigger[0] or role.place_modifier or role.leads:
            continue
        if role.reading.form not in ("demonym", "name", "org", "force"):
            return []
        if role.preposition == "by" and _agent_of_another_verb(text, role, trigger):
            return []  # "rebels backed by Rwanda withdrew": Rwanda backs, the rebels withdraw
        if role.reading.form == "name" and role.preposition in _LOCATIVE | _DIRECTIONAL:
            return []  # "troops in Iraq fell to 2,500", "the UN mission to Congo sends": a place, no premodifier
        if role.preposition in _partner_words():
            return []  # "Burundian troops serving with the African Union withdrew": the force phrase's
        gap = _words_between(text, role.mention.end, trigger[0])
        if text[role.mention.end:role.mention.end + 1] in ("-",) or len(gap) > 3:
            return []
        if _place_list(text, [role], roles):
            return []  # "from Jordan, Kuwait, and Iraq, removes the radar": a list of places, no premodifier
        if all(w in _POSSESSED_GAP for w in gap):
            return _with_coordinated(text, [role, *_premodifiers_listed_before(text, role, trigger, roles)], roles)
        return []
    return []


def _premodifiers_listed_before(text: str, last: NameRole, trigger: tuple[int, int],
                                roles: list[NameRole]) -> list[NameRole]:
    """The names listed before the last premodifier of a nominal trigger, in one phrase whatever
    governs it: "concern over *Russian*-Chinese drills", "protests against *US* and South Korean
    exercises" (the first is no target of "over" or "against": the list modifies the trigger).
    A state's name only glued by a hyphen ("US-South Korean"): "from Jordan, Kuwait and Iraq,
    removes" lists places, and no premodifier is cut from its trigger by a punctuation mark."""
    if _PUNCTUATION.search(text, last.mention.end, trigger[0]):
        return []
    listed: list[NameRole] = []
    current = last
    for role in reversed([r for r in roles if r.mention.end <= last.mention.start]):
        gap = text[role.mention.end:current.mention.start]
        if (not _listed(text, role.mention.end, current.mention.start) or role.place_modifier or role.leads
                or role.reading.form not in ("demonym", "name", "org", "force")
                or role.reading.form == "name" and gap not in ("-", "–", "/")):
            break
        listed.append(role)
        current = role
    return listed


_LOCATIVE = {"in", "at", "inside"}
_DIRECTIONAL = {"to", "into", "toward", "towards", "near"}  # (not "from": "troops from Chad arrive")


@cache
def _force_of() -> regex.Pattern:
    """A force noun and "of" before the party it belongs to: "the navies of"."""
    return regex.compile(r"\b(?:%s)\s+of\s+(?:the\s+)?$" % alternation(role_lexicon()["owning_force_nouns"]),
                         regex.IGNORECASE)


@cache
def _governing_in() -> regex.Pattern:
    """ "the government in Mogadishu": the capital stands for the state that governs."""
    return regex.compile(r"\b(?:%s)\s+(?:in|at)\s+(?:the\s+)?$" % alternation(role_lexicon()["governing_nouns"]),
                         regex.IGNORECASE)
def _forces_possessive_end(text: str, end: int) -> int | None:
    """Where "troops'" ends in "the Israeli troops' withdrawal": a plural force noun's possessive."""
    space = match_at(_SPACES, text, end).end()
    noun = match_at(force_nouns(), text, space)
    if noun is None or space == end or text[noun.end():noun.end() + 1] not in ("'", "’"):
        return None
    return noun.end() + 1 if not text[noun.end() + 1:noun.end() + 2].isalpha() else None


_SPACES = regex.compile(r"\s*")
_POSSESSED_GAP = {"unilateral", "unconditional", "full", "partial", "complete", "total", "planned", "proposed",
                  "latest", "recent", "first", "biggest", "largest", "annual", "military", "troop", "naval",
                  "joint", "massive", "rapid", "phased", "gradual", "final", "ongoing", "new", "own", "large-scale",
                  "immediate",
                  "live-fire", "snap", "army", "air", "force", "ever", "biggest-ever", "largest-ever", "live", "fire",
                  "major"}


_FROM_AFTER = regex.compile(r"\s+(?:from|out\s+of)\s", regex.IGNORECASE)


def _of_or_by(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The party right after a nominal trigger: "the deployment of U.S. strategic assets",
    "the withdrawal of Russian troops", "drills held by China"."""
    acronym = _acronym_of_the_named_force(text, trigger, roles)
    if acronym:
        return acronym
    for role in roles:
        if role.mention.start < trigger[1] or role.place_modifier:
            continue
        words = _words_between(text, trigger[1], _start_of_force_name(text, role))
        if "by" in words[1:7] and all(w in _NP_GAP or w in _PASSIVE_GAP or w in role_words("passive_gap_adverbs")
                                      for w in words[:words.index("by")]):
            words = words[words.index("by"):]  # "exercises held by South Korea", "drills were staged by X"
        elif words and words[0] == "of" and "by" in words[2:] and all(
                w in _NP_GAP or w in role_words("force_modifiers") or force_nouns().fullmatch(w)
                for w in words[1:words.index("by")]):
            words = words[words.index("by"):]  # "the withdrawal of forces by America"
        if words and words[0] == "in" and text[trigger[0]:trigger[1]].lower() in role_words("change_in_nouns"):
            words = ["of", *words[1:]]  # "an increase in NATO personnel", "a reduction in US troops"
        if len(words) > 5 or not words or words[0] not in ("of", "by"):
            return []
        rest = words[1:]
        force = role.force or _force_name_after(text, role, roles)
        if words[0] == "of" and not force:
            # "the withdrawal of Israel from Gaza": the party leaving, named for its forces
            return [role] if rest in ([], ["the"]) and match_at(_FROM_AFTER, text, role.mention.end) else []
        if all(w in _NP_GAP or _a_count(w) or w in role_words("force_modifiers") for w in rest) and (
                words[0] == "by" or force):
            return [role]
        return []
    return []


def _acronym_of_the_named_force(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """"the deployment of the African Union Support and Stabilization Mission in Somalia (AUSSOM)":
    a mission's acronym in brackets after its capitalised name, the object of "of", names the
    party (the name itself is no party's: its first words modify the rest)."""
    if not _ACRONYM_OBJECT_START.match(text, trigger[1], min(len(text), trigger[1] + 40)):
        return []
    for role in roles:
        opening = role.mention.start - 1
        if role.mention.start < trigger[1] or role.reading.entity.kind == "state" or opening < 0 \
                or text[opening] != "(" or not text.startswith(")", role.mention.end):
            continue
        name = _NAME_BEFORE_BRACKET.match(text, trigger[1], opening)
        return [role] if name is not None and name.end() == opening else []
    return []


_ACRONYM_OBJECT_START = regex.compile(r"\s+of\s+(?:the\s+|an?\s+)?(?-i:\p{Lu})")
# "of the African Union Support and Stabilization Mission in Somalia (": a proper name up to the bracket
_NAME_BEFORE_BRACKET = regex.compile(r"\s+of\s+(?:the\s+|an?\s+)?(?-i:\p{Lu})[\p{L}.'’-]*"
                                     r"(?:\s+(?:(?:and|in|for|of|the)\s+)*(?-i:\p{Lu})[\p{L}.'’-]*){0,10}\s*",
                                     regex.IGNORECASE)


def _force_name_after(text: str, role: NameRole, roles: list[NameRole]) -> bool:
    """Is the demonym the first word of its state's force name ("the Chinese People's Liberation
    Army Navy", where the force is a name of its own, not a force noun)?"""
    return role.reading.form == "demonym" and any(
        r.reading.form == "force" and r.reading.entity.code == role.reading.entity.code
        and r.mention.start > role.mention.end and not text[role.mention.end:r.mention.start].strip()
        for r in roles)


_PASSIVE_BEFORE = regex.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:[\p{L}-]+ly\s+)?$", regex.IGNORECASE)


_PASSIVE_AGENT_REACH = 8  # words between a passive trigger and "by X" (its place phrases)


def _passive_agent(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The agent of a passive trigger past its place phrase: "troops were withdrawn from Mali by
    France" (not the agent of another participle: "withdrawn from areas held by rebels")."""
    if text[trigger[0]:trigger[1]].split()[0].lower().endswith("ing") or not _PASSIVE_BEFORE.search(
            text, max(0, trigger[0] - 30), trigger[0]):
        return []  # "is sending jets to Cyprus to guard against retaliation by X": no passive
    for role in roles:
        if role.mention.start < trigger[1] or role.preposition != "by":
            continue
        if len(_words_between(text, trigger[1], role.mention.start)) > _PASSIVE_AGENT_REACH:
            return []
        if role.place_modifier or _agent_of_another_verb(text, role, trigger) or _PUNCTUATION.search(
                text, trigger[1], role.mention.start):
            return []
        return [role]
    return []


def _a_count(word: str) -> bool:
    """A number or a strength before a force: "2,000", "the 7800-strong African Union force"."""
    return word.isdigit() or _STRENGTH.fullmatch(word) is not None


_STRENGTH = regex.compile(r"\d+-strong")
_NP_GAP = {"the", "a", "an", "its", "their", "his", "her", "our", "more", "some", "about", "around", "nearly",
           "over", "up", "to", "additional", "extra", "fresh", "new", "several", "thousands", "hundreds", "dozens",
           "of", "held",
           "staged", "conducted", "led", "carried", "out", "being", "by", "troops", "forces", "number", "total",
           "all", "almost", "most", "remaining", "last", "rest"}


def _infinitive_subject(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The subject of "X to <trigger>": "calls on Turkey to withdraw its troops", "a deadline for
    Ethiopian troops to withdraw", "allow American forces to pull out"."""
    m = _TO_BEFORE.search(text[max(0, trigger[0] - 40):trigger[0]])
    if not m:
        return []
    to_at = trigger[0] - (min(40, trigger[0]) - m.start())
    before = [r for r in roles if r.mention.end <= to_at and not r.place_modifier]
    if not before:
        return []
    role = before[-1]
    if _requested_by(text, role):
        return []  # "rejects a demand by AQIM to leave": the party asked is not named
    if role.preposition in _LOCATIVE and not _governing_in().search(text, max(0, role.mention.start - 40),
                                                                    role.mention.start):
        return []  # "ordered units hunting rebels in the Central African Republic to return": a place, no subject
    gap = _words_between(text, role.mention.end, to_at)
    modifiers = role_words("force_modifiers")
    if len(gap) <= 4 and all(w in modifiers or force_nouns().fullmatch(w) or w in ("'s", "’s", "led") for w in gap):
        return [role]
    if gap[:1] in (["'s"], ["’s"]) and " ".join(gap[1:]) in role_words("titles_of_the_state"):
        return [role]  # "an offer from Poland's foreign ministry to deploy": the ministry stands for its state
    if (0 < len(gap) <= 3 and all(w in role_words("control_verbs") for w in gap) and not role.force
            and role.preposition is None):
        return [role]  # "as the United States begins to withdraw troops"
    if _force_then_participle(text, gap, role.mention.end, to_at):
        return [role]  # "calls for Russian troops occupying the plant to pull out"
    return []


def _force_then_participle(text: str, gap: list[str], start: int, end: int) -> bool:
    """A force noun, then a participle phrase of a few words, up to the infinitive."""
    heads = [i for i, w in enumerate(gap[:4]) if force_nouns().fullmatch(w)]
    if not heads or not all(w in role_words("force_modifiers") for w in gap[:heads[0]]):
        return False
    rest = gap[heads[-1] + 1:]
    return 0 < len(rest) <= 5 and rest[0].endswith(("ing", "ed")) and not _PUNCTUATION.search(text, start, end)


_INVOLVING = {"involve", "involves", "involved", "involving", "include", "includes", "included", "featuring",
              "will", "would", "bring", "brings", "brought", "together", "gather", "gathers", "than", "up", "some"}


_TO_BEFORE = regex.compile(r"\bto\s+[\"“]?(?:(?:begin|start|stop|halt|end|resume|continue|immediately|fully|completely"
                           r"|quickly|gradually)\s+)?$", regex.IGNORECASE)


def _force_phrases(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """Force phrases tied to the trigger: before it, or its object ("deployed Russian troops")."""
    found = []
    foreign = _foreign_before(text, trigger[0]) or _others_asked(text, trigger[0])
    by_others = _by_other_forces(text, trigger)  # "villages abandoned by jihadist fighters": not the jets before
    roles = [r for r in roles if not _generic_force_of_another(r, roles)]
    for role in roles:
        if (role.preposition == "from" and role.mention.end <= trigger[0] and not by_others
                and _subject_from(text, role)):
            found.append(role)  # "troops from the CSTO begin exercises": the force's origin is its party
            continue
        if role.force and not role.place_modifier and _passive_subject(text, role, trigger):
            found.append(role)  # "(could lead to) Chinese troops being deployed", whatever governs the phrase
            continue
        inside = trigger[0] < role.mention.start and role.mention.end <= trigger[1]
        if inside and role.force and not role.place_modifier:
            found.append(role)  # inside a trigger of several words: "(pressure to) bring US troops home"
            continue
        if not role.force or role.place_modifier or role.preposition not in (None, "of", "and", "including",
                                                                             "as well as", "by"):
            continue
        if role.mention.end <= trigger[0]:
            if (_word_count(text, role.mention.end, trigger[0]) <= 8 and not _judges(text, role, trigger, roles)
                    and not foreign and not by_others and not _asker(text, role, trigger)
                    and not _requested_by(text, role)
                    and not _other_subject_between(text, role, trigger)
                    and not _irregulars_act(text, role, trigger)
                    and not _object_before_a_joined_verb(text, role, trigger)
                    and not (len(roles) > 1 and _addressee(text, role, trigger))):
                found.append(role)  # (not "warns the Taliban that he will send forces": the teller's)
        elif _object_of_trigger(text, trigger, role):
            found.append(role)  # "deployed Russian troops", "will involve 1,000 Russian soldiers"
    return _last_clause_subject(text, trigger, _heading_the_participle(text, trigger, found))


def _object_before_a_joined_verb(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """ "would host Russian missiles and hold exercises": a force phrase that is the object of a
    verb after a modal or "to" (a determiner may stand between) belongs to that verb's phrase, not
    to the trigger of a verb phrase joined by "and"."""
    if not _joined_verb().search(text, role.mention.end, trigger[1]):
        return False
    opening = text[max(0, role.mention.start - 40):role.mention.start]
    opening = opening[max(opening.rfind(c) for c in ".;:!?\"“”") + 1:]  # within its sentence and clause
    before = [w.lower() for w in words_in(opening, 0, len(opening))][-3:]
    if before and before[-1] in status_lexicon().determiners:
        before = before[:-1]
    return len(before) >= 2 and before[-2] in status_lexicon().modals and before[-1].isalpha()


@cache
def _joined_verb() -> regex.Pattern:
    """ "and hold", "and then deploy": a verb phrase joined by "and" that realizes an event."""
    verbs = "|".join(regex.escape(v).replace("\\ ", r"\s+") for v in status_lexicon().realizing_verb_phrases)
    return regex.compile(r"(?i)\band\s+(?:then\s+|also\s+)?(?:%s)\b" % verbs)


def _object_of_trigger(text: str, trigger: tuple[int, int], role: NameRole) -> bool:
    """Is the name, after the trigger, in the phrase that is its object ("deployed 500 Russian troops")?"""
    gap = _words_between(text, trigger[1], _start_of_force_name(text, role))
    return len(gap) <= 6 and all(w in _INVOLVING or w in _NP_GAP or _a_count(w) for w in gap)


def _training_parties(text: str, clause: tuple[int, int], trigger: tuple[int, int],
                      roles: list[NameRole]) -> list[NameRole]:
    """Training has two parties, the trainers and the trained, and the rules above find one:
    "Canada will train Ukrainian soldiers" (the subject and the force trained), "Iraqi cadets
    were trained by US troops" (the force trained and the agent)."""
    trained = [r for r in roles if r.force and not r.place_modifier and (
        r.preposition in (None, "and", "by", "of") if r.mention.end <= trigger[0]
        else _object_of_trigger(text, trigger, r))]
    return _subject(text, clause, trigger, roles) + trained


def _generic_force_of_another(role: NameRole, roles: list[NameRole]) -> bool:
    """"Mexico will deploy 10,000 National Guard troops": a force name many states use
    (roles.json generic_force_names) stands for the state the gazetteer gives it only when no
    other state is named in the clause."""
    if role.mention.text.lower() not in _generic_force_names():
        return False
    return any(r.reading.entity.kind == "state" and r.reading.entity.code != role.reading.entity.code
               for r in roles if r is not role)


@cache
def _generic_force_names() -> frozenset[str]:
    return frozenset(name.lower() for name in role_lexicon()["generic_force_names"])


def _last_clause_subject(text: str, trigger: tuple[int, int], found: list[NameRole]) -> list[NameRole]:
    """"Lebanese troops deployed to the south as Hezbollah fighters withdrew": a force phrase
    that opens a clause of its own ("as", "while" ...) before the trigger is its subject; the
    forces named before that clause act in another (those listed with it are added back)."""
    before = [r for r in found if r.mention.end <= trigger[0]]
    for later in reversed(before):
        opener = _subject_clause_opener().search(text, max(0, later.mention.start - 12), later.mention.start)
        if opener is not None:
            return [r for r in found if r.mention.start >= opener.start()]
    if len(before) > 1 and _heads_a_conjoined_clause(text, trigger, before):
        # "Russian jets bombed rebel positions and Syrian troops withdrew": the last force's clause
        return [r for r in found if r is before[-1] or r.mention.start >= trigger[1]
                or r.mention.end <= before[-1].mention.start and _listed(text, r.mention.end, before[-1].mention.start)]
    return found


def _heads_a_conjoined_clause(text: str, trigger: tuple[int, int], before: list[NameRole]) -> bool:
    """Is the last force phrase before the trigger, right after "and" and not listed with the one
    before it, the trigger's own subject ("... and Syrian troops withdrew")?"""
    last, previous = before[-1], before[-2]
    if not _AND_BEFORE.search(text, max(0, last.mention.start - 10), last.mention.start):
        return False
    if _listed(text, previous.mention.end, last.mention.start) or _PUNCTUATION.search(text, last.mention.end,
                                                                                        trigger[0]):
        return False
    gap = _words_between(text, last.mention.end, trigger[0])
    return bool(gap) and all(force_nouns().fullmatch(w) or w in role_words("force_modifiers")
                             or w in _PASSIVE_GAP for w in gap)


_AND_BEFORE = regex.compile(r"\band\s+(?:the\s+)?$", regex.IGNORECASE)


@cache
def _subject_clause_opener() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\s+(?:the\s+)?$" % alternation(role_lexicon()["subject_clause_openers"]),
                         regex.IGNORECASE)


def _heading_the_participle(text: str, trigger: tuple[int, int], found: list[NameRole]) -> list[NameRole]:
    """"Somali gunmen opened fire at Ethiopian troops stationed in ...": a force phrase right before
    a participle trigger is its subject, the forces before it act in another clause (those listed
    with it are added back with the coordinated names)."""
    before = [r for r in found if r.mention.end <= trigger[0]]
    if len(before) < 2 or not text[trigger[0]:trigger[1]].split()[0].lower().endswith(("ed", "ing")):
        return found
    last = before[-1]
    gap = words_in(text, last.mention.end, trigger[0])
    if (not gap or not any(_names_forces(w) for w in gap) or _PUNCTUATION.search(text, last.mention.end, trigger[0])
            or not all(_names_forces(w) or w.lower() in role_words("force_modifiers") or w[0].isupper()
                       for w in gap)):
        return found
    return [r for r in found if r is last or r.mention.start >= trigger[1]]


def _names_forces(word: str) -> bool:
    """A force noun, a platform ("warships", "drones") or a model ("F-14", "Su-30s")."""
    lower = word.lower()
    return bool(force_nouns().fullmatch(lower)) or lower in _platform_words() or any(c.isdigit() for c in word)


@cache
def _platform_words() -> frozenset[str]:
    return frozenset(w for line in read_lines("lexicon/platforms.txt") for w in line.split())


# "since the foreign troop withdrawal started": forces named only as foreign have no party here
def _others_asked(text: str, trigger_start: int) -> bool:
    """Is the trigger the infinitive of forces called foreign or other ("calls on foreign troops to
    leave")? Its subject is unnamed, not the party that asks."""
    return (_FOREIGN_WORDS.occur_in(text, max(0, trigger_start - 60), trigger_start)
            and _FOREIGN_SUBJECT_BEFORE.search(text, max(0, trigger_start - 60), trigger_start) is not None)


def _foreign_before(text: str, trigger_start: int) -> bool:
    """Are the forces before the trigger only called foreign ("the foreign troop withdrawal")?"""
    return (_FOREIGN_WORDS.occur_in(text, max(0, trigger_start - 40), trigger_start)
            and _FOREIGN_BEFORE.search(text, max(0, trigger_start - 40), trigger_start) is not None)


# the words one of which every match of _FOREIGN_BEFORE and of _FOREIGN_SUBJECT_BEFORE holds (most
# stretches have none: the patterns, tried at every character, are spared)
_FOREIGN_WORDS = Words(("foreign", "international", "outside", "alien", "occupying", "occupation", "other"))
_FOREIGN_BEFORE = regex.compile(r"\b(?:foreign|international|outside)\s+(?:(?:troop|military|force|naval|army)\s+)?$",
                                regex.IGNORECASE)
# "once the withdrawal of foreign troops is completed", "a decision by Accra to remove foreign
# forces": the forces are named, as no one's (the one who decides or asks is not the one who leaves)
_FOREIGN_OBJECT_AFTER = regex.compile(r"\s+(?:of\s+)?(?:(?:all|the|remaining|last)\s+)*(?:foreign|alien|occupation|"
                                      r"occupying|outside)\s+(?:[\p{L}-]+\s+)?(?:troops|forces|soldiers|militaries|"
                                      r"armies)\b", regex.IGNORECASE)
# "called for all foreign troops to leave Lebanon", 'calls on "alien troops" to leave', "calls on other
# forces in the region to withdraw": the infinitive has an unnamed subject of its own, other than the
# party that asks (a place phrase may follow the forces)
_FOREIGN_SUBJECT_BEFORE = regex.compile(r"\b(?:foreign|alien|occupying|occupation|outside|(?<!\b(?:and|or)\s+)other)\s+"
                                        r"(?:[\p{L}-]+\s+)?(?:troops|forces|soldiers|militaries|armies|warships|fighters"
                                        r"|countries|nations|states|powers)[\"”’']?"
                                        r"(?:\s+(?:in|from)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?)?\s+to\s+$",
                                        regex.IGNORECASE)
_PUNCTUATION = regex.compile(r"[,;:()\[\]–—]")
_AND_AFTER = regex.compile(r"\s+and\s+", regex.IGNORECASE)
_PASSIVE_GAP = {"being", "been", "be", "to", "are", "were", "was", "is", "had", "have", "has", "already", "now",
                "reportedly", "still", "currently"}


def _passive_subject(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """A force phrase right before a passive or participle trigger: "Chinese troops being deployed"."""
    if role.mention.end > trigger[0]:
        return False
    if _PUNCTUATION.search(text, role.mention.end, trigger[0]):
        return False  # "with Iraqi units, withdrawing other troops"
    gap = _words_between(text, role.mention.end, trigger[0])
    joined = match_at(_AND_AFTER, text, role.mention.end)
    if joined and match_at(_other_forces_next(), text, joined.end()):
        gap = gap[2:]  # "Afghan and foreign forces stationed here": the Afghan forces, listed with others
    return (bool(gap) and force_nouns().fullmatch(gap[0]) is not None
            and all(w in _PASSIVE_GAP for w in gap[1:]) and len(gap) <= 4)


def _subject(text: str, clause: tuple[int, int], trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """The nearest name before the trigger that is not in a prepositional phrase, unless it only
    speaks of or judges the event ("North Korea condemns the drills") or the forces are only
    called foreign ("since the foreign troop withdrawal")."""
    if (_foreign_before(text, trigger[0])
            or _others_asked(text, trigger[0])
            or match_at(_FOREIGN_OBJECT_AFTER, text, trigger[1])
            or _by_other_forces(text, trigger)
            or (_FORCED_WORDS.occur_in(text, max(0, trigger[0] - 30), trigger[0])
                and _FORCED_BEFORE.search(text, max(0, trigger[0] - 30), trigger[0]))):
        return []
    before = [r for r in roles if r.mention.end <= trigger[0] and r.preposition in (None, "and", "by")
              and not r.place_modifier and not (r.preposition == "by" and _agent_of_another_verb(text, r, trigger))
              and not _kept_out(text, r, trigger) and not _object_before_a_joined_verb(text, r, trigger)
              and not _asker(text, r, trigger) and not _requested_by(text, r) and not _place_list(text, [r], roles)]
    fronted = _fronted_clause().match(text, clause[0], trigger[0])
    if fronted and _unnamed_force_subject(text, fronted.end(), trigger[0]):
        # "As Afghans step up, the coalition forces can ... come home": the forces, not the Afghans
        before = [r for r in before if r.mention.start >= fronted.end()]
    if not before:
        return []
    subject = before[-1]
    origin = _origin_of_a_passive_force(text, subject, trigger, roles)
    if origin:
        return origin  # "Russia rules out peacekeepers from NATO being stationed": NATO's, not Russia's
    if _stance_over(text, subject.mention.end, trigger):
        return []
    subject = _teller_of(text, subject, before, trigger)
    if match_at(_others_of(), text, subject.mention.end):
        return []  # "Ukraine's allies should end their drills": the allies act, not Ukraine
    if _irregulars_act(text, subject, trigger):
        return []  # "as Somali-Ethiopian forces advance with Islamic forces retreating"
    if _other_subject_between(text, subject, trigger):
        return []  # "North Korea fired missiles as the allies held drills": the allies hold them
    floor = max(subject.mention.end, trigger[0] - 60)
    if _CAUSED_WORDS.occur_in(text, floor, trigger[0]) and _CAUSED_BEFORE.search(text, floor, trigger[0]):
        return []  # "Beijing wants to make foreign vessels leave the sea": the causer does not leave
    return [subject]


@cache
def _others_of() -> regex.Pattern:
    """A possessive naming other parties than the owner: "Ukraine's allies", "Iran's proxies"."""
    return regex.compile(r"['’]s\s+(?:[\p{L}-]+\s+)?(?:%s)\b" % alternation(role_lexicon()["others_of_a_party"]),
                         regex.IGNORECASE)


def _irregulars_act(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """Is the trigger's own subject an irregular force named after ``role`` ("Chadian forces took
    the town with Islamist fighters retreating")? An armed group's fighters are its own ("the
    Houthi rebels ... as the rebels advance")."""
    if role.reading.entity.kind == "armed_group":
        return False
    irregular = _irregular_subject_before().search(text, max(role.mention.end, trigger[0] - 40), trigger[0])
    # "Afghan and foreign forces stationed": the named party's forces are listed with the others
    return irregular is not None and not _LISTED_WITH.fullmatch(text, role.mention.end, irregular.start())


_LISTED_WITH = regex.compile(r"\s*(?:,|and|&)\s*", regex.IGNORECASE)


@cache
def _irregular_subject_before() -> regex.Pattern:
    """An irregular or foreign force right before the trigger, its subject: "Islamist fighters
    withdrew", "the condition that all foreign mercenaries leave"."""
    lexicon = role_lexicon()
    return regex.compile(r"\b(?:%s)(?:\s+(?:%s))?\s+$" % (
        alternation(lexicon["irregular_subject_words"] + lexicon["irregular_force_nouns"] + ["foreign"]),
        alternation(lexicon["origin_force_nouns"] + ["fighters", "mercenaries"])), regex.IGNORECASE)


@cache
def _unnamed_subject_clause() -> regex.Pattern:
    """A clause opened before the trigger by a conjunction and a subject of other, unnamed parties
    ("as the allies held", "as Islamist forces retreat"; not "as the army flees": the named
    party's own army may be meant)."""
    lexicon = role_lexicon()
    irregular = alternation(lexicon["irregular_force_nouns"] + lexicon["irregular_subject_words"])
    return regex.compile(r"\b(?:%s)\s+(?:(?:%s)\s+(?:[\p{L}-]+\s+){0,3}"
                         r"|(?P<the>the\s+)?(?:%s)\s+(?:[\p{L}-]+\s+){0,2})$"
                         % (alternation(lexicon["unnamed_subject_openers"]),
                            alternation(lexicon["other_parties"] + lexicon["pair_anaphors"]), irregular),
                         regex.IGNORECASE)


def _other_subject_between(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """Does a clause with a subject of its own, unnamed parties, stand between the name and the
    trigger? "the rebels" takes up a named armed group ("Houthi rebels sign a deal as the rebels
    advance"), bare "rebels" does not."""
    m = _unnamed_subject_clause().search(text, role.mention.end, trigger[0])
    return m is not None and not (m.group("the") and role.reading.entity.kind == "armed_group")


def _kept_out(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """"The Pentagon disinvited China from the exercise": the party kept out of the event by a verb
    before it takes no part (the one who keeps it out may)."""
    return (_FROM_THE_TRIGGER.fullmatch(text, role.mention.end, trigger[0]) is not None
            and _exclusion_verb().search(text, max(0, role.mention.start - 40), role.mention.start) is not None)


_FROM_THE_TRIGGER = regex.compile(r"\s+from\s+(?:[\p{L}\p{N}'’-]+\s+){0,10}", regex.IGNORECASE)


@cache
def _exclusion_verb() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)[\s\"“”']+(?:the\s+)?$" % alternation(role_lexicon()["exclusion_verbs"]),
                         regex.IGNORECASE)


_BY_AFTER_WORD = regex.compile(r"([\p{L}-]+)\s+by\s+(?:[\p{L}.'’-]+\s+){0,6}?$", regex.IGNORECASE)


def _agent_of_another_verb(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """"a resolution, drafted by the United States and France, called for troops to leave": the
    agent of a participle that is not the trigger ("deployed by", "led by" keep theirs)."""
    m = _BY_AFTER_WORD.search(text, max(0, role.mention.start - 80), role.mention.start)
    if m is None or trigger[0] <= m.start(1) < trigger[1]:
        return False
    word = m.group(1).lower()
    return word != "led" and (word.endswith(("ed", "en", "wn")) or word in role_words("irregular_participles"))


def _judges(text: str, role: NameRole, trigger: tuple[int, int], roles: list[NameRole]) -> bool:
    """"The Taliban condemned Turkey for sending troops": the party that judges another one
    named after its stance verb does not act."""
    stance = _stance_over(text, role.mention.end, trigger)
    return stance is not None and any(stance.end() <= r.mention.start and r.mention.end <= trigger[0]
                                      and r.preposition is None for r in roles)


def _speaker(text: str, role: NameRole, trigger: tuple[int, int], roles: list[NameRole]) -> bool:
    """"A Pentagon spokesman said Iran has moved troops", "Kenya says that the East African
    Community plans to deploy": a speaker whose complement has a subject of its own is no party
    ("Moscow said it would send" keeps Moscow)."""
    if role.mention.end > trigger[0] or not _reporting_words().occur_in(text, role.mention.end, trigger[0]):
        return False
    verb = _reporting().match(text, role.mention.end, trigger[0])
    if verb is None:
        return False
    if any(verb.end() <= r.mention.start and r.mention.end <= trigger[0] and _addressee(text, r, trigger)
           for r in roles):
        return False  # "Beijing warned Manila that it would hold drills": the teller speaks of its own plan
    if any(verb.end() <= r.mention.start and r.mention.end <= trigger[0] and r.preposition in (None, "and")
           and not r.place_modifier and not _object_before_a_joined_verb(text, r, trigger) for r in roles):
        return True
    if match_at(_by_force(), text, trigger[1]):
        return True  # "The Arakan Army claims that 40 positions were abandoned by the military"
    if _OTHER_SIDE_SUBJECT.match(text, verb.end(), trigger[0]):
        return True  # "Damascus's governor says the last rebels have left the district": not the state's
    if _unowned_at_a_neighbours_border(text, role, verb.end(), trigger, roles):
        return True  # "Ukraine said 90,000 troops had been massed on the Russian border": whose is not said
    # an unknown name as the subject only right after the speaker: "the VDV" in "Russian Airborne
    # Troops spokesman says the VDV is planning" is the speaker's own force
    near = _NEAR_VERB.match(text, role.mention.end, trigger[0])
    subject = _OWN_SUBJECT.match(text, verb.end(), trigger[0])
    return (near is not None and near.end() == verb.end() and subject is not None
            and not _calendar_word(subject.group().split()[0]))


def _unowned_at_a_neighbours_border(text: str, speaker: NameRole, start: int, trigger: tuple[int, int],
                                    roles: list[NameRole]) -> bool:
    """Does the speaker's complement name forces of no one ("troops", not "its troops") at a
    border named by another state ("the Russian border")?"""
    if _OWNED_FORCE.search(text, start, trigger[0]):
        return False
    own = speaker.reading.entity.code
    return any(r.mention.start > trigger[1] and r.reading.entity.code != own and r.reading.entity.kind == "state"
               and _names_a_border(text, r.mention) for r in roles)


_OWNED_FORCE = regex.compile(r"\b(?:it|its|they|their|we|our|he|his|she|her|government|army|military|navy)\b",
                          regex.IGNORECASE)


def _calendar_word(word: str) -> bool:
    """"Wednesday", "March": a time after the reporting verb, not the complement's subject."""
    vocabulary = temporal_lexicon()
    return word.lower() in vocabulary["weekdays"] or word.lower() in vocabulary["months"]


@cache
def _reporting_words() -> Words:
    """The verbs every match of ``_reporting`` holds."""
    return Words(role_lexicon()["reporting_verbs"])


@cache
def _reporting() -> regex.Pattern:
    """A reporting verb right after a name, past a few words naming the speaker ("Pentagon spokesman said")."""
    return regex.compile(r"(?:['’]s)?(?:\s+[\p{L}.-]+){0,3}?\s+(?:%s)\b(?:\s+that\b)?"
                         % alternation(role_lexicon()["reporting_verbs"]), regex.IGNORECASE)


# a causative verb and its object before a bare or to-infinitive trigger ("make foreign vessels
# leave", "forced the rebels to withdraw"): the subject before the verb causes, it does not act,
# unless the forces are its own ("Russia made its troops withdraw")
_CAUSED_WORDS = Words(("mak", "made", "forc", "compel"))  # in every match of _CAUSED_BEFORE
_CAUSED_BEFORE = regex.compile(
    r"\b(?:(?:make|makes|made|making)\s+(?!(?:its|their|his|her|our|a|an)\s)(?:(?!to\s)[\p{L}'’-]+\s+){1,3}?"
    r"|(?:forced|forcing|compelled|compelling)\s+(?!(?:its|their|his|her|our|to)\s)(?:[\p{L}'’-]+\s+){1,4}?to\s+)$",
    regex.IGNORECASE)
# "a bombing campaign intended to force a retreat": the one who forces it does not retreat
_FORCED_WORDS = Words(("forc", "compel"))  # in every match of _FORCED_BEFORE
_FORCED_BEFORE = regex.compile(r"\b(?:(?:to|will|would|could|can|may|might|must)\s+(?:force|compel)|forcing|forced|"
                               r"compelled|compelling)\s+(?:(?:a|an|the)\s+)?$", regex.IGNORECASE)


def _origin_of_a_passive_force(text: str, subject: NameRole, trigger: tuple[int, int],
                               roles: list[NameRole]) -> list[NameRole]:
    """"rules out any peacekeepers from NATO being stationed in Ukraine": a force from a party is
    the subject of the passive trigger after the sentence's subject; that party's forces act."""
    if not _PASSIVE_BEFORE.search(text, max(0, trigger[0] - 30), trigger[0]):
        return []
    for role in roles:
        if (subject.mention.end < role.mention.start and role.mention.end <= trigger[0] and role.preposition == "from"
                and _force_from().search(text, max(0, role.mention.start - 40), role.mention.start)
                and len(_words_between(text, role.mention.end, trigger[0])) <= 4):
            return [role]
    return []


def _subject_from(text: str, role: NameRole) -> bool:
    """"More than 2,000 troops from the CSTO begin ...": a force from a party heads the sentence
    or clause (not "the withdrawal of troops from Iraq", where Iraq is the place left)."""
    m = _force_from().search(text, max(0, role.mention.start - 40), role.mention.start)
    if m is None:
        return False
    head = text[max(0, m.start() - 60):m.start()]
    head = head[max(head.rfind(c) for c in ".,;:") + 1:]
    return all(w.lower() in role_words("counting_words") or w[0].isdigit() for w in words_in(head, 0, len(head)))


def _by_other_forces(text: str, trigger: tuple[int, int]) -> bool:
    """"areas abandoned by counterterror forces loyal to ...": the agent follows and is unnamed (a
    state's own "government troops" stand for the state named before: "a Pakistani outpost is
    abandoned by government troops")."""
    m = match_at(_by_force(), text, trigger[1])
    return m is not None and role_words_pattern("own_force_words").search(m.group()) is None


@cache
def _by_force() -> regex.Pattern:
    """An unnamed agent after "by": "abandoned by the military", "by the rebels"."""
    nouns = alternation(role_lexicon()["agent_force_nouns"])
    return regex.compile(r"\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:%s)\b" % nouns, regex.IGNORECASE)


_NEAR_VERB = regex.compile(r"(?:['’]s)?(?:\s+(?-i:\p{Ll})[\p{L}-]*){0,2}?\s+\p{L}+(?:\s+that\b)?", regex.IGNORECASE)
# a complement subject that is an irregular or enemy force, never the speaking state's own
_OTHER_SIDE_SUBJECT = regex.compile(
    r"\s+(?:(?:the|some|many|most|all|hundreds\s+of|thousands\s+of|the\s+last(?:\s+group\s+of)?)\s+)?"
    r"(?:rebels?|militants?|insurgents?|jihadists?|separatists?|gunmen|guerrillas?|enemy\s+\p{L}+)\b",
    regex.IGNORECASE)
# a complement subject that is a proper name, not a pronoun or the speaker's own forces
_OWN_SUBJECT = regex.compile(r"\s+(?:the\s+)?(?-i:\p{Lu})(?!(?:t|he|hey|his|here|heir|ts|e|she)\b)[\p{L}-]+"
                             r"(?:\s+(?-i:\p{Lu})[\p{L}-]+)*\s+(?-i:\p{Ll})", regex.IGNORECASE)


# the pronoun names the teller when it states the teller's own plan ("would", "was ready to"), not
# when it states a demand ("informs India that it must withdraw": India)
_PRONOUN_COMPLEMENT = regex.compile(r"\s+that\s+(?:he|she|it|they|we)\s+(?:would|will|could|might|may|was\s+going\s+to|"
                                    r"is\s+going\s+to|(?:was|is|were|are)\s+(?:ready|prepared)\s+to|plans\s+to|planned\s+to|"
                                    r"intends\s+to|intended\s+to)\b", regex.IGNORECASE)


@cache
def _telling_before() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\s+(?:the\s+)?$" % alternation(role_lexicon()["telling_verbs"]), regex.IGNORECASE)


def _addressee(text: str, role: NameRole, trigger: tuple[int, int]) -> bool:
    """"warned Manila that it would": the party told, right after a telling verb and followed by
    "that" and a pronoun subject, which stands for the teller."""
    return (_PRONOUN_COMPLEMENT.match(text, role.mention.end, trigger[0]) is not None
            and _telling_before().search(text, max(0, role.mention.start - 30), role.mention.start) is not None)


def _teller_of(text: str, told: NameRole, before: list[NameRole], trigger: tuple[int, int]) -> NameRole:
    """"Beijing warned Manila that it would hold drills": the party told does not act; the
    teller named before it does."""
    if len(before) < 2 or not _addressee(text, told, trigger):
        return told
    return before[-2]


@cache
def _stance_conjunct() -> regex.Pattern:
    lexicon = role_lexicon()
    return regex.compile(r"\b(?:and|but)\s+(?:(?:%s)\s+)*(?:%s)\b"
                         % (alternation(lexicon["stance_conjunct_auxiliaries"]),
                            alternation(read_lines("lexicon/staging_verbs.txt"))), regex.IGNORECASE)


def _stance_over(text: str, start: int, trigger: tuple[int, int]) -> regex.Match | None:
    """The stance verb between ``start`` and the trigger, unless a coordinated staging verb ends
    its object before the trigger ("would welcome Hungarian troops and hold joint drills")."""
    stance = _stance().search(text, start, trigger[0])
    if stance is not None and _stance_conjunct().search(text, stance.end(), trigger[0]):
        return None
    return stance


@cache
def _stance() -> LazyPattern:
    """Verbs by which a party judges an event rather than acting in it (searched only where one is)."""
    verbs = role_lexicon()["stance_verbs"]
    return phrase_pattern(r"\b(?:%s)\b" % alternation(verbs), regex.IGNORECASE, verbs)


def _pronoun_antecedent(text: str, sentence: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
                        mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"The TDF confirm their withdrawal, saying that *they* are re-deploying": a pronoun subject
    of the trigger's clause stands for the sentence's subject, a party named before the clause."""
    words = _words_between(text, clause[0], trigger[0])
    subject = any(w in ("it", "they", "he", "she", "we") for w in words[:6])
    if not subject and not _possessed_intention(words):
        return []
    found = [NameRole(mention, reading, None, False, False) for mention in mentions
             if mention.start < clause[0] and (reading := mention.actor_reading(year)) is not None
             and not match_at(_event_name_head(), text, mention.end)
             and not _governed_but_by_a_title(text, sentence, mention)]
    if not subject and len({r.reading.entity.code for r in found}) > 1:
        return []  # "Russia criticised NATO after its decision to deploy": whose decision is not told
    accused = [r for r in found if _accusing_before().search(text, max(sentence[0], r.mention.start - 30),
                                                              r.mention.start)]
    if subject and accused and _BLAMED_ACT.search(text, accused[-1].mention.end, trigger[0]):
        # "Serbia accused Kosovo of provocations after it deployed police": the accused (not in
        # "Russia criticised NATO, saying it would respond": the speaker)
        return accused[-1:]
    return found[:1]


def _governed_but_by_a_title(text: str, sentence: tuple[int, int], mention: Mention) -> bool:
    """Is the name in a phrase of another word than a title that stands for it ("The Ministry of
    Defence of Russia says that it ...": Russia; roles.json titles_of_the_state)?"""
    preposition = preposition_before(text, mention.start, sentence[0], non_actor_prepositions())
    return bool(preposition) and not (
        preposition == "of" and _title_of().search(text, max(sentence[0], mention.start - 40), mention.start))


_BLAMED_ACT = regex.compile(r"\b(?:after|because|since|when|as|for)\s+(?:it|they)\b", regex.IGNORECASE)


@cache
def _accusing_before() -> regex.Pattern:
    """A verb of blame right before its object (roles.json accusing_verbs)."""
    return regex.compile(r"\b(?:%s)\s+(?:the\s+)?$" % alternation(role_words("accusing_verbs")), regex.IGNORECASE)


def _state_anaphor_possessor(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                             mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"Bulgaria's parliament backed a plan to withdraw the country's 400 troops": the forces of
    "the country" are those of the one state the sentence named before them, not in a place
    phrase (roles.json state_anaphors)."""
    phrase = (match_at(_state_anaphor_after(), text, trigger[1])
              or _state_anaphor_before().search(text, max(sentence[0], trigger[0] - 60), trigger[0])
              or match_at(_its_forces_after(), text, trigger[1]))
    if phrase is None or not any(force_nouns().fullmatch(w) for w in _words_between(text, *phrase.span("head"))):
        return []
    found = [NameRole(mention, reading, None, False, False) for mention in mentions
             if sentence[0] <= mention.start and mention.end <= phrase.start()
             and (reading := mention.actor_reading(year)) is not None and reading.entity.kind == "state"
             and preposition_before(text, mention.start, sentence[0], non_actor_prepositions()) in (None, "of")]
    return found[:1] if len({r.reading.entity.code for r in found}) == 1 else []  # ("the parliament of Latvia")


@cache
def _state_anaphor_after() -> regex.Pattern:
    """"(withdraw) all of the country's 400 troops": the trigger's object."""
    return regex.compile(r"\s+(?:all\s+(?:of\s+)?)?the\s+(?:%s)['’]s\s+(?P<head>(?:[\p{L}\p{N},-]+\s*){1,3})"
                         % alternation(role_words("state_anaphors")), regex.IGNORECASE)


# "(refused demands to) withdraw its troops": "its" stands for the one state named before
_ITS_FORCES_AFTER = r"\s+(?:all\s+(?:of\s+)?)?its\s+(?:own\s+)?(?P<head>(?:[\p{L}\p{N},-]+\s*){1,3})"


@cache
def _its_forces_after() -> regex.Pattern:
    return regex.compile(_ITS_FORCES_AFTER, regex.IGNORECASE)


@cache
def _state_anaphor_before() -> regex.Pattern:
    """"(since) the country's troop withdrawal": a nominal trigger's possessor."""
    return regex.compile(r"\bthe\s+(?:%s)['’]s\s+(?P<head>(?:[\p{L}-]+\s+){1,2})$"
                         % alternation(role_words("state_anaphors")), regex.IGNORECASE)


def _possessed_intention(words: list[str]) -> bool:
    """"following his decision to withdraw", "after their pledge to send troops": the owner of an
    intention whose infinitive is the trigger is the subject of the clause before (roles.json
    intention_nouns)."""
    nouns = role_words("intention_nouns")
    return any(w in ("his", "her", "its", "their") and i + 2 < len(words) + 1 and words[i + 1:i + 3] in (
        [n, "to"] for n in nouns) for i, w in enumerate(words[:4]))


# where a named force is based or comes from, between it and its relative clause: "the 3rd
# Marine Division from Camp Hansen, Okinawa, who ..." (capitalised names only)
_HOME_BASE = regex.compile(r"\s+(?:from|at|based\s+(?:in|at))\s+(?:the\s+)?\p{Lu}[\p{L}-]*"
                           r"(?:,?\s+\p{Lu}[\p{L}-]*){0,9}")
_NAME_WHICH = regex.compile(r",\s*(?:which|who)\s*$", regex.IGNORECASE)


def _relative_antecedent(text: str, sentence: tuple[int, int], clause: tuple[int, int], mentions: list[Mention],
                         year: int | None) -> list[NameRole]:
    """"Russia, which three months earlier held exercises": a non-restrictive relative clause
    whose subject is the name right before it."""
    opener = _NAME_WHICH.search(text, max(sentence[0], clause[0] - 12), clause[0])
    if opener is None:
        return []
    governed = governing_words()
    for mention in mentions:
        # "Russia, which ...", "Israeli troops, who ...": the name, or a force phrase it heads
        between = text[mention.end:opener.start()]
        if mention.end > opener.start() or (between and not force_nouns().fullmatch(between.strip())
                                            and not _HOME_BASE.fullmatch(between)):
            continue
        if (reading := mention.actor_reading(year)) is None:
            continue
        if reading.form in ("capital", "seat") or (
                preposition_before(text, mention.start, sentence[0], governed, True)
                and not (between and _count_of().search(text, max(sentence[0], mention.start - 30), mention.start))):
            return []  # "Mogadishu, which has been abandoned", "a deal with Russia, which halves"
            # (not a counted force: "Hundreds of Chadian troops, who were deployed")
        return [NameRole(mention, reading, None, False, False)]
    return []


def _participle_subject(text: str, sentence: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
                        mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"Turkish soldiers withdrew after sending troops into Iraq": a participle trigger opening its
    clause shares the subject of the clause before, a force phrase or a name in no prepositional phrase."""
    opener = text[max(sentence[0], clause[0] - 12):clause[0]].split()
    gerund = text[trigger[0]:trigger[1]].split()[0].lower().endswith("ing")
    adverbs = _words_between(text, clause[0], trigger[0])  # "after abruptly withdrawing"
    if not (opener and opener[-1].lower() in _PARTICIPLE_OPENERS and gerund) or not all(
            w.endswith("ly") for w in adverbs):
        return []
    before = [m for m in mentions if sentence[0] <= m.start and m.end <= clause[0]]
    roles = [r for r in _roles_of(text, (sentence[0], clause[0]), before, year)
             if r.preposition is None and not r.place_modifier and not _modifies_a_name(text, r)]
    forces = [r for r in roles if r.force]
    return (forces or roles)[-1:]


_PARTICIPLE_OPENERS = {"after", "before", "while", "by", "when", "since", "without"}


@cache
def _subordinate_government() -> regex.Pattern:
    """A subordinate clause whose subject is the unnamed government ("since 2011, when the government
    sent", "after the regime had moved"): roles.json subordinators, unnamed_governments."""
    lexicon = role_lexicon()
    return regex.compile(r"\b(?:%s)\s+the\s+(?:%s)\s+(?:[\p{L}'’-]+\s+){0,3}$"
                         % (alternation(lexicon["subordinators"]), alternation(lexicon["unnamed_governments"])),
                         regex.IGNORECASE)


_MAIN_SUBJECT_REACH = 200  # characters between the main clause's subject and the trigger


def _government_of_the_main_subject(text: str, sentence: tuple[int, int], trigger: tuple[int, int],
                                    mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"Kenyan troops have been in Somalia since 2011, when the government sent soldiers into the
    country": the government of a subordinate clause is that of the state whose forces, or which,
    open the sentence as its subject."""
    if trigger[0] - sentence[0] > _MAIN_SUBJECT_REACH or not _subordinate_government().search(
            text, max(sentence[0], trigger[0] - 60), trigger[0]):
        return []
    first = next((m for m in mentions if m.start >= sentence[0]), None)
    if first is None or first.end > trigger[0] or not _OPENING.fullmatch(text, sentence[0], first.start):
        return []
    reading = first.actor_reading(year)
    if (reading is None or reading.entity.kind != "state" or reading.form not in ("name", "demonym", "force")
            or text.startswith("-", first.end)):
        return []  # (not a name glued to a modifier: "Somalia-based al-Shabab has fought Kenyan troops")
    after = text[first.end:first.end + 60]
    owned = reading.form == "force" or _force_after(after[_POSSESSIVE_OR_LED.match(after).end():])
    if not owned and not _verb_follows(text, first.end):
        return []  # the state, or its forces, is the subject: not "Somalia's president said ..."
    return [NameRole(first, reading, None, owned, False)]


def _forces_taken_up(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                     year: int | None) -> list[NameRole]:
    """"The Australian Army ends its mission, as 500 troops withdraw", "capture the Sudanese Army
    base after the army withdraws": a subject of bare force nouns takes up the forces named before
    in the sentence (roles.json taken_up_force_nouns)."""
    subject = _bare_force_subject().search(text, max(sentence[0], trigger[0] - 80), trigger[0])
    opener = subject.group("opener").lower() if subject else ""
    opened = opener in role_words("subject_clause_openers")
    if subject is None or not (subject.group("count") or opened):
        return []  # ("as coalition forces retreat": the opener is a modifier of other forces)
    before = [m for m in mentions if sentence[0] <= m.start and m.end <= subject.start()]
    forces = [r for r in _roles_of(text, (sentence[0], subject.start()), before, year)
              if r.force and not r.place_modifier and r.reading.form != "leader"
              and not _modifies_a_name(text, r) and not _irregulars_of(text, r)]
    noun = subject.group("noun").lower()
    same = [r for r in forces if noun in _words_between(text, r.mention.start, r.mention.end + 40)[:5]]
    if same:
        return same[-1:]
    return forces[-1:] if opened and len({r.reading.entity.code for r in forces}) == 1 else []


@cache
def _bare_force_subject() -> regex.Pattern:
    """A subject of force nouns with no party before the trigger, and the word that opens it
    ("as about 500 troops withdraw", "forced the soldiers to retreat")."""
    lexicon = role_lexicon()
    counting = alternation(lexicon["counting_words"] + lexicon["taken_up_counting_words"])
    coordinated = lexicon["coordinated_predicate"]
    gap = alternation(coordinated["auxiliaries"] + coordinated["adverbs"] + ["to", "be", "being", "not", "begin",
                                                                              "start", "started"])
    return regex.compile(r"(?<![\p{L}'’-])(?P<opener>(?-i:\p{Ll})+)\s+(?P<count>(?:(?:%s|\d[\d,]*)\s+)*)"
                         r"(?P<noun>%s)\s+(?:(?:%s)\s+){0,3}$"
                         % (counting, alternation(lexicon["taken_up_force_nouns"]), gap), regex.IGNORECASE)


_COORDINATOR = regex.compile(r"\b(?:and|but)\s+", regex.IGNORECASE)
_PUNCTUATION_GAP = regex.compile(r"[\s,]*")


@cache
def _coordination_words() -> tuple[frozenset[str], frozenset[str]]:
    lexicon = role_lexicon()["coordinated_predicate"]
    return frozenset(lexicon["auxiliaries"]), frozenset(lexicon["adverbs"])


def _coordinated_subject(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                         year: int | None) -> list[NameRole]:
    """"Israel launched an operation in response to rocket fire and is now amassing troops": a verb
    phrase after "and"/"but" with no subject of its own shares the subject of the verb before."""
    coordinator = None
    for m in _COORDINATOR.finditer(text, sentence[0], trigger[0]):
        coordinator = m
    if coordinator is None or any(coordinator.end() <= m.start < trigger[0] for m in mentions):
        return []
    staged = _bare_staging_verb(text, coordinator.end(), trigger[0])  # "troops ... and start a new round of drills"
    if "," in text[coordinator.end():trigger[0]] or not (staged or _verb_opens(text, coordinator.end(), trigger[0])):
        return []  # "and launched an attack, forcing them to retreat": the trigger has a clause of its own
    if _stance().search(text, coordinator.end(), trigger[0]) or _others_asked(text, trigger[0]):
        return []  # "and demands their immediate withdrawal": the subject judges, it does not act
    before = [m for m in mentions if sentence[0] <= m.start and m.end <= coordinator.start()]
    named = _roles_of(text, (sentence[0], coordinator.start()), before, year)
    roles = [r for r in _subject_roles(text, named)
             if not r.place_modifier and not r.leads and not _modifies_a_name(text, r)]
    # a bare trigger ("and deploy") shares a plural force's bare verb: "Turkish jets strike ... and deploy"
    bare = staged or _BARE_VERB.fullmatch(text, trigger[0], trigger[1]) is not None
    subjects = [r for r in roles if _verb_follows(text, end := _past_force_noun(text, r) if r.force else r.mention.end,
                                                  bare and end > r.mention.end)]
    while subjects:
        if _subordinator().search(text, subjects[-1].mention.end, coordinator.start()):
            return []  # "until foreign forces stop attacking and withdraw": the subject is not a name
        listed = [subjects[-1]]  # with the names listed before it ("Japanese and American troops")
        for r in reversed(roles[:roles.index(subjects[-1])]):
            if not _CONJUNCT.fullmatch(text, r.mention.end, listed[0].mention.start):
                break
            listed.insert(0, r)
        if not _place_list(text, listed, named):
            return listed
        subjects = [r for r in subjects if r.mention.end <= listed[0].mention.start]  # the subject before it
    return []


_COMMA_AFTER = regex.compile(r"\s*,")
_COMMA_OR_AND_AFTER = regex.compile(r"\s*,|\s+(?:and|&)\s", regex.IGNORECASE)
_PLACE_LIST_PREPOSITIONS = _LOCATIVE | _DIRECTIONAL | {"from", "out of", "across", "around", "throughout"}


def _place_list(text: str, listed: list[NameRole], roles: list[NameRole]) -> bool:
    """"pulls batteries from Qatar, Oman, Bahrain, and Kuwait, removes a radar ... and says": names
    in a serial list ("A, B and C") opened by a preposition of place and closed by a comma are that
    phrase's places, not the subject of the verb after the comma ("In Zagreb, Croatia and Serbia
    withdrew", with no comma after the list, still names the subject)."""
    if match_at(_COMMA_OR_AND_AFTER, text, listed[-1].mention.end) is None:
        return False  # (most names: neither listed on nor closed by a comma)
    positions = {id(r): i for i, r in enumerate(roles)}
    if id(listed[0]) not in positions or id(listed[-1]) not in positions:
        return False
    start, end = positions[id(listed[0])], positions[id(listed[-1])]
    while start > 0 and _listed(text, roles[start - 1].mention.end, roles[start].mention.start):
        start -= 1
    while end + 1 < len(roles) and _listed(text, roles[end].mention.end, roles[end + 1].mention.start):
        end += 1
    run = roles[start:end + 1]
    return (match_at(_COMMA_AFTER, text, run[-1].mention.end) is not None
            and any(_AND_GAP.search(text, a.mention.end, b.mention.start) for a, b in pairwise(run))
            and run[0].preposition in _PLACE_LIST_PREPOSITIONS)


@cache
def _count_of() -> regex.Pattern:
    """"Thousands of", "dozens of" before a force: roles.json counted_of_words."""
    return regex.compile(r"\b(?:%s)\s+of\s+$" % alternation(role_lexicon()["counted_of_words"]), regex.IGNORECASE)


def _subject_roles(text: str, roles: list[NameRole]) -> list[NameRole]:
    """The names in no prepositional phrase, a force counted with "of" ("Thousands of Japanese and
    American troops ...") and a name listed with one of them ("and American") included."""
    kept: list[NameRole] = []
    for r in roles:
        if (r.preposition is None or r.preposition == "of" and r.force
                and _count_of().search(text, max(0, r.mention.start - 30), r.mention.start)
                or r.preposition in ("and", "of") and kept and kept[-1] is roles[roles.index(r) - 1]
                and _CONJUNCT.fullmatch(text, kept[-1].mention.end, r.mention.start)):
            kept.append(r)
    return kept


def _bare_staging_verb(text: str, start: int, trigger_start: int) -> bool:
    """Does a bare verb of staging (staging_verbs.txt, "start", "hold", "begin") open the verb
    phrase after "and", with a noun trigger in its object ("and start a new round of drills")?"""
    m = WORD.search(text, start, trigger_start)
    return m is not None and m.group() in _bare_staging_verbs()


@cache
def _bare_staging_verbs() -> frozenset[str]:
    return frozenset(w for w in read_lines("lexicon/staging_verbs.txt") if _BARE_VERB.fullmatch(w))


@cache
def _subordinator() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\b" % alternation(role_lexicon()["coordinated_predicate"]["subordinators"]),
                         regex.IGNORECASE)


def _verb_opens(text: str, start: int, trigger_start: int) -> bool:
    """Does a verb open ``text[start:]``: an auxiliary, a past form, or the trigger itself
    after adverbs ("and is currently amassing", "but will instead deploy", "and deploys")?"""
    auxiliaries, adverbs = _coordination_words()
    for m in WORD.finditer(text, start, trigger_start + 1):
        word = m.group()
        if m.start() >= trigger_start:
            return not word.endswith("ing")  # "in building ... and bringing troops home": coordinated gerunds
        if word in auxiliaries:
            return True
        if word in adverbs or word.endswith("ly"):
            continue
        return word.islower() and (word.endswith("ed") or _present_verb(word))
    return False


def _present_verb(word: str) -> bool:
    """A verb in -s ("and launches drills"), not a plural noun that opens a subject of its own
    ("and troops were deployed", "and officials say")."""
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            and force_nouns().fullmatch(word) is None and word not in role_lexicon()["speaker_nouns"])


def _past_force_noun(text: str, role: NameRole) -> int:
    """Where the force phrase a name heads ends: "the Syrian Army| captured", "Russian troops| have"."""
    end = role.mention.end
    for m in _NEXT_WORDS.finditer(text, role.mention.end, role.mention.end + 40):
        word = m.group(1)
        if force_nouns().fullmatch(word):
            end = m.end()
        elif not (word[0].isupper() or word.lower() in role_words("force_modifiers")):
            break
    return end


_NEXT_WORDS = regex.compile(r"\G\s+([\p{L}-]+)")


_BARE_VERB = regex.compile(r"(?-i:\p{Ll})+(?<!s|ed|ing)")


def _verb_follows(text: str, end: int, bare: bool = False) -> bool:
    """Is the name at ``end`` a subject: followed by a verb ("China has", "Israel launched",
    "Luanda, meanwhile, rushed"; with ``bare``, a verb of the base form too: "Turkish jets strike")?"""
    auxiliaries, adverbs = _coordination_words()
    if text.startswith(("'s", "’s"), end):
        return False  # "Iraq's elections": a possessive, not a subject
    position = match_at(_PUNCTUATION_GAP, text, end).end()
    for m in WORD.finditer(text, position, min(len(text), position + 60)):
        word = m.group()
        if word in auxiliaries:
            return True
        if word in adverbs or word.endswith("ly"):
            continue
        if force_nouns().fullmatch(word) or word in role_lexicon()["speaker_nouns"]:
            return False  # "Hezbollah fighters", "US officials": a plural noun, not a verb in -s
        if bare and _BARE_VERB.fullmatch(word) and word not in _NOT_BARE_VERBS:
            return True
        if word in role_words("irregular_participles"):
            return True  # "China built bases ... and deployed missiles"
        return word.islower() and (word.endswith("ed") or (word.endswith("s") and not word.endswith("ss")))
    return False


# lower-case words after a force noun that are no verb of its own: "US troops in Iraq and ..."
_NOT_BARE_VERBS = frozenset({"and", "or", "but", "the", "a", "an", "of", "in", "on", "at", "to", "from", "near", "with",
                             "who", "that", "which", "for", "by", "into", "along", "across", "inside", "out", "back"})


def _pair_named_before(text: str, sentence: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
                       mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"a tough reply to Japan and the United States, citing the two nations' planned exercise",
    "an exercise held by the two allies": the last two states named before the phrase."""
    phrase = _pair_anaphor_before().search(text, max(clause[0], trigger[0] - 60), trigger[0])
    if phrase is None:
        phrase = match_at(_pair_anaphor_after(), text, trigger[1])
    if phrase is None:
        return []
    states: list[NameRole] = []
    for mention in reversed([m for m in mentions if sentence[0] <= m.start and m.end <= phrase.start()]):
        reading = mention.actor_reading(year)
        if reading is not None and reading.entity.kind == "state" and all(
                r.reading.entity.code != reading.entity.code for r in states):
            states.append(NameRole(mention, reading, None, False, False))
        if len(states) == 2:
            return states[::-1]
    return []


@cache
def _pair_anaphor_before() -> regex.Pattern:
    """The pair as the trigger's owner or subject: "the two nations' annual", "both countries will hold"."""
    pairs = alternation(role_lexicon()["pair_anaphors"])
    return regex.compile(r"\b(?:%s)(?:['’]s?)?\s+(?:[\p{L}-]+\s+){0,4}$" % pairs, regex.IGNORECASE)


@cache
def _pair_anaphor_after() -> regex.Pattern:
    """The pair as the agent after the trigger: "exercise held here by the two allies"."""
    pairs = alternation(role_lexicon()["pair_anaphors"])
    return regex.compile(r"\s+(?:held|staged|conducted|carried\s+out)(?:\s+here|\s+there|\s+jointly)?\s+by\s+(?:%s)\b"
                         % pairs, regex.IGNORECASE)


def _commander_of(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                  year: int | None) -> list[NameRole]:
    """"General X, commander of the Revolutionary Guards navy, said the drills would be held":
    the force a speaking commander heads stands for the party whose forces act."""
    for mention in mentions:
        if not (sentence[0] <= mention.start and mention.end <= trigger[0]):
            continue
        reading = mention.actor_reading(year)
        if reading is None or (reading.form != "force" and reading.entity.kind != "armed_group"):
            continue
        if _commander_title().search(text, max(0, mention.start - 30), mention.start) and \
                role_words_pattern("reporting_verbs").search(text, mention.end, trigger[0]):
            return [NameRole(mention, reading, None, True, False)]
    return []


@cache
def _commander_title() -> regex.Pattern:
    return regex.compile(r"\b(?:%s)\s+of\s+(?:the\s+)?$" % alternation(role_lexicon()["commander_titles"]),
                         regex.IGNORECASE)


def _office_of_the_state(text: str, sentence: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
                         mentions: list[Mention]) -> list[Actor]:
    """"The Defence Ministry said troops withdrew from Kherson": an office or force that names no
    state stands for the one country the sentence is about."""
    m = role_words_pattern("offices_of_the_state").search(text, clause[0], trigger[0])
    if not m or _OWNED.search(text, max(sentence[0], m.start() - 20), m.start()):
        return []
    countries = set()
    for mention in mentions:
        reading = mention.place_reading() or mention.actor_reading()
        if reading is not None and reading.entity.kind in ("state", "place") and reading.entity.country:
            countries.add(reading.entity.country)
    if len(countries) != 1:
        return []
    code = countries.pop()
    state = load_gazetteer().entity(code)
    return [Actor(name=state.name if state else code, code=code, kind="state", text=m.group(0), start=m.start(),
                  end=m.end(), role="agent")]


_OWNED = regex.compile(r"(?:['’]s|\b(?:its|their|his|her|[A-Z][a-z]+(?:an|ese|ish|i)))\s+$")


def _with_of_another_noun(text: str, role: NameRole) -> bool:
    """"near the border with Guyana", "amid tensions with China": "with" completes another noun."""
    if role.preposition != "with":
        return False
    words = [w.lower() for w in words_in(text, max(0, role.mention.start - 80), role.mention.start)]
    if "with" not in words:
        return False
    at = len(words) - 1 - words[::-1].index("with")
    return at > 0 and words[at - 1] in role_words("not_partner_heads")


def _with_coordinated(text: str, chosen: list[NameRole], roles: list[NameRole]) -> list[NameRole]:
    """Add the names listed with each chosen one: "Uzbek and Tajik forces", "X, Y and Z hold",
    "joint US-South Korea drills"."""
    result = list(chosen)
    for head in chosen:
        earlier = [r for r in roles if r.mention.end <= head.mention.start]
        later = [r for r in roles if r.mention.start >= head.mention.end]
        current = head
        closed = False  # "A and B" before: the list ends there ("held by X and Y, Z fires" leaves Z out)
        for role in reversed(earlier):
            if _POSSESSOR_GAP.fullmatch(text, role.mention.end, current.mention.start) and not role.place_modifier:
                current = role  # "China's People's Liberation Army Navy": one party, the list goes on before it
                continue
            if not _listed(text, role.mention.end, current.mention.start) or role.place_modifier:
                break
            if role.preposition not in (None, "and", "by", "of", "with", "as well as", "including") and not (
                    role.preposition == "from" and current.preposition in (None, "from") and _subject_from(text, role)
                    or role.preposition == current.preposition and _one_phrase(text, role, current)):
                break  # ("troops from Ghana and Senegal deployed", "allies like Turkey and Pakistan to send": one list)
            if head.preposition in (None, "and") and role.preposition != "and" and _fronted(text, role, current):
                break  # "After talks with Niger, Chad agreed to pull out": the comma ends an opening phrase
            closed = closed or _AND_GAP.search(text, role.mention.end, current.mention.start) is not None
            if role not in result:
                result.append(role)
            current = role
        current = head
        for role in later:
            if not _listed(text, current.mention.end, role.mention.start) or role.place_modifier:
                break
            joined = _AND_GAP.search(text, current.mention.end, role.mention.start) is not None
            if closed and not joined:
                break
            closed = closed or joined
            if role not in result:
                result.append(role)
            current = role
    return result


def _one_phrase(text: str, first: NameRole, second: NameRole) -> bool:
    """Are two names joined by "and" in one phrase that is no place ("allies like Turkey and
    Pakistan", "troops from Guatemala and El Salvador"; not "targets in Iraq and Turkish soldiers")?"""
    if not _CONJUNCT.fullmatch(text, first.mention.end, second.mention.start):
        return False
    if first.preposition == "from":
        return _force_from().search(text, max(0, first.mention.start - 40), first.mention.start) is not None
    return first.preposition not in _place_prepositions()


@cache
def _place_prepositions() -> frozenset[str]:
    return frozenset(p for words in role_lexicon()["location_prepositions"].values() for p in words)


_POSSESSOR_GAP = regex.compile(r"['’]s\s+")
_AND_GAP = regex.compile(r"\b(?:and|&)\b|&", regex.IGNORECASE)
# a phrase that opens the sentence and ends at a comma, with two words or more before the name
# ("After talks with Niger, ...", "In a move likely to worry India, ..."; not "With Russia, China
# and Iran holding drills" nor "After the US, Britain and France sent troops")
@cache
def _opening_phrase() -> regex.Pattern:
    return regex.compile(r"(?:^|[.!?]\s+|\n)(?:%s)\s+(?:[^\s,.;!?]+\s+){2,}$"
                         % alternation(role_lexicon()["opening_prepositions"]))


def _fronted(text: str, earlier: NameRole, later: NameRole) -> bool:
    """Whether ``earlier`` ends a sentence-opening phrase that a bare comma closes before ``later``."""
    if text[earlier.mention.end:later.mention.start].strip() != ",":
        return False
    return _opening_phrase().search(text, max(0, earlier.mention.start - 100), earlier.mention.start) is not None


def _listed(text: str, a: int, b: int) -> bool:
    """Does the gap between two names list them? (", ", " and ", "-" in "US-South Korea", " and
    2,000 " in "400 Eritrean and 2,000 Ethiopian troops")."""
    gap = text[a:b]
    if gap in ("-", "–", "/"):
        return True
    raw = words_in(gap, 0, len(gap))
    words = [w.lower() for w in raw]
    listed = "," in gap or "and" in words or "&" in gap
    return listed and all(w in role_words("coordination_words") or w in ("'s", "’s") or w.isdigit()
                          or _model_designator(raw, i) for i, w in enumerate(words))


def _model_designator(words: list[str], i: int) -> bool:
    """A weapon's model in a list of forces: "Australian F/A-18 Hornets and U.S. jets" (a word with a
    digit, a single letter, and the capitalised name after them)."""
    word = words[i]
    return (any(c.isdigit() for c in word) or len(word) == 1 and word.isupper()
            or i > 0 and word[:1].isupper() and any(c.isdigit() for c in words[i - 1]))


def _between_pair(text: str, trigger: tuple[int, int], roles: list[NameRole]) -> list[NameRole]:
    """Both sides of "between X and Y" after an exercise trigger, and every name listed with them
    ("trilateral drills between Japan, South Korea and the United States")."""
    after = [r for r in roles if r.mention.start >= trigger[1]]
    for i, role in enumerate(after):
        if role.preposition == "between" and i + 1 < len(after):
            listed = _with_coordinated(text, [role], after[i:])
            return listed if len(listed) > 2 else [role, after[i + 1]]
    return []


def _frameworks(text: str, sentence: tuple[int, int], mentions: list[Mention], year: int | None) -> list[NameRole]:
    """A mission framework named as such: "as part of an African Union mission", "under NATO command"."""
    found = _serving_as(text, sentence, mentions, year)
    if not _FRAMEWORK_WORDS.occur_in(text, sentence[0], sentence[1]):
        return found  # ("as" is in most sentences, "as part of" and "under" in few)
    for m in _FRAMEWORK.finditer(text, sentence[0], sentence[1]):
        for mention in mentions:
            if m.end() <= mention.start <= m.end() + 3:
                reading = mention.actor_reading(year)
                if (reading is not None and reading.entity.kind == "igo"
                        and match_at(_framework_noun(), text, mention.end)):
                    found.append(NameRole(mention, reading, None, True, False))
                break
    return found


def _serving_as(text: str, sentence: tuple[int, int], mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"Ivorian troops arrived in Mali as UN peacekeepers": the organisation whose blue helmets the
    forces serve as (not "as UN peacekeepers withdrew", a clause of its own)."""
    found = []
    for mention in mentions:
        if not sentence[0] <= mention.start < sentence[1] or not _AS_BEFORE.search(
                text, max(sentence[0], mention.start - 8), mention.start):
            continue
        reading = mention.actor_reading(year)
        if reading is not None and reading.entity.kind == "igo" and match_at(_SERVING_NOUN, text, mention.end):
            found.append(NameRole(mention, reading, None, True, False))
    return found


_AS_BEFORE = regex.compile(r"\bas\s+(?:the\s+)?$", regex.IGNORECASE)
_SERVING_NOUN = regex.compile(r"\s+(?:peacekeepers|peacekeeping\s+(?:troops|forces)|observers|monitors|blue\s+helmets)"
                              r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|to|from|for|with|under|on|at|since|until)\b)",
                              regex.IGNORECASE)


_FRAMEWORK = phrase_pattern(r"\b(?:as\s+part\s+of|under)\s+(?:an?|the)?\s*", regex.IGNORECASE, ("as", "under"))
_FRAMEWORK_WORDS = Words(("part", "under"))  # one of them is in every match of _FRAMEWORK


@cache
def _framework_noun() -> regex.Pattern:
    """The noun that makes a name a mission's framework: "an AU mission", "under NATO command"."""
    return regex.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:%s)\b" % alternation(role_lexicon()["framework_nouns"]),
                         regex.IGNORECASE)


def _contributors(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                  year: int | None) -> list[NameRole]:
    """The states that contribute a multinational force, as the subject of the trigger:
    "peacekeepers from Austria began withdrawing" (not "withdrew troops from Iraq")."""
    found = []
    for m in _force_from().finditer(text, sentence[0], trigger[0]):
        for mention in mentions:
            if mention.start != m.end():
                continue
            gap = _words_between(text, mention.end, trigger[0])
            reading = mention.actor_reading(year)
            if reading is None or reading.entity.kind not in ("state", "igo"):
                break
            if reading.form == "demonym":  # "personnel from the Swedish Armed Forces are deployed"
                force_words = [w for w in gap if w in _FORCE_NAME_WORDS or force_nouns().fullmatch(w)]
                gap = gap[len(force_words):] if force_words == gap[:len(force_words)] and force_words else None
            if gap is not None and len(gap) <= 3 and all(w in _AUXILIARIES for w in gap):
                found.append(NameRole(mention, reading, None, True, False))
            break
    return found


_FORCE_NAME_WORDS = {"armed", "forces", "force", "army", "navy", "air", "defence", "defense", "self-defense",
                     "self-defence", "national", "guard", "marine", "corps", "coast"}
_AUXILIARIES = {"start", "started", "starts", "begin", "began", "begins", "will", "would", "to", "have", "has",
                "had", "are", "were", "is", "was", "be", "being", "been", "also", "now", "all", "completed", "complete",
                "hold", "holds", "held", "conduct", "conducts", "conducted", "stage", "staged", "joint", "military"}


@cache
def _force_from() -> LazyPattern:
    """A force noun and "from" before the name of the party it belongs to: "peacekeepers from Austria"
    (searched only where a noun is)."""
    nouns = role_lexicon()["origin_force_nouns"]
    return phrase_pattern(r"\b(?:%s)\s+from\s+(?:the\s+)?" % alternation(nouns), regex.IGNORECASE, nouns)


def _joint_with_partner(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                        year: int | None) -> list[NameRole]:
    """"A US Marine was jailed ... after joint exercises with the Philippines", "Indian sailors died
    after joint drills with France": a joint exercise named only with its partner is also the
    party of the forces named before it in the sentence."""
    if not _JOINT_BEFORE.search(text, max(sentence[0], trigger[0] - 30), trigger[0]):
        return []
    before = [m for m in mentions if sentence[0] <= m.start and m.end <= trigger[0]]
    for role in reversed(_roles_of(text, (sentence[0], trigger[0]), before, year)):
        if (role.force and role.preposition is None and not role.place_modifier and role.reading.entity.kind == "state"
                and not _object_before_a_joined_verb(text, role, trigger)):
            return [role]
    return []


_JOINT_BEFORE = regex.compile(r"\bjoint\s+(?:[\p{L}-]+\s+){0,2}$", regex.IGNORECASE)


def _headline_party(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Mention],
                    year: int | None) -> list[NameRole]:
    """"Russia: No plans to hold drills near Finland": a party named alone before a headline's colon
    speaks for its own forces when the words after it name no other force ("Mali: Rebels withdraw")."""
    first = next((m for m in mentions if m.start >= sentence[0]), None)
    if first is None or text[sentence[0]:first.start].strip() or not match_at(_HEADLINE_COLON, text, first.end):
        return []
    reading = first.actor_reading(year)
    if reading is None or reading.entity.kind not in ("state", "igo") or first.end >= trigger[0]:
        return []
    if any(m.start > first.end and m.end <= trigger[0] for m in mentions):
        return []  # another name between: the roles before already judged it
    if any(m.start > first.end and _names_a_border(text, m) and reading.entity.code not in {
            r.entity.code for r in m.readings} for m in mentions if m.start < sentence[1]):
        return []  # "Kyiv: Troops massing on the Russian border": whose troops is not said
    gap = text[first.end:trigger[0]]
    others = ("headline_other_forces", "irregular_force_nouns") + (
        () if reading.entity.kind == "igo" else ("headline_member_forces",))
    if any(role_words_pattern(key).search(gap) for key in others):
        return []
    return [NameRole(first, reading, None, False, False)]


def _names_a_border(text: str, mention: Mention) -> bool:
    """Does a name open a border phrase ("the Russian border", "Finland's border")?"""
    return border_nouns().first_word_match(past_possessive(text[mention.end:mention.end + 30])) is not None


_HEADLINE_COLON = regex.compile(r"\s?:\s")


def _mission_members(text: str, sentence: tuple[int, int], trigger: tuple[int, int], chosen: list[NameRole],
                     mentions: list[Mention], year: int | None) -> list[NameRole]:
    """"UN peacekeepers from Ghana (and Nepal) deployed", "Nepalese UN peacekeepers": an
    organisation's force of a state's soldiers is both parties' (not "the withdrawal of the UN
    force from Congo", where "from" names the place left)."""
    codes = {r.reading.entity.code for r in chosen}
    found: list[NameRole] = []
    for i, mention in enumerate(mentions):
        reading = mention.actor_reading(year)
        if reading is None or reading.entity.kind != "igo" or not sentence[0] <= mention.start < sentence[1]:
            continue
        noun = match_at(_mission_force_noun(), text, mention.end)
        if noun is None:
            continue
        origin = match_at(_FROM, text, noun.end())
        members = [m for m in mentions[i + 1:i + 2] if origin and m.start == origin.end() and m.end <= trigger[0]]
        for following in mentions[i + 2:i + 8] if members else ():  # "from Burundi and Uganda"
            if following.end > trigger[0] or not _LIST_GAP.fullmatch(text, members[-1].end, following.start):
                break
            members.append(following)
        members += [m for m in mentions[max(0, i - 1):i] if m.end < mention.start
                    and text[m.end:mention.start].isspace() and any(r.form == "demonym" for r in m.readings)]
        for member in members:
            state = member.actor_reading(year)
            if state is None or state.entity.kind != "state":
                continue
            pair = [(mention, reading), (member, state)]
            if any(r.entity.code in codes for _, r in pair):
                found += [NameRole(m, r, None, True, False) for m, r in pair if r.entity.code not in codes]
                codes.update(r.entity.code for _, r in pair)
    return found


_FROM = regex.compile(r"\s+from\s+(?:the\s+)?", regex.IGNORECASE)
_LIST_GAP = regex.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?", regex.IGNORECASE)


@cache
def _mission_force_noun() -> regex.Pattern:
    return regex.compile(r"\s+(?:%s)\b" % alternation(role_lexicon()["mission_force_nouns"]), regex.IGNORECASE)
