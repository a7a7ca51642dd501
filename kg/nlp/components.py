"""The project's spaCy components: domain entities, event frames and attribution.

They work on the parse only and leave their results as token indices on the Doc
(``doc._.kg_frames``); :mod:`kg.extract` turns those into plain data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token

from .lexicon import (ABSTRACT_OBJECTS, KIN_NOUNS, PARTITIVES, ECONOMIC_WORDS, ABUSE_VERBS, ARMED_MODIFIERS, RESPONSES, DISPOSITION_WORDS, JOURNEY_VERBS, CONDITIONS_MET, FORCE_NOUNS, GOVERNMENT_NOUNS, PERSON_NOUNS, INSTITUTION_MODIFIERS, SPOKEN_OBJECTS, CAPTURE_VERBS, MENTION_VERBS, POSSIBILITY_WORDS, POSITION_NOUNS, EVENT_CARRYING_VERBS, CARRYING_VERBS, GENERIC_CONTROLLERS, NON_MATERIAL_LOSSES, INVASION_NOUNS, NOMINAL_PLANNED, CIVILIAN_NOUNS, CONDITIONAL_TRIGGERS, ENGAGE_VERBS, EVENT_CARRIER_NOUNS, IRREGULAR_FORMS, MONTHS, CONTROL_VERBS, FACTUAL_CONTROLLERS, OBJECT_CONTROL_VERBS, STRONG_LOCATIVE_PREPS, TITLE_WORDS, DENIAL_VERBS, EQUIPMENT_MODELS, EQUIPMENT_NOUNS,
                      EVENT_TRIGGERS, FACILITY_NOUNS, GENERIC_SOURCES, LOCATIVE_PREPS, MODAL_PLANNED, ORIGIN_TYPES,
                      PLACE_NOUNS, PLAN_WORDS, REPEL_VERBS, REPORT_VERBS, SUPPORT_VERBS_AGENT, SUPPORT_VERBS_PLACE,
                      SUPPORT_VERBS_TARGET, THREAT_WORDS, DIRECTION_WORDS, MEANS_VERBS, MUNITIONS, REQUEST_VERBS,
                      ABSTRACT_MEANS, ATROCITY_NOUNS, ENABLING_VERBS, FICTIVE_MODIFIERS, HALTING_VERBS,
                      INTERNATIONAL_BODIES)

_YEAR = re.compile(r"(1[89]|20)\d\d")
_ORDINAL_SPAN = re.compile(r"\b\d+(st|nd|rd|th)\s+(day|week|month|year)s?\b", re.IGNORECASE)

__all__ = ["comma_named_left", "hostile_condition", "names_origin", "names_topic", "referent", "is_place_token", "is_equipment_token", "Frame", "DomainEntities", "ParagraphBreaks", "EventFrames", "Attribution"]


@dataclass(slots=True)
class Frame:
    """An event trigger with the heads of its role fillers, as token indices into the Doc."""

    trigger: int
    type: str
    agents: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    participants: list[int] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    equipment: list[int] = field(default_factory=list)
    quantity: int | None = None
    dates: list[tuple[int, int]] = field(default_factory=list)  #: candidate date spans, best first
    status: str = "occurred"
    sources: list[int] = field(default_factory=list)
    reported: bool = False  #: attributed, possibly to an unnamed source ("reports indicated")
    source_verb: int | None = None


def _ensure_extensions() -> None:
    if not Doc.has_extension("kg_frames"):
        Doc.set_extension("kg_frames", default=None)


# ---------------------------------------------------------------------------------- entities

@Language.factory("kg_domain_entities", assigns=["doc.ents"], requires=["token.text"],
                  default_config={"overwrite": False})
def make_domain_entities(nlp: Language, name: str, overwrite: bool) -> "DomainEntities":
    return DomainEntities(nlp, name, overwrite=overwrite)


class DomainEntities:
    """Names the small model misses: equipment models and the abbreviated U.S./UK."""

    def __init__(self, nlp: Language, name: str, *, overwrite: bool = False) -> None:
        self.name = name
        self.ruler = EntityRuler(nlp, name=f"{name}_ruler", overwrite_ents=overwrite, phrase_matcher_attr="LOWER")
        patterns: list[dict] = [{"label": "PRODUCT", "pattern": model} for model in EQUIPMENT_MODELS]
        patterns += [{"label": "GPE", "pattern": text} for text in ("U.S.", "US", "USA", "U.K.", "UK", "EU")]
        patterns += [{"label": "GPE", "pattern": [{"LOWER": "u.s."}]}]
        # full dates, which the small model sometimes tags EVENT or misses: "9 September 2022", "May 9, 2024"
        month = {"LOWER": {"IN": MONTHS}}
        day = {"IS_DIGIT": True, "LENGTH": {"<=": 2}}
        year = {"IS_DIGIT": True, "LENGTH": 4}
        patterns += [{"label": "DATE", "pattern": [day, month, year]},
                     {"label": "DATE", "pattern": [month, day, {"ORTH": ",", "OP": "?"}, year]},
                     {"label": "DATE", "pattern": [day, month]},
                     {"label": "DATE", "pattern": [month, day]},
                     {"label": "DATE", "pattern": [month, year]}]
        self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc)


@Language.factory("kg_paragraphs", assigns=["token.is_sent_start"], requires=["token.text"])
def make_paragraphs(nlp: Language, name: str) -> "ParagraphBreaks":
    return ParagraphBreaks(name)


class ParagraphBreaks:
    """A sentence never runs across a blank line: headlines and teasers stay apart from the text."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
            elif "\n\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


# ---------------------------------------------------------------------------------- events

