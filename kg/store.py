"""Where graphs live: an embedded pyoxigraph store on disk, or a remote SPARQL 1.1 server.

One named graph per article, replaced in one transaction (a single SPARQL Update of DROP + INSERT
DATA), so a store never holds half an article. The default graph holds the merge of the named
graphs (the article graphs and the ontology graph), kept by the same updates, and queries run over
it. Oxigraph's own union of the graphs is a bag, not a set: a triple that 3,000 headlines repeat
comes back 3,000 times and every join multiplies that, which makes queries on a large store blow
up; the merged graph is a set, and any SPARQL server has a default graph.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from rdflib import Graph, URIRef

from .errors import InputError, KgError, QueryError, StoreError, StoreLockedError
from .paths import QUERIES_DIR, ontology_file
from .vocab import ONTOLOGY_GRAPH

__all__ = ["Store", "LocalStore", "RemoteStore", "Endpoints", "SERVERS", "ENDPOINT_VARIABLES", "open_store",
           "default_location",
           "DocumentGraph", "stats", "article_graph", "check"]

#: An article graph to store: its name and its triples as N-Triples text.
DocumentGraph = tuple[URIRef, str]


def default_location() -> str:
    return os.environ.get("KG_STORE") or "kg-store"


def _system_query(name: str) -> str:
    return (QUERIES_DIR / "system" / f"{name}.rq").read_text(encoding="utf-8")


@cache
def _system_update(name: str) -> str:
    return (QUERIES_DIR / "system" / f"{name}.ru").read_text(encoding="utf-8")


def _ntriples_block(graph: Graph) -> str:
    """Triples as N-Triples text: every term serialised by the RDF library, never by hand."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _replace_update(name: URIRef, ntriples: str, *, merge: bool = True) -> str:
    """One update: the graph's triples out of the merged default graph (unless another graph holds
    them), the graph replaced, its triples merged in again."""
    parts = [f"DROP SILENT GRAPH <{name}>", f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples}}} }}"]
    if merge:
        parts = [_bind_iri(_system_update("unmerge_graph"), "graph", name), *parts,
                 _bind_iri(_system_update("merge_graph"), "graph", name)]
    return " ;\n".join(parts)


def _drop_update(name: URIRef, *, merge: bool = True) -> str:
    drop = f"DROP SILENT GRAPH <{name}>"
    return f"{_bind_iri(_system_update('unmerge_graph'), 'graph', name)} ;\n{drop}" if merge else drop


#: The triple that records which ontology a store holds (its hash), in the ontology graph.
_ONTOLOGY_MARKER = "urn:kg:ontology-hash"


def _ontology_block() -> tuple[str, str]:
    """The ontology's hash and its triples as N-Triples, the marker triple included."""
    from rdflib import Literal

    from .names import short_hash

    data = ontology_file().read_bytes()
    digest = short_hash(data.decode("utf-8"), length=32)
    graph = Graph().parse(data=data, format="turtle")
    graph.add((URIRef(_ONTOLOGY_MARKER), URIRef(_ONTOLOGY_MARKER), Literal(digest)))
    return digest, _ntriples_block(graph)


class Store(Protocol):
    location: str

    def document_hashes(self) -> dict[str, str]: ...
    def replace_documents(self, graphs: Iterable[DocumentGraph]) -> int: ...
    def remove_document(self, name: URIRef) -> bool: ...
    def select(self, query: str) -> dict[str, Any]: ...
    def construct(self, query: str) -> Graph: ...
    def export(self, out: Any, *, format: str) -> None: ...
    def load(self, path: str | Path) -> None: ...
    def triple_count(self) -> int: ...
    def close(self) -> None: ...


#: What opening says of a store killed while it was created: RocksDB's column families are not all there
#: yet, or Oxigraph has not written its storage version (a read-only open would have to write it).
_UNFINISHED_STORE = ("column family not found", "only possible on read-write instances")


