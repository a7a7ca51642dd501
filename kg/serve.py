"""`kg serve`: the store over HTTP, read-only. A SPARQL 1.1 Protocol endpoint at /sparql, the named
queries at /queries, and a query page at / with a page per node. Standard library only (http.server).

Why worker processes: pyoxigraph releases the GIL while it evaluates, so a query in a thread would
leave the server answering, but nothing can stop it: a cartesian product would burn a core for
ever, and one with ORDER BY grows by about 200 MB a second. So every query runs in a worker
process that holds the store open read-only; a query over the timeout or the memory cap is cut by
killing its worker, and a fresh worker takes its place while the others go on answering.

Why every string is escaped: labels and sentences come from news articles on the web. Pages run no
script of their own (the query editor is a plain form), and a Content-Security-Policy forbids any.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import subprocess
import sys
import os
import queue
import re
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from .errors import KgError, QueryError, StoreError, UnsafeQueryError
from .paths import QUERIES_DIR
from .vocab import NAMESPACES

__all__ = ["KgServer", "make_server", "negotiate", "RESULT_TYPES", "GRAPH_TYPES", "ROW_CAP_HEADER"]

#: Media types offered for SELECT and ASK results, the default first -> pyoxigraph QueryResultsFormat.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
}
#: Media types offered for CONSTRUCT and DESCRIBE results, the default first -> pyoxigraph RdfFormat.
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
}
#: Said when an answer was cut at the row cap: ``X-KG-Row-Cap: 10000; truncated``.
ROW_CAP_HEADER = "X-KG-Row-Cap"

_PAGE_ROWS = 1000  # rows shown on the HTML page (the endpoint gives up to --max-rows)
_NODE_ROWS = 2000  # triples and sentences listed on a node page
_FOCUS_NEIGHBOURS = 150  # neighbours fetched for a focus graph
_FOCUS_NODES = 200  # nodes drawn in a focus graph
_START_TIMEOUT = 120.0  # seconds a new worker may take to import and open the store
_POLL = 0.1  # seconds between checks on a running query (memory grows ~20 MB in that time)
_MAX_FIELDS = 200  # form fields per request
_DRAIN_LIMIT = 16 * 1024 * 1024  # an over-cap body up to this size is read and dropped, so the client sees 413
_INTERNAL_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


# ---------------------------------------------------------------------------------- negotiation

def _accept_ranges(header: str | None) -> list[tuple[str, float]]:
    if header is None or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for item in fields[1:]:
            name, _, value = item.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def negotiate(accept: str | None, offered: Iterable[str]) -> str | None:
    """The offered media type the Accept header likes best (the most specific range decides each
    type's q; ties go to the order offered), or None when it accepts none of them."""
    ranges = _accept_ranges(accept)
    best, best_q = None, 0.0
    for media in offered:
        major = media.split("/")[0]
        q, specificity = 0.0, -1
        for pattern, weight in ranges:
            level = 2 if pattern == media else 1 if pattern == f"{major}/*" else 0 if pattern == "*/*" else -1
            if level > specificity:
                q, specificity = weight, level
        if q > best_q:
            best, best_q = media, q
    return best


def _not_acceptable(accept: str | None, what: str, offered: Iterable[str]) -> _Reply:
    return _Reply(406, message=f"Accept: {accept} matches no format for {what}: expected one of "
                               f"{', '.join(offered)}")


# ---------------------------------------------------------------------------------- worker side

@dataclass(frozen=True, slots=True)
class _Job:
    """What a worker is asked: run SPARQL (``user`` SPARQL is checked first), or gather a node's
    page data, or draw a node's focus graph."""
    action: str
    text: str = ""
    user: bool = False
    accept: str = _INTERNAL_ACCEPT
    max_rows: int = 10_000


@dataclass(frozen=True, slots=True)
class _Reply:
    status: int
    media_type: str = "text/plain"
    body: bytes = b""
    truncated: bool = False
    message: str = ""


class _StoreHandle:
    """The worker's read-only store, reopened when the directory changes: a read-only pyoxigraph
    store is a snapshot of the moment it was opened, and an ingest may finish while we serve."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.local = not location.startswith(("http://", "https://"))
        self._store: Any = None
        self._signature: tuple = ()

    def _listing(self) -> tuple:
        try:
            with os.scandir(self.location) as entries:
                return tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries))
        except OSError:
            return ()

    def get(self) -> Any:
        from .store import open_store

        signature = self._listing() if self.local else ()
        if self._store is None or signature != self._signature:
            if self._store is not None:
                self._store.close()
                self._store = None
            self._store = open_store(self.location, read_only=True)
            self._signature = signature
        return self._store


def _worker_entry(location: str, fd: int) -> None:
    """Where a worker process starts (``python -c``): its end of the pipe is file descriptor ``fd``."""
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    parent = os.getppid()

    def orphaned() -> None:  # a server killed with -9 must not leave a runaway query burning a core
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=orphaned, name="kg-serve-orphan-watch", daemon=True).start()
    _worker_main(location, Connection(fd))


def _worker_main(location: str, conn: Any) -> None:
    """A worker process: open the store, say so, then answer jobs until told to stop."""
    handle = _StoreHandle(location)
    try:
        handle.get()
    except KgError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply = _execute(handle, job)
        except UnsafeQueryError as exc:
            reply = _Reply(403, message=str(exc))
        except QueryError as exc:
            reply = _Reply(400, message=str(exc))
        except KgError as exc:
            reply = _Reply(500, message=str(exc))
        except Exception as exc:  # a bug or a store fault: the client gets a 500, the worker lives on
            reply = _Reply(500, message=f"the query failed: {type(exc).__name__}: {exc}")
        conn.send(reply)


def _execute(handle: _StoreHandle, job: _Job) -> _Reply:
    store = handle.get()
    if job.action == "sparql":
        if job.user:
            from .query import check_user_query
            check_user_query(job.text)
        return _serialise(store.query_results(job.text), job.accept, job.max_rows)
    if job.action == "node":
        return _node_data(store, job.text, job.max_rows)
    if job.action == "graph":
        return _focus_page(store, job.text, job.max_rows)
    raise KgError(f"unknown job {job.action!r}")


def _tsv_term(term: Any) -> str:
    """A term in the SPARQL TSV results syntax (Turtle terms; quoted triples as <<( s p o )>>)."""
    import pyoxigraph as ox

    if isinstance(term, ox.Triple):
        return f"<<( {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} )>>"
    return str(term)


def _serialise(result: Any, accept: str | None, max_rows: int) -> _Reply:
    """Up to ``max_rows`` rows (or triples) of ``result`` in the format ``accept`` likes best,
    written by pyoxigraph's own serialisers.

    pyoxigraph cannot serialise a list of solutions, so the kept rows are written as SPARQL TSV
    (terms as pyoxigraph prints them), parsed back into results and serialised from those."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        media = negotiate(accept, RESULT_TYPES)
        if media is None:
            return _not_acceptable(accept, "an ASK query", RESULT_TYPES)
        return _Reply(200, media, result.serialize(format=getattr(ox.QueryResultsFormat, RESULT_TYPES[media])))
    if isinstance(result, ox.QuerySolutions):
        media = negotiate(accept, RESULT_TYPES)
        if media is None:
            return _not_acceptable(accept, "a SELECT query", RESULT_TYPES)
        variables = result.variables
        rows = list(islice(result, max_rows + 1))
        truncated = len(rows) > max_rows
        rows = rows[:max_rows]
        if variables:
            lines = ["\t".join(str(v) for v in variables)]
            lines += ["\t".join("" if term is None else _tsv_term(term) for term in row) for row in rows]
            kept = ox.parse_query_results("\n".join(lines) + "\n", format=ox.QueryResultsFormat.TSV)
        else:  # SELECT * over no variables: TSV cannot say "one empty row"
            empty = {"head": {"vars": []}, "results": {"bindings": [{} for _ in rows]}}
            kept = ox.parse_query_results(json.dumps(empty), format=ox.QueryResultsFormat.JSON)
        body = kept.serialize(format=getattr(ox.QueryResultsFormat, RESULT_TYPES[media]))
        return _Reply(200, media, body, truncated=truncated)
    media = negotiate(accept, GRAPH_TYPES)
    if media is None:
        return _not_acceptable(accept, "a CONSTRUCT or DESCRIBE query", GRAPH_TYPES)
    triples = list(islice(result, max_rows + 1))
    fmt = getattr(ox.RdfFormat, GRAPH_TYPES[media])
    body = ox.serialize(triples[:max_rows], format=fmt,
                        prefixes=dict(NAMESPACES) if fmt == ox.RdfFormat.TURTLE else None)
    return _Reply(200, media, body, truncated=len(triples) > max_rows)


@cache
def _system_text(name: str) -> str:
    return (QUERIES_DIR / "system" / f"{name}.rq").read_text(encoding="utf-8")


def _checked_iri(value: str) -> str:
    import pyoxigraph as ox

    try:
        return ox.NamedNode(value.strip()).value
    except ValueError as exc:
        raise QueryError(f"expected an absolute IRI, found {value!r}: {exc}") from None


def _with_nodes(name: str, iris: list[str]) -> str:
    """A system query with ``?node`` bound to the given IRIs in a VALUES row: each IRI is checked
    by pyoxigraph and written by rdflib as a term, never pasted as text."""
    from rdflib import URIRef

    text = _system_text(name)
    terms = " ".join(URIRef(_checked_iri(iri)).n3() for iri in iris)
    match = _WHERE.search(text)
    if match is None:
        raise QueryError(f"queries/system/{name}.rq: expected a WHERE {{ clause to bind ?node into")
    return f"{text[:match.end()]}\n  VALUES ?node {{ {terms} }}\n{text[match.end():]}"


def _select(store: Any, text: str, max_rows: int) -> tuple[dict[str, Any], bool]:
    reply = _serialise(store.query_results(text), "application/sparql-results+json", max_rows)
    return json.loads(reply.body), reply.truncated


def _node_data(store: Any, iri: str, max_rows: int) -> _Reply:
    triples, triples_cut = _select(store, _with_nodes("node_triples", [iri]), max_rows)
    evidence, evidence_cut = _select(store, _with_nodes("node_evidence", [iri]), max_rows)
    data = {"triples": triples, "evidence": evidence, "truncated": triples_cut or evidence_cut}
    return _Reply(200, "application/json", json.dumps(data).encode("utf-8"))


def _focus_page(store: Any, iri: str, max_rows: int) -> _Reply:
    """The node, its neighbours and what they point at, drawn by kg.viz as a self-contained page."""
    import networkx as nx
    import pyoxigraph as ox
    from rdflib import Graph

    from .viz import to_networkx, write_html

    found, _ = _select(store, _with_nodes("node_neighbours", [iri]), _FOCUS_NEIGHBOURS)
    iris = [iri, *(row["neighbour"]["value"] for row in found["results"]["bindings"])]
    triples = list(islice(store.query_results(_with_nodes("node_neighbourhood", iris)), max_rows))
    graph = Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    drawn = to_networkx(graph, max_nodes=10**9)
    if iri not in drawn:
        return _Reply(404, message=f"nothing to draw around {iri}: it is not an actor, place, event or "
                                   f"equipment")
    near = nx.single_source_shortest_path_length(drawn.to_undirected(as_view=True), iri, cutoff=2)
    ranked = sorted(near, key=lambda n: (n != iri, near[n], -drawn.degree(n), n))[:_FOCUS_NODES]
    focus = nx.MultiDiGraph()
    focus.add_nodes_from((n, drawn.nodes[n]) for n in sorted(ranked))
    focus.add_edges_from(sorted(drawn.subgraph(ranked).edges(keys=True, data=True), key=lambda e: e[:3]))
    label = str(drawn.nodes[iri].get("label", iri))
    focus.graph.update(truncated=len(near) - len(ranked), total_nodes=len(near), focus=label, focus_nodes=[iri])
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as folder:
        page = write_html(focus, Path(folder) / "focus.html", title=f"Around {label}").read_bytes()
    return _Reply(200, "text/html", page)


# ---------------------------------------------------------------------------------- worker pool

class _Worker:
    """A worker process started with ``python -c``, not multiprocessing's spawn, which would re-run
    the caller's main module (a script without a ``__main__`` guard would fail to start)."""

    def __init__(self, location: str) -> None:
        from multiprocessing import Pipe

        self.conn, child = Pipe()
        package_root = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
        code = "import sys; from kg.serve import _worker_entry; _worker_entry(sys.argv[1], int(sys.argv[2]))"
        try:
            self.process = subprocess.Popen([sys.executable, "-c", code, location, str(child.fileno())],
                                            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL,
                                            env={**os.environ, "PYTHONPATH": path})
        finally:
            child.close()

    def wait_ready(self, timeout: float) -> None:
        try:
            if not self.conn.poll(timeout):
                raise StoreError(f"a query worker did not open the store within {timeout:.0f} s")
            status, message = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise StoreError(f"a query worker stopped while opening the store "
                             f"(exit code {self.process.poll()})") from None
        except StoreError:
            self.kill()
            raise
        if status != "ready":
            self.kill()
            raise StoreError(message)

    def rss(self) -> int:
        import psutil

        try:
            return psutil.Process(self.process.pid).memory_info().rss
        except psutil.Error:
            return 0

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
            self.process.wait(2)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


class _Pool:
    """Worker processes that each hold the store read-only; one query at a time per worker."""

    def __init__(self, location: str, *, size: int, timeout: float, max_memory_mb: int) -> None:
        self.location = location
        self.size = size
        self.timeout = timeout
        self.max_memory = max_memory_mb * 1024 * 1024
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.last_failure = ""
        started = [self._spawn() for _ in range(size)]
        try:
            for worker in started:
                worker.wait_ready(_START_TIMEOUT)
        except KgError:
            self.close()
            raise
        for worker in started:
            self._idle.put(worker)

    def _spawn(self) -> _Worker:
        worker = _Worker(self.location)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
        if not self._closed:
            threading.Thread(target=self._respawn, name="kg-serve-respawn", daemon=True).start()

    def _respawn(self) -> None:
        try:
            worker = self._spawn()
            worker.wait_ready(_START_TIMEOUT)
        except KgError as exc:
            self.last_failure = str(exc)
            return
        if self._closed:
            worker.stop()
        else:
            self._idle.put(worker)

    def run(self, job: _Job) -> _Reply:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            why = f" (last worker failure: {self.last_failure})" if self.last_failure else ""
            return _Reply(503, message=f"all {self.size} query workers stayed busy for {self.timeout:g} s: "
                                       f"try again later{why}")
        deadline = time.monotonic() + self.timeout
        try:
            worker.conn.send(job)
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._replace(worker)
                    return _Reply(503, message=f"query cut after {self.timeout:g} s, the server's --timeout: "
                                               "narrow it with filters, fewer patterns or a LIMIT")
                if worker.conn.poll(min(remaining, _POLL)):
                    reply = worker.conn.recv()
                    self._idle.put(worker)
                    return reply
                if worker.rss() > self.max_memory:
                    self._replace(worker)
                    return _Reply(503, message=f"query cut: it needed more than {self.max_memory >> 20} MB, the "
                                               "server's --max-memory (ORDER BY, GROUP BY or DISTINCT over too "
                                               "many rows?)")
        except (EOFError, OSError):
            code = worker.process.poll()
            self._replace(worker)
            return _Reply(500, message=f"the query worker stopped unexpectedly (exit code {code})")

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                break
        with self._lock:
            busy = list(self._workers)
            self._workers.clear()
        for worker in busy:
            worker.kill()


# ---------------------------------------------------------------------------------- HTML

_CSS = """
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 16px 32px; color: #222; }
header { border-bottom: 1px solid #ccc; padding: 10px 0; font-size: 14px; }
header a { margin-right: 14px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; margin: 0 0 4px; }
textarea { width: 100%; font-family: ui-monospace, monospace; font-size: 13px; box-sizing: border-box; }
table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f3f3; }
small, .note { color: #555; }
.error { color: #9a1c1c; font-weight: 600; white-space: pre-wrap; }
.named { border: 1px solid #ddd; padding: 8px 10px; margin: 8px 0; }
.named label { margin-right: 12px; display: inline-block; }
pre { background: #f6f6f6; padding: 8px; overflow: auto; font-size: 12px; }
iframe { width: 100%; height: 820px; border: 1px solid #ccc; }
li { margin: 3px 0; }
"""


@cache
def _page_policy() -> str:
    digest = base64.b64encode(hashlib.sha256(_CSS.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'sha256-{digest}'; form-action 'self'; frame-src 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str) -> bytes:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)} \u2014 kg</title><style>{_CSS}</style></head><body>\n"
            "<header><a href=\"/\">Query</a><a href=\"/queries\">Named queries (JSON)</a>"
            "<span class=\"note\">SPARQL 1.1 endpoint: <code>/sparql</code> (read-only)</span></header>\n"
            f"<main>\n{body}\n</main></body></html>\n").encode("utf-8")


