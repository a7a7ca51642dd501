"""Parallel and distributed ingest give the same store as one process: worker processes, a Dask
cluster of two worker processes on loopback, and a pipeline reloaded mid-run."""
from __future__ import annotations

import json

import pytest
from rdflib.compare import isomorphic, to_isomorphic

import kg.ingest
from kg.ingest import count_articles, ingest
from kg.store import LocalStore, article_graph

pytestmark = pytest.mark.model

# Written for these tests: short reports with attacks, visits, claims and dates.
ARTICLES = [
    ("kharkiv-shelling", "2024-02-12",
     "Russian forces shelled Kupyansk on Sunday, the General Staff of the Armed Forces of Ukraine said. "
     "Two civilians were wounded in the attack, regional governor Oleh Syniehubov said."),
    ("odesa-drones", "2024-03-03",
     "Russia launched drones at the port of Odesa overnight, the Ukrainian air force said.\n\n"
     "The Russian defence ministry said its forces destroyed 12 Ukrainian boats near Odesa."),
    ("zelensky-visit", "2024-01-20",
     "Ukrainian President Volodymyr Zelensky visited troops near Avdiivka on Friday. "
     "He met commanders of the 47th Mechanized Brigade."),
    ("bakhmut-claims", "2024-04-08",
     "The Russian defence ministry said Russian troops captured a village near Bakhmut on Monday. "
     "Ukraine's military denied the claim."),
    ("kherson-strike", "2024-05-15",
     "A Russian missile strike hit Kherson on Tuesday, killing three people, the regional administration said."),
    ("delivery", "2024-06-02",
     "Germany delivered two IRIS-T air defence systems to Ukraine last week, the German defence ministry said."),
    ("zaporizhzhia-attack", "2024-07-22",
     "Ukrainian forces attacked Russian positions near Robotyne in Zaporizhzhia region on Saturday, "
     "a Ukrainian military spokesman said. Russia said it repelled the attack."),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    path = tmp_path_factory.mktemp("inputs") / "reports.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article_id, day, text in ARTICLES:
            handle.write(json.dumps({"id": article_id, "date": day, "text": text}) + "\n")
    return path


def _ingest(folder, inputs, **options):
    store = LocalStore(folder / "store")
    try:
        report = ingest([inputs], store=store, **options)
        assert report.errors == [] and report.stored == len(ARTICLES)
        return article_graph(store), report
    finally:
        store.close()


@pytest.fixture(scope="module")
def single(tmp_path_factory, inputs, nlp):
    graph, report = _ingest(tmp_path_factory.mktemp("single"), inputs, workers=1)
    assert report.events > 0 and report.claims > 0, "the test articles should give events and claims"
    return graph


def _same(a, b):
    assert len(a) == len(b)
    assert isomorphic(a, b), sorted(set(to_isomorphic(a)) ^ set(to_isomorphic(b)))[:10]


def test_two_worker_processes_store_what_one_process_stores(tmp_path, inputs, single, monkeypatch):
    monkeypatch.setattr(kg.ingest, "BATCH", 2)  # several tasks, so both workers get some
    graph, _ = _ingest(tmp_path, inputs, workers=2)
    _same(graph, single)


def test_dask_cluster_of_two_worker_processes_stores_what_one_process_stores(tmp_path, inputs, single, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(kg.ingest, "BATCH", 2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        graph, _ = _ingest(tmp_path, inputs, dask=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    _same(graph, single)


def test_reloading_the_pipeline_mid_run_changes_nothing(tmp_path, inputs, single, monkeypatch):
    from kg.nlp import load_pipeline

    monkeypatch.setattr(kg.ingest, "BATCH", 2)
    monkeypatch.setattr(kg.ingest, "VOCAB_GROWTH_LIMIT", 0)  # any new word: reload before the next batch
    before = load_pipeline()
    graph, _ = _ingest(tmp_path, inputs, workers=1)
    assert load_pipeline() is not before
    _same(graph, single)


def test_count_articles_counts_records_and_files(tmp_path, inputs):
    (tmp_path / "one.txt").write_text("Russian forces shelled Kupyansk.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    (tmp_path / "more.jsonl").write_text('{"id": "a", "text": "x"}\n\n{"id": "b", "text": "y"}\n', encoding="utf-8")
    assert count_articles([inputs]) == len(ARTICLES)
    assert count_articles([tmp_path, inputs]) == 3 + len(ARTICLES)
