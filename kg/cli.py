"""The `kg` command. The only module that prints or exits."""
from __future__ import annotations

import os
import signal
import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news reporting on armed conflict into an RDF knowledge graph, and question it.")

StoreOption = Annotated[Optional[str], typer.Option("--store", help="Store directory or SPARQL server URL "
                                                    "(default ./kg-store or $KG_STORE).")]
FormatOption = Annotated[str, typer.Option("--format", help="table, json (W3C SPARQL JSON) or csv (SPARQL CSV).")]


@app.callback()
def _endpoints(server: Annotated[Optional[str], typer.Option(
                   "--server", envvar="KG_SERVER", help="Endpoint layout of a --store URL: oxigraph (the default: "
                   "/query, /update, /store), fuseki (URL of the dataset), graphdb (URL of the repository), "
                   "virtuoso, qlever (read only).")] = None,
               query_url: Annotated[Optional[str], typer.Option(
                   "--query-url", envvar="KG_QUERY_URL", help="SPARQL query endpoint, if not the layout's.")] = None,
               update_url: Annotated[Optional[str], typer.Option(
                   "--update-url", envvar="KG_UPDATE_URL", help="SPARQL update endpoint, if not the layout's.")] = None,
               dataset_url: Annotated[Optional[str], typer.Option(
                   "--dataset-url", envvar="KG_DATASET_URL", help="URL that gives and takes the whole dataset "
                   "as N-Quads (Graph Store Protocol), if not the layout's.")] = None) -> None:
    """Options for a store on a SPARQL server, before the command: kg --server fuseki query who --store URL."""
    from .store import ENDPOINT_VARIABLES, SERVERS

    if server is not None and server not in SERVERS:
        _fail(f"--server expects one of {', '.join(SERVERS)}, found {server!r}", 2)
    given = {"server": server, "query_url": query_url, "update_url": update_url, "dataset_url": dataset_url}
    for name, value in given.items():
        if value:  # read by open_store in every command that takes --store
            os.environ[ENDPOINT_VARIABLES[name]] = value


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _close(target: object) -> None:
    """Close a store in a ``finally``: an error closing it (a full disk) fails the command in one
    line, unless the command is already failing, whose own error has been printed."""
    failing = sys.exc_info()[1] is not None
    try:
        target.close()  # type: ignore[attr-defined]
    except KgError as exc:
        if not failing:
            _fail(str(exc))


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"--date expects YYYY-MM-DD, found {value!r}", 2)
    return None


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help=".txt, .html, .jsonl files or directories.")],
           store: StoreOption = None,
           published: Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) "
                                                            "for files that carry none.")] = None,
           source: Annotated[Optional[str], typer.Option("--source", help="Outlet name for files that carry none.")] = None,
           workers: Annotated[int, typer.Option("--workers", help="Processes for the NLP (default: cores).")] = 0,
           dask: Annotated[Optional[str], typer.Option("--dask", help="Dask scheduler address, or 'local'.")] = None,
           quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False) -> None:
    """Read articles, extract actors, places and events, and store one graph per article."""
    from .ingest import ingest as run_ingest
    from .store import open_store

    day = _parse_day(published)
    workers = workers or (os.cpu_count() or 1)
    started = time.perf_counter()
    try:
        target = open_store(store)
    except KgError as exc:
        _fail(str(exc))
        return
    progress = None
    task = None
    if not quiet and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
            TimeRemainingColumn

        from .ingest import count_articles

        progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                            TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        progress.start()
        task = progress.add_task("ingest", total=count_articles(paths) or None, rate=0.0)

    def on_progress(done: int, words: int) -> None:
        if progress is not None and task is not None:
            elapsed = max(time.perf_counter() - started, 1e-6)
            progress.update(task, completed=done, rate=done / elapsed)

    def on_error(error: KgError) -> None:
        typer.echo(f"error: {error}", err=True)

    try:
        report = run_ingest(paths, store=target, published=day, source=source, workers=workers, dask=dask,
                            on_progress=on_progress, on_error=on_error)
    except KgError as exc:
        _fail(str(exc))
        return
    finally:
        if progress is not None:
            progress.stop()
        _close(target)
    elapsed = time.perf_counter() - started
    typer.echo(f"stored {report.stored} article(s), {report.unchanged} unchanged, {len(report.errors)} failed; "
               f"{report.events} events, {report.claims} claims in {elapsed:.1f}s -> {target.location}")
    if report.errors:
        raise typer.Exit(1)


