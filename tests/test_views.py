"""kg.views (timeline, map, GeoJSON), the viz filters, and the pages in a real headless Chromium.

The store is built by hand from an invented little war (no model needed); labels and sentences
include markup and script that must stay text.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.names import name_key
from kg.vocab import GEO, ID, KG

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
IMG_LABEL = "<img src=x onerror=alert('img')>"
SCRIPT_SENTENCE = "</script><script>alert('script')</script> The envoy toured the <b>quay</b>."
SVG_LABEL = '"><svg onload=alert("svg")>'

NORTHPORT, MILLBROOK, VELDRA, OSTRIA, DEPOT = (ID["place/northport"], ID["place/millbrook"], ID["place/veldra"],
                                               ID["place/ostria"], ID["place/depot"])
QUILL, TIDES, ENVOY, HARROW = ID["actor/quill"], ID["actor/tides"], ID["actor/envoy"], ID["equipment/harrow"]
STRIKE, VISIT, LOSS, MEETING = (ID["event/strike-1"], ID["event/visit-1"], ID["event/loss-1"],
                                ID["event/meeting-1"])
DOC_A, DOC_B = ID["doc/harbour-bulletin"], ID["doc/evening-note"]
STRIKE_SENTENCE = "Quill Brigade shelled the harbour depot with a Harrow howitzer."


def _node(g: Graph, iri: URIRef, kind: str, label: str, *, lat: float | None = None, long: float | None = None,
          within: URIRef | None = None, precision: str | None = None) -> None:
    g.add((iri, RDF.type, KG[kind]))
    g.add((iri, RDFS.label, Literal(label)))
    g.add((iri, KG.nameKey, Literal(name_key(label))))
    if lat is not None:
        g.add((iri, GEO.lat, Literal(lat)))
        g.add((iri, GEO.long, Literal(long)))
    if within is not None:
        g.add((iri, KG.locatedIn, within))
    if precision:
        g.add((iri, KG.geoPrecision, Literal(precision)))


def _places(g: Graph) -> None:
    _node(g, OSTRIA, "Country", "Ostria", lat=50.45, long=30.52, precision="country")
    _node(g, VELDRA, "Region", "Veldra Oblast", lat=47.8, long=35.2, within=OSTRIA, precision="exact")
    _node(g, NORTHPORT, "Settlement", "Northport", lat=47.1, long=35.4, within=VELDRA, precision="exact")
    _node(g, MILLBROOK, "Settlement", "Millbrook", lat=48.3, long=37.1, within=VELDRA, precision="exact")
    _node(g, DEPOT, "Facility", "Harbour depot", within=NORTHPORT)


def _event(g: Graph, iri: URIRef, kind: str, status: str, doc: URIRef, sentence: str, *,
           day: str | None = None, **roles: URIRef) -> None:
    g.add((iri, RDF.type, KG[kind]))
    g.add((iri, RDFS.label, Literal(f"{kind}: {iri.split('/')[-1]}")))
    g.add((iri, KG.status, KG[status]))
    g.add((iri, KG.evidence, Literal(sentence)))
    g.add((iri, KG.mentionedIn, doc))
    if day:
        g.add((iri, KG.date, Literal(day, datatype=XSD_DATE)))
        g.add((iri, KG.dateText, Literal(f"on {day}")))
    for role, node in roles.items():
        g.add((iri, KG[role], node))


def article_graphs() -> list[tuple[URIRef, Graph]]:
    """Two invented articles: A (a strike claimed by a ministry), B (a visit, a loss, a meeting)."""
    a = Graph()
    a.add((DOC_A, RDF.type, KG.Document))
    a.add((DOC_A, URIRef("http://purl.org/dc/terms/title"), Literal("Harbour bulletin")))
    a.add((DOC_A, KG.source, Literal("Example Gazette")))
    a.add((DOC_A, KG.published, Literal("2024-03-03", datatype=XSD_DATE)))
    a.add((DOC_A, KG.contentHash, Literal("a")))
    _places(a)
    _node(a, QUILL, "ArmedForce", "Quill Brigade")
    _node(a, TIDES, "GovernmentBody", "Ministry of Tides")
    _node(a, HARROW, "Equipment", "Harrow howitzer")
    _event(a, STRIKE, "Strike", "occurred", DOC_A, STRIKE_SENTENCE, day="2024-03-02", agent=QUILL, place=DEPOT,
           equipment=HARROW)
    claim = ID["claim/a1"]
    a.add((claim, RDF.type, KG.Claim))
    a.add((claim, KG.about, STRIKE))
    a.add((claim, KG.reportedBy, TIDES))
    a.add((claim, KG.evidence, Literal(STRIKE_SENTENCE)))
    a.add((claim, KG.mentionedIn, DOC_A))

    b = Graph()
    b.add((DOC_B, RDF.type, KG.Document))
    b.add((DOC_B, URIRef("http://purl.org/dc/terms/title"), Literal(f"Evening note {SVG_LABEL}")))
    b.add((DOC_B, KG.contentHash, Literal("b")))
    _places(b)
    _node(b, QUILL, "ArmedForce", "Quill Brigade")
    _node(b, ENVOY, "Person", IMG_LABEL)
    _event(b, VISIT, "Visit", "occurred", DOC_B, SCRIPT_SENTENCE, day="2024-03-05", agent=ENVOY, place=NORTHPORT)
    _event(b, LOSS, "Loss", "claimed", DOC_B, "Quill Brigade lost a truck near Millbrook.", target=QUILL,
           place=MILLBROOK)
    _event(b, MEETING, "Meeting", "planned", DOC_B, "The envoy will meet Quill Brigade.", day="2023-11-20",
           agent=ENVOY, participant=QUILL)
    return [(DOC_A, a), (DOC_B, b)]


def build_store(location: Path) -> Any:
    """An embedded store holding the two invented articles (one graph each, as kg ingest writes)."""
    from kg.store import LocalStore

    store = LocalStore(location)
    store.replace_documents((name, g.serialize(format="nt")) for name, g in article_graphs())
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    location = tmp_path_factory.mktemp("views") / "store"
    opened = build_store(location)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def store_path(store: Any) -> Path:
    return Path(store.location)


# ---------------------------------------------------------------------------------- data

def test_collect_reads_events_links_and_evidence_with_their_article(store: Any) -> None:
    from kg.views import collect, event_position

    data = collect(store)
    assert sorted(data.events) == sorted(map(str, (STRIKE, VISIT, LOSS, MEETING)))
    strike = data.events[str(STRIKE)]
    assert (strike.type, strike.status, strike.date) == ("Strike", "occurred", "2024-03-02")
    assert strike.links["agent"] == [str(QUILL)] and strike.links["source"] == [str(TIDES)]
    assert strike.links["within"] == sorted(map(str, (NORTHPORT, OSTRIA, VELDRA)))
    assert strike.evidence == [(STRIKE_SENTENCE, str(DOC_A))]
    assert data.documents[str(DOC_A)].describe() == "Harbour bulletin (Example Gazette, 2024-03-03)"
    # The depot has no coordinates: the strike is drawn at Northport, which contains it, flagged.
    node, approximate = event_position(strike, data.nodes)
    assert (node.label, approximate) == ("Northport", True)
    visit_node, visit_approx = event_position(data.events[str(VISIT)], data.nodes)
    assert (visit_node.label, visit_approx) == ("Northport", False)
    assert event_position(data.events[str(MEETING)], data.nodes) is None


def test_geojson_is_data_with_lon_lat_points(store: Any) -> None:
    from kg.views import collect, geojson

    collection = geojson(collect(store))
    assert collection["type"] == "FeatureCollection"
    kinds = [f["properties"]["featureType"] for f in collection["features"]]
    assert kinds.count("event") == 3  # the meeting has no place
    places = {f["properties"]["label"]: f for f in collection["features"] if f["properties"]["featureType"] == "place"}
    assert sorted(places) == ["Millbrook", "Northport", "Ostria", "Veldra Oblast"]
    assert places["Northport"]["geometry"] == {"type": "Point", "coordinates": [35.4, 47.1]}
    assert places["Northport"]["properties"]["events"] == 2
    visit = next(f for f in collection["features"] if f["id"] == str(VISIT))
    assert visit["properties"]["agents"] == [IMG_LABEL]  # data, not markup: nothing escaped
    assert visit["properties"]["evidence"][0]["sentence"] == SCRIPT_SENTENCE
    strike = next(f for f in collection["features"] if f["id"] == str(STRIKE))
    assert strike["properties"]["approximate"] is True and strike["properties"]["sources"] == ["Ministry of Tides"]


# ---------------------------------------------------------------------------------- pages

def _data_block(page: str) -> Any:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    assert found
    return json.loads(found.group(1))


def _assert_inert(page: str) -> None:
    """Hostile strings appear only JSON-escaped inside the data block, nowhere as markup."""
    for hostile in (IMG_LABEL, "<script>alert", "<svg onload", "<b>quay"):
        assert hostile not in page
    data_text = re.search(r'id="kg-data">(.*?)</script>', page, re.DOTALL).group(1)
    assert "<" not in data_text and ">" not in data_text and "&" not in data_text
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    assert policy.startswith("default-src 'none'; script-src 'sha256-") and "'unsafe-inline'" not in policy
    assert "connect-src" not in policy and "http" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert not re.search(r"<[a-z][^>]*\b(src|href)\s*=", page, re.IGNORECASE)  # nothing to fetch
    assert not re.search(r"<[^>]+\son\w+\s*=", re.sub(r"<script.*?</script>", "", page, flags=re.DOTALL))


def test_timeline_page_is_self_contained_inert_and_repeatable(store: Any) -> None:
    from kg.views import collect, timeline_html

    data = collect(store)
    page, shown, total = timeline_html(data, title=f"Timeline {IMG_LABEL}")
    assert (shown, total) == (4, 4)
    _assert_inert(page)
    assert f"<title>Timeline {html.escape(IMG_LABEL)}</title>" in page
    payload = _data_block(page)
    assert [e["type"] for e in payload["events"]] == ["Meeting", "Strike", "Visit", "Loss"]  # by date, undated last
    visit = payload["events"][2]
    assert [payload["nodes"][i]["label"] for i in visit["links"]["agent"]] == [IMG_LABEL]
    assert visit["evidence"] == [[SCRIPT_SENTENCE, payload["documents"].index(
        {"iri": str(DOC_B), "text": f"Evening note {SVG_LABEL}"})]]
    assert timeline_html(collect(store), title=f"Timeline {IMG_LABEL}")[0] == page
    assert "Cap: at most 2000 events" in page


def test_timeline_cap_keeps_the_most_recent_and_says_so(store: Any) -> None:
    from kg.views import collect, timeline_html

    page, shown, total = timeline_html(collect(store), max_events=2)
    assert (shown, total) == (2, 4)
    assert "showing the 2 most recent of 4 events (cap: 2" in page
    assert [e["date"] for e in _data_block(page)["events"]] == ["2024-03-02", "2024-03-05"]


def test_map_page_places_events_on_an_offline_base_map(store: Any) -> None:
    from kg.views import collect, map_html

    page, places, placed = map_html(collect(store), title="Map")
    assert (places, placed) == (2, 3)
    _assert_inert(page)
    payload = _data_block(page)
    assert {p["label"]: (p["count"], len(p["events"])) for p in payload["places"]} == {"Millbrook": (1, 1),
                                                                                        "Northport": (2, 2)}
    northport = next(p for p in payload["places"] if p["label"] == "Northport")
    assert northport["approximate"] == 1 and payload["total"] == 4
    frame = payload["map"]
    assert frame["west"] < 35.4 < 37.1 < frame["east"] and frame["south"] < 47.1 < 48.3 < frame["north"]
    base = {layer["country"]: layer for layer in frame["base"]}
    assert base["UA"]["cells"] > 500 and re.fullmatch(r"(M[\d.]+ [\d.]+h[\d.]+v[\d.]+h-[\d.]+z)+", base["UA"]["path"])
    assert base["UA"]["name"] == "Ukraine"
    assert map_html(collect(store), title="Map")[0] == page


def test_views_restricted_by_the_named_query_events(store: Any, tmp_path: Path) -> None:
    from kg.views import write_map, write_timeline

    path, shown, total = write_timeline(store, tmp_path / "t.html", place="Veldra Oblast")
    assert (shown, total) == (3, 3)  # everything inside the region; not the unplaced meeting
    assert "Events chosen with the named query events: place = Veldra Oblast" in path.read_text(encoding="utf-8")
    _, shown, _ = write_timeline(store, tmp_path / "t.html", actor="Quill Brigade")
    assert shown == 3  # strike (agent), loss (target), meeting (participant)
    _, places, placed = write_map(store, tmp_path / "m.html", actor=IMG_LABEL)
    assert (places, placed) == (1, 1)
    assert not list(tmp_path.glob(".*.tmp"))


# ---------------------------------------------------------------------------------- viz filters

def test_viz_filters_keep_matching_events_with_their_neighbours() -> None:
    from kg.viz import to_networkx

    graph = Graph()
    for _, g in article_graphs():
        graph += g
    labels = lambda drawn: sorted(drawn.nodes[n]["label"] for n in drawn.nodes)  # noqa: E731
    by_place = to_networkx(graph, place="veldra oblast")
    assert {n for n in by_place if "/event/" in n} == {str(STRIKE), str(VISIT), str(LOSS)}
    assert by_place.graph["filters"] == {"place": "veldra oblast"}
    by_actor = to_networkx(graph, actor="Quill Brigade", kinds=["Loss"])
    assert labels(by_actor) == ["Loss: loss-1", "Millbrook", "Quill Brigade"]
    dated = to_networkx(graph, date_from=date(2024, 3, 1), date_to=date(2024, 3, 4))
    assert {n for n in dated if "/event/" in n} == {str(STRIKE)}
    with pytest.raises(Exception, match="no place is named 'Atlantis'"):
        to_networkx(graph, place="Atlantis")
    with pytest.raises(Exception, match="after --to"):
        to_networkx(graph, date_from=date(2024, 3, 4), date_to=date(2024, 3, 1))


def test_cli_views_and_viz_filters(store_path: Path, tmp_path: Path) -> None:
    from kg.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["viz", "--store", str(store_path), "--out", str(tmp_path / "g.html"),
                                 "--type", "Strike", "--from", "2024-01-01", "--to", "2024-12-31"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "Filters: type = Strike; from = 2024-01-01; to = 2024-12-31" in page
    assert "Cap: at most 500 nodes are drawn" in page
    bad = runner.invoke(app, ["viz", "--store", str(store_path), "--from", "March"])
    assert bad.exit_code == 2 and "--from expects YYYY-MM-DD" in bad.output
    result = runner.invoke(app, ["timeline", "--store", str(store_path), "--out", str(tmp_path / "t.html"),
                                 "--place", "Northport"])
    assert result.exit_code == 0 and "(2 of 2 events)" in result.output
    result = runner.invoke(app, ["map", "--store", str(store_path), "--out", str(tmp_path / "m.html")])
    assert result.exit_code == 0 and "(2 places, 3 events)" in result.output


# ---------------------------------------------------------------------------------- headless Chromium

CHROMIUM = Path("/usr/bin/chromium")
browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package chromium)")

EARLY = """
window.__kg = {alerts: [], errors: [], violations: []};
["alert", "confirm", "prompt", "print"].forEach(function (name) {
  window[name] = function () { window.__kg.alerts.push(name + ": " + Array.prototype.join.call(arguments, " ")); };
});
window.addEventListener("error", function (e) { window.__kg.errors.push("error: " + e.message); });
document.addEventListener("securitypolicyviolation", function (e) {
  window.__kg.violations.push(e.violatedDirective + " " + e.blockedURI);
});
["error", "warn"].forEach(function (level) {
  var original = console[level];
  console[level] = function () {
    window.__kg.errors.push(level + ": " + Array.prototype.join.call(arguments, " "));
    original.apply(console, arguments);
  };
});
"""

FINISH = """
  r.foreign = document.querySelectorAll("body img, body iframe, body object, body embed, body a, body svg svg, "
                                        + "body foreignObject").length;
  r.titlesWithElements = Array.prototype.filter.call(document.querySelectorAll("svg title"),
                                                     function (t) { return t.children.length > 0; }).length;
  r.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
  var out = document.createElement("pre");
  out.id = "kg-test-results";
  out.textContent = JSON.stringify(r);
  document.body.appendChild(out);
