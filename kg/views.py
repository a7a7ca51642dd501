"""Events on a time axis and on a map: two self-contained HTML pages, and the data they share.

:func:`collect` reads every event with its roles, places, coordinates and evidence from the store
(system queries ``view_*.rq``); :func:`timeline_html` and :func:`map_html` draw it with a small
script of our own (no library, nothing loaded from the network), and :func:`geojson` gives the
same points to QGIS or kepler.gl.

The map has no tiles: its base is drawn from the project's own place index. Every settlement of
the index inside the frame marks its cell of a fine grid, shaded by country, so land, coasts and
borders show as the outline of where people live; a graticule and country names complete it.

Every string on the pages comes from news articles, so none of it is parsed as HTML: the data
travel as JSON in a ``<script type="application/json">`` block (with ``<``, ``>`` and ``&``
escaped), the page's script puts text into the DOM with ``textContent`` only, and a
Content-Security-Policy allows the page's own script and style (by hash) and nothing else.
"""
from __future__ import annotations

import base64
import csv
import functools
import gzip
import hashlib
import html
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import QueryError
from .viz import KIND_GROUP

__all__ = ["Document", "Node", "EventRecord", "ViewData", "collect", "event_position", "timeline_html",
           "map_html", "geojson", "write_timeline", "write_map", "EVENT_COLOURS", "MAX_EVENTS"]

#: Event class -> colour on both pages (Okabe-Ito first, then darker tones), so a kind looks the same.
EVENT_COLOURS: dict[str, str] = {
    "Attack": "#D55E00", "Strike": "#E69F00", "Clash": "#CC79A7", "Loss": "#000000", "Advance": "#0072B2",
    "Fortification": "#56B4E9", "Visit": "#009E73", "Meeting": "#117733", "Statement": "#882255",
    "Delivery": "#999933", "Event": "#777777",
}
#: Default cap on the events a timeline draws (the most recent dated ones, then undated ones).
MAX_EVENTS = 2000
_ACTOR_ROLES = ("agent", "target", "participant")


@dataclass(slots=True)
class Node:
    iri: str
    label: str
    kind: str
    lat: float | None = None
    long: float | None = None
    precision: str | None = None


@dataclass(slots=True)
class Document:
    iri: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None

    def describe(self) -> str:
        """Title (outlet, date) address: how a page names the article a sentence comes from."""
        text = self.title or self.iri
        details = ", ".join(v for v in (self.source, self.published) if v)
        return text + (f" ({details})" if details else "") + (f" {self.url}" if self.url else "")


@dataclass(slots=True)
class EventRecord:
    iri: str
    type: str
    status: str
    date: str | None = None
    date_text: str | None = None
    resolution: str | None = None
    label: str | None = None
    links: dict[str, list[str]] = field(default_factory=dict)   #: role -> node IRIs (sorted)
    evidence: list[tuple[str, str]] = field(default_factory=list)  #: (sentence, document IRI)


@dataclass(slots=True)
class ViewData:
    events: dict[str, EventRecord]
    nodes: dict[str, Node]
    documents: dict[str, Document]


# ---------------------------------------------------------------------------------- data

def _system(name: str) -> str:
    from .paths import QUERIES_DIR
    return (QUERIES_DIR / "system" / f"{name}.rq").read_text(encoding="utf-8")


def _rows(store: Any, name: str) -> list[dict[str, str]]:
    from .query import rows
    return rows(store.select(_system(name)))


def _kind(types: set[str]) -> str:
    """The most specific known class, in viz.KIND_GROUP's order (the same on every page)."""
    return next((kind for kind in KIND_GROUP if kind in types), sorted(types)[0] if types else "Thing")