@Language.factory("kg_events", assigns=["doc._.kg_frames"],
                  requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"])
def make_event_frames(nlp: Language, name: str) -> "EventFrames":
    return EventFrames(name)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _coordination_chain(token: Token) -> list[Token]:
    """The token and the conjuncts it hangs from, up to the first: "strikes on Crimea and attacks on
    refineries" gives [attacks, strikes], whose last is where the coordination sits in the sentence."""
    chain = [token]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _phrase_head_lemmas(token: Token) -> set[str]:
    return {token.lemma_.lower(), *(c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod"))}


def is_place_token(token: Token) -> bool:
    """A noun that names a place: a GPE/LOC/FAC entity, or a place or facility noun with a name in it."""
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    lemma = token.lemma_.lower()
    if lemma in PLACE_NOUNS or lemma in FACILITY_NOUNS:
        return any(c.dep_ in ("compound", "nmod", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_)
                   for c in token.children)
    if token.ent_type_ == "PRODUCT" and not is_equipment_token(token):
        return True
    if token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in STRONG_LOCATIVE_PREPS and \
            region_written_after(token):
        return True  # "near Avdiivka, Donetsk": a name with its region, whatever the recogniser said
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE", "PRODUCT",
                                                             "CARDINAL", "MONEY", "LANGUAGE", "TIME", "ORDINAL",
                                                             "PERCENT", "QUANTITY", "EVENT")


AREA_WORDS = frozenset({"region", "oblast", "province", "krai", "district", "raion", "county", "municipality",
                         "community", "hromada"})


def region_written_after(token: Token) -> str | None:
    """The surface form the parser often misses: "Novoselivka, Donetsk region." or "Ivanivka, Henicheskyi
    district, Kherson, ...": the last of the comma-separated names, unless the names are a list
    ("Kupyansk, Izium and Lyman")."""
    doc = token.doc
    sentence_end = token.sent.end
    i = token.i + 1
    while i < sentence_end and doc[i].ent_iob_ == "I":  # past the rest of the token's entity
        i += 1
    found: str | None = None
    while i + 1 < sentence_end and doc[i].text == "," and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN":
        j = i + 1
        while j < sentence_end and j - i <= 3 and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        area = j < sentence_end and doc[j].lower_ in AREA_WORDS
        segment = doc[i + 1:j + 1] if area else doc[i + 1:j]
        j += 1 if area else 0
        following = doc[j] if j < sentence_end else None
        if following is not None and following.lower_ in ("and", "or", "&"):
            return None  # a list of places, not a place and its region
        found = segment.text
        if not area and following is not None and following.text == "," and j + 1 < sentence_end and \
                doc[j + 1].pos_ == "PROPN" and doc[j + 1].is_title:
            # "A, B, C": a list unless B named its kind of area ("Henicheskyi district, Kherson")
            return None
        i = j
    return found


def _object_kinds(token: Token, *, means: bool = True) -> set[str]:
    kinds = set()
    for child in token.children:
        heads: list[Token] = []
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            heads = _conjuncts(child)
        elif child.dep_ in ("prt", "advmod"):
            kinds.add(child.lower_)
        elif child.dep_ in ("prep", "agent") and (means or child.lower_ != "by"):
            heads = [g for g in child.children if g.dep_ == "pobj"]
            kinds.add(child.lower_)
        heads = heads + [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in STRONG_LOCATIVE_PREPS
                         for g in p.children if g.dep_ == "pobj" and is_place_token(g)]  # "a block in Kherson"
        for head in heads:
            kinds |= _phrase_head_lemmas(head)
            if is_equipment_token(head):
                kinds.add("EQUIPMENT")
            if is_place_token(head):
                kinds.add("PLACE")
            if head.lemma_.lower() in FACILITY_NOUNS:
                kinds.add("FACILITY")
            if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                kinds.add("ACTOR")
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        kinds |= _phrase_head_lemmas(token.head)
        if token.head.lemma_.lower() in EQUIPMENT_NOUNS or token.head.ent_type_ == "PRODUCT":
            kinds.add("EQUIPMENT")
    return kinds


def _trigger_type(token: Token) -> str | None:
    lemma = IRREGULAR_FORMS.get(token.lower_, token.lemma_.lower())
    kind = EVENT_TRIGGERS.get(lemma)
    if token.pos_ == "VERB" and lemma == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in token.children):
        kind = "Attack"  # "opened fire on a car"
    if token.pos_ == "VERB" and lemma in CONTROL_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "control" for c in token.children):
        kind = "Advance"  # "established control over X"
    nominal = token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in ("pobj", "dobj", "nsubj"))
    if kind is None or not (token.pos_ == "VERB" or nominal):
        return None
    carrier = token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_CARRIER_NOUNS
    if (token.dep_ in ("compound", "amod") and not carrier) or (token.ent_type_ and token.ent_type_ not in ("", "DATE")):
        return None
    if token.tag_ in ("VBG", "VBN") and token.dep_ == "acl" and token.i < token.head.i:
        return None  # "occupying forces": a participle describing a noun, not an event
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and lemma in {"report"}:
        return None
    condition = None if kind == "Advance" and lemma in CONTROL_VERBS else CONDITIONAL_TRIGGERS.get(lemma)
    if condition is None or "ANY" in condition:
        pass
    elif "SPEAKER_ONLY" in condition:
        if not any(c.dep_ == "nsubj" and c.ent_type_ in ("PERSON", "ORG", "GPE") for c in token.children):
            return None
        if any(c.dep_ in ("ccomp", "parataxis") for c in token.children):
            return None  # "X said that ...": attribution, not a statement event of its own
    elif "PLURAL" in condition:
        if token.pos_ != "NOUN" or token.tag_ != "NNS":
            return None
    elif "VERB_OR_PLURAL" in condition:
        if token.pos_ == "NOUN" and token.tag_ != "NNS" and not any(c.dep_ == "prep" for c in token.children):
            return None
    elif "PERSON_OBJECT" in condition and any(
            c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in CIVILIAN_NOUNS)
            for c in token.children):
        kind = "Attack"  # "shot a local resident", "beat a man"
    elif not (_object_kinds(token, means=kind != "Delivery") & condition):
        return None  # (what is delivered is not what it goes by: "sent by plane or train")
    if lemma in SUPPORT_VERBS_AGENT and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "ADJ") and c.lemma_.lower() != "shell" and
                                            EVENT_TRIGGERS.get(c.lemma_.lower()) for c in token.children):
        return None  # "launched a strike": the noun is the event ("launched shells": ammunition, the verb is)
    if lemma == "take" and any(c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("dobj", "npadvmod") for c in token.children):
        return None  # "it took Europe two years to wake up": time taken
    if lemma == "take" and (any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children) or not any(
            c.dep_ in ("dobj", "nsubjpass") and (
                is_place_token(referent(c)) or referent(c).pos_ == "PROPN" or c.lemma_.lower() == "control")
            for c in token.children)):
        return None  # "took part", "take decisions", "was taken to the town": only taking a place or control advances
    if lemma == "shoot" and kind == "Loss" and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "down"
                                                       for c in token.children):
        return None
    if lemma in ("invade", "occupy") and token.tag_ == "VBG" and any(
            c.dep_ == "dobj" and c.i > token.i and c.lemma_.lower() in FORCE_NOUNS for c in token.children):
        return None  # "resisted the invasion by invading Russian forces": a participle the parser read as a gerund
    if lemma == "shell" and token.pos_ == "NOUN":
        return None  # "artillery shells": ammunition; the event is "shelling" or the verb
    if kind in ("Strike", "Attack") and any(
            t.lemma_.lower() in ABSTRACT_OBJECTS for t in _doers(token)):
        return None  # "sanctions targeting Russia", "the law attacks free speech": no weapon acts
    if kind in ("Attack", "Strike", "Fortification") and _by_abstract_means(token):
        return None  # "hit Russia with sanctions", "fortify itself against sanctions": no weapon, no wall
    if lemma == "fire" and token.pos_ == "NOUN":
        return None
    if lemma == "push" and any((c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.lower_ == "to" for a in c.children))
                               or (c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "ORG", "PERSON", "NORP"))
                               for c in token.children):
        return None  # "pushed Moscow to strengthen ties", "pushing Europe into a confrontation": not an advance
    if lemma == "gain" and any(not _place_like(o) for o in _objects(token)):
        return None  # "to gain more concessions", "gained independence"
    if lemma == "advance" and token.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and _a_career_step(g) for g in c.children)
            for c in token.children):
        return None  # "advanced to the position of Chief of Staff", "to the next round": a career or a contest
    if lemma == "advance" and token.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and not _place_like(g) for g in c.children)
            for c in token.children):
        return None  # "advances in technology"
    if lemma == "talk" and token.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ in ("about", "of") for c in token.children) \
            and not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in token.children):
        return None  # "The IMF talks about burden sharing": the verb, tagged a noun; it speaks, it meets no one
    if kind in ("Attack", "Strike") and _verbal_attack(token):
        return None  # "their attacks on him over inflation", "blasted the war": criticism, not violence
    if lemma == "meet" and token.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_.lower() in RESPONSES for g in c.children)
            for c in token.children):
        return None  # "would be met with force", "met with fierce resistance": a response, not a meeting
    if lemma == "meet" and any(o.lemma_.lower() in CONDITIONS_MET for o in _objects(token)):
        return None  # "Ukraine must meet strict accession conditions": fulfilling, not meeting anyone
    if lemma in ("speak", "talk") and any(c.dep_ == "dobj" and (c.ent_type_ in ("NORP", "LANGUAGE") or c.lemma_.lower() in (
            "language", "tongue", "dialect")) for c in token.children):
        return None  # "Latvians who speak Russian", "their native language": a language spoken, not a statement
    if _capability(token):
        return None  # "weapons capable of striking targets", "targets that cannot be attacked": what can be done
    # (an event fought as its object: "fighting a hypothetical war"; not "destroyed fake launchers", real decoys)
    fought = [o for o in _objects(token) if EVENT_TRIGGERS.get(o.lemma_.lower()) or o.lemma_.lower() in (
        "war", "conflict")] if kind in ("Attack", "Clash", "Strike", "Advance", "Loss") else []
    if any(c.dep_ == "amod" and c.lower_ in FICTIVE_MODIFIERS for t in (token, *fought) for c in t.children):
        return None  # "a video showing a staged attack", "fighting a hypothetical war": no attack took place
    if lemma == "combat" and token.pos_ == "VERB":
        return None  # "to combat illegal fishing", "combating corruption": the verb is nearly always figurative
    if lemma == "target" and (token.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)):
        return None  # "struck targets", "targeted for overhaul", "targeted for sanctions"
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in GENERIC_CONTROLLERS:
        return None  # "munitions tend to kill civilians": a tendency, not an event
    if kind in ("Attack", "Clash", "Strike", "Loss") and lemma != "open" and any(
            _figurative_object(o) for o in _objects(token)):
        return None  # "students fought the plan", "struck a deal", "destroy the security system": figures of speech
    if kind == "Clash" and (_fought_for_a_cause(token) or _unarmed_engagement(token)):
        return None  # "Ukrainians fighting for their freedom", "engagement with Beijing": no clash
    if lemma == "fight" and token.dep_ in ("xcomp", "acl") and (token.head.lemma_.lower() in DISPOSITION_WORDS or (
            token.head.lower_ in DISPOSITION_WORDS and token.head.tag_ in ("VBN", "JJ"))):
        return None  # "the will to fight", "ready to fight", "must be prepared to fight": a disposition, not a fight
    if kind == "Delivery" and any(o.lemma_.lower() in SPOKEN_OBJECTS for o in _objects(token)):
        return None  # "delivered a warning to China": words, not goods
    if lemma in ("lose", "loss") and _lost_nothing_material(token):
        return None
    if lemma in CAPTURE_VERBS and token.pos_ == "VERB":
        # ("a chance that the Kremlin is seizing": the parser's "that" is no pronoun, the noun is what is seized)
        taken = _objects(token) or ([token.head] if token.dep_ in ("acl", "relcl") and token.i > token.head.i
                                    and token.head.pos_ == "NOUN" else [])
        # people named by a common noun: the small model tags villages ("Chasiv Yar") as persons too often
        if taken and all(o.lemma_.lower() in CIVILIAN_NOUNS for o in taken):
            kind = "Attack"  # "captured a 40-year-old woman": an abduction
        elif any(not _place_like(o) for o in taken):
            return None  # "seized 6 million tonnes of grain": not ground taken
    if lemma == "push" and any(c.lower_ == "back" for c in token.children) and \
            any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in token.children):
        return None  # "pushed back against claims": disagreement
    if token.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in ("you", "one") for c in token.children):
        return None  # "you could kill every soldier": a generic or hypothetical "you"
    # "a drone attack" / "missile strikes" are strikes at a distance
    if kind == "Attack" and any(c.lemma_.lower() in {"drone", "missile", "rocket", "air", "artillery", "mortar",
                                                      "kamikaze", "airstrike"}
                                for c in token.children if c.dep_ in ("compound", "amod", "nmod")):
        kind = "Strike"
    return kind


def _capability(verb: Token) -> bool:
    """A verb told as what can be done, not as done: "missiles that can strike London", "capable of striking",
    "will be able to strike", "the ability to strike". "Was able to destroy" tells what was done."""
    if verb.pos_ != "VERB":
        return False
    head = verb.head
    # "weapons cannot be used to attack Russia": the purpose of what can be done
    purpose = verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    # "weapons that can allow troops to strike": what a possible enabling makes possible
    enabled = verb.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in ENABLING_VERBS
    if any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in (
            *verb.children, *(head.children if purpose or enabled else ()))):
        return True
    if verb.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() == "capable":
        return True
    if verb.dep_ == "acl" and head.lemma_.lower() in ("ability", "capability", "capacity"):
        return True
    return verb.dep_ == "xcomp" and head.lower_ == "able" and not _done_ability(head)


def _done_ability(word: Token) -> bool:
    """"was able to", "have been able to": an ability told in the past is a thing done."""
    if word.lower_ != "able":
        return False
    copula = word.head
    return copula.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in copula.children)


#: Events a noun does when a participle after it names them: "forces invading", "leaders meeting in Brussels".
_ACTED_BY_THE_NOUN = frozenset({"Attack", "Clash", "Strike", "Advance", "Meeting", "Visit"})