def _parse_params(params: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in params:
        if "=" not in item:
            _fail(f"--param expects KEY=VALUE, found {item!r}", 2)
        key, value = item.split("=", 1)
        values[key.strip()] = value
    return values


@app.command()
def query(name: Annotated[str, typer.Argument(help="A named query: who, where, when, events, claims ...")],
          param: Annotated[list[str], typer.Option("--param", help="KEY=VALUE, repeatable.")] = [],  # noqa: B006
          store: StoreOption = None, fmt: FormatOption = "table") -> None:
    """Run a named query from queries/ with parameters bound as RDF terms."""
    from .query import bind, format_results, get_query, named_queries
    from .store import open_store

    try:
        named = get_query(name)
    except KgError:
        known = named_queries()
        lines = [f"  {q.name:<8} {q.summary}" for q in known.values()]
        _fail(f"unknown query {name!r}; known queries:\n" + "\n".join(lines))
        return
    try:
        text = bind(named, _parse_params(param))
        target = open_store(store, read_only=True)
        try:
            result = target.select(text)
        finally:
            target.close()
        typer.echo(format_results(result, fmt))
    except KgError as exc:
        _fail(str(exc))


@app.command()
def sparql(query_or_file: Annotated[str, typer.Argument(help="SPARQL text, or a file holding it.")],
           store: StoreOption = None, fmt: FormatOption = "table") -> None:
    """Run your own read-only SPARQL over the union of article graphs."""
    from .query import check_user_query, format_results
    from .store import open_store

    text = query_or_file
    candidate = Path(query_or_file)
    if len(query_or_file) < 4096 and "\n" not in query_or_file and candidate.is_file():
        text = candidate.read_text(encoding="utf-8")
    try:
        check_user_query(text)
        target = open_store(store, read_only=True)
        try:
            head = text.lstrip().upper()
            if "CONSTRUCT" in head.split("WHERE")[0] or head.startswith("DESCRIBE") or " DESCRIBE " in head[:400]:
                typer.echo(target.construct(text).serialize(format="turtle"))
            else:
                typer.echo(format_results(target.select(text), fmt))
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))


PlaceFilter = Annotated[Optional[str], typer.Option("--place", help="Only events at this place or inside it.")]
ActorFilter = Annotated[Optional[str], typer.Option("--actor", help="Only events with this actor in any role.")]


def _parse_bound(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} expects YYYY-MM-DD, found {value!r}", 2)
    return None


@app.command()
def viz(store: StoreOption = None,
        out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("kg-graph.html"),
        focus: Annotated[Optional[str], typer.Option("--focus", help="Label of the node to centre on.")] = None,
        depth: Annotated[int, typer.Option("--depth", help="Hops around --focus.")] = 2,
        max_nodes: Annotated[int, typer.Option("--max-nodes", help="Cap on drawn nodes (the most connected).")] = 500,
        kinds: Annotated[list[str], typer.Option("--type", help="Node kind to keep, e.g. Visit, Event, Person "
                                                 "(repeatable).")] = [],  # noqa: B006
        place: PlaceFilter = None, actor: ActorFilter = None,
        date_from: Annotated[Optional[str], typer.Option("--from", help="Only events dated on or after "
                                                         "YYYY-MM-DD.")] = None,
        date_to: Annotated[Optional[str], typer.Option("--to", help="Only events dated on or before "
                                                       "YYYY-MM-DD.")] = None) -> None:
    """Draw the graph (or the neighbourhood of one node) as a self-contained HTML page."""
    from .store import open_store
    from .viz import draw_store

    first, last = _parse_bound(date_from, "--from"), _parse_bound(date_to, "--to")
    try:
        target = open_store(store, read_only=True)
        try:
            path, shown, total = draw_store(target, out, focus=focus, depth=depth, max_nodes=max_nodes, kinds=kinds,
                                            place=place, actor=actor, date_from=first, date_to=last)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    except OSError as exc:  # the page is written to a temporary file and renamed: the old one stays
        _fail(f"cannot write {out}: {exc.strerror or exc}")
        return
    typer.echo(f"wrote {path} ({shown} of {total} nodes)")


