"""The knowledge graph as an interactive HTML page: actors, places, events and equipment as nodes.

Two steps, so callers can inspect or reshape the drawn graph in between: :func:`to_networkx` picks
and describes the nodes (focus, kinds, size limit); :func:`write_html` draws them with pyvis.

Every string shown on the page comes from news articles, so none of it is ever parsed as HTML: node
data reaches the page only as JSON inside a script (escaped by pyvis' ``tojson``), tooltips are DOM
elements filled with ``textContent``, and a Content-Security-Policy lets only the page's own scripts
run and nothing load from the network. The page needs no network at all.
"""
from __future__ import annotations

import base64
import hashlib
import html
import math
import os
import re
import secrets
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import DCTERMS

from .errors import KgError, QueryError
from .names import name_key
from .vocab import GEO, KG, SCHEMA

__all__ = ["to_networkx", "write_html", "render_html", "draw_store", "GROUPS", "KIND_GROUP", "LAYOUT_THRESHOLD"]

_EVENT_KINDS = ("Attack", "Clash", "Strike", "Loss", "Advance", "Fortification", "Visit", "Meeting",
                "Statement", "Delivery")
#: Kind (class local name) -> colour group. Most specific kinds first: the first match wins.
#: Countries are drawn as places, like the ``place/`` folder their IRIs live in.
KIND_GROUP: dict[str, str] = {
    **{kind: "event" for kind in _EVENT_KINDS},
    "Person": "actor", "GovernmentBody": "actor", "ArmedForce": "actor", "Organization": "actor",
    "Country": "place", "Settlement": "place", "District": "place", "Region": "place", "Facility": "place",
    "Equipment": "equipment",
    "Event": "event", "Actor": "actor", "Place": "place",
}
#: Superclasses of each kind inside the ontology, so ``kinds=("Event",)`` keeps every event.
_PARENTS: dict[str, tuple[str, ...]] = {
    **{kind: ("Event",) for kind in _EVENT_KINDS},
    "Person": ("Actor",), "Organization": ("Actor",), "GovernmentBody": ("Organization", "Actor"),
    "ArmedForce": ("Organization", "Actor"), "Country": ("Place", "Actor"), "Settlement": ("Place",),
    "District": ("Place",), "Region": ("Place",), "Facility": ("Place",),
}
#: Group -> (colour, vis-network shape, legend symbol). Okabe-Ito colours (colour-blind safe),
#: and a shape per group so the groups differ without colour too.
GROUPS: dict[str, tuple[str, str, str]] = {
    "actor": ("#0072B2", "dot", "\u25cf"),
    "place": ("#009E73", "triangle", "\u25b2"),
    "event": ("#E69F00", "diamond", "\u25c6"),
    "equipment": ("#CC79A7", "square", "\u25a0"),
}
_OTHER = ("#999999", "dot", "\u25cf")
#: Node -> node relations drawn as edges, with their edge labels (claims add "reported by").
_RELATIONS: tuple[tuple[URIRef, str], ...] = (
    (KG.agent, "agent"), (KG.target, "target"), (KG.participant, "participant"), (KG.place, "place"),
    (KG.equipment, "equipment"), (KG.locatedIn, "located in"), (KG.affiliation, "affiliation"),
    (KG.origin, "origin"), (KG.suppliedBy, "supplied by"),
)
#: Above this many nodes the page gets a precomputed layout and no physics: vis-network takes
#: minutes to settle 1,500 nodes in the browser.
LAYOUT_THRESHOLD = 1000
_LABEL_CHARS = 60


# ---------------------------------------------------------------------------------- RDF -> networkx

