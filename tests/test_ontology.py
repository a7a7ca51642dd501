"""The ontology file is the source of truth: vocab.py must agree with it, and it must align to
the standard vocabularies the issue names."""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.model import ENTITY_KINDS, EVENT_TYPES, STATUSES
from kg.paths import ontology_file, shapes_file
from kg.vocab import KG, SEM

NS = str(KG._NS)


def _ontology() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def test_every_vocab_name_is_declared_in_the_ontology_and_back():
    graph = _ontology()
    declared = {str(s)[len(NS):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    in_python = set(KG.__annotations__)
    assert in_python - declared == set(), f"in vocab.py, not in kg.ttl: {sorted(in_python - declared)}"
    assert declared - in_python == set(), f"in kg.ttl, not in vocab.py: {sorted(declared - in_python)}"


def test_every_term_has_label_and_comment():
    graph = _ontology()
    for term in KG.__annotations__:
        iri = KG[term]
        assert graph.value(iri, RDFS.label) is not None, f"kg:{term} has no rdfs:label"
        if (iri, RDF.type, KG.EventStatus) not in graph:
            assert graph.value(iri, RDFS.comment) is not None, f"kg:{term} has no rdfs:comment"


def test_model_names_are_ontology_classes():
    graph = _ontology()
    for name in (*ENTITY_KINDS, *EVENT_TYPES):
        assert (KG[name], RDF.type, OWL.Class) in graph, name
    for status in STATUSES:
        assert (KG[status], RDF.type, KG.EventStatus) in graph, status


def test_alignment_to_sem_prov_schema_time():
    graph = _ontology()
    supers = lambda c: set(graph.transitive_objects(c, RDFS.subClassOf))  # noqa: E731
    assert SEM.Event in supers(KG.Strike)
    assert SEM.Actor in supers(KG.Person)
    assert SEM.Place in supers(KG.Settlement)
    assert KG.Place in supers(KG.Country) and KG.Actor in supers(KG.Country)
    assert SEM.hasActor in set(graph.transitive_objects(KG.agent, RDFS.subPropertyOf))
    assert URIRef("http://www.w3.org/ns/prov#wasAttributedTo") in set(graph.objects(KG.reportedBy, RDFS.subPropertyOf))


def test_shapes_parse_and_target_ontology_classes():
    shapes = Graph().parse(shapes_file(), format="turtle")
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert {KG.Event, KG.Claim, KG.Document, KG.Place} <= targets
