"""The place gazetteer: a place name as the news writes it -> the real-world places it can mean.

The index is ``kg/data/places.tsv.gz``, built from GeoNames data by ``python -m kg.resolve.build_places``.
It is read on first use and kept for the life of the process, so importing this module costs nothing
and every later lookup is a dict access.

Columns of the index (tab-separated, ``|`` inside list columns; empty = unknown)::

    geonameid  name  kind  lat  long  country  region  population  source  variants  aliases  keys

``source`` is "geonames" (GeoNames' cities extract), "postal" (a village known only from GeoNames' postal
data: a name and a point, no population; its label ranks like an alias) or "curated" (written by hand).

``variants`` are curated names that rank like the label (the transliterations the news uses,
"Kiev", "Odessa", "Kharkiv Oblast"); ``aliases`` are GeoNames alternate names (Latin script only),
and the bare names of regions, which rank after labels so that "Kharkiv" is the city, not the oblast.
``keys`` holds ``name_key`` of the name, each variant and each alias, in that order: computed when the
index is built, so that loading it does no Unicode work.
"""
from __future__ import annotations

import functools
import gc
import gzip
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.names import name_key, single_letters, slug
from kg.paths import DATA_DIR

__all__ = [
    "PlaceRecord",
    "INDEX_FILE",
    "COLUMNS",
    "STOPWORDS",
    "SHORT_KEYS",
    "lookup",
    "split_region",
    "resolve",
    "parent",
    "by_key",
    "record_key",
    "coordinate_precision",
    "distance_km",
]

INDEX_FILE: Path = DATA_DIR / "places.tsv.gz"
COLUMNS = (
    "geonameid", "name", "kind", "lat", "long", "country", "region", "population", "source", "variants", "aliases",
    "keys", "district",
)

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
# Ordinary English words that are also the names (or translated alternate names) of some place in the index:
# news prose capitalises them in headlines and at sentence starts, and they are never meant as places there.
# (Found by intersecting the index with an English word list; real places such as Nice or Split stay.)
_ENGLISH = """
center centre central front frontline lines line sector area areas region regions side sides zone
victory peace mira mir forest summary article defense defence operations operation offensive
north south east west northern southern eastern western northeast northwest southeast southwest
city town village capital border state union republic kingdom federation nation world
freedom liberty independence progress hope friendship unity glory dawn sunrise spring
october red white green black blue golden new old big great little upper lower middle
river lake sea bay port station bridge road field hill hills valley park garden farm
settlement district oblast province territory county community council
army military war news report update live video photo today yesterday tomorrow week month year
president minister government ministry office official officials people
first second third last next main final general major colonel
paradise harmony comfort pioneer pioner partisan worker workers labour labor commune collective
lenin lenina kirov kirova komsomol komsomolets oktyabr pobeda bolshevik metallist
alliance anthem bad bag bank bar basic bear best born bow boom bloom brick bush but buy cab can care cat
chair chin chop clay coin come common cone cop cut dad dam date deal deep desk dig dire dole dome drag drama
drug dual due eagle earnest elbow empire enterprise era ever fate far federal fleet fort forge fountain from
gap gold grass grim grin gross grove hail hall hang harbor harp hat hit holiday hook horn hub human hut
imperial junction keen kin lab lag lazy leg lend level liberal lion lively log loop lot lover luck lucky mad
male man manage many marine market mine model modern mole more most much name neck nest never normal off
officer okay one opera opportunity oral outer own pace panic paramount peak peer pen pet plain plate plaza
plot plum point police pop postal pout proclamation prosper put quack rapid record reservoir rest retreat
rich rise risen robe rod rot rust sad sale salt same save say seen set shack shot shut sin since sing singer
smile snow soda sole solo son soul sour spike star summit sunset superior surprise tab tale tall tame tank
tape tar tell tender than time tin tire tone tongue torn tour trap trip tub tune turn tyre university veto
vine visa wave wedding worth young yam zest confederation commonwealth crossing battleground defiance
mission olympic media champion centennial consolation possession monster google kodak hoover
trident bradley iskander cobra puma mustang centurion hurricane
"""
# Continents, which the index holds only as old names of towns ("Africa" is Mahdia's, "Asia" a Philippine village's)
_CONTINENTS = "africa asia europe"
STOPWORDS: frozenset[str] = frozenset(f"{_MONTHS} {_WEEKDAYS} {_ENGLISH} {_CONTINENTS}".split())
"""Keys that never resolve to a place, whatever the index holds."""