def collect(store: Any, *, events: set[str] | None = None) -> ViewData:
    """Every event (or those in ``events``) with its links, the nodes they name and the documents.

    An event merged from several articles keeps each sentence with the article that states it.
    Several values where one is expected (two dates of one merged event) resolve to the smallest,
    so the same store always gives the same pages.
    """
    records: dict[str, EventRecord] = {}
    for row in _rows(store, "view_events"):
        iri = row["event"]
        if events is not None and iri not in events:
            continue
        record = records.get(iri)
        if record is None:
            record = records[iri] = EventRecord(iri, row["eventType"], row["status"])
        for attribute, column in (("date", "date"), ("date_text", "dateText"), ("resolution", "resolution"),
                                  ("label", "label")):
            value = row.get(column)
            if value is not None and (getattr(record, attribute) is None or value < getattr(record, attribute)):
                setattr(record, attribute, value)
        if row["eventType"] < record.type:  # an event typed twice: the same pick every time
            record.type = row["eventType"]
    linked: set[str] = set()
    for row in _rows(store, "view_links"):
        record = records.get(row["event"])
        if record is not None:
            record.links.setdefault(row["role"], []).append(row["node"])
            linked.add(row["node"])
    for record in records.values():
        record.links = {role: sorted(set(nodes)) for role, nodes in sorted(record.links.items())}

    labels: dict[str, set[str]] = defaultdict(set)
    types: dict[str, set[str]] = defaultdict(set)
    coordinates: dict[str, tuple[float, float]] = {}
    precision: dict[str, str] = {}
    for row in _rows(store, "view_nodes"):
        iri = row["node"]
        if iri not in linked:
            continue
        if "label" in row:
            labels[iri].add(row["label"])
        types[iri].add(row["type"])
        if "lat" in row and "long" in row:
            try:
                point = (float(row["lat"]), float(row["long"]))
            except ValueError:
                continue
            if -90 <= point[0] <= 90 and -180 <= point[1] <= 180:
                coordinates[iri] = min(coordinates.get(iri, point), point)
        if "precision" in row:
            precision[iri] = min(precision.get(iri, row["precision"]), row["precision"])
    nodes = {}
    for iri in sorted(linked):
        lat, long = coordinates.get(iri, (None, None))
        fallback = iri.rstrip("/#").rsplit("/", 1)[-1]
        nodes[iri] = Node(iri, min(labels[iri]) if labels[iri] else fallback, _kind(types[iri]), lat, long,
                          precision.get(iri))

    documents: dict[str, Document] = {}
    for row in _rows(store, "view_evidence"):
        record = records.get(row["event"])
        if record is None:
            continue
        record.evidence.append((row["evidence"], row["document"]))
        if row["document"] not in documents:
            documents[row["document"]] = Document(row["document"], row.get("title"), row.get("source"),
                                                  row.get("published"), row.get("url"))
    for record in records.values():
        record.evidence = sorted(set(record.evidence))
    return ViewData(dict(sorted(records.items())), nodes, dict(sorted(documents.items())))


def event_position(record: EventRecord, nodes: dict[str, Node]) -> tuple[Node, bool] | None:
    """Where an event is drawn: its own place with coordinates (the most precise one, then by IRI),
    or else the nearest containing place that has them, flagged approximate (True)."""
    for role, approximate in (("place", False), ("within", True)):
        located = [nodes[n] for n in record.links.get(role, ()) if n in nodes and nodes[n].lat is not None]
        if located:
            rank = {"exact": 0, "region": 1, "country": 2}
            best = min(located, key=lambda n: (rank.get(n.precision or "", 3), _place_rank(n.kind), n.iri))
            return best, approximate
    return None


def _place_rank(kind: str) -> int:
    return {"Facility": 0, "Settlement": 1, "District": 2, "Region": 3, "Country": 4}.get(kind, 5)


def _filter_events(store: Any, *, place: str | None, actor: str | None) -> set[str] | None:
    """The events the named query ``events`` finds for a place (or inside it) and an actor."""
    if place is None and actor is None:
        return None
    from .query import bind, get_query, rows

    params = {k: v for k, v in (("place", place), ("actor", actor)) if v is not None}
    return {row["event"] for row in rows(store.select(bind(get_query("events"), params)))}


# ---------------------------------------------------------------------------------- page assembly

