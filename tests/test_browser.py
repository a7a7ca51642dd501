"""kg.viz pages in a real browser: headless Chromium, network off, hostile labels.

The page under test is a copy with two small scripts added: one before every other script that
records alerts, errors and Content-Security-Policy violations, one at the end that hovers and
clicks a node and writes what it saw into the DOM, which ``--dump-dom`` then returns. Every name
and sentence here is invented for the tests.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("needs /usr/bin/chromium (Debian package chromium)", allow_module_level=True)

from rdflib import RDF, RDFS, Graph, Literal  # noqa: E402

from kg.viz import to_networkx, write_html  # noqa: E402
from kg.vocab import ID, KG  # noqa: E402

pytestmark = pytest.mark.browser

IMG_LABEL = "<img src=x onerror=alert('img')>"
SCRIPT_LABEL = "</script><script>alert('script')</script> href"
SVG_LABEL = '"><svg onload=alert("svg")>'
LINK_SENTENCE = 'Crews met at the <a href="javascript:alert(\'link\')">old mill</a> near the bridge.'
PAGE_TITLE = "<script>alert('title')</script> href"
EVENT, TOWN, CREW, TRUCK = ID["event/visit-9"], ID["place/town-9"], ID["actor/crew-9"], ID["equipment/truck-9"]

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

LATE = """
(function () {
  var r = window.__kg, hover = %(hover)s, other = %(other)s;
  function at(id, extra) {
    var rect = network.canvas.frame.canvas.getBoundingClientRect();
    var p = network.canvasToDOM(network.getPosition(id));
    var o = {clientX: rect.left + p.x, clientY: rect.top + p.y, bubbles: true, cancelable: true, view: window};
    for (var k in extra) { o[k] = extra[k]; }
    return o;
  }
  function panel() {
    return {text: document.getElementById("kg-details").textContent,
            links: Array.prototype.map.call(document.querySelectorAll("#kg-links button"),
                                            function (b) { return b.textContent; })};
  }
  setTimeout(function () {
    r.nodeCount = nodes.length;
    r.edgeCount = edges.length;
    r.canvases = document.querySelectorAll("#mynetwork canvas").length;
    r.foreignElements = document.querySelectorAll("img, svg, iframe, object, embed, a").length;
    r.title = document.title;
    r.heading = document.querySelector("#kg-header h1").textContent;
    r.legend = document.querySelector(".kg-legend").textContent;
    network.redraw();  // node hit boxes come from the last frame drawn; a real mouse comes later
    var title = nodes.get(hover).title;
    r.titleIsElement = title instanceof HTMLElement;
    r.titleChildren = title.children.length;
    var canvas = network.canvas.frame.canvas;
    canvas.dispatchEvent(new MouseEvent("mousemove", at(hover, {})));
    setTimeout(function () {
      var tip = document.querySelector("div.vis-tooltip");
      r.tooltip = tip ? {text: tip.textContent, visibility: tip.style.visibility,
                         elements: tip.querySelectorAll("*").length} : null;
      var press = {pointerId: 1, pointerType: "mouse", isPrimary: true, button: 0, buttons: 1};
      canvas.dispatchEvent(new PointerEvent("pointerdown", at(hover, press)));
      press.buttons = 0;
      canvas.dispatchEvent(new PointerEvent("pointerup", at(hover, press)));
      setTimeout(function () {
        r.selected = network.getSelectedNodes();
        r.clicked = panel();
        network.selectNodes([other]);
        network.body.emitter.emit("click", {nodes: [other], edges: []});
        r.emitted = panel();
        r.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
        var out = document.createElement("pre");
        out.id = "kg-test-results";
        out.textContent = JSON.stringify(r);
        document.body.appendChild(out);
      }, 300);
    }, 600);
  }, 1500);
})();
"""


def _graph() -> Graph:
    graph = Graph()
    doc = ID["doc/mill-bulletin"]
    graph.add((doc, RDF.type, KG.Document))
    graph.add((doc, RDFS.label, Literal("Mill bulletin")))
    for iri, kind, label in ((EVENT, "Visit", SCRIPT_LABEL), (TOWN, "Settlement", IMG_LABEL),
                             (CREW, "ArmedForce", SVG_LABEL), (TRUCK, "Equipment", "Tow truck {{7*7}} ${1+1}")):
        graph.add((iri, RDF.type, KG[kind]))
        graph.add((iri, RDFS.label, Literal(label)))
    graph.add((EVENT, KG.agent, CREW))
    graph.add((EVENT, KG.place, TOWN))
    graph.add((EVENT, KG.equipment, TRUCK))
    graph.add((EVENT, KG.evidence, Literal(LINK_SENTENCE)))
    graph.add((EVENT, KG.mentionedIn, doc))
    graph.add((TRUCK, KG.suppliedBy, CREW))
    return graph


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _instrument(page: str, late: str, *, keep_policy: bool) -> str:
    """The page with the recording scripts; allowed by the page's policy, or with no policy at all."""
    policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
    assert policy.search(page), "the page has no Content-Security-Policy"
    if keep_policy:
        page = page.replace("script-src ", f"script-src {_hash(EARLY)} {_hash(late)} ", 1)
    else:
        page = policy.sub("", page, count=1)
    head = '<meta charset="utf-8">'
    at = page.index(head) + len(head)
    if keep_policy:  # after the policy, so the policy governs the recorder too
        at = page.index(">", page.index("Content-Security-Policy")) + 1
    page = page[:at] + f"\n<script>{EARLY}</script>" + page[at:]
    cut = page.rindex("</body>")
    return page[:cut] + f"<script>{late}</script>\n" + page[cut:]


