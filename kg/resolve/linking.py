"""Bind every entity of an Extraction to a real-world key (gazetteers first, then name, kind and
affiliation), then merge an article's mentions of one happening into one event."""
from __future__ import annotations

import re
from functools import cache

from ..model import STATUSES, Entity, Event, Extraction
from ..names import name_key
from . import actors, places

__all__ = ["resolve"]

#: Other places recorded for a name that stays ambiguous (Kharkiv Oblast alone has ten Ivanivkas).
MAX_CANDIDATES = 10
#: Tokens between the sentences of two mentions that may still be one happening (about three sentences).
MERGE_WINDOW = 90
_PLACE_KINDS = ("Place", "Settlement", "Region", "Country")
_ACTOR_KINDS = ("Person", "Organization", "GovernmentBody", "ArmedForce")


@cache
def _country_record(iso2: str) -> places.PlaceRecord | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return None
    for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
        if name:
            found = [r for r in places.lookup(name) if r.kind == "Country" and r.country == iso2]
            if found:
                return found[0]
    return None


class _Resolver:
    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction
        self.out: dict[str, Entity] = {}
        self.mapping: dict[str, str] = {}
        self.context_regions: list[str] = []
        self.context_countries: list[str] = []
        self.context_points: list[tuple[float, float]] = []
        self._collect_context()

    # ---- context: regions and countries the article names unambiguously
    def _collect_context(self) -> None:
        for entity in self.extraction.entities.values():
            if entity.kind in _PLACE_KINDS or entity.kind == "Country":
                candidates = places.lookup(entity.name)
                if len(candidates) == 1 or (candidates and candidates[0].kind in ("Region", "Country")):
                    record = candidates[0]
                    if record.kind == "Settlement" and record.lat is not None and record.long is not None:
                        self.context_points.append((record.lat, record.long))
                    if record.region and record.region not in self.context_regions:
                        self.context_regions.append(record.region)
                    if record.country not in self.context_countries:
                        self.context_countries.append(record.country)
            iso = actors.country_of_adjective(entity.name) if entity.kind == "Country" else None
            if iso and iso not in self.context_countries:
                self.context_countries.append(iso)

    # ---- records to entities
    def _add_place(self, record: places.PlaceRecord, precision: str, alias: str | None = None) -> str:
        entity = self.out.get(record.key)
        if entity is None:
            entity = Entity(name=record.name, kind=record.kind, key=record.key, lat=record.lat, long=record.long,
                            geonames_id=record.geonames_id, geo_precision=precision, aliases=set(record.aliases),
                            iso_code=record.region if record.kind == "Region" else (
                                record.country if record.kind == "Country" else None))
            self.out[record.key] = entity
            parent = places.parent(record)
            if parent is not None:
                entity.located_in = self._add_place(parent, "exact" if parent.kind != "Country" else "country")
        if alias and name_key(alias) != name_key(record.name):
            entity.aliases.add(alias)
        return record.key

    def _add_candidates(self, chosen: Entity, candidates: list[places.PlaceRecord]) -> None:
        """The namesakes context could not rule out, kept beside the chosen place for the analyst to weigh."""
        for record in candidates:
            if len(chosen.candidates) >= MAX_CANDIDATES:
                return
            if record.key != chosen.key and record.key not in chosen.candidates:
                chosen.candidates.append(self._add_place(record, "ambiguous"))

    def _add_actor(self, record: actors.ActorRecord, alias: str | None = None) -> str:
        entity = self.out.get(record.key)
        if entity is None:
            entity = Entity(name=record.name, kind=record.kind, key=record.key, role=record.role,
                            wikidata=record.wikidata, aliases=set(record.aliases))
            self.out[record.key] = entity
            entity.affiliation = self._affiliation_key(record.affiliation)
        if alias and name_key(alias) != name_key(record.name):
            entity.aliases.add(alias)
        return record.key

    def _affiliation_key(self, affiliation: str | None) -> str | None:
        if not affiliation:
            return None
        if affiliation.startswith("country:"):
            record = _country_record(affiliation.split(":", 1)[1])
            return self._add_place(record, "country") if record else None
        parent = actors.by_key(affiliation)
        return self._add_actor(parent) if parent else None

    def _country_from_text(self, text: str | None) -> str | None:
        """A nationality adjective or a country name to the country's key."""
        if not text:
            return None
        iso = actors.country_of_adjective(text)
        if iso is None:
            found = [r for r in places.lookup(text) if r.kind == "Country"]
            iso = found[0].country if found else None
        record = _country_record(iso) if iso else None
        return self._add_place(record, "country") if record else None

    def _generic(self, entity: Entity, key: str, **changes: object) -> str:
        existing = self.out.get(key)
        if existing is None:
            existing = Entity(name=entity.name, kind=entity.kind, key=key, role=entity.role,
                              aliases=set(entity.aliases))
            self.out[key] = existing
        for attribute, value in changes.items():
            if value is not None and getattr(existing, attribute) is None:
                setattr(existing, attribute, value)
        existing.aliases |= {a for a in entity.aliases if a != existing.name}
        return key

    # ---- one entity
    def _hint_regions(self, hint: str | None) -> list[str]:
        """ISO region codes for the wider place written after a comma ("Beryslav, Kherson")."""
        if not hint:
            return []
        candidates = places.lookup(hint)
        regions = [r.region for r in candidates if r.kind == "Region" and r.region]
        return regions[:1] or [r.region for r in candidates[:1] if r.region]

    def resolve_entity(self, entity: Entity, *, place_like: bool = False) -> str:
        kind = entity.kind
        if kind == "Country":
            key = self._country_from_text(entity.name)
            if key:
                return key
        if kind in _ACTOR_KINDS or kind in ("Place", "Country"):
            record = actors.lookup(entity.name)
            if record is None and kind == "Person" and entity.role:  # "Francis" whom the text calls Pope
                record = actors.lookup(f"{entity.role} {entity.name}")
            if record is not None:
                return self._add_actor(record, alias=entity.name)
        # the small model tags some towns as people or organisations ("Chasiv Yar", "Kupyansk")
        # ("Stepova Novoselivka, Kharkiv": a name with its region written after it)
        mistaken = (kind == "Organization" and (len(entity.name.split()) == 1 or entity.located_in)) or (
            kind == "Person" and not entity.role and entity.name[:1].isupper()) or (
            kind == "Facility" and all(word[:1].isupper() for word in entity.name.split()))  # "shelled Kharkiv"
        if kind in _PLACE_KINDS or mistaken:
            hinted = self._hint_regions(entity.located_in)
            split = places.split_region(entity.name) if not hinted and not places.lookup(entity.name) else None
            if split is not None:  # "Sukhanove Kherson region": one name for a village and its region
                entity = Entity(name=split[0], kind=kind, key=entity.key, aliases={entity.name, *entity.aliases})
                hinted = [split[1]]
            record, candidates, precision = places.resolve(
                entity.name, context_regions=[*hinted, *self.context_regions], context_countries=self.context_countries,
                near=self.context_points)
            # a name struck, attacked or taken is a place even when the tagger said person or organisation;
            # a village known only from the postal data is too small to outweigh the tagger on its own
            trusted = not mistaken or (record is not None and record.kind != "Region" and (
                (precision == "exact" and record.source != "postal") or place_like or hinted))
            city, _, district = entity.name.replace("\u2013", "-").partition(" - ")
            if record is None and district.strip():  # "Donetsk - Petrovskyi": a district of a city
                town, _, _ = places.resolve(city, context_regions=[*hinted, *self.context_regions],
                                            context_countries=self.context_countries)
                if town is not None and town.kind == "Settlement" and town.population >= _LISTED_TOWN:
                    return self._generic(Entity(name=entity.name, kind="Place", key=""),
                                         f"place:{name_key(entity.name)}@{town.key}",
                                         located_in=self._add_place(town, "exact"), geo_precision="region")
            # a town of its own size outside that region means a list of places ("Odesa, Kharkiv"), not a
            # village and its region
            listed = record is not None and (record.kind != "Settlement" or record.population >= _LISTED_TOWN)
            if hinted and not listed and (record is None or record.region not in hinted) and (
                    kind in _PLACE_KINDS or place_like):
                # "Nove, Kharkiv region" with no Nove in the gazetteer's Kharkiv Oblast: a place known only
                # to lie in that region, never a namesake elsewhere
                region = places.by_key(f"iso:{hinted[0]}")
                located = self._add_place(region, "exact") if region else None
                return self._generic(Entity(name=entity.name, kind="Settlement", key=""),
                                     f"place:{name_key(entity.name)}@{hinted[0]}", located_in=located,
                                     geo_precision="region")
            if record is not None and trusted:
                key = self._add_place(record, precision, alias=entity.name)
                if precision == "ambiguous":
                    self._add_candidates(self.out[key], candidates)
                return key
            if kind in _PLACE_KINDS:
                return self._generic(entity, f"place:{name_key(entity.name)}", geo_precision="unresolved")
        if kind == "Facility":
            located = None
            if entity.located_in:
                record, _, precision = places.resolve(entity.located_in, context_regions=self.context_regions,
                                                      context_countries=self.context_countries,
                                                      near=self.context_points)
                located = self._add_place(record, precision, alias=entity.located_in) if record else None
            # "Odesa port" and "the port of Odesa" are one facility: its kind of building and its place
            words = name_key(entity.name).split()
            head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
            key = f"facility:{head}@{located}" if located else f"facility:{name_key(entity.name)}"
            return self._generic(entity, key, located_in=located)
        if kind == "Equipment":
            origin = self._country_from_text(entity.origin) or self._country_from_text(entity.affiliation)
            supplier = None
            if entity.supplied_by:
                supplier = self._country_from_text(entity.supplied_by)
                if supplier is None:
                    record = actors.lookup(entity.supplied_by)
                    supplier = self._add_actor(record) if record else None
            return self._generic(entity, f"equipment:{name_key(entity.name)}", origin=origin, supplied_by=supplier)
        # actors outside the gazetteer: name, kind and affiliation make the identity
        affiliation = self._country_from_text(entity.affiliation)
        if affiliation is None and entity.affiliation:
            record = actors.lookup(entity.affiliation)
            if record is not None:
                affiliation = self._add_actor(record, alias=entity.affiliation)
            else:
                body = Entity(name=entity.affiliation, kind="GovernmentBody", key=f"raw:{entity.affiliation}")
                affiliation = self._generic(body, f"actor:GovernmentBody:{name_key(entity.affiliation)}")
        if affiliation is None:
            implied = next((w for w in entity.name.split() if actors.country_of_adjective(w)), None)
            affiliation = self._country_from_text(implied)
        if affiliation is None:  # "DPR's forces", "Wagner fighters": a known body named inside the phrase
            for word in entity.name.split()[:-1]:
                record = actors.lookup(word.removesuffix("'s").removesuffix("\u2019s"))
                if record is not None:
                    affiliation = self._add_actor(record)
                    break
        name = name_key(entity.name)
        if kind == "Person":  # "Mychajło Kowalenko" and "Mykhailo Kovalenko" are one person
            name = " ".join(actors.folded_spelling(word) for word in name.split())
        key = f"actor:{kind}:{name}" + (f"@{affiliation}" if affiliation else "")
        return self._generic(entity, key, affiliation=affiliation)