def _after_a_coordinated_noun(prep: Token, trigger: Token) -> bool:
    """"the bombing of Mariupol or slaughter in Bucha": a phrase the parser hangs on the trigger though an event
    noun coordinated after the trigger stands right before it, and is that noun's."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return before is not None and before.i > trigger.i and before.dep_ == "conj" and before.pos_ == "NOUN" and \
        (EVENT_TRIGGERS.get(before.lemma_.lower()) is not None or before.lemma_.lower() in ATROCITY_NOUNS) and \
        prep.lower_ in STRONG_LOCATIVE_PREPS  # (not "advances and victories of Ukraine", shared by both; not "attacks
    # on troops and equipment in Crimea", whose second object is no event of its own)


def _by_abstract_means(verb: Token) -> bool:
    """"hit Russia quickly and at scale with sanctions", "fortify itself against sanctions": a "with" or "against"
    phrase of the verb's own clause (wherever the parser hangs it) names an abstraction."""
    for word in verb.subtree:
        if word.dep_ != "prep" or word.lower_ not in ("with", "against") or word.i < verb.i:
            continue
        path = [a for a in word.ancestors if a.i != verb.i and verb in a.ancestors]
        if any(a.pos_ in ("VERB", "AUX") or a.dep_ == "prep" for a in path):
            continue  # another clause's phrase, or another phrase's ("in line with its strategy")
        if any(g.dep_ == "pobj" and g.lemma_.lower() in ABSTRACT_MEANS for g in word.children):
            return True
    return False


def _doers(token: Token) -> list[Token]:
    """What a verb's subject is, or the noun a participle describes ("sanctions targeting Russia")."""
    found = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ == "acl" and token.i > token.head.i and token.tag_ == "VBG":
        found.append(token.head)
    return found


def _antecedent(verb: Token, word: Token) -> Token:
    """A relative pronoun in a relative clause stands for the noun the clause describes ("an opportunity that
    Putin seized", "the freedom for which they fought"); any other word stands for itself."""
    return verb.head if word.tag_ == "WDT" and verb.dep_ == "relcl" else word


def _objects(token: Token) -> list[Token]:
    """What a verb or event noun acts on: its direct object, or the object of "against"/"on"."""
    found = [_antecedent(token, c) for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl" and token.i > token.head.i and token.tag_ == "VBN":
        found.append(token.head)  # "the ground lost by the army", not "the possibility that Russia could lose the war"
    found += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "of")
              for g in c.children if g.dep_ == "pobj"]
    return found


def _misparsed_object(verb: Token, child: Token, frame: Frame) -> list[Token]:
    """"shelled Bakhmut, Donetsk": the small parser makes an unfamiliar name right after a verb of attack
    an adverb; a capitalised name there, with no other object, is what was struck or taken (the objects, or
    none). "shelled Zalizne, Donetsk" parsed as "[Zalizne ,] Donetsk" gives the name before the comma."""
    first = child.left_edge
    doc = verb.doc
    region_after = child.i + 2 < len(doc) and doc[child.i + 1].text == "," and doc[child.i + 2].pos_ == "PROPN"
    if not (frame.type in ("Strike", "Attack", "Advance") and child.dep_ in ("advmod", "npadvmod")
            and first.i == verb.i + 1 and first.text[:1].isupper() and child.text[:1].isupper()
            and child.ent_type_ not in ("DATE", "TIME", "NORP")
            and (child.pos_ == "PROPN" or child.ent_type_ in ("GPE", "LOC", "FAC") or region_after)
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)):
        return []
    return [first] if first.i < child.i and first.dep_ in ("nmod", "compound") else _conjuncts(child)


def _actor_behind(subject: Token) -> list[Token]:
    """"A Russian missile strike killed five": an event noun as subject stands for the side that carried it out."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in EVENT_TRIGGERS:
        return [subject]
    return [c for c in subject.children if c.dep_ in ("poss", "amod", "compound", "nmod")
            and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")]


def _place_like(token: Token) -> bool:
    """An object that ground-taking verbs take: a named place, a place or facility noun, a position, control."""
    token = referent(token)
    lemma = token.lemma_.lower()
    return is_place_token(token) or token.pos_ in ("PROPN", "PRON") or lemma in PLACE_NOUNS or lemma in FACILITY_NOUNS or \
        lemma in POSITION_NOUNS or lemma in ("control", "ground", "height", "bridgehead", "foothold", "land")


def _controller(verb: Token) -> Token:
    """The word a verb depends on, through the preposition when it is one's complement ("for [failing]")."""
    return verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head


#: Verbs that pass their own subject on to the verb below them: "failing to provide", "refusing to send".
_PASSING_CONTROLLERS = frozenset({"fail", "refuse", "try", "attempt", "continue", "decline", "hesitate",
                                  "refrain", "stop", "cease", "begin", "start"})


def _can_be_attacked(token: Token) -> bool:
    """A name, a place, a position, a force or people: not a date, a scale or a basis."""
    lemma = token.lemma_.lower()
    return token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL") and (
        token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON") or _place_like(token)
        or lemma in FORCE_NOUNS or lemma in CIVILIAN_NOUNS)


def _verbal_attack(token: Token) -> bool:
    """An attack on a person over an issue ("attacks on him over inflation"), or a blast at anything that is
    no place, facility or equipment ("has blasted the war"): words, not violence."""
    objects = _objects(token)
    if token.pos_ == "VERB" and any(t.lemma_.lower() in ABUSE_VERBS for t in token.conjuncts):
        return True  # "slandering and attacking China": words coordinated with words
    if token.lemma_.lower() == "blast" and token.pos_ == "VERB":
        return bool(objects) and not any(_place_like(o) or is_equipment_token(o) for o in objects)
    personal = any(o.ent_type_ == "PERSON" or o.lower_ in ("him", "her", "them") for o in objects)
    issues = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("over", "for") for g in c.children
              if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC") and not _place_like(g)]
    return personal and bool(issues)


def _figurative_object(token: Token) -> bool:
    """An object no weapon can reach: an abstraction ("the plan", "a deal"), or a system or order of states
    ("the international security system"; an air defence system stays equipment)."""
    lemma = token.lemma_.lower()
    return lemma in ABSTRACT_OBJECTS or (lemma in ("system", "order") and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in INSTITUTION_MODIFIERS for c in token.children))


def _fought_for_a_cause(token: Token) -> bool:
    """"Fighting for their freedom", "the battle for democracy": a cause and no opponent. A place, control, a
    side or a time stays a clash: "fought for the village", "for control of the bridge", "for Russia", "for hours"."""
    if token.lemma_.lower() not in ("fight", "fighting", "battle") or any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("against", "with", "between")) for c in token.children):
        return False
    fought_for = [named if (named := _antecedent(token, g)) is not g else referent(g)
                  for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj"]
    return any(_a_cause(g) for g in fought_for) and not any(_ground_or_side(g) for g in fought_for)


def _a_career_step(token: Token) -> bool:
    """A post, a rank or a round one advances to ("the position of Chief of Staff"), not ground."""
    lemma = token.lemma_.lower()
    return lemma in ("post", "rank", "role", "office", "job", "level", "stage", "final", "round", "semifinal") or (
        lemma == "position" and token.tag_ == "NN" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in PERSON_NOUNS | TITLE_WORDS
            for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children))


def _fought_beside(prep: Token) -> bool:
    """"Fight together with", and the verb "fight with" (volunteers "left to fight with Ukrainian forces", troops
    forced "to fight with Russia"): as often an ally as the other side, so no target; "clashed with Russian
    forces" and "the fighting with the Armed Forces" name the other side."""
    head = prep.head
    return any(c.lower_ in ("together", "alongside") for c in head.children) or (
        head.pos_ == "VERB" and head.lemma_.lower() == "fight")


def _a_cause(token: Token) -> bool:
    """What one fights for that is neither ground, a side nor a time: "freedom", "values", "their country"."""
    lemma = token.lemma_.lower()
    return lemma in _OWN_COUNTRY or (  # one's own country, not a named place
        token.pos_ == "NOUN" and not token.ent_type_ and not _ground_or_side(token)
        and lemma not in ("hour", "day", "night", "week", "month", "year", "minute"))


_OWN_COUNTRY = frozenset({"land", "country", "homeland", "motherland"})


def _ground_or_side(token: Token) -> bool:
    """A name, a force or a place one fights for: the fight is over it, or beside it."""
    return token.ent_type_ not in ("", "DATE", "TIME", "CARDINAL") or token.lemma_.lower() in FORCE_NOUNS or (
        _place_like(token) and token.lemma_.lower() not in _OWN_COUNTRY)


def _unarmed_engagement(token: Token) -> bool:
    """"Their engagement with Beijing": diplomacy, unless a force or an armed modifier says otherwise ("an
    engagement with Russian forces", "a ground engagement")."""
    if token.lemma_.lower() != "engagement":
        return False
    near = [c for c in token.children if c.dep_ in ("amod", "compound")]
    near += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(t.lemma_.lower() in ARMED_MODIFIERS or t.lemma_.lower() in FORCE_NOUNS for t in near)


def _lost_nothing_material(token: Token) -> bool:
    """"Putin will lose", "lost ground", "the loss of territory", "a stunning loss": no people or equipment
    were lost."""
    lost = _objects(token)
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in ECONOMIC_WORDS for c in token.children):
        return True  # "economic losses", "revenue losses"
    verb = token.head
    if token.dep_ == "dobj" and verb.lemma_.lower() in ("suffer", "incur", "face", "bear"):
        sufferers = [t for c in verb.children if c.dep_ == "nsubj" for t in _conjuncts(c)] or (
            [t for c in verb.head.children if c.dep_ == "nsubj" for t in _conjuncts(c)] if verb.dep_ == "xcomp" else [])
        if any(t.lemma_.lower() in ECONOMIC_WORDS for t in sufferers):
            return True  # "if our citizens and economy begin to suffer losses": money, not people or equipment
    if token.pos_ == "VERB" and token.lemma_.lower() == "lose":
        # the verb is mostly figurative ("lost its grip", "lost two wars", "lose the war"): only people,
        # forces, equipment or buildings lost make a loss, also as part of a number ("some of its best troops");
        # a headline's counted subject is what was lost ("More than 135 servicemen lost in ... direction")
        counted = [c for c in token.children if c.dep_ == "nsubj" and any(n.dep_ == "nummod" for n in c.children)] \
            if all(o.pos_ == "PROPN" for o in lost) else []  # (not "three million people lost power")
        return not any(_material(t) for o in [*lost, *counted] for t in _conjuncts(o))
    if not lost:  # "could suffer an embarrassing loss": a defeat; "heavy losses" are men and equipment
        return token.pos_ == "VERB" or token.tag_ == "NN"
    return all(o.lemma_.lower() in NON_MATERIAL_LOSSES or _territory_lost(token, o) for o in lost)