def _compact(iri: str) -> str:
    """An IRI with the project's prefixes (longest namespace wins), for display only."""
    best = ""
    for prefix, namespace in NAMESPACES.items():
        if iri.startswith(namespace) and len(namespace) > len(NAMESPACES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(NAMESPACES[best]):]}" if best else iri


def _node_href(iri: str) -> str:
    return "/node?" + urlencode({"iri": iri})


def _cell(term: dict[str, Any] | None, label: str | None = None) -> str:
    """One W3C JSON result term as HTML: IRIs link to their node page; everything is escaped."""
    if not term:
        return ""
    kind, value = term.get("type"), str(term.get("value", ""))
    if kind == "uri":
        shown = f"{_e(label)} <small>{_e(_compact(value))}</small>" if label else _e(_compact(value))
        return f'<a href="{_e(_node_href(value))}">{shown}</a>'
    if kind == "bnode":
        return f"<code>_:{_e(value)}</code>"
    if kind == "triple":
        return f"<code>{_e(json.dumps(value, ensure_ascii=False))}</code>"
    extra = ""
    if term.get("xml:lang"):
        extra = f"@{term['xml:lang']}"
    elif term.get("datatype") and term["datatype"] != NAMESPACES["xsd"] + "string":
        extra = f"^^{_compact(term['datatype'])}"
    return _e(value) + (f" <small>{_e(extra)}</small>" if extra else "")


