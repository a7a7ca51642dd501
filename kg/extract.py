"""spaCy Docs to plain data: entities with kinds and affiliations, events with roles, dates resolved
against the publication date, quantities, claims, and short-range coreference within an article.

Nothing here knows about RDF; names are resolved to real-world things later, in :mod:`kg.resolve`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .model import Article, Claim, DateRef, Entity, Event, Extraction, Quantity, Role
from .names import name_key
from .nlp.components import (Frame, comma_named_left, hostile_condition, names_origin, names_topic, region_names, region_of_name, region_written_after, is_equipment_token,
                             is_place_token)
from .nlp.lexicon import (APPROXIMATORS, CIVILIAN_NOUNS, DIRECTION_WORDS, POSITION_NOUNS, EQUIPMENT_NOUNS, FACILITY_NOUNS, FORCE_NOUNS, GENERIC_SOURCES,
                          GOVERNMENT_NOUNS, LOCATIVE_PREPS, ORIGIN_TYPES, PERSON_NOUNS, PLACE_NOUNS, PLAN_WORDS, TITLE_WORDS,
                          VAGUE_NUMBERS, DENIAL_VERBS, EVENT_TRIGGERS, REPORT_VERBS, EQUIPMENT_NON_NAMES,
                          OBJECT_CONTROL_VERBS)
from .nlp.pipeline import MAX_CHUNK_CHARS

__all__ = ["extract", "extract_docs", "extract_many", "chunks", "resolve_date", "parse_number"]

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "a hundred": 100, "thousand": 1000, "a dozen": 12,
                      "dozen": 12, "a couple": 2, "couple": 2})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
_PRONOUNS_GROUP = {"they", "them", "their", "it", "its"}
#: What "it", "its" or "they" can stand for when the grammar (a clause's or the last sentence's subject) says
#: which: countries and towns named as actors are places until linking.
_GROUP_ANTECEDENTS = frozenset({"ArmedForce", "GovernmentBody", "Organization", "Country", "Place", "Settlement", "Region"})
_DURATION = re.compile(r"^(for |over |within |in )?(the )?(past |last |next |first )?(\d+|a|an|one|two|three|four|"
                       r"five|six|seven|eight|nine|ten|several|few|many|a few)\s+(hours?|days?|weeks?|months?|years?|"
                       r"decades?)( long| old)?$|^(the )?(past|next|coming) (hours?|days?|weeks?|months?|years?)$",
                       re.IGNORECASE)
_WEEKDAYS = {name: number for number, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
#: Words that mean the publication day itself (news is published the morning after "overnight").
_NOW_WORDS = {"today", "overnight", "last night", "tonight", "this morning", "earlier today", "this afternoon",
              "this evening", "overnight into today"}
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
#: Possessives whose owner coreference can find among the actors named before: "its military", "their troops".
_POSSESSIVES = frozenset({"its", "their"})
_POSSESSIVE_PRONOUNS = frozenset({"our", "their", "its", "his", "her", "my", "your"})
#: Words that date from the publication day, whatever year the sentences before were about.
_RELATIVE_WORDS = re.compile(r"\b(today|tonight|yesterday|tomorrow|overnight|this|last|next|ago|monday|tuesday|"
                             r"wednesday|thursday|friday|saturday|sunday|week|weekend)\b", re.IGNORECASE)
#: Spans of years and decades ("2023-24", "2022/2023", "the 1990s") are periods, not one date.
_PERIOD = re.compile(r"^(19|20)\d{2}\s*[-\u2013/]\s*\d{2,4}\b|^(early |mid-|late )?((19|20)\d0|'?\d0)s$",
                     re.IGNORECASE)


# ---------------------------------------------------------------------------------- public

def chunks(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split an article at paragraph (then sentence, then hard) boundaries into pieces spaCy accepts."""
    pieces: list[tuple[int, str]] = []
    start = 0
    buffer_start, buffer = 0, ""
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        para, offset = match.group(0), match.start()
        for sub_offset, sub in _split_long(para, limit):
            if buffer and len(buffer) + 2 + len(sub) > limit:
                pieces.append((buffer_start, buffer))
                buffer = ""
            if not buffer:
                buffer_start, buffer = offset + sub_offset, sub
            else:
                buffer = text[buffer_start:offset + sub_offset + len(sub)]
    if buffer:
        pieces.append((buffer_start, buffer))
    del start
    return pieces


def _split_long(para: str, limit: int) -> Iterator[tuple[int, str]]:
    if len(para) <= limit:
        yield 0, para
        return
    position = 0
    while position < len(para):
        end = min(position + limit, len(para))
        if end < len(para):
            cut = para.rfind(". ", position, end)
            end = cut + 1 if cut > position else end
        yield position, para[position:end]
        position = end


def extract(article: Article, nlp: Language) -> Extraction:
    """One article through the pipeline (see :func:`extract_many` for batches)."""
    return next(extract_many([article], nlp))


def extract_docs(article: Article, docs: Iterable[Doc]) -> Extraction:
    """An article's Extraction from its already-processed Docs (one per chunk, in order)."""
    state = _ArticleState(article)
    for doc in docs:
        state.add_doc(doc)
    return state.finish()


def extract_many(articles: Iterable[Article], nlp: Language, *, batch_size: int = 64) -> Iterator[Extraction]:
    """Articles in, Extractions out, in order. Short articles go through ``nlp.pipe`` in batches; a long
    one alone, a chunk at a time, so memory stays bounded by the chunk size, not the article size."""
    short: list[Article] = []
    for article in articles:
        if len(article.text) <= MAX_CHUNK_CHARS:
            short.append(article)
            continue
        yield from _extract_batch(short, nlp, batch_size=batch_size)
        short = []
        yield from _extract_batch([article], nlp, batch_size=1)
    yield from _extract_batch(short, nlp, batch_size=batch_size)


def _extract_batch(articles: list[Article], nlp: Language, *, batch_size: int) -> Iterator[Extraction]:
    def items() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            pieces = chunks(article.text)
            if article.title and not article.text.startswith(article.title):
                pieces = [(-1, article.title), *pieces]
            for number, (_, piece) in enumerate(pieces):
                yield piece, (article, number, len(pieces))

    current: _ArticleState | None = None
    for doc, (article, number, total) in nlp.pipe(items(), as_tuples=True, batch_size=batch_size):
        if number == 0:
            current = _ArticleState(article)
        assert current is not None
        current.add_doc(doc)
        if number == total - 1:
            yield current.finish()
            current = None


# ---------------------------------------------------------------------------------- dates and numbers

@cache
def _date_parser(base: date | None, future: bool = False):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
                "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12, 0)
    return DateDataParser(languages=["en"], settings=settings)


_DAY_RANGE = re.compile(r"^([A-Za-z]+\.? \d{1,2})\s*[-\u2013]\s*\d{1,2}\b")
_DATE_PREFIX = re.compile(r"^(on|by|since|until|till|from|as of|in|during|early|late|earlier|later|around|about|"
                          r"approximately|circa|after|before|"
                          r"the|this|that|morning of|night of|evening of)\s+", re.IGNORECASE)