def _material(token: Token) -> bool:
    """People, a force, equipment or a building; through "of" after a number or a part ("thousands of people")."""
    of = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    if of and (token.like_num or token.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY") or
               token.lemma_.lower() in PARTITIVES):
        return any(_material(t) for g in of for t in _conjuncts(g))
    if token.like_num and any(c.lemma_.lower() in ("kill", "wound", "injure", "dead", "miss") for c in token.children):
        return True  # "lost 4,000 killed"
    lemma = token.lemma_.lower()
    return token.ent_type_ == "PERSON" or is_equipment_token(token) or lemma in PERSON_NOUNS | FORCE_NOUNS | \
        CIVILIAN_NOUNS | FACILITY_NOUNS | KIN_NOUNS or lemma in ("life", "asset", "personnel", "casualty") or \
        lemma in ("finger", "hand", "arm", "leg", "foot", "eye", "limb")  # "lost a leg": a wound


def _territory_lost(verb: Token, lost: Token) -> bool:
    """"If Russia loses Crimea": a place a verb loses is territory changing hands, not people or equipment
    (the small model tags such a name an organisation too, when it is one word; "losses of the Armed Forces"
    name who lost, and an abbreviation such as "APU" is a unit)."""
    if verb.pos_ != "VERB" or lost.dep_ != "dobj" or lost.pos_ != "PROPN":
        return False
    return lost.ent_type_ in ("GPE", "LOC", "FAC") or (
        lost.ent_type_ == "ORG" and lost.ent_iob_ == "B" and not lost.text.isupper() and
        (lost.i + 1 >= len(lost.doc) or lost.doc[lost.i + 1].ent_iob_ != "I"))


class EventFrames:
    """Finds event triggers (verbs and nominalisations) and the heads of their roles in the parse."""

    def __init__(self, name: str) -> None:
        self.name = name
        _ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        frames: list[Frame] = []
        for sent in doc.sents:
            opening = _dateline_end(sent)
            for token in sent:
                kind = _trigger_type(token)
                if kind is None:
                    continue
                frame = Frame(trigger=token.i, type=kind)
                if token.pos_ == "VERB":
                    self._verb_roles(token, frame)
                else:
                    self._noun_roles(token, frame)
                self._place_roles(token, frame)
                if kind in ("Attack", "Clash", "Advance", "Strike"):
                    _repelled_by(token, frame)
                elif kind == "Loss" and not frame.targets:
                    _owners_of_lost_equipment(frame, doc)
                frame.status = _status(token)
                frame.dates = _date_for(token, sent, kind=kind)
                _drop_roles_before(frame, opening)
                frames.append(frame)
        doc._.kg_frames = frames
        return doc

    @staticmethod
    def _verb_roles(token: Token, frame: Frame) -> None:
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        passive = any(c.dep_ == "auxpass" for c in token.children) or (  # "as being established": agent unknown
            _inverted_condition(token) and token.tag_ in ("VBN", "VBD") and "were" in (
                *(c.lower_ for c in token.children), token.head.lower_))
        if passive and subjects and token.tag_ in ("VBN", "VBD"):
            # "were Crimea attacked": the parser's subject of a passive is what was done to
            _add_object(frame, [s for s in subjects if s.dep_ == "nsubj"])
            subjects = []
        controlled = not passive and token.dep_ in ("conj", "xcomp", "advcl", "pcomp") or (
            token.dep_ == "acl" and token.head.lemma_.lower() in PLAN_WORDS)  # "plans to strengthen"
        if not subjects and (inverted := _inverted_speakers(token)):
            subjects, controlled = inverted, False  # "... - announced the deputy minister"
        if not subjects and frame.type == "Advance" and token.lemma_.lower() == "advance":
            # "the potential of advancing Ukrainian units": the parser makes the units an object; they advance
            subjects = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in FORCE_NOUNS]
            controlled = controlled and not subjects
        controller = _controller(token)
        if controller.dep_ == "dobj" and controller.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
            controller = controller.head  # the parser hung "of sending" on the object: "accused [allies of sending]"
        if controller.lemma_.lower() in _PASSING_CONTROLLERS and controller.dep_ in ("pcomp", "xcomp"):
            # "criticised the leaders for failing to provide ammunition": the leaders fail, and do not provide
            outer = _controller(controller)
            if outer.lemma_.lower() in OBJECT_CONTROL_VERBS:
                controller = outer
        # (a verb coordinated with one of them shares its subject: "thanked Germany ... but urged Congress")
        # (not a participle set before the verb: "Speaking to the crowd, Francis criticised Russia")
        if not subjects and controlled and token.dep_ != "conj" and controller.lemma_.lower() in OBJECT_CONTROL_VERBS \
                and token.i > controller.i:
            head = controller  # "urged Kyiv to ...", "accused Kyiv's allies of sending ..."
            subjects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            subjects += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")
                         for g in c.children if g.dep_ == "pobj"]
            controlled = not subjects
        if not subjects and controlled:
            for ancestor in list(token.ancestors)[:3]:
                subjects = [c for c in ancestor.children if c.dep_ == "nsubj" or
                            (c.dep_ == "nsubjpass" and ancestor.lemma_.lower() in PLAN_WORDS)]  # "were tasked with"
                if subjects or ancestor.dep_ in ("ROOT", "ccomp", "relcl"):
                    break
        if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
            if subjects and all(s.tag_ in ("WDT", "WP") for s in subjects):  # "the strike that killed": the strike
                subjects = [token.head]
            elif passive and any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in token.children):
                _add_object(frame, [token.head])  # "Ivan, who was abducted by soldiers": Ivan was the one taken
        bereaved = token.lemma_.lower() == "lose" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in KIN_NOUNS for c in token.children)
        for subject in subjects:
            if frame.type == "Loss" and token.lemma_.lower() in {"lose", "die"}:
                if not bereaved:  # ("they lost their father": the father died, not they)
                    frame.targets.extend(t.i for t in _conjuncts(subject))  # the side that lost
            else:
                frame.agents.extend(t.i for s in _conjuncts(subject) for t in _actor_behind(s))
        for child in token.children:
            if child.dep_ in ("nsubjpass", "dobj", "attr") and child not in subjects:
                objects = [named for t in _conjuncts(child) for named in (region_names(t) or [t])]
                if child.lemma_.lower() != "control":
                    _add_object(frame, objects)
                for obj in objects:  # "destroyed a bridge in Kherson", "control over Novoselivka"
                    for prep in obj.children:
                        # ("aid workers from a charity": where they come from, not where it happened)
                        if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS | {"of"} and prep.lower_ != "from":
                            if prep.lower_ != "of" or obj.lemma_.lower() == "control":
                                _prep_role(frame, prep, places_only=True)
            elif child.dep_ == "agent":
                frame.agents.extend(t.i for g in child.children if g.dep_ == "pobj" for t in _conjuncts(g))
            elif child.dep_ == "prep":
                heading = child.i < token.i and child.right_edge.i + 1 < len(token.doc) and \
                    token.doc[child.right_edge.i + 1].text == ":"
                if not heading:  # "To the Germans: send tanks": whom the call is addressed to
                    _prep_role(frame, child)
            elif child.dep_ == "dative":
                receivers = [g for g in child.children if g.dep_ == "pobj"] if child.pos_ == "ADP" else [child]
                frame.targets.extend(t.i for r in receivers for t in _conjuncts(r))  # "gave Kyiv", "sent tanks to Kyiv"
            elif misparsed := _misparsed_object(token, child, frame):
                _add_object(frame, misparsed)
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            acting = token.tag_ == "VBG" and token.i > token.head.i
            if acting and is_equipment_token(token.head):
                frame.equipment.append(token.head.i)  # "a rocket hitting a house": the means, not the target
            elif acting and frame.type in _ACTED_BY_THE_NOUN and not any(c.dep_ == "nsubj" for c in token.children):
                frame.agents.append(token.head.i)  # "German forces invading the Soviet Union": who invades ("told
                # reporters speaking from Kyiv" hangs the speaker's participle on his listeners)
            else:
                _add_object(frame, [token.head])  # "civilians killed", "soldiers dying"
        _quantity_of(token, frame)

    @staticmethod
    def _noun_roles(token: Token, frame: Frame) -> None:
        # "the assault of Russia on Ukraine", "the invasion of Russia into Ukraine": with a target after "on"
        # or "into", the "of" phrase names who attacked
        aimed = frame.type in ("Attack", "Strike") and any(
            c.dep_ == "prep" and (c.lower_ in ("on", "against") or (
                c.lower_ in ("to", "into") and token.lemma_.lower() in INVASION_NOUNS))
            # "the invasion of Ukraine on 24 February", "on a full scale": no target after "on"
            and any(g.dep_ == "pobj" and _can_be_attacked(g) for g in c.children)
            for c in token.children)
        for child in token.children:
            if aimed and child.dep_ == "prep" and child.lower_ == "of":
                frame.agents.extend(t.i for g in child.children if g.dep_ == "pobj" for t in _conjuncts(g))
            elif child.dep_ == "poss":
                frame.agents.append(child.i)
            elif child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ == "GPE" and \
                    frame.type in ("Attack", "Strike", "Clash"):
                # "the Ukraine invasion", "the Ukraine war": the country named is where it is fought, and
                # for an invasion the one invaded; the invader is "Russian" or "Russia's", or the country named
                # before the one invaded ("the Russia invasion of Ukraine")
                invaded = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "into")
                           for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")
                           and (g.ent_type_ in ("GPE", "LOC") or is_place_token(g))]  # (not "of 2022")
                if token.lemma_.lower() in INVASION_NOUNS:
                    (frame.agents if invaded else frame.targets).append(child.i)
                else:
                    frame.places.append(child.i)
            elif child.dep_ in ("amod", "compound", "nmod") and (child.ent_type_ in ("NORP", "GPE")):
                frame.agents.append(child.i)
            elif child.dep_ in ("compound", "nmod") and child.ent_type_ in ("ORG", "PERSON"):
                (frame.participants if frame.type == "Meeting" else frame.agents).append(child.i)
            elif child.dep_ in ("compound", "nmod") and is_equipment_token(child):
                frame.equipment.append(child.i)
            elif child.dep_ == "prep" and child.lower_ == "from" and frame.type in ("Attack", "Strike", "Clash") and \
                    any(g.dep_ == "pobj" and g.lemma_.lower() in FORCE_NOUNS for g in child.children):
                # "an attack from the Russian side on Ukraine": the side it comes from attacks (the parser hangs
                # the "on" phrase on that side)
                for side in (g for g in child.children if g.dep_ == "pobj"):
                    frame.agents.extend(t.i for t in _conjuncts(side))
                    frame.targets.extend(t.i for p in side.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                                         for o in p.children if o.dep_ == "pobj" and _can_be_attacked(o)
                                         for t in _conjuncts(o))
            elif child.dep_ in ("prep", "agent") and not _after_a_coordinated_noun(child, token):
                _prep_role(frame, child, noun=True)
                # "improvements in the Russian posture": whose posture it is, is who acted
                for obj in (child.children if child.lower_ == "in" else ()):  # not "an attack on a European country"
                    if obj.dep_ == "pobj" and not is_place_token(obj) and not frame.agents:
                        frame.agents.extend(m.i for m in obj.children
                                            if m.dep_ in ("amod", "poss") and m.ent_type_ in ("NORP", "GPE"))
        _quantity_of(token, frame)
        head = token.head
        if token.dep_ == "nsubj" and not frame.participants:  # "clashes took place between X and Y"
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    _prep_role(frame, prep, noun=True)
        if token.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in ENGAGE_VERBS:
            # "Russian forces engaged in an offensive": the subject of the light verb acted
            frame.agents.extend(t.i for s in head.head.children if s.dep_ == "nsubj" for t in _conjuncts(s))
        if token.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
            lemma = head.lemma_.lower()
            subjects = [c for c in head.children if c.dep_ == "nsubj"]
            if not subjects and head.dep_ in ("conj", "xcomp") and head.head.pos_ == "VERB":
                subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
            if lemma in HALTING_VERBS and frame.type == "Delivery":
                frame.agents.extend(t.i for s in subjects for t in _conjuncts(s))  # "Moscow halted gas deliveries":
                # the supplier halts them
            elif lemma in SUPPORT_VERBS_TARGET:
                frame.targets.extend(t.i for s in subjects for t in _conjuncts(s))
                for child in head.children:
                    if child.dep_ in ("prep", "agent") and child.lower_ == "by" and not frame.agents:
                        frame.agents.extend(t.i for g in child.children if g.dep_ == "pobj" for t in _conjuncts(g))
            elif lemma in SUPPORT_VERBS_PLACE:
                frame.places.extend(s.i for s in subjects if is_place_token(s) or s.lemma_.lower() in FACILITY_NOUNS)
            elif lemma in SUPPORT_VERBS_AGENT and not frame.agents:
                frame.agents.extend(t.i for s in subjects for t in _conjuncts(s))
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                    _prep_role(frame, child, places_only=True)

    @staticmethod
    def _place_roles(token: Token, frame: Frame) -> None:
        if frame.places:
            return
        if token.dep_ == "pobj" and token.head.lower_ in _TIME_PREPS:
            return  # "sanctions imposed on Russia after the invasion": the clause's places are not the invasion's
        if token.dep_ == "advcl" and _conditional(token):
            return  # "sanctions on Russia if it invades": the response's places are not the condition's
        # places attached to the clause that governs a nominal trigger ("clashes near X")
        for ancestor in list(token.ancestors)[:2]:
            for child in ancestor.children:
                if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS and child.i != token.i:
                    _prep_role(frame, child, places_only=True)
            if frame.places or ancestor.dep_ in ("advcl", "ccomp", "relcl", "acl", "parataxis", "csubj"):
                return  # ("When Putin began the invasion, Germany imported gas from Russia": another clause)


