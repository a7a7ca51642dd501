"""Questions about the project's examples/ and the answers those articles give.

Every expected answer is what the articles state (examples/articles.jsonl and examples/chasiv-yar.html),
read by a person, not what the extractor happens to produce today. Where the extractor gets the
article wrong, the case carries ``xfail`` with the reason, so fixing the extractor turns it green.

``show`` says how answers are compared:
* "name": the actors, places or equipment answered, as a set; an expected name matches an answer
  whose label or any of its aliases (``kg:nameKey``) has the same name key ("Zelensky" matches
  "Volodymyr Zelenskyy"); articles inside names are ignored ("soldiers of the Armed Forces ...").
* anything else: a format string over the answer's value and facts (``{value}``, ``{status}``,
  ``{quantity}`` ...); the formatted answers must equal ``expect`` as a multiset.

``query`` is the named query the question must run; None means the question cannot be answered
(not understood, or it names something no article mentions) and ``expect`` is empty.
"""
from __future__ import annotations

from dataclasses import dataclass

# Why cases fail today, shared by several of them.
ITS_TROOPS = "'its troops' (the Russian ministry's troops) is stored as an actor of its own, not Russian forces"
GENERAL_STAFF = ("'the general staff' in the Chasiv Yar article is a node of its own, not the General Staff of "
                 "the Armed Forces of Ukraine named in the same paragraph")


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    query: str | None
    expect: tuple[str, ...]
    show: str = "name"
    xfail: str | None = None


