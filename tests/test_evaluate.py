"""The scoring of `make eval` (tests/benchmarks/evaluate.py) on small gold/prediction pairs written here."""
from __future__ import annotations

import pytest

from kg.ingest import content_hash
from kg.store import LocalStore
from kg.to_rdf import document_iri, to_graph
from tests.benchmarks import evaluate as ev

from .sample import sample_extraction

KUPYANSK = "https://example.org/place/kupyansk"
OBLAST = "https://example.org/place/kharkiv-oblast"
UKRAINE = "https://example.org/place/ukraine"
RUSSIA = "https://example.org/place/russia"
DEPOT = "https://example.org/place/depot"
UNRESOLVED = "https://example.org/place/somewhere"
RU_FORCES = "https://example.org/actor/ru-forces"
UA_FORCES = "https://example.org/actor/ua-forces"
CIVILIANS = "https://example.org/actor/civilians"


def small_graph() -> ev.StoredGraph:
    nodes = {
        UKRAINE: ev.Node(UKRAINE, "Country", "Ukraine", {"ukraine"}, {"geonames:690791"}),
        RUSSIA: ev.Node(RUSSIA, "Country", "Russia", {"russia"}, {"geonames:2017370"}),
        OBLAST: ev.Node(OBLAST, "Region", "Kharkiv Oblast", {"kharkiv oblast", "kharkiv"}, iso="UA-63",
                        lat=49.98, long=36.25, within={UKRAINE}),
        KUPYANSK: ev.Node(KUPYANSK, "Settlement", "Kupyansk", {"kupyansk"}, {"geonames:703656"}, lat=49.7106,
                          long=37.6156, within={OBLAST, UKRAINE}),
        DEPOT: ev.Node(DEPOT, "Facility", "fuel depot", {"fuel depot"}, within={KUPYANSK, OBLAST, UKRAINE}),
        UNRESOLVED: ev.Node(UNRESOLVED, "Place", "Nowhere Khutir", {"nowhere khutir"}),
        RU_FORCES: ev.Node(RU_FORCES, "ArmedForce", "Russian forces", {"russian forces"}, countries={RUSSIA}),
        UA_FORCES: ev.Node(UA_FORCES, "ArmedForce", "Ukrainian forces", {"ukrainian forces"}, countries={UKRAINE}),
        CIVILIANS: ev.Node(CIVILIANS, "Person", "civilians", {"civilians"}),
    }
    return ev.StoredGraph(nodes=nodes, documents={}, mentions={}, claims=[])


def mention(event_type: str, *, date: str | None = None, position: int = 0, **roles: list[str]) -> ev.Mention:
    return ev.Mention("note-1", f"event-{position}", event_type, "occurred", date=date, roles=dict(roles),
                      position=(position, 0))


# ------------------------------------------------------------------------------------------ gold rules

@pytest.mark.parametrize(("actor", "side"), [
    ("Military Forces of Russia (2000-) Air Force", "Russia"),
    ("Military Forces of Ukraine (2019-)", "Ukraine"),
    ("NAF: United Armed Forces of Novorossiya", "Russia"),
    ("Military Forces of Russia (2000-) Donetsk People's Militia", "Russia"),
    ("Police Forces of Ukraine (2019-) State Border Guard Service", "Ukraine"),
    ("Government of Russia (Soviet Union)", "Russia"),
    ("DPR", "Russia"),
    ("Civilians (Ukraine)", None),
    ("Protesters (Russia)", None),
    ("Unidentified Armed Group (Ukraine)", None),
    ("Civilians", None),
    ("", None),
    (None, None),
])
def test_gold_side_follows_the_actor_name(actor, side):
    assert ev.gold_side(actor) == side


def test_acceptable_types_by_event_type_and_sub_event():
    assert ev.acceptable_types("Battles") == {"Clash", "Attack", "Advance"}
    assert ev.acceptable_types("Explosions/Remote violence", "Air/drone strike") == {"Strike"}
    assert ev.acceptable_types("Explosions/Remote violence", "Disrupted weapons use") == {"Strike", "Loss"}
    assert ev.acceptable_types("Protests", "Peaceful protest") is None