_LISTED_TOWN = 20_000
"""Population from which a place named before another region's name is read as a list, not as inside it."""


def resolve(extraction: Extraction) -> Extraction:
    """The same extraction with global keys, gazetteer data and merged events."""
    resolver = _Resolver(extraction)
    place_like = {r.entity for e in extraction.events if e.type in ("Strike", "Attack", "Advance", "Clash")
                  for r in e.roles if r.role in ("target", "place")}
    mapping = {old: resolver.resolve_entity(entity, place_like=old in place_like)
               for old, entity in extraction.entities.items()}
    for old, new in mapping.items():
        source = extraction.entities[old]
        target = resolver.out[new]
        if source.name != target.name and name_key(source.name) != name_key(target.name):
            target.aliases.add(source.name)
        target.aliases |= {a for a in source.aliases if a != target.name}
        if target.role is None and source.role and target.kind == "Person":
            target.role = source.role
        if target.kind == "Person" and target.affiliation is None and source.affiliation:
            target.affiliation = resolver._country_from_text(source.affiliation)
    events = []
    for event in extraction.events:
        event.roles = _dedupe([type(r)(r.role, mapping.get(r.entity, r.entity), r.quantity, r.inferred) for r in event.roles])
        event.roles = _place_roles(event, resolver.out)
        event.sources = list(dict.fromkeys(mapping.get(s, s) for s in event.sources))
        events.append(event)
    for claim in extraction.claims:
        claim.source = mapping.get(claim.source, claim.source)
    result = Extraction(article=extraction.article, entities=resolver.out, events=events, claims=extraction.claims)
    _merge_events(result)
    # a mention that says too little on its own may still have joined a fuller mention of the same event
    result.events = [e for e in result.events if _substantive(e, resolver.out)]
    kept = {e.id for e in result.events}
    result.claims = [c for c in result.claims if c.event in kept]
    return result


