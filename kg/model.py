"""Plain data passed between the stages. Standard library only, so every stage can use it and
worker processes can pickle it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "Article", "Entity", "Quantity", "DateRef", "Role", "Event", "Claim", "Extraction",
    "ENTITY_KINDS", "EVENT_TYPES", "STATUSES",
]

#: The kinds of node an entity mention can become (local names of ontology classes).
ENTITY_KINDS = ("Person", "Organization", "GovernmentBody", "ArmedForce", "Country",
                "Settlement", "District", "Region", "Facility", "Place", "Equipment")
#: Event classes of the ontology.
EVENT_TYPES = ("Attack", "Clash", "Strike", "Loss", "Advance", "Fortification", "Visit",
               "Meeting", "Statement", "Delivery", "Event")
#: Event statuses, most factual first (used to merge mentions of one event).
STATUSES = ("occurred", "claimed", "planned", "threatened", "denied")


@dataclass(frozen=True, slots=True)
class Article:
    """One article, decoded and stripped of page boilerplate."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    origin: str = ""  #: the file (and line) it was read from, for error messages


@dataclass(slots=True)
class Entity:
    """A thing mentioned in an article: an actor, a place or a piece of equipment.

    ``key`` identifies the real-world thing across articles once resolved; until then it is a
    normalised form of the name.
    """

    name: str
    kind: str
    key: str = ""
    aliases: set[str] = field(default_factory=set)
    role: str | None = None            #: a person's title
    affiliation: str | None = None     #: key of the affiliated actor (country or parent body)
    located_in: str | None = None      #: key of the containing place
    origin: str | None = None          #: key of the country of manufacture (equipment)
    supplied_by: str | None = None     #: key of the supplier (equipment)
    lat: float | None = None
    long: float | None = None
    geonames_id: int | None = None
    wikidata: str | None = None
    iso_code: str | None = None
    geo_precision: str | None = None
    candidates: list[str] = field(default_factory=list)  #: keys of the other places an ambiguous name may be


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int
    approximate: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date as written, and what it resolves to against the publication date."""

    text: str
    value: date | None = None
    resolution: str | None = None  #: "day", "month" or "year"


@dataclass(slots=True)
class Role:
    """An entity in a role of an event: agent, target, participant, place or equipment."""

    role: str
    entity: str  #: key of an Entity in the same Extraction
    quantity: Quantity | None = None
    inferred: bool = False  #: taken from the sentence around the trigger, not from its own phrase


@dataclass(slots=True)
class Event:
    """One event as one article reports it (the article's mention of it)."""

    id: str                   #: stable within the article: sentence start and trigger offset
    type: str
    trigger: str
    sentence: str
    sentence_start: int
    status: str = "occurred"
    roles: list[Role] = field(default_factory=list)
    date: DateRef | None = None
    quantity: Quantity | None = None
    sources: list[str] = field(default_factory=list)  #: entity keys of who reported it
    evidence: list[str] = field(default_factory=list)  #: extra sentences merged into this event
    verbal: bool = True  #: the trigger is a verb ("shelled"), not a noun ("the shelling")

    def keys(self, role: str) -> list[str]:
        return [r.entity for r in self.roles if r.role == role]


@dataclass(slots=True)
class Claim:
    """An attribution of an event to a source, in one sentence."""

    event: str      #: Event.id
    source: str     #: entity key
    sentence: str
    quantity: Quantity | None = None


@dataclass(slots=True)
class Extraction:
    """Everything one article yields."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