def resolve_date(text: str, published: date | None, *, future: bool = False) -> DateRef:
    """Resolve a date as written against the publication date; keep the text whatever happens.

    Relative dates ("on Sunday", "November 30") need the publication date; with none, only a
    date that names its year is resolved.
    """
    words = text.strip()
    stripped = re.sub(r"\s*\([^)]*\)?\s*$", "", words).rstrip(" ,;:")  # "15 March 2022 (month of)": ACLED-style
    # hedges; "Tuesday," a span the tagger ended on its comma
    while True:
        cut = _DATE_PREFIX.sub("", stripped)
        if cut == stripped:
            break
        stripped = cut
    stripped = _DAY_RANGE.sub(r"\1", stripped)  # "August 6-8, 2016": the first day of the span
    if not stripped or _DURATION.match(stripped) or _PERIOD.match(stripped):
        return DateRef(text=words)
    if published is None and not _YEAR.search(stripped):
        return DateRef(text=words)
    if stripped.lower() in _NOW_WORDS and published is not None:
        return DateRef(text=words, value=published, resolution="day")
    weekday = _WEEKDAYS.get(stripped.lower().removeprefix("last ").removesuffix(" night").removesuffix(" morning")
                            .removesuffix(" evening").removesuffix(" afternoon"))
    if weekday is not None and published is not None:
        # "on Sunday" is the last Sunday on or before publication day; "will visit on Tuesday" the next Tuesday
        if future and not stripped.lower().startswith("last "):
            return DateRef(text=words, value=published + timedelta(days=(weekday - published.weekday()) % 7),
                           resolution="day")
        return DateRef(text=words, value=published - timedelta(days=(published.weekday() - weekday) % 7),
                       resolution="day")
    data = _date_parser(published, future).get_date_data(stripped)
    if data is None or data.date_obj is None:
        return DateRef(text=words)
    value = data.date_obj.date()
    if published is not None and value > published and not future:
        return DateRef(text=words)  # news reports the past: a future date is a misreading
    period = data.period or "day"
    if published is not None and value == published and period == "day" and \
            not re.search(rf"\b0?{published.day}\b", stripped):
        return DateRef(text=words)  # the parser fell back on the publication day: it read nothing
    resolution = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}.get(period, "day")
    if resolution == "month":
        value = value.replace(day=1)
    elif resolution == "year":
        value = value.replace(month=1, day=1)
    return DateRef(text=words, value=value, resolution=resolution)


def parse_number(tokens: list[Token]) -> Quantity | None:
    """Numbers in figures and words ("140", "1,200", "three", "two hundred", "dozens") with their hedges."""
    approximate = any(t.lower_ in APPROXIMATORS for t in tokens)
    words = [t.lower_ for t in tokens if t.lower_ not in APPROXIMATORS and t.lower_ not in ("a", "an", "of")]
    text = " ".join(t.text for t in tokens)
    if not words:
        return None
    if len(words) == 1 and words[0] in VAGUE_NUMBERS:
        return Quantity(VAGUE_NUMBERS[words[0]], approximate=True, text=text)
    total, current = 0, 0
    for word in words:
        cleaned = word.replace(",", "")
        if cleaned.isdigit():
            current += int(cleaned)
        elif re.fullmatch(r"\d+(\.\d+)?", cleaned):
            current += int(float(cleaned))
        elif word in _NUMBER_WORDS and word not in _SCALES:
            current += _NUMBER_WORDS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in ("and", "-"):
            continue
        else:
            return None
    value = total + current
    return Quantity(value, approximate=approximate, text=text) if value >= 0 else None


def _quantity_tokens(head: Token) -> list[Token]:
    for child in head.children:
        if child.ent_type_ == "DATE":
            continue
        if child.dep_ == "nummod" or (child.like_num and child.dep_ in ("amod", "quantmod", "compound")):
            return sorted([child, *child.subtree], key=lambda t: t.i)[: len(list(child.subtree))]
    return []


# ---------------------------------------------------------------------------------- mentions

@dataclass(slots=True)
class _Mention:
    key: str
    kind: str
    start: int  # article-level order (chunk base + token index)
    plural: bool = False  # "world leaders" is not "he"
    subject: bool = False  # "It is fighting a war": the actor a sentence was about