def test_haversine_of_one_degree_of_latitude_and_of_kyiv_to_kharkiv():
    assert ev.haversine_km(50.0, 30.0, 51.0, 30.0) == pytest.approx(111.2, abs=0.2)
    assert ev.haversine_km(50.4547, 30.5238, 49.9935, 36.2304) == pytest.approx(410, abs=10)


def test_region_codes_of_region_names():
    assert ev.region_code("Donetsk") == "UA-14"
    assert ev.region_code("Zaporizhzhya oblast") == "UA-23"
    assert ev.region_code("Kyiv City") == "UA-30"
    assert ev.region_code("") is None


# ------------------------------------------------------------------------------------------ precision and recall

def test_outcome_first_answer_decides_precision_any_answer_recall():
    first_wrong = ev.outcome(["Strike", "Clash"], lambda t: t == "Clash")
    assert (first_wrong.answered, first_wrong.first_right, first_wrong.any_right) == (True, False, True)
    silent = ev.outcome([None, ""], lambda t: True)
    assert silent.scorable and not silent.answered
    assert not ev.outcome(["Clash"], lambda t: True, scorable=False).scorable


def test_tally_precision_and_recall_definitions():
    tally = ev.Tally()
    for outcome in (ev.Outcome(True, True, True, True),     # right first
                    ev.Outcome(True, True, False, True),    # right only later
                    ev.Outcome(True, True, False, False),   # wrong
                    ev.Outcome(True),                       # no answer
                    ev.Outcome(False)):                     # not scorable
        tally.add(outcome)
    assert (tally.notes, tally.scorable, tally.answered) == (5, 4, 3)
    assert tally.precision == pytest.approx(1 / 3)
    assert tally.precision_any == pytest.approx(2 / 3)
    assert tally.recall == pytest.approx(2 / 4)
    assert ev.Tally().precision is None and ev.Tally().recall is None


# ------------------------------------------------------------------------------------------ places

def test_settlement_gold_matches_by_identity_alias_or_a_place_inside_it_never_by_the_region():
    graph = small_graph()
    gold = ev.settlement_gold("Kupiansk")  # the other transliteration: matched through the gazetteer identity
    assert ev.place_match(graph, KUPYANSK, gold).iri == KUPYANSK
    assert ev.place_match(graph, DEPOT, gold).iri == KUPYANSK
    assert ev.place_match(graph, OBLAST, gold) is None
    assert ev.place_match(graph, UNRESOLVED, gold) is None
    assert ev.place_match(graph, UNRESOLVED, ev.settlement_gold("Nowhere Khutir")).iri == UNRESOLVED
    assert ev.place_match(graph, OBLAST, ev.settlement_gold("Kharkiv")) is None


def test_city_district_gold_accepts_the_district_name_and_the_city():
    gold = ev.settlement_gold("Donetsk - Kirovskyi")
    assert {"donetsk kirovskyi", "kirovskyi", "donetsk"} <= gold.keys


def test_region_gold_matches_the_region_and_places_inside_it():
    graph = small_graph()
    gold = ev.region_gold("Kharkiv Oblast")
    assert ev.place_match(graph, OBLAST, gold).iri == OBLAST
    assert ev.place_match(graph, KUPYANSK, gold).iri == OBLAST
    assert ev.place_match(graph, UNRESOLVED, gold) is None
    assert ev.place_match(graph, KUPYANSK, ev.region_gold("Donetsk oblast")) is None


def test_named_gold_takes_the_level_of_the_best_candidate():
    assert ev.named_gold("Kharkiv region").level == "region"
    assert ev.named_gold("Kupiansk").level == "settlement"
    assert ev.named_gold("a dirt road outside some village") is None


