"""Every .rq parses, has its header, and runs against a sample store; parameters bind as terms."""
from __future__ import annotations

import json

import pytest
from rdflib.plugins.sparql.parser import parseQuery

from kg.errors import QueryError, UnsafeQueryError
from kg.ingest import content_hash
from kg.paths import QUERIES_DIR
from kg.query import bind, check_user_query, format_results, get_query, named_queries, rows
from kg.store import LocalStore
from kg.to_rdf import document_iri, to_graph

from .sample import sample_extraction


@pytest.fixture()
def store(tmp_path):
    extraction = sample_extraction()
    graph = to_graph(extraction, content_hash=content_hash(extraction.article))
    local = LocalStore(tmp_path / "store")
    local.replace_documents([(document_iri(extraction.article.id), graph.serialize(format="nt"))])
    yield local
    local.close()


def test_every_query_file_parses_with_a_header():
    files = sorted(QUERIES_DIR.glob("**/*.rq"))
    assert {"who", "where", "when", "events", "claims"} <= set(named_queries())
    for path in files:
        text = path.read_text()
        assert text.startswith("# summary:"), path
        assert "# columns:" in text, path
        parseQuery(text)


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_runs_and_returns_its_columns(store, name):
    query = get_query(name)
    params = {p.name: "Zelensky" for p in query.parameters if p.required}
    result = store.select(bind(query, params))
    assert set(query.columns) <= set(result["head"]["vars"]), (name, result["head"]["vars"])
    assert rows(result), f"{name} returned nothing on the sample"


def test_who_by_place_includes_places_inside_it(store):
    who = get_query("who")
    for place in ("Kupyansk", "kupiansk", "KHARKIV REGION", "Ukraine"):
        found = rows(store.select(bind(who, {"place": place, "event_type": "Visit"})))
        assert {r["actorLabel"] for r in found} == {"Volodymyr Zelensky"}, place
    assert rows(store.select(bind(who, {"place": "Odesa"}))) == []


def test_where_by_alias(store):
    found = rows(store.select(bind(get_query("where"), {"actor": "zelenskiy"})))
    assert {r["placeLabel"] for r in found} == {"Kupyansk command post"}
    assert {r["date"] for r in found} == {"2023-11-30"}


def test_claims_by_source(store):
    found = rows(store.select(bind(get_query("claims"), {"source": "Russian defence ministry"})))
    assert sorted((r["eventType"], r.get("quantity")) for r in found) == [("Attack", "5"), ("Loss", "1")]


@pytest.mark.parametrize("hostile", ['nope" || true || "', "} ; DROP ALL ; {", "a\nb } UNION { ?s ?p ?o",
                                     "\\\" ) } SELECT * WHERE { ?s ?p ?o #"])
def test_injection_through_params_matches_nothing_and_changes_nothing(store, hostile):
    before = store.triple_count()
    for name, param in (("who", "place"), ("where", "actor"), ("claims", "source")):
        assert rows(store.select(bind(get_query(name), {param: hostile}))) == []
    assert store.triple_count() == before


def test_bad_parameters_are_refused_with_what_was_expected():
    with pytest.raises(QueryError, match="expected one of"):
        bind(get_query("who"), {"event_type": "Picnic"})
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        bind(get_query("who"), {"date_from": "yesterday"})
    with pytest.raises(QueryError, match="no parameter"):
        bind(get_query("who"), {"colour": "red"})
    with pytest.raises(QueryError, match="needs --param actor"):
        bind(get_query("where"), {})


@pytest.mark.parametrize("text", ["SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
                                  "SELECT * FROM NAMED <http://127.0.0.1:1/x> WHERE { GRAPH ?g { ?s ?p ?o } }",
                                  "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                                  "LOAD <file:///etc/passwd>", "DROP ALL",
                                  "INSERT DATA { <urn:a> <urn:b> <urn:c> }"])
def test_unsafe_user_sparql_is_refused(text):
    with pytest.raises(UnsafeQueryError):
        check_user_query(text)


def test_result_formats_follow_the_w3c_layouts(store):
    result = store.select(bind(get_query("where"), {"actor": "Zelensky"}))
    parsed = json.loads(format_results(result, "json"))
    assert set(parsed) == {"head", "results"} and "vars" in parsed["head"]
    assert all(cell["type"] in ("uri", "literal", "bnode") for b in parsed["results"]["bindings"] for cell in b.values())
    csv_text = format_results(result, "csv")
    assert csv_text.splitlines()[0].split(",") == result["head"]["vars"]
    assert csv_text.endswith("\r\n")
    assert "Kupyansk command post" in format_results(result, "table")