def to_networkx(graph: rdflib.Graph, *, focus: str | None = None, depth: int = 1,
                kinds: Collection[str] = (), max_nodes: int = 500, place: str | None = None,
                actor: str | None = None, date_from: date | None = None,
                date_to: date | None = None) -> nx.MultiDiGraph:
    """The drawable part of ``graph``: actors, places, events and equipment with labelled edges.

    Claims and documents are not nodes: a claim becomes a "reported by" edge and a line in its
    event's tooltip, documents are named after the evidence sentences. Node ids are the IRIs and
    nodes and edges are added in sorted order, so the same graph always gives the same result.

    ``focus`` keeps the nodes within ``depth`` hops (either direction) of the nodes whose label or
    alternative label has the same name key (case, accents and punctuation ignored); ``place``,
    ``actor``, ``date_from`` and ``date_to`` keep the events at that place (or anywhere inside it),
    with that actor in any role, dated within the range (undated events are dropped), each with
    its neighbours; ``kinds`` keeps nodes of those classes or their superclasses, plus every
    neighbour of a kept event; ``max_nodes`` then keeps the most connected nodes (focus nodes
    first). The result's graph attributes say what was done: ``truncated`` (nodes dropped),
    ``total_nodes``, ``focus_nodes``, ``max_nodes`` and ``filters`` (the filters as given).
    """
    if depth < 0:
        raise QueryError(f"depth must be 0 or more, got {depth}")
    if max_nodes < 1:
        raise QueryError(f"max_nodes must be 1 or more, got {max_nodes}")
    wanted = _wanted_kinds(kinds)

    node_kinds = _node_kinds(graph)
    full = nx.MultiDiGraph()
    for node in sorted(node_kinds, key=str):
        kind = node_kinds[node]
        group = KIND_GROUP[kind]
        colour, shape, _ = GROUPS[group]
        attributes: dict[str, Any] = {
            "label": _label(graph, node), "kind": kind, "group": group, "color": colour, "shape": shape,
            "title": _tooltip(graph, node, kind),
        }
        when = _first(graph, node, KG.date)
        if when is not None:
            attributes["date"] = str(when)
        full.add_node(str(node), **attributes)
    for u, v, relation in sorted(_edges(graph, node_kinds)):
        full.add_edge(u, v, key=relation, label=relation)

    seeds: list[str] = []
    chosen = full
    if focus is not None:
        seeds = _focus_nodes(graph, node_kinds, focus)
        if not seeds:
            raise QueryError(f"no actor, place, event or equipment is named {focus!r}")
        chosen = _neighbourhood(full, seeds, depth)
    if place is not None or actor is not None or date_from is not None or date_to is not None:
        events = _filtered_events(graph, node_kinds, place=place, actor=actor, date_from=date_from,
                                  date_to=date_to)
        chosen = _around(chosen, events)
    if wanted:
        chosen = _of_kinds(chosen, wanted)

    total = chosen.number_of_nodes()
    if total > max_nodes:
        chosen = _most_connected(chosen, max_nodes, [s for s in seeds if s in chosen])

    result = nx.MultiDiGraph()
    result.add_nodes_from((n, full.nodes[n]) for n in sorted(chosen.nodes))
    result.add_edges_from(sorted(chosen.edges(keys=True, data=True), key=lambda e: e[:3]))
    filters = {"type": ", ".join(sorted(wanted)) if wanted else None, "place": place, "actor": actor,
               "from": date_from.isoformat() if date_from else None,
               "to": date_to.isoformat() if date_to else None}
    result.graph.update(truncated=total - result.number_of_nodes(), total_nodes=total,
                        focus=focus, focus_nodes=seeds, max_nodes=max_nodes,
                        filters={k: v for k, v in filters.items() if v is not None})
    return result


def _wanted_kinds(kinds: Collection[str]) -> set[str]:
    """Kind names as given, checked: a typo would otherwise silently give an empty page."""
    if isinstance(kinds, str):  # a bare "Visit" would otherwise be read letter by letter
        kinds = (kinds,)
    known = {k.casefold(): k for k in KIND_GROUP}
    unknown = sorted(k for k in kinds if k.casefold() not in known)
    if unknown:
        raise QueryError(f"unknown node kind(s) {', '.join(map(repr, unknown))}; expected one of "
                         f"{', '.join(sorted(KIND_GROUP))}")
    return {known[k.casefold()] for k in kinds}


