"""Acceptance on the seed article (../shared/seed): the spine issue's eight checks, through the CLI."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


def kg(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def rows(*args: str) -> list[dict[str, str]]:
    data = json.loads(kg(*args, "--format", "json"))
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def store(seed_path, tmp_path_factory, nlp):
    location = str(tmp_path_factory.mktemp("seed") / "store")
    kg("ingest", str(seed_path), "--date", "2023-12-03", "--store", location, "--workers", "1")
    return location


def sparql(store: str, text: str) -> list[dict[str, str]]:
    prefixes = ("PREFIX kg: <https://w3id.org/newskg#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
    return rows("sparql", prefixes + text, "--store", store)


def test_1_zelenskiy_visited_the_kupyansk_command_center(store):
    where = rows("query", "where", "--param", "actor=Zelenskiy", "--store", store)
    visits = [r for r in where if r["eventType"] == "Visit"]
    assert visits, where
    assert {r["placeLabel"] for r in visits} == {"Kupyansk defense command center"}
    assert {r["placeType"] for r in visits} == {"Facility"}
    assert {r["within"] for r in visits} == {"Kupyansk"}
    assert {r["date"] for r in visits} == {"2023-11-30"}
    who = rows("query", "who", "--param", "place=Kupyansk", "--param", "event_type=Visit", "--store", store)
    assert {(r["actorLabel"], r["actorType"], r["role"]) for r in who} == {("Volodymyr Zelenskyy", "Person", "agent")}
    person = sparql(store, 'SELECT ?role ?country WHERE { ?p kg:nameKey "zelenskiy" ; kg:role ?role ; '
                           'kg:affiliation/rdfs:label ?country }')
    assert person == [{"role": "President", "country": "Ukraine"}]


def test_2_five_assaults_by_ukrainian_assault_groups_claimed_by_the_ministry(store):
    events = rows("query", "events", "--param", "place=Kharkiv region", "--param", "event_type=Attack", "--store", store)
    fives = [r for r in events if r.get("quantity") == "5"]
    assert fives and "Ukrainian assault groups" in fives[0]["agents"]
    claims = rows("query", "claims", "--param", "source=Russian Ministry of Defense", "--store", store)
    assert any(c["event"] == fives[0]["event"] for c in claims)


def test_3_claimed_losses(store):
    claims = rows("query", "claims", "--param", "source=Russian Ministry of Defense", "--store", store)
    losses = {(c.get("equipmentLabel", ""), c.get("quantity")) for c in claims if c["eventType"] == "Loss"}
    assert {("", "140"), ("armored combat vehicle", "3"), ("support vehicle", "2"), ("M119 howitzer", "1")} <= losses
    origin = sparql(store, 'SELECT ?country WHERE { ?e kg:nameKey "m119 howitzer" ; kg:origin/rdfs:label ?country }')
    assert origin == [{"country": "United States"}]
    members = sparql(store, 'SELECT ?q ?approx WHERE { ?e kg:target/rdfs:label "Ukrainian service members" ; '
                            'kg:quantity ?q ; kg:approximate ?approx }')
    assert members == [{"q": "140", "approx": "true"}]


def test_4_leopard_lost_by_the_ukrainian_side_supplied_by_germany(store):
    found = sparql(store, 'SELECT ?side ?supplier WHERE { ?loss a kg:Loss ; kg:equipment ?tank ; kg:target/rdfs:label ?side . '
                          '?tank rdfs:label "Leopard 1A5 tank" ; kg:suppliedBy/rdfs:label ?supplier }')
    assert found == [{"side": "Ukrainian side", "supplier": "Germany"}]


def test_5_fortification_and_the_december_2_report(store):
    fort = sparql(store, 'SELECT DISTINCT ?place ?source WHERE { ?e a kg:Fortification ; kg:place/rdfs:label ?place . '
                         '?c kg:about ?e ; kg:reportedBy ?s . ?s rdfs:label ?source }')
    assert ("Kharkiv Oblast", "official from Kharkiv regional military administration") in {
        (r["place"], r["source"]) for r in fort}
    official = sparql(store, 'SELECT ?body WHERE { ?p kg:role "official" ; kg:affiliation/rdfs:label ?body }')
    assert official == [{"body": "Kharkiv Regional Military Administration"}]
    claims = rows("query", "claims", "--param", "source=Russian Ministry of Defense", "--store", store)
    assert any(c["eventType"] == "Advance" and c.get("date") == "2023-12-02" for c in claims)


def test_6_kupyansk_in_kharkiv_region_in_ukraine(store):
    chain = sparql(store, 'SELECT ?district ?region ?country WHERE { ?k rdfs:label "Kupyansk" ; kg:locatedIn ?d . '
                          '?d a kg:District ; rdfs:label ?district ; kg:locatedIn ?r . '
                          '?r rdfs:label ?region ; kg:locatedIn/rdfs:label ?country }')
    assert chain == [{"district": "Kupianskyi Raion", "region": "Kharkiv Oblast", "country": "Ukraine"}]


@pytest.mark.parametrize("name", ["honor magic v2", "iqoo 12 pro", "state duma", "get a summary", "summary"])
def test_7_no_boilerplate_nodes(store, name):
    assert sparql(store, f'SELECT ?n WHERE {{ ?n kg:nameKey ?k . FILTER(CONTAINS(?k, "{name}")) }}') == []


def test_8_ingesting_again_changes_no_count(store, seed_path):
    before = kg("stats", "--store", store)
    kg("ingest", str(seed_path), "--date", "2023-12-03", "--store", store, "--workers", "1")
    assert kg("stats", "--store", store) == before


def test_every_event_and_claim_has_evidence_and_document(store):
    missing = sparql(store, 'SELECT ?x WHERE { { ?x a kg:Claim } UNION { ?x a/rdfs:subClassOf* kg:Event } '
                            'FILTER NOT EXISTS { ?x kg:evidence ?e ; kg:mentionedIn ?d } }')
    assert missing == []


def test_store_conforms_to_shapes(store):
    from pyshacl import validate
    from rdflib import Graph

    from kg.paths import ontology_file, shapes_file
    from kg.store import LocalStore, article_graph

    local = LocalStore(store, read_only=True)
    try:
        graph = article_graph(local)
    finally:
        local.close()
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(shapes_file()),
                                 ont_graph=Graph().parse(ontology_file()), inference="rdfs")
    assert conforms, text
