"""kg export: every format parses back to what the store holds, repeatably, and --out is atomic.

Uses the invented store of tests/test_views.py (no model needed).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.errors import QueryError
from kg.export import FORMATS, atomic_output, export, export_to_file
from tests.test_views import IMG_LABEL, SCRIPT_SENTENCE, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    opened = build_store(tmp_path_factory.mktemp("export") / "store")
    yield opened
    opened.close()


def _bytes(store: Any, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, out, format=fmt)
    return out.getvalue()


def _article_triples(store: Any) -> set[tuple]:
    from kg.store import article_graph
    return set(article_graph(store))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_repeatable(store: Any, fmt: str) -> None:
    first = _bytes(store, fmt)
    assert first and first == _bytes(store, fmt)


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("jsonld", "json-ld")])
def test_merged_graph_formats_hold_exactly_the_article_triples(store: Any, fmt: str, parser: str) -> None:
    parsed = Graph().parse(data=_bytes(store, fmt), format=parser)
    assert set(parsed) == _article_triples(store)


def test_turtle_uses_the_project_prefixes(store: Any) -> None:
    text = _bytes(store, "turtle").decode("utf-8")
    assert "@prefix kg: <https://w3id.org/newskg#> ." in text and "kg:evidence" in text


@pytest.mark.parametrize(("fmt", "rdf_format"), [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_dataset_formats_hold_every_quad_of_the_store(store: Any, fmt: str, rdf_format: Any) -> None:
    quads = set(ox.parse(_bytes(store, fmt), rdf_format))
    assert quads == set(store.quads())
    graphs = {str(q.graph_name.value) for q in quads}
    assert "https://w3id.org/newskg/id/graph/ontology" in graphs
    assert {"https://w3id.org/newskg/id/doc/harbour-bulletin", "https://w3id.org/newskg/id/doc/evening-note"} <= graphs


class _ServerLike:
    """A store seen only through SELECT, as a SPARQL server is."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def select(self, query: str) -> dict[str, Any]:
        return self.inner.select(query)


def test_a_server_store_exports_the_same_quads(store: Any) -> None:
    remote = set(ox.parse(_bytes(_ServerLike(store), "nquads"), ox.RdfFormat.N_QUADS))
    assert remote == set(store.quads())
    assert set(ox.parse(_bytes(_ServerLike(store), "trig"), ox.RdfFormat.TRIG)) == remote


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_hold_the_drawn_graph(store: Any, fmt: str, tmp_path: Path) -> None:
    from kg.store import article_graph
    from kg.viz import to_networkx

    drawn = to_networkx(article_graph(store), max_nodes=10**9)
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(_bytes(store, fmt))
    read = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert read.number_of_nodes() == drawn.number_of_nodes() == 13  # 4 events, 5 places, 3 actors, 1 equipment
    assert read.number_of_edges() == drawn.number_of_edges()
    labels = {data["label"] for _, data in read.nodes(data=True)}
    assert IMG_LABEL in labels  # data, kept as written: Gephi shows text
    kinds = {data["kind"] for _, data in read.nodes(data=True)}
    assert {"Strike", "Visit", "Settlement", "Person", "Equipment"} <= kinds
    edge_labels = {data["label"] for _, _, data in read.edges(data=True)}
    assert {"agent", "place", "equipment", "located in", "reported by"} <= edge_labels
    if fmt == "gexf":
        assert "lastmodifieddate" not in path.read_text(encoding="utf-8")
        assert 'viz:color r="230" g="159" b="0"' in path.read_text(encoding="utf-8")  # events in orange