def _node_kinds(graph: rdflib.Graph) -> dict[rdflib.term.Node, str]:
    """Each drawable node with its most specific kind. Ontology classes are never nodes, nor the namesakes
    kept as kg:candidate of an ambiguous place: no article mentioned them."""
    classes = set(graph.subjects(RDFS.subClassOf, None))
    classes.update(graph.subjects(RDF.type, OWL.Class))
    classes.update(graph.subjects(RDF.type, RDFS.Class))
    order = {kind: i for i, kind in enumerate(KIND_GROUP)}
    found: dict[rdflib.term.Node, str] = {}
    for kind in KIND_GROUP:
        for node in graph.subjects(RDF.type, KG[kind]):
            if node in classes or _only_a_candidate(graph, node):
                continue
            if node not in found or order[kind] < order[found[node]]:
                found[node] = kind
    return found


def _only_a_candidate(graph: rdflib.Graph, node: rdflib.term.Node) -> bool:
    return (None, KG.candidate, node) in graph and (node, KG.mentionedIn, None) not in graph


def _edges(graph: rdflib.Graph, nodes: Collection[rdflib.term.Node]) -> set[tuple[str, str, str]]:
    edges = set()
    for predicate, relation in _RELATIONS:
        for s, o in graph.subject_objects(predicate):
            if s in nodes and o in nodes and s != o:
                edges.add((str(s), str(o), relation))
    for claim, event in graph.subject_objects(KG.about):  # claims: the event was reported by ...
        for source in graph.objects(claim, KG.reportedBy):
            if event in nodes and source in nodes and event != source:
                edges.add((str(event), str(source), "reported by"))
    return edges


def _focus_nodes(graph: rdflib.Graph, nodes: Collection[rdflib.term.Node], focus: str) -> list[str]:
    key = name_key(focus)
    seeds = set()
    for prop in (RDFS.label, SKOS.altLabel):
        for s, name in graph.subject_objects(prop):
            if s in nodes and name_key(str(name)) == key:
                seeds.add(str(s))
    return sorted(seeds)


def _neighbourhood(full: nx.MultiDiGraph, seeds: Iterable[str], depth: int) -> nx.MultiDiGraph:
    """Nodes within ``depth`` hops of any seed, following edges in both directions."""
    undirected = full.to_undirected(as_view=True)
    keep: set[str] = set()
    for seed in seeds:
        keep.update(nx.single_source_shortest_path_length(undirected, seed, cutoff=depth))
    return full.subgraph(keep)


def _of_kinds(chosen: nx.MultiDiGraph, wanted: set[str]) -> nx.MultiDiGraph:
    """Nodes of the wanted kinds; a kept event keeps its neighbours, or it would float alone."""
    keep = {n for n, kind in chosen.nodes(data="kind") if wanted & {kind, *_PARENTS.get(kind, ())}}
    for n in list(keep):
        if chosen.nodes[n]["group"] == "event":
            keep.update(chosen.successors(n))
            keep.update(chosen.predecessors(n))
    return chosen.subgraph(keep)


def _named(graph: rdflib.Graph, nodes: Iterable[rdflib.term.Node], name: str) -> set[rdflib.term.Node]:
    """The nodes whose label, alternative label or name key has the name key of ``name``."""
    key = name_key(name)
    found = set()
    for node in nodes:
        names = [*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.altLabel)]
        if any(name_key(str(n)) == key for n in names) or Literal(key) in set(graph.objects(node, KG.nameKey)):
            found.add(node)
    return found