def _unfinished_hint(message: str) -> str:
    if not any(sign in message.lower() for sign in _UNFINISHED_STORE):
        return ""
    return ": the store was interrupted while it was created; open it for writing once (`kg ingest`) to complete it"


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
        except (OSError, RuntimeError) as exc:
            text = str(exc)
            if isinstance(exc, OSError) and "lock" in text.lower():
                raise StoreLockedError(f"store {target} is in use by another kg process (an ingest?): "
                                       f"wait for it to finish and try again") from None
            raise StoreError(f"cannot open store {target}: {text}{_unfinished_hint(text)}") from None
        # a store written before the merged default graph existed is read as the (slow) union
        # until it is next opened for writing, which merges it once
        self._union = not self._has_merge()
        if not read_only:
            if self._union and next(iter(self._store.named_graphs()), None) is not None:
                self._merge_all()
            self._union = False
            self._ensure_ontology()

    def _has_merge(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, self._ox.DefaultGraph())), None) is not None

    def _merge_all(self) -> None:
        """Every named graph's triples into the merged default graph, in bulk, 100,000 at a time."""
        ox = self._ox
        batch: list[Any] = []
        for quad in self.quads():
            batch.append(ox.Quad(quad.subject, quad.predicate, quad.object, ox.DefaultGraph()))
            if len(batch) >= 100_000:
                self._store.bulk_extend(batch)
                batch = []
        if batch:
            self._store.bulk_extend(batch)

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
        block = f"{_ntriples_block(parsed)}<{marker.value}> <{marker.value}> \"{digest}\" .\n"
        self._write(_replace_update(ONTOLOGY_GRAPH, block))

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
            self._write(_drop_update(name))
        return exists

    def select(self, query: str) -> dict[str, Any]:
        ox = self._ox
        try:
            result = self._store.query(query, use_default_graph_as_union=self._union)
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
            result = self._store.query(query, use_default_graph_as_union=self._union)
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
            return self._store.query(query, use_default_graph_as_union=self._union)
        except SyntaxError as exc:
            from .errors import QueryError
            raise QueryError(f"malformed SPARQL: {exc}") from None

    def construct_raw(self, query: str, *, format: str = "nt") -> bytes:
        ox = self._ox
        result = self._store.query(query, use_default_graph_as_union=self._union)
        fmt = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}[format]
        return result.serialize(format=fmt)

    def export(self, out: Any, *, format: str = "nquads") -> None:
        ox = self._ox
        fmt = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[format]
        ox.serialize(self.quads(), out, fmt)  # the named graphs: a load merges them again

    def load(self, path: str | Path) -> None:
        """Quads from an N-Quads (or TriG) dump such as `kg export --format nquads` writes, in bulk
        (pyoxigraph's atomic bulk loader); the dump's ontology graph gives way to the current one."""
        fmt = _dataset_format(path)
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        try:
            self._store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as exc:
            raise InputError(path, f"not valid {fmt.name}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot load {path} into store {self.location}: {exc}") from None
        self._write(_drop_update(ONTOLOGY_GRAPH))
        self._merge_all()
        self._ensure_ontology()

    def quads(self) -> Iterator[Any]:
        """The quads of the named graphs (the merged default graph is derived from them)."""
        default = self._ox.DefaultGraph()
        return (quad for quad in self._store if quad.graph_name != default)

    def triple_count(self) -> int:
        """Triples in the named graphs, counted as on a server (a triple in two graphs counts twice)."""
        result = self.select(_system_query("triple_count"))
        return int(result["results"]["bindings"][0]["triples"]["value"])

    def close(self) -> None:
        """Flush and release the store; a failed flush (a full disk) loses nothing the write-ahead
        log holds, and is a StoreError like any failed write."""
        try:
            if not self.read_only:
                self._store.flush()
        except OSError as exc:
            raise StoreError(f"cannot flush store {self.location}: {exc}") from None
        finally:
            del self._store


