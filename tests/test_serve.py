"""`kg serve` over real HTTP: the SPARQL 1.1 Protocol cases, read-only refusals, limits, the named
queries, the pages (with a hostile label) and a runaway query cut while others are answered."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.ingest import content_hash
from kg.model import Entity, Event, Role
from kg.serve import ROW_CAP_HEADER, make_server, negotiate
from kg.store import LocalStore
from kg.to_rdf import document_iri, entity_iri, to_graph

from .sample import sample_extraction

HOSTILE = "<img src=x onerror=alert(1)>"
PREFIXES = "PREFIX kg: <https://w3id.org/newskg#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
LABELS = PREFIXES + "SELECT ?node ?label WHERE { ?node a/rdfs:subClassOf* kg:Actor ; rdfs:label ?label } ORDER BY ?node"
EVENTS = PREFIXES + "CONSTRUCT { ?e a ?c ; rdfs:label ?l } WHERE { ?e a ?c ; rdfs:label ?l . ?c rdfs:subClassOf* kg:Event }"
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SIMPLE = PREFIXES + "ASK { ?event kg:evidence ?sentence }"


def _documents(*extractions):
    for extraction in extractions:
        graph = to_graph(extraction, content_hash=content_hash(extraction.article))
        yield document_iri(extraction.article.id), graph.serialize(format="nt")


def _hostile_extraction():
    """A second article whose armed force is named like an HTML injection."""
    extraction = sample_extraction("sample-2", text="Another sample text.")
    force = Entity(name=HOSTILE, kind="ArmedForce", key="actor:hostile")
    extraction.entities[force.key] = force
    extraction.events.append(Event(id="9-9", type="Attack", trigger="shelled", sentence_start=9,
                                   sentence=f"The group {HOSTILE} shelled Kupyansk.",
                                   roles=[Role("agent", force.key), Role("place", "geonames:703656")]))
    return extraction, entity_iri(force)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The store directory, the hostile actor's IRI and answers computed without the server."""
    folder = tmp_path_factory.mktemp("serve") / "store"
    hostile, hostile_iri = _hostile_extraction()
    zelensky = entity_iri(sample_extraction().entities["wd:Q3874799"])
    store = LocalStore(folder)
    store.replace_documents(_documents(sample_extraction(), hostile))
    expected = {"labels": store.select(LABELS), "events": store.construct(EVENTS), "triples": store.triple_count()}
    store.close()
    return {"dir": folder, "hostile": str(hostile_iri), "zelensky": str(zelensky), **expected}