@app.command()
def ask(question: Annotated[str, typer.Argument(help='A question, e.g. "Who visited Kupiansk?"')],
        store: StoreOption = None,
        show_sparql: Annotated[bool, typer.Option("--sparql", help="Also print the SPARQL that ran.")] = False) -> None:
    """Answer a question in plain English with a named query, with evidence (exit 1: no answer, 2: not understood)."""
    from .ask import ask as run_ask
    from .ask import format_result
    from .store import open_store

    try:
        target = open_store(store, read_only=True)
        try:
            result = run_ask(question, store=target)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    typer.echo(format_result(result, show_sparql=show_sparql))
    if not result.understood:
        raise typer.Exit(2)
    if result.missing or not result.answers:
        raise typer.Exit(1)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", help="turtle, nquads, trig, jsonld, graphml, gexf, "
                                            "geojson or csv.")],
           out: Annotated[Optional[Path], typer.Option("--out", help="File to write (it appears only when "
                                                       "complete); standard output if not given.")] = None,
           store: StoreOption = None) -> None:
    """Export the store as RDF, a graph for Gephi, GeoJSON for QGIS or kepler.gl, or the events table as CSV."""
    from .export import FORMATS, export_to_file
    from .export import export as run_export
    from .store import open_store

    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}", 2)
    try:
        target = open_store(store, read_only=True)
        try:
            if out is None:
                run_export(target, sys.stdout.buffer, format=fmt)
                sys.stdout.buffer.flush()
            else:
                export_to_file(target, out, format=fmt)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    except OSError as exc:  # a file is written to a temporary file and renamed: the old one stays
        _fail(f"cannot write {out or 'standard output'}: {exc.strerror or exc}")
        return
    if out is not None:
        typer.echo(f"wrote {out} ({fmt})", err=True)


@app.command()
def timeline(store: StoreOption = None,
             out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("kg-timeline.html"),
             place: PlaceFilter = None, actor: ActorFilter = None,
             max_events: Annotated[int, typer.Option("--max-events", help="Cap on drawn events (the most "
                                                     "recent).")] = 2000) -> None:
    """Draw the events on a time axis as a self-contained HTML page, filterable by place, actor and type."""
    from .store import open_store
    from .views import write_timeline

    try:
        target = open_store(store, read_only=True)
        try:
            path, shown, total = write_timeline(target, out, place=place, actor=actor, max_events=max_events)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {path} ({shown} of {total} events)")


@app.command(name="map")
def map_command(store: StoreOption = None,
                out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("kg-map.html"),
                place: PlaceFilter = None, actor: ActorFilter = None) -> None:
    """Draw places and events with coordinates on a map that works offline (no tile server)."""
    from .store import open_store
    from .views import write_map

    try:
        target = open_store(store, read_only=True)
        try:
            path, places, placed = write_map(target, out, place=place, actor=actor)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {path} ({places} places, {placed} events)")


@app.command()
def stats(store: StoreOption = None) -> None:
    """Counts of what the store holds."""
    from .store import open_store
    from .store import stats as store_stats

    try:
        target = open_store(store, read_only=True)
        try:
            counts = store_stats(target)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    for key, value in counts.items():
        typer.echo(f"{key:<12} {value}")


