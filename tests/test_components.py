"""The project's spaCy components on hand-built parses: roles, attribution, status, quantities, dates."""
from __future__ import annotations

from datetime import date

from kg.extract import extract_docs, parse_number, resolve_date
from kg.model import Article
from kg.nlp.components import Attribution, EventFrames

from .docs import parsed

PUBLISHED = date(2023, 12, 3)  # a Sunday


def _run(doc):
    EventFrames("kg_events")(doc)
    Attribution("kg_attribution")(doc)
    return doc


def _extract(doc, published=PUBLISHED):
    _run(doc)
    return extract_docs(Article(id="t", text=doc.text, published=published), [doc])


def _roles(extraction, event):
    return {(r.role, extraction.entities[r.entity].name) for r in event.roles}


# "Kharkiv was struck by Russian missiles on Sunday."
PASSIVE = """
Kharkiv Kharkiv PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
struck strike VERB VBN ROOT 2
by by ADP IN agent 2
Russian russian ADJ JJ amod 5
missiles missile NOUN NNS pobj 3
on on ADP IN prep 2
Sunday Sunday PROPN NNP pobj 6
. . PUNCT . punct 2
"""


def test_passive_voice_gives_target_place_and_equipment():
    doc = parsed(PASSIVE, ents=[(0, 1, "GPE"), (4, 5, "NORP"), (7, 8, "DATE")])
    extraction = _extract(doc)
    (event,) = extraction.events
    assert event.type == "Strike" and event.status == "occurred"
    roles = _roles(extraction, event)
    assert ("place", "Kharkiv") in roles and ("target", "Kharkiv") in roles
    assert ("equipment", "missile") in roles
    assert event.date.value == date(2023, 12, 3) and event.date.text == "Sunday"
    missile = next(e for e in extraction.entities.values() if e.name == "missile")
    assert missile.affiliation == "Russian"


# "According to the ministry, troops repelled five assaults by Ukrainian groups near Bakhmut."
ACCORDING = """
According accord VERB VBG prep 6
to to ADP IN prep 0
the the DET DT det 3
ministry ministry NOUN NN pobj 1
, , PUNCT , punct 6
troops troop NOUN NNS nsubj 6
repelled repel VERB VBD ROOT 6
five five NUM CD nummod 8
assaults assault NOUN NNS dobj 6
by by ADP IN prep 6
Ukrainian ukrainian ADJ JJ amod 11
groups group NOUN NNS pobj 9
near near ADP IN prep 6
Bakhmut Bakhmut PROPN NNP pobj 12
. . PUNCT . punct 6
"""


def test_according_to_makes_a_claim_and_support_verbs_pass_roles():
    doc = parsed(ACCORDING, ents=[(7, 8, "CARDINAL"), (10, 11, "NORP"), (13, 14, "GPE")])
    extraction = _extract(doc)
    (event,) = extraction.events
    assert event.type == "Attack" and event.status == "claimed"
    assert event.quantity.value == 5
    roles = _roles(extraction, event)
    assert ("agent", "Ukrainian groups") in roles
    assert ("target", "troops") in roles
    assert ("place", "Bakhmut") in roles
    assert [extraction.entities[c.source].name for c in extraction.claims] == ["ministry"]


# "Russian forces did not attack Kupiansk."
NEGATED = """
Russian russian ADJ JJ amod 1
forces force NOUN NNS nsubj 4
did do AUX VBD aux 4
not not PART RB neg 4
attack attack VERB VB ROOT 4
Kupiansk Kupiansk PROPN NNP dobj 4
. . PUNCT . punct 4
"""


def test_negated_event_is_denied():
    doc = parsed(NEGATED, ents=[(0, 1, "NORP"), (5, 6, "GPE")])
    (event,) = _extract(doc).events
    assert event.type == "Attack" and event.status == "denied"


# "Troops were tasked with capturing Chasiv Yar by May 9."
PLANNED = """
Troops troop NOUN NNS nsubjpass 2
were be AUX VBD auxpass 2
tasked task VERB VBN ROOT 2
with with ADP IN prep 2
capturing capture VERB VBG pcomp 3
Chasiv Chasiv PROPN NNP compound 6
Yar Yar PROPN NNP dobj 4
by by ADP IN prep 4
May May PROPN NNP pobj 7
9 9 NUM CD nummod 8
. . PUNCT . punct 2
"""


def test_ordered_event_is_planned_not_a_fact():
    doc = parsed(PLANNED, ents=[(5, 7, "GPE"), (8, 10, "DATE")])
    extraction = _extract(doc, published=date(2024, 4, 8))
    (event,) = extraction.events
    assert event.type == "Advance" and event.status == "planned"
    assert ("place", "Chasiv Yar") in _roles(extraction, event)


# "Drones hit Zhytomyr and Lviv."
COORDINATED = """
Drones drone NOUN NNS nsubj 1
hit hit VERB VBD ROOT 1
Zhytomyr Zhytomyr PROPN NNP dobj 1
and and CCONJ CC cc 2
Lviv Lviv PROPN NNP conj 2
. . PUNCT . punct 1
"""