def test_geojson_and_csv(store: Any) -> None:
    collection = json.loads(_bytes(store, "geojson"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 7
    assert any(f["properties"].get("agents") == [IMG_LABEL] for f in collection["features"])
    rows = list(csv.reader(io.StringIO(_bytes(store, "csv").decode("utf-8"))))
    assert rows[0][:4] == ["event", "eventType", "status", "date"]
    assert len({r[0] for r in rows[1:]}) == 4
    assert any(SCRIPT_SENTENCE in r for r in rows[1:])


def test_unknown_format_is_refused(store: Any) -> None:
    with pytest.raises(QueryError, match="expected one of turtle, nquads"):
        export(store, io.BytesIO(), format="xlsx")


def test_out_appears_only_when_complete(store: Any, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "store.nq"
    assert export_to_file(store, out, format="nquads") == out
    assert set(ox.parse(out.read_bytes(), ox.RdfFormat.N_QUADS)) == set(store.quads())
    out.write_bytes(b"old")
    with pytest.raises(QueryError):
        export_to_file(store, out, format="nope")
    assert out.read_bytes() == b"old"
    with pytest.raises(RuntimeError), atomic_output(out) as handle:
        handle.write(b"half")
        raise RuntimeError("interrupted")
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in out.parent.iterdir()) == ["store.nq"]  # no temporary left behind


def test_cli_export_to_stdout_and_file(store: Any, tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    location = str(store.location)
    printed = runner.invoke(app, ["export", "--format", "csv", "--store", location])
    assert printed.exit_code == 0 and printed.stdout.startswith("event,eventType,status")
    written = runner.invoke(app, ["export", "--format", "geojson", "--out", str(tmp_path / "e.geojson"),
                                  "--store", location])
    assert written.exit_code == 0
    assert json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    bad = runner.invoke(app, ["export", "--format", "xlsx", "--store", location])
    assert bad.exit_code == 2 and "unknown format 'xlsx'" in bad.output


# ---------------------------------------------------------------------------------- the notebook API

def test_notebook_api_queries_into_dataframes(store: Any) -> None:
    import kg
    from kg.query import bind  # the submodule stays a module ...

    assert kg.query.bind is bind  # ... and is the notebook function too
    who = kg.query(store, "who", place="Veldra Oblast", event_type="Visit")
    assert list(who.columns)[:4] == ["actor", "actorLabel", "actorType", "role"]
    assert who["actorLabel"].tolist() == [IMG_LABEL]
    assert str(who["date"].dtype).startswith("datetime64")
    events = kg.query(store, "events")
    assert str(events["sources"].dtype) == "Int64" and len(events) == 4
    by_location = kg.query(str(store.location), "events", actor="Quill Brigade")  # a path is opened read-only
    assert sorted(by_location["eventType"]) == ["Loss", "Meeting", "Strike"]
    counted = kg.sparql(store, "PREFIX kg: <https://w3id.org/newskg#> SELECT (COUNT(?e) AS ?n) WHERE { ?e kg:status ?s }")
    assert counted["n"].tolist() == [4]
    assert kg.sparql(store, "ASK { ?s ?p ?o }")["boolean"].tolist() == [True]
    triples = kg.sparql(store, "PREFIX kg: <https://w3id.org/newskg#> CONSTRUCT { ?s kg:evidence ?o } "
                               "WHERE { ?s kg:evidence ?o }")
    assert list(triples.columns) == ["subject", "predicate", "object"] and SCRIPT_SENTENCE in set(triples["object"])
    with pytest.raises(QueryError, match="updates are refused"):
        kg.sparql(store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(QueryError, match="unknown query"):
        kg.query(store, "whom")


def test_draw_shows_inline_as_an_escaped_srcdoc(store: Any, tmp_path: Path) -> None:
    import html as html_module
    import re

    import kg

    drawing = kg.draw(store, focus="Northport", depth=1, title=f"Around {IMG_LABEL}")
    assert drawing.nodes == drawing.total and drawing.nodes >= 3
    frame = drawing._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in frame
    srcdoc = re.match(r'<iframe srcdoc="([^"]*)"', frame).group(1)
    assert "<" not in srcdoc and IMG_LABEL not in frame  # one attribute, nothing that could end it
    assert html_module.unescape(srcdoc) == drawing.html
    saved = drawing.save(tmp_path / "graph.html")
    assert saved.read_text(encoding="utf-8") == drawing.html


def test_a_missing_pandas_says_how_to_install_it(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import kg
    from kg.errors import KgError

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(KgError, match=r"install pandas, e.g. pip install 'kg\[notebook\]'"):
        kg.query(store, "events")


@pytest.mark.model
def test_notebook_ingest(tmp_path: Path, nlp) -> None:
    import kg
    from kg.paths import EXAMPLES_DIR

    opened = kg.open_store(tmp_path / "store")
    try:
        report = kg.ingest(EXAMPLES_DIR / "chasiv-yar.html", store=opened)
        assert report.stored == 1 and report.errors == []
        assert "Russian artillery" in set(kg.query(opened, "who", place="Chasiv Yar")["actorLabel"])
    finally:
        opened.close()
    with pytest.raises(QueryError, match="ingest needs an open store"):
        kg.ingest(EXAMPLES_DIR, store=str(tmp_path / "store"))