_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})


def _dateline_end(sent: Span) -> int:
    """Where the sentence begins after a dateline ("KHARKIV, Ukraine (AP) \u2014", "KYIV, March 3 -"): the
    parser reads the place the report was filed from as the subject of what follows."""
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(first) > 2) or len(sent) < 3 or \
            sent[1].text not in {",", "(", "/"} | _DASHES:
        return sent.start
    for token in sent[1:12]:
        if token.text in _DASHES and (token.text != "-" or token.whitespace_):
            return token.i + 1
        if not (token.pos_ in ("PROPN", "NUM", "PUNCT") or token.ent_type_ in ("GPE", "DATE", "ORG")):
            return sent.start
    return sent.start


def _drop_roles_before(frame: Frame, start: int) -> None:
    """Leave out the roles a frame found before ``start`` (the end of a dateline)."""
    for role in ("agents", "targets", "participants", "places", "equipment"):
        setattr(frame, role, [i for i in getattr(frame, role) if i >= start])


def _repelled_by(token: Token, frame: Frame) -> None:
    """"Russian troops attacked and were repelled by Ukrainian units": who repelled an attack was its target."""
    verb = token
    if token.pos_ != "VERB":
        governor = token.head
        if token.dep_ == "pobj" and governor.lower_ == "in":
            governor = governor.head  # "engaged in an offensive"
        if governor.pos_ != "VERB" or governor.i == token.i:
            return
        verb = governor
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.lemma_.lower() not in REPEL_VERBS or \
                not any(c.dep_ == "auxpass" for c in conj.children):
            continue
        for prep in conj.children:
            if prep.dep_ in ("agent", "prep") and prep.lower_ in ("by", "from"):
                frame.targets.extend(t.i for g in prep.children if g.dep_ == "pobj" for t in _conjuncts(g)
                                     if t.i not in frame.targets)


def _owners_of_lost_equipment(frame: Frame, doc: Doc) -> None:
    """"Shot down a Ukrainian drone": the side that lost is the one the equipment belongs to."""
    frame.targets.extend(side.i for index in frame.equipment for side in doc[index].children
                         if side.dep_ in ("amod", "compound", "nmod", "poss") and side.ent_type_ in ("NORP", "GPE"))


def comma_named_left(token: Token) -> Token | None:
    """In "Karnaukhivka, Kharkiv" or "Nove, Kharkiv region" the parser may make the wider place the head:
    the name before the comma (or bracket) is the place meant."""
    if not (token.pos_ == "PROPN" or token.lemma_.lower() in PLACE_NOUNS):
        return None
    for child in token.lefts:
        if child.pos_ == "PROPN" and child.dep_ in ("nmod", "compound", "npadvmod", "appos", "amod") and \
                any(t.text in (",", "(") for t in token.doc[child.i + 1:token.i]):
            return child
    return None


_REGION_NOUNS = frozenset({"region", "oblast", "province"})


def region_names(token: Token) -> list[Token]:
    """The regions a region noun names one by one: "the Kharkiv and Kherson regions", "the region(s) of
    Kharkiv (and Kherson)". A single name before it ("the Kharkiv region") is one name with the noun."""
    if token.lemma_.lower() not in _REGION_NOUNS:
        return []
    # the modifier next to the noun and its conjuncts ("Bilohorivka, Luhansk region" is a village and its region)
    before = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"][-1:]
    after = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    names = [t for name in before + after for t in _conjuncts(name) if t.pos_ == "PROPN"]
    return names if len(names) > 1 or after else []


def region_of_name(token: Token) -> Token | None:
    """The region noun a name stands for a region in, when ``region_names`` lists it."""
    first = _coordination_chain(token)[-1]
    head = first.head.head if first.dep_ == "pobj" and first.head.lower_ == "of" else first.head
    return head if any(t.i == token.i for t in region_names(head)) else None


def referent(token: Token) -> Token:
    """The named place behind "the city of Mariupol", "the town of Bakhmut", "the city Vuhledar" or "Nove,
    Kharkiv region"."""
    named_before = comma_named_left(token)
    if named_before is not None:
        return named_before
    if token.lemma_.lower() in PLACE_NOUNS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "LOC")):
                        return obj
            if child.dep_ == "appos" and child.i == token.i + 1 and child.pos_ == "PROPN":
                return child  # "the coal mining city Vuhledar"
    return token


def is_equipment_token(token: Token) -> bool:
    """Equipment nouns and model names. The small model also tags villages as PRODUCT, so a PRODUCT
    counts only when it looks like a model (letters with digits or hyphens: M119, T-72) or names one."""
    if token.lemma_.lower() == "fighter" and token.tag_ == "NNS" and not any(
            c.lemma_.lower() in EQUIPMENT_NOUNS or c.ent_type_ == "PRODUCT" for c in token.children):
        return False  # "Hamas' fighters" are people; "fighter jets", "F-16 fighters" are aircraft
    if token.lemma_.lower() in EQUIPMENT_NOUNS:
        return True
    if token.ent_type_ != "PRODUCT":
        return False
    text = token.text
    return any(c.isdigit() for c in text) or "-" in text or (
        token.head.pos_ == "NOUN" and token.head.lemma_.lower() in EQUIPMENT_NOUNS) or \
        any(c.lemma_.lower() in EQUIPMENT_NOUNS for c in token.children) or text.isupper()


def _add_object(frame: Frame, heads: list[Token]) -> None:
    heads = [place for h in heads if h.ent_type_ not in ("DATE", "TIME") for place in _place_before_its_region(referent(h))]
    trigger = heads[0].doc[frame.trigger] if heads else None
    # a ship or a tank a verb attacks is what it was done to; "fired missiles", "a barrage of bombs" are the means
    attacked = trigger is not None and frame.type in ("Attack", "Strike") and trigger.pos_ == "VERB" and \
        trigger.lemma_.lower() not in MEANS_VERBS
    for head in heads:
        if is_equipment_token(head) and (not attacked or head.lemma_.lower() in MUNITIONS):
            frame.equipment.append(head.i)  # ("attacked with 34 rockets", garbled as "attacked 34 rockets")
        elif frame.type in ("Advance", "Visit") and (is_place_token(head) or (
                trigger is not None and trigger.lemma_.lower() in CAPTURE_VERBS and head.pos_ == "PROPN"
                and head.ent_type_ in ("", "ORG"))):
            frame.places.append(head.i)  # ("seized Crimea": a name taken is a place, though tagged an organisation)
        elif frame.type == "Meeting":
            frame.participants.append(head.i)  # "met Mr Putin": the other party, not a target
        elif frame.type == "Statement" and not _addressee(head):
            continue  # "announced a special military operation", "a new aid package": what is said, not to whom
        elif frame.type == "Delivery" and head.pos_ != "PROPN" and head.ent_type_ not in ("GPE", "ORG", "PERSON", "NORP"):
            continue  # "providing military aid": what is sent, not who receives it
        else:
            frame.targets.append(head.i)
            if frame.type in ("Strike", "Attack") and is_place_token(head):
                frame.places.append(head.i)


