"""kg.viz: which nodes and edges are drawn, and that the page is offline, deterministic and inert.

Every name and sentence here is invented for the tests.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from kg.errors import QueryError
from kg.paths import ontology_file
from kg.viz import to_networkx, write_html
from kg.vocab import GEO, ID, KG

# Not rdflib's XSD at module level: pytest probes module attributes and XSD warns on unknown names.
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "</script><script>alert(1)</script>"

NORTHPORT, VELDRA, OSTRIA, COAST = (ID["place/northport"], ID["place/veldra"], ID["place/ostria"],
                                    ID["place/coast"])
DEPOT, QUILL, BRIGADE, MINISTRY = ID["place/depot"], ID["actor/quill"], ID["actor/brigade"], ID["actor/ministry"]
HARROW, STRIKE, VISIT, MEETING = (ID["equipment/harrow"], ID["event/strike-1"], ID["event/visit-1"],
                                  ID["event/meeting-1"])
DOC_A, DOC_B, CLAIM = ID["doc/harbour-report"], ID["doc/evening-note"], ID["claim/1"]


def _triples() -> list[tuple]:
    """An invented little war: 12 drawable nodes, two documents, one claim."""
    t: list[tuple] = []

    def node(iri: URIRef, kind: str, label: str) -> URIRef:
        t.extend([(iri, RDF.type, KG[kind]), (iri, RDFS.label, Literal(label))])
        return iri

    for doc, title, day in ((DOC_A, "Harbour front report", "2031-05-06"), (DOC_B, "Evening note", "2031-05-07")):
        t.extend([(doc, RDF.type, KG.Document), (doc, RDFS.label, Literal(title)),
                  (doc, KG.source, Literal("Example Wire")), (doc, KG.published, Literal(day, datatype=XSD_DATE))])
    node(VELDRA, "Country", "Veldra")
    node(OSTRIA, "Country", "Ostria")
    node(NORTHPORT, "Settlement", "Northport")
    t.extend([(NORTHPORT, SKOS.altLabel, Literal("Nordhafen")), (NORTHPORT, KG.locatedIn, COAST),
              (NORTHPORT, GEO.lat, Literal("48.10000", datatype=XSD_DECIMAL)),
              (NORTHPORT, GEO.long, Literal("37.20000", datatype=XSD_DECIMAL))])
    node(COAST, "Region", "Coastal Province")
    t.append((COAST, KG.locatedIn, VELDRA))
    node(DEPOT, "Facility", "Northport fuel depot")
    t.append((DEPOT, KG.locatedIn, NORTHPORT))
    node(QUILL, "Person", "Mara Quill")
    t.extend([(QUILL, KG.role, Literal("Colonel")), (QUILL, KG.affiliation, VELDRA), (QUILL, KG.mentionedIn, DOC_A)])
    node(BRIGADE, "ArmedForce", "Eastern Brigade")
    t.append((BRIGADE, KG.affiliation, OSTRIA))
    node(MINISTRY, "GovernmentBody", "Veldran Defence Ministry")
    t.append((MINISTRY, KG.affiliation, VELDRA))
    node(HARROW, "Equipment", "Harrow howitzer")
    t.extend([(HARROW, KG.origin, OSTRIA), (HARROW, KG.suppliedBy, OSTRIA)])

    node(STRIKE, "Strike", "Strike: shelled in Northport on 2031-05-05")
    t.extend([(STRIKE, KG.agent, BRIGADE), (STRIKE, KG.target, DEPOT), (STRIKE, KG.place, NORTHPORT),
              (STRIKE, KG.equipment, HARROW), (STRIKE, KG.status, KG.claimed),
              (STRIKE, KG.date, Literal("2031-05-05", datatype=XSD_DATE)), (STRIKE, KG.dateText, Literal("on Monday")),
              (STRIKE, KG.evidence, Literal("Guns of the Eastern Brigade shelled the depot in Northport on Monday.")),
              (STRIKE, KG.evidence, Literal("Smoke rose over the Northport depot for hours.")),
              (STRIKE, KG.mentionedIn, DOC_A), (STRIKE, KG.mentionedIn, DOC_B)])
    node(VISIT, "Visit", "Visit: toured in Northport")
    t.extend([(VISIT, KG.agent, QUILL), (VISIT, KG.place, NORTHPORT),
              (VISIT, KG.evidence, Literal("Colonel Quill toured the harbour defences.")),
              (VISIT, KG.mentionedIn, DOC_A)])
    node(MEETING, "Meeting", "Meeting: talks in Coastal Province")
    t.extend([(MEETING, KG.participant, QUILL), (MEETING, KG.participant, MINISTRY), (MEETING, KG.place, COAST)])

    t.extend([(CLAIM, RDF.type, KG.Claim), (CLAIM, RDFS.label, Literal("claim: two tanks burned")),
              (CLAIM, KG.about, STRIKE), (CLAIM, KG.reportedBy, MINISTRY),
              (CLAIM, KG.evidence, Literal("The ministry said two storage tanks burned.")),
              (CLAIM, KG.mentionedIn, DOC_B)])
    return t


def sample_graph(*, reverse: bool = False, ontology: bool = True) -> Graph:
    graph = Graph()
    if ontology:  # class triples must not become nodes
        graph.parse(ontology_file())
    for triple in (reversed(_triples()) if reverse else _triples()):
        graph.add(triple)
    return graph


def hostile_graph() -> Graph:
    graph = sample_graph(ontology=False)
    graph.set((NORTHPORT, RDFS.label, Literal(HOSTILE_IMG)))
    graph.set((VISIT, RDFS.label, Literal(HOSTILE_SCRIPT + " href")))
    graph.add((VISIT, KG.evidence, Literal('The <a href="javascript:alert(1)">colonel</a> waved.')))
    return graph


@pytest.fixture(scope="module")
def drawn() -> nx.MultiDiGraph:
    return to_networkx(sample_graph())


def _edges(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in g.edges(keys=True)}


# ---------------------------------------------------------------------------------- graph content

def test_nodes_are_actors_places_events_and_equipment(drawn: nx.MultiDiGraph) -> None:
    assert drawn.number_of_nodes() == 12
    assert str(DOC_A) not in drawn and str(CLAIM) not in drawn and str(KG.Strike) not in drawn
    kinds = {n: (d["kind"], d["group"]) for n, d in drawn.nodes(data=True)}
    assert kinds[str(QUILL)] == ("Person", "actor")
    assert kinds[str(MINISTRY)] == ("GovernmentBody", "actor")
    assert kinds[str(NORTHPORT)] == ("Settlement", "place")
    assert kinds[str(VELDRA)] == ("Country", "place")
    assert kinds[str(HARROW)] == ("Equipment", "equipment")
    assert kinds[str(STRIKE)] == ("Strike", "event")
    assert {d["color"] for _, d in drawn.nodes(data=True)} == {"#0072B2", "#009E73", "#E69F00", "#CC79A7"}
    assert drawn.nodes[str(QUILL)]["label"] == "Mara Quill"
    assert list(drawn.nodes) == sorted(drawn.nodes)


def test_edges_carry_relation_labels_and_claims_become_reported_by(drawn: nx.MultiDiGraph) -> None:
    edges = _edges(drawn)
    assert (str(STRIKE), str(BRIGADE), "agent") in edges
    assert (str(STRIKE), str(DEPOT), "target") in edges
    assert (str(MEETING), str(QUILL), "participant") in edges
    assert (str(STRIKE), str(NORTHPORT), "place") in edges
    assert (str(STRIKE), str(HARROW), "equipment") in edges
    assert (str(NORTHPORT), str(COAST), "located in") in edges
    assert (str(QUILL), str(VELDRA), "affiliation") in edges
    assert (str(HARROW), str(OSTRIA), "origin") in edges
    assert (str(HARROW), str(OSTRIA), "supplied by") in edges
    assert (str(STRIKE), str(MINISTRY), "reported by") in edges
    assert len(edges) == drawn.number_of_edges() == 18
    assert all(d["label"] == k for _, _, k, d in drawn.edges(keys=True, data=True))


def test_tooltip_is_plain_text_with_evidence_documents_and_sources(drawn: nx.MultiDiGraph) -> None:
    strike = drawn.nodes[str(STRIKE)]["title"]
    assert strike.startswith("Strike: shelled in Northport on 2031-05-05\n")  # no "Strike: Strike:"
    assert "date: 2031-05-05" in strike and "on Monday" in strike and "status: claimed" in strike
    assert "reported by: Veldran Defence Ministry" in strike
    assert "Smoke rose over the Northport depot for hours." in strike
    # the claim's sentence is tied to the claim's own document
    assert re.search(r"reported by Veldran Defence Ministry: .The ministry said two storage tanks burned.. "
                     r"\u2014 Evening note \(Example Wire, 2031-05-07\)", strike)
    assert "Harbour front report (Example Wire, 2031-05-06)" in strike  # one of its two documents
    assert drawn.nodes[str(QUILL)]["title"].startswith("Person: Mara Quill\n")
    visit = drawn.nodes[str(VISIT)]["title"]
    assert "Colonel Quill toured the harbour defences.\u201d \u2014 Harbour front report" in visit  # one document
    place = drawn.nodes[str(NORTHPORT)]["title"]
    assert "also: Nordhafen" in place and "coordinates: 48.10000, 37.20000" in place
    assert "role: Colonel" in drawn.nodes[str(QUILL)]["title"]
    assert drawn.nodes[str(STRIKE)]["date"] == "2031-05-05"
    assert "<br" not in strike and "\n" in strike


# ---------------------------------------------------------------------------------- selection

def test_focus_matches_labels_and_alt_labels_case_insensitively() -> None:
    graph = sample_graph()
    alone = to_networkx(graph, focus="  NORTHPORT ", depth=0)
    assert list(alone.nodes) == [str(NORTHPORT)]
    near = to_networkx(graph, focus="nordhafen", depth=1)  # alternative label
    assert set(near.nodes) == {str(NORTHPORT), str(COAST), str(DEPOT), str(STRIKE), str(VISIT)}
    assert near.graph["focus_nodes"] == [str(NORTHPORT)]
    wider = to_networkx(graph, focus="Northport", depth=2)
    assert str(QUILL) in wider and str(VELDRA) in wider and str(MINISTRY) in wider  # via events and region
    assert str(OSTRIA) not in wider
    with pytest.raises(QueryError, match="Atlantis"):
        to_networkx(graph, focus="Atlantis")


def test_namesakes_kept_as_candidates_are_not_drawn_unless_an_article_mentions_them() -> None:
    graph = sample_graph()
    namesake, mentioned = ID["place/northport-2"], ID["place/northport-3"]
    for node in (namesake, mentioned):
        graph.add((NORTHPORT, KG.candidate, node))
        graph.add((node, RDF.type, KG.Settlement))
        graph.add((node, RDFS.label, Literal("Northport")))
    graph.add((mentioned, KG.mentionedIn, DOC_B))
    drawn = to_networkx(graph)
    assert str(namesake) not in drawn and str(mentioned) in drawn and str(NORTHPORT) in drawn


def test_kinds_keep_matching_nodes_and_the_neighbours_of_kept_events() -> None:
    graph = sample_graph()
    visits = to_networkx(graph, kinds=["Visit"])
    assert set(visits.nodes) == {str(VISIT), str(QUILL), str(NORTHPORT)}
    assert _edges(visits) == {(str(VISIT), str(QUILL), "agent"), (str(VISIT), str(NORTHPORT), "place")}
    people = to_networkx(graph, kinds=("person", "Equipment"))
    assert set(people.nodes) == {str(QUILL), str(HARROW)}
    events = to_networkx(graph, kinds={"Event"})  # a superclass keeps all its subclasses
    assert {str(STRIKE), str(VISIT), str(MEETING)} <= set(events.nodes)
    assert to_networkx(graph, kinds=["Place"]).number_of_nodes() == 5
    with pytest.raises(QueryError, match="Vist"):
        to_networkx(graph, kinds=["Vist"])


def test_max_nodes_keeps_the_most_connected_and_says_so(tmp_path: Path) -> None:
    graph = sample_graph()
    full = to_networkx(graph)
    assert full.graph["truncated"] == 0
    top = sorted(full.nodes, key=lambda n: (-full.degree(n), n))[:4]
    small = to_networkx(graph, max_nodes=4)
    assert sorted(small.nodes) == sorted(top)
    assert small.graph["truncated"] == 8 and small.graph["total_nodes"] == 12
    page = write_html(small, tmp_path / "small.html").read_text(encoding="utf-8")
    assert "showing 4 of 12 nodes" in page
    assert "showing" not in write_html(full, tmp_path / "full.html").read_text(encoding="utf-8").split("<script")[0]
    focused = to_networkx(graph, focus="Harrow howitzer", depth=2, max_nodes=1)
    assert list(focused.nodes) == [str(HARROW)]  # the focus node outranks better connected ones


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(QueryError):
        to_networkx(sample_graph(), depth=-1)
    with pytest.raises(QueryError):
        to_networkx(sample_graph(), max_nodes=0)


# ---------------------------------------------------------------------------------- the page

def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first = write_html(to_networkx(sample_graph()), tmp_path / "a.html").read_bytes()
    second = write_html(to_networkx(sample_graph(reverse=True)), tmp_path / "b.html").read_bytes()
    assert first == second
    forward, backward = to_networkx(sample_graph()), to_networkx(sample_graph(reverse=True))
    assert list(forward.nodes) == list(backward.nodes)
    assert list(forward.edges(keys=True)) == list(backward.edges(keys=True))


def _data_block(page: str) -> tuple[list[dict], list[dict], str]:
    """The vis DataSets' JSON, and the page without them."""
    match = re.search(r"nodes = new vis\.DataSet\((.*)\);\n\s*edges = new vis\.DataSet\((.*)\);", page)
    assert match, "no DataSet block"
    rest = page[:match.start()] + page[match.end():]
    return json.loads(match.group(1)), json.loads(match.group(2)), rest


