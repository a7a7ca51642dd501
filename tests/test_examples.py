"""Acceptance on the project's own examples/ articles, one test group per article."""
from __future__ import annotations

import pytest

from kg.ingest import ingest
from kg.paths import EXAMPLES_DIR
from kg.query import bind, get_query, rows
from kg.store import LocalStore, stats

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    local = LocalStore(tmp_path_factory.mktemp("examples") / "store")
    report = ingest([EXAMPLES_DIR], store=local, workers=1)
    assert report.errors == [] and report.stored == 3
    yield local
    local.close()


def ask(store, name, **params):
    return rows(store.select(bind(get_query(name), params)))


def sparql(store, text):
    prefixes = "PREFIX kg: <https://w3id.org/newskg#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    return rows(store.select(prefixes + text))


# ---- kupiansk-front (jsonl)

def test_kupiansk_visit_by_zelensky_on_december_1(store):
    who = ask(store, "who", place="Kupyansk", event_type="Visit")
    assert {(r["actorLabel"], r["date"]) for r in who} == {("Volodymyr Zelenskyy", "2023-12-01")}


def test_kupiansk_four_attacks_claimed_by_the_ministry_on_sunday(store):
    claims = ask(store, "claims", source="Russian defence ministry")
    attacks = [c for c in claims if c["eventType"] == "Attack"]
    assert [(a["quantity"], a["date"]) for a in attacks] == [("4", "2023-12-03")]
    losses = {(c.get("equipmentLabel", ""), c["quantity"]) for c in claims if c["eventType"] == "Loss"}
    assert {("tank", "2"), ("", "90")} <= losses


def test_kupiansk_bradley_lost_by_ukrainian_army_reported_by_general_staff(store):
    claims = ask(store, "claims", source="General Staff of the Armed Forces of Ukraine")
    assert any(c["eventType"] == "Loss" and c.get("equipmentLabel") == "Bradley fighting vehicle" for c in claims)


def test_kupiansk_boilerplate_is_gone(store):
    assert sparql(store, 'SELECT ?n WHERE { ?n kg:nameKey ?k . FILTER(CONTAINS(?k, "gadget")) }') == []


# ---- odesa-port-strike (jsonl)

def test_odesa_strike_is_one_event_with_three_sentences(store):
    events = {r["event"] for r in ask(store, "events", place="Odesa", event_type="Strike")}
    assert len(events) == 1
    (event,) = events
    evidence = sparql(store, f"SELECT ?e WHERE {{ <{event}> kg:evidence ?e }}")
    assert len(evidence) == 3


def test_odesa_drones_shot_down_over_the_region(store):
    losses = ask(store, "events", place="Odesa region", event_type="Loss")
    assert any(r.get("equipment") == "drone" and r.get("quantity") == "12" for r in losses)


def test_odesa_kremlin_denial_is_not_a_fact(store):
    denied = [r for r in ask(store, "events", place="Odesa", event_type="Attack")]
    assert denied and {r["status"] for r in denied} == {"denied"}


# ---- chasiv-yar (html)

def test_chasiv_yar_capture_is_planned_for_may_9(store):
    planned = ask(store, "when", place="Chasiv Yar", event_type="Advance")
    assert {(r["status"], r["date"]) for r in planned} == {("planned", "2024-05-09")}


def test_chasiv_yar_shelling_on_saturday_claimed_by_the_spokesman(store):
    strikes = ask(store, "when", place="Chasiv Yar", event_type="Strike")
    assert {r["date"] for r in strikes} == {"2024-04-06"}


def test_chasiv_yar_page_furniture_is_gone(store):
    for word in ("celebrity", "football", "copyright", "home"):
        assert sparql(store, f'SELECT ?n WHERE {{ ?n kg:nameKey ?k . FILTER(CONTAINS(?k, "{word}")) }}') == []


def test_reingesting_examples_changes_nothing(store):
    before = stats(store)
    report = ingest([EXAMPLES_DIR], store=store, workers=1)
    assert report.stored == 0 and report.unchanged == 3
    assert stats(store) == before