def test_coordinates_fall_back_to_the_place_matched_by_then_a_town_it_lies_in_never_a_region():
    graph = small_graph()
    assert ev.coordinates(graph, graph.nodes[DEPOT], graph.nodes[KUPYANSK]) == (49.7106, 37.6156)
    assert ev.coordinates(graph, graph.nodes[DEPOT], graph.nodes[DEPOT]) == (49.7106, 37.6156)
    assert ev.coordinates(graph, graph.nodes[UNRESOLVED], graph.nodes[UNRESOLVED]) is None
    village = ev.Node("https://example.org/place/village", "Settlement", "Nove", {"nove"}, within={OBLAST, UKRAINE})
    graph.nodes[village.iri] = village
    assert ev.coordinates(graph, village, village) is None  # the oblast's point is no village's


# ------------------------------------------------------------------------------------------ a whole note

GOLD = {"event_date": "2023-11-30", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Russia (2000-)",
        "actor2": "Military Forces of Ukraine (2019-)", "admin1": "Kharkiv", "location": "Kupiansk",
        "latitude": "49.7100", "longitude": "37.6000"}


def test_score_of_a_note_whose_first_event_is_right():
    graph = small_graph()
    events = [mention("Strike", date="2023-11-30", position=0, agent=[RU_FORCES], target=[UA_FORCES],
                      place=[DEPOT]),
              mention("Loss", date="2023-11-29", position=50, target=[CIVILIANS], place=[OBLAST])]
    score = ev.score_acled_note(GOLD, "note-1", events, graph)
    for outcome in (score.where, score.when, score.agent, score.target, score.type):
        assert (outcome.answered, outcome.first_right, outcome.any_right) == (True, True, True)
    assert score.km == pytest.approx(1.1, abs=0.2)
    assert score.admin1_matched is True and score.admin1_first is True


def test_score_of_a_note_with_wrong_first_answers_and_swapped_sides():
    graph = small_graph()
    events = [mention("Loss", date="2023-11-29", position=0, agent=[UA_FORCES], target=[RU_FORCES], place=[OBLAST]),
              mention("Strike", date="2023-11-30", position=80, place=[KUPYANSK])]
    score = ev.score_acled_note(GOLD, "note-1", events, graph)
    assert (score.where.first_right, score.where.any_right) == (False, True)
    assert (score.when.first_right, score.when.any_right) == (False, True)
    assert (score.type.first_right, score.type.any_right) == (False, True)
    assert (score.agent.answered, score.agent.any_right) == (True, False)
    assert (score.target.answered, score.target.any_right) == (True, False)
    assert score.side_any.any_right  # both sides are there, in the wrong roles


def test_export_without_actor2_seeks_actor1_in_any_role():
    graph = small_graph()
    gold = {**GOLD, "actor1": "NAF: United Armed Forces of Novorossiya", "actor2": None}
    events = [mention("Strike", position=0, agent=[UA_FORCES], target=[RU_FORCES])]
    score = ev.score_acled_note(gold, "note-1", events, graph)
    assert score.agent.any_right and not score.agent_strict.any_right
    assert not score.target.scorable


def test_note_without_events_is_scorable_but_unanswered():
    score = ev.score_acled_note(GOLD, "note-1", [], small_graph())
    assert score.events == 0 and score.where.scorable and not score.where.answered
    assert score.km is None and score.admin1_first is None


# ------------------------------------------------------------------------------------------ reading a store

