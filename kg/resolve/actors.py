"""The actor gazetteer: a person, body or armed force as the news writes it -> the actor it means.

The data is ``kg/data/actors.json``, written for this project: the actors that reporting on the
Russia-Ukraine war names again and again, each with the spellings and transliterations the news uses
("Zelenskiy", "Zelensky", "Zelenskyy"), and a ``countries`` table of nationality adjectives
("Ukrainian", "Russia's", "U.S.-made"). It is read on first use and kept for the life of the process,
so importing this module costs nothing.

A name matches when its :func:`kg.names.name_key` equals the key of a record's name or alias, or when
only a leading descriptor stands before such a key and every word of it fits the record: its country's
adjective, its role, the name of a body it belongs to, or (for people) an honorific or rank, as in
"Ukrainian President Volodymyr Zelenskiy", "Kremlin spokesman Dmitry Peskov" or "NATO Secretary General
Jens Stoltenberg". A descriptor that fits another actor ("Russian President Zelensky", "head of the UN")
matches nothing, so a lookup never guesses.
"""
from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.names import name_key, single_letters
from kg.paths import DATA_DIR

__all__ = [
    "ActorRecord",
    "DATA_FILE",
    "ACTOR_KINDS",
    "COUNTRY_PREFIX",
    "lookup",
    "by_key",
    "country_of",
    "country_of_adjective",
    "all_records",
    "match_key",
    "folded_spelling",
]

DATA_FILE: Path = DATA_DIR / "actors.json"
ACTOR_KINDS = ("Person", "GovernmentBody", "ArmedForce", "Organization")
COUNTRY_PREFIX = "country:"
"""An affiliation that is a country is written ``country:`` + ISO2, the key country nodes get."""

# British and American spellings name the same body ("Ministry of Defence" / "of Defense"), so keys fold them.
_SPELLINGS = {"defence": "defense", "organisation": "organization", "programme": "program"}
# Articles inside a name change nothing ("Institute for the Study of War", "Institute for Study of War"), and
# extraction drops them from the names it writes.
_ARTICLES = frozenset({"the", "a", "an"})
# Words that may stand before any person's name whatever their role: honorifics, ranks, "former", "top".
_PERSON_WORDS = frozenset(
    "mr mrs ms dr sir lord dame gen general lt lieutenant col colonel maj major adm admiral vice rear brig "
    "brigadier capt captain army former ex acting then elect outgoing incoming newly appointed installed backed "
    "pro chief head boss leader top senior regional region oblast city".split()
)
# Trailing words of a local body's name: "Kharkiv Regional Military Administration" gives "Kharkiv",
# which may stand before its head's name ("Kharkiv Governor Oleh Syniehubov", "Kyiv Mayor Vitali Klitschko").
_ADMINISTRATION_WORDS = frozenset("regional oblast city state military administration council rma ova".split())
# Words that turn a nationality adjective into one of origin or supply: "U.S.-made", "German-supplied".
_ORIGIN_WORDS = ("made", "built", "produced", "supplied", "designed")
_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "\u02bcs")


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor of the gazetteer."""

    key: str
    name: str
    kind: str
    role: str | None
    affiliation: str | None  #: ``country:`` + ISO2 for a country, else another actor's key
    aliases: tuple[str, ...]
    wikidata: str | None


def match_key(text: str) -> str:
    """``name_key`` with British and American spellings folded and articles dropped, the key every lookup
    compares."""
    return " ".join(_SPELLINGS.get(word, word) for word in name_key(text).split() if word not in _ARTICLES)


@dataclass(frozen=True, slots=True)
class _Index:
    records: tuple[ActorRecord, ...]
    by_key: dict[str, ActorRecord]
    by_name: dict[str, ActorRecord]
    adjectives: dict[str, str]
    country_words: dict[str, frozenset[tuple[str, ...]]]  # ISO2 -> its adjectives, as word tuples
    country_names: dict[str, set[tuple[str, ...]]]  # ISO2 -> the names its possessives are made of
    people_by_surname: dict[str, tuple[tuple[str, str], ...]]  # folded surname -> (folded given name, record key)
    people_by_bare_alias: dict[str, frozenset[str]]  # doubles-folded one-word alias ("blinken") -> record keys


def lookup(name: str) -> ActorRecord | None:
    """The actor a name as written refers to ("Russia's MoD", "the Russian defence ministry", "Zelenskiy"), or None."""
    index = _index()
    words = match_key(_without_possessive(name)).split()
    for start in range(len(words)):
        record = index.by_name.get(" ".join(words[start:]))
        if record is not None and (start == 0 or _explains(words[:start], _descriptors(record.key))):
            return record
    return _misspelt_given_name(words) or _doubled_letter(words)


def _doubled_letter(words: list[str]) -> ActorRecord | None:
    """A surname used alone with a letter doubled or undoubled ("Blinkken" for Blinken), when it is the one-word
    alias of exactly one known person; five letters at least."""
    if len(words) != 1 or len(words[0]) < 5:
        return None
    found = _index().people_by_bare_alias.get(_without_doubles(words[0]), frozenset())
    return _index().by_key[next(iter(found))] if len(found) == 1 else None


def _without_doubles(word: str) -> str:
    return single_letters(folded_spelling(word))


def _misspelt_given_name(words: list[str]) -> ActorRecord | None:
    """A known person whose given name is misspelt or whose name is romanised otherwise ("Vladamir Putin",
    "Alaxandr Lukashenko", Polish "Aleksander Łukaszenko"): the surname's folded spelling exactly, the
    given name's close (same initial, 80% alike) to exactly one person of that surname."""
    if len(words) < 2 or len(words[-2]) < 4:
        return None
    given, surname = folded_spelling(words[-2]), folded_spelling(words[-1])
    found = {key for known_given, key in _index().people_by_surname.get(surname, ())
             if known_given[:1] == given[:1] and difflib.SequenceMatcher(None, known_given, given).ratio() >= 0.8}
    if len(found) != 1:
        return None
    record = _index().by_key[found.pop()]
    return record if len(words) == 2 or _explains(words[:-2], _descriptors(record.key)) else None