def _addressee(token: Token) -> bool:
    """Whom something can be said to: a name, people, a force or a body ("urged Congress", "told reporters")."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or \
        lemma in PERSON_NOUNS | CIVILIAN_NOUNS | FORCE_NOUNS | GOVERNMENT_NOUNS | TITLE_WORDS or \
        lemma in ("reporter", "journalist", "audience", "crowd", "nation", "country", "ally", "partner", "public",
                  "lawmaker", "leader", "counterpart", "colleague", "delegation", "world", "west")


#: Prepositions that set an event noun as a time for the clause ("after the invasion"), not as its content.
_TIME_PREPS = frozenset({"after", "before", "since", "during", "until", "amid", "following", "despite"})
#: Nouns that name the place of the "of" phrase after them: "the outskirts of Avdiivka".
_PLACE_OF_NOUNS = frozenset({"direction", "outskirts", "outskirt", "vicinity", "suburbs", "suburb", "environs", "area"})


def _prep_role(frame: Frame, prep: Token, *, noun: bool = False, places_only: bool = False, depth: int = 0) -> None:
    word = prep.lower_
    if word in ("along", "together", "as") and frame.type == "Loss":  # "along with", "as well as"
        for inner in prep.children:
            if inner.dep_ == "prep":
                _prep_role(frame, inner, noun=noun, places_only=places_only)
        return
    objects = [named for g in prep.children if g.dep_ == "pobj" for t in _conjuncts(g)
               if t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in ("appos",)
               for named in (region_names(t) or [referent(t)])]
    objects = [place for obj in objects for place in _place_before_its_region(obj)]
    if word in DIRECTION_WORDS or prep.lemma_.lower() in DIRECTION_WORDS or names_origin(word, frame.type) or \
            names_topic(word, frame.type) or any(c.dep_ == "neg" for c in prep.children):
        return  # (nor is "not in Frankfurt" a place of the event)
    said_places: set[int] = set()  # names that "west of", "the outskirts of" say are places
    for obj in objects:
        lemma = obj.lemma_.lower()
        if word == "to" and frame.type == "Delivery" and not places_only and \
                obj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
            frame.targets.append(obj.i)  # delivered to Ukraine: the recipient, not a place
            continue
        if lemma in DIRECTION_WORDS or (lemma in _PLACE_OF_NOUNS and any(
                p.dep_ == "prep" and p.lower_ == "of" for p in obj.children)):  # "west of X", "the direction of X"
            of_places = [place for p in obj.children if p.dep_ == "prep" for g in p.children
                         if g.dep_ == "pobj" for t in _conjuncts(g) for place in _place_before_its_region(t)]
            objects.extend(of_places)
            said_places.update(t.i for t in of_places)
            continue
        # the small model often tags Ukrainian villages as people: "near Staryi Saltiv" is still a place
        named_here = (obj.pos_ == "PROPN" and (word in STRONG_LOCATIVE_PREPS or obj.i in said_places)
                      and obj.ent_type_ not in ("NORP", "DATE") and obj.lemma_.lower() not in TITLE_WORDS
                      and obj.text not in INTERNATIONAL_BODIES  # "in NATO", not "in the UAE"
                     # "in World War II" is a time; "at Nove, Kharkiv" a village whatever the tagger says
                     and (obj.ent_type_ != "EVENT" or region_written_after(obj)))
        if word == "of" and noun and frame.type == "Advance" and prep.head.lemma_.lower() in _MOVEMENT_NOUNS and (
                obj.ent_type_ in ("GPE", "NORP", "ORG") or lemma in FORCE_NOUNS):
            frame.agents.append(obj.i)  # "the advances of Ukraine": who advances, not what is taken
            continue
        if word == "to" and frame.type == "Statement":
            continue  # "pledged aid to Ukraine", "wrote to Moscow": whom it is for, not where it was said
        if word in LOCATIVE_PREPS and (is_place_token(obj) or named_here) and word not in ("by", "of") or \
                (word == "of" and noun and is_place_token(obj) and frame.type in ("Strike", "Attack", "Advance")):
            frame.places.append(obj.i)
            if word == "of" or (word in ("on", "against") and frame.type in ("Strike", "Attack")):
                frame.targets.append(obj.i)
            continue
        if depth == 0:
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ in STRONG_LOCATIVE_PREPS:
                    _prep_role(frame, inner, places_only=True, depth=1)
        if places_only:
            continue
        if word == "by" and noun:
            frame.agents.append(obj.i)
        elif word in ("on", "against") and frame.type in ("Strike", "Attack", "Clash"):
            frame.targets.append(obj.i)
        elif word == "with" and is_equipment_token(obj):
            frame.equipment.append(obj.i)
        elif word == "with" and frame.type == "Clash" and not _fought_beside(prep):
            frame.targets.append(obj.i)  # the other side of the fight
        elif word == "between" and frame.type in ("Clash", "Meeting"):
            frame.participants.extend(_sides_named(obj))  # "clashes between Russian and Ukrainian troops"
        elif word == "with" and frame.type == "Meeting":
            frame.participants.append(obj.i)
        elif frame.type == "Loss" and word in ("with", "including", "plus"):
            _add_object(frame, [obj])
        elif word == "of" and noun and frame.type in ("Loss", "Delivery", "Strike"):
            _add_object(frame, [obj])
        elif word == "to" and frame.type in ("Delivery", "Statement") and obj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
            frame.targets.append(obj.i)
        elif word == "to" and frame.type == "Statement":
            frame.participants.append(obj.i)


#: Nouns of ground gained whose "of" phrase names who gains it.
_MOVEMENT_NOUNS = frozenset({"advance", "gain", "progress", "breakthrough"})


def names_origin(preposition: str, event_type: str) -> bool:
    """"met officials from the Soviet bloc", "weapons from Germany", "an attack on Ukraine from Belarus",
    "missiles launched from bombers over the Caspian": where they come from, not where the event was."""
    return preposition == "from" and (event_type in ORIGIN_TYPES or event_type in ("Attack", "Strike"))


def names_topic(preposition: str, event_type: str) -> bool:
    """"spoke about the sanctions", "talks on Russia and NATO's plans", "spoke of the war in Ukraine": what is
    talked about, not where."""
    return preposition in ("about", "regarding", "concerning") or (
        preposition == "on" and event_type in ("Meeting", "Statement")) or (
        preposition == "of" and event_type == "Statement")  # "spoke of the war in Ukraine"


def _place_before_its_region(token: Token) -> list[Token]:
    """"near Pishchane, Luhansk region" or "near Pisochyn, Kharkiv", which the parser reads as a region with a
    name inside it: the place named first (the region after it is where to look for it)."""
    if token.lemma_.lower() in AREA_WORDS:  # "[Pishchane ,] Luhansk region"
        named = [c for c in token.children if c.dep_ in ("nmod", "compound", "amod") and _looks_like_a_name(c)
                 and c.i + 1 < len(token.doc) and token.doc[c.i + 1].text == ","]
    elif token.pos_ == "PROPN":  # "[Pisochyn ,] Kharkiv": a name, a comma, then the name it lies in
        named = [c for c in token.children if c.dep_ in ("nmod", "compound") and _looks_like_a_name(c)
                 and c.i + 2 == token.i and token.doc[c.i + 1].text == ","]
    else:
        named = []
    return named[:1] or [token]


def _looks_like_a_name(token: Token) -> bool:
    """A capitalised word inside a sentence, which the small model may have tagged as anything ("Bakhmut" as an
    adverb, a village as a person), but not a nationality or a date."""
    return (token.pos_ in ("PROPN", "ADV", "ADJ") and token.text[:1].isupper() and token.i > token.sent.start
            and token.ent_type_ not in ("NORP", "DATE", "TIME"))


def _sides_named(token: Token) -> list[int]:
    """The sides in "between Russian and Ukrainian troops" (each adjective's country), or the noun itself
    when it names one side ("between the army and the rebels" gives each conjunct its own call)."""
    adjectives = [c for c in token.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")]
    sides = [t for a in adjectives for t in _conjuncts(a) if t.ent_type_ in ("NORP", "GPE")]
    return [t.i for t in sides] if len(sides) > 1 else [token.i]


def _quantity_of(token: Token, frame: Frame) -> None:
    for child in token.children:
        if child.ent_type_ == "DATE" or _YEAR.fullmatch(child.text):
            continue  # "their 1979 invasion", "his 1938 speech": when, not how many
        if child.dep_ == "nummod" or (child.like_num and child.dep_ in ("amod", "quantmod")):
            frame.quantity = child.i
            return


def _status(token: Token) -> str:
    """occurred unless the trigger is negated, denied, planned or threatened in its clause."""
    if token.pos_ in ("NOUN", "PROPN"):
        return _nominal_status(token)
    chain = [token]
    if token.lemma_.lower() in REPORT_VERBS and (token.dep_ in ("parataxis", "ccomp") or _inverted_speakers(token)):
        return "occurred"  # "..., Podolyak said", "... - announced the minister": the clause before is what was
        # said, not what governs the saying
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in REPORT_VERBS:
            break
        node = chain[-1]
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in ("VBN", "VBG") and node.i > node.head.i):
            break  # "attacks like the one that killed seven", "the independence declared in 2008" (which Russia has
            # not recognised): a relative clause tells its own event
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in ("if", "unless") for c in node.children):
            break  # "just as Russia is striking Ukraine, you can understand ...": set in the main clause, not governed by it
        if node.dep_ == "conj" and node.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) \
                and not _conditional(ancestor):  # ("if Belarus or Russia is attacked")
            break  # "Germany will train them, the minister said", "Russia may attack, but Ukraine struck first": a
            # clause with a subject of its own is not governed by the one it is coordinated with
        chain.append(ancestor)
        if ancestor.dep_ in ("ROOT", "ccomp", "parataxis"):
            break
    for node in chain:
        for child in node.children:
            if child.dep_ == "neg":
                return "denied"
    if chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() in DENIAL_VERBS:
        return "denied"  # "Russia denies it plans to invade"
    if _inverted_condition(token):
        return "planned"  # "were Crimea attacked": a condition
    if _imperative(token):
        return "planned"  # "Send tanks to Ukraine": a call to act, not an act
    if token.dep_ == "pcomp" and token.head.lower_ == "of" and any(
            c.lower_ == "short" for c in (token.head.head, *token.head.head.children)):
        return "denied"  # "every means of pressure short of bombing the country"
    # the verbs above it; "condemned the strikes and called for them to stop": a verb coordinated with a plan
    # word is not planned
    coordinated = {node.head.i for node in chain if node.dep_ == "conj"}
    governing = {node.lemma_.lower() for node in chain if node.i != token.i and node.i not in coordinated
                 and not _done_ability(node)}  # "was able to destroy": done
    if governing & DENIAL_VERBS:
        return "denied"  # "denies planning to invade": a denial outranks the plan and the purpose below it
    if token.dep_ == "acl" and token.head.lemma_.lower() in PLAN_WORDS and any(
            c.dep_ == "det" and c.lower_ == "no" for c in token.head.children):
        return "denied"  # "had no plans to meet"
    if token.dep_ == "advcl" and token.tag_ in ("VBP", "VBZ") and any(
            c.dep_ == "mark" and c.lower_ in ("before", "until") for c in token.children):
        return "planned"  # "months left before the leaders meet in September": the present after "before" is future
    # "to strengthen its defenses": a purpose or intention, not something done; the purpose of a journey made
    # is told as done ("visited the border to meet the troops")
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
            token.head.lemma_.lower() not in FACTUAL_CONTROLLERS | THREAT_WORDS and not _done_ability(token.head) and not (
                token.head.lemma_.lower() in JOURNEY_VERBS and token.head.tag_ == "VBD") and not _perfect(token):
        return "planned"
    for node in chain:
        if _conditional(node):
            return "planned"  # "if Ukraine retook Crimea": a condition, not something done
    for words, status in ((THREAT_WORDS, "threatened"), (PLAN_WORDS, "planned")):
        if governing & words:
            return status
    # after the verbs above it: "denies that it would attack" is denied, "threatened that it would strike" threatened
    if any(c.dep_ == "aux" and c.lower_ in MODAL_PLANNED for node in chain for c in node.children):
        return "planned"
    return "occurred"


def _perfect(verb: Token) -> bool:
    """"claims to have taken Mariupol": an infinitive in the perfect tells what is done."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _inverted_condition(verb: Token) -> bool:
    """"Were Crimea attacked", "had Russia struck": an auxiliary before the subject makes a condition."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (the parser hangs the verb on a sentence-initial "Were" as often as the other way round)
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + (
        [verb.head] if verb.head.pos_ == "AUX" and verb.head.i < verb.i else [])
    return subject is not None and any(a.lower_ in ("were", "had", "should") and a.i < subject.i for a in auxiliaries) \
        and not any(c.dep_ == "mark" for c in verb.children)


def _imperative(verb: Token) -> bool:
    """A bare verb that opens its sentence (or follows a colon) with no subject: "Send tanks", "Stop the strikes"."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return False
    if verb.i > verb.sent.start and verb.doc[verb.i - 1].text == ":":  # "To the Germans: Send tanks"
        return True
    opening = next((t for t in verb.sent if not t.is_punct and not t.is_quote), None)
    return opening is not None and opening.i == verb.i


#: Nouns of what follows an event: "the consequences of an invasion" has not happened.
_OUTCOME_NOUNS = frozenset({"consequence", "cost", "price", "repercussion", "outcome"})

#: Verbs that bring the event their object names into being: "plans to hold the summit" has not held it yet.
_CREATING_VERBS = frozenset({"launch", "hold", "stage", "mount", "conduct", "carry", "make", "pay", "organize",
                             "organise", "host", "start", "begin", "convene"})


def _nominal_status(token: Token) -> str:
    """An event noun ("the invasion", "Russia's war") presupposes its event wherever the sentence puts it:
    only its own words ("no attack", "a possible offensive", "the threat of invasion", "plans an assault")
    make it anything but occurred. Climbing the clause as for verbs read background facts inside a
    speaker's hopes and denials as planned or denied."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return "denied"
        if child.dep_ in ("amod", "compound") and child.lower_ in NOMINAL_PLANNED:
            return "planned"
    first = _coordination_chain(token)[-1]
    governor = first.head
    if first.dep_ in ("nsubj", "dobj", "nsubjpass", "attr") and governor.pos_ in ("VERB", "AUX") and not presupposed(first) and \
            any(c.dep_ == "aux" and c.lower_ in MODAL_PLANNED for c in governor.children) and \
            governor.lemma_.lower() not in MENTION_VERBS:
        return "planned"  # "this should entail strikes on Crimea", "there may be a new invasion": not the invasion
    if first.dep_ in ("nsubj", "dobj", "nsubjpass", "attr") and governor.pos_ in ("VERB", "AUX") and not presupposed(first) \
            and _conditional(governor):
        return "planned"  # "if Russia conducted a new invasion": a condition
    governor = token.head
    if token.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lower_ in NOMINAL_PLANNED
                                     for c in governor.children):
        return "planned"  # "an invasion is imminent"
    if token.dep_ == "pobj" and governor.head.lemma_.lower() in REQUEST_VERBS and (
            governor.lower_ == "for" or (governor.lower_ == "about" and governor.head.lemma_.lower() == "appeal")):
        return "planned"  # "appealed for the supply of weapons" ("appealed about", as translations write it): asked
        # for, not done; "asked about the strike" asks about one done
    if token.dep_ == "pobj" and governor.lower_ in ("at", "during") and (
            governor.i < governor.head.i or not presupposed(token)) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in governor.head.children):
        return "planned"  # "At his first meeting with X, Sunak will seek ...", "will be discussed during meetings":
        # set in the time of a clause to come ("will investigate the deaths during the strike" looks back)
    if token.dep_ == "pobj" and governor.lower_ in ("of", "for", "against") and governor.head.pos_ in ("NOUN", "VERB"):
        governor = governor.head  # "the threat of invasion", "plans for an offensive"
    elif token.dep_ == "pobj" and governor.dep_ == "agent" and governor.head.lemma_.lower() in THREAT_WORDS:
        return "threatened"  # "Ukraine is threatened by a Russian attack"
    elif token.dep_ not in ("dobj", "nsubjpass", "attr", "xcomp") and not (
            token.dep_ == "nsubj" and governor.lemma_.lower() in EVENT_CARRYING_VERBS):  # "no invasion happened"
        return "occurred"
    lemma = governor.lemma_.lower()
    if governor.i == token.i:
        return "occurred"
    if not presupposed(token) and _denied_above(governor):
        return "denied"  # "the army denied it means to mount an assault"
    if governor.dep_ == "xcomp" and governor.head.lemma_.lower() in PLAN_WORDS and (
            not presupposed(token) or lemma in _CREATING_VERBS):
        return "planned"  # "plans to hold a summit on August 23", "the summit"; not "want to continue the invasion"
    if lemma in THREAT_WORDS:
        return "threatened"
    if lemma in POSSIBILITY_WORDS or (lemma in _OUTCOME_NOUNS and not presupposed(token)):
        return "planned"  # "fears of an invasion", "in case of an attack", "deter an offensive", "the consequences
        # of an invasion" (not "of the invasion")
    if lemma == "call" and token.dep_ != "pobj":
        return "occurred"  # "called the strikes cruel"; only "called for an offensive" plans one
    if lemma in PLAN_WORDS or lemma in DENIAL_VERBS - {"fail"}:
        return "planned" if lemma in PLAN_WORDS else "denied"
    carrying = lemma in SUPPORT_VERBS_AGENT or lemma in EVENT_CARRYING_VERBS
    if carrying and governor.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("aux", "neg") and (c.lower_ in MODAL_PLANNED or c.dep_ == "neg") for c in governor.children):
        negated = any(c.dep_ == "neg" for c in governor.children)
        return "denied" if negated else "planned"  # "could launch an offensive", "did not launch an attack"
    return "occurred"


def _denied_above(verb: Token) -> bool:
    """A plan told inside a denial: "denied it intends to", "denies planning to"."""
    node = verb
    while node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in DENIAL_VERBS - {"fail"}:
            return True
    return False


def presupposed(token: Token) -> bool:
    """A definite event noun ("the invasion", "Russia's war"): reported speech mentions it, does not claim it."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its", "their", "his", "her"))
               or c.dep_ == "poss" for c in token.children)