def _filtered_events(graph: rdflib.Graph, node_kinds: dict[rdflib.term.Node, str], *, place: str | None,
                     actor: str | None, date_from: date | None, date_to: date | None) -> set[str]:
    """Events that meet every filter given, with the named queries' meaning of each filter."""
    events = {n for n, kind in node_kinds.items() if KIND_GROUP[kind] == "event"}
    if place is not None:
        places = _named(graph, (n for n, k in node_kinds.items() if KIND_GROUP[k] == "place"), place)
        if not places:
            raise QueryError(f"no place is named {place!r}")
        inside = set(places)
        frontier = list(places)
        while frontier:  # everything located (transitively) inside a named place
            for child in graph.subjects(KG.locatedIn, frontier.pop()):
                if child not in inside:
                    inside.add(child)
                    frontier.append(child)
        events = {e for e in events if any(p in inside for p in graph.objects(e, KG.place))}
    if actor is not None:
        actors = _named(graph, (n for n, k in node_kinds.items()
                                if KIND_GROUP[k] == "actor" or k == "Country"), actor)
        if not actors:
            raise QueryError(f"no actor is named {actor!r}")
        events = {e for e in events
                  if any(a in actors for prop in (KG.agent, KG.target, KG.participant)
                         for a in graph.objects(e, prop))}
    if date_from is not None or date_to is not None:
        if date_from is not None and date_to is not None and date_from > date_to:
            raise QueryError(f"--from {date_from} is after --to {date_to}: expected an earlier start")

        def within(event: rdflib.term.Node) -> bool:
            days = [v.toPython() for v in graph.objects(event, KG.date) if isinstance(v, Literal)]
            return any(isinstance(d, date) and (date_from is None or d >= date_from)
                       and (date_to is None or d <= date_to) for d in days)
        events = {e for e in events if within(e)}
    return {str(e) for e in events}


def _around(chosen: nx.MultiDiGraph, events: set[str]) -> nx.MultiDiGraph:
    """The chosen events among ``events``, each with its neighbours."""
    keep = {n for n in chosen.nodes if n in events}
    for n in list(keep):
        keep.update(chosen.successors(n))
        keep.update(chosen.predecessors(n))
    return chosen.subgraph(keep)


def _most_connected(chosen: nx.MultiDiGraph, limit: int, seeds: list[str]) -> nx.MultiDiGraph:
    first = set(seeds)
    ranked = sorted(chosen.nodes, key=lambda n: (n not in first, -chosen.degree(n), n))
    return chosen.subgraph(ranked[:limit])


# ---------------------------------------------------------------------------------- descriptions

def _first(graph: rdflib.Graph, node: rdflib.term.Node, prop: URIRef) -> rdflib.term.Node | None:
    """The smallest value, so a node with several values shows the same one every time."""
    values = sorted(graph.objects(node, prop), key=str)
    return values[0] if values else None