CASES: tuple[Case, ...] = (
    # ---- kupiansk-front (examples/articles.jsonl, published 2023-12-04)
    Case("Who visited Kupiansk?", "who", ("Zelensky",)),
    Case("Who visited Kupyansk?", "who", ("Zelensky",)),
    Case("When did Zelensky visit Kupiansk?", "when", ("2023-12-01",), "{value}"),
    Case("Where did Zelensky go in December?", "where", ("Kupiansk", "command post")),
    Case("Where did Zelensky go in November?", "where", ()),
    Case("Which town did Zelensky visit?", "where", ("Kupiansk",)),
    Case("Where was Zelensky on December 1?", "where", ("Kupiansk", "command post")),
    Case("Who was in Kupiansk on December 1?", "who", ("Zelensky",)),
    Case("What happened on December 1?", "events", ("Meeting", "Visit"), "{value}"),
    Case("Who did Zelensky meet?", "who", ("soldiers of the Armed Forces of Ukraine",)),
    Case("When did Zelensky meet soldiers?", "when", ("2023-12-01",), "{value}"),
    Case("Who met soldiers of the Armed Forces of Ukraine?", "who", ("Zelensky",),
         xfail="'soldiers of the Armed Forces of Ukraine' is an actor of its own, not linked to the Armed Forces"),
    Case("What did the Russian Ministry of Defense claim?", "claims", ("Attack 4", "Loss 2", "Loss 90"),
         "{value} {quantity}"),
    Case("What did the Russian defence ministry say?", "claims", ("Attack 4", "Loss 2", "Loss 90"),
         "{value} {quantity}"),
    Case("What did Moscow's defense ministry report about tanks?", "claims", ("Loss 2",), "{value} {quantity}"),
    Case("Who launched attacks in the Kharkiv region?", "who", ("Ukrainian assault units",)),
    Case("Who repelled attacks near Kupiansk?", "who", ("Russian troops",), xfail=ITS_TROOPS),
    Case("Who attacked Russian troops in the Kharkiv region?", "who", ("Ukrainian assault units",),
         xfail=ITS_TROOPS),
    Case("How many attacks did Russian troops repel near Kupiansk?", "events", ("4",), "{value}",
         xfail=ITS_TROOPS),
    Case("Who was killed near Kupiansk?", "who", ("Ukrainian soldiers",)),
    Case("Who destroyed two tanks near Kupiansk?", "who", ("Russian forces",)),
    Case("What did Russian forces destroy near Kupiansk?", "events", ("Ukrainian soldiers", "tank")),
    Case("How many Ukrainian soldiers did Russian forces destroy?", "events", ("90",), "{value}"),
    Case("What happened in the Kharkiv region?", "events", ("Attack", "Loss", "Loss", "Visit"), "{value}"),
    Case("What happened near Kupiansk?", "events", ("Attack", "Loss", "Loss", "Visit"), "{value}"),
    Case("Who lost a Bradley fighting vehicle?", "who", ("Ukrainian army",)),
    Case("Where was the Bradley lost?", "events", ()),
    Case("When did the Ukrainian army lose a Bradley?", "when", ()),
    Case("Who supplied the Bradley?", "who", ("United States",),
         xfail="the Bradley 'supplied by the United States' gives no supplier: the United States is not extracted"),
    Case("What did Ukraine's General Staff report?", "claims", ("Attack", "Loss"), "{value}", xfail=GENERAL_STAFF),

    # ---- odesa-port-strike (examples/articles.jsonl, published 2023-07-20)
    Case("Who attacked Odesa?", "who", ("Russian forces",)),
    Case("Who struck the port of Odesa?", "who", ("Russian forces",)),
    Case("When was Odesa port hit?", "when", ("2023-07-19",), "{value}"),
    Case("When did Russian forces launch a missile strike on Odesa?", "when", ("2023-07-19",), "{value}"),
    Case("Where did Russian forces strike in July 2023?", "where", ("Odesa port",)),
    Case("What happened in Odesa?", "events",
         ("Attack denied", "Loss claimed", "Loss occurred", "Strike occurred"), "{value} {status}"),
    Case("What happened in the Odesa region?", "events",
         ("Attack denied", "Loss claimed", "Loss occurred", "Strike occurred"), "{value} {status}"),
    Case("What happened in July 2023?", "events", ("Loss", "Strike"), "{value}"),
    Case("Who reported the strike on Odesa port?", "claims", ("Ukraine's Air Force",)),
    Case("Where were the drones shot down?", "events", ("Odesa region",)),
    Case("How many drones were shot down over the Odesa region?", "events", ("12",), "{value}"),
    Case("Who shot down drones over the Odesa region?", "who", ("Ukrainian air defence",),
         xfail="the agent of 'Ukrainian air defences shot down 12 drones' is not extracted"),
    Case("What did Ukraine's Air Force say?", "claims", ("Loss", "Strike"), "{value}",
         xfail="'the Air Force' of the drone report is an actor of its own, not Ukraine's Air Force"),
    Case("What did the Kremlin deny?", "claims", ("Attack",), "{value}",
         xfail="the Kremlin's denial is kept as the event's status only: no actor or claim names the Kremlin"),

    # ---- chasiv-yar (examples/chasiv-yar.html, published 2024-04-08)
    Case("Who shelled Chasiv Yar?", "who", ("Russian artillery",)),
    Case("When did Russian artillery shell Chasiv Yar?", "when", ("2024-04-06",), "{value}"),
    Case("When do Russian troops plan to capture Chasiv Yar?", "when", ("2024-05-09",), "{value}"),
    # The headline says "Russia aims to take Chasiv Yar", the text "Russian troops were tasked with capturing" it.
    Case("Who planned to capture Chasiv Yar?", "who", ("Russian troops", "Russia")),
    Case("Who said that Russian artillery shelled Chasiv Yar?", "claims", ("Nazar Voloshyn",)),
    Case("What did Nazar Voloshyn say?", "claims", ("Advance planned", "Strike claimed"), "{value} {status}"),
    Case("What happened in the Donetsk region in April 2024?", "events", ("Attack", "Strike"), "{value}"),
    Case("What happened in Chasiv Yar?", "events", ("Advance", "Attack", "Strike"), "{value}"),
    Case("How many assaults did Ukrainian forces repel near Chasiv Yar?", "events", ("14",), "{value}"),
    Case("What happened in 2024?", "events", ("Advance", "Attack", "Delivery", "Strike"), "{value}"),
    Case("What did Germany deliver to Ukraine?", "events", ("Patriot air defence system",)),
    Case("Who delivered a Patriot system to Ukraine?", "who", ("Germany",)),
    Case("Which country delivered a Patriot system?", "who", ("Germany",)),
    Case("When did Germany deliver the Patriot?", "when", ("2024-04-01",), "{value}"),
    Case("What did the German government say?", "claims", ("Delivery",), "{value}"),

    # ---- questions the examples cannot answer
    Case("When was the Leopard lost?", None, ()),
    Case("Who visited Bakhmut?", None, ()),
    Case("What is the capital of France?", None, ()),
    Case("Tell me about the war.", None, ()),
    Case("Who attacked Kupiansk last week?", None, ()),
)