SHORT_KEYS: frozenset[str] = frozenset({"us", "uk"})
"""Two-letter keys that still name a country ("U.S.", "UK" are how the news writes them); every other key
needs at least three characters, so initials and airport codes do not become places."""

_KIND_ORDER = {"Country": 0, "Region": 1, "District": 2, "Settlement": 3}
# Words around a name that say what kind of place is meant: "the Kharkiv region" is the oblast,
# "the Bakhmut direction" is the town the front is named after.
_REGION_WORDS = frozenset({"region", "oblast", "province", "krai", "kray"})
_SETTLEMENT_WORDS = frozenset({"city", "town", "village", "direction", "axis", "sector", "front", "area",
                               "settlement", "community", "hromada", "municipality", "district", "raion"})
# (a hromada and a raion are named after their centre)
_COMPASS_WORDS = frozenset("north south east west northern southern eastern western central northeast northwest "
                           "southeast southwest northeastern northwestern southeastern southwestern the".split())
_COMMUNITY_QUALIFIERS = frozenset({"territorial", "urban", "rural", "settlement"})  # "... territorial community"
_SETTLEMENT_PREFIXES = ("city of ", "town of ", "village of ")


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    # Stable identity: "geonames:703656" for places with a GeoNames id, "iso:UA-63" for regions,
    # "katottg:UA63080000000066613" for Ukraine's districts (their code in the national register),
    # "gazetteer:UA-23:robotyne@47.4431,35.8261" for the villages GeoNames' cities extract lacks.
    key: str
    name: str  # English label, e.g. "Kupyansk", "Kharkiv Oblast", "Ukraine"
    kind: str  # "Settlement", "District", "Region" or "Country"
    lat: float | None
    long: float | None
    country: str  # ISO2, e.g. "UA"
    region: str | None  # ISO 3166-2 of the containing region, e.g. "UA-63" (for a region: its own code)
    geonames_id: int | None
    population: int  # 0 when unknown (regions, postal villages)
    aliases: tuple[str, ...]
    source: str = "geonames"  # "geonames", "postal", "katottg" or "curated"
    district: str | None = None  # register code of a Ukrainian settlement's district (and of a district itself)


@dataclass(frozen=True, slots=True)
class _Index:
    records: dict[str, PlaceRecord]  # by key
    names: dict[str, list[tuple[int, PlaceRecord]]]  # name key -> (tier, record); tier 0 label/variant, 1 alias
    countries: dict[str, PlaceRecord]  # by ISO2


def record_key(
    kind: str, geonames_id: int | None, region: str | None, country: str, name: str, lat: str = "", long: str = "",
    district: str | None = None,
) -> str:
    """Identity of a place: its GeoNames id where it has one, its ISO 3166-2 code for a region, its register
    code for a district; else its region, name and point, since one oblast can hold several villages of one name."""
    if kind == "Region" and region:
        return f"iso:{region}"
    if kind == "District" and district:
        return f"katottg:{district}"
    if geonames_id is not None:
        return f"geonames:{geonames_id}"
    point = f"@{float(lat):.4f},{float(long):.4f}" if lat and long else ""
    return f"gazetteer:{region or country}:{slug(name)}{point}"


@functools.cache
def _index() -> _Index:
    """Read the gazetteer once per process (under half a second; see tests/test_places.py)."""
    # Some 250k objects, none cyclic: pausing the cyclic collector while they are made saves a third of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(INDEX_FILE)
    finally:
        if collecting:
            gc.enable()