@dataclass
class _ArticleState:
    """Accumulates entities and events over the chunks of one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    history: list[_Mention] = field(default_factory=list)
    keys_at: dict[int, list[str]] = field(default_factory=dict)  # start -> keys mentioned there, in history order
    base: int = 0
    last_date: tuple[int, DateRef] | None = None  # (number of the sentence that gave it, date)
    year_frame: tuple[int, int] | None = None  # (number of the sentence, year) of the last date written with its year
    sentences: int = 0

    # ---- driving
    def add_doc(self, doc: Doc) -> None:
        frames: list[Frame] = doc._.kg_frames or []
        by_trigger = {f.trigger: f for f in frames}
        text = doc.text  # built anew on every access: once per chunk, not once per sentence
        ents = list(doc.ents)
        next_ent = 0
        counted_to = 0
        self.last_date = self.year_frame = None  # a chunk starts a paragraph
        for sent in doc.sents:
            if text.count("\n\n", counted_to, sent.start_char):
                self.last_date = self.year_frame = None  # so does a blank line
            counted_to = sent.start_char
            # register entity mentions in order, for coreference; a surname the tagger missed is a mention too
            # ("Placing Zelenskyy on the wanted list ... killing him")
            for token in sent:
                while next_ent < len(ents) and ents[next_ent].start <= token.i:
                    ent = ents[next_ent]
                    next_ent += 1
                    if ent.start >= sent.start and ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
                        self._entity_for(ent.root)
                if token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ != "compound":
                    person = self._surname(token.text)
                    if person is not None:
                        self._remember(person, token)
            sent_frames = [by_trigger[t.i] for t in sent if t.i in by_trigger]
            sent_date: DateRef | None = None
            # a sentence with no time of its own continues the one before it, in the same paragraph ("On 5
            # March, Russian forces shelled X. Two civilians were killed."); a time word of its own ("recently
            # traveled", "in 2019") that no event took is another time
            carried = self.last_date[1] if self.last_date and self.last_date[0] == self.sentences - 1 and \
                not any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in _OWN_TIME_WORDS for t in sent) and \
                sent[0].lower_ not in _TIME_CLAUSE_OPENERS else None
            for frame in sent_frames:
                event = self._event(doc, sent, frame, carried)
                if event is None:
                    continue
                if event.date and event.date.value and event.date is not carried:
                    sent_date = event.date
                    if _YEAR.search(event.date.text):
                        self.year_frame = (self.sentences, event.date.value.year)
            self.last_date = (self.sentences, sent_date) if sent_date is not None else None
            self.sentences += 1
        self.base += len(doc) + 1

    def finish(self) -> Extraction:
        self._attach_suppliers()
        return Extraction(article=self.article, entities=self.entities, events=self.events, claims=self.claims)

    # ---- events
    def _event(self, doc: Doc, sent: Span, frame: Frame, carried: DateRef | None) -> Event | None:
        trigger = doc[frame.trigger]
        sentence = sent.text.strip()
        date_ref = None
        for start, end in frame.dates:
            end = _year_after_span(doc, end)
            candidate = resolve_date(doc[start:end].text, self.article.published,
                                     future=frame.status in ("planned", "threatened"))
            if date_ref is None or (candidate.value and not date_ref.value):
                date_ref = candidate
            if date_ref.value:
                break
        if date_ref is not None:
            date_ref = self._in_year_frame(date_ref)
        if (date_ref is None or date_ref.value is None) and carried is not None:
            date_ref = carried
        if date_ref is not None and date_ref.resolution == "month" and frame.type in ("Meeting", "Visit") and \
                trigger.pos_ != "VERB" and date_ref is not carried and not re.search(r"\b\d{4}\b", date_ref.text):
            # "before the summit in June": a meeting named by its noun is the nearer June, often the coming one
            ahead = resolve_date(date_ref.text, self.article.published, future=True)
            published = self.article.published
            if ahead.value and date_ref.value and published and ahead.value - published < published - date_ref.value:
                date_ref = ahead
        roles: list[Role] = []
        seen: set[tuple[str, str]] = set()

        def add(role: str, token_index: int, *, inferred: bool = False) -> str | None:
            entity = self._entity_for(doc[token_index])
            if entity is None or _names_no_one(entity, role):
                return None
            pair = (role, entity.key)
            if pair not in seen:
                seen.add(pair)
                roles.append(Role(role=role, entity=entity.key,
                                  quantity=self._role_quantity(doc[token_index]), inferred=inferred))
            return entity.key

        for index in frame.agents:
            add("agent", index)
        for index in frame.targets:
            add("target", index)
        for index in frame.participants:
            add("participant", index)
        for index in frame.places:
            self._as_place(doc[index])
            add("place", index)
        for index in frame.equipment:
            add("equipment", index)
        if not any(r.role == "place" for r in roles):
            nearest = self._nearest_place(sent, trigger, frame)
            if nearest is not None:
                for place in region_names(nearest) or [nearest]:  # "the Donetsk and Luhansk regions": two
                    add("place", place.i, inferred=True)
        # kinds decide roles: a place named as agent or target is also where it happened
        roles = self._retype_roles(roles, frame.type)
        quantity = parse_number(_quantity_tokens(trigger)) if frame.quantity is not None else None
        sources = []
        for index in frame.sources:
            entity = self._entity_for(doc[index])
            if entity is not None and entity.kind not in ("Equipment", "Settlement", "Region", "Facility"):
                sources.append(entity.key)
        status = frame.status
        if not sources and frame.reported and status == "claimed":
            status = "claimed"
        event_id = f"{self.base + sent.start}-{self.base + trigger.i}"
        events = self._split_losses(Event(id=event_id, type=frame.type, trigger=trigger.text, sentence=sentence,
                                          sentence_start=self.base + sent.start, status=status, roles=roles,
                                          date=date_ref, quantity=quantity, sources=sources,
                                          verbal=trigger.pos_ == "VERB" or _existential(trigger)))
        for event in events:
            self.events.append(event)
            for source in sources:
                self.claims.append(Claim(event=event.id, source=source, sentence=sentence,
                                         quantity=_claimed_quantity(event)))
        return events[0] if events else None

    def _in_year_frame(self, date_ref: DateRef) -> DateRef:
        """"In September 2022, ... Then on March 22, ...": a month or day written without its year, within two
        sentences of a date written with an earlier year, is in that year (a weekday or "today" is not)."""
        published = self.article.published
        if self.year_frame is None or published is None or date_ref.value is None or \
                date_ref.resolution not in ("day", "month") or _YEAR.search(date_ref.text) or \
                _RELATIVE_WORDS.search(date_ref.text) or self.sentences - self.year_frame[0] > 2:
            return date_ref
        year = self.year_frame[1]
        if year >= published.year or date_ref.value.year == year:
            return date_ref
        try:
            return DateRef(text=date_ref.text, value=date_ref.value.replace(year=year), resolution=date_ref.resolution)
        except ValueError:  # 29 February
            return date_ref

    def _as_place(self, token: Token) -> None:
        """A proper noun in a place role is a place, whatever kind the entity recogniser gave it."""
        entity = self._entity_for(token)
        if entity is not None and entity.kind in ("Person", "Organization") and not entity.role:
            old = entity.key
            entity.kind = "Place"
            entity.key = f"Place:{name_key(entity.name)}"
            if entity.key in self.entities:
                self.entities[old] = self.entities[entity.key]
            else:
                self.entities[entity.key] = entity
                self.entities[old] = entity
            for mention in self.history:
                if mention.key == old:
                    mention.key, mention.kind = entity.key, "Place"

    def _role_quantity(self, token: Token) -> Quantity | None:
        tokens = _quantity_tokens(token)
        if not tokens and token.lemma_.lower() in VAGUE_NUMBERS:
            return Quantity(VAGUE_NUMBERS[token.lemma_.lower()], approximate=True, text=token.text)
        if not tokens and token.tag_ == "NN" and is_equipment_token(token) and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            return Quantity(1)  # "a Bradley" is one; "the drone", "the weapon" say no number
        return parse_number(tokens) if tokens else None

    def _retype_roles(self, roles: list[Role], event_type: str) -> list[Role]:
        result = []
        lost = any(r.role in ("equipment", "target") for r in roles)
        for role in roles:
            entity = self.entities[role.entity]
            if event_type == "Loss" and role.role == "agent" and entity.kind == "Equipment" and lost:
                continue  # "the Patriot battery shot down a missile": what shot is not what was lost
            if entity.kind == "Equipment" and (role.role == "agent" or (
                    role.role == "target" and event_type not in ("Attack", "Strike", "Clash"))):
                role = Role("equipment", role.entity, role.quantity, role.inferred)
            elif entity.kind in ("Settlement", "Region", "Facility") and role.role == "agent":
                continue  # "Kupyansk hosted ...": a place is not an actor
            result.append(role)
        unique: list[Role] = []
        for role in result:
            if all((r.role, r.entity) != (role.role, role.entity) for r in unique):
                unique.append(role)
        return unique

    def _nearest_place(self, sent: Span, trigger: Token, frame: Frame) -> Token | None:
        # only a locative phrase ("in X", "near X") of the trigger's own clause: the nearest place anywhere
        # in a long sentence was, in the hand audit, more often another clause's place than this event's
        # and not one of another event coordinated with an event noun ("Russia's invasion and the war in
        # Sudan"), of the topic ("spoke about the sanctions from the West") or where someone comes from ("met
        # the heads of agencies from the former Soviet block")
        taken = set(frame.agents) | set(frame.targets) | set(frame.participants)
        clause = _clause_of(trigger).i
        # a casualty's circumstance says where it happened ("was injured when a mine went off near X")
        clauses = {clause} | ({c.i for c in _clause_of(trigger).children if c.dep_ == "advcl"}
                              if frame.type == "Loss" else set())
        taken |= {t.i for c in trigger.children
                  if (c.dep_ == "conj" and trigger.pos_ != "VERB") or (c.dep_ == "prep" and names_topic(c.lower_, frame.type))
                  for t in c.subtree}
        candidates = [t for t in sent if t.i not in taken and is_place_token(t)
                      and ((t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS
                            and (t.head.lower_ not in _WEAK_PLACE_PREPS or _on_trigger(t.head, trigger)))
                           or (t.head.i == trigger.i and t.dep_ in ("advmod", "npadvmod", "dobj", "appos", "oprd")))
                      and not names_origin(t.head.lower_, frame.type)
                      and not (t.head.lower_ == "to" and frame.type == "Statement")
                      # a meeting, visit, statement or delivery is where its own phrase says, not where the
                      # war "in Ukraine" on its agenda or the skepticism "in Kyiv" about it is
                      and not (frame.type in ORIGIN_TYPES and t.dep_ == "pobj" and t.head.head.i != trigger.i
                               and t.head.head not in trigger.ancestors)
                      and t.ent_iob_ != "I"
                      and t.pos_ in ("PROPN", "NOUN") and _clause_of(t).i in clauses
                      and not _in_plan_of_another(t, trigger)]
        if not candidates:
            return None
        return min(candidates, key=lambda t: abs(t.i - trigger.i))

    def _split_losses(self, event: Event) -> list[Event]:
        """One loss per thing lost: "140 soldiers, three vehicles and a howitzer" are three losses."""
        items = [r for r in event.roles if r.role in ("equipment",) or (r.role == "target" and r.quantity)]
        if event.type != "Loss" or len(items) < 2:
            if event.type == "Loss" and len(items) == 1 and items[0].quantity and event.quantity is None:
                event.quantity = items[0].quantity
            return [event]
        shared = [r for r in event.roles if r not in items]
        split = []
        for number, item in enumerate(items):
            split.append(Event(id=f"{event.id}-{number}", type=event.type, trigger=event.trigger,
                               sentence=event.sentence, sentence_start=event.sentence_start, status=event.status,
                               roles=[*shared, item], date=event.date,
                               quantity=item.quantity,
                               sources=list(event.sources), verbal=event.verbal))
        return split

    def _attach_suppliers(self) -> None:
        for event in self.events:
            if event.type != "Delivery":
                continue
            suppliers = [k for k in event.keys("agent")]
            for key in event.keys("equipment"):
                if suppliers and self.entities[key].supplied_by is None:
                    self.entities[key].supplied_by = self.entities[suppliers[0]].name

    # ---- entities
    def _entity_for(self, token: Token) -> Entity | None:
        found = self._corefer(token)
        if found is not None:
            return found
        built = _describe(token)
        if built is None:
            return None
        name, kind, role, affiliation, origin, located = built
        owner = self._possessor(token) if kind in ("ArmedForce", "GovernmentBody") else None
        if owner is not None:  # "its military", "their troops": the owner's, as "Ukraine's military" would be
            name = f"{owner.name}'s {name.split(' ', 1)[1]}" if name.split(" ", 1)[0].lower() in _POSSESSIVES else name
            affiliation = affiliation or owner.name
        words = name.split()
        if words[0].rstrip(".") in _COURTESY_TITLES and len(words) == 2 and kind == "Person":
            words = words[1:]  # "Ms Sandu" is the Maia Sandu named before
        if len(words) == 1 and token.pos_ == "PROPN":
            full = self._surname(words[0])
            if full is not None:
                # "Truss said ...": a mention by surname is a mention of the person, later pronouns included
                self._remember(full, token)
                return full
        key = f"{kind}:{name_key(name)}" + (f"@{name_key(affiliation)}" if affiliation and kind in (
            "ArmedForce", "GovernmentBody") and name_key(affiliation) not in name_key(name) else "")
        entity = self.entities.get(key)
        if entity is None:
            entity = Entity(name=name, kind=kind, key=key, role=role, affiliation=affiliation, origin=origin,
                            located_in=located)
            self.entities[key] = entity
        else:
            entity.role = entity.role or role
            entity.affiliation = entity.affiliation or affiliation
            entity.origin = entity.origin or origin
            entity.located_in = entity.located_in or located
        self._remember(entity, token)
        return entity

    def _remember(self, entity: Entity, token: Token) -> None:
        """Record a mention once, in article order, for the pronouns and short names that follow."""
        start = self.base + token.i
        keys = self.keys_at.setdefault(start, [])
        if entity.key in keys:
            return
        keys.append(entity.key)
        self.history.append(_Mention(entity.key, entity.kind, start, plural=token.tag_ in ("NNS", "NNPS"),
                                     subject=token.dep_ in ("nsubj", "nsubjpass")))

    def _surname(self, name: str) -> Entity | None:
        wanted = name_key(name)
        for mention in reversed(self.history):
            entity = self.entities[mention.key]
            if entity.kind == "Person" and _personal_name(entity.name) and \
                    name_key(entity.name.split()[-1]) == wanted:
                entity.aliases.add(name)
                return entity
        return None

    def _corefer(self, token: Token) -> Entity | None:
        lower = token.lower_
        position = self.base + token.i
        # an object pronoun is never its own verb's subject: "until the Soviet army liberated it"
        verb = token.head.head if token.dep_ == "pobj" else token.head
        verb_subject = {self.base + t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        for t in c.subtree} if token.dep_ in ("dobj", "dative", "pobj") else set()
        # nor a subject pronoun a name inside the phrase set before it, other than that phrase's own subject:
        # "Opening the exhibition of Anna Kowalska, he said ...": he is not Kowalska ("When Putin met Xi,
        # he said ...": he may be Putin)
        fronted = {self.base + t.i for c in token.head.children if c.i < token.i and c.dep_ in ("advcl", "prep")
                   for t in c.subtree if not any(a.dep_ in ("nsubj", "nsubjpass") and a.head.i == c.i
                                                 for a in (t, *t.ancestors))} \
            if token.dep_ in ("nsubj", "nsubjpass") else set()
        recent = [m for m in reversed(self.history) if m.start < position and position - m.start < 120
                  and m.start not in verb_subject and m.start not in fronted]
        if lower in _PRONOUNS_PERSON:
            people = [m for m in recent if m.kind == "Person" and not m.plural]
            if token.dep_ in ("nsubj", "nsubjpass"):
                # "Biden told Zelensky he would ...", "He lost to Kramnik. ... he announced": a subject "he"
                # continues the last person who was a subject, not the last person named
                subject = next((m for m in people if m.subject), None)
                if subject is not None:
                    return self.entities[subject.key]
            if token.dep_ == "poss" and token.i < token.head.i and any(
                    a.dep_ == "prep" and a.i < token.i for a in token.head.ancestors):
                # "In her speech Truss said ...": a possessive in a phrase set before its clause is that
                # clause's subject, named after it
                bound = self._subject_of_clause(token)
                if bound is not None and bound.kind == "Person":
                    return bound
            return next((self.entities[m.key] for m in people), None)
        if lower in _PRONOUNS_GROUP:
            near = [m for m in recent if position - m.start < 60]
            if lower in ("they", "them", "their"):
                # "African leaders ... their trip": the people, not the adjective that says where they are from
                near = [m for m in near if not self._describes_people(m, token.doc)]
            # "they" mostly means forces or bodies; "its" the nearest actor of any kind
            order = (("ArmedForce", "GovernmentBody", "Organization"), ("Country",)) if lower in ("they", "them", "their") \
                else (("ArmedForce", "GovernmentBody", "Organization", "Country"),)
            # "Russia launched its invasion": a possessive is its own clause's subject; "It is fighting a
            # war" continues the subject of the sentence before, not the last actor named
            if token.dep_ == "poss":
                blamed = self._blamed(token, near)
                if blamed is not None:
                    return blamed
                bound = self._subject_of_clause(token)
                if bound is not None and bound.kind in _GROUP_ANTECEDENTS:
                    return bound
                if lower == "its":
                    # the nearest actor or place of its own clause ("sanctions against Russia over its invasion",
                    # "hold the Russian government accountable for its invasion"), else a subject of the same
                    # sentence ("Russia attacked Ukraine because, after its 2014 invasion, Putin thought ..."),
                    # else the nearest in the sentence: countries are places until linking
                    sentence_start = self.base + token.sent.start
                    own = [m for m in near if m.start >= sentence_start and m.kind in _GROUP_ANTECEDENTS]
                    # (a name that only modifies a noun is no antecedent: "violating the U.N. charter in its
                    # attack"; a non-finite clause shares its governor's participants: "called out Russia for
                    # violating ... in its attack")
                    heads = [m for m in own if token.doc[m.start - self.base].dep_ != "compound"]
                    verb = _verb_above(token)
                    clauses = [verb] + ([_verb_above(verb)] if verb.dep_ in ("pcomp", "xcomp") else [])
                    if token.head.lemma_.lower() in EVENT_TRIGGERS:
                        # the owner of an event noun is who acts in it, the subject of the clause that controls
                        # it: "Russia is unlikely to be able to subdue Ukraine in its current invasion" is Russia's
                        controller = verb
                        while controller.dep_ in ("xcomp", "acomp", "pcomp") and not any(
                                c.dep_ in ("nsubj", "nsubjpass") for c in controller.children):
                            controller = controller.head
                        clause = {t.i for t in controller.subtree}
                        found = next((m for m in heads if m.subject and m.start - self.base in clause), None)
                        if found is not None:
                            return self.entities[found.key]
                    spans = [{t.i for t in clause.subtree} for clause in clauses]
                    found = next((m for span in spans for m in heads if m.start - self.base in span), None) or \
                        next((m for m in own if m.subject), None) or next(iter(own), None)
                    if found is not None:
                        return self.entities[found.key]
            elif token.dep_ in ("nsubj", "nsubjpass"):
                speaker = self._speaker_of_clause(token)
                if speaker is not None:
                    return speaker
                if hostile_condition(token.head):
                    # "sanctions on Russia should it invade Ukraine": the one the response is aimed at, named
                    # before in the sentence, not the subject who responds
                    sentence_start = self.base + token.sent.start
                    aimed_at = max((m for m in near if m.start >= sentence_start and m.kind in _GROUP_ANTECEDENTS
                                    and _aimed_at(token.doc[m.start - self.base])),
                                   key=lambda m: m.start, default=None)
                    if aimed_at is not None:
                        return self.entities[aimed_at.key]
                subject = next((m for m in near if m.subject and m.kind in _GROUP_ANTECEDENTS), None)
                if subject is not None:
                    return self.entities[subject.key]
            return next((self.entities[m.key] for kinds in order for m in near if m.kind in kinds), None)
        determiners = [c for c in token.children if c.dep_ == "det"]
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss", "prep")]
        if token.pos_ == "NOUN" and determiners and determiners[0].lower_ in ("the", "this", "that") \
                and not modifiers and token.ent_type_ == "":
            lemma = token.lemma_.lower()
            wanted_kinds = {"city": {"Settlement"}, "town": {"Settlement"}, "village": {"Settlement"},
                            "region": {"Region"}, "oblast": {"Region"}, "country": {"Country"}}.get(lemma)
            if lemma in ("man", "woman") and token.tag_ == "NN" and all(c.dep_ == "det" for c in token.children):
                # "Ivan Petrov was 44 ... The man was to fight with the Wagner group": the person just written of,
                # if the sentence was about him and he is no official reporting it ("Governor X said shelling hit
                # the town. The woman, 62, was wounded" is someone else; so is "the man who ...")
                person = next((m for m in recent if m.kind == "Person" and not m.plural and m.subject
                               and _personal_name(self.entities[m.key].name) and not self.entities[m.key].role
                               and not self._reporting(m, token.doc)), None)
                if person is not None:
                    self.entities[person.key].aliases.add(f"the {lemma}")
                    return self.entities[person.key]
            for mention in reversed(self.history):
                entity = self.entities[mention.key]
                if mention.start >= position:
                    continue
                if wanted_kinds and entity.kind in wanted_kinds:
                    return entity
                if not wanted_kinds and lemma in name_key(entity.name).split() and entity.kind != "Equipment":
                    entity.aliases.add(f"the {lemma}")
                    return entity
        return None

    def _possessor(self, token: Token) -> Entity | None:
        """The country or body behind "its"/"their" on a force or body ("its military")."""
        pronoun = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None)
        if pronoun is None:
            return None
        owner = self._corefer(pronoun)
        return owner if owner is not None and owner.kind in ("Country", "GovernmentBody", "Place") else None

    def _describes_people(self, mention: _Mention, doc: Doc) -> bool:
        """A mention that is only the adjective of people named with it ("African" in "African leaders")."""
        index = mention.start - self.base
        if not 0 <= index < len(doc):
            return False
        word = doc[index]
        return word.dep_ in ("amod", "compound") and word.head.lemma_.lower() in PERSON_NOUNS | CIVILIAN_NOUNS | \
            {"politician", "diplomat", "lawmaker"}

    def _blamed(self, token: Token, near: list[_Mention]) -> Entity | None:
        """"Sanctions on Russia over its invasion", "thanked Germany for its support": a possessive in a
        reason given by "over" or "for" is the one the clause acts upon, named before it, not the subject."""
        if not (token.head.dep_ == "pobj" and token.head.head.lower_ in ("over", "for")):
            return None
        verb = _verb_above(token)
        clause = {t.i for t in verb.subtree}
        subjects = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        acted_upon = [m for m in near if (index := m.start - self.base) in clause and index < token.i
                      and index not in subjects and m.kind in _GROUP_ANTECEDENTS
                      and token.doc[index].dep_ != "compound"]
        return self.entities[acted_upon[0].key] if acted_upon else None

    def _speaker_of_clause(self, token: Token) -> Entity | None:
        """"Russia denies that it would attack", "the Russian side said it would strike": "it" in what is said or
        denied is the one saying it (a country or body, or the country its adjective names)."""
        verb = token.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORT_VERBS | DENIAL_VERBS:
            return None
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subject is None:
            return None
        for word in (subject, *(c for c in subject.children if c.dep_ in ("amod", "compound", "poss"))):
            entity = self._mentioned_at(word)
            if entity is not None:
                return entity if entity.kind in _GROUP_ANTECEDENTS else None
        return None

    def _subject_of_clause(self, token: Token) -> Entity | None:
        """The named subject of the clause a word sits in; an infinitive's is its controller's ("Xi wanted to
        phone Zelensky after his trip": Xi's; "Biden urged Zelensky to mention it in his speech": Zelensky's)."""
        verb = _verb_above(token)
        while verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head
            if verb.lemma_.lower() in OBJECT_CONTROL_VERBS:  # "Biden urged Zelensky to mention it in his speech"
                told = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "PRON"), None)
                if told is not None:
                    return self._mentioned_at(told)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        return self._mentioned_at(subject) if subject is not None else None

    def _reporting(self, mention: _Mention, doc: Doc) -> bool:
        """A mention that is the subject of a reporting verb ("Klymenko said ..."), or one in an earlier chunk,
        whose words are no longer at hand."""
        index = mention.start - self.base
        return not 0 <= index < len(doc) or doc[index].head.lemma_.lower() in REPORT_VERBS

    def _mentioned_at(self, word: Token) -> Entity | None:
        """The entity registered for the mention at this word, if any."""
        keys = self.keys_at.get(self.base + word.i)
        return self.entities[keys[-1]] if keys else None


