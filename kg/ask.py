"""Questions in plain English, answered by the named queries.

spaCy parses the question with the project's own pipeline, so the event class and who plays which
role come from the same lexicon and frame rules as the extractor's ("Who lost a Bradley?" asks for
the side that lost, as the extractor stores it). Names are looked up in the store (system query
``names.rq``): a name is a place or an actor because the store says so, not because the small
model guessed from one short sentence. No language-model service is involved.

The question becomes one named query with parameters, plus filters on its rows for what that
query cannot express (a role, a month, an event class, the events of a second actor or of a piece
of equipment). :class:`Plan` keeps both, so the answer can show the query a user would run
(``kg query who --param place=Kupyansk --param event_type=Visit``) and what was done to its rows.
"""
from __future__ import annotations

import calendar
import re
import shlex
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from .names import name_key

__all__ = ["Mention", "RowFilter", "Plan", "Source", "Answer", "Result", "ask", "plan_question",
           "format_result", "help_text", "EXAMPLES", "MAX_ANSWERS"]

#: Questions kg ask understands, one of each kind (shown when a question cannot be answered).
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Who visited Kupiansk?", "who took part in events: by verb, place, date, other actors, equipment"),
    ("Where did Zelensky go in December?", "the places of an actor's events"),
    ("When did Russian artillery shell Chasiv Yar?", "the dates of events"),
    ("What happened in the Kharkiv region in 2023?", "the events at a place, of an actor or in a period"),
    ("What did the Russian defence ministry claim?", "what a source reported"),
    ("Who reported the strike on Odesa port?", "who reported an event"),
    ("What did Germany deliver to Ukraine?", "the equipment or targets of an actor's events"),
    ("How many drones were shot down over the Odesa region?", "the numbers reported"),
)
#: Answers listed at most (the rest are counted).
MAX_ANSWERS = 25
#: Evidence sentences shown for one answer.
_SENTENCES = 3

_WH = {"who": "who", "whom": "who", "whose": "who", "where": "where", "when": "when", "what": "what",
       "which": "what", "how": "how"}
_TIME_NOUNS = {"day", "date", "time", "month", "year", "week"}
_PLACE_TYPES = {"town": "Settlement", "city": "Settlement", "village": "Settlement", "settlement": "Settlement",
                "region": "Region", "oblast": "Region", "province": "Region", "area": "Region",
                "district": "District", "raion": "District",
                "country": "Country", "facility": "Facility", "port": "Facility", "base": "Facility",
                "airfield": "Facility", "place": "", "location": ""}
_ACTOR_NOUNS = {"country", "side", "person", "people", "leader", "nation", "unit", "who", "organization",
                "organisation", "body"}