def _label(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    """rdfs:label, English or untagged preferred; the IRI's last segment if there is none."""
    labels = sorted(graph.objects(node, RDFS.label),
                    key=lambda lit: (getattr(lit, "language", None) not in (None, "en"), str(lit)))
    if labels:
        return str(labels[0])
    return re.split(r"[/#]", str(node).rstrip("/#"))[-1] or str(node)


def _names(graph: rdflib.Graph, nodes: Iterable[rdflib.term.Node]) -> str:
    return ", ".join(sorted({_label(graph, n) for n in nodes}))


def _document(graph: rdflib.Graph, doc: rdflib.term.Node) -> str:
    """How a document is named in a tooltip: title, outlet and date, then its address."""
    title = _first(graph, doc, DCTERMS.title) or _first(graph, doc, RDFS.label)
    details = [str(v) for v in (_first(graph, doc, KG.source), _first(graph, doc, KG.published)) if v]
    url = _first(graph, doc, SCHEMA.url)
    text = str(title) if title is not None else str(doc)
    if details:
        text += f" ({', '.join(details)})"
    if url is not None:
        text += f" {url}"
    return text


def _tooltip(graph: rdflib.Graph, node: rdflib.term.Node, kind: str) -> str:
    """Plain text (lines), never HTML: what the node is and the sentences that say so."""
    label = _label(graph, node)
    lines = [label if label.startswith(f"{kind}:") else f"{kind}: {label}"]  # event labels often say it
    aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)})
    if aliases:
        lines.append("also: " + ", ".join(aliases))
    role = _first(graph, node, KG.role)
    if role is not None:
        lines.append(f"role: {role}")
    when, when_text = _first(graph, node, KG.date), _first(graph, node, KG.dateText)
    if when is not None or when_text is not None:
        shown = " ".join(s for s in (str(when) if when is not None else "",
                                     f'("{when_text}")' if when_text is not None else "") if s)
        lines.append(f"date: {shown}")
    status = _first(graph, node, KG.status)
    if status is not None:
        lines.append(f"status: {_label(graph, status)}")
    quantity = _first(graph, node, KG.quantity)
    if quantity is not None:
        approximate = any(bool(v.toPython()) for v in graph.objects(node, KG.approximate)
                          if isinstance(v, Literal))
        lines.append(f"quantity: {'about ' if approximate else ''}{quantity}")
    lat, long = _first(graph, node, GEO.lat), _first(graph, node, GEO.long)
    if lat is not None and long is not None:
        lines.append(f"coordinates: {lat}, {long}")

    claims = sorted(graph.subjects(KG.about, node), key=str)
    sources = [s for c in claims for s in graph.objects(c, KG.reportedBy)]
    if sources:
        lines.append(f"reported by: {_names(graph, sources)}")
    documents = sorted(graph.objects(node, KG.mentionedIn), key=str)
    sentences = sorted({str(s) for s in graph.objects(node, KG.evidence)})
    if sentences:
        lines.append("evidence:")
        # With one document every sentence comes from it; the union of article graphs does not
        # record which of several documents gave which sentence.
        where = f" \u2014 {_document(graph, documents[0])}" if len(documents) == 1 else ""
        lines.extend(f"\u2022 \u201c{s}\u201d{where}" for s in sentences)
    for claim in claims:
        who = _names(graph, graph.objects(claim, KG.reportedBy)) or "unnamed source"
        where = _names_of_documents(graph, graph.objects(claim, KG.mentionedIn))
        for sentence in sorted({str(s) for s in graph.objects(claim, KG.evidence)}):
            lines.append(f"\u2022 reported by {who}: \u201c{sentence}\u201d" + (f" \u2014 {where}" if where else ""))
    if documents and (len(documents) > 1 or not sentences):
        lines.append("documents:")
        lines.extend(f"\u2022 {_document(graph, d)}" for d in documents)
    return "\n".join(lines)


def _names_of_documents(graph: rdflib.Graph, docs: Iterable[rdflib.term.Node]) -> str:
    return "; ".join(sorted(_document(graph, d) for d in docs))


# ---------------------------------------------------------------------------------- networkx -> HTML

def write_html(nx_graph: nx.MultiDiGraph, out: Path, *, title: str = "kg graph") -> Path:
    """Write ``nx_graph`` as one self-contained HTML page at ``out`` and return ``out``.

    pyvis renders the page (vis-network inline); the result is then stripped of every link to a
    network resource, given a legend, a details panel and a Content-Security-Policy that allows
    only the page's own scripts (by hash) and no network. The file appears atomically, and the
    same graph gives the same bytes.
    """
    out = Path(out)
    page = render_html(nx_graph, title=title)
    out.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(out, page.encode("utf-8"))
    return out