def _json_block(data: Any) -> str:
    """JSON that cannot end its script element or open a comment, whatever the labels hold."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _page(*, title: str, header: str, body: str, data: Any, script: str, style: str) -> str:
    """One self-contained page: the policy allows exactly its own script and style, no network."""
    policy = (f"default-src 'none'; script-src {_digest(script)}; style-src {_digest(style)}; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"<header id=\"kg-header\"><h1>{html.escape(title)}</h1>\n{header}</header>\n{body}\n"
        f"<script type=\"application/json\" id=\"kg-data\">{_json_block(data)}</script>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _shared_data(data: ViewData, records: list[EventRecord]) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                                      list[dict[str, Any]]]:
    """Events, nodes and documents as compact lists: events point at nodes and documents by index."""
    node_ids = sorted({n for r in records for ns in r.links.values() for n in ns if n in data.nodes})
    doc_ids = sorted({d for r in records for _, d in r.evidence})
    node_index = {iri: i for i, iri in enumerate(node_ids)}
    doc_index = {iri: i for i, iri in enumerate(doc_ids)}
    nodes = [{"iri": iri, "label": data.nodes[iri].label, "kind": data.nodes[iri].kind} for iri in node_ids]
    documents = []
    for iri in doc_ids:
        doc = data.documents.get(iri) or Document(iri)
        documents.append({"iri": iri, "text": doc.describe()})
    events = []
    for record in records:
        events.append({
            "iri": record.iri, "type": record.type, "status": record.status, "date": record.date,
            "dateText": record.date_text, "label": record.label,
            "links": {role: [node_index[n] for n in ns if n in node_index] for role, ns in record.links.items()},
            "evidence": [[sentence, doc_index[doc]] for sentence, doc in record.evidence],
        })
    return events, nodes, documents


_BASE_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0 12px 12px; color: #222222; }
#kg-header h1 { font-size: 20px; margin: 10px 0 2px; }
#kg-header p { margin: 2px 0; font-size: 13px; color: #444444; }
.kg-layout { display: flex; gap: 12px; align-items: flex-start; }
.kg-main { flex: 1 1 auto; min-width: 0; }
#kg-panel { flex: 0 0 360px; max-height: 80vh; overflow: auto; box-sizing: border-box;
            border: 1px solid lightgray; padding: 8px 10px; font-size: 13px; }
#kg-panel h2 { font-size: 15px; margin: 0 0 6px; }
#kg-details { white-space: pre-wrap; overflow-wrap: anywhere; }
svg { width: 100%; height: auto; display: block; background: #ffffff; }
svg text { font-family: system-ui, sans-serif; }
.kg-item { cursor: pointer; }
.kg-item:focus { outline: 2px solid #0b57d0; }
.kg-legend svg { width: 12px; height: 12px; display: inline-block; vertical-align: -1px; background: none; }
.kg-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 6px 0; font-size: 13px; }
form { margin: 6px 0; font-size: 13px; display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; }
#kg-undated { font-size: 13px; }
#kg-undated button { font: inherit; text-align: left; background: none; border: 0; padding: 2px 0; color: #0b57d0;
                     cursor: pointer; }
@media (max-width: 900px) { .kg-layout { flex-direction: column; } #kg-panel { flex: none; width: 100%; } }
"""

# Helpers shared by both pages' scripts: text only, never markup.
_SCRIPT_HELPERS = r"""
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var details = document.getElementById("kg-details");
  function svgEl(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function labels(ev, role) {
    return (ev.links[role] || []).map(function (i) { return data.nodes[i].label; });
  }
  function describe(ev) {
    var lines = [ev.type + " (" + ev.status + ")" + (ev.label ? ": " + ev.label : "")];
    if (ev.date || ev.dateText) {
      lines.push("date: " + (ev.date || "") + (ev.dateText ? " (\u201c" + ev.dateText + "\u201d)" : ""));
    }
    [["agent", "by"], ["target", "against"], ["participant", "with"], ["place", "at"], ["within", "in"],
     ["equipment", "equipment"], ["source", "reported by"]].forEach(function (pair) {
      var names = labels(ev, pair[0]);
      if (names.length) { lines.push(pair[1] + ": " + names.join(", ")); }
    });
    if (ev.evidence.length) { lines.push("evidence:"); }
    ev.evidence.forEach(function (item) {
      lines.push("\u2022 \u201c" + item[0] + "\u201d \u2014 " + data.documents[item[1]].text);
    });
    return lines.join("\n");
  }
  function colour(type) { return data.colours[type] || "#777777"; }
"""


def _legend(types: list[str]) -> str:
    items = "".join(f'<li><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">'
                    f'<circle cx="6" cy="6" r="5" fill="{EVENT_COLOURS.get(t, "#777777")}"></circle></svg> '
                    f"{html.escape(t)}</li>" for t in types)
    return f'<ul class="kg-legend">{items}</ul>'


# ---------------------------------------------------------------------------------- timeline

_TIMELINE_STYLE = _BASE_STYLE + """
.kg-lane-label { font-size: 12px; fill: #333333; }
.kg-tick { font-size: 11px; fill: #555555; }
"""