_PLACES = ("Settlement", "Region", "Place", "Facility")
#: Words of wholesale destruction, whose object a country never is but in rhetoric.
_DESTRUCTION = re.compile(r"(destr|annihil|obliterat|wip(e|ing))", re.IGNORECASE)
_HYPOTHETICAL = ("planned", "threatened")
_COMBAT = ("Attack", "Strike", "Clash", "Advance")
_SPEAKERS = ("Person", "Organization", "GovernmentBody", "ArmedForce", "Country")


def _substantive(event: Event, entities: dict[str, Entity]) -> bool:
    """Keep an event only when its own phrase says enough about it: what was lost, who met, who spoke.
    A trigger word alone with a place guessed from the sentence ("die for Danzig") is not an event."""
    own = [r for r in event.roles if not r.inferred]
    roles = {r.role for r in own}
    if event.type == "Loss":
        return bool(roles & {"target", "equipment"})
    if event.type == "Delivery":
        return bool(roles & {"equipment", "target"})
    if event.type == "Visit":
        return "agent" in roles and "place" in {r.role for r in event.roles}
    if event.type == "Meeting":
        return bool(roles & {"agent", "participant"})
    if event.type == "Statement":
        return any(r.role == "agent" and entities[r.entity].kind in _SPEAKERS for r in own)
    if not event.verbal:
        # "the invasion", "fighting": a noun names an event only with someone or something in it
        return bool(roles & {"agent", "target", "participant", "equipment"})
    return bool(roles) or event.quantity is not None