"""

TIMELINE_LATE = """
setTimeout(function () {  // after the load, so an image error (the control) has been reported
  var r = window.__kg;
  function counts() {
    return {dots: document.querySelectorAll("#kg-timeline circle.kg-event").length,
            undated: document.querySelectorAll("#kg-undated li").length,
            text: document.getElementById("kg-count").textContent};
  }
  function choose(id, label) {
    var select = document.getElementById(id);
    var option = Array.prototype.find.call(select.options, function (o) { return o.textContent === label; });
    select.value = option ? option.value : "";
    select.dispatchEvent(new Event("change"));
  }
  r.all = counts();
  r.placeOptions = Array.prototype.map.call(document.querySelectorAll("#kg-place option"), function (o) { return o.textContent; });
  r.actorOptions = Array.prototype.map.call(document.querySelectorAll("#kg-actor option"), function (o) { return o.textContent; });
  r.lanes = Array.prototype.map.call(document.querySelectorAll(".kg-lane-label"), function (t) { return t.textContent; });
  choose("kg-place", "Veldra Oblast"); r.place = counts(); choose("kg-place", "");
  choose("kg-actor", "Quill Brigade"); r.actor = counts(); choose("kg-actor", "");
  choose("kg-type", "Visit"); r.type = counts();
  var dot = document.querySelector("#kg-timeline circle.kg-event");
  r.tip = dot.querySelector("title").textContent;
  dot.dispatchEvent(new MouseEvent("click", {bubbles: true}));
  r.clicked = document.getElementById("kg-details").textContent;
  choose("kg-type", "");
  document.querySelector("#kg-undated button").click();
  r.undatedClicked = document.getElementById("kg-details").textContent;
""" + FINISH + "}, 500);"

MAP_LATE = """
setTimeout(function () {
  var r = window.__kg;
  var dots = document.querySelectorAll("#kg-map circle.kg-place");
  r.places = dots.length;
  r.events = Array.prototype.map.call(dots, function (d) { return Number(d.getAttribute("data-events")); });
  r.basePaths = document.querySelectorAll("#kg-map path").length;
  r.labels = Array.prototype.map.call(document.querySelectorAll("#kg-map text.kg-country"), function (t) { return t.textContent; });
  r.count = document.getElementById("kg-count").textContent;
  dots[0].dispatchEvent(new MouseEvent("click", {bubbles: true}));
  r.clicked = document.getElementById("kg-details").textContent;
""" + FINISH + "}, 500);"


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _instrument(page: str, late: str, *, keep_policy: bool = True) -> str:
    policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
    assert policy.search(page)
    if keep_policy:
        page = page.replace("script-src ", f"script-src {_hash(EARLY)} {_hash(late)} ", 1)
        at = page.index(">", page.index("Content-Security-Policy")) + 1
    else:
        page = policy.sub("", page, count=1)
        at = page.index('<meta charset="utf-8">') + len('<meta charset="utf-8">')
    page = page[:at] + f"\n<script>{EARLY}</script>" + page[at:]
    cut = page.rindex("</body>")
    return page[:cut] + f"<script>{late}</script>\n" + page[cut:]


def _run(page: Path, profile: Path) -> tuple[dict[str, Any], list[str]]:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1200,900",
        "--virtual-time-budget=3000", "--dump-dom", page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    found = re.search(r'<pre id="kg-test-results">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"the page recorded nothing (exit {result.returncode}); console: {console}"
    return json.loads(html.unescape(found.group(1))), console


def _clean(seen: dict[str, Any], console: list[str]) -> None:
    assert console == []
    assert seen["alerts"] == [] and seen["errors"] == [] and seen["violations"] == []
    assert seen["resources"] == [] and seen["foreign"] == 0 and seen["titlesWithElements"] == 0


@browser
@pytest.mark.browser
def test_timeline_in_chromium(store: Any, tmp_path: Path) -> None:
    from kg.views import collect, timeline_html

    page, _, _ = timeline_html(collect(store), title=f"Timeline {IMG_LABEL}")
    copy = tmp_path / "timeline.html"
    copy.write_text(_instrument(page, TIMELINE_LATE), encoding="utf-8")
    seen, console = _run(copy, tmp_path / "profile")
    _clean(seen, console)
    assert seen["all"] == {"dots": 3, "undated": 1, "text": "showing 4 of 4 events (1 without a date)"}
    assert seen["lanes"] == ["Strike", "Visit", "Meeting"]  # dated kinds only, in the legend's order
    assert seen["placeOptions"] == ["any place", "Harbour depot", "Millbrook", "Northport", "Ostria", "Veldra Oblast"]
    assert IMG_LABEL in seen["actorOptions"]
    assert seen["place"] == {"dots": 2, "undated": 1, "text": "showing 3 of 4 events (1 without a date)"}
    assert seen["actor"] == {"dots": 2, "undated": 1, "text": "showing 3 of 4 events (1 without a date)"}
    assert seen["type"]["dots"] == 1 and seen["type"]["undated"] == 0
    assert seen["tip"].startswith("Visit (occurred)") and SCRIPT_SENTENCE in seen["tip"]
    assert SCRIPT_SENTENCE in seen["clicked"] and f"Evening note {SVG_LABEL}" in seen["clicked"]
    assert f"by: {IMG_LABEL}" in seen["clicked"]
    assert seen["undatedClicked"].startswith("Loss (claimed)")


@browser
@pytest.mark.browser
def test_map_in_chromium(store: Any, tmp_path: Path) -> None:
    from kg.views import collect, map_html

    page, _, _ = map_html(collect(store), title="Map")
    copy = tmp_path / "map.html"
    copy.write_text(_instrument(page, MAP_LATE), encoding="utf-8")
    seen, console = _run(copy, tmp_path / "profile")
    _clean(seen, console)
    assert seen["places"] == 2 and seen["events"] == [2, 1]  # the bigger circle is drawn first
    assert seen["basePaths"] >= 2 and "Ukraine" in seen["labels"]
    assert seen["count"] == "2 places, 3 of 4 events on the map (1 without coordinates)"
    assert seen["clicked"].startswith("Northport (Settlement)")
    assert STRIKE_SENTENCE in seen["clicked"] and SCRIPT_SENTENCE in seen["clicked"]
    assert "1 of them placed here because they happened somewhere inside it" in seen["clicked"]


@browser
@pytest.mark.browser
def test_the_harness_notices_a_label_that_runs(store: Any, tmp_path: Path) -> None:
    """Control: the same label pasted into the page as markup, with no policy, must raise an alert."""
    from kg.views import collect, map_html

    page, _, _ = map_html(collect(store), title="Map")
    broken = _instrument(page, MAP_LATE, keep_policy=False).replace("</header>", f"<p>{IMG_LABEL}</p></header>", 1)
    copy = tmp_path / "broken.html"
    copy.write_text(broken, encoding="utf-8")
    seen, _ = _run(copy, tmp_path / "profile")
    assert seen["alerts"] == ["alert: img"]


def test_map_lists_the_latest_events_of_a_place_and_counts_all(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import views

    monkeypatch.setattr(views, "_LISTED_PER_PLACE", 1)
    page, places, placed = views.map_html(views.collect(store))
    payload = _data_block(page)
    northport = next(p for p in payload["places"] if p["label"] == "Northport")
    assert (northport["count"], [payload["events"][i]["date"] for i in northport["events"]]) == (2, ["2024-03-05"])
    assert (places, placed, len(payload["events"]), payload["total"]) == (2, 3, 2, 4)
