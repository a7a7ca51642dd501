"""A real Oxigraph server on loopback as the store: `kg ingest --store URL` fills it and every named
query answers there what it answers on the embedded store; remove, export and `kg load` round-trip."""
from __future__ import annotations

import io
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from kg.ingest import ingest
from kg.model import Article
from kg.paths import EXAMPLES_DIR
from kg.query import bind, get_query, named_queries
from kg.read import read_articles
from kg.store import Endpoints, LocalStore, RemoteStore, open_store
from kg.to_rdf import document_iri

pytestmark = pytest.mark.model

#: Parameters for every named query: typical questions about the examples, and some with no answer.
PARAMETERS: dict[str, list[dict[str, str]]] = {
    "who": [{}, {"place": "Kupyansk"}, {"place": "Kharkiv region", "event_type": "Visit"},
            {"event_type": "Attack"}, {"date_from": "2023-12-01", "date_to": "2023-12-03"}, {"place": "Lviv"}],
    "where": [{"actor": "Zelensky"}, {"actor": "Russian Armed Forces"}, {"actor": "nobody at all"}],
    "when": [{}, {"actor": "Zelenskyy"}, {"place": "Odesa"}, {"event_type": "Strike"}],
    "events": [{}, {"place": "Odesa", "event_type": "Strike"}, {"actor": "Russia"},
               {"date_from": "2023-12-02"}, {"date_to": "2023-01-01"}],
    "claims": [{}, {"source": "Russian defence ministry"}, {"source": "General Staff of the Armed Forces of Ukraine"}],
}


def _oxigraph() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}: {process.stderr.read().decode()[:500]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not listen within 30 s")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def remote(server):
    done = _kg("ingest", str(EXAMPLES_DIR), "--store", server, "--workers", "1", "-q")
    assert done.returncode == 0, done.stderr
    assert "stored 3 article(s)" in done.stdout
    store = open_store(server, read_only=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def local(tmp_path_factory, nlp):
    store = LocalStore(tmp_path_factory.mktemp("embedded") / "store")
    report = ingest([EXAMPLES_DIR], store=store, workers=1)
    assert report.stored == 3 and not report.errors
    yield store
    store.close()


def _answer(store, name: str, params: dict[str, str]) -> Counter:
    """Rows as a multiset of cells (kind, value, datatype, language): order and row order aside."""
    result = store.select(bind(get_query(name), params))
    return Counter(tuple(sorted((var, cell["type"], cell["value"], cell.get("datatype"), cell.get("xml:lang"))
                                for var, cell in row.items()))
                   for row in result["results"]["bindings"])


def test_the_parameter_table_covers_every_named_query():
    assert set(PARAMETERS) == set(named_queries())


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_every_named_query_answers_the_same_on_the_server(remote, local, name):
    answered = 0
    for params in PARAMETERS[name]:
        expected = _answer(local, name, params)
        assert _answer(remote, name, params) == expected, (name, params)
        answered += bool(expected)
    assert answered, f"{name}: no parameter set had an answer on the examples, so the comparison proves little"


def test_the_server_holds_what_the_embedded_store_holds(remote, local):
    assert remote.document_hashes() == local.document_hashes()
    assert remote.triple_count() == local.triple_count()


LABELS = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT (COUNT(*) AS ?rows) (COUNT(DISTINCT CONCAT(STR(?s), ?l)) AS ?distinct) WHERE { ?s rdfs:label ?l }")


def test_queries_read_the_merged_default_graph_not_the_servers_union(remote, server):
    """Oxigraph's union-default-graph parameter works, but repeats a triple once per graph holding
    it (a bag), and joins multiply the repeats (`who` over the union of just the three examples takes
    minutes); the default graph kg keeps is their merge, a set."""
    def counts(store):
        row = store.select(LABELS)["results"]["bindings"][0]
        return int(row["rows"]["value"]), int(row["distinct"]["value"])

    assert remote.endpoints.union is None and remote.endpoints.merge
    union = RemoteStore(server, endpoints=Endpoints(query=f"{server}/query", union="union-default-graph"),
                        read_only=True)
    try:
        rows, distinct = counts(union)
        assert rows > distinct, "the examples share actors and places between articles"
        assert counts(remote) == (distinct, distinct)
    finally:
        union.close()


def test_second_ingest_finds_everything_unchanged(remote, server):
    done = _kg("ingest", str(EXAMPLES_DIR), "--store", server, "--workers", "1", "-q")
    assert done.returncode == 0, done.stderr
    assert "stored 0 article(s), 3 unchanged" in done.stdout


def test_remove_then_load_an_export_restores_the_store(remote, local, server, tmp_path):
    article_id = next(a.id for a in read_articles([EXAMPLES_DIR]) if isinstance(a, Article))
    name = str(document_iri(article_id))
    assert name in local.document_hashes()

    done = _kg("remove", article_id, "--store", server)
    assert done.returncode == 0, done.stderr
    assert name not in remote.document_hashes()
    assert _kg("remove", article_id, "--store", server).returncode == 1

    dump = tmp_path / "examples.nq"
    with dump.open("wb") as handle:
        local.export(handle, format="nquads")
    done = _kg("load", str(dump), "--store", server)
    assert done.returncode == 0, done.stderr
    assert remote.document_hashes() == local.document_hashes()
    assert _answer(remote, "events", {}) == _answer(local, "events", {})


def test_export_from_the_server_loads_into_an_embedded_store(remote, local, tmp_path):
    buffer = io.BytesIO()
    remote.export(buffer, format="nquads")
    dump = tmp_path / "server.nq"
    dump.write_bytes(buffer.getvalue())
    restored = LocalStore(tmp_path / "restored")
    try:
        restored.load(dump)
        assert restored.document_hashes() == local.document_hashes()
        for name in PARAMETERS:
            assert _answer(restored, name, PARAMETERS[name][0]) == _answer(local, name, PARAMETERS[name][0])
    finally:
        restored.close()