_TIMELINE_SCRIPT = "\n(function () {\n  \"use strict\";" + _SCRIPT_HELPERS + r"""
  var svg = document.getElementById("kg-timeline");
  var placeSelect = document.getElementById("kg-place");
  var actorSelect = document.getElementById("kg-actor");
  var typeSelect = document.getElementById("kg-type");
  var count = document.getElementById("kg-count");
  var undated = document.getElementById("kg-undated");
  function option(select, value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    select.appendChild(o);
  }
  function used(roles) {
    var seen = {};
    data.events.forEach(function (ev) {
      roles.forEach(function (role) { (ev.links[role] || []).forEach(function (i) { seen[i] = true; }); });
    });
    return Object.keys(seen).map(Number).sort(function (a, b) {
      var x = data.nodes[a].label, y = data.nodes[b].label;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }
  used(["place", "within"]).forEach(function (i) { option(placeSelect, String(i), data.nodes[i].label); });
  used(["agent", "target", "participant"]).forEach(function (i) { option(actorSelect, String(i), data.nodes[i].label); });
  data.types.forEach(function (t) { option(typeSelect, t, t); });
  data.events.forEach(function (ev, i) { ev.index = i; });
  function has(ev, roles, index) {
    return roles.some(function (role) { return (ev.links[role] || []).indexOf(index) >= 0; });
  }
  function matches(ev) {
    if (placeSelect.value !== "" && !has(ev, ["place", "within"], Number(placeSelect.value))) { return false; }
    if (actorSelect.value !== "" && !has(ev, ["agent", "target", "participant"], Number(actorSelect.value))) { return false; }
    if (typeSelect.value !== "" && ev.type !== typeSelect.value) { return false; }
    return true;
  }
  function show(ev) { details.textContent = describe(ev); }
  function day(iso) {
    var p = iso.split("-");
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / 86400000;
  }
  function iso(dayNumber) { return new Date(dayNumber * 86400000).toISOString().slice(0, 10); }
  function activate(node, ev) {
    node.addEventListener("click", function () { show(ev); });
    node.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { show(ev); } });
  }
  function ticks(first, last) {
    var out = [], d = new Date(first * 86400000), span = last - first, label;
    if (span <= 70) {
      for (var t = Math.ceil(first / 7) * 7; t <= last; t += 7) { out.push([t, iso(t)]); }
      return out;
    }
    var months = span <= 1100 ? (span <= 400 ? 1 : 3) : 12;
    var y = d.getUTCFullYear(), m = Math.ceil((d.getUTCMonth() + 1) / months) * months;
    for (;;) {
      var t2 = Date.UTC(y + Math.floor(m / 12), m % 12, 1) / 86400000;
      if (t2 > last) { break; }
      label = iso(t2);
      out.push([t2, months === 12 ? label.slice(0, 4) : label.slice(0, 7)]);
      m += months;
    }
    return out;
  }
  function render() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    while (undated.firstChild) { undated.removeChild(undated.firstChild); }
    var shown = data.events.filter(matches);
    var dated = shown.filter(function (ev) { return ev.date; });
    var lanes = data.types.filter(function (t) { return dated.some(function (ev) { return ev.type === t; }); });
    var left = 130, right = 24, top = 16, laneHeight = 44, width = 1000;
    var height = top + Math.max(lanes.length, 1) * laneHeight + 40;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("data-events", String(dated.length));
    if (dated.length) {
      var days = dated.map(function (ev) { return day(ev.date); });
      var first = Math.min.apply(null, days), last = Math.max.apply(null, days);
      if (last - first < 30) { first -= 15; last += 15; }
      var pad = (last - first) * 0.04;
      first -= pad; last += pad;
      var x = function (d) { return left + (d - first) / (last - first) * (width - left - right); };
      var axis = top + lanes.length * laneHeight;
      lanes.forEach(function (t, i) {
        var y = top + i * laneHeight + laneHeight / 2;
        svg.appendChild(svgEl("line", {x1: left, x2: width - right, y1: y, y2: y, stroke: "#e0e0e0"}));
        svg.appendChild(svgEl("text", {x: left - 8, y: y + 4, "text-anchor": "end", "class": "kg-lane-label"}, t));
      });
      svg.appendChild(svgEl("line", {x1: left, x2: width - right, y1: axis, y2: axis, stroke: "#888888"}));
      ticks(first, last).forEach(function (tick) {
        var tx = x(tick[0]);
        svg.appendChild(svgEl("line", {x1: tx, x2: tx, y1: axis, y2: axis + 5, stroke: "#888888"}));
        svg.appendChild(svgEl("text", {x: tx, y: axis + 18, "text-anchor": "middle", "class": "kg-tick"}, tick[1]));
      });
      var stack = {};
      dated.forEach(function (ev) {
        var lane = lanes.indexOf(ev.type), key = lane + "/" + ev.date;
        var level = stack[key] = (stack[key] || 0) + 1;
        var offset = (level % 2 ? 1 : -1) * Math.floor(level / 2) * 9;
        var hollow = ev.status !== "occurred";
        var dot = svgEl("circle", {cx: x(day(ev.date)).toFixed(1), cy: top + lane * laneHeight + laneHeight / 2 + offset,
                                   r: 7, fill: hollow ? "#ffffff" : colour(ev.type), stroke: colour(ev.type),
                                   "stroke-width": hollow ? 2.5 : 1, "class": "kg-item kg-event", tabindex: 0,
                                   role: "button", "data-index": ev.index});
        dot.appendChild(svgEl("title", {}, describe(ev)));
        activate(dot, ev);
        svg.appendChild(dot);
      });
    } else {
      svg.appendChild(svgEl("text", {x: 20, y: 40, "class": "kg-tick"}, "No dated event matches the filters."));
    }
    shown.filter(function (ev) { return !ev.date; }).forEach(function (ev) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kg-undated-event";
      button.textContent = ev.type + " (" + ev.status + ")" + (ev.label ? ": " + ev.label : "");
      activate(button, ev);
      item.appendChild(button);
      undated.appendChild(item);
    });
    count.textContent = "showing " + shown.length + " of " + data.events.length + " events (" +
      (shown.length - dated.length) + " without a date)";
  }
  [placeSelect, actorSelect, typeSelect].forEach(function (s) { s.addEventListener("change", render); });
  document.getElementById("kg-filters").addEventListener("submit", function (e) { e.preventDefault(); });
  render();
})();
"""