def _ox_json(term: Any) -> dict[str, Any]:
    """A pyoxigraph term as a W3C JSON result term, to draw CONSTRUCT results with :func:`_cell`."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        else:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _table(variables: list[str], rows: list[dict[str, Any]]) -> str:
    head = "".join(f"<th>{_e(v)}</th>" for v in variables)
    body = "".join("<tr>" + "".join(f"<td>{_cell(row.get(v))}</td>" for v in variables) + "</tr>\n"
                   for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>"


def _results_html(reply: _Reply, limit: int) -> str:
    """A worker's answer (JSON results or N-Triples) as an HTML table."""
    import pyoxigraph as ox

    note = (f'<p class="note">The first {limit} rows are shown; ask <code>/sparql</code> for up to the '
            "server's row cap.</p>") if reply.truncated else ""
    if reply.media_type == "application/n-triples":
        triples = [quad.triple for quad in ox.parse(reply.body, format=ox.RdfFormat.N_TRIPLES)]
        rows = [{"subject": _ox_json(t.subject), "predicate": _ox_json(t.predicate), "object": _ox_json(t.object)}
                for t in triples]
        return f"<p>{len(rows)} triple(s).</p>{note}" + _table(["subject", "predicate", "object"], rows)
    data = json.loads(reply.body)
    if "boolean" in data:
        return f"<p>ASK: <b>{'true' if data['boolean'] else 'false'}</b></p>"
    rows = data["results"]["bindings"]
    return f"<p>{len(rows)} row(s).</p>{note}" + _table(data["head"]["vars"], rows)