@contextmanager
def running(folder, **options):
    server = make_server(str(folder), port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url.rstrip("/")
    finally:
        server.shutdown()
        server.close()


@pytest.fixture(scope="module")
def base(sample):
    with running(sample["dir"], timeout=60, max_rows=50, workers=2) as url:
        yield url


@pytest.fixture(scope="module")
def strict(sample):
    """A server with a one-second timeout and the default row cap."""
    with running(sample["dir"], timeout=1, workers=2) as url:
        yield url


def call(url, *, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get_sparql(base, query, accept=None, **extra):
    headers = {"Accept": accept} if accept else {}
    return call(f"{base}/sparql?" + urlencode({"query": query, **extra}), headers=headers)


def rows_of(body, fmt=ox.QueryResultsFormat.JSON):
    return sorted(tuple(str(term) for term in solution) for solution in ox.parse_query_results(body, format=fmt))


def expected_rows(result):
    return sorted((f"<{row['node']['value']}>", json.dumps(row["label"]["value"], ensure_ascii=False))
                  for row in result["results"]["bindings"])


# ---------------------------------------------------------------------------------- protocol

def test_negotiate_uses_q_values_specificity_and_server_order():
    offered = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
    assert negotiate(None, offered) == offered[0]
    assert negotiate("*/*", offered) == offered[0]
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", offered) == offered[1]
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("*/*;q=0.1, text/csv;q=0", offered) == offered[0]
    assert negotiate("image/png", offered) is None
    assert negotiate("*/*;q=0", offered) is None


@pytest.mark.parametrize("accept, media, fmt", [
    ("application/sparql-results+json", "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    (None, "application/sparql-results+json", ox.QueryResultsFormat.JSON),
])
def test_select_in_each_results_format(base, sample, accept, media, fmt):
    status, headers, body = get_sparql(base, LABELS, accept)
    assert status == 200, body
    assert headers["Content-Type"].split(";")[0] == media
    found = rows_of(body, fmt)
    assert found == expected_rows(sample["labels"])
    assert any(HOSTILE in label for _, label in found)
    assert ROW_CAP_HEADER not in headers


def test_select_as_csv(base, sample):
    status, headers, body = get_sparql(base, LABELS, "text/csv")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "node,label"
    assert len(lines) - 1 == len(sample["labels"]["results"]["bindings"])
    assert any(HOSTILE in line for line in lines)


@pytest.mark.parametrize("accept, expected", [("application/sparql-results+json", b'"boolean":true'),
                                              ("application/sparql-results+xml", b"<boolean>true</boolean>"),
                                              ("text/csv", b"true")])
def test_ask_in_each_results_format(base, accept, expected):
    status, headers, body = get_sparql(base, SIMPLE, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == accept
    assert expected in body


@pytest.mark.parametrize("accept, rdflib_format", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                                   ("application/ld+json", "json-ld")])
def test_construct_in_each_graph_format(base, sample, accept, rdflib_format):
    status, headers, body = get_sparql(base, EVENTS, accept)
    assert status == 200, body
    assert headers["Content-Type"].split(";")[0] == accept
    graph = Graph().parse(data=body, format=rdflib_format)
    assert graph.isomorphic(sample["events"]) and len(graph) > 0


def test_describe_defaults_to_turtle(base, sample):
    status, headers, body = get_sparql(base, f"DESCRIBE <{sample['zelensky']}>")
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "Volodymyr Zelensky" in body.decode("utf-8")


def test_post_form_and_direct_body_answer_like_get(base, sample):
    form = call(f"{base}/sparql", data=urlencode({"query": LABELS}).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"})
    direct = call(f"{base}/sparql", data=LABELS.encode(), headers={"Content-Type": "application/sparql-query"})
    for status, _, body in (form, direct):
        assert status == 200, body
        assert rows_of(body) == expected_rows(sample["labels"])


def test_unknown_accept_is_406(base):
    assert get_sparql(base, LABELS, "image/png")[0] == 406
    status, _, body = get_sparql(base, EVENTS, "text/csv")  # a results format for a graph
    assert status == 406 and b"CONSTRUCT" in body
    assert get_sparql(base, SIMPLE, "text/turtle")[0] == 406


def test_unknown_content_type_is_415(base):
    status, _, body = call(f"{base}/sparql", data=LABELS.encode(), headers={"Content-Type": "text/plain"})
    assert status == 415 and b"application/sparql-query" in body


def test_malformed_query_is_400_with_the_parsers_message(base):
    status, _, body = get_sparql(base, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400
    assert body.startswith(b"malformed SPARQL") and b"line:1" in body
    assert get_sparql(base, "   ")[0] == 400
    assert call(f"{base}/sparql")[0] == 400


def test_every_kind_of_update_is_refused_with_403(base, sample):
    insert = 'INSERT DATA { <http://example.org/a> <http://example.org/b> "c" }'
    attempts = [
        get_sparql(base, LABELS, update=insert),
        call(f"{base}/sparql", data=urlencode({"update": insert}).encode(),
             headers={"Content-Type": "application/x-www-form-urlencoded"}),
        call(f"{base}/sparql", data=insert.encode(), headers={"Content-Type": "application/sparql-update"}),
        get_sparql(base, insert),
        get_sparql(base, "DROP ALL"),
        call(f"{base}/sparql", data=b"CLEAR DEFAULT", headers={"Content-Type": "application/sparql-query"}),
    ]
    for status, _, body in attempts:
        assert status == 403, body
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, body = get_sparql(base, count)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(sample["triples"])


@pytest.mark.parametrize("query", [
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "LOAD <file:///etc/passwd>",
])
def test_files_and_network_are_out_of_reach(base, query):
    status, _, body = get_sparql(base, query)
    assert status == 403, body
    assert b"root:" not in body


def test_dataset_parameters_are_refused(base):
    assert get_sparql(base, LABELS, **{"default-graph-uri": "file:///etc/passwd"})[0] == 403
    assert get_sparql(base, LABELS, **{"named-graph-uri": "http://127.0.0.1:9/"})[0] == 403


def test_request_body_over_the_cap_is_413(base):
    big = "SELECT * WHERE { ?s ?p ?o }" + " " * 1_500_000
    status, _, body = call(f"{base}/sparql", data=big.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and b"1000000-byte cap" in body


def test_no_cors_header_and_foreign_origins_are_refused(base):
    status, headers, _ = get_sparql(base, SIMPLE)
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    for method in ("GET", "OPTIONS"):
        status, headers, _ = call(f"{base}/sparql?" + urlencode({"query": SIMPLE}), method=method,
                                  headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
        assert status in (403, 405) and "Access-Control-Allow-Origin" not in headers
    own = base.replace("http://", "")
    status, headers, _ = call(f"{base}/sparql?" + urlencode({"query": SIMPLE}), headers={"Origin": f"http://{own}"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers


def test_a_foreign_host_name_is_refused(base):
    status, _, body = call(f"{base}/sparql?" + urlencode({"query": SIMPLE}), headers={"Host": "evil.example"})
    assert status == 403 and b"loopback" in body


def test_row_cap_is_said_in_a_header_when_hit(base, sample):
    everything = "SELECT * WHERE { ?s ?p ?o }"
    status, headers, body = get_sparql(base, everything)
    assert status == 200 and headers[ROW_CAP_HEADER] == "50; truncated"
    assert len(json.loads(body)["results"]["bindings"]) == 50
    status, headers, body = get_sparql(base, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert headers[ROW_CAP_HEADER] == "50; truncated" and len(body.splitlines()) == 50
    status, headers, _ = get_sparql(base, everything + " LIMIT 50")
    assert status == 200 and ROW_CAP_HEADER not in headers


def test_a_cartesian_select_stops_at_the_default_row_cap(strict):
    status, headers, body = get_sparql(strict, CARTESIAN, "text/tab-separated-values")
    assert status == 200 and headers[ROW_CAP_HEADER] == "10000; truncated"
    assert len(body.splitlines()) == 10_001


def test_methods_and_paths(base):
    assert call(f"{base}/sparql", method="PUT", data=b"x")[0] == 405
    assert call(f"{base}/sparql", method="DELETE")[0] == 405
    assert call(f"{base}/nowhere")[0] == 404
    assert call(f"{base}/queries", method="POST", data=b"", headers={"Content-Type": "text/plain"})[0] == 405


# ---------------------------------------------------------------------------------- named queries

def test_named_queries_are_listed_with_their_parameters(base):
    status, headers, body = call(f"{base}/queries")
    assert status == 200 and headers["Content-Type"] == "application/json"
    listing = {q["name"]: q for q in json.loads(body)["queries"]}
    assert {"who", "where", "when", "events", "claims"} <= set(listing)
    place = next(p for p in listing["who"]["parameters"] if p["name"] == "place")
    assert place["type"] == "name" and place["required"] is False
    assert next(p for p in listing["where"]["parameters"] if p["name"] == "actor")["required"] is True
    assert "actorLabel" in listing["who"]["columns"]


def test_a_named_query_runs_with_bound_parameters(base):
    status, _, body = call(f"{base}/queries/who?" + urlencode({"place": "Kupyansk", "event_type": "Visit"}))
    assert status == 200, body
    labels = {row["actorLabel"]["value"] for row in json.loads(body)["results"]["bindings"]}
    assert labels == {"Volodymyr Zelensky"}
    status, headers, body = call(f"{base}/queries/where?actor=zelenskiy", headers={"Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "Kupyansk command post" in body.decode("utf-8")


@pytest.mark.parametrize("path, status, words", [
    ("/queries/who?nope=1", 400, b"no parameter 'nope'"),
    ("/queries/who?date_from=yesterday", 400, b"YYYY-MM-DD"),
    ("/queries/where", 400, b"actor"),
    ("/queries/who?place=a&place=b", 400, b"one place="),
    ("/queries/nothing", 404, b"unknown query"),
])
def test_bad_named_query_requests(base, path, status, words):
    got, _, body = call(base + path)
    assert got == status and words in body


def test_injection_through_a_parameter_matches_nothing(base, sample):
    for value in ('nope" || true || "', "} ; DROP ALL ; {", "Kupyansk\n} UNION { ?s ?p ?o"):
        status, _, body = call(f"{base}/queries/who?" + urlencode({"place": value}))
        assert status == 200 and json.loads(body)["results"]["bindings"] == []


# ---------------------------------------------------------------------------------- pages

def _policy(headers):
    return headers["Content-Security-Policy"]


def test_the_page_escapes_a_hostile_label_and_links_nodes(base, sample):
    status, headers, body = call(f"{base}/?" + urlencode({"query": LABELS}))
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert HOSTILE not in page and "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert f'href="/node?iri={quote(sample["zelensky"], safe="")}"' in page
    policy = _policy(headers)
    assert "default-src 'none'" in policy and "script-src" not in policy and "unsafe" not in policy
    assert "<script" not in page and not re.search(r"(src|href)=\"(https?:)?//", page)


def test_the_page_offers_every_named_query_as_a_form(base):
    status, _, body = call(f"{base}/")
    page = body.decode("utf-8")
    assert status == 200
    for name in ("who", "where", "when", "events", "claims"):
        assert f'name="named" value="{name}"' in page
    status, _, body = call(f"{base}/?" + urlencode({"named": "who", "place": "Kupyansk", "event_type": ""}))
    assert status == 200 and "Volodymyr Zelensky" in body.decode("utf-8")
    status, _, body = call(f"{base}/?" + urlencode({"query": "SELEC"}))
    assert status == 400 and "malformed SPARQL" in body.decode("utf-8")


def test_a_node_page_shows_triples_evidence_and_a_focus_graph(base, sample):
    status, headers, body = call(f"{base}/node?" + urlencode({"iri": sample["hostile"]}))
    page = body.decode("utf-8")
    assert status == 200, page
    assert "<img" not in page and "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>" in page
    assert "The group &lt;img src=x onerror=alert(1)&gt; shelled Kupyansk." in page
    assert f'src="/graph?iri={quote(sample["hostile"], safe="")}"' in page
    assert "frame-src 'self'" in _policy(headers)
    status, _, body = call(f"{base}/node?" + urlencode({"iri": sample["zelensky"]}))
    assert status == 200 and "The president visited a command post in Kupyansk." in body.decode("utf-8")
    assert call(f"{base}/node?iri=not%20an%20iri")[0] == 400


def test_the_focus_graph_is_a_pinned_offline_page(base, sample):
    status, headers, body = call(f"{base}/graph?" + urlencode({"iri": sample["hostile"]}))
    page = body.decode("utf-8")
    assert status == 200, page
    policy = _policy(headers)
    assert "script-src 'sha256-" in policy and "frame-ancestors 'self'" in policy and "unsafe" not in policy.split(
        "script-src")[1].split(";")[0]
    assert "<img" not in page and "onerror=alert(1)" in page  # only inside escaped JSON data
    assert "Kupyansk" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"(https?:)?//", page)
    status, _, _ = call(f"{base}/graph?" + urlencode({"iri": "https://w3id.org/newskg#Visit"}))
    assert status == 404


# ---------------------------------------------------------------------------------- runaway queries

def test_a_runaway_query_is_cut_while_others_are_answered(strict):
    outcome = {}

    def runaway():
        outcome["runaway"] = get_sparql(strict, RUNAWAY)
        outcome["runaway_done"] = time.monotonic()

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    status, _, body = get_sparql(strict, SIMPLE)
    simple_done = time.monotonic()
    thread.join(60)
    assert status == 200 and b"true" in body
    assert simple_done < outcome["runaway_done"]  # answered while the runaway was still running
    status, _, body = outcome["runaway"]
    assert status == 503 and b"cut after 1 s" in body
    for _ in range(3):  # the cut worker is replaced; the server goes on
        assert get_sparql(strict, SIMPLE)[0] == 200


def test_a_query_over_the_memory_cap_is_cut(sample):
    ordered = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?i"
    with running(sample["dir"], timeout=60, workers=1, max_memory_mb=300) as url:
        status, _, body = get_sparql(url, ordered)
        assert status == 503 and b"more than 300 MB" in body
        assert get_sparql(url, SIMPLE)[0] == 200


# ---------------------------------------------------------------------------------- store and CLI

def test_answers_follow_a_finished_ingest(tmp_path):
    folder = tmp_path / "store"
    store = LocalStore(folder)
    store.replace_documents(_documents(sample_extraction()))
    store.close()
    with running(folder, workers=1) as url:
        assert get_sparql(url, LABELS)[0] == 200
        assert HOSTILE.encode() not in get_sparql(url, LABELS)[2]
        store = LocalStore(folder)
        store.replace_documents(_documents(_hostile_extraction()[0]))
        store.close()
        labels = {row["label"]["value"] for row in json.loads(get_sparql(url, LABELS)[2])["results"]["bindings"]}
        assert HOSTILE in labels


def test_kg_serve_command_starts_answers_and_stops(sample, tmp_path):
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg.cli"]
    process = subprocess.Popen([*command, "serve", "--store", str(sample["dir"]), "--port", "0", "--workers", "1",
                                "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+)/ ", line)
        assert match, (line, process.stderr.read() if process.poll() is not None else "")
        assert get_sparql(match.group(1), SIMPLE)[0] == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    assert process.returncode == 0
    missing = subprocess.run([*command, "serve", "--store", str(tmp_path / "none"), "--port", "0"],
                             capture_output=True, text=True, timeout=120, env={**os.environ})
    assert missing.returncode == 1 and "no store at" in missing.stderr