#: Events that are not the consequence of an event they name as their subject, so do not share its date.
_TIMED_APART = frozenset({"Statement", "Meeting", "Visit", "Delivery"})


def _date_for(token: Token, sent: Span, *, kind: str | None = None) -> list[tuple[int, int]]:
    """DATE and TIME spans attached to the trigger's clause, nearest first. Adjectives such as "two-day"
    or "three-year-old" are durations, not dates; a date that modifies another noun ("the 2024 election")
    is that noun's; "since"/"until" bound a period; "a week after ..." counts from another event; a date
    inside another clause ("who won a medal in 2016") is that clause's. An event noun takes a date of
    its own or of the verb that carries it ("launched the invasion on February 24"), not of a clause
    that only mentions it ("gave awards on Friday, referring to the invasion")."""
    doc = token.doc
    dates = [e for e in sent.ents if e.label_ in ("DATE", "TIME")
             and (e.root.dep_ not in ("amod", "compound", "nummod", "poss", "nmod") or e.root.head.i == token.i)
             and not (e.root.dep_ == "pobj" and e.root.head.lower_ in ("since", "until", "till"))
             # "as of Monday, Russia has lost 24,000 soldiers": the day of a running total, not of the losses
             and not (e.start >= 2 and doc[e.start - 2].lower_ == "as" and doc[e.start - 1].lower_ == "of")
             and not (e.end < len(doc) and doc[e.end].lower_ in ("after", "before", "later", "earlier"))
             and not e.text.lower().endswith(("-day", "-year", "-month", "-week", "-old", " old"))
             and not _ORDINAL_SPAN.search(e.text)  # "in its 68th day": a count of days, not 1968
             and not (len(e) == 1 and e[0].like_num and len(e[0].text) <= 2)]  # "Mr Zakrzewski, 55,": an age
    distance = _verbal_reach(token) if token.pos_ == "VERB" else _nominal_reach(token)
    attached: list[tuple[int, Span]] = []
    dangling: list[Span] = []
    for e in dates:
        node, crossed = e.root.head, False
        while node.i not in distance and node.head.i != node.i:
            # "his first visit since the start of the invasion on 24 February": the day bounds the period
            # "the day before the February 24 invasion": a date an event is before or after is not its date
            if node.pos_ in ("VERB", "AUX") or (node.dep_ == "prep" and node.lower_ in ("since", "until", "till",
                                                                                         "before", "after")) or (
                    # "the attacks on September 11 ... Bush declared" (an opening "After" read as a subject): the
                    # date of an event that is the subject, not of a saying, meeting or delivery after it ("the
                    # strikes on Monday killed five": their consequence shares their day)
                    kind in _TIMED_APART and node.pos_ == "NOUN" and node.dep_ in ("nsubj", "nsubjpass") and
                    EVENT_TRIGGERS.get(node.lemma_.lower()) is not None):
                crossed = True
                break
            node = node.head
        if node.i in distance:
            attached.append((distance[node.i], e))
        elif not crossed and node.pos_ not in ("VERB", "AUX"):
            dangling.append(e)  # hung off the sentence by a bad parse
    # an event noun that no verb carries is background ("amid a crisis over Russia's invasion")
    mentioned = any(a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in MENTION_VERBS for a in token.ancestors) or \
        not any(doc[i].pos_ in ("VERB", "AUX") for i in distance) or _in_condition(token)
    for e in dates:  # "On 26 July, ...": a date set before the sentence is the time of all it tells (not "Today
        # we ...", not an event the sentence only refers to: "On Friday, he gave awards, referring to the invasion")
        if not mentioned and all(t.pos_ in ("ADP", "ADV") and t.lower_ not in ("before", "after", "since", "until")
                                 for t in doc[sent.start:e.start]) and e.start - sent.start <= 2 and \
                e.end < sent.end and doc[e.end].text == "," and all(e is not other for _, other in attached):
            attached.append((len(doc), e))
    attached.sort(key=lambda pair: pair[0])
    if attached or token.pos_ != "VERB" or len(dangling) != 1 or len(dates) != 1:
        return [(e.start, e.end) for _, e in attached]
    return [(dangling[0].start, dangling[0].end)]


