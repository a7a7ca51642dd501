"""Where graphs live: an embedded pyoxigraph store on disk, or a remote SPARQL 1.1 server.

One named graph per article, replaced in one transaction (a single SPARQL Update of DROP + INSERT
DATA), so a store never holds half an article. Queries see the union of the article graphs (and
the ontology graph) as their default graph.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from rdflib import Graph, URIRef

from .errors import StoreError, StoreLockedError
from .paths import QUERIES_DIR, ontology_file
from .vocab import ONTOLOGY_GRAPH

__all__ = ["Store", "LocalStore", "RemoteStore", "open_store", "default_location", "DocumentGraph", "stats",
           "article_graph", "check"]

#: An article graph to store: its name and its triples as N-Triples text.
DocumentGraph = tuple[URIRef, str]


def default_location() -> str:
    return os.environ.get("KG_STORE") or "kg-store"


def _system_query(name: str) -> str:
    return (QUERIES_DIR / "system" / f"{name}.rq").read_text(encoding="utf-8")


def _ntriples_block(graph: Graph) -> str:
    """Triples as N-Triples text: every term serialised by the RDF library, never by hand."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _replace_update(name: URIRef, ntriples: str) -> str:
    return f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples}}} }}"


class Store(Protocol):
    location: str

    def document_hashes(self) -> dict[str, str]: ...
    def replace_documents(self, graphs: Iterable[DocumentGraph]) -> int: ...
    def remove_document(self, name: URIRef) -> bool: ...
    def select(self, query: str) -> dict[str, Any]: ...
    def construct(self, query: str) -> Graph: ...
    def export(self, out: Any, *, format: str) -> None: ...
    def triple_count(self) -> int: ...
    def close(self) -> None: ...