def _error_html(reply: _Reply) -> str:
    return f'<p class="error">{_e(reply.status)}: {_e(reply.message)}</p>'


def _param_input(param: Any, value: str) -> str:
    attrs = f'name="{_e(param.name)}" value="{_e(value)}"' + (" required" if param.required else "")
    if param.type == "class":
        from .model import EVENT_TYPES

        options = "".join(f'<option value="{_e(c)}"{" selected" if c == value else ""}>{_e(c)}</option>'
                          for c in ["", *sorted(EVENT_TYPES)])
        widget = f'<select name="{_e(param.name)}">{options}</select>'
    elif param.type == "date":
        widget = f'<input type="date" {attrs}>'
    elif param.type == "integer":
        widget = f'<input type="number" {attrs}>'
    else:
        widget = f'<input type="text" {attrs}>'
    return f'<label title="{_e(param.description)}">{_e(param.name)} {widget}</label>'


# ---------------------------------------------------------------------------------- HTTP

class _HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise _HttpError(400, f"expected one {name}= parameter, found {len(values)}")
    return values[0]


def _parse_params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=_MAX_FIELDS, errors="strict")
    except ValueError as exc:  # UnicodeDecodeError is a ValueError too
        raise _HttpError(400, f"cannot read the parameters: {exc}") from None


