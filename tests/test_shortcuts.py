"""Shortcuts taken for speed give the answers of the long way round.

Each shortcut skips work that cannot change the result (a pattern whose literal prefixes are
absent cannot match); these tests compare the shortcut with doing all the work, on the rules'
own examples and on variants in odd cases and scripts.
"""

import gc
import re

from geoevents import extract
from geoevents.gazetteer import SentenceNames, load_gazetteer
from geoevents.lazypattern import DualPattern, StandardPattern, ascii_classes, plain_ascii, standard_match
from geoevents.places import _proper_place, _proper_places_in, _weapon_may_follow, _weapon_next
from geoevents.prefixes import required_strings
from geoevents.quantities import _number_before, quantity_lexicon
from geoevents.quickstarts import Holds
from geoevents.trigger_context import SentenceContext
from geoevents.triggers import Candidate, load_lexicon

LEXICON = load_lexicon()
EXAMPLES = [text for rule in LEXICON.rules for text in (*rule.examples, *rule.counterexamples)]
EXAMPLES += [text for exclusion in LEXICON.exclusions for text in exclusion.counterexamples]


def variants(text: str) -> list[str]:
    """The text as written, shouted, and with letters that fold to ASCII ones in case-insensitive
    matching ("ſ" to "s", the Kelvin sign to "k", "İ" to "i")."""
    return [text, text.upper(), text.title(), text.replace("s", "ſ"), text.replace("k", "\u212a"),
            text.replace("i", "İ"), text.upper().replace("I", "İ")]


TEXTS = [v for text in EXAMPLES for v in variants(text)]


def all_options(text: str, start: int) -> set[tuple[str, int, int]]:
    """Every rule that matches at ``start``, each tried."""
    found = set()
    for i, rule in enumerate(LEXICON.rules):
        m = LEXICON._single[i].match(text, start)
        if m:
            found.add((rule.id, m.start(), m.end()))
    return found


def test_the_rules_tried_where_a_candidate_starts_are_all_that_match():
    for text in TEXTS:
        for position in range(len(text)):
            if position and text[position - 1].isalnum():
                continue  # a rule matches at a word boundary only
            expected = all_options(text, position)
            if not expected:
                continue
            rule_id, start, end = min(expected)
            candidate = Candidate(next(r for r in LEXICON.rules if r.id == rule_id), start, end)
            options = {(c.rule.id, c.start, c.end) for c in LEXICON._options(candidate, text)}
            assert options == expected, (text, position)
            folded = LEXICON.folded_text(text, text.lower())
            on_folded = [(c.rule.id, c.start, c.end) for c in LEXICON._options(candidate, text, folded)]
            assert on_folded == [(c.rule.id, c.start, c.end) for c in LEXICON._options(candidate, text)], text


def test_exclusions_tried_only_where_their_prefixes_are_find_what_they_match_everywhere():
    types = sorted({t for exclusion in LEXICON.exclusions for t in exclusion.types})
    for text in TEXTS:
        context = SentenceContext(LEXICON, text, (0, len(text)), load_gazetteer().find(text))
        for event_type in types:
            possible = LEXICON.possible_exclusions(event_type, context.lowered)
            for exclusion in LEXICON.exclusions_of(event_type):
                expected = [(m.start(), m.end()) for m in exclusion.pattern.finditer(text.lower())]
                found = context._exclusion_spans(exclusion, possible[exclusion.id]) if exclusion.id in possible else []
                assert found == expected, (exclusion.id, text)


def test_the_context_word_lists_found_in_one_pass_are_what_each_list_finds_alone():
    odd = ["paratroops moved; para_troops; troops_ and _troops", "(troops)«soldiers» troops’ ‘militants’",
           "Éforces and forcesé", "İ troops", "anti-personnel mines", "2troops, troops2 and x-troops", ""]
    for text in TEXTS + odd:
        context = SentenceContext(LEXICON, text, (0, len(text)), [])
        assert len(LEXICON.context_lists) > 5
        for pattern in LEXICON.context_lists:
            expected = [m.span() for m in pattern.finditer(text.lower())]
            assert [m.span() for m in context._matches(pattern)] == expected, (pattern, text)