def timeline_html(data: ViewData, *, title: str = "kg timeline", max_events: int = MAX_EVENTS,
                  note: str | None = None) -> tuple[str, int, int]:
    """The timeline page; returns (page, events on it, events given). Over ``max_events`` the most
    recent dated events are kept (undated ones only if room is left), and the page says so."""
    if max_events < 1:
        raise QueryError(f"max_events must be 1 or more, got {max_events}")
    records = list(data.events.values())
    dated = sorted((r for r in records if r.date), key=lambda r: (r.date or "", r.iri), reverse=True)
    undated = sorted((r for r in records if not r.date), key=lambda r: r.iri)
    kept = (dated + undated)[:max_events]
    kept.sort(key=lambda r: (r.date is None, r.date or "", r.type, r.iri))
    events, nodes, documents = _shared_data(data, kept)
    types = sorted({r.type for r in kept}, key=lambda t: (list(EVENT_COLOURS).index(t) if t in EVENT_COLOURS
                                                          else len(EVENT_COLOURS), t))
    payload = {"events": events, "nodes": nodes, "documents": documents, "types": types,
               "colours": {t: EVENT_COLOURS.get(t, "#777777") for t in types}}
    header = [f"<p>{len(kept)} events: each dot is one event on the day it is dated (hollow: claimed, planned, "
              "threatened or denied). Hover a dot for its evidence; click it to keep it in the panel.</p>"]
    if len(kept) < len(records):
        header.append(f'<p class="kg-truncated">showing the {len(kept)} most recent of {len(records)} events '
                      f"(cap: {max_events}, kg timeline --max-events)</p>")
    else:
        header.append(f"<p>Cap: at most {max_events} events are drawn, the most recent first "
                      "(kg timeline --max-events).</p>")
    if note:
        header.append(f"<p>{html.escape(note)}</p>")
    header.append(_legend(types))
    body = ('<form id="kg-filters"><label>Place <select id="kg-place"><option value="">any place</option>'
            '</select></label><label>Actor <select id="kg-actor"><option value="">any actor</option></select>'
            '</label><label>Type <select id="kg-type"><option value="">any type</option></select></label>'
            '<output id="kg-count"></output></form>\n'
            '<div class="kg-layout"><div class="kg-main"><svg id="kg-timeline" role="img" '
            'aria-label="Events on a time axis"></svg><h2>Events without a date</h2><ul id="kg-undated"></ul></div>'
            '<aside id="kg-panel"><h2>Details</h2><div id="kg-details">Click an event to see its evidence.</div>'
            "</aside></div>")
    page = _page(title=title, header="\n".join(header), body=body, data=payload, script=_TIMELINE_SCRIPT,
                 style=_TIMELINE_STYLE)
    return page, len(kept), len(records)


# ---------------------------------------------------------------------------------- map

#: Grid cells across the frame for the settlement base map.
_CELLS_ACROSS = 120
#: Events whose details a map place lists (the most recent); its count covers all of them.
_LISTED_PER_PLACE = 40
_MAP_WIDTH = 1000