#: Endpoint layouts of SPARQL servers, from a base URL (``{base}``): Oxigraph's is the default.
#: ``dataset`` answers GET with the whole store as N-Quads and takes POSTed N-Quads. ``merge``: kg
#: keeps the merged default graph itself (see the module's docstring); GraphDB, Virtuoso and QLever
#: already answer queries over all their graphs. Only Oxigraph's layout is exercised by the tests;
#: the others follow each server's manual.
SERVERS: dict[str, dict[str, Any]] = {
    "oxigraph": {"query": "{base}/query", "update": "{base}/update", "dataset": "{base}/store", "merge": True},
    "fuseki": {"query": "{base}/query", "update": "{base}/update", "dataset": "{base}", "merge": True},
    "graphdb": {"query": "{base}", "update": "{base}/statements", "dataset": "{base}/statements", "merge": False},
    "virtuoso": {"query": "{base}/sparql", "update": "{base}/sparql", "dataset": None, "merge": False},
    "qlever": {"query": "{base}", "update": None, "dataset": None, "merge": False},
}
#: Quads per SPARQL update when a server cannot take an N-Quads file whole.
LOAD_CHUNK = 20_000


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Where a server answers queries, takes updates, and gives or takes the whole dataset."""

    query: str
    update: str | None = None
    dataset: str | None = None
    #: whether kg keeps the merged default graph on this server
    merge: bool = True
    #: a query parameter asking the server for its union of all graphs as the default graph
    #: (Oxigraph's ``union-default-graph``): not needed with ``merge``, and a bag, not a set
    union: str | None = None

    @classmethod
    def for_server(cls, base: str, *, server: str = "oxigraph", query: str | None = None,
                   update: str | None = None, dataset: str | None = None) -> Endpoints:
        """The layout of ``server`` under ``base``, with any endpoint given explicitly taking over."""
        if server not in SERVERS:
            raise StoreError(f"unknown SPARQL server kind {server!r}: expected one of {', '.join(SERVERS)}")
        layout = SERVERS[server]
        base = base.rstrip("/")

        def url(name: str, given: str | None) -> str | None:
            pattern = layout[name]
            return given or (pattern.format(base=base) if pattern else None)

        return cls(query=url("query", query) or base, update=url("update", update),
                   dataset=url("dataset", dataset), merge=layout["merge"])


class RemoteStore:
    """A SPARQL 1.1 server (Query, Update, and the Graph Store Protocol on the whole dataset where
    the server has it). A base URL alone means Oxigraph's layout: /query, /update, /store."""

    def __init__(self, url: str, *, endpoints: Endpoints | None = None, read_only: bool = False,
                 timeout: float = 60.0) -> None:
        import httpx

        self.location = url.rstrip("/")
        self.endpoints = endpoints or Endpoints.for_server(self.location)
        self.read_only = read_only
        # kept for callers that read them
        self.query_url = self.endpoints.query
        self.update_url = self.endpoints.update
        self.union_param = self.endpoints.union
        self._client = httpx.Client(timeout=httpx.Timeout(timeout, connect=10.0))
        if not read_only:
            self.ensure_ontology()

    # ---- HTTP
    def _request(self, method: str, url: str, *, body: Any = None, content_type: str | None = None,
                 accept: str = "*/*", params: dict | None = None, error: type[KgError] = StoreError,
                 missing_ok: bool = False) -> Any:
        import httpx

        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        content = body.encode("utf-8") if isinstance(body, str) else body
        try:
            response = self._client.request(method, url, content=content, params=params or {}, headers=headers)
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach SPARQL server {url}: {type(exc).__name__}: {exc}") from None
        if missing_ok and response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise error(f"SPARQL server {url} answered {method} with {response.status_code}: "
                        f"{response.text[:300]}")
        return response

    def _query(self, query: str, accept: str) -> bytes:
        params = {self.endpoints.union: ""} if self.endpoints.union else {}
        return self._request("POST", self.endpoints.query, body=query, content_type="application/sparql-query",
                             accept=accept, params=params, error=QueryError).content

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        if not self.endpoints.update:
            raise StoreError(f"the SPARQL server at {self.location} was given no update endpoint: expected "
                             f"--update-url for a server that takes writes, found a read-only layout")
        self._request("POST", self.endpoints.update, body=update, content_type="application/sparql-update")

    def _post(self, url: str, body: str, content_type: str, accept: str, params: dict | None = None) -> bytes:
        """A POST answered with its body (queries as errors of kind QueryError)."""
        return self._request("POST", url, body=body, content_type=content_type, accept=accept, params=params,
                             error=QueryError).content

    def _query_params(self) -> dict:
        return {self.endpoints.union: ""} if self.endpoints.union else {}

    # ---- the Store protocol
    def ensure_ontology(self, *, force: bool = False) -> None:
        """The ontology graph, (re)written when missing or changed: queries follow its class tree."""
        digest, block = _ontology_block()
        if not force:
            found = self.select(_system_query("ontology_hash"))["results"]["bindings"]
            if [row["hash"]["value"] for row in found] == [digest]:
                return
        self._update(_replace_update(ONTOLOGY_GRAPH, block, merge=self.endpoints.merge))

    def document_hashes(self) -> dict[str, str]:
        result = self.select(_system_query("document_hashes"))
        return {row["doc"]["value"]: row["hash"]["value"] for row in result["results"]["bindings"]}

    def replace_documents(self, graphs: Iterable[DocumentGraph]) -> int:
        """All given graphs in one request: one transaction on servers that run an update request as
        one (Oxigraph, Fuseki), and one round trip per batch instead of one per article."""
        updates = [_replace_update(name, graph, merge=self.endpoints.merge) for name, graph in graphs]
        if updates:
            self._update(" ;\n".join(updates))
        return len(updates)

    def remove_document(self, name: URIRef) -> bool:
        ask = self.select(_bind_iri(_system_query("graph_exists"), "graph", name))
        if ask.get("boolean"):
            self._update(_drop_update(name, merge=self.endpoints.merge))
        return bool(ask.get("boolean"))

    def select(self, query: str) -> dict[str, Any]:
        return json.loads(self._query(query, "application/sparql-results+json"))

    def construct(self, query: str) -> Graph:
        return Graph().parse(data=self._query(query, "application/n-triples"), format="nt")

    def query_results(self, query: str) -> Any:
        """The server's answer as pyoxigraph results, like :meth:`LocalStore.query_results`."""
        import pyoxigraph as ox

        data = self._post(self.query_url, query, "application/sparql-query",
                          "application/sparql-results+json, application/n-triples;q=0.9", self._query_params())
        if data.lstrip()[:1] == b"{":
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return iter([quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)])

    def export(self, out: Any, *, format: str = "nquads") -> None:
        """Every quad, streamed from the dataset endpoint where there is one, else read with a SELECT."""
        import pyoxigraph as ox

        fmt = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[format]
        if self.endpoints.dataset:
            import httpx

            try:
                with self._client.stream("GET", self.endpoints.dataset, headers={"Accept": fmt.media_type}) as response:
                    if response.status_code >= 400:
                        response.read()
                        raise StoreError(f"SPARQL server {self.endpoints.dataset} answered GET with "
                                         f"{response.status_code}: {response.text[:300]}")
                    for chunk in response.iter_bytes():
                        out.write(chunk)
            except httpx.HTTPError as exc:
                raise StoreError(f"cannot read the dataset from {self.endpoints.dataset}: {exc}") from None
            return
        rows = self.select(_system_query("quads"))["results"]["bindings"]
        ox.serialize((ox.Quad(_ox_term(r["s"]), _ox_term(r["p"]), _ox_term(r["o"]), _ox_term(r["g"]))
                      for r in rows), out, fmt)

    def load(self, path: str | Path) -> None:
        """Quads from an N-Quads (or TriG) file: POSTed whole to the dataset endpoint, else sent as
        SPARQL updates of LOAD_CHUNK quads. The ontology is then made current again."""
        import pyoxigraph as ox

        fmt = _dataset_format(path)
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        if self.endpoints.dataset:
            with open(path, "rb") as handle:
                self._request("POST", self.endpoints.dataset, body=handle, content_type=fmt.media_type)
        else:
            try:
                batch: list[Any] = []
                for quad in ox.parse(path=str(path), format=fmt):
                    batch.append(quad)
                    if len(batch) >= LOAD_CHUNK:
                        self._update(_insert_data(batch))
                        batch = []
                if batch:
                    self._update(_insert_data(batch))
            except SyntaxError as exc:
                raise InputError(path, f"not valid {fmt.name}: {exc}") from None
        if self.endpoints.merge:
            self._update(_system_update("merge_all"))
        self.ensure_ontology(force=True)

    def triple_count(self) -> int:
        result = self.select(_system_query("triple_count"))
        return int(result["results"]["bindings"][0]["triples"]["value"])

    def close(self) -> None:
        self._client.close()


