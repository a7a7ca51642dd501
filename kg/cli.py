"""The `kg` command. The only module that prints or exits."""
from __future__ import annotations

import os
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


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


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
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
        progress = Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.completed} articles"),
                            TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
                            transient=True)
        progress.start()
        task = progress.add_task("ingest", total=None, rate=0.0)

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
        target.close()
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


@app.command()
def viz(store: StoreOption = None,
        out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path("kg-graph.html"),
        focus: Annotated[Optional[str], typer.Option("--focus", help="Label of the node to centre on.")] = None,
        depth: Annotated[int, typer.Option("--depth", help="Hops around --focus.")] = 2,
        max_nodes: Annotated[int, typer.Option("--max-nodes", help="Cap on drawn nodes.")] = 500) -> None:
    """Draw the graph (or the neighbourhood of one node) as a self-contained HTML page."""
    from .store import open_store
    from .viz import draw_store

    try:
        target = open_store(store, read_only=True)
        try:
            path, shown, total = draw_store(target, out, focus=focus, depth=depth, max_nodes=max_nodes)
        finally:
            target.close()
    except KgError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {path} ({shown} of {total} nodes)")


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


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