def render_html(nx_graph: nx.MultiDiGraph, *, title: str = "kg graph") -> str:
    """The page :func:`write_html` writes, as text (for notebooks, which show it in an iframe)."""
    from pyvis.network import Network  # imports IPython: only when a page is really written

    names = sorted(nx_graph.nodes, key=str)
    big = len(names) > LAYOUT_THRESHOLD
    positions = _layout(nx_graph, names) if big else {}
    vis_nodes = []
    for n in names:
        data = nx_graph.nodes[n]
        group = str(data.get("group", "other"))
        colour, shape, _ = GROUPS.get(group, _OTHER)
        label = str(data.get("label", n))
        node: dict[str, Any] = {
            "id": str(n),
            "label": label if len(label) <= _LABEL_CHARS else label[:_LABEL_CHARS - 1] + "\u2026",
            # Not "title": pyvis switches every tooltip to innerHTML when a title holds "href".
            # The page turns "tip" into a text-only tooltip element.
            "tip": str(data.get("title", label)),
            "kind": str(data.get("kind", "")), "category": group,
            "color": str(data.get("color", colour)), "shape": str(data.get("shape", shape)),
            "size": round(10 + 4 * math.sqrt(nx_graph.degree(n)), 1),
        }
        if n in positions:
            node["x"], node["y"] = positions[n]
        vis_nodes.append(node)
    vis_edges = [{"from": str(u), "to": str(v), "label": str(data.get("label", key)), "arrows": "to"}
                 for u, v, key, data in sorted(nx_graph.edges(keys=True, data=True),
                                               key=lambda e: (str(e[0]), str(e[1]), str(e[2])))]

    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.nodes, net.edges = vis_nodes, vis_edges  # add_node/add_edge are quadratic
    net.options = _options(physics=not big, node_count=len(vis_nodes))
    return _finish(net.generate_html(name="graph.html"), nx_graph, vis_nodes, len(vis_edges), title)


def _options(*, physics: bool, node_count: int) -> dict[str, Any]:
    edges: dict[str, Any] = {"color": {"color": "#9aa0a6", "highlight": "#444444"},
                             "font": {"size": 10, "color": "#555555", "strokeWidth": 2, "align": "middle"},
                             "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                             "smooth": {"enabled": True, "type": "continuous"} if physics else False}
    options: dict[str, Any] = {
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": edges,
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics},
        # A seed, or vis places nodes with Math.random: same page, same picture. Its "improved
        # layout" fails (with a console warning) on many graphs over 100 nodes.
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 100},
        "physics": {"enabled": False},
    }
    if physics:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    return options


def _layout(nx_graph: nx.MultiDiGraph, names: list[Any], *, seed: int = 7,
            iterations: int = 80, samples: int = 48) -> dict[Any, tuple[int, int]]:
    """Fruchterman-Reingold with sampled repulsion, in pixels: O(n * samples) a step.

    networkx's spring_layout needs scipy from 500 nodes on (and its dense fallback needs n^2
    memory), so big graphs get this one; a fixed seed makes it repeatable.
    """
    import numpy as np

    n = len(names)
    index = {name: i for i, name in enumerate(names)}
    pairs = sorted({(index[u], index[v]) for u, v in nx_graph.edges() if u != v})
    ends = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    k = 1.0
    pos = (rng.random((n, 2)) - 0.5) * math.sqrt(n) * k * 2
    temperature = math.sqrt(n) * k * 0.2
    cooling = (0.02) ** (1 / iterations)
    scale = (n - 1) / samples
    for _ in range(iterations):
        others = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[others]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 0.01 * k * k)
        force = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * scale / math.sqrt(n)
        if len(ends):
            d = pos[ends[:, 0]] - pos[ends[:, 1]]
            pull = d * (np.linalg.norm(d, axis=1) / k)[:, None]
            np.add.at(force, ends[:, 0], -pull)
            np.add.at(force, ends[:, 1], pull)
        force -= pos * (0.05 / k)  # gravity keeps separate components on screen
        length = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
        pos += force * (np.minimum(length, temperature) / length)[:, None]
        temperature *= cooling
    pos -= pos.mean(axis=0)
    return {name: (int(round(x * 100)), int(round(y * 100))) for name, (x, y) in zip(names, pos)}


# ---------------------------------------------------------------------------------- page assembly

