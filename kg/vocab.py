"""Python names for the ontology's terms. ontology/kg.ttl is the source of truth; a test checks
that every name here is declared there and every term there has a name here."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "ID", "SEM", "SCHEMA", "GEO", "GSP", "TIME", "PROV", "GEONAMES", "WIKIDATA",
           "ONTOLOGY_GRAPH", "NAMESPACES"]

ID = Namespace("https://w3id.org/newskg/id/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GSP = Namespace("http://www.opengis.net/ont/geosparql#")
TIME = Namespace("http://www.w3.org/2006/time#")
PROV = Namespace("http://www.w3.org/ns/prov#")
GEONAMES = Namespace("https://sws.geonames.org/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

#: The named graph that holds the ontology inside a store.
ONTOLOGY_GRAPH = ID["graph/ontology"]


class KG(DefinedNamespace):
    """Terms of https://w3id.org/newskg#."""

    _NS = Namespace("https://w3id.org/newskg#")
    _fail = True

    # classes
    Document: object
    Claim: object
    Event: object
    Attack: object
    Clash: object
    Strike: object
    Loss: object
    Advance: object
    Fortification: object
    Visit: object
    Meeting: object
    Statement: object
    Delivery: object
    EventStatus: object
    Actor: object
    Person: object
    Organization: object
    GovernmentBody: object
    ArmedForce: object
    Place: object
    Settlement: object
    District: object
    Region: object
    Facility: object
    Country: object
    Equipment: object
    # statuses
    occurred: object
    claimed: object
    planned: object
    threatened: object
    denied: object
    # properties
    agent: object
    target: object
    participant: object
    place: object
    date: object
    dateText: object
    dateResolution: object
    quantity: object
    approximate: object
    equipment: object
    status: object
    locatedIn: object
    affiliation: object
    role: object
    origin: object
    suppliedBy: object
    nameKey: object
    geoPrecision: object
    candidate: object
    isoCode: object
    reportedBy: object
    about: object
    evidence: object
    mentionedIn: object
    published: object
    source: object
    contentHash: object


NAMESPACES = {
    "kg": str(KG._NS), "id": str(ID), "sem": str(SEM), "schema": str(SCHEMA), "geo": str(GEO),
    "gsp": str(GSP), "time": str(TIME), "prov": str(PROV),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}