def reference_scan(text: str) -> list[tuple[str, int, int]]:
    """The scan the long way: the anchor words of the text split at white space and punctuation
    as bytes, and each group whose anchor words occur matched everywhere."""
    lowered = text.lower()
    data = lowered.encode()
    for mark in "’‘“”–—…«»":
        data = data.replace(mark.encode(), b" ")
    punctuation = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    words = {w.decode() for w in data.translate(bytes.maketrans(punctuation, b" " * len(punctuation))).split()}
    found = []
    for anchor, scan_lower, scan_any_case, _ in LEXICON._groups:
        if anchor is not None and anchor.isdisjoint(words):
            continue
        matches = scan_lower.finditer(lowered) if len(lowered) == len(text) else scan_any_case.finditer(text)
        found += [(m.start(), int(m.lastgroup[1:]), m.end()) for m in matches]
    return [(LEXICON.rules[i].id, start, end) for start, i, end in sorted(found)]


def test_the_scan_finds_what_trying_every_group_everywhere_finds():
    odd = ["Houthi rebels moved\u00a0north; al-Shabaab fighters advanced.", "(Hezbollah)fighters redeployed",
           "Troops were put on alert.", "on high alert—troops", "ALERT: troops deployed", "alerted", "İ alert",
           "Taliban’s fighters advanced", "the Taliban\u2003advanced", "\talert\n", "alert", "a",
           "they removed_troops and redeployed", "2deployed troops; x-deployed troops", "édeployed troops",
           "Sent troops", "ſent troops", "\u212aeep troops"]
    for text in TEXTS + odd:
        assert [(c.rule.id, c.start, c.end) for c in LEXICON.scan(text)] == reference_scan(text), text


def test_candidates_are_resolved_alike_whether_names_are_looked_up_first_or_when_needed():
    gazetteer = load_gazetteer()
    for text in TEXTS:
        sentence = (0, len(text))
        for candidate in LEXICON.scan(text):
            eager = LEXICON.resolve(candidate, text, sentence, gazetteer.find(text))
            lazy = LEXICON.resolve(candidate, text, sentence, SentenceNames(gazetteer, text, *sentence))
            assert eager == lazy, (text, candidate)


def test_a_context_shared_by_the_candidates_of_a_sentence_resolves_them_as_a_fresh_one_does():
    gazetteer = load_gazetteer()
    for text in TEXTS:
        sentence = (0, len(text))
        names = SentenceNames(gazetteer, text, *sentence)
        shared = SentenceContext(LEXICON, text, sentence, names)
        for candidate in LEXICON.scan(text):
            alone = LEXICON.resolve(candidate, text, sentence, names)
            assert LEXICON.resolve(candidate, text, sentence, names, context=shared) == alone, (text, candidate)


def prefixed_patterns():
    from geoevents.codes import code_table
    from geoevents.cues import status_lexicon
    from geoevents.lazypattern import PrefixedPattern
    from geoevents.quantities import quantity_lexicon

    holders = [status_lexicon(), status_lexicon().right, quantity_lexicon(), LEXICON, code_table(),
               code_table().force_words]
    found = []
    for holder in holders:
        values = holder.values() if isinstance(holder, dict) else vars(holder).values()
        found += [v for v in values if isinstance(v, PrefixedPattern)]
    return found


