"""A small Python API for notebooks: open a store, ingest, query into pandas, draw inline.

pandas is an optional dependency (the ``notebook`` and ``dev`` extras): it is imported only by
:func:`query` and :func:`sparql`, with an error that says how to install it.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import KgError, QueryError

__all__ = ["open_store", "ingest", "query", "sparql", "draw", "Drawing"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_DECIMALS = {f"{_XSD}{t}" for t in ("decimal", "double", "float")}


def open_store(path_or_url: str | Path | None = None, *, read_only: bool = False) -> Any:
    """A store by location: a directory (default ./kg-store or $KG_STORE) or a SPARQL server URL.
    Close it with ``store.close()`` when done: an embedded store admits one writer at a time."""
    from .store import open_store as open_location
    return open_location(path_or_url, read_only=read_only)


def ingest(paths: str | Path | Iterable[str | Path], *, store: Any, published: date | None = None,
           source: str | None = None, workers: int = 1) -> Any:
    """Read articles (.txt, .html, .jsonl files or folders) into ``store``; returns the IngestReport.
    One worker by default: notebooks rarely want the NLP in several processes."""
    from .ingest import ingest as run

    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return run(items, store=_writable(store), published=published, source=source, workers=workers)


def query(store: Any, name: str, **params: Any) -> Any:
    """A named query (who, where, when, events, claims ...) as a pandas DataFrame; parameters are
    keywords, e.g. ``query(store, "who", place="Kupiansk", event_type="Visit")``."""
    from .query import bind, get_query

    values = {key: value.isoformat() if isinstance(value, date) else str(value) for key, value in params.items()}
    text = bind(get_query(name), values)
    return _with_store(store, lambda s: _frame(s.select(text)))


def sparql(store: Any, text: str) -> Any:
    """Your own read-only SPARQL as a DataFrame: the variables of a SELECT as columns; one
    ``boolean`` column for ASK; ``subject``, ``predicate``, ``object`` for CONSTRUCT and DESCRIBE."""
    from rdflib.plugins.sparql.parser import parseQuery

    from .query import check_user_query

    check_user_query(text)
    form = parseQuery(text)[1].name
    if form in ("ConstructQuery", "DescribeQuery"):
        def triples(s: Any) -> Any:
            graph = s.construct(text)
            pd = _pandas()
            data = sorted((str(a), str(b), str(c)) for a, b, c in graph)
            return pd.DataFrame(data, columns=["subject", "predicate", "object"])
        return _with_store(store, triples)
    return _with_store(store, lambda s: _frame(s.select(text)))


@dataclass(frozen=True, slots=True)
class Drawing:
    """A drawn graph page. Jupyter shows it inline (an iframe whose ``srcdoc`` holds the page,
    escaped, in a sandbox that lets its own scripts run and nothing else); :meth:`save` writes it."""

    html: str
    nodes: int
    total: int
    height: int = 900

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #dddddd;" '
                f'title="kg graph: {self.nodes} of {self.total} nodes"></iframe>')

    def save(self, path: str | Path) -> Path:
        from .export import write_atomically

        write_atomically(Path(path), self.html.encode("utf-8"))
        return Path(path)


def draw(store: Any, *, focus: str | None = None, depth: int = 2, max_nodes: int = 500, kinds: Iterable[str] = (),
         place: str | None = None, actor: str | None = None, date_from: date | None = None,
         date_to: date | None = None, title: str = "kg graph") -> Drawing:
    """The graph ``kg viz`` draws, with the same options, as an object a notebook displays inline."""
    from .store import article_graph
    from .viz import render_html, to_networkx

    graph = _with_store(store, article_graph)
    drawn = to_networkx(graph, focus=focus, depth=depth, kinds=tuple(kinds), max_nodes=max_nodes, place=place,
                        actor=actor, date_from=date_from, date_to=date_to)
    total = int(drawn.graph.get("total_nodes", drawn.number_of_nodes()))
    return Drawing(render_html(drawn, title=title), drawn.number_of_nodes(), total)


# ---------------------------------------------------------------------------------- helpers

def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise KgError("kg.query and kg.sparql return pandas DataFrames: install pandas, e.g. "
                      "pip install 'kg[notebook]'") from None
    return pandas


def _with_store(store: Any, work: Any) -> Any:
    """Run ``work`` on a store object, or on a location opened read-only for the call."""
    if isinstance(store, (str, Path)):
        opened = open_store(store, read_only=True)
        try:
            return work(opened)
        finally:
            opened.close()
    if store is None:
        raise QueryError("expected a store (from kg.open_store) or its location, found None")
    return work(store)


def _writable(store: Any) -> Any:
    if isinstance(store, (str, Path)):
        raise QueryError("ingest needs an open store: store = kg.open_store(path), then store.close() when done")
    return store


def _frame(result: dict[str, Any]) -> Any:
    """W3C SPARQL JSON results as a DataFrame: numbers as numbers, xsd:date columns as datetimes,
    unbound cells as missing values; column order as the query's variables."""
    pd = _pandas()
    if "boolean" in result:
        return pd.DataFrame({"boolean": [bool(result["boolean"])]})
    variables = result["head"]["vars"]
    records = []
    dates: dict[str, bool] = {v: True for v in variables}
    for binding in result["results"]["bindings"]:
        record = {}
        for variable in variables:
            cell = binding.get(variable)
            if cell is None:
                record[variable] = None
                continue
            record[variable] = _value(cell)
            if cell.get("datatype") != f"{_XSD}date":
                dates[variable] = False
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=variables)
    for variable in variables:
        cells = [r[variable] for r in records if r[variable] is not None]
        if not cells:
            continue
        if dates[variable]:
            frame[variable] = pd.to_datetime(frame[variable])
        elif all(isinstance(c, int) and not isinstance(c, bool) for c in cells):
            frame[variable] = frame[variable].astype("Int64")  # stays integer with missing cells
    return frame


def _value(cell: dict[str, str]) -> Any:
    datatype = cell.get("datatype")
    value = cell["value"]
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _DECIMALS:
            return float(value)
        if datatype == f"{_XSD}boolean":
            return value in ("true", "1")
    except ValueError:
        return value
    return value