def _place_roles(event: Event, entities: dict[str, Entity]) -> list:
    """Kinds are known only now: a place is never an agent, and a place attacked, taken or visited is
    also where the event happened."""
    roles = []
    for role in event.roles:
        kind = entities[role.entity].kind
        if role.role in ("agent", "participant") and kind in _PLACES:
            continue
        if role.role == "place" and role.inferred and (kind == "Country" or event.type == "Statement"):
            continue  # a country named elsewhere in the sentence is mostly a participant; a quote's places are its topic
        if role.role == "target" and kind == "Country" and event.type == "Loss" and _DESTRUCTION.match(event.trigger) \
                and role.quantity is None and not any(r.role == "equipment" for r in event.roles):
            continue  # "trying to destroy Russia", "Ukraine will be destroyed": a country is not destroyed but in
            # words ("Iranian missiles were destroyed": whose they were)
        if role.role == "target" and kind in _PLACES and (event.type in ("Advance", "Visit") or (
                event.type == "Loss" and kind != "Facility")):  # a town is not killed or wounded
            role = type(role)("place", role.entity, role.quantity, role.inferred)
        elif role.role == "target" and kind in _PLACES and event.type in ("Strike", "Attack", "Loss"):  # (not the
            # side a fight is against: "the fight against Nazi Germany")
            roles.append(type(role)("place", role.entity, None, role.inferred))
        roles.append(role)
    return _dedupe(roles)


def _dedupe(roles: list) -> list:
    seen, out = set(), []
    for role in roles:
        if (role.role, role.entity) not in seen:
            seen.add((role.role, role.entity))
            out.append(role)
    return out


# ---------------------------------------------------------------------------------- merging

def _ancestors(extraction: Extraction, key: str) -> set[str]:
    chain, seen = {key}, key
    while seen in extraction.entities and extraction.entities[seen].located_in and \
            extraction.entities[seen].located_in not in chain:
        seen = extraction.entities[seen].located_in  # type: ignore[assignment]
        chain.add(seen)
    return chain


def _side(extraction: Extraction, key: str) -> str:
    seen: set[str] = set()
    while key in extraction.entities and key not in seen:
        seen.add(key)
        entity = extraction.entities[key]
        if entity.kind == "Country" or not entity.affiliation:
            return key
        key = entity.affiliation
    return key