def _read(path: Path) -> _Index:
    records: dict[str, PlaceRecord] = {}
    names: dict[str, list[tuple[int, PlaceRecord]]] = {}
    countries: dict[str, PlaceRecord] = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as stream:
        header = stream.readline().rstrip("\n").split("\t")
        if tuple(header) != COLUMNS:
            raise ValueError(f"{path}: unexpected columns {header}; rebuild with kg.resolve.build_places")
        for line in stream:
            gid, name, kind, lat, long, country, region, population, source, variants, aliases, keys, district = (
                line.rstrip("\n").split("\t"))
            geonames_id = int(gid) if gid else None
            strong = variants.split("|") if variants else []
            record = PlaceRecord(
                key=record_key(kind, geonames_id, region, country, name, lat, long, district),
                name=name,
                kind=kind,
                lat=float(lat) if lat else None,
                long=float(long) if long else None,
                country=country,
                region=region or None,
                geonames_id=geonames_id,
                population=int(population) if population else 0,
                aliases=tuple(strong + aliases.split("|")) if aliases else tuple(strong),
                source=source,
                district=district or None,
            )
            records[record.key] = record
            if kind == "Country":
                countries[country] = record
            # The builder wrote one distinct key per form: the name's and the variants' first (tier 0). A postal
            # village's name ranks like an alias: a place of 500+ people of that name is the likelier meaning.
            lowest = 1 if source == "postal" else 0
            for position, key in enumerate(keys.split("|")):
                if key not in STOPWORDS and (len(key) > 2 or (key in SHORT_KEYS and kind == "Country")):
                    names.setdefault(key, []).append((max(lowest, 0 if position <= len(strong) else 1), record))
    return _Index(records=records, names=names, countries=countries)


def _rank(tier: int, record: PlaceRecord, prefer: str | None) -> tuple[bool, int, bool, int, int, str]:
    # This gazetteer serves news on the war in Ukraine: at equal match quality, a Ukrainian place beats a
    # foreign one ("Pokrovsk" is the Donetsk-oblast town, not the one in Yakutia), then the larger one wins.
    return (
        prefer is not None and record.kind != prefer,
        tier,
        record.country != "UA",
        -record.population,
        _KIND_ORDER.get(record.kind, 3),
        record.key,
    )


def _candidates(name: str) -> list[tuple[int, PlaceRecord]]:
    """(tier, record) for every candidate, best first; tiers 2-3 mark a match found only by dropping a word."""
    key = name_key(name)
    if not key or key in STOPWORDS:
        return []
    names = _index().names
    prefer: str | None = None
    hits = names.get(key)
    if hits is None:
        words = key.split(" ")
        base = unit = ""
        if len(words) > 1 and words[-1] in _REGION_WORDS:
            base, prefer = " ".join(words[:-1]), "Region"
        elif len(words) > 1 and words[-1] in _SETTLEMENT_WORDS:
            unit, words = words[-1], words[:-1]
            while len(words) > 1 and words[-1] in _COMMUNITY_QUALIFIERS:
                words = words[:-1]
            base, prefer = " ".join(words), "Settlement"
        elif key.startswith(_SETTLEMENT_PREFIXES):
            base, prefer = key.split(" ", 2)[2], "Settlement"
        base = base.removeprefix("the ")
        hits = [(tier + 2, record) for tier, record in names.get(base, ())] if base else []
        if not hits:
            hits = [(tier + 2, record) for tier, record in _spellings().get(_spelling(base or key), ())]
        if not hits and unit in _UNIT_WORDS and len(base.split()) == 1:
            hits = [(3, record) for record in _centres().get(_adjective_skeleton(base), ())]
        if prefer == "Region" and not any(record.kind == "Region" for _, record in hits):
            hits = [*_regions_named_after(hits), *hits]  # "Chersonia region": the region of a city's exonym
    return sorted(hits, key=lambda hit: _rank(hit[0], hit[1], prefer))


def _regions_named_after(hits: list[tuple[int, PlaceRecord]]) -> list[tuple[int, PlaceRecord]]:
    """The region each settlement lies in, when the region bears the settlement's name: an oblast is named
    after its capital, and an exonym of the city ("Chersonia", "Kharkov") names the oblast too."""
    found = []
    for tier, record in hits:
        region = by_key(f"iso:{record.region}") if record.kind == "Settlement" and record.region else None
        if region is not None and name_key(region.name).split()[0] == name_key(record.name).split()[0]:
            found.append((tier, region))
    return found


#: Units named by an adjective of their centre: "Lozivska hromada", "Lozivskyi raion" (Lozova).
_UNIT_WORDS = frozenset({"community", "hromada", "municipality", "district", "raion"})
_ADJECTIVE_ENDING = re.compile(r"(?:ska|skyi|skyy|skiy|sky|ske|skoi|skoho)$")