def _run(page: Path, profile: Path) -> tuple[dict[str, Any], list[str]]:
    """Load ``page`` with no network; return what the page recorded and the console lines."""
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1200,800",
        "--virtual-time-budget=5000", "--dump-dom", page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    found = re.search(r'<pre id="kg-test-results">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"the page recorded nothing (exit {result.returncode}); console: {console}"
    return json.loads(html.unescape(found.group(1))), console


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    drawn = to_networkx(_graph())
    out = write_html(drawn, tmp_path_factory.mktemp("page") / "graph.html", title=PAGE_TITLE)
    return out, drawn.number_of_nodes(), drawn.number_of_edges()


@pytest.mark.parametrize("keep_policy", [True, False], ids=["with-csp", "escaping-alone"])
def test_hostile_page_is_inert_and_works_offline(page: tuple[Path, int, int], tmp_path: Path,
                                                 keep_policy: bool) -> None:
    out, node_count, edge_count = page
    late = LATE % {"hover": json.dumps(str(EVENT)), "other": json.dumps(str(TOWN))}
    copy = tmp_path / "copy.html"
    copy.write_text(_instrument(out.read_text(encoding="utf-8"), late, keep_policy=keep_policy), encoding="utf-8")
    seen, console = _run(copy, tmp_path / "profile")

    assert console == []
    assert seen["alerts"] == [] and seen["errors"] == [] and seen["violations"] == []
    assert seen["resources"] == []  # nothing was fetched
    assert (seen["nodeCount"], seen["edgeCount"], seen["canvases"]) == (node_count, edge_count, 1)
    assert seen["foreignElements"] == 0  # no label became an element
    assert seen["title"] == seen["heading"] == PAGE_TITLE
    assert "actor" in seen["legend"] and "Visit 1" in seen["legend"]

    # Hovering shows the tooltip as text, although the title holds "href" and markup.
    assert seen["titleIsElement"] and seen["titleChildren"] == 0
    assert seen["tooltip"]["visibility"] == "visible" and seen["tooltip"]["elements"] == 1
    assert seen["tooltip"]["text"].startswith("Visit: " + SCRIPT_LABEL)
    assert LINK_SENTENCE in seen["tooltip"]["text"]

    # A real click (pointer events on the canvas) fills the panel with the evidence, as text.
    assert seen["selected"] == [str(EVENT)]
    assert LINK_SENTENCE in seen["clicked"]["text"] and "Mill bulletin" in seen["clicked"]["text"]
    assert sorted(seen["clicked"]["links"]) == sorted(
        [f"agent \u2192 {SVG_LABEL}", f"place \u2192 {IMG_LABEL}", "equipment \u2192 Tow truck {{7*7}} ${1+1}"])
    # The click event as vis-network emits it does the same.
    assert seen["emitted"]["text"].startswith("Settlement: " + IMG_LABEL)
    assert seen["emitted"]["links"] == [f"\u2190 place {SCRIPT_LABEL}"]


def test_the_harness_notices_a_script_that_runs(page: tuple[Path, int, int], tmp_path: Path) -> None:
    """Control: an unescaped label in a page without the policy must show up as an alert."""
    out, _, _ = page
    late = LATE % {"hover": json.dumps(str(EVENT)), "other": json.dumps(str(TOWN))}
    text = _instrument(out.read_text(encoding="utf-8"), late, keep_policy=False)
    text = text.replace('<div id="kg-details">', f'<div id="kg-details">{IMG_LABEL}', 1)
    copy = tmp_path / "broken.html"
    copy.write_text(text, encoding="utf-8")
    seen, _ = _run(copy, tmp_path / "profile")
    assert seen["alerts"] == ["alert: img"]


COUNT = """
setTimeout(function () {
  var bar = document.getElementById("loadingBar");
  var out = document.createElement("pre");
  out.id = "kg-test-results";
  out.textContent = JSON.stringify({alerts: window.__kg.alerts, errors: window.__kg.errors,
    violations: window.__kg.violations, nodeCount: nodes.length, edgeCount: edges.length,
    physics: network.physics.options.enabled, loadingBar: bar ? bar.style.display : null});
  document.body.appendChild(out);
}, 3000);
"""


@pytest.mark.parametrize("size", [150, 1100], ids=["physics-with-loading-bar", "fixed-layout"])
def test_larger_pages_draw_without_errors(tmp_path: Path, size: int) -> None:
    """pyvis' loading bar (over 100 nodes) and the precomputed layout (over 1,000) run clean too."""
    graph = Graph()
    for i in range(size):
        event, place = ID[f"event/e{i:04d}"], ID[f"place/p{i % 40:02d}"]
        graph.add((event, RDF.type, KG.Loss))
        graph.add((event, RDFS.label, Literal(f"Loss {i} <b>{i}</b>")))
        graph.add((event, KG.place, place))
        graph.add((place, RDF.type, KG.Settlement))
        graph.add((place, RDFS.label, Literal(f"Village {i % 40}")))
    drawn = to_networkx(graph, max_nodes=size + 40)
    out = write_html(drawn, tmp_path / "graph.html")
    copy = tmp_path / "copy.html"
    copy.write_text(_instrument(out.read_text(encoding="utf-8"), COUNT, keep_policy=True), encoding="utf-8")
    seen, console = _run(copy, tmp_path / "profile")
    assert console == [] and seen["alerts"] == seen["errors"] == seen["violations"] == []
    assert (seen["nodeCount"], seen["edgeCount"]) == (size + 40, size)
    assert seen["physics"] is False  # off from the start when big, switched off after stabilising otherwise
    if size <= 1000:
        assert seen["loadingBar"] == "none"