#: Triggers that name a whole campaign: "Russia's invasion" is never the same happening as "Russian forces
#: attacked several substations" said of one day in the same article.
_CAMPAIGN_TRIGGERS = frozenset({"invasion", "invasions", "occupation", "annexation"})


def _compatible(extraction: Extraction, kept: Event, new: Event) -> bool:
    if kept.type != new.type or new.type in ("Statement", "Loss", "Delivery", "Meeting"):
        return False
    if (kept.trigger.lower() in _CAMPAIGN_TRIGGERS) != (new.trigger.lower() in _CAMPAIGN_TRIGGERS):
        return False
    if kept.quantity and new.quantity and kept.quantity.value != new.quantity.value:
        return False
    if kept.date and new.date and kept.date.value and new.date.value and kept.date.value != new.date.value:
        return False
    if "denied" in (kept.status, new.status):
        return False
    if new.type in _COMBAT and (kept.status in _HYPOTHETICAL) != (new.status in _HYPOTHETICAL):
        return False  # "the offensive in Donbas" and "the next Russian assault" are two fights; a plan to
        # fortify and the works begun are one effort
    for role in ("agent", "target"):
        a = {_side(extraction, k) for k in kept.keys(role)}
        b = {_side(extraction, k) for k in new.keys(role)}
        if a and b and not (a & b):
            return False
    if abs(new.sentence_start - kept.sentence_start) > MERGE_WINDOW:
        return False  # only mentions close together in the article are taken for one happening
    places_a, places_b = kept.keys("place"), new.keys("place")

    def within(place: str, others: list[str]) -> bool:
        return any(place in _ancestors(extraction, other) or other in _ancestors(extraction, place) for other in others)

    # every place of each inside or around one of the other's: "invasions of Ukraine, Palestine or Yemen" is
    # not Russia's invasion of Ukraine
    nested = bool(places_a and places_b) and all(within(a, places_b) for a in places_a) and \
        all(within(b, places_a) for b in places_b)
    if places_a and places_b and not nested:
        return False
    sides_a = {_side(extraction, k) for k in kept.keys("agent")}
    sides_b = {_side(extraction, k) for k in new.keys("agent")}
    # something the two share must say they are one happening: a place or the side that acted; a bare
    # mention ("solidifying gains", a headline's "attack") is never folded into a specific one
    return nested or bool(sides_a & sides_b)


def _merge_events(extraction: Extraction) -> None:
    """Mentions of one happening in different sentences of an article become one event,
    keeping every sentence as evidence and every source's claim."""
    merged: list[Event] = []
    for event in extraction.events:
        target = next((m for m in merged if _compatible(extraction, m, event)), None)
        if target is None:
            merged.append(event)
            continue
        _fold(extraction, target, event)
    # a bare mention ("structures being established") is the event its own sentence tells with more words
    for event in [e for e in merged if not e.roles]:
        target = next((m for m in merged if m is not event and m.type == event.type and m.roles and
                       "denied" not in (m.status, event.status) and
                       event.sentence in (m.sentence, *m.evidence)), None)
        if target is not None:
            _fold(extraction, target, event)
            merged.remove(event)
    # keep the most specific place of a merged event only
    for event in merged:
        places_here = event.keys("place")
        redundant = {p for p in places_here for q in places_here if p != q and p in _ancestors(extraction, q)}
        event.roles = [r for r in event.roles if not (r.role == "place" and r.entity in redundant)]
    extraction.events = merged


def _fold(extraction: Extraction, target: Event, event: Event) -> None:
    """Fold a mention into the event it is another mention of, keeping its sentence, roles and claims."""
    for role in event.roles:
        if all((r.role, r.entity) != (role.role, role.entity) for r in target.roles):
            target.roles.append(role)
    if event.sentence != target.sentence and event.sentence not in target.evidence:
        target.evidence.append(event.sentence)
    target.evidence.extend(s for s in event.evidence if s not in target.evidence and s != target.sentence)
    if not (target.date and target.date.value):
        target.date = event.date or target.date
    target.quantity = target.quantity or event.quantity
    target.status = min(target.status, event.status, key=STATUSES.index)
    target.sources.extend(s for s in event.sources if s not in target.sources)
    for claim in extraction.claims:
        if claim.event == event.id:
            claim.event = target.id
