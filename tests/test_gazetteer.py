import pytest

from geoevents.gazetteer import load_gazetteer


def names(text, year=None):
    return [(m.text, m.actor_reading(year).entity.code if m.actor_reading(year) else None)
            for m in load_gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops crossed the river.", [("Russian", "RUS")]),
        ("Tajik and Afghan officials met.", [("Tajik", "TJK"), ("Afghan", "AFG")]),
        ("Moscow said it would respond.", [("Moscow", "RUS")]),
        ("The Kremlin denied the report.", [("Kremlin", "RUS")]),
        ("South Korea and North Korea traded fire.", [("South Korea", "KOR"), ("North Korea", "PRK")]),
        ("The PLA held drills.", [("PLA", "CHN")]),
        ("NATO allies met in Brussels.", [("NATO", "NATO"), ("Brussels", "BEL")]),
        ("Taliban fighters advanced.", [("Taliban", "TALIBAN")]),
        ("The U.S. sent ships.", [("U.S.", "USA")]),
        # news style: plain "Congo" is the Democratic Republic, "Congo Republic" the other one
        ("Fighting spread in eastern Congo.", [("Congo", "COD")]),
        ("Congo Republic held elections.", [("Congo Republic", "COG")]),
        ("The East African Community sent a force.", [("East African Community", "EAC")]),
        ("The Sudan People's Liberation Army advanced.", [("Sudan People's Liberation Army", "SPLA")]),
        ("The ROC Armed Forces went on alert.", [("ROC Armed Forces", "TWN")]),
        ("Peshmerga fighters and Kataib Hezbollah units moved.", [("Peshmerga", "PESHMERGA"),
                                                                  ("Kataib Hezbollah", "KATAIBHEZBOLLAH")]),
        ("LNA and GNA forces clashed.", [("LNA", "LNA"), ("GNA", "LBY")]),
        ("The Hellenic Navy sent a frigate.", [("Hellenic Navy", "GRC")]),
        ("The Republic of Korea Marine Corps landed on the beach.", [("Republic of Korea Marine Corps", "KOR")]),
        # service acronyms, also glued by a hyphen
        ("ROKAF-USAF air drills began.", [("ROKAF", "KOR"), ("USAF", "USA")]),
        ("RAAF and RNZAF crews trained together.", [("RAAF", "AUS"), ("RNZAF", "NZL")]),
        ("The JMSDF and the PLAAF were on alert.", [("JMSDF", "JPN"), ("PLAAF", "CHN")]),
    ],
)
def test_names_resolve_to_actor_codes(text, expected):
    assert names(text) == expected


def test_longest_name_wins():
    found = load_gazetteer().find("troops of the People's Liberation Army moved")
    assert [m.text for m in found] == ["People's Liberation Army"]


def test_lower_case_words_are_not_names():
    assert load_gazetteer().find("we may march to the sea in china cups") == []


def test_leaders_resolve_within_their_years():
    mention = load_gazetteer().find("Putin ordered the drills.")[0]
    assert mention.actor_reading(2015).entity.code == "RUS"
    assert mention.actor_reading(1990) is None


def test_places_have_coordinates_and_country():
    mention = load_gazetteer().find("Fighting near Kandahar continued.")[0]
    place = mention.place_reading().entity
    assert place.country == "AFG" and place.lat is not None and place.lon is not None


def test_country_name_is_read_as_the_country_not_a_namesake_town():
    mention = load_gazetteer().find("Troops arrived in Georgia.")[0]
    assert mention.place_reading().entity.code == "GEO"


def test_offsets_point_into_the_text():
    text = "On Friday, Iranian and Iraqi units met near Basra."
    for m in load_gazetteer().find(text):
        assert text[m.start:m.end] == m.text


def test_a_shared_demonym_goes_to_one_state():
    mention = load_gazetteer().find("American forces left.")[0]
    assert mention.actor_reading().entity.code == "USA"


@pytest.mark.parametrize(("text", "code"), [
    ("Ecuadorian marines patrolled the port.", "ECU"),
    ("Two Nepali battalions arrived.", "NPL"),
    ("Slovenian and Slovakian officers met.", "SVN"),
    ("The Ivoirian army moved north.", "CIV"),
])
def test_demonyms_the_sources_spell_otherwise_are_found(text: str, code: str) -> None:
    mention = load_gazetteer().find(text)[0]
    assert mention.actor_reading().entity.code == code