class LocalStore:
    """pyoxigraph on disk: one writer process at a time, any number of read-only readers."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.location = str(path)
        self.read_only = read_only
        target = Path(path)
        try:
            if read_only:
                if not (target / "CURRENT").exists():
                    raise StoreError(f"no store at {target}: expected a directory made by `kg ingest`")
                self._store = ox.Store.read_only(str(target))
            else:
                target.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(target))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreLockedError(f"store {target} is in use by another kg process (an ingest?): "
                                       f"wait for it to finish and try again") from None
            raise StoreError(f"cannot open store {target}: {text}") from None
        if not read_only:
            self._ensure_ontology()

    def _ensure_ontology(self) -> None:
        ox = self._ox
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        data = ontology_file().read_bytes()
        marker = ox.NamedNode("urn:kg:ontology-hash")
        from .names import short_hash
        digest = short_hash(data.decode("utf-8"), length=32)
        current = list(self._store.quads_for_pattern(marker, marker, None, graph))
        if current and current[0].object.value == digest:
            return
        parsed = Graph().parse(data=data, format="turtle")
        update = f"DROP SILENT GRAPH <{ONTOLOGY_GRAPH}> ;\nINSERT DATA {{ GRAPH <{ONTOLOGY_GRAPH}> {{\n" \
                 f"{_ntriples_block(parsed)}<{marker.value}> <{marker.value}> \"{digest}\" .\n}} }}"
        self._write(update)

    def _write(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        try:
            self._store.update(update)
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc}") from None

    def document_hashes(self) -> dict[str, str]:
        result = self.select(_system_query("document_hashes"))
        return {row["doc"]["value"]: row["hash"]["value"] for row in result["results"]["bindings"]}

    def replace_documents(self, graphs: Iterable[DocumentGraph]) -> int:
        count = 0
        for name, graph in graphs:
            self._write(_replace_update(name, graph))
            count += 1
        return count

    def remove_document(self, name: URIRef) -> bool:
        exists = self._store.contains_named_graph(self._ox.NamedNode(str(name)))
        if exists:
            self._write(f"DROP GRAPH <{name}>")
        return exists

    def select(self, query: str) -> dict[str, Any]:
        ox = self._ox
        try:
            result = self._store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            from .errors import QueryError
            raise QueryError(f"malformed SPARQL: {exc}") from None
        if isinstance(result, ox.QueryTriples):
            from .errors import QueryError
            raise QueryError("expected a SELECT or ASK query, found CONSTRUCT/DESCRIBE")
        return json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))

    def construct(self, query: str) -> Graph:
        ox = self._ox
        try:
            result = self._store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            from .errors import QueryError
            raise QueryError(f"malformed SPARQL: {exc}") from None
        if not isinstance(result, ox.QueryTriples):
            from .errors import QueryError
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
        return Graph().parse(data=data, format="nt")

    def query_results(self, query: str) -> Any:
        """pyoxigraph's own result (solutions, boolean or triples), unread: `kg serve` streams it
        up to its row cap and serialises it in the format a client asked for."""
        try:
            return self._store.query(query, use_default_graph_as_union=True)
        except SyntaxError as exc:
            from .errors import QueryError
            raise QueryError(f"malformed SPARQL: {exc}") from None

    def construct_raw(self, query: str, *, format: str = "nt") -> bytes:
        ox = self._ox
        result = self._store.query(query, use_default_graph_as_union=True)
        fmt = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}[format]
        return result.serialize(format=fmt)

    def export(self, out: Any, *, format: str = "nquads") -> None:
        ox = self._ox
        fmt = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[format]
        self._store.dump(out, format=fmt)

    def quads(self) -> Iterator[Any]:
        return iter(self._store)

    def triple_count(self) -> int:
        return len(self._store)

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        del self._store


class RemoteStore:
    """A SPARQL 1.1 server. A base URL means Oxigraph's layout: /query, /update, /store."""

    def __init__(self, url: str, *, query_url: str | None = None, update_url: str | None = None,
                 union_param: str | None = "union-default-graph", timeout: float = 60.0) -> None:
        import httpx

        base = url.rstrip("/")
        self.location = base
        self.query_url = query_url or f"{base}/query"
        self.update_url = update_url or f"{base}/update"
        self.union_param = union_param
        self._client = httpx.Client(timeout=timeout)

    def _post(self, url: str, body: str, content_type: str, accept: str, params: dict | None = None) -> bytes:
        import httpx

        try:
            response = self._client.post(url, content=body.encode("utf-8"), params=params or {},
                                         headers={"Content-Type": content_type, "Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach SPARQL server {url}: {exc}") from None
        if response.status_code >= 400:
            from .errors import QueryError
            raise QueryError(f"SPARQL server {url} answered {response.status_code}: {response.text[:300]}")
        return response.content

    def _query_params(self) -> dict:
        return {self.union_param: ""} if self.union_param else {}

    def document_hashes(self) -> dict[str, str]:
        result = self.select(_system_query("document_hashes"))
        return {row["doc"]["value"]: row["hash"]["value"] for row in result["results"]["bindings"]}

    def replace_documents(self, graphs: Iterable[DocumentGraph]) -> int:
        count = 0
        for name, graph in graphs:
            self._post(self.update_url, _replace_update(name, graph), "application/sparql-update", "*/*")
            count += 1
        return count

    def ensure_ontology(self) -> None:
        parsed = Graph().parse(ontology_file(), format="turtle")
        self.replace_documents([(ONTOLOGY_GRAPH, _ntriples_block(parsed))])

    def remove_document(self, name: URIRef) -> bool:
        ask = self.select(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
        if ask.get("boolean"):
            self._post(self.update_url, f"DROP GRAPH <{name}>", "application/sparql-update", "*/*")
        return bool(ask.get("boolean"))

    def select(self, query: str) -> dict[str, Any]:
        data = self._post(self.query_url, query, "application/sparql-query", "application/sparql-results+json",
                          self._query_params())
        return json.loads(data)

    def construct(self, query: str) -> Graph:
        data = self._post(self.query_url, query, "application/sparql-query", "application/n-triples",
                          self._query_params())
        return Graph().parse(data=data, format="nt")

    def query_results(self, query: str) -> Any:
        """The server's answer as pyoxigraph results, like :meth:`LocalStore.query_results`."""
        import pyoxigraph as ox

        data = self._post(self.query_url, query, "application/sparql-query",
                          "application/sparql-results+json, application/n-triples;q=0.9", self._query_params())
        if data.lstrip()[:1] == b"{":
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return iter([quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])

    def export(self, out: Any, *, format: str = "nquads") -> None:
        data = self._post(self.query_url, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                          "application/sparql-query", "application/n-triples")
        out.write(data)

    def triple_count(self) -> int:
        result = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(result["results"]["bindings"][0]["n"]["value"])

    def close(self) -> None:
        self._client.close()


def open_store(location: str | Path | None = None, *, read_only: bool = False) -> Store:
    """A store by location: a directory for the embedded store, or an http(s) URL for a server."""
    where = str(location) if location else default_location()
    if where.startswith(("http://", "https://")):
        return RemoteStore(where)
    return LocalStore(where, read_only=read_only)


def stats(store: Store) -> dict[str, int]:
    """Counts shown by `kg stats`: triples in all graphs (the ontology's included) and things by kind."""
    result = store.select(_system_query("stats"))
    row = result["results"]["bindings"][0] if result["results"]["bindings"] else {}
    counts = {"triples": store.triple_count()}
    counts.update({name: int(row[name]["value"]) if name in row else 0 for name in result["head"]["vars"]})
    return counts


def article_graph(store: Store) -> Graph:
    """Every article's triples in one rdflib Graph (without the ontology), for drawing and export."""
    return store.construct(_system_query("graph"))


def check(store: Store) -> list[str]:
    """Integrity problems, one line each (empty when the store is sound): orphan events and claims,
    documents without hash, and SHACL violations of each article graph."""
    from pyshacl import validate

    from .paths import shapes_file

    problems = [f"{row['node']['value']}: {row['problem']['value']}"
                for row in store.select(_system_query("orphans"))["results"]["bindings"]]
    shapes = Graph().parse(shapes_file(), format="turtle")
    ontology = Graph().parse(ontology_file(), format="turtle")
    conforms, report, _ = validate(article_graph(store), shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    if not conforms:
        from rdflib import Namespace

        sh = Namespace("http://www.w3.org/ns/shacl#")
        for result in sorted(report.subjects(sh.resultSeverity, sh.Violation)):
            focus = report.value(result, sh.focusNode)
            path = report.value(result, sh.resultPath)
            message = report.value(result, sh.resultMessage)
            problems.append(f"{focus}: SHACL {path}: {message}")
    return problems
