"""The store in other formats: RDF for other triple stores, graphs for Gephi, GeoJSON for QGIS or
kepler.gl, and the events table as CSV.

* ``nquads`` and ``trig``: the whole store, every named graph (the ontology's too), streamed.
* ``turtle`` and ``jsonld``: the article graphs merged into one graph (no ontology), with the
  project's prefixes.
* ``graphml`` and ``gexf``: the graph ``kg viz`` draws (actors, places, events, equipment and their
  labelled edges), every node, with kinds, colours and tooltips as attributes.
* ``geojson``: places and events with coordinates (see :func:`kg.views.geojson`).
* ``csv``: the named query ``events`` in the SPARQL CSV format.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import QueryError, StoreError

__all__ = ["FORMATS", "export", "export_to_file", "write_atomically", "atomic_output"]

#: Format name -> what it holds (shown by ``kg export --help`` and in error messages).
FORMATS: dict[str, str] = {
    "turtle": "article graphs merged, Turtle",
    "nquads": "the whole store with its named graphs, N-Quads (streamed)",
    "trig": "the whole store with its named graphs, TriG",
    "jsonld": "article graphs merged, JSON-LD",
    "graphml": "the drawn graph for Gephi and other graph tools, GraphML",
    "gexf": "the drawn graph for Gephi, GEXF 1.2",
    "geojson": "places and events with coordinates, a GeoJSON FeatureCollection",
    "csv": "the events table (named query events), CSV",
}


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[IO[bytes]]:
    """A binary handle on a temporary file beside ``out``, renamed onto it when the block ends
    without error (and removed when it fails): readers see the old file or the new, never half."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(out: Path, data: bytes) -> None:
    with atomic_output(out) as handle:
        handle.write(data)


def export(store: Any, out: IO[bytes], *, format: str) -> None:
    """Write the store to the binary stream ``out`` in ``format`` (one of :data:`FORMATS`)."""
    if format not in FORMATS:
        raise QueryError(f"unknown export format {format!r}: expected one of {', '.join(FORMATS)}")
    if format in ("nquads", "trig"):
        _dataset(store, out, format=format)
    elif format in ("turtle", "jsonld"):
        _merged(store, out, format=format)
    elif format in ("graphml", "gexf"):
        _network(store, out, format=format)
    elif format == "geojson":
        from .views import collect, geojson

        text = json.dumps(geojson(collect(store)), ensure_ascii=False, indent=1, sort_keys=False)
        out.write(text.encode("utf-8") + b"\n")
    else:
        from .query import format_results, get_query

        out.write(format_results(store.select(get_query("events").text), "csv").encode("utf-8"))


def export_to_file(store: Any, out: Path, *, format: str) -> Path:
    """:func:`export` into ``out``, which appears only once complete."""
    with atomic_output(out) as handle:
        export(store, handle, format=format)
    return Path(out)


def _dataset(store: Any, out: IO[bytes], *, format: str) -> None:
    """Every quad. The embedded store streams its own dump; a server is read with one SELECT."""
    from .store import LocalStore

    if isinstance(store, LocalStore):
        store.export(out, format=format)
        return
    import pyoxigraph as ox

    from .paths import QUERIES_DIR

    text = (QUERIES_DIR / "system" / "quads.rq").read_text(encoding="utf-8")
    quads = [ox.Quad(_term(b["s"]), _term(b["p"]), _term(b["o"]), _term(b["g"]))
             for b in store.select(text)["results"]["bindings"]]
    fmt = ox.RdfFormat.N_QUADS if format == "nquads" else ox.RdfFormat.TRIG
    ox.serialize(quads, out, fmt)


def _term(cell: dict[str, str]) -> Any:
    """A W3C SPARQL JSON result cell as a pyoxigraph term."""
    import pyoxigraph as ox

    kind = cell["type"]
    if kind == "uri":
        return ox.NamedNode(cell["value"])
    if kind == "bnode":
        return ox.BlankNode(cell["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in cell:
            return ox.Literal(cell["value"], language=cell["xml:lang"])
        if "datatype" in cell:
            return ox.Literal(cell["value"], datatype=ox.NamedNode(cell["datatype"]))
        return ox.Literal(cell["value"])
    raise StoreError(f"unexpected term type {kind!r} in the server's answer: expected uri, bnode or literal")


def _merged(store: Any, out: IO[bytes], *, format: str) -> None:
    """The article graphs as one graph, duplicates removed, subjects in a stable order."""
    import pyoxigraph as ox

    from .store import LocalStore, article_graph
    from .vocab import NAMESPACES

    if isinstance(store, LocalStore):  # no detour through rdflib: millions of triples stay fast
        from .paths import QUERIES_DIR

        data = store.construct_raw((QUERIES_DIR / "system" / "graph.rq").read_text(encoding="utf-8"), format="nt")
    else:
        data = article_graph(store).serialize(format="nt", encoding="utf-8")
    lines = sorted(set(data.decode("utf-8").splitlines()))  # the same store gives the same bytes
    memory = ox.Store()
    memory.bulk_load(io.BytesIO(("\n".join(lines) + "\n").encode("utf-8")), ox.RdfFormat.N_TRIPLES)
    fmt = ox.RdfFormat.TURTLE if format == "turtle" else ox.RdfFormat.JSON_LD
    memory.dump(out, fmt, from_graph=ox.DefaultGraph(), prefixes=dict(sorted(NAMESPACES.items())))


def _network(store: Any, out: IO[bytes], *, format: str) -> None:
    """The graph ``kg viz`` builds, uncapped: node and edge attributes as GraphML/GEXF data."""
    import networkx as nx

    from .store import article_graph
    from .viz import to_networkx

    drawn = to_networkx(article_graph(store), max_nodes=10**12)
    graph = nx.MultiDiGraph()
    for node, data in drawn.nodes(data=True):
        graph.add_node(node, **{k: str(v) for k, v in data.items() if v is not None})
    for u, v, key, data in drawn.edges(keys=True, data=True):
        graph.add_edge(u, v, key=key, label=str(data.get("label", key)))
    if format == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
        return
    for _, data in graph.nodes(data=True):  # Gephi reads colours from the viz namespace
        colour = data.get("color", "#999999").lstrip("#")
        data["viz"] = {"color": {"r": int(colour[0:2], 16), "g": int(colour[2:4], 16), "b": int(colour[4:6], 16),
                                 "a": 1.0}}
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(graph)
    meta = writer.xml.find("meta")
    if meta is not None:  # the writer stamps today's date: drop it, so the same store gives the same bytes
        meta.attrib.pop("lastmodifieddate", None)
    writer.write(out)