_REMOTE_TAG = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_EXTERNAL_REF = re.compile(r"<[a-z][^<>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_EXTERNAL_URL = re.compile(r"url\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_CSP_MARK = "__KG_SCRIPT_HASHES__"

_STYLE = """<style>
body { font-family: system-ui, sans-serif; margin: 0 12px 12px; color: #222222; }
#kg-header h1 { font-size: 20px; margin: 10px 0 2px; }
#kg-header p { margin: 2px 0; font-size: 13px; color: #444444; }
#kg-header .kg-truncated { color: #9a3412; font-weight: 600; }
.kg-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 22px; padding: 0; margin: 6px 0 8px;
             font-size: 13px; }
.kg-legend .kg-symbol { font-size: 17px; }
body > .card { width: calc(100% - 384px) !important; float: left; }
#kg-panel { float: right; width: 372px; height: 750px; overflow: auto; box-sizing: border-box;
            border: 1px solid lightgray; padding: 8px 10px; font-size: 13px; }
#kg-panel h2 { font-size: 15px; margin: 0 0 6px; }
#kg-details { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 8px; }
#kg-links { list-style: none; padding: 0; margin: 0; }
#kg-links button { font: inherit; text-align: left; background: none; border: 0; padding: 2px 0; color: #0b57d0;
                   cursor: pointer; }
@media (max-width: 900px) {
  body > .card { width: 100% !important; float: none; display: flow-root; }
  #kg-panel { float: none; width: 100%; height: auto; max-height: 420px; margin-top: 8px; }
}
.kg-tip { font-family: system-ui, sans-serif; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere;
          max-width: 420px; max-height: 320px; overflow: hidden; }
</style>
"""

_SCRIPT_BODY = """
(function () {
  "use strict";
  var details = document.getElementById("kg-details");
  var links = document.getElementById("kg-links");
  function textBox(text) {
    var box = document.createElement("div");
    box.className = "kg-tip";
    box.textContent = text;
    return box;
  }
  // vis-network shows an element title as it is: built with textContent, it is never parsed as HTML.
  nodes.update(nodes.get().map(function (n) { return {id: n.id, title: textBox(n.tip || n.label || "")}; }));
  function show(id) {
    var node = id === undefined ? null : nodes.get(id);
    links.textContent = "";
    if (!node) { details.textContent = "Click a node to see its evidence."; return; }
    details.textContent = node.tip || node.label || "";
    var around = edges.get({filter: function (e) { return e.from === id || e.to === id; }});
    around.forEach(function (e) {
      var outgoing = e.from === id;
      var other = nodes.get(outgoing ? e.to : e.from);
      if (!other) { return; }
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = (outgoing ? e.label + " \\u2192 " : "\\u2190 " + e.label + " ") + other.label;
      button.addEventListener("click", function () {
        network.selectNodes([other.id]);
        network.focus(other.id, {animation: true});
        show(other.id);
      });
      item.appendChild(button);
      links.appendChild(item);
    });
  }
  window.kgShowNode = show;
  network.on("click", function (params) { if (params.nodes.length) { show(params.nodes[0]); } });
  // Stop the physics once laid out, so the graph holds still while it is read.
  network.once("stabilizationIterationsDone", function () { network.setOptions({physics: {enabled: false}}); });
})();
"""


def _finish(page: str, nx_graph: nx.MultiDiGraph, vis_nodes: list[dict[str, Any]], edge_count: int,
            title: str) -> str:
    """pyvis' page, made offline and safe, with a header, a legend and a details panel."""
    # The HTML parser turns CR and CRLF into LF before hashing scripts (vis-network has CRLFs).
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    page = _REMOTE_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _without_template_comments(page)
    head = ('<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP_MARK}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n")
    page = _replace_once(page, '<meta charset="utf-8">', head)
    page = _replace_once(page, "<html>", '<!DOCTYPE html>\n<html lang="en">')
    page = _replace_once(page, "</head>", _STYLE + "</head>")
    page = _replace_once(page, "<body>", "<body>\n" + _header(nx_graph, vis_nodes, edge_count, title))
    panel = ('<aside id="kg-panel"><h2>Details</h2>'
             '<div id="kg-details">Click a node to see its evidence.</div><ul id="kg-links"></ul></aside>\n'
             f"<script>{_SCRIPT_BODY}</script>\n")
    cut = page.rindex("</body>")
    page = page[:cut] + panel + page[cut:]

    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                     for body in _SCRIPT.findall(page)})
    policy = ("default-src 'none'; script-src " + " ".join(hashes) + "; style-src 'unsafe-inline'; "
              "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    page = _replace_once(page, _CSP_MARK, policy)
    # A pyvis change would otherwise ship a page that calls out. Tags are searched everywhere (the
    # node data cannot hold "<": tojson escapes it), url() only in style sheets.
    remote = _EXTERNAL_REF.search(page) or next(
        (m for css in _STYLE_BLOCK.findall(page) if (m := _EXTERNAL_URL.search(css))), None)
    if remote:
        raise KgError(f"the page still loads a network resource: {remote.group(0)!r}")
    return page


def _without_template_comments(page: str) -> str:
    """Drop the template's commented-out links to ../node_modules: no reference may remain."""
    return re.sub(r"<!--\s*<link[^>]*node_modules.*?-->", "", page, flags=re.DOTALL)


def _replace_once(page: str, anchor: str, replacement: str) -> str:
    if anchor not in page:
        raise KgError(f"unexpected pyvis page: {anchor!r} is missing")
    return page.replace(anchor, replacement, 1)


def _header(nx_graph: nx.MultiDiGraph, vis_nodes: list[dict[str, Any]], edge_count: int, title: str) -> str:
    shown = len(vis_nodes)
    dropped = int(nx_graph.graph.get("truncated", 0) or 0)
    parts = [f"<div id=\"kg-header\"><h1>{html.escape(title)}</h1>",
             f"<p>{shown} nodes, {edge_count} edges. Hover a node for its evidence; click it to keep it "
             "in the panel.</p>"]
    if dropped:
        parts.append(f'<p class="kg-truncated">showing {shown} of {shown + dropped} nodes '
                     "(the most connected)</p>")
    filters = nx_graph.graph.get("filters") or {}
    if filters:
        text = "; ".join(f"{name} = {value}" for name, value in filters.items())
        parts.append(f'<p class="kg-filters">Filters: {html.escape(text)}</p>')
    cap = nx_graph.graph.get("max_nodes")
    if cap:
        parts.append(f'<p class="kg-cap">Cap: at most {int(cap)} nodes are drawn, the most connected first '
                     "(kg viz --max-nodes).</p>")
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for node in vis_nodes:
        kinds[node["category"]][node["kind"] or node["category"]] += 1
    parts.append('<ul class="kg-legend">')
    for group in [*GROUPS, *sorted(set(kinds) - set(GROUPS))]:
        colour, _, symbol = GROUPS.get(group, _OTHER)
        counts = ", ".join(f"{html.escape(k)} {c}" for k, c in sorted(kinds[group].items()))
        parts.append(f'<li><span class="kg-symbol" style="color: {colour}">{symbol}</span> '
                     f"<b>{html.escape(group)}</b>{': ' + counts if counts else ''}</li>")
    parts.append("</ul></div>\n")
    return "".join(parts)


def _write_atomically(out: Path, data: bytes) -> None:
    """Write beside ``out`` and rename onto it: readers see the old page or the new, never half."""
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def draw_store(store: Any, out: Path, *, focus: str | None = None, depth: int = 2, kinds: Collection[str] = (),
               max_nodes: int = 500, title: str = "kg graph", place: str | None = None, actor: str | None = None,
               date_from: date | None = None, date_to: date | None = None) -> tuple[Path, int, int]:
    """The store's article graphs drawn to ``out``; returns (path, nodes shown, nodes in all)."""
    from .store import article_graph

    graph = article_graph(store)
    nx_graph = to_networkx(graph, focus=focus, depth=depth, kinds=kinds, max_nodes=max_nodes, place=place,
                           actor=actor, date_from=date_from, date_to=date_to)
    path = write_html(nx_graph, Path(out), title=title)
    total = nx_graph.graph.get("total_nodes", nx_graph.number_of_nodes())
    return path, nx_graph.number_of_nodes(), total