def test_page_loads_nothing_from_the_network(tmp_path: Path) -> None:
    page = write_html(to_networkx(sample_graph()), tmp_path / "g.html").read_text(encoding="utf-8")
    tags = re.findall(r"<(?:script|link|img|iframe|a|source|embed|object)\b[^>]*>", page, re.IGNORECASE)
    assert not [t for t in tags if re.search(r"\b(?:src|href)\s*=", t, re.IGNORECASE)]
    assert not re.search(r"\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", page, re.IGNORECASE)
    assert not re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", page, re.IGNORECASE)
    assert "bootstrap" not in page.lower() and "cdn.jsdelivr" not in page and "cdnjs" not in page
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert csp and "default-src 'none'" in csp.group(1) and "unsafe-inline" not in csp.group(1).split(";")[1]
    assert "vis.Network" in page  # vis-network is inline


def test_hostile_labels_stay_text(tmp_path: Path) -> None:
    title = "<script>alert(1)</script> & href"
    page = write_html(to_networkx(hostile_graph()), tmp_path / "h.html", title=title).read_text(encoding="utf-8")
    nodes, _, rest = _data_block(page)
    assert HOSTILE_IMG not in page and "<img" not in rest.lower()
    assert "onerror=alert" not in rest and "javascript:alert" not in rest
    benign = write_html(to_networkx(sample_graph()), tmp_path / "b.html").read_text(encoding="utf-8")
    assert page.count("</script>") == benign.count("</script>") == 4  # no label closes a script
    labels = {n["id"]: n["label"] for n in nodes}
    assert labels[str(NORTHPORT)] == HOSTILE_IMG  # the data holds the label, JSON-escaped in the page
    assert labels[str(VISIT)] == HOSTILE_SCRIPT + " href"
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; href</title>" in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; href</h1>" in page
    # A title with "href" would switch pyvis to its innerHTML popup: no node carries a title at all.
    assert all("title" not in n for n in nodes)
    assert "popup.innerHTML" not in page and "div.popup" not in page
    assert "<select" not in page.lower()  # pyvis writes select-menu options unescaped: the page has none
    assert 'href="javascript' in next(n["tip"] for n in nodes if n["id"] == str(VISIT))


