"""Resolved Extractions to RDF: one rdflib Graph per article, using the ontology's terms only.

IRIs come from stable keys, so the same thing from any article gets the same IRI and the same
article always gives the same graph. Events whose key names type, day, place and acting side are
shared across articles: the union of article graphs then holds one event with one mention per
article, and removing an article removes only its mention.
"""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from .model import Claim, Entity, Event, Extraction
from .names import name_key, short_hash, slug
from .vocab import GEO, GEONAMES, GSP, ID, KG, SCHEMA, TIME, WIKIDATA

__all__ = ["to_graph", "document_iri", "entity_iri", "event_key", "KIND_FOLDERS"]

KIND_FOLDERS = {
    "Person": "actor", "Organization": "actor", "GovernmentBody": "actor", "ArmedForce": "actor",
    "Country": "place", "Settlement": "place", "District": "place", "Region": "place", "Facility": "place", "Place": "place",
    "Equipment": "equipment",
}
_RESOLUTION = {"day": TIME.unitDay, "week": TIME.unitWeek, "month": TIME.unitMonth, "year": TIME.unitYear}


def document_iri(article_id: str) -> URIRef:
    """The article's node and the name of its graph: from its id, so a changed text replaces it."""
    return ID[f"doc/{slug(article_id)}-{short_hash(article_id)}"]


def entity_iri(entity: Entity) -> URIRef:
    return ID[f"{KIND_FOLDERS.get(entity.kind, 'thing')}/{slug(entity.name)}-{short_hash(entity.key)}"]


def event_key(event: Event, extraction: Extraction) -> str:
    """Shared across articles when the happening is pinned down (type, day, resolved place, side);
    otherwise private to the article."""
    places = sorted(k for k in event.keys("place")
                    if extraction.entities[k].geo_precision in ("exact", "ambiguous", "region", "country"))
    day = event.date.value if event.date and event.date.resolution == "day" else None
    if places and day and event.status in ("occurred", "claimed"):
        sides = sorted(_side(extraction, k) for k in event.keys("agent"))
        equipment = sorted(event.keys("equipment"))
        return "|".join(["event", event.type, day.isoformat(), places[0], ",".join(sides), ",".join(equipment)])
    return "|".join(["mention", extraction.article.id, event.id])


def _side(extraction: Extraction, key: str) -> str:
    """The country an actor belongs to, following affiliations (or the actor itself)."""
    seen = set()
    while key in extraction.entities and key not in seen:
        seen.add(key)
        entity = extraction.entities[key]
        if entity.kind == "Country" or not entity.affiliation:
            return key
        key = entity.affiliation
    return key