def _bind_iri(query: str, variable: str, iri: URIRef) -> str:
    """``query`` with ``?variable`` bound to ``iri`` by a VALUES row at the start of its WHERE clause
    (the term written by the RDF library, never pasted as text)."""
    head, brace, body = query.partition("WHERE {")
    if not brace:
        raise QueryError(f"expected a WHERE {{ clause to bind ?{variable} into")
    return f"{head}{brace}\n  VALUES ?{variable} {{ {URIRef(iri).n3()} }}{body}"


def _ox_term(cell: dict[str, str]) -> Any:
    """A W3C SPARQL JSON result cell as a pyoxigraph term."""
    import pyoxigraph as ox

    kind = cell["type"]
    if kind == "uri":
        return ox.NamedNode(cell["value"])
    if kind == "bnode":
        return ox.BlankNode(cell["value"])
    if "xml:lang" in cell:
        return ox.Literal(cell["value"], language=cell["xml:lang"])
    if "datatype" in cell:
        return ox.Literal(cell["value"], datatype=ox.NamedNode(cell["datatype"]))
    return ox.Literal(cell["value"])


def _insert_data(quads: list[Any]) -> str:
    """An INSERT DATA of pyoxigraph quads, each term in N-Triples syntax as pyoxigraph writes it."""
    import pyoxigraph as ox

    lines = []
    for quad in quads:
        triple = f"{quad.subject} {quad.predicate} {quad.object} ."
        if isinstance(quad.graph_name, ox.DefaultGraph):
            lines.append(triple)
        else:
            lines.append(f"GRAPH {quad.graph_name} {{ {triple} }}")
    return "INSERT DATA {\n" + "\n".join(lines) + "\n}"