# How the Latin alphabets of the region's languages write one sound, folded to one form, in order:
# Polish and Czech ("Łukaszenko", "Mychajło"), German ("Selenskyj"), Russian and Ukrainian romanisations.
_FOLDS = (("ł", "l"), ("sz", "sh"), ("cz", "ch"), ("š", "sh"), ("č", "ch"), ("ž", "zh"), ("w", "v"), ("x", "ks"),
          ("kh", "h"), ("ch", "h"), ("j", "i"), ("y", "i"), ("ii", "i"), ("ia", "a"), ("iu", "u"))


def folded_spelling(word: str) -> str:
    """One spelling for the ways a Slavic name is written in Latin letters: Lukashenko, Łukaszenko and
    Lukashenka's stem; Mykhailo and Mychajło; Podolyak and Podolak. For comparing names, never for showing."""
    for written, folded in _FOLDS:
        word = word.replace(written, folded)
    return word


def by_key(key: str) -> ActorRecord | None:
    """The record with this key ("wd:Q7747", "actor:ru-mod"), or None."""
    return _index().by_key.get(key)


def country_of(record: ActorRecord) -> str | None:
    """ISO2 of the country a record belongs to, following its affiliation up through parent bodies."""
    for ancestor in _chain(record):
        if ancestor.affiliation and ancestor.affiliation.startswith(COUNTRY_PREFIX):
            return ancestor.affiliation[len(COUNTRY_PREFIX):]
    return None


def country_of_adjective(word: str) -> str | None:
    """ISO2 for a nationality adjective or demonym as written ("Ukrainian", "U.S.-made", "Russia's"), else None."""
    return _index().adjectives.get(match_key(word))


def all_records() -> tuple[ActorRecord, ...]:
    """Every record, in file order."""
    return _index().records


def _without_possessive(name: str) -> str:
    """Drop a trailing possessive: "Putin's" names Putin; the ending belongs to the sentence, not the name."""
    text = name.strip()
    for ending in _POSSESSIVE_ENDINGS:
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def _chain(record: ActorRecord) -> Iterator[ActorRecord]:
    """The record, then each body it belongs to, up to the one attached to a country (cycles stop)."""
    seen: set[str] = set()
    current: ActorRecord | None = record
    while current is not None and current.key not in seen:
        seen.add(current.key)
        yield current
        parent = current.affiliation
        current = by_key(parent) if parent and not parent.startswith(COUNTRY_PREFIX) else None


@functools.cache
def _descriptors(key: str) -> frozenset[tuple[str, ...]]:
    """The word sequences that may stand before a name of this record without changing whom it names."""
    index = _index()
    record = index.by_key[key]
    country = country_of(record)
    adjectives = index.country_words.get(country, frozenset()) if country else frozenset()
    phrases: set[tuple[str, ...]] = set(adjectives) | {("the",)}
    for parent in list(_chain(record))[1:]:
        for text in (parent.name, *parent.aliases):
            words = tuple(match_key(text).split())
            phrases |= {words, _possessive(words), _place_part(words)}
            for adjective in adjectives:  # "Russian Foreign Ministry" -> "Foreign Ministry spokeswoman ..."
                if len(words) > len(adjective) and words[: len(adjective)] == adjective:
                    rest = words[len(adjective):]
                    phrases |= {rest, _possessive(rest)}
    if record.kind == "Person":
        phrases |= {(word,) for word in _PERSON_WORDS} | {("of",)}  # "President of the United States"
        phrases |= _country_names(country) if country else set()  # "Belarus leader ...", "President of Ukraine ..."
        if record.role:
            phrases.add(tuple(match_key(record.role).split()))
    return frozenset(phrase for phrase in phrases if phrase)