def test_a_region_word_extends_the_name_to_the_region():
    text = "Troops moved into Niger State and Idlib province."
    found = {m.text: m.place_reading().entity for m in load_gazetteer().find(text)}
    assert found["Niger State"].country == "NGA" and found["Niger State"].feature == "region"
    assert found["Idlib province"].country == "SYR"


def test_a_state_name_inside_a_persons_name_is_not_found():
    assert [m.text for m in load_gazetteer().find("Fans cheered as Michael Jordan and Chad Ochocinco arrived.")] == []
    assert [m.text for m in load_gazetteer().find("In Jordan and Chad, troops arrived.")] == ["Jordan", "Chad"]


def test_title_case_headlines_keep_their_state_names():
    assert [m.text for m in load_gazetteer().find("Russia Sends Troops To Belarus")] == ["Russia", "Belarus"]


def test_everyday_words_and_months_are_not_towns():
    assert load_gazetteer().find("Police said in March that the Bay Island Forum met.") == []


def test_english_region_names_with_positions():
    entity = load_gazetteer().find("Fighting in South Kivu went on.")[0].place_reading().entity
    assert entity.country == "COD" and entity.lat is not None


def test_context_prefers_the_namesake_in_the_documents_country():
    mentions = load_gazetteer().find("Atlanta, Georgia")
    georgia = mentions[1]
    assert georgia.place_reading().entity.code == "GEO"
    assert georgia.place_reading({"USA"}).entity.country == "USA"


def test_arabic_article_spellings_find_the_same_town():
    for spelling in ("Al-Qusayr", "al-Qusayr", "Al Qusayr"):
        mention = load_gazetteer().find(f"Troops entered {spelling}.")[0]
        assert mention.place_reading({"SYR"}).entity.country == "SYR"


def test_names_of_organisations_and_armed_groups():
    names = {(name, reading.entity.code) for name, reading in load_gazetteer().names_of(("igo", "armed_group"))}
    assert ("Atlantic Alliance", "NATO") in names and ("Daesh", "ISIS") in names
    assert not any(code == "RUS" for _, code in names)


def test_the_armed_names_index_lists_every_name_read_as_a_force_or_an_armed_group():
    """armed_names.tsv is derived from aliases.tsv (data/gazetteer/build.py): it must not go stale."""
    from geoevents.gazetteer import _rows

    gazetteer = load_gazetteer()
    expected = {}
    for name, rows in _rows("aliases.tsv").items():
        keep = [row for row in rows.split("\t") if row.split(",")[1] == "force"
                or (gazetteer.entity(row.split(",", 1)[0]) or None) and gazetteer.entity(
                    row.split(",", 1)[0]).kind == "armed_group"]
        if keep:
            expected[name] = "\t".join(keep)
    assert _rows("armed_names.tsv") == expected


def test_a_sentence_with_no_word_that_starts_a_force_name_names_no_force():
    gazetteer = load_gazetteer()
    for text in ["Russia sent troops to Belarus.", "Houthi fighters moved north.", "The PLA held drills.",
                 "HEZBOLLAH UNITS MOVED SOUTH OF THE LITANI RIVER.", "Fighters of al-Shabaab withdrew."]:
        armed = any(r.form == "force" or r.entity.kind == "armed_group"
                    for m in gazetteer.find(text) for r in m.readings)
        assert not armed or gazetteer.may_name_armed_forces(text, 0, len(text)), text
    assert not gazetteer.may_name_armed_forces("Russia sent troops to Belarus.", 0, 30)


def test_the_gulf_coast_is_not_the_persian_gulf():
    found = load_gazetteer().find("Guard units were sent along the Gulf Coast before the storm.")
    assert [(m.text, m.place_reading().entity.country) for m in found] == [("Gulf Coast", "USA")]