def test_patterns_tried_where_their_prefixes_are_find_what_they_find_everywhere():
    from geoevents.cues import status_lexicon
    from geoevents.quantities import quantity_lexicon

    texts = [e[0] for e in quantity_lexicon().examples] + [e[0] for e in status_lexicon().examples]
    texts = TEXTS[::5] + texts + [v for text in texts[::4] for v in variants(text)]
    patterns = prefixed_patterns()
    assert len(patterns) > 20
    for pattern in patterns:
        for text in texts:
            for pos, endpos in ((0, len(text)), (3, len(text) - 2), (len(text) // 2, len(text))):
                expected = [(m.span(), m.lastgroup) for m in pattern.compiled.finditer(text, pos, endpos)]
                assert [(m.span(), m.lastgroup) for m in pattern.finditer(text, pos, endpos)] == expected
                first, found = pattern.compiled.search(text, pos, endpos), pattern.search(text, pos, endpos)
                assert (found.span() if found else None) == (first.span() if first else None)


def test_an_alternation_tried_one_alternative_at_a_time_finds_what_the_whole_finds():
    import json

    import regex

    from geoevents.cues import StatusLexicon
    from geoevents.lazypattern import LazyAlternation
    from geoevents.resources import read_text

    def fresh_cues() -> LazyAlternation:  # nothing compiled yet
        cues = StatusLexicon(json.loads(read_text("lexicon/status.json")))._cues
        assert isinstance(cues, LazyAlternation)
        return cues

    one_at_a_time, switching = fresh_cues(), fresh_cues()
    one_at_a_time.SWITCH_AFTER = 10**9  # never switches: every text is read one alternative at a time
    whole = regex.compile(switching.source, switching.flags)
    texts = [text for text, _ in StatusLexicon(json.loads(read_text("lexicon/status.json"))).examples]
    texts = texts + [v for text in texts[::3] for v in variants(text)] + TEXTS[::7]
    compared = 0
    for text in texts:  # the switching one reads them one at a time at first, then as a whole
        for pos, endpos in ((0, len(text)), (2, len(text) - 1)):
            expected = [(m.span(), m.lastgroup) for m in whole.finditer(text, pos, endpos)]
            for cues in (one_at_a_time, switching):
                assert [(m.span(), m.lastgroup) for m in cues.finditer(text, pos, endpos)] == expected, text
            compared += bool(expected)
    assert compared > 20 and len(one_at_a_time._compiled_parts) > 20  # both ways were compared
    assert len(switching._compiled_parts) >= switching.SWITCH_AFTER and switching._groups


def test_numbers_are_found_where_an_opener_can_start_them():
    lex = quantity_lexicon()
    texts = [*TEXTS, *variants("Nearly ten thousand and some 1,500 more US troops, a dozen jets, café 300 men, "
                               "x–40 tanks, tenth 20 ships, up to a battalion, scores of warships ")]
    for text in texts:
        for end in (i + 1 for i, c in enumerate(text) if c == " "):
            start = max(0, end - 80)
            shortcut = _number_before(text, start, end, lex)
            full = lex.number_before.search(text, start, end)
            assert (shortcut and shortcut.span()) == (full and full.span()), (text, end)


def test_numbers_are_looked_for_only_where_a_number_can_end():
    lex = quantity_lexicon()
    odd = ["500k troops, 1.5 million men, 2,000. soldiers, a 3,000-strong force and some 40-member teams",
           "hundreds of\u00a0troops, dozens\u2009tanks, tens of thousands  of men, Twenty-Five jets",
           "éone troops, –two tanks, ſeven ships, 5\u212a men, half a dozen\tjets, a couple of\n planes",
           "the U.S. troops; x1 two\x1c troops three\x85 tanks, scoreſ of men, Several Thousands ", " ", ""]
    found = 0
    for text in [*TEXTS[::3], *(v for line in odd for v in variants(line))]:
        for end in range(len(text) + 1):
            for start in (max(0, end - 80), max(0, end - 3)):
                shortcut = _number_before(text, start, end, lex)
                full = lex.number_before.search(text, start, end)
                assert (shortcut and shortcut.span()) == (full and full.span()), (text, start, end)
                found += full is not None
    assert found > 100


def test_unnamed_places_are_found_where_a_match_can_start():
    own = ("troops left the town of Bint Jbeil for al-Anbar Province and Camp Pendleton near Dongshan Island, "
           "flying from al-Qusayr, in the hometown of Zorg in the McDonald Islands")
    # no place type or opener: a name after a preposition, or after a settlement noun and "of"
    untyped = ("units moved to Kestrel Vale, in the neighbourhood of Amrit Dor and the suburbs of Ost Lenn, "
               "then into El Varo in May, from the outskirts of Tarn, the port of ad-Dira, near Varn Hollow, "
               "at the cities of Olm and Brisk, the district of Uvel, in Tolk, an-Nasr")
    # capitals inside words, digits and commas between a name and its place word, an opener glued on
    odd = ("the McKinnon Island drills, 2 Varo Island and Kell 4 Island, XMount Tesh, NATO Camp Orr, "
           "into\u00a0Brisk, out  of Tarn Vale; at O'Dell Fort and Ash-Ter Peninsula, from Ost,Lenn Hills")
    texts = [*TEXTS, *variants(own), *variants(untyped), *variants(odd)]
    for text in texts:
        for start, end in ((0, len(text)), (5, len(text) - 7), (len(text) // 3, len(text))):
            assert ([m.span() for m in _proper_places_in(text, start, end)]
                    == [m.span() for m in _proper_place().finditer(text, start, end)]), (text, start)


def test_clause_breaks_tried_where_a_break_can_start_are_those_found_everywhere():
    from geoevents.clauses import _attach_break, _clause_break

    own = ("Calling the pull-out hasty, Mr Kowal said Warsaw would wait; its navy - and the air force - left: "
           "in response to the raid, the brigade moved on, shortly after talks (held in Oslo) failed, "
           "while tanks, as well as guns, stayed until Lakeland troops came, the officials said on Friday, "
           "on the eve of drills \u2013 so that ships \u2014 a day after the vote, arrived in protest at it")
    texts = [*TEXTS[::2], *variants(own), *variants(own.replace(" ", "\n")), *variants(own.replace(" ", "\u00a0"))]
    for pattern in (_clause_break(), _attach_break()):
        for text in texts:
            for pos, endpos in ((0, len(text)), (3, len(text) - 2), (len(text) // 2, len(text))):
                expected = [m.span() for m in pattern.pattern.finditer(text, pos, endpos)]
                assert [m.span() for m in pattern.finditer(text, pos, endpos)] == expected, text
                first, found = pattern.pattern.search(text, pos, endpos), pattern.search(text, pos, endpos)
                assert (found and found.span()) == (first and first.span()), text


def test_strengths_are_searched_where_a_strength_suffix_is():
    from geoevents.quantities import _may_name_a_strength

    own = "A 4,000-strong force, the 12-member team and some 300-MAN units, nearly 50-ſtrong brigade"
    texts = [*TEXTS, *variants(own), *variants(own.replace("-", " "))]
    lex = quantity_lexicon()
    assert any(lex.strong.search(text) for text in texts)
    for text in texts:
        if lex.strong.search(text):
            assert _may_name_a_strength(text, 0, len(text)), text


def test_patterns_skipped_or_tried_by_their_words_find_what_the_whole_pattern_finds():
    from geoevents.actors import _FRAMEWORK, _FRAMEWORK_WORDS, _force_from, _reporting, _reporting_words, _stance
    from geoevents.borders import _BORDER_WITH, _BORDER_WITH_NOUNS
    from geoevents.places import _bare_border, _bare_borders_in, _venue_patterns, _venue_words

    own = ("Officials in Kyiv said; a SUMMIT IN Oslo, talks from Rome, the ſpokesman in Riga claimed that "
           "drills held, sources from Lima, Tulsa condemns the move and called it a farce, OFFICIALS said, "
           "peacekeepers from the Andes, as part of a UN force under NATO, near their eastern frontier and "
           "THE BORDER, its west coast, their long Frontiers with the, its ſhores, our boundary with, "
           "AS PART OF the pact, as\npart of a force, UNDER the flag, as ſpart of")
    texts = [*TEXTS[::2], *variants(own)]
    venue_end, speaker_end = _venue_patterns()  # (the forward forms: a match is there or not, as in reverse)
    pairs = [(venue_end, _venue_words()[0]), (speaker_end, _venue_words()[1]), (_reporting(), _reporting_words())]
    found = 0
    for text in texts:
        for start in range(0, len(text), 3):
            end = min(len(text), start + 60)
            for pattern, words in pairs:
                if pattern.search(text, start, end):
                    found += 1
                    assert words.occur_in(text, start, end), (text, start)
            for prefixed in (_stance(), _force_from(), _FRAMEWORK, _bare_border()):
                quick = [m.span() for m in prefixed.finditer(text, start, end)]
                assert quick == [m.span() for m in prefixed.compiled.finditer(text, start, end)], (text, start)
            if _FRAMEWORK.compiled.search(text, start, end):
                assert _FRAMEWORK_WORDS.occur_in(text, start, end), (text, start)
            borders = [m.span() for m in _bare_border().compiled.finditer(text, start, end)]
            assert [m.span() for m in _bare_borders_in(text, start, end)] == borders, (text, start)
            before = text[start:end]
            assert (_BORDER_WITH.search(before) is None or _BORDER_WITH_NOUNS.occur_in(text, start, end)), text
    assert found > 20


def test_patterns_before_the_trigger_are_searched_only_where_their_words_are():
    from geoevents import actors

    own = ("the FOREIGN troop withdrawal, called for all alien forces to leave, OUTSIDE military drills, "
           "a campaign to force a retreat, compelling the, Moscow made foreign vessels leave, forced the "
           "rebels to withdraw, the international naval, occupying troops to, will compel an, ſorced them to ")
    pairs = [(actors._FOREIGN_BEFORE, actors._FOREIGN_WORDS), (actors._FOREIGN_SUBJECT_BEFORE, actors._FOREIGN_WORDS),
             (actors._FORCED_BEFORE, actors._FORCED_WORDS), (actors._CAUSED_BEFORE, actors._CAUSED_WORDS)]
    found = 0
    for text in [*TEXTS[::2], *variants(own)]:
        for end in range(len(text) + 1):
            for pattern, words in pairs:
                if pattern.search(text, max(0, end - 60), end):
                    found += 1
                    assert words.occur_in(text, max(0, end - 60), end), (text, end)
    assert found > 20


def test_word_lists_answered_by_their_first_letters_match_what_the_whole_list_matches():
    from geoevents.clauses import force_nouns, place_nouns

    own = ("Russian troops, TROOPſ and troopſ, Kelvin \u212aommandos, İnfantry, troops2 and army-led units, "
           "the armys, navy's ships, soil_ and Soil’s side, airbase, ſoil, border-area, sea\u00e9 side")
    texts = [*TEXTS[::2], *variants(own)]
    for words in (force_nouns(), place_nouns()):
        for text in texts:
            for pos in range(len(text) + 2):
                quick, whole = words.first_word_match(text, pos), words.pattern.match(text, pos)
                assert (quick and quick.span()) == (whole and whole.span()), (text, pos)


def test_words_found_by_the_standard_re_in_ascii_text_are_those_of_the_word_pattern():
    import random

    from geoevents.clauses import WORD, words_in

    own = ("The U.S. and its allies' ships, 2,000 troops' kit: north-east of Kell's port (O'Dell's) - "
           "won't stay; A.B.C. it's S.A. 's x-'y 9-11 'tis ’s the U.S.’s navy")
    pieces = ["a", "Z", "s", "'", "’", "-", ".", " ", ",", "1", "U.", "S", "_", "é", "\u00a0"]
    rng = random.Random(7)
    texts = [*TEXTS[::3], own, *(("".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))))
                                 for _ in range(20000))]
    for text in texts:
        for start, end in ((0, len(text)), (1, len(text) - 1), (len(text) // 2, len(text))):
            if 0 <= start <= end:
                assert words_in(text, start, end) == WORD.findall(text, start, end) == WORD.findall(
                    text[start:end]), (text, start)


def test_the_countries_voted_by_the_other_names_are_those_a_plain_count_gives():
    from geoevents.places import _Context

    gazetteer = load_gazetteer()
    own = ["Atlanta, Georgia saw drills as Russian and Georgian troops left Tbilisi and Paris, Texas, not Paris",
           "Jordan and Jordan, Amman and Cairo, Georgia", "troops left Gori"]
    for text in [*own, *TEXTS[::5]]:
        mentions = gazetteer.find(text)
        for listed in (mentions, mentions + mentions[:1]):
            context = _Context(listed)
            for mention in [*listed, *gazetteer.find("Kyiv and Lviv")]:
                others = [m for m in listed if m is not mention]
                states = {r.entity.code for m in others for r in m.readings if r.entity.kind == "state"
                          and r.entity.code}
                places = {c for m in others if len(m.place_countries()) == 1
                          and not any(r.entity.kind == "state" for r in m.readings) for c in m.place_countries()}
                assert context.without(mention) == places | states, text
                assert context.places_without(mention) == places, text


def test_dating_breaks_and_reporting_verbs_are_found_where_they_can_be():
    from geoevents.dating import _STRONG_BREAK, _reporting_before, _reporting_words

    own = ("Troops left on Monday, officials said; the army - which had come - withdrew (as planned), according\n"
           "to Reuters on Friday, while the navy \u2013 after talks \u2014 a day after the vote, said last Sunday")
    texts = [*TEXTS[::2], *variants(own)]
    found = 0
    for text in texts:
        for end in range(len(text)):
            start = max(0, end - 40)
            if _reporting_before().search(text, start, end):
                found += 1
                assert _reporting_words().occur_in(text, start, end), (text, end)
            quick, whole = _STRONG_BREAK.search(text, end, len(text)), _STRONG_BREAK.pattern.search(text, end)
            assert (quick and quick.span()) == (whole and whole.span()), (text, end)
    assert found > 20


def test_required_strings_are_read_from_literals_alternations_repeats_and_lookarounds():
    assert required_strings(r"\bsent (?:\S+ ){0,3}troops") == (frozenset({"sent "}), frozenset({"troops"}))
    assert required_strings(r"(?:order|dispatch)ed (?=(?:\w+ )?(?:troops|marines)\b)") == (
        frozenset({"order", "dispatch"}), frozenset({"troops", "marines"}))  # ("ed " is too short)
    assert required_strings(r"(?:tanks)+ of") == (frozenset({"tanks"}),)  # " of" is too short
    # what may be absent is not required: an optional part, a branch without a long string,
    # a negative lookahead, a part matched in any case
    assert required_strings(r"drill(?:ing)?|wargames") == (frozenset({"drill", "wargames"}),)
    assert required_strings(r"(?:military )?drills|war") == ()
    assert required_strings(r"drill(?! sergeant)") == (frozenset({"drill"}),)
    assert required_strings(r"(?i:drills)") == ()
    assert required_strings(r"(?i)drills") == ()
    assert required_strings(r"\p{Lu}\w+ troops") == ()  # (syntax the standard parser refuses)


def test_every_match_of_the_rules_and_exclusions_has_the_strings_they_require():
    patterns = [rule.pattern for rule in LEXICON.rules] + [exclusion.pattern for exclusion in LEXICON.exclusions]
    compiled = [p if not isinstance(p, str) else LEXICON._lower_single[i] for i, p in enumerate(patterns)]
    for pattern in compiled:
        source = pattern.source if hasattr(pattern, "source") else pattern.pattern
        holds = Holds(required_strings(source))
        for text in EXAMPLES:
            lowered = text.lower()
            if pattern.search(lowered):
                assert holds.held_by(lowered), (source[:60], text)
    assert Holds([{"troops", "forces"}, {"sent"}]).held_by("they sent forces")
    assert not Holds([{"troops", "forces"}, {"sent"}]).held_by("they sent letters")
    many = {f"word{i}" for i in range(Holds.SMALL + 1)}  # (tested with an automaton)
    assert Holds([many]).held_by("a word3 here") and not Holds([many]).held_by("a word here")


def test_rules_matched_with_re_on_plain_ascii_text_match_as_with_regex():
    texts = [t.lower() for t in TEXTS if plain_ascii(t.lower())]
    texts += ["troops were sent\x1cto the border", "2,000 troops deployed\t in the north."]
    for standard, pattern in zip(LEXICON._ascii_single, LEXICON._lower_single, strict=True):
        for text in texts:
            for position in range(len(text)):
                expected = pattern.match(text, position)
                if plain_ascii(text):
                    found = standard.match(text, position)
                    assert (found and found.span()) == (expected and expected.span()), (pattern.source[:60], text)
    assert sum(isinstance(p._compiled, re.Pattern) for p in LEXICON._ascii_single) > len(LEXICON.rules) / 2


def test_patterns_re_might_read_otherwise_are_left_to_regex():
    for source in (r"(?i)troops", r"(?-i:T)roops", r"[[:alpha:]]+", r"[[a-z]--[aeiou]]", r"\p{L}+ troops",
                   r"(?<=\bthe\s{1,3})troops"):
        pattern = StandardPattern(source)
        pattern.match("troops")
        assert not isinstance(pattern._compiled, re.Pattern), source
    plain = StandardPattern(r"(?P<verb>sent) (?=troops)")
    assert plain.search("they sent troops").group("verb") == "sent" and isinstance(plain._compiled, re.Pattern)
    assert plain_ascii("Troops\twere sent.") and not plain_ascii("troops\x1fsent") and not plain_ascii("tröops")


def test_patterns_tried_at_places_use_re_on_plain_ascii_text_only_and_without_flags():
    import regex

    plain = regex.compile(r"troops\b")
    assert standard_match(plain, "the troops left").__self__.__class__ is re.Pattern
    assert standard_match(plain, "the troops left Kyiv’s outskirts") == plain.match  # (not ASCII)
    folding = regex.compile(r"troops\b", regex.IGNORECASE)
    assert standard_match(folding, "the troops left") == folding.match
    for text in ("the troops left", "the troopsx left"):
        assert (standard_match(plain, text)(text, 4) is None) == (plain.match(text, 4) is None)


def test_module_patterns_matched_with_re_on_plain_ascii_text_find_what_regex_finds():
    texts = [t for t in EXAMPLES if plain_ascii(t)][::7]
    for text in texts:
        extract(text, published="2024-05-01")  # (the stages compile their patterns on first use)
    duals = [p for p in gc.get_objects() if isinstance(p, DualPattern)]
    assert len(duals) > 20
    for pattern in duals:
        for text in texts:
            for position in range(0, len(text), 3):
                for method in ("match", "search"):
                    expected = getattr(pattern.regex, method)(text, position)
                    found = getattr(pattern, method)(text, position)
                    assert (found and (found.span(), found.groups())) == (
                        expected and (expected.span(), expected.groups())), (pattern.pattern[:60], text, position)
            assert pattern.findall(text) == pattern.regex.findall(text), (pattern.pattern[:60], text)
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)]


def test_dual_patterns_leave_to_regex_what_re_reads_otherwise():
    from geoevents import cachedregex

    pattern = cachedregex.compile(r"\bsent\s+(\w+)")
    assert isinstance(pattern, DualPattern)
    assert pattern.search("they sent troops").group(1) == "troops"
    assert pattern.search("they sent\x1ctroops") is None  # (regex: no White_Space; re would match)
    assert pattern.search("they sent tröops").group(1) == "tröops"
    assert pattern.match("xx sent troops", -11).group(1) == "troops"  # (regex counts from the end)
    assert not isinstance(cachedregex.compile(r"\p{Sc}\d+"), DualPattern)  # (a class with no ASCII form here)
    words = cachedregex.compile(r"\p{Lu}[\p{L}’-]+")
    assert isinstance(words, DualPattern) and words.findall("New York and Zürich") == ["New", "York", "Zürich"]
    assert words.findall("New York and Zurich") == ["New", "York", "Zurich"]
    assert cachedregex.compile(r"x*").findall("axb") == ["", "x", "", ""]  # (may be empty: regex's own)
    assert not isinstance(cachedregex.compile(r"troops", cachedregex.IGNORECASE), DualPattern)


def test_unicode_classes_are_written_as_what_they_match_in_ascii_text():
    assert ascii_classes(r"(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+") == r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+"
    assert ascii_classes(r"[^\p{L}'\s-]\p{Ll}") == r"[^A-Za-z'\s-][a-z]"
    assert ascii_classes(r"\p{M}x") == r"(?!)x"  # (no mark is ASCII)
    for refused in (r"[\p{M}]", r"\p{Sc}", r"\P{L}", r"a\\p{L}"):
        assert ascii_classes(refused) is None, refused


def test_plain_ascii_answers_alike_when_asked_again_about_the_last_text():
    texts = ["Troops\twere sent.", "troops\x1fsent", "tröops", "x" * 300, "x" * 300 + "\x1e"]
    expected = [True, False, False, True, False]
    for _ in range(2):
        for text, answer in zip(texts, expected, strict=True):
            assert plain_ascii(text) is answer and plain_ascii(text) is answer, text


def test_weapon_nouns_after_a_name_are_tried_only_where_the_next_word_can_open_one():
    odd = ["Kyiv got Patriot-B missiles.", "Iskander \t tanks rolled.", "the Bradley\u00a0vehicles",
           "the Leopard tankſ", "sent Abrams main battle tanks", "a Sukhoi-XY fighter jets deal",
           "the Kherson drones", "the Kherson drone base", "Odesa " + "x" * 90 + " tanks"]
    pattern = _weapon_next()
    for text in [*TEXTS[::3], *odd]:
        for position in range(1, len(text)):
            if text[position - 1].isalpha() and pattern.match(text, position):
                assert _weapon_may_follow(text, position), (text, position)
    assert pattern.match("sent Abrams main battle tanks", len("sent Abrams"))
    assert not _weapon_may_follow("Troops left Kherson on Friday.", len("Troops left Kherson"))