_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}


def _is_loopback(host: str) -> bool:
    name = host.strip("[]")
    if name.lower() == "localhost":
        return True
    try:
        return ip_address(name).is_loopback
    except ValueError:
        return False


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    server_version = "kg-serve"
    sys_version = ""
    timeout = 30  # seconds a client may take to send its request

    # ------------------------------------------------------------------ plumbing

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        if self.server.on_log is not None:
            self.server.on_log(f"{self.address_string()} {format % args}")

    def _send(self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None,
              policy: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", _content_type(media))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", policy or "default-src 'none'; frame-ancestors 'none'")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain", headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (bad request line, unknown method) as plain text too."""
        self.close_connection = True
        if not hasattr(self, "command"):
            self.command = ""
        self._text(code, message or self.responses.get(code, ("error",))[0])

    def _html(self, status: int, title: str, body: str) -> None:
        self._send(status, _page(title, body), "text/html", policy=_page_policy())

    def _refusal(self) -> str | None:
        """Why a request from elsewhere is refused: a foreign Host (DNS rebinding) or Origin."""
        host = self.headers.get("Host")
        if host and self.server.loopback:
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if not _is_loopback(name):
                return f"Host {host!r} is not this server: it answers loopback names only"
        origin = self.headers.get("Origin")
        if origin is not None and (not host or origin.lower() != f"http://{host}".lower()):
            return f"cross-origin requests are refused (Origin {origin!r}): this server sends no CORS headers"
        return None

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise _HttpError(411, "expected a Content-Length header, found a chunked body")
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            raise _HttpError(411, "expected a Content-Length header")
        try:
            length = int(length_text)
            if length < 0:
                raise ValueError
        except ValueError:
            raise _HttpError(400, f"expected a Content-Length in bytes, found {length_text!r}") from None
        cap = self.server.max_body
        if length > cap:
            self.close_connection = True
            if length <= _DRAIN_LIMIT:  # read and drop it, so the client is not reset before it reads 413
                left = length
                while left > 0 and (chunk := self.rfile.read(min(left, 65536))):
                    left -= len(chunk)
            raise _HttpError(413, f"request body of {length} bytes is over the {cap}-byte cap")
        data = self.rfile.read(length)
        if len(data) < length:
            raise _HttpError(400, f"expected {length} bytes of body, found {len(data)}")
        return data

    def _accept(self) -> str | None:
        return self.headers.get("Accept")

    def _answer(self, reply: _Reply, max_rows: int) -> None:
        if reply.status != 200:
            self._text(reply.status, reply.message)
            return
        headers = {"Vary": "Accept"}
        if reply.truncated:
            headers[ROW_CAP_HEADER] = f"{max_rows}; truncated"
        self._send(200, reply.body, reply.media_type, headers)

    # ------------------------------------------------------------------ routes

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _refuse_method(self) -> None:
        self._text(405, f"method {self.command} is not allowed: this server is read-only (GET, POST)",
                   {"Allow": "GET, POST"})

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _refuse_method  # noqa: N815

    def _dispatch(self, method: str) -> None:
        try:
            refusal = self._refusal()
            if refusal:
                raise _HttpError(403, refusal)
            url = urlsplit(self.path)
            route = url.path
            if route == "/sparql":
                self._sparql(method, url.query)
                return
            if method != "GET":
                raise _HttpError(405, f"{route} answers GET only")
            params = _parse_params(url.query)
            if route == "/":
                self._index(params)
            elif route in ("/queries", "/queries/"):
                self._list_queries()
            elif route.startswith("/queries/"):
                self._named(route[len("/queries/"):], params)
            elif route == "/node":
                self._node(params)
            elif route == "/graph":
                self._graph(params)
            else:
                raise _HttpError(404, f"no page {route!r}: try /, /sparql, /queries or /node?iri=...")
        except _HttpError as exc:
            headers = {"Allow": "GET, POST"} if exc.status == 405 else None
            self._text(exc.status, exc.message, headers)

    def _sparql(self, method: str, query_string: str) -> None:
        params = _parse_params(query_string)
        if method == "POST":
            media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                raise _HttpError(403, "updates are refused: this endpoint is read-only")
            if media == "application/x-www-form-urlencoded":
                try:
                    form = self._read_body().decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise _HttpError(400, f"expected a UTF-8 form body: {exc}") from None
                for name, values in _parse_params(form).items():
                    params.setdefault(name, []).extend(values)
            elif media == "application/sparql-query":
                if "query" in params:
                    raise _HttpError(400, "expected the query in the body or in query=, found both")
                try:
                    params["query"] = [self._read_body().decode("utf-8")]
                except UnicodeDecodeError as exc:
                    raise _HttpError(400, f"expected a UTF-8 query body: {exc}") from None
            else:
                raise _HttpError(415, "expected Content-Type application/sparql-query or "
                                      f"application/x-www-form-urlencoded, found {media or 'none'!r}")
        elif method != "GET":
            raise _HttpError(405, "/sparql answers GET and POST")
        if "update" in params:
            raise _HttpError(403, "updates are refused: this endpoint is read-only")
        for name in ("using-graph-uri", "using-named-graph-uri"):
            if name in params:
                raise _HttpError(403, f"{name} belongs to updates, which are refused: this endpoint is read-only")
        for name in ("default-graph-uri", "named-graph-uri"):
            if name in params:
                raise _HttpError(403, f"{name} is refused: queries run over the store's own graphs, whose "
                                      "union is the default graph")
        text = _single(params, "query")
        if text is None or not text.strip():
            raise _HttpError(400, "expected a SPARQL query: GET /sparql?query=..., or POST it as a form "
                                  "field query= or as an application/sparql-query body")
        accept = self._accept()
        if negotiate(accept, [*RESULT_TYPES, *GRAPH_TYPES]) is None:
            raise _HttpError(406, f"Accept: {accept} matches no format: expected one of "
                                  f"{', '.join([*RESULT_TYPES, *GRAPH_TYPES])}")
        max_rows = self.server.max_rows
        self._answer(self.server.pool.run(_Job("sparql", text, user=True, accept=accept or "*/*",
                                               max_rows=max_rows)), max_rows)

    def _list_queries(self) -> None:
        from .query import named_queries

        listing = [{"name": q.name, "summary": q.summary, "url": f"/queries/{q.name}",
                    "parameters": [{"name": p.name, "type": p.type, "required": p.required,
                                    "description": p.description} for p in q.parameters],
                    "columns": list(q.columns)} for q in named_queries().values()]
        body = json.dumps({"queries": listing}, ensure_ascii=False, indent=1).encode("utf-8")
        self._send(200, body, "application/json")

    def _bound(self, name: str, params: dict[str, list[str]]) -> str:
        from .query import bind, get_query

        values = {}
        for key in params:
            value = _single(params, key)
            if value is not None:
                values[key] = value
        try:
            return bind(get_query(name), values)
        except QueryError as exc:
            from .query import named_queries

            raise _HttpError(404 if name not in named_queries() else 400, str(exc)) from None

    def _named(self, name: str, params: dict[str, list[str]]) -> None:
        text = self._bound(name, params)
        accept = self._accept()
        if negotiate(accept, RESULT_TYPES) is None:
            raise _HttpError(406, f"Accept: {accept} matches no format for a named query: expected one of "
                                  f"{', '.join(RESULT_TYPES)}")
        max_rows = self.server.max_rows
        self._answer(self.server.pool.run(_Job("sparql", text, accept=accept or "*/*", max_rows=max_rows)),
                     max_rows)

    def _index(self, params: dict[str, list[str]]) -> None:
        from .query import named_queries

        user = _single(params, "query")
        named = _single(params, "named")
        status, results, shown = 200, "", user or ""
        values = {k: v[-1] for k, v in params.items() if k not in ("query", "named") and v and v[-1].strip()}
        limit = min(self.server.max_rows, _PAGE_ROWS)
        if named:
            try:
                text = self._bound(named, {k: [v] for k, v in values.items()})
                reply = self.server.pool.run(_Job("sparql", text, max_rows=limit))
            except _HttpError as exc:
                text, reply = "", _Reply(exc.status, message=exc.message)
            results = f"<h2>Results of <code>{_e(named)}</code></h2>"
            if text:
                results += f"<details><summary>The SPARQL it ran</summary><pre>{_e(text)}</pre></details>"
        elif user is not None and user.strip():
            reply = self.server.pool.run(_Job("sparql", user, user=True, max_rows=limit))
            results = "<h2>Results</h2>"
        else:
            reply = None
        if reply is not None:
            status = reply.status
            results += _results_html(reply, limit) if reply.status == 200 else _error_html(reply)
        if not shown:
            events = named_queries().get("events")
            shown = events.text if events is not None else ""
        forms = []
        for q in named_queries().values():
            current = values if named == q.name else {}
            inputs = "".join(_param_input(p, current.get(p.name, "")) for p in q.parameters)
            forms.append(f'<form class="named" method="get" action="/"><h3>{_e(q.name)}</h3>'
                         f'<p class="note">{_e(q.summary)}</p><input type="hidden" name="named" value="{_e(q.name)}">'
                         f'{inputs} <button type="submit">Run</button> '
                         f'<a href="{_e("/queries/" + q.name)}">as JSON</a></form>')
        body = ("<h1>Query the knowledge graph</h1>\n"
                '<form method="get" action="/"><p><label for="query">SPARQL (read-only; the default graph is '
                "the union of all article graphs)</label></p>"
                f'<textarea id="query" name="query" rows="14" spellcheck="false">{_e(shown)}</textarea>'
                '<p><button type="submit">Run</button></p></form>\n'
                f"{results}\n<h2>Named queries</h2>\n" + "\n".join(forms))
        self._html(status, "query", body)

    def _iri_param(self, params: dict[str, list[str]]) -> str:
        value = _single(params, "iri")
        if value is None:
            raise _HttpError(400, "expected ?iri=... naming a node")
        try:
            return _checked_iri(value)
        except QueryError as exc:
            raise _HttpError(400, str(exc)) from None

    def _node(self, params: dict[str, list[str]]) -> None:
        try:
            iri = self._iri_param(params)
        except _HttpError as exc:
            self._html(exc.status, "node", _error_html(_Reply(exc.status, message=exc.message)))
            return
        reply = self.server.pool.run(_Job("node", iri, max_rows=_NODE_ROWS))
        if reply.status != 200:
            self._html(reply.status, "node", _error_html(reply))
            return
        data = json.loads(reply.body)
        triples = data["triples"]["results"]["bindings"]
        labels = sorted(r["other"]["value"] for r in triples
                        if r["direction"]["value"] == "out" and r["predicate"]["value"] == NAMESPACES["rdfs"] + "label")
        title = labels[0] if labels else _compact(iri)
        parts = [f"<h1>{_e(title)}</h1><p><code>{_e(iri)}</code></p>"]
        if not triples:
            parts.append('<p class="note">The store says nothing about this node.</p>')
        if data["truncated"]:
            parts.append(f'<p class="note">Lists are cut at {_NODE_ROWS} rows.</p>')
        evidence = data["evidence"]["results"]["bindings"]
        parts.append("<h2>Evidence</h2>")
        if evidence:
            items = []
            for row in evidence:
                value = {k: v["value"] for k, v in row.items()}
                about = "" if value["item"] == iri else f" \u2014 {_cell(row['item'], value.get('itemLabel'))}"
                source = ", ".join(v for v in (value.get("title"), value.get("source"), value.get("published")) if v)
                where = f' <small>({_e(source)})</small>' if source else ""
                items.append(f"<li>\u201c{_e(value['evidence'])}\u201d{about}{where}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        else:
            parts.append('<p class="note">No sentence in the store names this node.</p>')
        graph_href = "/graph?" + urlencode({"iri": iri})
        parts.append(f'<h2>Focus graph</h2><p><a href="{_e(graph_href)}">Open it on its own page</a></p>'
                     f'<iframe src="{_e(graph_href)}" title="focus graph"></iframe>')
        for direction, heading, columns in (("out", "What it says", ("predicate", "object")),
                                            ("in", "What points at it", ("subject", "predicate"))):
            rows = [r for r in triples if r["direction"]["value"] == direction]
            parts.append(f"<h2>{heading} ({len(rows)})</h2>")
            cells = []
            for r in rows:
                other = _cell(r["other"], r.get("otherLabel", {}).get("value"))
                predicate = _cell(r["predicate"])
                pair = (predicate, other) if direction == "out" else (other, predicate)
                cells.append(f"<tr><td>{pair[0]}</td><td>{pair[1]}</td></tr>")
            head = "".join(f"<th>{c}</th>" for c in columns)
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(cells)}</tbody></table>")
        self._html(200, title, "\n".join(parts))

    def _graph(self, params: dict[str, list[str]]) -> None:
        try:
            iri = self._iri_param(params)
        except _HttpError as exc:
            self._html(exc.status, "focus graph", _error_html(_Reply(exc.status, message=exc.message)))
            return
        reply = self.server.pool.run(_Job("graph", iri, max_rows=self.server.max_rows))
        if reply.status != 200:
            self._send(reply.status, _page("focus graph", _error_html(reply)), "text/html",
                       policy=_page_policy().replace("frame-ancestors 'none'", "frame-ancestors 'self'"))
            return
        match = _META_POLICY.search(reply.body.decode("utf-8", "replace"))
        if match is None:  # never serve a graph page whose scripts are not pinned by hash
            self._text(500, "the focus page carries no Content-Security-Policy")
            return
        self._send(200, reply.body, "text/html", policy=html.unescape(match.group(1)) + "; frame-ancestors 'self'")