def _skeleton(text: str) -> str:
    """The consonants of a name, doubled ones once: Ukrainian adjectives change its vowels ("Lozova" ->
    "Lozivska", "Nova Sloboda" -> "Novoslobidska") and drop a doubled consonant ("Krasnopillia" ->
    "Krasnopilska"), never the consonants."""
    return single_letters(re.sub(r"[aeiouy'\u2019\s-]", "", text))


def _adjective_skeleton(word: str) -> str:
    stem = _ADJECTIVE_ENDING.sub("", word)
    skeleton = _skeleton(stem) if stem != word else ""
    return skeleton if len(skeleton) >= 3 else ""  # "Sveska" has too little left to tell places apart


@functools.cache
def _centres() -> dict[str, list[PlaceRecord]]:
    """Ukraine's settlements by the skeleton of the adjective a unit named after them takes: the name's, and
    without the suffix "-ka" that the adjective drops ("Velyka Pysarivka" -> "Velykopysarivska")."""
    found: dict[str, list[PlaceRecord]] = {}
    for record in _index().records.values():
        if record.country != "UA" or record.kind != "Settlement":
            continue
        name = name_key(record.name)
        for form in {name, name.removesuffix("ka")}:
            slot = found.setdefault(_skeleton(form), [])
            if record not in slot:
                slot.append(record)
    found.pop("", None)
    return found


_SPELLING_RULES = (
    (re.compile(r"shch"), "sch"),  # Щ: "Klishchiivka", "Klischiivka"
    (re.compile(r"[ij]"), "y"),  # Й, І, Ї, И: "Mykhailivka", "Mykhaylivka"; "Kamianka", "Kamyanka"
    (re.compile(r"g"), "h"),  # Г as Russian spells it: "Gremyachka", "Hremiachka"
    (re.compile(r"y+"), "y"),
    (re.compile(r"(?<=[a-z]{3})(?:oye|oe)\b"), "e"),  # Russian neuter ending: "Novotroitskoye"
    (re.compile(r"(?<=[a-z]{3})ovo\b"), "ove"),  # "Logvinovo", "Lohvynove"
)


def _spelling(key: str) -> str:
    """One form for the ways Ukrainian names are romanised (national system, BGN, Russian-derived)."""
    for pattern, replacement in _SPELLING_RULES:
        key = pattern.sub(replacement, key)
    return key


@functools.cache
def _spellings() -> dict[str, list[tuple[int, PlaceRecord]]]:
    """Ukraine's settlements by spelling form; built on the first name that no exact key finds."""
    forms: dict[str, list[tuple[int, PlaceRecord]]] = {}
    for key, hits in _index().names.items():
        ukrainian = [(tier, record) for tier, record in hits if record.country == "UA" and record.kind == "Settlement"]
        if ukrainian:
            slot = forms.setdefault(_spelling(key), [])
            slot.extend(hit for hit in ukrainian if all(other is not hit[1] for _, other in slot))
    return forms


def split_region(name: str) -> tuple[str, str] | None:
    """A place and its region run together into one name ("Sukhanove Kherson region", "Chuhuiv (Kharkiv
    region"): the words before the region's name, and the region's ISO code; None if the name is not so."""
    words = name_key(name).split()
    if len(words) < 3 or words[-1] not in _REGION_WORDS:
        return None
    if words[0] in _COMPASS_WORDS:
        return None  # "southern Kherson region" is part of the region, not a place in it
    for start in range(1, len(words) - 1):
        regions = [record for _, record in _candidates(" ".join(words[start:])) if record.kind == "Region" and record.region]
        if regions:
            written = [word for word in name.split() if any(ch.isalnum() for ch in word)]
            return " ".join(written[:start]).strip(" ,()"), regions[0].region
    return None


def lookup(name: str) -> list[PlaceRecord]:
    """Every candidate for a place name as written ("Kupiansk", "the Kharkiv region", "Kharkov"), best first."""
    return [record for _, record in _candidates(name)]