@app.command()
def check(store: StoreOption = None) -> None:
    """Integrity check: counts, every event with its document and evidence, SHACL shapes."""
    from .store import check as check_store
    from .store import open_store
    from .store import stats as store_stats

    try:
        target = open_store(store, read_only=True)
        try:
            counts = store_stats(target)
            problems = check_store(target)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    typer.echo(", ".join(f"{k} {v}" for k, v in counts.items()))
    for problem in problems:
        typer.echo(f"problem: {problem}", err=True)
    if problems:
        _fail(f"{len(problems)} integrity problem(s) in {target.location}")
    typer.echo("ok")


@app.command()
def remove(article_id: Annotated[str, typer.Argument(help="The article's id (file stem or jsonl id).")],
           store: StoreOption = None) -> None:
    """Remove one article's graph; merged events keep the other articles' mentions."""
    from .store import open_store
    from .to_rdf import document_iri

    try:
        target = open_store(store)
        try:
            removed = target.remove_document(document_iri(article_id))
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    if not removed:
        _fail(f"no article {article_id!r} in the store")
    typer.echo(f"removed {article_id}")


@app.command()
def load(dump: Annotated[Path, typer.Argument(help="An N-Quads (.nq) or TriG file, e.g. from kg export --format nquads.")],
         store: StoreOption = None) -> None:
    """Restore an export into a store in bulk (quads added as they are; the ontology kept current)."""
    from .store import open_store

    started = time.perf_counter()
    try:
        target = open_store(store)
        try:
            before = target.triple_count()
            target.load(dump)
            after = target.triple_count()
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    typer.echo(f"loaded {dump}: {after - before:+d} triples ({after} in all) in "
               f"{time.perf_counter() - started:.1f}s -> {target.location}")


@app.command()
def demo(out: Annotated[Path, typer.Option("--out", help="Folder for the demo store and graph.")] = Path("demo-output")) -> None:
    """Ingest the bundled examples into a fresh store, answer a few questions and draw the graph."""
    import shutil

    from .demo import QUESTIONS, run_demo

    store_dir = out / "store"
    if store_dir.exists():
        shutil.rmtree(store_dir)
    out.mkdir(parents=True, exist_ok=True)
    try:
        for title, text, html_path in run_demo(out):
            if title:
                typer.echo(f"\n== {title}")
            if text:
                typer.echo(text)
            if html_path:
                typer.echo(f"\nHTML graph written to {html_path.resolve()}")
    except KgError as exc:
        _fail(str(exc))
    del QUESTIONS


@app.command()
def serve(store: StoreOption = None,
          host: Annotated[str, typer.Option("--host", help="Address to listen on; the default keeps the server "
                                            "to this machine.")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="TCP port (0: any free port).")] = 7878,
          timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run before it is cut.")] = 30.0,
          max_rows: Annotated[int, typer.Option("--max-rows", help="Rows or triples per answer; the "
                                                "X-KG-Row-Cap header says when an answer was cut.")] = 10_000,
          workers: Annotated[int, typer.Option("--workers", help="Query worker processes (queries at once).")] = 2,
          max_memory: Annotated[int, typer.Option("--max-memory", help="MB a query worker may use before its "
                                                  "query is cut.")] = 1024,
          quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No request log.")] = False) -> None:
    """Serve the store read-only: SPARQL 1.1 at /sparql, named queries at /queries, a query page at /."""
    from .serve import make_server

    try:
        server = make_server(store, host=host, port=port, timeout=timeout, max_rows=max_rows, workers=workers,
                             max_memory_mb=max_memory, on_log=None if quiet else lambda line: typer.echo(line, err=True))
    except KgError as exc:
        _fail(str(exc))
        return
    if not server.loopback:
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine can query the store", err=True)
    typer.echo(f"serving {server.location} read-only at {server.url} (SPARQL endpoint {server.url}sparql); "
               "Ctrl-C stops")
    sys.stdout.flush()
    # a shell starts a background job ("kg serve ... &") with SIGINT ignored, and Python then never raises
    # KeyboardInterrupt: the server says Ctrl-C (SIGINT) stops it, so it listens for it wherever it was started
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
    finally:
        server.close()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