#: Offices one person holds at a time: unresolved, "President" alone is no one an analyst can look up.
_UNIQUE_OFFICES = frozenset({"president", "prime minister", "chancellor", "pope", "king", "queen", "premier",
                             "vice president", "taoiseach"})
#: Bare plurals that say what, not who: "leaders announced", "forces fighting".
_BARE_GROUPS = frozenset({"leaders", "heads", "forces", "troops"})
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "every"})


#: Lower-case words inside personal names: "Ursula von der Leyen", "Mohammed bin Salman".
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn", "el"})


def _personal_name(name: str) -> bool:
    """Ends in a personal name: "Sergei Lavrov", "President of Ukraine Volodymyr Zelensky", not "leaders of
    Poland and Hungary", "Secretary General of NATO" or "leader of North Korea", whose last word is no surname.
    After a title's "of" the name is the run of capitalised words less the one that ends the title."""
    words = name.split()
    run = 0
    for word in reversed(words):
        if not (word.lstrip("-\u2010'\u2019")[:1].isupper() or word in _NAME_PARTICLES):
            break
        run += 1
    titled = run < len(words)
    return run >= (3 if titled else 2)


def _names_no_one(entity: Entity, role: str) -> bool:
    """A role filled by a node that names no one: an owner never found ("our tank", "their forces"), a share of a
    people ("third person"), or, as the one acting, an office or a group with nothing to say whose ("President",
    "leaders"); the role is left out rather than tied to such a node."""
    words = entity.name.lower().split()
    if not words:
        return True
    if words[0] in _POSSESSIVE_PRONOUNS:
        return True
    if entity.kind == "Person" and words[0] in _ORDINAL_WORDS:
        return True
    unowned = entity.affiliation is None and (not entity.role or entity.role.lower() == entity.name.lower())
    if role == "agent" and unowned and words == ["people"]:
        return True  # "many people declare", "encouraging people to visit": people at large do not act as one
    return role in ("agent", "participant") and unowned and (
        " ".join(words) in _UNIQUE_OFFICES or (len(words) == 1 and words[0] in _BARE_GROUPS))