def resolve(
    name: str,
    *,
    context_regions: Sequence[str] = (),
    context_countries: Sequence[str] = (),
    near: Sequence[tuple[float, float]] = (),
) -> tuple[PlaceRecord | None, list[PlaceRecord], str]:
    """Pick one candidate using context (ISO region codes and ISO2 countries named nearby in the article,
    and the points of the places it names without doubt); return (chosen or None, candidates, precision).
    The candidates are those matched as well as the chosen one within the context (it first, the rest best
    first), which an analyst needs when the name stays ambiguous. Precision is one of "exact" (one clear
    candidate or context decided it), "ambiguous" (several equally good candidates: the one nearest the
    article's other places, else by population and a preference for Ukraine), "unresolved" (no candidate)."""
    hits = _candidates(name)
    if not hits:
        return None, [], "unresolved"
    for wanted, attribute in ((set(context_regions), "region"), (set(context_countries), "country")):
        if wanted:
            # a region named only by an alias is not what the bare name means because the article names it:
            # "Kyiv" in an article on "the Kyiv Oblast region" is still the capital
            inside = [hit for hit in hits if getattr(hit[1], attribute) in wanted
                      and not (hit[1].kind == "Region" and hit[0] > hits[0][0])]
            if attribute == "country" and inside and _dwarfed(inside[0][1], hits[0][1]):
                continue  # "Moscow" in an article that names the United States is still the capital, not Idaho's
            if inside:
                hits = inside
                break
    chosen = _nearest(hits, near)
    tied = [record for tier, record in hits if tier == hits[0][0] and record is not chosen]
    return chosen, [chosen, *tied], "exact" if _clear(hits) else "ambiguous"


MAJOR_CITY = 100_000
"""Population from which a city named without qualification is that city, whatever country an article names."""


def _dwarfed(namesake: PlaceRecord, best: PlaceRecord) -> bool:
    """A namesake under a fifth the size of a major city: "Moscow, Idaho", "Odessa, Texas", "Geneva, Illinois"
    (and "Birmingham, Alabama", a sixth of England's: a US article that means it is read as England's, with the
    place marked ambiguous and Alabama's among its candidates)."""
    return best.population >= MAJOR_CITY and namesake.population * 5 < best.population


NEAR_TIES_BELOW = 20_000
"""Population under which namesakes in one country count as equally likely, and nearness decides."""


def _nearest(hits: Sequence[tuple[int, PlaceRecord]], near: Sequence[tuple[float, float]]) -> PlaceRecord:
    """Among namesakes matched equally well, the one closest to a place the article names ("Ivanivka" in an
    article on Kupyansk is the Ivanivka near Kupyansk); the first when there is nothing to go by."""
    first = hits[0]
    if not near or first[1].population >= NEAR_TIES_BELOW:
        return first[1]  # a city named without qualification is the city ("Berlin", "Washington")
    tied = [record for tier, record in hits if tier == first[0] and record.kind == first[1].kind
            and record.country == first[1].country and record.population < NEAR_TIES_BELOW
            and record.lat is not None and record.long is not None]
    if len(tied) < 2:
        return first[1]
    return min(tied, key=lambda record: (min(distance_km((record.lat, record.long), point) for point in near),
                                         record.key))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance in km: exact enough at the scale of one country."""
    (lat1, long1), (lat2, long2) = a, b
    x = math.radians(long2 - long1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _clear(hits: Sequence[tuple[int, PlaceRecord]]) -> bool:
    """One candidate, or the first matched better than all the rest (the city "Kharkiv" over the oblast)."""
    return len(hits) == 1 or hits[0][0] < hits[1][0]


def by_key(key: str) -> PlaceRecord | None:
    """The place with this identity ("geonames:703656", "iso:UA-63"), if the gazetteer has it."""
    return _index().records.get(key)


def parent(record: PlaceRecord) -> PlaceRecord | None:
    """The containing place: settlement -> its district (Ukraine, if known) else region (if known) else country;
    district -> region; region -> country; country -> None."""
    index = _index()
    if record.kind == "Country":
        return None
    if record.kind == "Settlement" and record.district:
        district = index.records.get(f"katottg:{record.district}")
        if district is not None:
            return district
    if record.kind in ("Settlement", "District") and record.region:
        region = index.records.get(f"iso:{record.region}")
        if region is not None:
            return region
    return index.countries.get(record.country)


def coordinate_precision(record: PlaceRecord) -> str:
    """How far to trust the coordinates: a region's are its administrative centre's, a country's its capital's."""
    if record.lat is None or record.long is None:
        return "none"
    return {"Settlement": "settlement", "District": "district", "Region": "region", "Country": "country"}.get(
        record.kind, "none")
