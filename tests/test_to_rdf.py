"""Emitted RDF: valid against the SHACL shapes, deterministic, and safe for any name."""
from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.model import Entity, Role
from kg.paths import ontology_file, shapes_file
from kg.to_rdf import entity_iri, to_graph
from kg.vocab import GEO, GEONAMES, GSP, KG

from .sample import sample_extraction


def _assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail("graphs differ\nonly in first:\n" + only_a.serialize(format="nt") +
                    "\nonly in second:\n" + only_b.serialize(format="nt"))


def shacl_report(graph: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(shapes_file()),
                                 ont_graph=Graph().parse(ontology_file()), inference="rdfs")
    return conforms, text


def test_sample_graph_conforms_to_shapes():
    conforms, text = shacl_report(to_graph(sample_extraction(), content_hash="x"))
    assert conforms, text


def test_shapes_catch_an_event_without_evidence():
    graph = to_graph(sample_extraction(), content_hash="x")
    event = next(graph.subjects(KG.status, None))
    graph.remove((event, KG.evidence, None))
    conforms, _ = shacl_report(graph)
    assert not conforms


def test_same_input_same_graph():
    _assert_isomorphic(to_graph(sample_extraction(), content_hash="x"), to_graph(sample_extraction(), content_hash="x"))
    first = to_graph(sample_extraction(), content_hash="x").serialize(format="nt")
    second = to_graph(sample_extraction(), content_hash="x").serialize(format="nt")
    assert sorted(first.splitlines()) == sorted(second.splitlines())


HOSTILE = ['He said "hi"', "<img src=x onerror=alert(1)>", "New\nline name", "right\u200fto\u202eleft",
           "emoji \U0001F4A5 brigade", "spaces   and\ttabs", "}{ ; DROP ALL", "</script><script>alert(1)</script>"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_make_valid_iris_and_round_trip(name):
    extraction = sample_extraction()
    entity = Entity(name=name, kind="ArmedForce", key=f"actor:{name}")
    extraction.entities[entity.key] = entity
    extraction.events[0].roles.append(Role("participant", entity.key))
    graph = to_graph(extraction, content_hash="x")
    assert (None, None, Literal(name)) in graph
    for node in graph.all_nodes():
        text = str(node)
        if text.startswith("https://w3id.org/newskg/id/"):
            assert all(c.isalnum() or c in "-/:._" for c in text), text
    for fmt in ("nt", "turtle", "xml", "json-ld"):
        again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        _assert_isomorphic(graph, again)


def test_an_ambiguous_place_keeps_its_candidates_without_saying_they_were_mentioned():
    extraction = sample_extraction()
    near = Entity(name="Ivanivka", kind="Settlement", key="geonames:1", located_in="iso:UA-63", lat=49.5, long=37.5,
                  geonames_id=1, geo_precision="ambiguous")
    inside = Entity(name="Ivanivka", kind="Settlement", key="geonames:2", located_in="iso:UA-63", lat=49.9,
                    long=36.9, geonames_id=2, geo_precision="ambiguous")
    elsewhere = Entity(name="Ivanivka", kind="Settlement", key="postal:3", located_in="iso:UA-14", lat=48.1,
                       long=37.8, geo_precision="ambiguous")  # its oblast is not in this article
    near.candidates = [inside.key, elsewhere.key]
    for entity in (near, inside, elsewhere):
        extraction.entities[entity.key] = entity
    extraction.events[0].roles.append(Role("place", near.key))
    graph = to_graph(extraction, content_hash="x")
    nodes = {key: entity_iri(extraction.entities[key]) for key in (near.key, inside.key, elsewhere.key, "iso:UA-63")}
    assert set(graph.objects(nodes[near.key], KG.candidate)) == {nodes[inside.key], nodes[elsewhere.key]}
    expected = Graph()
    for key, entity in ((inside.key, inside), (elsewhere.key, elsewhere)):
        node = nodes[key]
        expected.add((node, RDF.type, KG.Settlement))
        expected.add((node, RDFS.label, Literal("Ivanivka")))
        expected.add((node, KG.nameKey, Literal("ivanivka")))
        expected.add((node, GEO.lat, Literal(f"{entity.lat:.5f}", datatype=XSD.decimal)))
        expected.add((node, GEO.long, Literal(f"{entity.long:.5f}", datatype=XSD.decimal)))
        expected.add((node, GSP.asWKT, Literal(f"POINT({entity.long:.5f} {entity.lat:.5f})", datatype=GSP.wktLiteral)))
    expected.add((nodes[inside.key], OWL.sameAs, GEONAMES["2/"]))
    expected.add((nodes[inside.key], KG.locatedIn, nodes["iso:UA-63"]))
    described = Graph()
    for key in (inside.key, elsewhere.key):
        for triple in graph.triples((nodes[key], None, None)):
            described.add(triple)
    _assert_isomorphic(described, expected)
    conforms, text = shacl_report(graph)
    assert conforms, text