@functools.cache
def _index_rows() -> tuple[tuple[tuple[float, float, str], ...], dict[str, str]]:
    """Settlements (lat, long, country) and country names (code -> name) from the place index,
    read once per process."""
    from .resolve.places import INDEX_FILE

    points: list[tuple[float, float, str]] = []
    countries: dict[str, str] = {}
    with gzip.open(INDEX_FILE, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        at = {name: i for i, name in enumerate(next(reader))}
        for row in reader:
            kind, country = row[at["kind"]], row[at["country"]]
            if kind == "Country":
                countries[country] = row[at["name"]]
            elif kind == "Settlement" and row[at["lat"]] and row[at["long"]]:
                points.append((float(row[at["lat"]]), float(row[at["long"]]), country))
    return tuple(points), countries


def _frame(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the points with a margin; Ukraine when there are none."""
    if not points:
        return 22.0, 44.0, 41.0, 52.5
    lats, longs = [p[0] for p in points], [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(longs), max(longs)
    margin = max(1.0, 0.08 * max(north - south, east - west))
    south, north, west, east = south - margin, north + margin, west - margin, east + margin
    if north - south < 9:  # at least about Ukraine's size, so the base map shows coasts and borders
        middle = (north + south) / 2
        south, north = middle - 4.5, middle + 4.5
    if east - west < 16:
        middle = (east + west) / 2
        west, east = middle - 8, middle + 8
    return max(west, -180.0), max(south, -85.0), min(east, 180.0), min(north, 85.0)


def _base_map(frame: tuple[float, float, float, float], scale: tuple[float, float]) -> list[dict[str, Any]]:
    """One SVG path per country: the grid cells holding a settlement of the place index."""
    west, south, east, north = frame
    kx, ky = scale
    settlements, names = _index_rows()
    cell = max((east - west) / _CELLS_ACROSS, 0.04)
    cells: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for lat, long, country in settlements:
        if south <= lat <= north and west <= long <= east:
            cells[country].add((int((long - west) / cell), int((north - lat) / cell)))
    size_x, size_y = cell * kx, cell * ky
    layers = []
    for country in sorted(cells):
        squares = sorted(cells[country])
        path = "".join(f"M{i * size_x:.1f} {j * size_y:.1f}h{size_x * 0.82:.2f}v{size_y * 0.82:.2f}"
                       f"h{-size_x * 0.82:.2f}z" for i, j in squares)
        xs = sorted(i for i, _ in squares)
        ys = sorted(j for _, j in squares)
        layers.append({"country": country, "name": names.get(country, country), "path": path,
                       "cells": len(squares), "labelX": round((xs[len(xs) // 2] + 0.5) * size_x, 1),
                       "labelY": round((ys[len(ys) // 2] + 0.5) * size_y, 1)})
    return layers


_MAP_STYLE = _BASE_STYLE + """
.kg-graticule { font-size: 10px; fill: #777777; }
.kg-country { font-size: 14px; fill: #555555; font-weight: 600; }
.kg-place-label { font-size: 12px; fill: #222222; }
"""

_MAP_SCRIPT = "\n(function () {\n  \"use strict\";" + _SCRIPT_HELPERS + r"""
  var svg = document.getElementById("kg-map");
  var m = data.map;
  svg.setAttribute("viewBox", "0 0 " + m.width + " " + m.height);
  function x(long) { return (long - m.west) * m.kx; }
  function y(lat) { return (m.north - lat) * m.ky; }
  svg.appendChild(svgEl("rect", {x: 0, y: 0, width: m.width, height: m.height, fill: "#f4f8fb"}));
  m.base.forEach(function (layer) {
    svg.appendChild(svgEl("path", {d: layer.path, fill: layer.country === m.home ? "#cfdcc8" : "#dedede"}));
  });
  for (var g = Math.ceil(m.west / m.step) * m.step; g <= m.east; g += m.step) {
    svg.appendChild(svgEl("line", {x1: x(g), x2: x(g), y1: 0, y2: m.height, stroke: "#b8c4cc", "stroke-width": 0.6}));
    svg.appendChild(svgEl("text", {x: x(g) + 3, y: m.height - 4, "class": "kg-graticule"}, g + "\u00b0E"));
  }
  for (var h = Math.ceil(m.south / m.step) * m.step; h <= m.north; h += m.step) {
    svg.appendChild(svgEl("line", {x1: 0, x2: m.width, y1: y(h), y2: y(h), stroke: "#b8c4cc", "stroke-width": 0.6}));
    svg.appendChild(svgEl("text", {x: 3, y: y(h) - 3, "class": "kg-graticule"}, h + "\u00b0N"));
  }
  m.base.forEach(function (layer) {
    if (layer.cells >= 25) {
      svg.appendChild(svgEl("text", {x: layer.labelX, y: layer.labelY, "text-anchor": "middle", "class": "kg-country"},
                            layer.name));
    }
  });
  function describePlace(place) {
    var lines = [place.label + " (" + place.kind + ")",
                 "coordinates: " + place.lat + ", " + place.long + (place.precision ? " (" + place.precision + ")" : ""),
                 place.count + " event" + (place.count === 1 ? "" : "s") +
                 (place.approximate ? ", " + place.approximate + " of them placed here because they " +
                  "happened somewhere inside it" : "")];
    place.events.forEach(function (i) { lines.push(""); lines.push(describe(data.events[i])); });
    if (place.count > place.events.length) {
      lines.push(""); lines.push("\u2026 and " + (place.count - place.events.length) + " earlier events");
    }
    return lines.join("\n");
  }
  var labelled = {};
  data.places.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (place) {
    var dot = svgEl("circle", {cx: x(place.long).toFixed(1), cy: y(place.lat).toFixed(1),
                               r: (4 + 3.5 * Math.sqrt(place.count)).toFixed(1),
                               fill: "#D55E00", "fill-opacity": 0.55, stroke: "#7a2e00", "stroke-width": 1.2,
                               "class": "kg-item kg-place", tabindex: 0, role: "button",
                               "data-events": place.count});
    var text = describePlace(place);
    dot.appendChild(svgEl("title", {}, text));
    var spot = x(place.long).toFixed(0) + "," + y(place.lat).toFixed(0);
    var below = labelled[spot] = (labelled[spot] || 0) + 1;  // places at one point: labels stacked
    svg.appendChild(svgEl("text", {x: (x(place.long) + 7 + 3.5 * Math.sqrt(place.count)).toFixed(1),
                                   y: (y(place.lat) + 4 + 14 * (below - 1)).toFixed(1), "class": "kg-place-label",
                                   stroke: "#ffffff",
                                   "stroke-width": 3, "paint-order": "stroke"}, place.label));
    dot.addEventListener("click", function () { details.textContent = text; });
    dot.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { details.textContent = text; } });
    svg.appendChild(dot);
  });
  var placed = data.places.reduce(function (n, p) { return n + p.count; }, 0);
  document.getElementById("kg-count").textContent = data.places.length + " places, " + placed + " of " +
    data.total + " events on the map (" + (data.total - placed) + " without coordinates)";
})();
"""


def map_html(data: ViewData, *, title: str = "kg map", note: str | None = None) -> tuple[str, int, int]:
    """The map page; returns (page, places drawn, events placed on them)."""
    records = list(data.events.values())
    by_place: dict[str, list[EventRecord]] = defaultdict(list)
    approximate: Counter[str] = Counter()
    for record in records:
        spot = event_position(record, data.nodes)
        if spot is not None:
            by_place[spot[0].iri].append(record)
            approximate[spot[0].iri] += spot[1]
    # The page carries the details of the first events of each place only (the panel lists no more),
    # so a big store still gives a page a browser opens quickly; the counts are complete.
    listed = {iri: sorted(group, key=lambda r: (r.date or "", r.iri), reverse=True)[:_LISTED_PER_PLACE]
              for iri, group in by_place.items()}
    kept = [r for iri in sorted(listed) for r in listed[iri]]
    index = {r.iri: i for i, r in enumerate(kept)}
    events, nodes, documents = _shared_data(data, kept)
    places = []
    for iri in sorted(by_place):
        node = data.nodes[iri]
        places.append({"iri": iri, "label": node.label, "kind": node.kind, "lat": node.lat, "long": node.long,
                       "precision": node.precision, "count": len(by_place[iri]), "approximate": approximate[iri],
                       "events": [index[r.iri] for r in listed[iri]]})
    frame = _frame([(p["lat"], p["long"]) for p in places])
    west, south, east, north = frame
    middle = math.radians((north + south) / 2)
    kx = _MAP_WIDTH / (east - west)
    ky = kx / max(math.cos(middle), 0.2)  # plate carrée stretched at the middle latitude: shapes look right
    height = round((north - south) * ky, 1)
    span = max(east - west, north - south)
    step = 1 if span <= 12 else 2 if span <= 25 else 5 if span <= 60 else 10 if span <= 120 else 30
    home = _home_country(data)
    payload = {
        "events": events, "nodes": nodes, "documents": documents, "places": places, "total": len(records),
        "colours": {t: EVENT_COLOURS.get(t, "#777777") for t in sorted({r.type for r in records})},
        "map": {"west": west, "south": south, "east": east, "north": north, "kx": round(kx, 4),
                "ky": round(ky, 4), "width": _MAP_WIDTH, "height": height, "step": step,
                "home": home, "base": _base_map(frame, (kx, ky))},
    }
    placed = sum(len(v) for v in by_place.values())
    header = [f"<p>{len(places)} places with coordinates and {placed} of {len(records)} events. A circle's area "
              "grows with the number of events at the place; click it for the events and their evidence.</p>",
              "<p>Base map drawn offline from the project's place index: every grid cell that holds a settlement "
              "is shaded (the home country darker), with a graticule and country names. No tiles, no network.</p>"]
    if note:
        header.append(f"<p>{html.escape(note)}</p>")
    body = ('<p><output id="kg-count"></output></p>\n<div class="kg-layout"><div class="kg-main">'
            '<svg id="kg-map" role="img" aria-label="Places and events on a map"></svg></div>'
            '<aside id="kg-panel"><h2>Details</h2><div id="kg-details">Click a place to see its events.</div>'
            "</aside></div>")
    page = _page(title=title, header="\n".join(header), body=body, data=payload, script=_MAP_SCRIPT,
                 style=_MAP_STYLE)
    return page, len(places), placed


def _home_country(data: ViewData) -> str | None:
    """The ISO code of the country most events lie in (shaded darker on the map), if any."""
    _, names = _index_rows()
    codes = {name: code for code, name in names.items()}
    counts: Counter[str] = Counter()
    for record in data.events.values():
        found = {data.nodes[n].label for role in ("place", "within") for n in record.links.get(role, ())
                 if n in data.nodes and data.nodes[n].kind == "Country"}
        counts.update(codes[name] for name in found if name in codes)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


# ---------------------------------------------------------------------------------- GeoJSON

def geojson(data: ViewData) -> dict[str, Any]:
    """A FeatureCollection: one Point per place with coordinates (``featureType`` "place", with its
    event count) and one per event that can be placed (``featureType`` "event", with its roles and
    evidence; ``approximate`` when it is drawn at a place containing its own)."""
    features: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    event_features = []
    for record in data.events.values():
        spot = event_position(record, data.nodes)
        if spot is None:
            continue
        node, approximate = spot
        counts[node.iri] += 1

        def names(role: str, record: EventRecord = record) -> list[str]:
            return [data.nodes[n].label for n in record.links.get(role, ()) if n in data.nodes]
        evidence = []
        for sentence, doc in record.evidence:
            document = data.documents.get(doc) or Document(doc)
            evidence.append({"sentence": sentence, "document": doc, "title": document.title,
                             "source": document.source, "published": document.published, "url": document.url})
        event_features.append({
            "type": "Feature", "id": record.iri,
            "geometry": {"type": "Point", "coordinates": [node.long, node.lat]},
            "properties": {"featureType": "event", "iri": record.iri, "eventType": record.type,
                           "status": record.status, "date": record.date, "dateText": record.date_text,
                           "label": record.label, "place": node.label, "placeIri": node.iri,
                           "approximate": approximate, "agents": names("agent"), "targets": names("target"),
                           "participants": names("participant"), "equipment": names("equipment"),
                           "sources": names("source"), "evidence": evidence},
        })
    for node in sorted((n for n in data.nodes.values() if n.lat is not None and n.long is not None
                        and KIND_GROUP.get(n.kind) == "place"), key=lambda n: n.iri):
        features.append({
            "type": "Feature", "id": node.iri,
            "geometry": {"type": "Point", "coordinates": [node.long, node.lat]},
            "properties": {"featureType": "place", "iri": node.iri, "label": node.label, "kind": node.kind,
                           "precision": node.precision, "events": counts[node.iri]},
        })
    return {"type": "FeatureCollection", "features": features + event_features}


# ---------------------------------------------------------------------------------- files

def _note(place: str | None, actor: str | None) -> str | None:
    parts = [f"place = {place}" if place else "", f"actor = {actor}" if actor else ""]
    text = "; ".join(p for p in parts if p)
    return f"Events chosen with the named query events: {text}" if text else None


def write_timeline(store: Any, out: Path, *, place: str | None = None, actor: str | None = None,
                   max_events: int = MAX_EVENTS, title: str = "kg timeline") -> tuple[Path, int, int]:
    """The store's events (those at ``place`` and with ``actor`` if given) as a timeline page at
    ``out``, written atomically; returns (path, events drawn, events chosen)."""
    from .export import write_atomically

    data = collect(store, events=_filter_events(store, place=place, actor=actor))
    page, shown, total = timeline_html(data, title=title, max_events=max_events, note=_note(place, actor))
    write_atomically(Path(out), page.encode("utf-8"))
    return Path(out), shown, total


def write_map(store: Any, out: Path, *, place: str | None = None, actor: str | None = None,
              title: str = "kg map") -> tuple[Path, int, int]:
    """The store's events and their places as a map page at ``out``, written atomically; returns
    (path, places drawn, events placed)."""
    from .export import write_atomically

    data = collect(store, events=_filter_events(store, place=place, actor=actor))
    page, places, placed = map_html(data, title=title, note=_note(place, actor))
    write_atomically(Path(out), page.encode("utf-8"))
    return Path(out), places, placed