def to_graph(extraction: Extraction, *, content_hash: str) -> Graph:
    """The article's graph: its document node, the things it names, its events and claims."""
    graph = Graph()
    article = extraction.article
    doc = document_iri(article.id)
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, RDFS.label, Literal(article.title or article.id)))
    graph.add((doc, KG.contentHash, Literal(content_hash)))
    graph.add((doc, DCTERMS.identifier, Literal(article.id)))
    if article.published:
        graph.add((doc, KG.published, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.source:
        graph.add((doc, KG.source, Literal(article.source)))
    if article.url:
        graph.add((doc, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.title:
        graph.add((doc, DCTERMS.title, Literal(article.title)))

    iris = {key: entity_iri(entity) for key, entity in extraction.entities.items()}
    used = _used_entities(extraction)
    for key in sorted(used):
        _add_entity(graph, extraction.entities[key], iris, doc)
    for key in sorted(used):
        for candidate in extraction.entities[key].candidates:
            graph.add((iris[key], KG.candidate, iris[candidate]))
            if candidate not in used:
                _add_candidate(graph, extraction.entities[candidate], iris, used)
    event_iris: dict[str, URIRef] = {}
    for event in extraction.events:
        key = event_key(event, extraction)
        iri = ID[f"event/{event.type.lower()}-{short_hash(key, length=16)}"]
        event_iris[event.id] = iri
        _add_event(graph, event, iri, iris, doc, extraction)
    for claim in extraction.claims:
        if claim.event in event_iris and claim.source in iris:
            _add_claim(graph, claim, event_iris[claim.event], iris[claim.source], doc, article.id)
    return graph


def _used_entities(extraction: Extraction) -> set[str]:
    """Entities that take part in something, with the places and bodies they hang from."""
    used: set[str] = set()
    for event in extraction.events:
        used.update(r.entity for r in event.roles)
    used.update(c.source for c in extraction.claims)
    frontier = list(used)
    while frontier:
        entity = extraction.entities.get(frontier.pop())
        if entity is None:
            continue
        for linked in (entity.affiliation, entity.located_in, entity.origin, entity.supplied_by):
            if linked and linked in extraction.entities and linked not in used:
                used.add(linked)
                frontier.append(linked)
    return {k for k in used if k in extraction.entities}


def _add_entity(graph: Graph, entity: Entity, iris: dict[str, URIRef], doc: URIRef) -> None:
    node = iris[entity.key]
    graph.add((node, RDF.type, KG[entity.kind]))
    graph.add((node, RDFS.label, Literal(entity.name)))
    keys = {name_key(entity.name)}
    for alias in sorted(entity.aliases - {entity.name}):
        graph.add((node, SKOS.altLabel, Literal(alias)))
        keys.add(name_key(alias))
    for key in sorted(k for k in keys if k):
        graph.add((node, KG.nameKey, Literal(key)))
    graph.add((node, KG.mentionedIn, doc))
    if entity.role:
        graph.add((node, KG.role, Literal(entity.role)))
    for prop, linked in ((KG.affiliation, entity.affiliation), (KG.locatedIn, entity.located_in),
                         (KG.origin, entity.origin), (KG.suppliedBy, entity.supplied_by)):
        if linked and linked in iris:
            graph.add((node, prop, iris[linked]))
    _add_geometry(graph, node, entity)
    if entity.geo_precision:
        graph.add((node, KG.geoPrecision, Literal(entity.geo_precision)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, WIKIDATA[entity.wikidata]))
    if entity.iso_code:
        graph.add((node, KG.isoCode, Literal(entity.iso_code)))


def _add_candidate(graph: Graph, entity: Entity, iris: dict[str, URIRef], used: set[str]) -> None:
    """A place the article may mean but did not choose: enough to find it on a map, and nothing that says
    the article mentioned it (no kg:mentionedIn, no region it did not name)."""
    node = iris[entity.key]
    graph.add((node, RDF.type, KG[entity.kind]))
    graph.add((node, RDFS.label, Literal(entity.name)))
    graph.add((node, KG.nameKey, Literal(name_key(entity.name))))
    if entity.located_in in used:
        graph.add((node, KG.locatedIn, iris[entity.located_in]))
    _add_geometry(graph, node, entity)


def _add_geometry(graph: Graph, node: URIRef, entity: Entity) -> None:
    if entity.lat is not None and entity.long is not None:
        graph.add((node, GEO.lat, Literal(f"{entity.lat:.5f}", datatype=XSD.decimal)))
        graph.add((node, GEO.long, Literal(f"{entity.long:.5f}", datatype=XSD.decimal)))
        graph.add((node, GSP.asWKT, Literal(f"POINT({entity.long:.5f} {entity.lat:.5f})", datatype=GSP.wktLiteral)))
    if entity.geonames_id:
        graph.add((node, OWL.sameAs, GEONAMES[f"{entity.geonames_id}/"]))


def _add_event(graph: Graph, event: Event, node: URIRef, iris: dict[str, URIRef], doc: URIRef,
               extraction: Extraction) -> None:
    graph.add((node, RDF.type, KG[event.type]))
    places = [extraction.entities[k].name for k in event.keys("place")]
    when = event.date.value.isoformat() if event.date and event.date.value else None
    label = f"{event.type}: {event.trigger}" + (f" in {places[0]}" if places else "") + (f" on {when}" if when else "")
    graph.add((node, RDFS.label, Literal(label)))
    graph.add((node, KG.status, KG[event.status]))
    for sentence in (event.sentence, *event.evidence):
        graph.add((node, KG.evidence, Literal(sentence)))
    graph.add((node, KG.mentionedIn, doc))
    if event.date:
        graph.add((node, KG.dateText, Literal(event.date.text)))
        if event.date.value:
            graph.add((node, KG.date, Literal(event.date.value.isoformat(), datatype=XSD.date)))
            graph.add((node, KG.dateResolution, _RESOLUTION.get(event.date.resolution or "day", TIME.unitDay)))
    if event.quantity is not None:
        graph.add((node, KG.quantity, Literal(event.quantity.value, datatype=XSD.integer)))
        if event.quantity.approximate:
            graph.add((node, KG.approximate, Literal(True)))
    for role in event.roles:
        if role.entity in iris:
            graph.add((node, KG[role.role], iris[role.entity]))


def _add_claim(graph: Graph, claim: Claim, event: URIRef, source: URIRef, doc: URIRef, article_id: str) -> None:
    node = ID[f"claim/{short_hash(article_id, claim.event, claim.source, claim.sentence, length=16)}"]
    graph.add((node, RDF.type, KG.Claim))
    graph.add((node, RDFS.label, Literal(f"claim: {claim.sentence[:80]}")))
    graph.add((node, KG.about, event))
    graph.add((node, KG.reportedBy, source))
    graph.add((node, KG.evidence, Literal(claim.sentence)))
    graph.add((node, KG.mentionedIn, doc))
    if claim.quantity is not None:
        graph.add((node, KG.quantity, Literal(claim.quantity.value, datatype=XSD.integer)))
