"""Extraction on a Dask cluster (``kg ingest --dask ADDRESS``): the cluster's workers run the NLP,
this process stays the one writer to the store.

Batches go out a bounded number at a time (memory stays flat however long the input) and their
graphs come back in input order, so the store's contents depend neither on the cluster's size nor
on its timing. Workers need ``kg`` installed: they import :func:`kg.ingest.article_graphs`.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .errors import KgError

if TYPE_CHECKING:
    from .ingest import ArticleGraph
    from .model import Article

__all__ = ["run_on_dask", "LOCAL"]

#: The address that starts a cluster on this machine instead of joining one.
LOCAL = "local"
#: Batches in flight per worker thread of the cluster.
AHEAD_PER_THREAD = 2
#: Seconds to wait for a scheduler to answer before giving up.
CONNECT_TIMEOUT = 30


def run_on_dask(batches: Iterator[list[Article]], *, address: str) -> Iterator[list[ArticleGraph]]:
    """Each batch's article graphs, in input order, computed on the cluster at ``address``
    (``tcp://HOST:PORT`` of a scheduler) or, for ``"local"``, on a LocalCluster of one
    single-threaded worker process per core (spaCy's pipeline is not shared between threads)."""
    client, cluster = _connect(address)
    try:
        from .ingest import article_graphs

        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        window = AHEAD_PER_THREAD * max(threads, 1)
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(client.submit(article_graphs, batch, pure=False))
            if len(pending) > window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(address: str) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KgError("--dask needs the dask.distributed package: expected `pip install 'kg[scale]'`, "
                      "found it missing") from None
    if address == LOCAL:
        cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        return Client(cluster), cluster
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach a Dask scheduler at {address!r}: expected tcp://HOST:PORT of a running "
                      f"scheduler or 'local', found {type(exc).__name__}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except TimeoutError:
        client.close()
        raise KgError(f"the Dask scheduler at {address!r} has no workers: expected at least one within "
                      f"{CONNECT_TIMEOUT}s, found none") from None
    return client, None
