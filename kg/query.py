"""Named queries (queries/*.rq) and user SPARQL: headers, parameter binding, result formats.

Parameter values are never pasted into query text. Each becomes an RDF term (a literal made by
the RDF library, or an IRI from the ontology's own classes) and goes in as a one-row ``VALUES``
block at the start of the WHERE clause, the way rdflib's SPARQLStore sends initBindings to a
server; the same text therefore runs on the embedded store and on any SPARQL 1.1 server.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, UnsafeQueryError
from .names import name_key
from .paths import QUERIES_DIR
from .vocab import KG

__all__ = ["NamedQuery", "Parameter", "named_queries", "get_query", "bind", "check_user_query",
           "format_results", "rows"]

_PARAM_LINE = re.compile(r"^#\s*param\s+(\w+):\s*(\w+)\s*->\s*\?(\w+)\s*\((optional|required)\)\s*(.*)$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
PARAM_TYPES = ("name", "class", "date", "string", "integer")


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    type: str
    variable: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    path: Path
    summary: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    text: str = field(repr=False)


def _parse_header(name: str, path: Path, text: str) -> NamedQuery:
    summary, columns, params = "", (), []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            pname, ptype, var, need, description = match.groups()
            if ptype not in PARAM_TYPES:
                raise QueryError(f"{path}: parameter {pname} has type {ptype!r}: expected one of {PARAM_TYPES}")
            params.append(Parameter(pname, ptype, var, need == "required", description.strip()))
        elif line.lower().startswith("# summary:"):
            summary = line.split(":", 1)[1].strip()
        elif line.lower().startswith("# columns:"):
            columns = tuple(c.strip().split(" ")[0] for c in line.split(":", 1)[1].split(","))
    if not summary or not columns:
        raise QueryError(f"{path}: header must give '# summary:' and '# columns:' lines")
    return NamedQuery(name, path, summary, tuple(params), columns, text)


@cache
def named_queries(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Every named query, by file stem (system queries in queries/system are not listed)."""
    return {path.stem: _parse_header(path.stem, path, path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.rq"))}


def get_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}: expected one of {', '.join(sorted(queries))}")
    return queries[name]


def _term(param: Parameter, value: str) -> Node:
    if param.type == "name":
        key = name_key(value)
        if not key:
            raise QueryError(f"parameter {param.name}: expected a name, found {value!r}")
        return Literal(key)
    if param.type == "class":
        local = value.strip()
        known = _event_classes()
        match = next((c for c in known if c.lower() == local.lower()), None)
        if match is None:
            raise QueryError(f"parameter {param.name}: expected one of {', '.join(known)}, found {value!r}")
        return KG[match]
    if param.type == "date":
        try:
            return Literal(date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"parameter {param.name}: expected a date YYYY-MM-DD, found {value!r}") from None
    if param.type == "integer":
        try:
            return Literal(int(value), datatype=XSD.integer)
        except ValueError:
            raise QueryError(f"parameter {param.name}: expected an integer, found {value!r}") from None
    return Literal(value)


@cache
def _event_classes() -> tuple[str, ...]:
    from .model import EVENT_TYPES
    return tuple(sorted(EVENT_TYPES))


def bind(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with the parameters bound as RDF terms in a leading VALUES row."""
    known = {p.name: p for p in query.parameters}
    unknown = sorted(set(values) - set(known))
    if unknown:
        expected = ", ".join(known) or "no parameters"
        raise QueryError(f"query {query.name} has no parameter {unknown[0]!r}: expected {expected}")
    for param in query.parameters:
        if param.required and param.name not in values:
            raise QueryError(f"query {query.name} needs --param {param.name}=... ({param.description})")
    if not query.parameters:
        return query.text
    variables = " ".join(f"?{p.variable}" for p in query.parameters)
    cells = " ".join(_term(p, values[p.name]).n3() if p.name in values else "UNDEF" for p in query.parameters)
    match = _WHERE.search(query.text)
    if match is None:
        raise QueryError(f"{query.path}: expected a WHERE {{ clause to bind parameters into")
    block = f"\n  VALUES ({variables}) {{ ({cells}) }}\n"
    return query.text[: match.end()] + block + query.text[match.end():]


def check_user_query(text: str) -> str:
    """Refuse SPARQL that could read files or reach the network (FROM, FROM NAMED, SERVICE) or change
    the store (any update). Returns the query unchanged."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
    except Exception as exc:  # pyparsing's errors carry the position
        try:
            parseUpdate(text)
        except Exception:
            raise QueryError(f"malformed SPARQL: {exc}") from None
        raise UnsafeQueryError("updates are refused: this interface is read-only") from None
    body = parsed[1]
    clauses = body.get("datasetClause")
    if clauses is not None and not isinstance(clauses, str) and len(clauses):
        raise UnsafeQueryError("FROM and FROM NAMED are refused: queries run over the store's own graphs only")
    if _contains(body, "ServiceGraphPattern"):
        raise UnsafeQueryError("SERVICE is refused: queries may not reach other endpoints")
    return text


def _contains(node: Any, name: str) -> bool:
    if getattr(node, "name", None) == name:
        return True
    if isinstance(node, dict):
        return any(_contains(v, name) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_contains(v, name) for v in node)
    return False


# ---------------------------------------------------------------------------------- results

def rows(result: dict[str, Any]) -> list[dict[str, str]]:
    """W3C JSON results as plain dicts of strings (unbound cells left out)."""
    return [{k: v["value"] for k, v in binding.items()} for binding in result.get("results", {}).get("bindings", [])]


def format_results(result: dict[str, Any], fmt: str) -> str:
    """``json``: the W3C SPARQL 1.1 Query Results JSON format; ``csv``: the SPARQL CSV format;
    ``table``: aligned text for people."""
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=1)
    if "boolean" in result:
        return "true" if result["boolean"] else "false"
    variables = result["head"]["vars"]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for binding in result["results"]["bindings"]:
            writer.writerow([binding[v]["value"] if v in binding else "" for v in variables])
        return buffer.getvalue()
    if fmt == "table":
        return _table(variables, rows(result))
    raise QueryError(f"unknown format {fmt!r}: expected table, json or csv")


def _table(variables: list[str], data: list[dict[str, str]], *, width: int = 60) -> str:
    def cell(value: str) -> str:
        value = " ".join(value.split())
        return value if len(value) <= width else value[: width - 1] + "…"

    grid = [[cell(row.get(v, "")) for v in variables] for row in data]
    widths = [max([len(v), *(len(r[i]) for r in grid)]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in grid]
    lines.append(f"({len(data)} row{'s' if len(data) != 1 else ''})")
    return "\n".join(lines)