def test_read_graph_from_a_store_orders_events_as_the_text_does(tmp_path):
    text = ("The Ukrainian side lost a Leopard 1A5 tank. Five assaults by Ukrainian groups were repelled. "
            "The president visited a command post in Kupyansk.")
    extraction = sample_extraction(article_id="note-7", text=text)
    graph_rdf = to_graph(extraction, content_hash=content_hash(extraction.article))
    store = LocalStore(tmp_path / "store")
    try:
        store.replace_documents([(document_iri("note-7"), graph_rdf.serialize(format="nt"))])
        graph = ev.read_graph(store, {"note-7": text})
    finally:
        store.close()
    found = graph.mentions["note-7"]
    assert [m.type for m in found] == ["Loss", "Attack", "Visit"]
    visit = found[2]
    assert visit.date == "2023-11-30" and visit.resolution == "Day"
    assert ev.event_sides(graph, visit, ("agent",)) == {"Ukraine"}
    assert ev.place_match(graph, visit.nodes("place")[0], ev.settlement_gold("Kupiansk")) is not None
    attack = found[1]
    assert graph.region_of(attack.nodes("place")[0]) == "UA-63"
    assert attack.status == "claimed" and attack.quantity == 5
    assert {c["docId"] for c in graph.claims} == {"note-7"} and all(c.get("source") for c in graph.claims)


# ------------------------------------------------------------------------------------------ audit and entities

def test_audit_key_is_stable_and_changes_with_what_was_judged():
    key = ev.audit_key("doc", ["A sentence."], "Strike", ["place: Kupyansk", "agent: Russian forces"])
    assert key == ev.audit_key("doc", ["A sentence."], "Strike", ["agent: Russian forces", "place: Kupyansk"])
    assert key != ev.audit_key("doc", ["A sentence."], "Attack", ["agent: Russian forces", "place: Kupyansk"])
    assert key != ev.audit_key("doc", ["A sentence."], "Strike", ["agent: Russian forces"])
    assert len(key) == 16


def test_audit_precision_counts_judged_keys_only():
    judgments = {"a": {"correct": True}, "b": {"correct": False}, "c": {"correct": True}}
    assert ev.audit_precision(["a", "b", "x"], judgments) == (1, 2, 0.5)
    assert ev.audit_precision(["x"], judgments) == (0, 0, None)


def test_names_and_surnames():
    assert ev.is_name("Joe Biden") and ev.is_name("Ministry of Defence of the Russian Federation")
    assert ev.is_name("NATO") and not ev.is_name("troops") and not ev.is_name("Kremlin spokesman")
    assert ev.similar_surnames("blinkken", "blinken") and ev.similar_surnames("łukaszenko", "lukashenko")
    assert not ev.similar_surnames("putin", "purin") and not ev.similar_surnames("biden", "bidet")


def test_entity_groups_join_spelling_variants_and_list_other_kinds():
    people = {
        "p1": ev.Node("p1", "Person", "Volodymyr Zelensky", {"volodymyr zelensky", "zelensky"}, documents={"d1"}),
        "p2": ev.Node("p2", "Person", "Zelenskyy", {"zelenskyy"}, documents={"d2"}),
        "p3": ev.Node("p3", "Person", "Denys Shmyhal", {"denys shmyhal"}, documents={"d2"}),
        "o1": ev.Node("o1", "Organization", "Zelensky", {"zelensky"}, documents={"d3"}),
    }
    found = {"d1": [mention("Visit", agent=["p1"])], "d2": [mention("Meeting", agent=["p2", "p3"])],
             "d3": [mention("Statement", agent=["o1"])]}
    graph = ev.StoredGraph(nodes=people, documents={}, mentions=found, claims=[])
    groups = ev.entity_groups(graph, ev.PERSON_KINDS)
    first = next(g for g in groups if g["label"] == "Volodymyr Zelensky")
    assert sorted(n.iri for n in first["members"]) == ["p1", "p2"]
    assert [n.iri for n in first["others"]] == []  # "zelensky" is not the key of the label "Volodymyr Zelensky"
    assert next(g for g in groups if g["label"] == "Denys Shmyhal")["articles"] == 1