def test_big_graphs_get_a_fixed_layout_without_physics(tmp_path: Path) -> None:
    big = nx.MultiDiGraph()
    for i in range(1001):
        big.add_node(f"n{i:04d}", label=f"node {i}", group="actor", kind="Person", title=f"node {i}")
    for i in range(1000):
        big.add_edge(f"n{i:04d}", f"n{(i * 7 + 1) % 1001:04d}", key="affiliation", label="affiliation")
    page = write_html(big, tmp_path / "big.html").read_text(encoding="utf-8")
    nodes, edges, _ = _data_block(page)
    assert len(nodes) == 1001 and len(edges) == 1000
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) > 990
    options = json.loads(re.search(r"var options = (\{.*\});", page).group(1))
    assert options["physics"]["enabled"] is False
    assert write_html(big, tmp_path / "again.html").read_bytes() == (tmp_path / "big.html").read_bytes()
    small = write_html(to_networkx(sample_graph()), tmp_path / "small.html").read_text(encoding="utf-8")
    small_options = json.loads(re.search(r"var options = (\{.*\});", small).group(1))
    assert small_options["physics"]["enabled"] is True and small_options["physics"]["stabilization"]["enabled"]
    assert all("x" not in n for n in _data_block(small)[0])


def test_write_replaces_the_file_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "graph.html"
    out.write_text("old page", encoding="utf-8")
    drawn = to_networkx(sample_graph())

    def broken_replace(src: str | os.PathLike, dst: str | os.PathLike) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_html(drawn, out)
    assert out.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]
    monkeypatch.undo()
    assert write_html(drawn, out) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_empty_graph_still_gives_a_page(tmp_path: Path) -> None:
    empty = to_networkx(Graph())
    assert empty.number_of_nodes() == 0 and empty.graph["truncated"] == 0
    page = write_html(empty, tmp_path / "sub" / "empty.html").read_text(encoding="utf-8")
    assert "0 nodes, 0 edges" in page


def test_importing_the_module_does_not_import_pyvis() -> None:
    code = "import sys, kg.viz; print('pyvis' in sys.modules, 'IPython' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