def _conditional(verb: Token) -> bool:
    """A clause opened by "if" or "unless"."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def hostile_condition(verb: Token) -> bool:
    """"sanctions on Russia if it invades", "should it invade": an attack set as the condition of a response,
    whose attacker is the one the response is aimed at, not the one responding."""
    return verb.pos_ == "VERB" and EVENT_TRIGGERS.get(verb.lemma_.lower()) in ("Attack", "Strike", "Advance") and \
        not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and \
        (_conditional(verb) or _inverted_condition(verb))


def _in_condition(token: Token) -> bool:
    """"On Monday, the spokeswoman announced sanctions if Moscow invades": a condition has no day yet."""
    return any(node.dep_ == "advcl" and _conditional(node) for node in (token, *token.ancestors))


def _verbal_reach(token: Token) -> dict[int, int]:
    """The clauses a verb's date may hang on, with their distance: its own and those it is part of ("attacked
    Kupyansk on Monday, killing three"), and the report of a past event ("said on Sunday that its troops
    repelled four attacks": news reports what just happened), but not the report of an ongoing one ("Russia
    is striking Ukraine, Cameron told Reuters last week") nor the clause a subordinate clause of its own is
    set in ("as Russia strikes Ukraine, the minister told Reuters last week", "rose in May, with the invasion
    being the main cause")."""
    reach, node = {token.i: 0}, token
    past = token.tag_ == "VBD" or (token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in token.children))
    # "revealed in October that North Korea had delivered ...": done before the report, not on its day
    pluperfect = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children)
    for number, ancestor in enumerate(token.ancestors, start=1):
        if node.dep_ in ("ccomp", "parataxis") and ancestor.lemma_.lower() in REPORT_VERBS | MENTION_VERBS and \
                (not past or pluperfect):
            break
        if (node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children)) or \
                node.dep_ in ("pcomp", "relcl", "acl"):
            break  # "as Ukraine fights ...", "with the invasion being the main cause", "those who help Russia
            # destroy lives": a clause of its own, set in the sentence but not at its time
        reach[ancestor.i] = number
        node = ancestor
    return reach


def _nominal_reach(token: Token) -> dict[int, int]:
    """The tokens an event noun's date may hang on, with their distance: the noun, and the verb that carries
    it ("launched the invasion on February 24", "the invasion began in February", "killed in a strike on
    Sunday"), not a clause that only names it ("announced aid on Friday as Ukraine fights the invasion",
    "rose in May, with the invasion the main cause", "gave awards on Friday, referring to the invasion")."""
    chain = _coordination_chain(token)  # "strikes and raids on Sunday"
    reach, node = {t.i: 0 for t in chain}, chain[-1]
    governor, carrier = node.head, None
    if node.dep_ == "pobj" and governor.lower_ in ("in", "during", "amid") and governor.head.pos_ in ("VERB", "AUX"):
        reach[governor.i] = 1
        carrier = governor.head
    elif governor.pos_ in ("VERB", "AUX") and node.i != governor.i and (
            node.dep_ in ("nsubj", "nsubjpass") or (
            node.dep_ in ("dobj", "attr", "xcomp") and governor.lemma_.lower() in CARRYING_VERBS) or (
            node.dep_ == "attr" and any(c.dep_ == "expl" for c in governor.children))):  # "there was a clash"
        carrier = governor
    if carrier is not None:  # the carrying verb's date, as a verb would find it ("said on Sunday its troops repelled four attacks")
        offset = max(reach.values()) + 1
        for index, distance in _verbal_reach(carrier).items():
            reach.setdefault(index, distance + offset)
    return reach


# ---------------------------------------------------------------------------------- attribution

@Language.factory("kg_attribution", assigns=["doc._.kg_frames"], requires=["doc._.kg_frames", "token.dep"])
def make_attribution(nlp: Language, name: str) -> "Attribution":
    return Attribution(name)


class Attribution:
    """Who reported each event: "according to X", "X said/reported that ...", "..., X said"."""

    def __init__(self, name: str) -> None:
        self.name = name
        _ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        frames: list[Frame] = doc._.kg_frames or []
        by_sentence: dict[int, list[Frame]] = {}
        for frame in frames:
            by_sentence.setdefault(doc[frame.trigger].sent.start, []).append(frame)
        source_verbs: set[int] = set()
        previous: list[Frame] = []
        for sent in doc.sents:
            here = by_sentence.get(sent.start, [])
            according = _according_to(sent)
            opening = _dateline_end(sent)  # the place a report was filed from says nothing
            for frame in here:
                verb, sources = _reporting_clause(doc[frame.trigger])
                if verb is not None:
                    frame.source_verb = verb.i
                    source_verbs.add(verb.i)
                    frame.reported = True
                    frame.sources = [s.i for s in sources if s.lower_ not in GENERIC_SOURCES
                                     and s.lemma_.lower() not in GENERIC_SOURCES and s.i >= opening]
                if according and not frame.sources:
                    frame.sources = [s.i for s in according]
                    frame.reported = True
            if according and not here and previous:
                # "That's according to X." names the source of the sentence before
                for frame in previous:
                    if not frame.sources:
                        frame.sources = [s.i for s in according]
                        frame.reported = True
            if here:
                previous = here
        doc._.kg_frames = [f for f in frames
                           if not (f.type == "Statement" and f.trigger in source_verbs)]
        for frame in doc._.kg_frames:
            if frame.type == "Statement" and frame.sources and set(frame.sources) <= set(frame.agents):
                continue  # "Speaking of X, Berlusconi said ...": the article reports the speaker's own words
            if frame.reported and frame.status == "occurred" and not presupposed(doc[frame.trigger]):
                frame.status = "claimed"
        return doc


def _according_to(sent: Span) -> list[Token]:
    for token in sent:
        if token.lower_ == "according":
            for to in token.children:
                if to.lower_ == "to":
                    return [t for g in to.children if g.dep_ == "pobj" for t in _conjuncts(g)]
            nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                return [t for g in nxt.children if g.dep_ == "pobj" for t in _conjuncts(g)]
    return []


def _reporting_clause(trigger: Token) -> tuple[Token | None, list[Token]]:
    """The reporting verb governing the trigger (through a complement clause or as its object) and its subjects."""
    node = trigger
    for ancestor in trigger.ancestors:
        lemma = ancestor.lemma_.lower()
        entering = node.dep_ in ("ccomp", "xcomp", "parataxis", "oprd", "dobj") or (
            node.dep_ == "advcl" and ancestor.i > node.i) or (node.dep_ == "prep" and node.lower_ == "as")
        if lemma in REPORT_VERBS and ancestor.pos_ == "VERB" and entering:
            subjects = [t for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")
                        for t in _conjuncts(c)]
            subjects += [t for c in ancestor.children if c.dep_ == "agent"
                         for g in c.children if g.dep_ == "pobj" for t in _conjuncts(g)]
            if not subjects and ancestor.dep_ in ("conj", "advcl") and ancestor.head.pos_ == "VERB":
                subjects = [t for c in ancestor.head.children if c.dep_ == "nsubj" for t in _conjuncts(c)]
            if subjects and all(s.lower_ in ("it", "that", "this") for s in subjects):
                node = ancestor
                continue
            return ancestor, subjects
        node = ancestor
    for verb in node.children:  # "Our troops repelled four attacks - reported the General Staff"
        if verb.dep_ in ("conj", "parataxis") and verb.i > trigger.i and (speakers := _inverted_speakers(verb)):
            return verb, speakers
    return None, []


def _inverted_speakers(verb: Token) -> list[Token]:
    """"... - announced the deputy minister", "... - notes the MP": a verb of saying after a dash, its
    speaker written after it (the parser makes the speaker its object). Translated news writes attribution so."""
    if verb.lemma_.lower() not in REPORT_VERBS or verb.i == 0 or verb.doc[verb.i - 1].text not in _DASHES or \
            any(c.dep_ == "nsubj" for c in verb.children):
        return []
    return [t for c in verb.children if c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or
            c.lemma_.lower() in PERSON_NOUNS | GOVERNMENT_NOUNS | FORCE_NOUNS) for t in _conjuncts(c)]