class KgServer(ThreadingHTTPServer):
    """The HTTP server and its query workers. Use :func:`make_server`; call :meth:`close` when done."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], *, location: str, max_rows: int, max_body: int,
                 on_log: Callable[[str], None] | None) -> None:
        self.location = location
        self.max_rows = max_rows
        self.max_body = max_body
        self.on_log = on_log
        self.pool: _Pool | None = None
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.loopback = _is_loopback(address[0])

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    def close(self) -> None:
        self.server_close()
        if self.pool is not None:
            self.pool.close()


def make_server(location: str | None = None, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                max_rows: int = 10_000, workers: int = 2, max_memory_mb: int = 1024, max_body: int = 1_000_000,
                on_log: Callable[[str], None] | None = None) -> KgServer:
    """A server bound to ``host:port`` (port 0: any free port) with its workers started and the store
    opened read-only in each; ``serve_forever()`` it. ``location``: a store directory or SPARQL URL."""
    from .store import default_location

    for name, value, least in (("timeout", timeout, 0.001), ("max_rows", max_rows, 1), ("workers", workers, 1),
                               ("max_memory_mb", max_memory_mb, 64), ("max_body", max_body, 1)):
        if value < least:
            raise KgError(f"{name} must be at least {least}, found {value}")
    where = str(location) if location else default_location()
    try:
        server = KgServer((host, port), location=where, max_rows=max_rows, max_body=max_body, on_log=on_log)
    except OSError as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        server.pool = _Pool(where, size=workers, timeout=timeout, max_memory_mb=max_memory_mb)
    except BaseException:
        server.close()
        raise
    return server