#: Verbs of a response whose object is the one it is aimed at: "punish Russia if it invades".
_PUNISHING_VERBS = frozenset({"punish", "sanction", "penalize", "penalise", "deter", "warn"})


def _aimed_at(word: Token) -> bool:
    """The one a response is aimed at: "sanctions on Russia", "legislation against Russia", "punish Russia"
    (not "help from the United States")."""
    return (word.dep_ == "pobj" and word.head.lower_ in ("on", "against")) or (
        word.dep_ == "dobj" and word.head.lemma_.lower() in _PUNISHING_VERBS)


def _verb_above(token: Token) -> Token:
    """The verb of the clause a word sits in (the root of the sentence if no verb is above it)."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _claimed_quantity(event: Event) -> Quantity | None:
    return event.quantity


# ---------------------------------------------------------------------------------- phrases

#: What a minister is minister of: "the deputy minister of foreign affairs".
_PORTFOLIOS = frozenset({"affair", "defence", "defense", "interior", "justice", "finance", "economy",
                         "energy", "health", "security", "intelligence", "agriculture", "infrastructure"})
_COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
#: Title words that say no office: "Mr", "former".
_NOT_ROLES = frozenset({"the", "of", "former", "acting", "ex"} | {t.lower() for t in _COURTESY_TITLES})
_STRIP_LEFT = {"det", "predet", "nummod", "quantmod", "advmod", "punct", "cc", "preconj", "neg", "case"}


def _describe(token: Token) -> tuple[str, str, str | None, str | None, str | None, str | None] | None:
    """(name, kind, role, affiliation, origin, located_in) for the noun phrase headed by ``token``."""
    if token.pos_ in ("PRON", "DET", "NUM", "VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PUNCT"):
        return None
    if token.lower_ in GENERIC_SOURCES or token.lemma_.lower() in GENERIC_SOURCES:
        return None
    lemma = token.lemma_.lower()
    region = region_of_name(token)
    if region is not None:  # "the Kharkiv and Kherson regions": the Kherson region, not the city
        name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        return f"{' '.join(t.text for t in name)} {region.lemma_.lower()}", "Region", None, None, None, None
    if token.ent_type_ == "NORP" and token.dep_ in ("amod", "compound", "nmod", "poss"):
        span = _entity_span(token)  # "North Korean": the whole adjective, not "Korean"
        name = span.text if span is not None and span.label_ == "NORP" and span[-1].i == token.i else token.text
        if _pair_of_peoples(name):
            return None  # "a Russian-American meeting": two sides, neither of them alone
        return name, "Country", None, None, None, None
    if token.ent_type_ == "GPE" and token.dep_ in ("amod", "poss") and token.pos_ == "ADJ":
        return token.text, "Country", None, None, None, None
    if token.ent_type_ == "PERSON" and token.dep_ in ("compound", "amod") and token.head.tag_ == "NNS" and \
            token.head.pos_ == "NOUN" and len(_entity_span(token) or ()) == 1:
        return None  # "two Moldovan oligarchs": one word describing a group is where they are from, not a person
    # the noun phrase: left modifiers plus an "of" phrase for names like "Ministry of Defense"
    lefts = list(token.lefts)
    commas = [t.i for t in lefts if t.text == ","]
    # "Nove, Kharkiv region": what stands before a comma is another place, not part of this name
    left = [t for t in lefts if t.dep_ not in _STRIP_LEFT and (not commas or t.i > commas[-1])
            # "Ukraine's Sumy oblast": the country owning a region is where it lies, not part of its name
            and not (lemma in PLACE_NOUNS and t.dep_ == "poss" and t.ent_type_ in ("GPE", "LOC")
                     and any(o.pos_ == "PROPN" and o.dep_ != "poss" for o in lefts))]
    words: list[Token] = []
    for modifier in left:
        words.extend(t for t in modifier.subtree if t.i == modifier.i or _hyphenated(t) or t.dep_ not in (
                         "det", "punct", "quantmod", "advmod", "cc")
                     and not (t.dep_ == "nummod" and parse_number([t]) is not None))
    words.append(token)
    entity_span = _entity_span(token)
    if entity_span is not None and "," in entity_span.text:
        entity_span = None
    if entity_span is not None and entity_span.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"):
        words.extend(t for t in entity_span if t not in words)
    for right in token.rights:
        if right.dep_ == "prep" and right.lower_ in ("of", "from") and (
                lemma in GOVERNMENT_NOUNS or lemma in FORCE_NOUNS or lemma in PERSON_NOUNS or lemma in FACILITY_NOUNS
                or token.pos_ == "PROPN"
                or entity_span is not None):
            objects = [g for g in right.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]
            if objects and (objects[0].pos_ == "PROPN" or objects[0].ent_type_ or
                            objects[0].lemma_.lower() in GOVERNMENT_NOUNS | FORCE_NOUNS or
                            # "the head of British diplomacy": a title whose "of" phrase says whose
                            (lemma in PERSON_NOUNS | TITLE_WORDS and right.lower_ == "of" and (any(
                                c.ent_type_ in ("NORP", "GPE", "ORG") for c in objects[0].children)
                                or objects[0].lemma_.lower() in _PORTFOLIOS))):
                words.extend(_phrase_without_clauses(right))
    words = sorted(set(words), key=lambda t: t.i)
    # drop quantities, hedges and leading determiners that hung on modifiers
    words = _without_trailing_possessive(words)
    words = [t for t in words if not (t.like_num and t.dep_ in ("nummod", "quantmod", "compound")
                                      and parse_number([t]) is not None and not _hyphenated(t))  # "53-year-old"
             and t.lower_ not in APPROXIMATORS | {"a", "an", "the", "recently", "also"}]
    # "neighbouring Belarus", "occupied Melitopol", "separatist-held Donbas" (which the tagger may call an
    # organisation), "the strategic Kherson region": what is said of a place, not its name
    named_area = lemma in PLACE_NOUNS and any(t.pos_ == "PROPN" for t in words if t.i != token.i)
    if token.pos_ == "PROPN" or named_area:
        said_of = {t.i for m in token.children if m.dep_ == "amod" and m.is_lower and m.lower_ not in DIRECTION_WORDS
                   and (token.ent_type_ == "GPE" or named_area or m.lemma_.lower() in ("hold", "control", "occupy"))
                   for t in m.subtree}
        words = [t for t in words if t.i not in said_of] or [token]
    if not words:
        return None
    nationality = [t for t in words if t.ent_type_ in ("NORP", "GPE") and t.dep_ in ("amod", "compound", "nmod", "poss")
                   and t.i < token.i and not (entity_span is not None and t in entity_span and token.ent_type_ in ("GPE", "ORG"))]
    made = [t for t in words if t.lower_.endswith("-made") or t.lower_ in ("made",)]
    origin = None
    for t in made:
        origin = t.text[:-5] if t.lower_.endswith("-made") else None
    ner = (entity_span.label_ if entity_span is not None else token.ent_type_) or ""
    kind = _kind(token, ner, words)
    if kind is None and token.pos_ == "PROPN" and ner not in ("PERSON", "ORG", "NORP", "DATE") and \
            _containing_place(token):
        kind = "Place"  # "Nove, Kharkiv region": a name followed by its region is a place
    if kind is None:
        return None
    role = None
    affiliation = nationality[0].text if nationality else None
    located = None
    if kind == "Person":
        titles = [t for t in words if t.lower_ in TITLE_WORDS and t.i < token.i and t.ent_type_ != "PERSON"
                  and t.dep_ in ("compound", "amod", "nmod", "appos")]
        role_words = [t.text for t in titles if t.lower_ not in _NOT_ROLES]
        role = " ".join(role_words) or (token.text if lemma in PERSON_NOUNS else None)
        if entity_span is not None and entity_span.label_ == "PERSON":
            words = _without_trailing_possessive(list(entity_span))
        elif (named := _name_after_title(token)) is not None:
            words = named  # "the head of the British government Boris Johnson" is Boris Johnson
        else:
            of_parts = [t for t in token.rights if t.dep_ == "prep" and t.lower_ in ("of", "from")]
            if of_parts:
                body = [g for g in of_parts[0].children if g.dep_ == "pobj"]
                if body:
                    parent = _describe(body[0])
                    if parent is not None:
                        affiliation = parent[0]
    if kind == "Facility" and all(t.pos_ == "PROPN" and t.lemma_.lower() not in FACILITY_NOUNS for t in words):
        located = _containing_place(token)  # "Zolota Balka, Kherson": a village the tagger took for a facility
    elif kind == "Facility":
        places = [t for t in words if t.i != token.i and (t.ent_type_ in ("GPE", "LOC", "ORG") or t.pos_ == "PROPN")]
        if places:
            located = " ".join(t.text for t in places if t.ent_type_ == places[0].ent_type_)
    elif token.pos_ == "PROPN" and kind not in ("Equipment",):
        located = _containing_place(token)
    if kind == "Equipment":
        # "the latest missiles", "Intense artillery": missiles, artillery (a model's name keeps its "New")
        words = [t for t in words if t not in nationality and t not in made and not t.lower_.endswith("-made")
                 and (t.i == token.i or t.lower_ not in EQUIPMENT_NON_NAMES or t.pos_ == "PROPN")]
        if nationality and origin is None:
            affiliation = nationality[0].text
    name = _join(words, token, kind)
    if not name or not any(c.isalpha() for c in name):
        return None
    return name, kind, role, affiliation, origin, located


def _hyphenated(token: Token) -> bool:
    """A word joined by a hyphen to the next: "newly-built" is one modifier, not "built"."""
    if token.tag_ == "HYPH":
        return not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_
    return not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor().tag_ == "HYPH"


def _pair_of_peoples(name: str) -> bool:
    """"Russian-American", "US-Russian": an adjective of two peoples, written with a hyphen."""
    parts = name.split("-")
    return len(parts) > 1 and all(len(p) > 1 and p[0].isupper() for p in parts)


def _phrase_without_clauses(head: Token) -> list[Token]:
    """A phrase's words up to any apposition or clause hung on them: "ministers of the Quad, a grouping that
    China views warily" names the ministers of the Quad."""
    clauses = [t for t in head.subtree if t.i != head.i and t.dep_ in ("appos", "relcl", "acl", "advcl", "parataxis")
               and t.ent_type_ != "PERSON"]  # ("the leader of the fighters Ramzan Kadyrov": the name is kept)
    cut = {t.i for clause in clauses for t in clause.subtree}
    words = [t for t in head.subtree if t.i not in cut]
    while words and words[-1].is_punct:
        words.pop()
    return words