def test_a_sentence_names_an_armed_force_only_if_an_armed_name_is_there():
    gazetteer = load_gazetteer()
    calm = "New Zealand sent a frigate to the Pacific on Monday."  # "New" starts "New People's Army"
    assert not gazetteer.may_name_armed_forces(calm, 0, len(calm))
    named = "Officials said the Pacific Fleet sent a frigate."
    assert gazetteer.may_name_armed_forces(named, 0, len(named))
    shouted = "THE PACIFIC FLEET SENT A FRIGATE TO GUAM ON MONDAY"  # looked up in title case too
    assert gazetteer.may_name_armed_forces(shouted, 0, len(shouted))
    for text in (calm, named, shouted):
        armed = any(r.form == "force" or r.entity.kind == "armed_group"
                    for m in gazetteer.find(text) for r in m.readings)
        assert armed == (text != calm)


@pytest.mark.parametrize(("text", "country"), [
    ("Kurdish fighters left Tal Abyad overnight.", "SYR"),
    ("The convoy reached Bagram Airfield at dawn.", "AFG"),
    ("Shelling hit Chasiv Yar again.", "UKR"),
])
def test_small_places_of_recent_wars_are_known(text, country):
    places = [m.place_reading() for m in load_gazetteer().find(text)]
    assert any(p is not None and p.entity.country == country for p in places)


@pytest.mark.parametrize(("text", "code"), [
    ("Kiev recalled its envoy.", "UKR"),
    ("Astana hosted the talks.", "KAZ"),
    ("Sanaa rejected the offer.", "YEM"),
    ("Teheran denied the report.", "IRN"),
    ("Pristina asked for more peacekeepers.", "XKX"),
])
def test_capitals_in_their_other_spellings_stand_for_their_state(text, code):
    assert names(text)[0][1] == code


@pytest.mark.parametrize(("text", "code"), [
    ("The U.K sent a frigate.", "GBR"),
    ("U.N monitors left.", "UN"),
    ("The E.U imposed sanctions.", "EU"),
])
def test_dotted_abbreviations_are_found_without_their_final_period(text, code):
    assert names(text)[0][1] == code


@pytest.mark.parametrize(("text", "year", "code"), [
    ("Tokayev asked the CSTO for help.", 2022, "KAZ"),
    ("Ramaphosa sent soldiers to the townships.", 2021, "ZAF"),
])
def test_leaders_stand_for_their_state_in_office(text, year, code):
    assert names(text, year)[0][1] == code
    assert names(text, 1990)[0][1] is None


@pytest.mark.parametrize(("text", "code"), [
    ("FARDC units held the hills.", "COD"),
    ("A KDF convoy was ambushed.", "KEN"),
    ("Paratroopers of the 82nd Airborne Division landed.", "USA"),
])
def test_force_names_stand_for_their_state(text, code):
    assert code in [c for _, c in names(text)]


def test_a_leader_with_two_terms_counts_in_both_and_not_between():
    assert names("Berlusconi pledged more soldiers.", 2003)[0][1] == "ITA"
    assert names("Berlusconi pledged more soldiers.", 2009)[0][1] == "ITA"
    assert names("Berlusconi pledged more soldiers.", 2007)[0][1] is None


def _reaches_by_pattern(names) -> dict[str, int]:
    """The reach of each first word as the tokeniser defines it: the length of the longest name
    whose first token it is."""
    from geoevents.gazetteer import _TOKEN

    reaches: dict[str, int] = {}
    for name in names:
        if token := _TOKEN.match(name):
            reaches[token.group()] = max(reaches.get(token.group(), 0), len(name))
    return reaches


def test_the_reach_of_a_first_word_is_its_longest_name():
    from geoevents.gazetteer import Gazetteer
    from geoevents.sortedrows import SortedRows

    made_up = ["Nordmark", "Nordmark Bay", "Nordmark Bay Naval Station", "Nordmark-Ost", "No.1 Depot",
               "N.O.R. Command", "N.O.R. Command Staff", "Nø Fjord", "Nø Fjord Base", "Nó Valley", "Noé", "Noé Hills",
               "Nordmark’s Reach", "No 5", "Nordmarkstad", "'Nordmark Old Town"]
    rows = SortedRows("".join(f"{name}\tgn:1,name\n" for name in sorted(made_up)))
    gazetteer = Gazetteer(SortedRows(""), rows)
    for word in ("Nordmark", "Nordmark-Ost", "Nordmarkstad", "No", "N.O.R.", "Nø", "Nó", "Noé", "Nor", "Nx"):
        block = rows.block(word)
        assert gazetteer._reach(word, block) == _reaches_by_pattern(block).get(word, 0), word
    assert gazetteer._reach("Nordmark", rows.block("Nordmark")) == len("Nordmark Bay Naval Station")