def _dataset_format(path: str | Path) -> Any:
    import pyoxigraph as ox

    suffix = Path(path).suffix.lower()
    formats = {".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
    if suffix not in formats:
        raise InputError(path, f"unsupported dump type {suffix or '(none)'!r}: expected .nq, .nquads or .trig "
                               f"(from `kg export --format nquads`)")
    if not Path(path).is_file():
        raise InputError(path, "no such file")
    return formats[suffix]


#: Environment variables that configure a store on a SPARQL server (set by `kg --server ...`).
ENDPOINT_VARIABLES = {"server": "KG_SERVER", "query_url": "KG_QUERY_URL", "update_url": "KG_UPDATE_URL",
                      "dataset_url": "KG_DATASET_URL"}


def open_store(location: str | Path | None = None, *, read_only: bool = False, server: str | None = None,
               query_url: str | None = None, update_url: str | None = None,
               dataset_url: str | None = None) -> Store:
    """A store by location: a directory for the embedded store, or an http(s) URL of a SPARQL server
    laid out as ``server`` (Oxigraph by default), any endpoint given explicitly taking over. Options
    not given come from $KG_SERVER, $KG_QUERY_URL, $KG_UPDATE_URL and $KG_DATASET_URL."""
    where = str(location) if location else default_location()
    server = server or os.environ.get(ENDPOINT_VARIABLES["server"]) or "oxigraph"
    query_url = query_url or os.environ.get(ENDPOINT_VARIABLES["query_url"]) or None
    update_url = update_url or os.environ.get(ENDPOINT_VARIABLES["update_url"]) or None
    dataset_url = dataset_url or os.environ.get(ENDPOINT_VARIABLES["dataset_url"]) or None
    if where.startswith(("http://", "https://")):
        endpoints = Endpoints.for_server(where, server=server, query=query_url, update=update_url,
                                         dataset=dataset_url)
        return RemoteStore(where, endpoints=endpoints, read_only=read_only)
    if query_url or update_url or dataset_url:
        raise StoreError(f"endpoint URLs apply to a SPARQL server: expected an http(s) URL as the store, "
                         f"found the directory {where!r}")
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