def test_main_skips_without_the_shared_data(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(ev, "ACLED_FILE", tmp_path / "absent.jsonl")
    assert ev.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_city_and_its_oblast_are_two_entities_and_other_given_names_are_other_people():
    nodes = {
        "city": ev.Node("city", "Settlement", "Kherson", {"kherson"}, {"geonames:706448"}, documents={"d1"}),
        "oblast": ev.Node("oblast", "Region", "Kherson Oblast", {"kherson oblast", "kherson"}, iso="UA-65",
                          documents={"d1"}),
        "boris": ev.Node("boris", "Person", "Boris Johnson", {"boris johnson"}, documents={"d1"}),
        "lyndon": ev.Node("lyndon", "Person", "Lyndon B. Johnson", {"lyndon b johnson"}, documents={"d2"}),
        "titled": ev.Node("titled", "Person", "head of British government Boris Johnson", set(), documents={"d2"}),
    }
    found = {"d1": [mention("Strike", place=["city", "oblast"], agent=["boris"])],
             "d2": [mention("Meeting", agent=["lyndon", "titled"])]}
    graph = ev.StoredGraph(nodes=nodes, documents={}, mentions=found, claims=[])
    kherson = next(g for g in ev.entity_groups(graph, ev.PLACE_KINDS) if g["label"] == "Kherson")
    assert [n.iri for n in kherson["members"]] == ["city"] and [n.iri for n in kherson["others"]] == ["oblast"]
    johnson = next(g for g in ev.entity_groups(graph, ev.PERSON_KINDS) if g["label"] == "Boris Johnson")
    assert sorted(n.iri for n in johnson["members"]) == ["boris", "titled"]
    assert not ev.is_name("People") and not ev.is_name("US President") and ev.is_name("Russian Armed Forces")


def test_sides_outcome_rewards_naming_only_gold_sides():
    graph = small_graph()
    events = [mention("Strike", position=0, agent=[RU_FORCES]), mention("Loss", position=9, target=[UA_FORCES])]
    both = ev.sides_outcome(graph, events, {"Russia", "Ukraine"}, ev.UCDP_ROLES)
    assert (both.answered, both.first_right) == (True, True)
    only_ukraine = ev.sides_outcome(graph, events, {"Ukraine"}, ev.UCDP_ROLES)
    assert (only_ukraine.first_right, only_ukraine.any_right) == (False, True)
    assert not ev.sides_outcome(graph, events, set(), ev.UCDP_ROLES).scorable


def test_the_judgments_file_is_well_formed():
    import json
    import re

    if not ev.JUDGMENTS_FILE.exists():
        pytest.skip("no judgments recorded yet")
    data = json.loads(ev.JUDGMENTS_FILE.read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{7,40}", data["commit"])
    keys = [j["key"] for j in data["judgments"]]
    assert len(keys) == len(set(keys))
    for judgment in data["judgments"]:
        assert re.fullmatch(r"[0-9a-f]{16}", judgment["key"])
        assert isinstance(judgment["correct"], bool)
        assert 10 < len(judgment["reason"]) < 250  # a short reason in the judge's words, not a quotation


def test_an_unresolved_name_typed_region_still_matches_a_settlement_by_name():
    graph = small_graph()
    graph.nodes["island"] = ev.Node("island", "Region", "Zmiinyi Island", {"zmiinyi island"})
    assert ev.place_match(graph, "island", ev.settlement_gold("Zmiinyi Island")).iri == "island"


def test_the_district_of_a_place_is_compared_with_admin2_romanisation_folded():
    graph = small_graph()
    district = "https://example.org/place/kupianskyi"
    graph.nodes[district] = ev.Node(district, "District", "Kupianskyi Raion", {"kupianskyi raion"},
                                    within={OBLAST, UKRAINE})
    graph.nodes[DEPOT].within.add(district)
    assert graph.district_of(DEPOT) == graph.district_of(district) == "Kupianskyi Raion"
    assert graph.district_of(OBLAST) is None
    assert ev.same_district("Kupianskyi Raion", "Kupianskyi")
    assert ev.same_district("Chuhuivskyi Raion", "Chuguivskyi")
    assert not ev.same_district("Kupianskyi Raion", "Iziumskyi")