def test_coordinated_places_are_both_kept():
    doc = parsed(COORDINATED, ents=[(2, 3, "GPE"), (4, 5, "GPE")])
    extraction = _extract(doc)
    (event,) = extraction.events
    places = {name for role, name in _roles(extraction, event) if role == "place"}
    assert places == {"Zhytomyr", "Lviv"}


def test_numbers_in_words_and_figures():
    doc = parsed("""
around around ADV RB advmod 1
140 140 NUM CD ROOT 1
""")
    quantity = parse_number(list(doc))
    assert quantity.value == 140 and quantity.approximate
    words = parsed("""
two two NUM CD compound 1
hundred hundred NUM CD ROOT 1
""")
    assert parse_number(list(words)).value == 200
    dozens = parsed("dozens dozen NOUN NNS ROOT 0")
    assert parse_number(list(dozens)).approximate


def test_relative_dates_resolve_against_publication():
    assert resolve_date("On November 30", PUBLISHED).value == date(2023, 11, 30)
    assert resolve_date("By December 2", PUBLISHED).value == date(2023, 12, 2)
    assert resolve_date("on Sunday", date(2023, 12, 5)).value == date(2023, 12, 3)
    month = resolve_date("in March 2023", PUBLISHED)
    assert month.value == date(2023, 3, 1) and month.resolution == "month"
    assert resolve_date("three days", PUBLISHED).value is None
    undated = resolve_date("On November 30", None)
    assert undated.value is None and undated.text == "On November 30"


# "Artillery shelled Dovhenke, Donetsk region." (a village the parser hangs off its region)
COMMA_REGION = """
Artillery artillery NOUN NN nsubj 1
shelled shell VERB VBD ROOT 1
Dovhenke Dovhenke PROPN NNP dobj 1
, , PUNCT , punct 2
Donetsk Donetsk PROPN NNP compound 5
region region NOUN NN appos 2
. . PUNCT . punct 1
"""

# "Artillery shelled Kupyansk, Izium and Lyman."
COMMA_LIST = """
Artillery artillery NOUN NN nsubj 1
shelled shell VERB VBD ROOT 1
Kupyansk Kupyansk PROPN NNP dobj 1
, , PUNCT , punct 2
Izium Izium PROPN NNP conj 2
and and CCONJ CC cc 4
Lyman Lyman PROPN NNP conj 4
. . PUNCT . punct 1
"""


def test_a_name_followed_by_its_region_after_a_comma_lies_in_that_region():
    doc = parsed(COMMA_REGION, ents=[(2, 3, "GPE"), (4, 5, "GPE")])
    extraction = _extract(doc)
    (village,) = [e for e in extraction.entities.values() if e.name == "Dovhenke"]
    assert village.located_in == "Donetsk region"


def test_a_list_of_places_is_not_read_as_a_place_and_its_region():
    doc = parsed(COMMA_LIST, ents=[(2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE")])
    extraction = _extract(doc)
    assert all(e.located_in is None for e in extraction.entities.values())


# "Troops shelled positions near Zolota Balka." (the small model calls the village a facility)
FACILITY_VILLAGE = """
Troops troop NOUN NNS nsubj 1
shelled shell VERB VBD ROOT 1
positions position NOUN NNS dobj 1
near near ADP IN prep 2
Zolota Zolota PROPN NNP compound 5
Balka Balka PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_a_bare_name_tagged_facility_after_near_is_a_place():
    doc = parsed(FACILITY_VILLAGE, ents=[(4, 6, "FAC")])
    extraction = _extract(doc)
    (event,) = extraction.events
    (place,) = [extraction.entities[r.entity] for r in event.roles if r.role == "place"]
    assert (place.name, place.kind) == ("Zolota Balka", "Place")


# "The minister said that Russia's invasion was a crime."
PRESUPPOSED = """
The the DET DT det 1
minister minister NOUN NN nsubj 2
said say VERB VBD ROOT 2
that that SCONJ IN mark 7
Russia Russia PROPN NNP poss 6
's 's PART POS case 4
invasion invasion NOUN NN nsubj 7
was be AUX VBD ccomp 2
a a DET DT det 10
crime crime NOUN NN attr 7
. . PUNCT . punct 2
"""

# "Officials warned of a possible offensive."
POSSIBLE = """
Officials official NOUN NNS nsubj 1
warned warn VERB VBD ROOT 1
of of ADP IN prep 1
a a DET DT det 5
possible possible ADJ JJ amod 5
offensive offensive NOUN NN pobj 2
. . PUNCT . punct 1
"""


def test_a_definite_event_noun_in_reported_speech_is_presupposed_not_claimed():
    doc = parsed(PRESUPPOSED, ents=[(4, 5, "GPE")])
    events = [e for e in _extract(doc).events if e.trigger == "invasion"]
    assert [e.status for e in events] == ["occurred"]


def test_an_event_noun_called_possible_is_planned():
    doc = parsed(POSSIBLE)
    events = [e for e in _extract(doc).events if e.trigger == "offensive"]
    assert [e.status for e in events] == ["planned"]