_THING_NOUNS = {"equipment", "weapon", "weapons", "thing", "things", "system", "systems"}
_HAPPEN = {"happen", "occur", "unfold", "go"}
_SKIP_ADJECTIVES = {"many", "much", "several", "other", "such", "same", "own", "more", "most", "few"}
_CONNECTORS = {"of", "the", "'s", "\u2019s", "-", "and"}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_RELATIVE = {"yesterday", "today", "tomorrow", "tonight", "last", "next", "ago", "recently", "monday", "tuesday",
             "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "earlier", "later"}
_ISO_IN_TEXT = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NAMED = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


# ---------------------------------------------------------------------------------- data

@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the question and what it means in the store."""

    text: str
    start: int
    end: int
    nodes: tuple[tuple[str, str, str], ...]  #: (IRI, label, kind) with kind Actor, Place or Equipment
    events: frozenset[str] = frozenset()     #: for equipment: the events it took part in

    @property
    def kinds(self) -> set[str]:
        return {kind for _, _, kind in self.nodes}

    def labels(self, kind: str) -> list[str]:
        return sorted({label for _, label, k in self.nodes if k == kind})


@dataclass(frozen=True, slots=True)
class RowFilter:
    """A condition on the named query's rows, for what the query cannot express by parameters.

    ``how``: "in" keeps rows whose ``column`` is one of ``values``; "not" drops them; "date" keeps
    rows whose date matches one pattern (YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD); "from" and
    "to" keep dates on or after / on or before the one value; "has" keeps rows whose "; "-joined
    ``column`` holds one of ``values``.
    """

    column: str
    values: frozenset[str]
    text: str
    how: str = "in"

    def keeps(self, row: dict[str, str]) -> bool:
        cell = row.get(self.column)
        if self.how == "not":
            return cell not in self.values
        if cell is None:
            return False
        if self.how == "in":
            return cell in self.values
        if self.how == "has":
            return bool(set(cell.split("; ")) & self.values)
        (value,) = self.values
        if self.how == "from":
            return cell >= value
        if self.how == "to":
            return cell <= value
        if value.startswith("--"):
            return cell[4:4 + len(value) - 1] == value[1:]
        return cell.startswith(value)


@dataclass(frozen=True, slots=True)
class Plan:
    """A named query with its parameters, the filters on its rows and how its rows become answers."""

    kind: str                                 #: who, where, when, events, claims, sources, things, count
    query: str
    params: tuple[tuple[str, str], ...] = ()
    filters: tuple[RowFilter, ...] = ()
    notes: tuple[str, ...] = ()
    leave_out: frozenset[str] = frozenset()  #: IRIs named in the question, never an answer to "what"

    def command(self) -> str:
        """The ``kg query`` command line that runs the same named query."""
        parts = ["kg", "query", self.query]
        for key, value in self.params:
            parts += ["--param", shlex.quote(f"{key}={value}")]
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Source:
    """One evidence sentence and the article that states it."""

    sentence: str
    document: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    def describe(self) -> str:
        details = ", ".join(v for v in (self.outlet, self.published) if v)
        return (self.title or self.document) + (f" ({details})" if details else "") + \
            (f" {self.url}" if self.url else "")


@dataclass(frozen=True, slots=True)
class Answer:
    value: str                                   #: what the question asked for
    detail: str                                  #: the events behind it, in one line
    nodes: tuple[str, ...] = ()                  #: the IRIs of the actor, place or equipment answered
    events: tuple[str, ...] = ()                 #: the events (or claims) that support it
    facts: tuple[tuple[str, str], ...] = ()      #: event class, status, date, quantity ... (events, claims)
    sources: tuple[Source, ...] = ()

    def fact(self, name: str) -> str:
        return dict(self.facts).get(name, "")


@dataclass(frozen=True, slots=True)
class Result:
    question: str
    plan: Plan | None = None
    answers: tuple[Answer, ...] = ()
    total: int = 0                               #: answers found (more than listed when over the cap)
    problem: str | None = None                   #: why the question could not be turned into a query
    missing: tuple[str, ...] = ()                #: names the store does not hold
    sparql: str | None = None                    #: the query text that ran, parameters bound

    @property
    def understood(self) -> bool:
        return self.problem is None


# ---------------------------------------------------------------------------------- store access

def _system(name: str) -> Any:
    from .paths import QUERIES_DIR
    from .query import named_queries

    return named_queries(QUERIES_DIR / "system")[name]


class _Store:
    """The store as the asker uses it: named and system queries, with answers cached per question."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.names: dict[str, list[tuple[str, str, str]]] = {}
        self.equipment: dict[str, dict[str, tuple[str, set[str]]]] = {}
        self.evidence: dict[str, list[Source]] = {}

    def run(self, query: Any, params: dict[str, str]) -> list[dict[str, str]]:
        from .query import bind, rows
        return rows(self.store.select(bind(query, params)))

    def lookup(self, text: str) -> list[tuple[str, str, str]]:
        key = name_key(text)
        if key not in self.names:
            self.names[key] = [] if not key else sorted(
                {(r["node"], r["label"], r["kind"]) for r in self.run(_system("names"), {"name": text})})
        return self.names[key]

    def equipment_events(self, text: str) -> dict[str, tuple[str, set[str]]]:
        key = name_key(text)
        if key not in self.equipment:
            found: dict[str, tuple[str, set[str]]] = {}
            if key:
                for row in self.run(_system("equipment_events"), {"equipment": text}):
                    label, events = found.setdefault(row["equipment"], (row["equipmentLabel"], set()))
                    events.add(row["event"])
            self.equipment[key] = found
        return self.equipment[key]

    def events(self, **params: str) -> set[str]:
        from .query import get_query
        return {row["event"] for row in self.run(get_query("events"), params)}

    def sources(self, node: str) -> list[Source]:
        if node not in self.evidence:
            self.evidence[node] = [Source(r["evidence"], r["document"], r.get("title"), r.get("source"),
                                          r.get("published"), r.get("url"))
                                   for r in self.run(_system("evidence"), {"node": node})]
        return self.evidence[node]


# ---------------------------------------------------------------------------------- parsing

@dataclass(slots=True)
class _Parse:
    doc: Any
    wh: str | None = None
    wh_token: Any = None
    wh_head: Any = None           #: the wh-word, or the noun it determines ("which town")
    wh_noun: str | None = None
    verb: Any = None
    frame: Any = None
    event_type: str | None = None
    asked_role: str | None = None
    roles: dict[int, str] = field(default_factory=dict)  #: token index -> frame role
    date: tuple[str, str] | None = None                  #: (how, pattern), see _dates
    problem: str | None = None


def _reporting() -> set[str]:
    """Verbs that ask what a source reported (or denied): the lexicon's attribution verbs."""
    from .nlp.lexicon import DENIAL_VERBS, REPORT_VERBS
    return REPORT_VERBS | DENIAL_VERBS | {"say"}


def _load_nlp(nlp: Any) -> Any:
    if nlp is not None:
        return nlp
    from .nlp import load_pipeline
    return load_pipeline()


def _parse(question: str, nlp: Any) -> _Parse:
    from .nlp.lexicon import EVENT_TRIGGERS

    doc = nlp(question.strip())
    parse = _Parse(doc)
    wh = next((t for t in doc if t.lower_ in _WH), None)
    if wh is None:
        parse.problem = "it is not a question starting with who, where, when, what, which or how"
        return parse
    parse.wh, parse.wh_token = _WH[wh.lower_], wh
    parse.wh_head = wh.head if wh.dep_ in ("det", "amod") and wh.head.pos_ in ("NOUN", "PROPN") else wh
    if parse.wh_head.i != wh.i:
        parse.wh_noun = parse.wh_head.lemma_.lower()
    if parse.wh == "how":
        following = doc[wh.i + 1] if wh.i + 1 < len(doc) else None
        if following is None or following.lower_ not in ("many", "much"):
            parse.problem = "of the how-questions only 'how many' can be answered"
            return parse
        parse.wh = "count"
        parse.wh_head = following.head if following.head.pos_ in ("NOUN", "PROPN") else following

    # The predicate: what the wh-phrase hangs on, else the root.
    verb = parse.wh_head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        verb = next((t for t in doc if t.dep_ == "ROOT"), verb)
    if verb.pos_ == "AUX" and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.lemma_.lower() == "do":  # "What did the ministry report about X?" parsed with "did" as the verb
        later = [t for t in doc[verb.i + 1:] if t.lemma_.lower() in _reporting()]
        verb = later[0] if later else verb
    parse.verb = verb

    frames = [f for f in (doc._.kg_frames or [])]
    report = verb.lemma_.lower() in _reporting()
    if report:  # "Who said that artillery shelled X?": the event is the reported one
        frames = [f for f in frames if f.trigger != verb.i]
    frame = None
    if frames:
        def distance(f: Any) -> tuple[int, int]:
            token = doc[f.trigger]
            return (0 if token.i == verb.i else 1 if token.head.i == verb.i or token.i == parse.wh_head.i else 2,
                    f.trigger)
        frame = min(frames, key=distance)
    if frame is not None:
        parse.frame, parse.event_type = frame, frame.type
        for role, indices in (("agent", frame.agents), ("target", frame.targets),
                              ("participant", frame.participants), ("place", frame.places),
                              ("equipment", frame.equipment)):
            for i in indices:
                parse.roles.setdefault(i, role)
    else:
        for token in (parse.wh_head, verb, *[c for c in verb.children if c.dep_ in ("xcomp", "dobj", "ccomp")]):
            kind = EVENT_TRIGGERS.get(token.lemma_.lower())
            if kind and token.pos_ in ("VERB", "NOUN") and not (report and token.i == verb.i):
                parse.event_type = kind
                break
    parse.asked_role = parse.roles.get(parse.wh_head.i)
    if parse.asked_role is None and parse.event_type is not None:
        dep = parse.wh_head.dep_
        if dep in ("nsubj", "csubj"):
            parse.asked_role = "target" if verb.lemma_.lower() in ("lose", "die") else "agent"
        elif dep in ("nsubjpass", "dobj", "dative"):
            parse.asked_role = "target"
        elif dep == "pobj" and parse.wh_head.head.lower_ == "by":
            parse.asked_role = "agent"
    parse.date, parse.problem = _dates(doc)
    return parse


def _date_tokens(doc: Any) -> set[int]:
    tokens = {t.i for t in doc if t.lower_.rstrip(".") in _MONTHS and t.pos_ == "PROPN"}
    tokens |= {t.i for t in doc if re.fullmatch(r"(19|20)\d\d", t.text)}
    for found in _ISO_IN_TEXT.finditer(doc.text):  # the tokenizer may split 2024-04-06
        tokens |= {t.i for t in doc if found.start() <= t.idx < found.end()}
    tokens |= {t.i for t in doc if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", t.text)
               and any(abs(t.i - m) == 1 for m in list(tokens))}
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            tokens |= set(range(ent.start, ent.end))
    return tokens


def _dates(doc: Any) -> tuple[tuple[str, str] | None, str | None]:
    """The question's period as (how, pattern): how is "date" (a pattern such as 2023-12,
    --12 or --12-01), "from" or "to" (a YYYY-MM-DD bound). Relative dates cannot be placed."""
    tokens = sorted(_date_tokens(doc))
    if not tokens:
        return None, None
    words = [doc[i] for i in tokens]
    relative = [t.text for t in words if t.lower_ in _RELATIVE]
    if relative:
        return None, (f"a relative date ({' '.join(relative)!r}) needs a reference day: "
                      "name a month, a day or a year instead")
    year = month = day = None
    iso = _ISO_IN_TEXT.search(doc.text)
    if iso:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        words = [t for t in words if not iso.start() <= t.idx < iso.end()]
    for token in words:
        text = token.lower_.rstrip(".")
        if text in _MONTHS:
            month = month or _MONTHS[text]
        elif re.fullmatch(r"(19|20)\d\d", text):
            year = year or int(text)
        elif re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", text):
            day = day or int(re.sub(r"\D", "", text))
    if year is None and month is None:
        return None, None  # a bare number ("14 assaults") is no date
    if day is not None and month is None:
        day = None
    if month is not None and day is not None:
        try:
            date(year or 2000, month, day)
        except ValueError:
            return None, f"there is no day {day} in month {month}"
    first = doc[tokens[0]]
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    if before in ("before", "until", "till", "by", "after", "since", "from"):
        if year is None:
            return None, f"'{before} ...' needs a year to compare dates"
        start, end = _period(year, month, day)
        bound = {"before": ("to", start - timedelta(days=1)), "until": ("to", end), "till": ("to", end),
                 "by": ("to", end), "after": ("from", end + timedelta(days=1)), "since": ("from", start),
                 "from": ("from", start)}[before]
        return (bound[0], bound[1].isoformat()), None
    if year is None:
        return ("date", f"--{month:02d}" + (f"-{day:02d}" if day else "")), None
    pattern = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    return ("date", pattern), None


def _period(year: int, month: int | None, day: int | None) -> tuple[date, date]:
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, day), date(year, month, day)


