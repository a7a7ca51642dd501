"""Articles in, article graphs stored: read -> nlp/extract -> resolve -> to_rdf -> store.

The NLP runs in worker processes (or in this one for ``workers=1``); only this process writes
to the store, one article per transaction, in input order, so the result does not depend on the
number of workers.
"""
from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import IngestError, InputError
from .model import Article
from .read import read_articles
from .store import Store
from .to_rdf import document_iri

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["IngestReport", "ingest", "content_hash", "article_graphs", "count_articles"]

#: Articles per task sent to a worker.
BATCH = 8
#: spaCy adds every new word to its vocabulary and string store, so a long run grows without end:
#: once they hold this many more entries than at load, the pipeline is reloaded (a fraction of a
#: second; about every million words of news), in worker processes and in this one alike.
VOCAB_GROWTH_LIMIT = 50_000
#: A worker process is replaced after this many tasks, which bounds whatever else a long-lived
#: process accumulates; rare, as a new worker spends a second or two loading the pipeline.
TASKS_PER_WORKER = 500
#: Batches handed out ahead of the one being stored, per worker: keeps every worker busy while
#: the input is read lazily and memory stays flat however long it is.
AHEAD_PER_WORKER = 2


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
    from .resolve.linking import resolve
    from .to_rdf import to_graph

    nlp = _pipeline()
    out = []
    for extraction in extract_many(articles, nlp):
        resolved = resolve(extraction)
        graph = to_graph(resolved, content_hash=content_hash(resolved.article))
        data = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        out.append(ArticleGraph(str(document_iri(resolved.article.id)), _sorted_lines(data),
                                len(resolved.events), len(resolved.claims), len(resolved.article.text.split())))
    return out


_VOCAB_AT_LOAD: dict[int, int] = {}


def _vocab_size(nlp: Language) -> int:
    return len(nlp.vocab) + len(nlp.vocab.strings)


def _pipeline() -> Language:
    """The process's pipeline, reloaded when its vocabulary has grown by VOCAB_GROWTH_LIMIT."""
    from .nlp import load_pipeline

    nlp = load_pipeline()
    at_load = _VOCAB_AT_LOAD.setdefault(id(nlp), _vocab_size(nlp))
    if _vocab_size(nlp) - at_load > VOCAB_GROWTH_LIMIT:
        load_pipeline.cache_clear()
        _VOCAB_AT_LOAD.clear()
        nlp = load_pipeline()
        _VOCAB_AT_LOAD[id(nlp)] = _vocab_size(nlp)
    return nlp


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
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn" if os.environ.get("KG_SPAWN") else "forkserver")
    if context.get_start_method() == "forkserver":
        # new workers fork from a server that has imported the NLP stack once, not each on its own
        context.set_forkserver_preload(["kg.ingest", "kg.extract", "kg.nlp.pipeline", "kg.resolve.linking",
                                        "kg.to_rdf"])
    # an executor, not multiprocessing.Pool: a Pool replaces a worker that dies at start-up for ever
    # (a script without a main guard re-runs its ingest in each worker); an executor reports it
    try:
        with ProcessPoolExecutor(workers, mp_context=context, max_tasks_per_child=TASKS_PER_WORKER) as pool:
            # not map: it reads the whole input ahead into its queue; this keeps a bounded window
            pending: deque[Future[list[ArticleGraph]]] = deque()
            for batch in batches:
                pending.append(pool.submit(article_graphs, batch))
                if len(pending) > AHEAD_PER_WORKER * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    except BrokenProcessPool as error:
        raise IngestError(
            f"expected {workers} NLP worker processes, found one dead ({error}): it was killed (out of memory?) "
            "or could not start; a Python script that calls kg.ingest(workers=N) must do so under "
            "'if __name__ == \"__main__\":', since each worker imports the script again") from error


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles the inputs hold (a file each, a .jsonl a record per non-blank line),
    counted without decoding them: the total a progress bar needs for its ETA."""
    from .read import find_inputs

    total = 0
    for found in find_inputs(paths):
        if isinstance(found, InputError):
            continue
        path, _ = found
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            continue
    return total