def test_reaches_agree_with_the_tokeniser_over_the_packaged_names():
    gazetteer = load_gazetteer()
    rows = gazetteer._alias_rows
    words: dict[str, set[str]] = {}
    for name in rows.whole():
        first = name.split(" ", 1)[0]
        if len(first) >= 2:
            words.setdefault(first[:2], set()).add(first)
    for prefix in sorted(words):
        block = rows.block(prefix)
        expected = _reaches_by_pattern(block)
        for word in words[prefix] | set(expected):
            if word[:2] == prefix:
                assert gazetteer._reach(word, block) == expected.get(word, 0), word


def test_the_packaged_names_are_in_order_within_each_block():
    """``Gazetteer._reach`` finds the names that start with a word by a binary search in its block."""
    rows = load_gazetteer()._alias_rows
    names = list(rows.whole())
    assert names == sorted(names)
    for prefix in sorted({name[:2] for name in names}):
        block = list(rows.block(prefix))
        assert block == sorted(block), prefix


def test_reaches_count_the_names_rule_files_add():
    added = {"Nordmark Bay Naval Station Annex": ["user:x,name"], "Abcx": ["user:x,name"]}
    gazetteer = load_gazetteer().extended({"user:x": "place\t\tZed\t\tplace\t\t\t0"}, added)
    for word in ("Nordmark", "Abcx", "Moscow"):
        block = gazetteer._alias_rows.block(word)
        assert gazetteer._reach(word, block) == _reaches_by_pattern(block).get(word, 0), word
    assert gazetteer._reach("Nordmark", gazetteer._alias_rows.block("Nordmark")) == len(
        "Nordmark Bay Naval Station Annex")


def test_a_name_going_on_past_an_apostrophe_is_not_found():
    gazetteer = load_gazetteer()
    found = [m.text for m in gazetteer.find("Rebels shelled Saba'a Hills, then Syria's border posts.")]
    assert "Saba" not in found and "Syria" in found  # the possessive still ends a name


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Shabaab fighters left a village in the Lower Shabelle region.", "Lower Shabelle", "SOM"),
    ("Clan militias clashed in Galmudug on Sunday.", "Galmudug", "SOM"),
    ("The army moved into Hirshabelle State.", "Hirshabelle", "SOM"),
    ("Kurdish units patrolled Rojava.", "Rojava", "SYR"),
    ("Separatists attacked a camp in Baluchistan.", "Baluchistan", "PAK"),
    ("Forces loyal to the general advanced across Cyrenaica and the Fezzan.", "Cyrenaica", "LBY"),
    ("Rebels in Karenni State shelled the post.", "Karenni", "MMR"),
])
def test_regions_of_recurring_conflicts_in_the_spellings_of_news(text: str, name: str, country: str) -> None:
    places = [m.place_reading().entity for m in load_gazetteer().find(text) if m.place_reading() is not None]
    assert places and places[0].name == name and places[0].country == country


@pytest.mark.parametrize("spelling", ["Urozgan Province", "Jawzjan", "Daikundi"])
def test_afghan_provinces_in_other_spellings_are_in_afghanistan(spelling: str) -> None:
    mention = load_gazetteer().find(f"Dutch troops left {spelling} last year.")[-1]
    assert mention.place_reading().entity.country == "AFG"


def test_chinese_provinces_are_found_without_the_sheng_of_their_official_names():
    entity = load_gazetteer().find("Marines landed in Shandong and Zhejiang.")[0].place_reading().entity
    assert entity.country == "CHN" and entity.feature == "region"


def test_a_province_whose_core_names_a_state_keeps_its_full_name():
    assert [r.entity.code for r in load_gazetteer().find("Taiwan held drills.")[0].readings if r.entity.kind == "state"]
    assert all(r.entity.country != "CHN" for r in load_gazetteer().find("Taiwan held drills.")[0].readings)