@functools.cache
def _country_names(iso: str) -> frozenset[tuple[str, ...]]:
    """A country's names as word tuples: pycountry's, and those the data file's possessives are made of
    ("Britain's" -> "britain", "America's" -> "america")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso)
    names = [getattr(country, attribute, None) for attribute in ("name", "common_name", "official_name")] if country else []
    return frozenset({tuple(match_key(name).split()) for name in names if name} | _index().country_names.get(iso, set()))


def _place_part(words: tuple[str, ...]) -> tuple[str, ...]:
    """A local body's name without its trailing administrative words; empty for any other body."""
    end = len(words)
    while end and words[end - 1] in _ADMINISTRATION_WORDS:
        end -= 1
    return words[:end] if {"administration", "council"} & set(words[end:]) else ()


def _possessive(words: tuple[str, ...]) -> tuple[str, ...]:
    return (*words[:-1], words[-1] + "s") if words else words


def _explains(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether the words split wholly into the given phrases."""
    longest = max((len(phrase) for phrase in phrases), default=0)
    reachable = [True] + [False] * len(words)
    for end in range(1, len(words) + 1):
        reachable[end] = any(
            reachable[end - size] and tuple(words[end - size:end]) in phrases
            for size in range(1, min(longest, end) + 1)
        )
    return reachable[-1]


@functools.cache
def _index() -> _Index:
    """Read the data file once; a broken file fails here, loudly, rather than resolving wrongly."""
    try:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise KgError(f"{DATA_FILE}: cannot read the actor gazetteer: {error}") from error
    countries: dict[str, list[str]] = data["countries"]
    records = tuple(_record(entry, countries) for entry in data["actors"])
    by_key: dict[str, ActorRecord] = {}
    by_name: dict[str, ActorRecord] = {}
    people: dict[str, set[tuple[str, str]]] = {}
    bare: dict[str, set[str]] = {}
    for record in records:
        if record.key in by_key:
            raise KgError(f"{DATA_FILE}: key {record.key} is used twice")
        by_key[record.key] = record
        for text in (record.name, *record.aliases):
            key = match_key(text)
            other = by_name.setdefault(key, record)
            if other is not record:
                raise KgError(f"{DATA_FILE}: {text!r} names both {other.key} and {record.key}")
            parts = key.split()
            if record.kind == "Person" and len(parts) >= 2:
                people.setdefault(folded_spelling(parts[-1]), set()).add((folded_spelling(parts[-2]), record.key))
            elif record.kind == "Person" and len(parts) == 1:
                bare.setdefault(_without_doubles(parts[0]), set()).add(record.key)
    adjectives: dict[str, str] = {}
    country_words: dict[str, frozenset[tuple[str, ...]]] = {}
    for iso, words in countries.items():
        keys = set(_adjective_keys(words))
        country_words[iso] = frozenset(tuple(key.split()) for key in keys)
        for key in keys:
            if adjectives.setdefault(key, iso) != iso:
                raise KgError(f"{DATA_FILE}: adjective {key!r} belongs to both {adjectives[key]} and {iso}")
    country_names = {iso: {tuple(match_key(_without_possessive(word)).split()) for word in words
                           if word.endswith(_POSSESSIVE_ENDINGS)} for iso, words in countries.items()}
    people_by_surname = {surname: tuple(sorted(pairs)) for surname, pairs in people.items()}
    return _Index(records, by_key, by_name, adjectives, country_words, country_names, people_by_surname,
                  {alias: frozenset(keys) for alias, keys in bare.items()})


def _adjective_keys(words: Iterable[str]) -> Iterator[str]:
    """Each adjective's key, and for plain adjectives ("German") its origin forms ("German-made")."""
    for word in words:
        key = match_key(word)
        yield key
        if not any(mark in word for mark in ("'", "\u2019")) and key.split()[-1] not in _ORIGIN_WORDS:
            yield from (f"{key} {origin}" for origin in _ORIGIN_WORDS)


def _record(entry: dict[str, Any], countries: dict[str, list[str]]) -> ActorRecord:
    affiliation = entry.get("affiliation")
    if affiliation in countries:
        affiliation = COUNTRY_PREFIX + affiliation
    return ActorRecord(
        key=entry["key"],
        name=entry["name"],
        kind=entry["kind"],
        role=entry.get("role"),
        affiliation=affiliation,
        aliases=tuple(entry.get("aliases", ())),
        wikidata=entry.get("wikidata"),
    )