def _without_trailing_possessive(words: list[Token]) -> list[Token]:
    """"Khalifa Haftar's" is Khalifa Haftar; "Ukraine's Air Force" keeps its 's."""
    end = len(words)
    while end > 1 and words[end - 1].tag_ == "POS":
        end -= 1
    return words[:end]


def _name_after_title(title: Token) -> list[Token] | None:
    """The person a title names: "The Ukrainian president, Volodymyr Zelenskiy" (an apposition, whatever the
    recogniser tagged it) or "the secretary general of NATO Jens Stoltenberg" (a person's name ending the
    "of" phrase)."""
    if title.lemma_.lower() not in PERSON_NOUNS and title.lower_ not in TITLE_WORDS:
        return None
    for child in title.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ not in ("GPE", "LOC", "NORP", "DATE"):
            return [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
    node = title
    for _ in range(3):  # "head of the government of X Boris Johnson"
        objects = [g for p in node.rights if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if not objects:
            return None
        node = objects[0]
        span = _entity_span(node)
        if span is not None and span.label_ == "PERSON" and span.end == node.i + 1:
            return list(span)
    return None


def _containing_place(token: Token) -> str | None:
    """The wider place written after a comma: "Beryslav, Kherson" or "Nove, Kharkiv region"."""
    written = region_written_after(token)
    if written is not None:
        return written
    for child in token.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return " ".join(t.text for t in child.subtree if t.pos_ in ("PROPN", "NOUN") and t.text != ",")
    head = token.head
    named = comma_named_left(head)
    if named is not None and named.i == token.i:
        wider = [t for t in head.subtree if t.i > token.i and t.pos_ in ("PROPN", "NOUN") and t.i <= head.i]
        return " ".join(t.text for t in wider) or None
    return None


#: Words that give a sentence a time of its own, so that it does not continue the last sentence's date.
_OWN_TIME_WORDS = frozenset({"recently", "earlier", "previously", "later", "formerly", "once", "ago", "since",
                             "then", "before", "after", "eventually", "soon"})
#: Prepositions that give a place only when they hang on the trigger itself: "aid to Ukraine" is for
#: Ukraine, "accession to the EU" says nothing of where a meeting was.
_WEAK_PLACE_PREPS = frozenset({"to", "of", "by", "from", "on"})


def _year_after_span(doc: Doc, end: int) -> int:
    """Where a date really ends: the tagger stops "August 6-8, 2016" at "August 6" and "5 March, 2022" at
    "5 March", leaving the rest of the span and its year outside."""
    at = end
    if at + 1 < len(doc) and doc[at].text in ("-", "\u2013") and doc[at + 1].like_num:
        at += 2
    year = at + 1 if at < len(doc) and doc[at].text == "," else at
    if year > end and year < len(doc) and re.fullmatch(r"(19|20)\d\d", doc[year].text):
        return year + 1
    return end


def _on_trigger(prep: Token, trigger: Token) -> bool:
    """A phrase on the trigger or on its object ("took control of X", "shelled the town of X"), or one that
    names the place a place word stands for ("in the northern part of X")."""
    noun = prep.head
    if prep.lower_ == "from":
        return noun.i == trigger.i  # "killed aid workers from a charity": where they come from
    return noun.i == trigger.i or (noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd")) \
        or (prep.lower_ == "of" and noun.lemma_.lower() in PLACE_NOUNS | _PART_NOUNS)


_PART_NOUNS = frozenset({"part", "outskirts", "vicinity", "edge", "centre", "center", "suburb", "suburbs"})


#: A sentence that opens with a time clause has a time of its own: "When Biden spoke of the war, ...".
_TIME_CLAUSE_OPENERS = frozenset({"when", "while", "whenever", "until"})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})


def _in_plan_of_another(place: Token, trigger: Token) -> bool:
    """"With its invasion, Russia had planned to topple the leadership in Kyiv": what a plan names is not
    where the event beside the plan happened."""
    own = {trigger.i} | {t.i for t in trigger.ancestors}
    return any(t.dep_ == "xcomp" and t.pos_ == "VERB" and t.i not in own and t.head.lemma_.lower() in PLAN_WORDS
               and t.head.lemma_.lower() not in ("try", "attempt")  # "killed while trying to break through in X"
               for t in place.ancestors)


def _existential(trigger: Token) -> bool:
    """"There was a clash near Svatove": the clause asserts the event noun as a verb would."""
    return trigger.dep_ == "attr" and trigger.head.lemma_ == "be" and any(c.dep_ == "expl" for c in trigger.head.children)


def _clause_of(token: Token) -> Token:
    """The head of the clause a token sits in (an infinitive or a conjoined verb belongs to its governor's)."""
    while token.dep_ not in _CLAUSE_DEPS and token.head.i != token.i:
        token = token.head
    return token


def _entity_span(token: Token) -> Span | None:
    """The named entity around the token, unless the recogniser ran it over a clause boundary."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:  # walked by IOB tags: doc.ents is rebuilt on every access
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    ent = Span(doc, start, end, label=doc[start].ent_type_)
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ == "cc" for t in ent):
        return None
    return ent


def _join(words: list[Token], head: Token, kind: str) -> str:
    kept = {t.i for t in words}
    # "German-made weapons" without "made": no hyphen left hanging; "James [Heappey]": an editor's brackets are
    # not part of a name
    words = [t for t in words if (t.tag_ != "HYPH" or (t.i - 1 in kept and t.i + 1 in kept)) and t.text not in ("[", "]")]
    parts = []
    for number, t in enumerate(words):
        text = t.lemma_ if (t.i == head.i and kind == "Equipment" and t.tag_ in ("NNS", "NNPS")) else t.text
        if t is words[-1]:
            parts.append(text)
        else:
            adjacent = words[number + 1].i == t.i + 1
            dash = words[number + 1].i == t.i + 2 and t.whitespace_ and t.nbor().text in ("-", "\u2013") \
                and t.nbor().whitespace_  # "Donetsk - Kirovskyi": a district written after its city
            parts.append(text + (t.whitespace_ if adjacent else " - " if dash else " "))
    name = "".join(parts).strip()
    name = re.sub(r"\s+", " ", name).strip(" ,;:'\"-\u2013")
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def _kind(token: Token, ner: str, words: list[Token]) -> str | None:
    lemma = token.lemma_.lower()
    lemmas = {t.lemma_.lower() for t in words}
    if is_equipment_token(token) and ner not in ("ORG", "PERSON", "GPE"):
        if lemma == "artillery" and any(t.ent_type_ in ("NORP", "GPE") for t in words):
            return "ArmedForce"
        return "Equipment"
    if lemma in FACILITY_NOUNS and ner != "PERSON":
        return "Facility"
    if ner == "PERSON" or (ner == "ORG" and len(words) == 2 and words[0].text.rstrip(".") in _COURTESY_TITLES
                           and words[1].pos_ == "PROPN"):
        return "Person"  # ("Ms Sandu", which the tagger may take for an organisation; not "Dr. Reddy's Laboratories")
    if lemma in PERSON_NOUNS or lemma in CIVILIAN_NOUNS:
        return "Person"
    if ner == "NORP" or (ner == "GPE" and token.pos_ == "ADJ" and len(words) == 1):  # "Ukrainian" tagged GPE
        return "Country" if len(words) == 1 else ("ArmedForce" if lemma in FORCE_NOUNS else "Organization")
    if lemma in FORCE_NOUNS or lemmas & {"forces", "force", "army", "military", "troops"}:
        return "ArmedForce"
    if lemma in POSITION_NOUNS and any(t.ent_type_ in ("NORP", "GPE", "ORG") or (t.pos_ == "PROPN" and t.text.isupper())
                                       for t in words if t.i != token.i):
        return "ArmedForce"  # "Ukrainian positions", "DPR positions" (an acronym the tagger left untyped): their side
    if lemma in GOVERNMENT_NOUNS or lemmas & {"ministry", "government", "administration", "kremlin"}:
        return "GovernmentBody"
    if lemma in PLACE_NOUNS:
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC") for t in words if t.i != token.i):
            return None
        return "Settlement" if lemma in ("city", "town", "village", "settlement") else "Region"
    if ner == "GPE":
        return "Place"
    if ner in ("LOC",):
        return "Region"
    if ner == "FAC":
        # the small model tags many villages as facilities ("Zolota Balka"): a name with no facility word in
        # it, standing where places stand, is a place
        if all(t.pos_ == "PROPN" for t in words) and token.dep_ == "pobj" and \
                token.head.lower_ in ("in", "near", "at", "outside", "around", "of", "from", "to"):
            return "Place"
        return "Facility"
    if ner == "ORG":
        return "Organization"
    if ner == "PRODUCT":
        return "Place" if token.dep_ in ("dobj", "pobj", "nsubjpass", "appos", "conj") else None
    if token.pos_ == "PROPN" and ner in ("", "WORK_OF_ART", "EVENT", "LAW"):
        return "Place" if token.dep_ == "pobj" and token.head.lower_ in ("in", "near", "at", "outside", "around") else None
    return None
