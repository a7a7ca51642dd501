"""Articles in, article graphs stored: read -> nlp/extract -> resolve -> to_rdf -> store.

The NLP runs in worker processes (or in this one for ``workers=1``); only this process writes
to the store, one article per transaction, in input order, so the result does not depend on the
number of workers.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from . import __version__
from .errors import InputError
from .model import Article
from .read import read_articles
from .store import Store
from .to_rdf import document_iri

__all__ = ["IngestReport", "ingest", "content_hash", "article_graphs"]

#: Articles per task sent to a worker.
BATCH = 32
#: A worker process is replaced after this many tasks, which bounds spaCy's growing string store.
TASKS_PER_WORKER = 40


@dataclass
class IngestReport:
    stored: int = 0
    unchanged: int = 0
    events: int = 0
    claims: int = 0
    words: int = 0
    errors: list[InputError] = field(default_factory=list)


def content_hash(article: Article) -> str:
    """Changes when the text, its metadata or the extractor changes: then the article is redone."""
    parts = [__version__, article.text, str(article.published or ""), article.source or "", article.title or "",
             article.url or ""]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleGraph:
    name: str           #: graph IRI
    ntriples: str
    events: int
    claims: int
    words: int


def article_graphs(articles: list[Article]) -> list[ArticleGraph]:
    """The whole NLP-to-RDF path for a batch, in whatever process runs it."""
    from .extract import extract_many
    from .nlp import load_pipeline
    from .resolve.linking import resolve
    from .to_rdf import to_graph

    nlp = load_pipeline()
    out = []
    for extraction in extract_many(articles, nlp):
        resolved = resolve(extraction)
        graph = to_graph(resolved, content_hash=content_hash(resolved.article))
        data = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        out.append(ArticleGraph(str(document_iri(resolved.article.id)), _sorted_lines(data),
                                len(resolved.events), len(resolved.claims), len(resolved.article.text.split())))
    return out


def _sorted_lines(data: str) -> str:
    return "".join(sorted(set(line + "\n" for line in data.splitlines() if line.strip())))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(paths: Iterable[str | Path], *, store: Store, published: date | None = None, source: str | None = None,
           workers: int = 1, dask: str | None = None,
           on_progress: Callable[[int, int], None] | None = None,
           on_error: Callable[[InputError], None] | None = None) -> IngestReport:
    """Read, extract and store; unchanged articles are skipped, changed ones replaced.

    ``on_progress(articles_done, words_done)`` is called after each stored batch; ``on_error`` for each
    bad input (which never stops the batch).
    """
    report = IngestReport()
    stored_hashes = store.document_hashes()
    seen: set[str] = set()

    def todo() -> Iterator[Article]:
        for item in read_articles(paths, published=published, source=source):
            if isinstance(item, InputError):
                report.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            name = str(document_iri(item.id))
            digest = content_hash(item)
            if stored_hashes.get(name) == digest or (name, digest) in seen:
                report.unchanged += 1
                continue
            seen.add((name, digest))  # type: ignore[arg-type]
            yield item

    for graphs in _run(_batches(todo(), BATCH), workers=workers, dask=dask):
        from rdflib import URIRef

        store.replace_documents((URIRef(g.name), g.ntriples) for g in graphs)
        for g in graphs:
            report.stored += 1
            report.events += g.events
            report.claims += g.claims
            report.words += g.words
        if on_progress:
            on_progress(report.stored + report.unchanged, report.words)
    return report


def _run(batches: Iterator[list[Article]], *, workers: int, dask: str | None) -> Iterator[list[ArticleGraph]]:
    if dask:
        from .distributed import run_on_dask
        yield from run_on_dask(batches, address=dask)
        return
    if workers <= 1:
        for batch in batches:
            yield article_graphs(batch)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn" if os.environ.get("KG_SPAWN") else "forkserver")
    with context.Pool(workers, maxtasksperchild=TASKS_PER_WORKER) as pool:
        yield from pool.imap(article_graphs, batches)