def _runs(parse: _Parse) -> list[list[int]]:
    """Stretches of the question that can be names: nouns, proper nouns, adjectives, numbers,
    with "of", "the" and "'s" inside them; never the wh-phrase or a date."""
    doc = parse.doc
    skip = _date_tokens(doc)
    if parse.wh_token is not None:
        skip.add(parse.wh_token.i)
        if parse.wh_noun is not None:  # "which town": a kind of answer, not a name
            skip.add(parse.wh_head.i)
    runs: list[list[int]] = []
    current: list[int] = []
    for token in doc:
        word = (token.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") or _looks_named(token)) \
            and token.lower_ not in _SKIP_ADJECTIVES and token.lower_ not in _WH
        word = word or (token.tag_ == "VBG" and token.dep_ in ("amod", "compound"))
        inside = token.lower_ in _CONNECTORS and bool(current)
        if token.i not in skip and (word or inside):
            current.append(token.i)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        while run and doc[run[-1]].lower_ in _CONNECTORS:
            run = run[:-1]
        while run and doc[run[0]].lower_ in _CONNECTORS:
            run = run[1:]
        if run:
            trimmed.append(run)
    return trimmed


def _looks_named(token: Any) -> bool:
    """A proper name, however the tagger labelled it ("Bakhmut" can come out as an adverb)."""
    if token.pos_ in ("AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT") or token.lower_ in _CONNECTORS:
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED or (token.i > 0 and token.is_title)


def _mentions(parse: _Parse, store: _Store) -> tuple[list[Mention], list[str]]:
    """Resolve the runs against the store, longest spans first; proper nouns nothing matched are
    returned as missing names."""
    from .nlp.lexicon import EQUIPMENT_NOUNS

    doc = parse.doc
    mentions: list[Mention] = []
    covered: set[int] = set()
    for run in _runs(parse):
        for length in range(min(len(run), 8), 0, -1):
            for offset in range(0, len(run) - length + 1):
                span_ids = run[offset:offset + length]
                if covered & set(span_ids) or doc[span_ids[0]].lower_ in _CONNECTORS \
                        or doc[span_ids[-1]].lower_ in _CONNECTORS:
                    continue
                span = doc[span_ids[0]:span_ids[-1] + 1]
                text = span.text
                nodes = store.lookup(text)
                last = span[-1]
                if not nodes and last.pos_ == "NOUN" and last.lemma_.lower() != last.lower_:
                    text = (doc[span.start:last.i].text + " " + last.lemma_).strip()
                    nodes = store.lookup(text)
                events: frozenset[str] = frozenset()
                if not nodes and (any(t.pos_ == "PROPN" for t in span) or last.lemma_.lower() in EQUIPMENT_NOUNS):
                    found = store.equipment_events(span.text)
                    if found:
                        nodes = [(iri, label, "Equipment") for iri, (label, _) in sorted(found.items())]
                        events = frozenset(e for _, evs in found.values() for e in evs)
                        text = span.text
                if nodes:
                    mentions.append(Mention(text, span.start, span.end, tuple(nodes), events))
                    covered.update(span_ids)
    missing: list[str] = []
    current: list[Any] = []
    dates = _date_tokens(doc)
    named = {i for run in _runs(parse) for i in run if _looks_named(doc[i])}
    for token in doc:
        if token.i in named and token.i not in covered and token.i not in dates:
            current.append(token)
            continue
        if current:
            missing.append(doc[current[0].i:current[-1].i + 1].text)
        current = []
    if current:
        missing.append(doc[current[0].i:current[-1].i + 1].text)
    mentions.sort(key=lambda m: m.start)
    return mentions, missing


# ---------------------------------------------------------------------------------- planning

@dataclass(slots=True)
class _Slots:
    actors: list[tuple[Mention, str | None]] = field(default_factory=list)  #: mention, role
    places: list[Mention] = field(default_factory=list)
    equipment: list[Mention] = field(default_factory=list)


def _assign(parse: _Parse, mentions: list[Mention]) -> _Slots:
    """Each mention as an actor, a place or equipment: the store's kinds, chosen by the syntax."""
    doc = parse.doc
    slots = _Slots()
    for mention in mentions:
        span = doc[mention.start:mention.end]
        head = span.root
        role = next((parse.roles[i] for i in range(mention.start, mention.end) if i in parse.roles), None)
        prep = head.head.lower_ if head.dep_ == "pobj" else None
        locative = prep is not None and prep not in ("by", "of", "with", "against")
        kinds = mention.kinds
        if "Equipment" in kinds and (role == "equipment" or kinds == {"Equipment"}):
            slots.equipment.append(mention)
        elif "Actor" in kinds and role in ("agent", "target", "participant"):  # the frame knows best
            slots.actors.append((mention, role))
        elif "Place" in kinds and (role == "place" or locative or "Actor" not in kinds):
            slots.places.append(mention)
        elif "Actor" in kinds:
            actor_role = role if role in ("agent", "target", "participant") else (
                "agent" if prep == "by" else None)
            slots.actors.append((mention, actor_role))
        elif "Place" in kinds:
            slots.places.append(mention)
        else:
            slots.equipment.append(mention)
    return slots


def _kind(parse: _Parse) -> tuple[str | None, str | None]:
    """The kind of answer asked for (who, where, when, events, claims, sources, things, count) and
    the place class a "which town" question limits it to."""
    from .nlp.lexicon import EQUIPMENT_NOUNS, EVENT_TRIGGERS, FORCE_NOUNS, GOVERNMENT_NOUNS, PERSON_NOUNS

    verb = parse.verb.lemma_.lower() if parse.verb is not None else ""
    report = verb in _reporting()
    noun = parse.wh_noun
    wh = parse.wh
    if wh == "count":
        return "count", None
    if wh == "what" and noun is not None:
        if noun in _TIME_NOUNS:
            return "when", None
        if noun in EVENT_TRIGGERS:
            parse.event_type = parse.event_type or EVENT_TRIGGERS[noun]
            return ("claims" if report else "events"), None
        if noun in _PLACE_TYPES and not (noun == "country" and parse.wh_head.dep_ in ("nsubj", "nsubjpass", "dobj")):
            return "where", _PLACE_TYPES[noun] or None
        if noun in _ACTOR_NOUNS | FORCE_NOUNS | GOVERNMENT_NOUNS | PERSON_NOUNS:
            return ("sources" if report else "who"), None
        if noun in _THING_NOUNS | EQUIPMENT_NOUNS:
            return "things", None
        return None, None
    if wh == "who":
        return ("sources" if report else "who"), None
    if wh in ("where", "when"):
        return wh, None
    # what
    if verb in _HAPPEN or (verb == "take" and any(c.lower_ == "place" for c in parse.verb.children)):
        return "events", None
    if report:
        return "claims", None
    if parse.event_type is not None:
        return "things", None
    return None, None


def plan_question(question: str, *, store: Any, nlp: Any = None) -> tuple[Plan | None, str | None, list[str]]:
    """The plan for a question: (plan, problem, missing names). ``problem`` says why there is none."""
    parse = _parse(question, _load_nlp(nlp))
    return _plan(parse, _Store(store))


def _plan(parse: _Parse, store: _Store) -> tuple[Plan | None, str | None, list[str]]:
    if parse.problem is not None:
        return None, parse.problem, []
    kind, place_type = _kind(parse)
    if kind is None:
        return None, "no question of a known kind was recognised", []
    mentions, missing = _mentions(parse, store)
    if missing:
        return None, None, missing
    slots = _assign(parse, mentions)
    params: dict[str, str] = {}
    filters: list[RowFilter] = []
    notes: list[str] = []

    def event_set(events: set[str], text: str) -> None:
        filters.append(RowFilter("event", frozenset(events), text))

    def use_place(param: bool) -> None:
        for i, mention in enumerate(slots.places):
            if param and i == 0:
                params["place"] = mention.text
            else:
                event_set(store.events(place=mention.text),
                          f"the events at or inside {mention.text} (kg query events --param "
                          f"{shlex.quote('place=' + mention.text)})")

    def use_actors(skip: Mention | None, *, exclude_from_answers: str | None = None) -> None:
        for mention, _ in slots.actors:
            if mention is skip:
                continue
            event_set(store.events(actor=mention.text),
                      f"the events of {mention.text} (kg query events --param {shlex.quote('actor=' + mention.text)})")
            if exclude_from_answers:
                itself = frozenset(n for n, _, k in mention.nodes if k == "Actor")
                filters.append(RowFilter(exclude_from_answers, itself, f"{mention.text} itself left out", how="not"))

    def use_equipment() -> None:
        for mention in slots.equipment:
            found = mention.events or frozenset(e for _, evs in store.equipment_events(mention.text).values()
                                                for e in evs)
            labels = ", ".join(mention.labels("Equipment"))
            event_set(set(found), f"the events with {labels} (queries/system/equipment_events.rq)")

    def use_type(param: bool) -> None:
        if parse.event_type is None:
            return
        if param:
            params["event_type"] = parse.event_type
        else:
            filters.append(RowFilter("eventType", frozenset({parse.event_type}), f"eventType is {parse.event_type}"))

    def use_date(param: bool) -> None:
        if parse.date is None:
            return
        how, pattern = parse.date
        if param and how == "date" and not pattern.startswith("--"):
            parts = [int(p) for p in pattern.split("-")]
            start, end = _period(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
            params["date_from"], params["date_to"] = start.isoformat(), end.isoformat()
        elif param and how in ("from", "to"):
            params["date_from" if how == "from" else "date_to"] = pattern
        else:
            text = {"date": f"date matches {pattern}", "from": f"date on or after {pattern}",
                    "to": f"date on or before {pattern}"}[how]
            filters.append(RowFilter("date", frozenset({pattern}), text, how=how))

    first_actor = slots.actors[0][0] if slots.actors else None
    if kind == "who":
        query = "who"
        use_place(True)
        use_type(True)
        use_date(True)
        use_actors(None, exclude_from_answers="actor")
        use_equipment()
        if parse.asked_role:
            filters.insert(0, RowFilter("role", frozenset({parse.asked_role}), f"role is {parse.asked_role}"))
    elif kind == "where" and first_actor is not None:
        query = "where"
        params["actor"] = first_actor.text
        role = slots.actors[0][1]
        if role:
            filters.append(RowFilter("role", frozenset({role}), f"{first_actor.text} is the {role}"))
        use_actors(first_actor)
        use_place(False)
        use_type(False)
        use_date(False)
        use_equipment()
        if place_type:
            filters.append(RowFilter("placeType", frozenset({place_type}), f"placeType is {place_type}"))
    elif kind == "when":
        query = "when"
        if first_actor is not None:
            params["actor"] = first_actor.text
        use_actors(first_actor)
        use_place(True)
        use_type(True)
        use_date(False)
        use_equipment()
    elif kind in ("events", "things", "count", "where"):
        query = "events"
        use_place(True)
        use_type(True)
        use_date(True)
        if first_actor is not None:
            params["actor"] = first_actor.text
        use_actors(first_actor)
        use_equipment()
        if kind == "things":
            notes.append("what the question names itself is not listed as an answer")
        if kind == "things" and first_actor is not None and slots.actors[0][1] == "agent":
            labels = frozenset(first_actor.labels("Actor"))
            filters.append(RowFilter("agents", labels, f"{first_actor.text} is an agent", how="has"))
        if kind == "count":
            filters.append(RowFilter("quantity", frozenset({""}), "a number is given", how="not"))
        if kind == "where" and place_type:
            notes.append(f"the events query gives one place per event; {place_type} is not checked")
    elif kind == "claims":
        query = "claims"
        source = next((m for m, _ in slots.actors if m.start < parse.verb.i), None)
        if source is not None:
            params["source"] = source.text
        use_actors(source)
        use_place(False)
        use_type(False)
        use_date(False)
        use_equipment()
    elif kind == "sources":
        query = "claims"
        use_actors(None)
        use_place(False)
        use_type(False)
        use_date(False)
        use_equipment()
    else:  # pragma: no cover - _kind returns only the kinds above
        return None, f"unknown answer kind {kind}", []
    if kind == "count" and parse.event_type is None and not slots.equipment:
        return None, "'how many' needs an event or a thing to count ('how many drones were shot down')", []
    named = frozenset(iri for m in mentions for iri, _, _ in m.nodes)
    return Plan(kind, query, tuple(params.items()), tuple(filters), tuple(notes), named), None, []


# ---------------------------------------------------------------------------------- answering

def ask(question: str, *, store: Any, nlp: Any = None, limit: int = MAX_ANSWERS) -> Result:
    """Answer ``question`` from ``store``. A question that cannot be turned into a query gives a
    Result with ``problem`` set; names the store does not hold give ``missing``."""
    from .query import bind, get_query, rows

    if not question or not question.strip():
        return Result(question, problem="the question is empty")
    cache = _Store(store)
    parse = _parse(question, _load_nlp(nlp))
    plan, problem, missing = _plan(parse, cache)
    if plan is None:
        return Result(question, problem=problem, missing=tuple(missing))
    text = bind(get_query(plan.query), dict(plan.params))
    found = [row for row in rows(store.select(text)) if all(f.keeps(row) for f in plan.filters)]
    answers = _answers(plan, found, cache)
    shown = tuple(_with_sources(a, cache) for a in answers[:limit])
    return Result(question, plan, shown, len(answers), sparql=text)


def _group(rows: Iterable[dict[str, str]], key: Callable[[dict[str, str]], Any]) -> dict[Any, list[dict[str, str]]]:
    groups: dict[Any, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        k = key(row)
        if k is not None:
            groups[k].append(row)
    return groups


def _distinct(rows: list[dict[str, str]], column: str) -> list[str]:
    return sorted({r[column] for r in rows if r.get(column)})


def _summary(rows: list[dict[str, str]], *, role: bool = False) -> str:
    """One line on the events behind an answer: class (status), date, place; at most three."""
    parts = []
    for event, group in sorted(_group(rows, lambda r: r.get("event")).items())[:3]:
        row = group[0]
        text = f"{row.get('eventType', 'Event')} ({row.get('status', '?')})"
        roles = _distinct(group, "role") if role else []
        if roles:
            text = f"{'/'.join(roles)} of {text}"
        dates = _distinct(group, "date")
        if dates:
            text += f" on {dates[0]}"
        places = _distinct(group, "placeLabel")
        if places:
            text += f" at {', '.join(places)}"
        parts.append(text)
    more = len(_group(rows, lambda r: r.get("event"))) - len(parts)
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _answers(plan: Plan, found: list[dict[str, str]], store: _Store) -> list[Answer]:
    answers: list[Answer] = []
    if plan.kind == "who":
        for actor, group in _group(found, lambda r: r.get("actor")).items():
            answers.append(Answer(group[0]["actorLabel"], _summary(group, role=True), (actor,),
                                  tuple(_distinct(group, "event"))))
    elif plan.kind == "where" and plan.query == "where":
        for place, group in _group(found, lambda r: r.get("place")).items():
            row = group[0]
            extra = [row.get("placeType", "")]
            if row.get("lat") and row.get("long"):
                extra.append(f"{row['lat']}, {row['long']}")
            if row.get("within"):
                extra.append(f"in {', '.join(_distinct(group, 'within'))}")
            answers.append(Answer(row["placeLabel"], f"{'; '.join(e for e in extra if e)} \u2014 {_summary(group)}",
                                  (place,), tuple(_distinct(group, "event"))))
    elif plan.kind == "where":
        for label, group in _group(found, lambda r: r.get("placeLabel")).items():
            nodes = tuple(sorted(n for n, _, k in store.lookup(label) if k == "Place"))
            answers.append(Answer(label, _summary(group), nodes, tuple(_distinct(group, "event"))))
    elif plan.kind == "when":
        for value, group in _group(found, lambda r: r.get("date") or r.get("dateText")).items():
            facts = (("eventType", ", ".join(_distinct(group, "eventType"))),
                     ("status", ", ".join(_distinct(group, "status"))),
                     ("dateText", ", ".join(_distinct(group, "dateText"))),
                     ("resolution", ", ".join(_distinct(group, "resolution"))))
            texts = ", ".join(f"\u201c{t}\u201d" for t in _distinct(group, "dateText"))
            answers.append(Answer(value, (f"written {texts}; " if texts else "") + _summary(group), (),
                                  tuple(_distinct(group, "event")), facts))
    elif plan.kind in ("events", "count"):
        for event, group in _group(found, lambda r: r.get("event")).items():
            row = group[0]
            facts = tuple((k, row.get(k, "")) for k in ("eventType", "status", "date", "dateText", "agents", "targets",
                                                         "placeLabel", "equipment", "quantity"))
            detail = _event_line(row)
            value = row.get("quantity", "") if plan.kind == "count" else row.get("eventType", "Event")
            answers.append(Answer(value, detail, (), (event,), facts))
    elif plan.kind == "things":
        things: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
        for row in found:
            for column, kind in (("equipment", "Equipment"), ("targets", "Actor")):
                for label in filter(None, (row.get(column) or "").split("; ")):
                    things[(label, kind)].append(row)
        for (label, kind), group in things.items():
            nodes = tuple(sorted(n for n, _, k in store.lookup(label) if k == kind or kind == "Actor" and k == "Place"))
            if set(nodes) & plan.leave_out:
                continue
            answers.append(Answer(label, _summary(group), nodes, tuple(_distinct(group, "event"))))
    elif plan.kind == "claims":
        for claim, group in _group(found, lambda r: r.get("claim")).items():
            row = group[0]
            facts = (("eventType", row.get("eventType", "")), ("status", row.get("status", "")),
                     ("date", row.get("date", "")), ("quantity", row.get("quantity", "")),
                     ("equipment", ", ".join(_distinct(group, "equipmentLabel"))),
                     ("placeLabel", ", ".join(_distinct(group, "placeLabel"))),
                     ("source", row.get("sourceLabel", "")), ("event", row.get("event", "")))
            detail = f"{row.get('sourceLabel')} reported: {_claim_line(group)}"
            answers.append(Answer(row.get("eventType", "Event"), detail, (), (claim,), facts))
    elif plan.kind == "sources":
        for source, group in _group(found, lambda r: r.get("source")).items():
            answers.append(Answer(group[0]["sourceLabel"], _claim_line(group), (source,),
                                  tuple(_distinct(group, "claim"))))
    answers.sort(key=lambda a: (a.fact("date") or "", a.value, a.nodes, a.events))
    return answers


def _event_line(row: dict[str, str]) -> str:
    text = f"{row.get('eventType', 'Event')} ({row.get('status', '?')})"
    if row.get("date"):
        text += f" on {row['date']}"
    if row.get("agents"):
        text += f" by {row['agents']}"
    if row.get("targets"):
        text += f" against {row['targets']}"
    if row.get("quantity"):
        text += f", {row['quantity']}"
    if row.get("equipment"):
        text += f" ({row['equipment']})"
    if row.get("placeLabel"):
        text += f" at {row['placeLabel']}"
    return text


def _claim_line(group: list[dict[str, str]]) -> str:
    row = group[0]
    text = f"{row.get('eventType', 'Event')} ({row.get('status', '?')})"
    if row.get("quantity"):
        text += f", {row['quantity']}"
    equipment = _distinct(group, "equipmentLabel")
    if equipment:
        text += f" {', '.join(equipment)}"
    places = _distinct(group, "placeLabel")
    if places:
        text += f" at {', '.join(places)}"
    if row.get("date"):
        text += f" on {row['date']}"
    return text


def _with_sources(answer: Answer, store: _Store) -> Answer:
    """The answer with the evidence of its first events, each sentence with its own article."""
    sources: list[Source] = []
    for node in answer.events[:5]:
        for source in store.sources(node):
            if source not in sources:
                sources.append(source)
    return replace(answer, sources=tuple(sources))


# ---------------------------------------------------------------------------------- text

def format_result(result: Result, *, show_sparql: bool = False) -> str:
    """The answer for people: each answer with its evidence and article, then the query it ran."""
    lines: list[str] = []
    if result.missing:
        names = ", ".join(repr(m) for m in result.missing)
        lines.append(f"No answer: nothing in the store is named {names}.")
        lines.append("Names are matched as the articles write them, with the aliases the store knows.")
        return "\n".join(lines)
    if not result.understood:
        lines.append(f"Cannot answer this question: {result.problem}.")
        lines.append("")
        lines.append(help_text())
        return "\n".join(lines)
    assert result.plan is not None
    for answer in result.answers:
        lines.append(f"\u2022 {answer.value}")
        if answer.detail:
            lines.append(f"    {answer.detail}")
        for source in answer.sources[:_SENTENCES]:
            lines.append(f"    \u201c{source.sentence}\u201d")
            lines.append(f"      \u2014 {source.describe()}")
        if len(answer.sources) > _SENTENCES:
            lines.append(f"    (+{len(answer.sources) - _SENTENCES} more sentences)")
    if not result.answers:
        lines.append("No answer in the store.")
    elif result.total > len(result.answers):
        lines.append(f"({result.total - len(result.answers)} more answers not listed)")
    lines.append("")
    count = f"{result.total} answer{'s' if result.total != 1 else ''}"
    lines.append(f"{count} from: {result.plan.command()}")
    for row_filter in result.plan.filters:
        lines.append(f"  kept the rows where {row_filter.text}")
    for note in result.plan.notes:
        lines.append(f"  note: {note}")
    if show_sparql and result.sparql:
        lines.append("")
        lines.append(result.sparql.rstrip())
    return "\n".join(lines)


def help_text() -> str:
    width = max(len(q) for q, _ in EXAMPLES)
    rows = [f"  {q:<{width}}  {what}" for q, what in EXAMPLES]
    return "kg ask answers questions such as:\n" + "\n".join(rows)
