"""Word lists of the domain: event triggers, role nouns, attribution verbs. Written for this project."""
from __future__ import annotations

#: Trigger lemma -> event class (local name in the ontology).
EVENT_TRIGGERS: dict[str, str] = {
    # attacks and offensives
    "attack": "Attack", "assault": "Attack", "offensive": "Attack", "counteroffensive": "Attack",
    "counterattack": "Attack", "storm": "Attack", "raid": "Attack", "invade": "Attack", "invasion": "Attack",
    "ambush": "Attack", "incursion": "Attack", "storming": "Attack",
    # clashes
    "clash": "Clash", "fight": "Clash", "fighting": "Clash", "battle": "Clash", "combat": "Clash",
    "skirmish": "Clash", "firefight": "Clash", "engagement": "Clash", "hostility": "Clash",
    # strikes at a distance
    "strike": "Strike", "airstrike": "Strike", "shell": "Strike", "shelling": "Strike", "bomb": "Strike",
    "bombing": "Strike", "bombard": "Strike", "bombardment": "Strike", "hit": "Strike", "pound": "Strike",
    "explosion": "Strike", "blast": "Strike", "barrage": "Strike", "fire": "Strike", "launch": "Strike",
    "target": "Strike", "drop": "Strike", "explode": "Strike",
    # violence against people
    "torture": "Attack", "abduct": "Attack", "kidnap": "Attack", "execute": "Attack", "rape": "Attack",
    "detain": "Attack", "beat": "Attack",
    # losses
    "intercept": "Loss", "interception": "Loss",
    "kill": "Loss", "destroy": "Loss", "lose": "Loss", "loss": "Loss", "casualty": "Loss", "die": "Loss",
    "wound": "Loss", "injure": "Loss", "eliminate": "Loss", "neutralize": "Loss", "down": "Loss",
    "shoot": "Loss", "damage": "Loss", "sink": "Loss", "liquidate": "Loss",
    # advances
    "advance": "Advance", "capture": "Advance", "overrun": "Advance", "seize": "Advance", "liberate": "Advance",
    "recapture": "Advance", "retake": "Advance", "occupy": "Advance", "breakthrough": "Advance",
    "take": "Advance", "gain": "Advance", "push": "Advance", "improvement": "Advance", "improve": "Advance",
    # fortification
    "fortify": "Fortification", "fortification": "Fortification", "strengthen": "Fortification",
    "reinforce": "Fortification", "establish": "Fortification", "build": "Fortification",
    "dig": "Fortification", "construct": "Fortification", "construction": "Fortification",
    # visits and meetings
    "visit": "Visit", "tour": "Visit", "trip": "Visit", "arrive": "Visit",
    "meet": "Meeting", "meeting": "Meeting", "talk": "Meeting", "summit": "Meeting",
    # statements
    "speak": "Statement", "address": "Statement", "announce": "Statement", "declare": "Statement",
    "speech": "Statement", "statement": "Statement", "vow": "Statement", "pledge": "Statement",
    "urge": "Statement", "say": "Statement",
    # deliveries
    "deliver": "Delivery", "delivery": "Delivery", "supply": "Delivery", "send": "Delivery",
    "provide": "Delivery", "transfer": "Delivery", "donate": "Delivery", "shipment": "Delivery",
}

#: Triggers that need an object of a certain kind to count (lemma -> allowed object head lemmas or kinds).
CONDITIONAL_TRIGGERS: dict[str, set[str]] = {
    "fire": {"EQUIPMENT", "missile", "rocket", "shell", "drone", "round", "artillery", "PLACE", "at"},
    "launch": {"EQUIPMENT", "missile", "rocket", "drone", "attack", "strike", "offensive", "assault",
               "counteroffensive", "barrage"},
    "drop": {"EQUIPMENT", "bomb", "munition"},
    "target": {"PLACE", "FACILITY"},
    "hit": {"PLACE", "FACILITY", "ACTOR"},
    "take": {"control", "PLACE"},
    "gain": {"ground", "territory", "control", "position"},
    "push": {"PLACE", "back"},
    "improve": {"position", "posture", "positions"},
    "improvement": {"position", "posture", "positions"},
    "strengthen": {"line", "defense", "defence", "position", "fortification", "border"},
    "reinforce": {"line", "defense", "defence", "position", "fortification", "border"},
    "establish": {"structure", "line", "fortification", "defense", "defence", "position"},
    "build": {"structure", "line", "fortification", "defense", "defence", "trench", "bunker"},
    "construct": {"structure", "line", "fortification", "defense", "defence", "trench", "bunker"},
    "construction": {"structure", "line", "fortification", "defense", "defence", "trench", "bunker"},
    "dig": {"trench", "line", "fortification"},
    "send": {"EQUIPMENT", "weapon", "aid", "ammunition", "tank", "missile", "package"},  # troops: a deployment
    "provide": {"EQUIPMENT", "weapon", "aid", "ammunition", "tank", "missile", "package"},
    "transfer": {"EQUIPMENT", "weapon", "aid", "ammunition", "tank", "missile", "package"},
    "supply": {"EQUIPMENT", "weapon", "aid", "ammunition", "tank", "missile", "package"},
    "donate": {"EQUIPMENT", "weapon", "aid", "ammunition", "tank", "missile", "package"},
    "shoot": {"down", "ACTOR", "PERSON_OBJECT"},
    "intercept": {"EQUIPMENT"},
    "beat": {"PERSON_OBJECT"},
    "detain": {"PERSON_OBJECT"},
    "down": {"EQUIPMENT", "drone", "missile", "aircraft", "jet", "helicopter", "plane"},
    "damage": {"EQUIPMENT", "FACILITY", "PLACE"},
    "arrive": {"PLACE"},
    "address": {"ACTOR", "parliament", "nation", "lawmaker", "soldier", "troop"},
    "say": {"SPEAKER_ONLY"},
    "talk": {"PLURAL"},
    "advance": {"VERB_OR_PLURAL"},
    "fight": {"ANY"},
}

#: Verbs whose object noun names an event that their subject carried out.
SUPPORT_VERBS_AGENT = {"launch", "carry", "conduct", "make", "pay", "hold", "stage", "mount", "continue",
                       "begin", "start", "resume", "intensify", "step", "undertake", "perform", "deliver",
                       "attempt", "try", "lead", "suffer"}
#: Verbs whose subject received or resisted the event named by their object.
SUPPORT_VERBS_TARGET = {"repel", "repulse", "withstand", "thwart", "foil", "stop", "halt", "fend", "beat",
                        "survive", "face", "endure", "suffer"}
#: Verbs whose passive ("were repelled by X") names who an attack was against.
REPEL_VERBS = {"repel", "repulse", "stop", "halt", "thwart", "rebuff", "beat", "push"}
#: Verbs whose subject is where the event named by their object happened.
SUPPORT_VERBS_PLACE = {"host", "see", "witness"}

#: Attribution verbs: "X said that ...".
REPORT_VERBS = {"say", "assure", "argue", "announce", "warn", "tweet", "write", "report", "claim", "state", "announce", "indicate", "note", "confirm", "tell", "write",
                "add", "describe", "assert", "allege", "insist", "acknowledge", "admit", "accuse",
                "reveal", "disclose", "estimate", "post", "publish", "inform", "declare", "warn", "stress",
                "emphasize", "explain", "specify", "characterize", "quote", "cite", "show", "suggest"}
DENIAL_VERBS = {"deny", "reject", "refute", "dismiss", "rebut", "prevent", "fail", "avert", "avoid", "refrain", "refuse",
                "decline"}
PLAN_WORDS = {"plan", "intend", "aim", "order", "task", "prepare", "seek", "want", "propose", "decide",
              "agree", "promise", "pledge", "vow", "expect", "hope", "intention", "call", "urge", "ready",
              "set", "schedule", "attempt", "try", "able", "need", "must", "goal", "objective", "mission",
              "capable", "capability", "ability"}
THREAT_WORDS = {"threaten", "threat", "warn", "risk"}
#: Event nouns whose place-name compound is the side attacked: "the Ukraine invasion".
INVASION_NOUNS = {"invasion", "occupation", "annexation"}
#: Adjectives that make an event noun something not (yet) done: "a possible offensive".
NOMINAL_PLANNED = {"possible", "potential", "planned", "future", "imminent", "prospective", "expected",
                   "would-be", "upcoming", "looming", "next", "eventual", "anticipated",
                   "feared", "proposed", "intended", "likely"}
#: Objects that make "fight", "attack" or "combat" a figure of speech: "fought the plan", "attacked the policy".
ABSTRACT_OBJECTS = {"plan", "policy", "decision", "idea", "proposal", "law", "bill", "ruling", "claim", "narrative",
                    "reform", "measure", "sanction", "statement", "remark", "comment", "rule", "regulation",
                    "corruption", "disinformation", "propaganda", "misinformation", "inflation", "poverty",
                    "crime", "pandemic", "virus", "disease", "cancer", "climate", "fire", "blaze", "wildfire",
                    "flood", "tax", "cut", "closure", "strategy", "stance", "view",
                    "agenda", "deal", "treaty", "verdict", "sentence", "charge", "accusation", "allegation",
                    "meddling", "interference", "act", "order", "task", "mission", "reform",
                    # what is struck, destroyed or lost only in a figure of speech: "struck a deal", "struck a
                    # bellicose tone", "destroyed trust between them"
                    "tone", "note", "chord", "balance", "pose", "bargain", "compromise", "agreement", "accord",
                    "pact", "trust", "relation", "relationship", "reputation", "credibility", "myth", "illusion",
                    "dream", "career", "legacy", "consensus", "architecture", "blow", "advancement",
                    "autocracy", "tyranny", "dictatorship", "authoritarianism", "fascism", "imperialism",
                    "oppression", "injustice", "racism", "extremism", "populism", "warming", "hunger", "famine",
                    "market", "tie", "economy", "cooperation", "partnership", "friendship", "unity",
                    # ideologies one fights only in a figure of speech: "the fight against Nazism"
                    "nazism", "terrorism", "nationalism", "separatism", "communism", "antisemitism", "impunity"}
#: Words for a readiness to fight, not a fight: "the will to fight", "ready to fight".
DISPOSITION_WORDS = {"will", "willingness", "willing", "ready", "readiness", "prepared", "determined", "determination",
                     "eager", "desire", "appetite", "morale", "resolve", "motivation", "courage"}
#: Verbs whose subject stops or restarts its own deliveries: "Moscow halted gas deliveries" (not "Ukraine faced
#: slow deliveries", whose subject receives them).
HALTING_VERBS = {"halt", "stop", "suspend", "cut", "resume", "pause"}
#: Nouns of violence that are no event class of their own but are events beside one: "the bombing of Mariupol or
#: slaughter in Bucha".
ATROCITY_NOUNS = {"massacre", "slaughter", "killing", "atrocity", "siege", "genocide", "execution"}
#: Acronyms of international bodies, which "in" joins rather than places: "statements in NATO" (not "in the UAE").
INTERNATIONAL_BODIES = {"NATO", "UN", "EU", "OSCE", "IAEA", "UNESCO", "WHO", "IMF", "OPEC", "CSTO", "SCO", "BRICS",
                        "G7", "G20", "PACE", "ICC", "UNHCR", "OHCHR"}
#: What one hits or guards against in words only: "hit Russia with sanctions", "fortify itself against sanctions"
#: (not "with artillery fire", "with explosive charges").
ABSTRACT_MEANS = {"sanction", "measure", "tariff", "restriction", "embargo", "penalty", "ban", "legislation", "law",
                  "criticism", "accusation", "rhetoric", "propaganda", "disinformation", "policy", "lawsuit"}
#: Modifiers of an event that never took place as told: "a staged attack" in a fake video, "a hypothetical war".
FICTIVE_MODIFIERS = {"staged", "fake", "faked", "fabricated", "simulated", "mock", "imaginary", "fictional",
                     "fictitious", "hypothetical", "pretend"}
#: Verbs that make an ability of the verb they govern when they are themselves only possible: "weapons that can
#: allow troops to strike".
ENABLING_VERBS = {"allow", "enable", "let", "permit", "help"}
#: Modifiers of a weapon that say which or how many, not what it is: "such weapons", "the latest missiles".
EQUIPMENT_NON_NAMES = {"such", "whose", "most", "enough", "certain", "undisclosed", "new", "newest", "latest",
                       "incoming", "coordinated", "intense", "intensive", "massive", "more", "other", "additional",
                       "further", "several", "many", "various", "same", "first", "second", "third", "last"}
#: Modifiers that make an "engagement" armed, not diplomatic: "a ground engagement".
ARMED_MODIFIERS = {"military", "armed", "combat", "ground", "naval", "air", "fierce", "heavy", "close"}
#: Modifiers that make a "system" or "order" an institution, not equipment: "the international security system".
INSTITUTION_MODIFIERS = {"international", "global", "world", "security", "financial", "political", "economic",
                         "legal", "judicial", "education", "educational", "health", "healthcare", "banking",
                         "monetary", "trade", "multilateral", "democratic", "constitutional", "social", "welfare"}
#: What one meets that is no one to meet: "meet the conditions", "met its targets".
CONDITIONS_MET = {"condition", "requirement", "criterion", "criteria", "standard", "demand", "expectation", "need",
                  "target", "goal", "deadline", "obligation", "commitment", "challenge", "threshold", "quota",
                  "benchmark", "term", "request", "end", "cost", "fate", "death"}
#: What loses money, not people or equipment: "economic losses", "the economy suffered losses".
ECONOMIC_WORDS = {"economic", "financial", "monetary", "revenue", "income", "trade", "economy", "business",
                  "company", "firm", "market", "budget", "sector", "industry", "bank", "exporter", "investor"}
#: Verbs of words against someone: an attack coordinated with one is words too ("slandering and attacking China").
ABUSE_VERBS = {"slander", "smear", "insult", "vilify", "defame", "denigrate", "demonize", "demonise", "mock",
               "ridicule", "lambast", "berate", "accuse", "blame", "criticize", "criticise", "condemn", "denounce",
               "disparage", "scold", "libel", "malign", "badmouth", "lie"}
#: What something is met with that is no one to meet: "met with fierce resistance", "was met with force".
RESPONSES = {"resistance", "force", "fire", "criticism", "condemnation", "response", "reaction", "skepticism",
             "scepticism", "opposition", "protest", "outrage", "anger", "silence", "approval", "applause",
             "derision", "ridicule", "disbelief", "hostility", "success", "failure", "suspicion", "alarm"}
#: What one delivers or sends that is words, not goods: "delivered a warning to China", "sent a signal".
SPOKEN_OBJECTS = {"warning", "message", "speech", "address", "ultimatum", "lecture", "rebuke", "remark", "statement",
                  "blow", "verdict", "sermon", "plea", "appeal", "promise", "pledge", "apology", "briefing",
                  "keynote", "assessment", "signal", "letter", "invitation", "greeting", "condolence", "note",
                  "reply", "response", "answer", "report", "testimony", "judgment", "judgement", "punch", "rebuttal"}
#: What "lose" can lose that is not people or equipment: "lost ground", "lost the election".
NON_MATERIAL_LOSSES = {"ground", "territory", "control", "war", "battle", "election", "vote", "support", "power",
                       "patience", "interest", "momentum", "confidence", "faith", "trust", "hope", "touch",
                       "track", "sight", "face", "way", "time", "job", "seat", "majority", "initiative",
                       "appetite", "influence", "access", "contact", "money", "value", "case", "race",
                       "conflict", "fight", "struggle", "dispute", "argument", "referendum", "game", "match",
                       "focus", "concentration", "attention", "nerve", "heart", "credibility", "reputation"}
#: Relatives one loses when they die: "they lost their father".
KIN_NOUNS = {"father", "mother", "son", "daughter", "husband", "wife", "brother", "sister", "parent", "family",
             "relative", "grandfather", "grandmother", "grandson", "granddaughter", "friend", "comrade", "one"}
#: Words that take a part of what follows "of": "some of its best troops", "thousands of people".
PARTITIVES = {"some", "many", "most", "all", "half", "part", "dozen", "dozens", "hundred", "hundreds", "thousand",
              "thousands", "number", "share", "percent", "%", "each", "several", "none", "majority", "third"}
#: Advance verbs that mean ground taken only when what they take is a place: "seized the town", not "seized grain".
CAPTURE_VERBS = {"capture", "seize", "occupy", "overrun", "liberate", "retake", "recapture"}
#: Verbs that mention an event without dating it: their date is their own ("on Friday, referring to the invasion").
MENTION_VERBS = {"refer", "mention", "recall", "remember", "blame", "accuse", "protest", "condemn", "denounce",
                 "discuss", "commemorate", "mark", "compare", "criticize", "criticise", "justify", "oppose",
                 "support", "describe", "call", "award", "honour", "honor", "celebrate", "mourn", "cite"}
#: Verbs whose infinitive states a tendency, not an event: "cluster munitions tend to kill civilians".
GENERIC_CONTROLLERS = {"tend"}
#: Verbs whose negation or modal says whether the event named by their object happened: "did not launch
#: an offensive", "could stage an attack". Other verbs' negation is about themselves ("not joining the invasion").
EVENT_CARRYING_VERBS = {"happen", "occur", "take"}
#: Nouns and verbs that hold an event noun as a possibility, not a fact: "fears of an invasion", "in case of
#: an attack", "to deter an offensive".
POSSIBILITY_WORDS = {"fear", "prospect", "possibility", "chance", "likelihood", "scenario", "case", "event",
                     "deter", "deterrence", "avoid", "worry", "concern", "speculation", "rumor", "rumour",
                     "danger", "spectre", "specter", "prevention", "contingency"}
MODAL_PLANNED = {"will", "would", "could", "might", "may", "shall", "should", "'ll", "can"}

#: Nouns heading a phrase that names an armed force, a government body or an official.
#: Military positions named by whose they are: "Ukrainian positions", "DPR positions".
POSITION_NOUNS = {"position", "stronghold", "trench", "outpost", "dugout", "emplacement", "line", "base",
                  "column", "convoy", "unit", "group", "camp", "headquarters", "depot"}
#: Nouns whose compound modifier names the event: "assault actions", "combat operations".
EVENT_CARRIER_NOUNS = {"action", "operation", "activity"}
FORCE_NOUNS = {"force", "forces", "troop", "army", "military", "group", "unit", "soldier", "serviceman",
               "servicemen", "member", "fighter", "side", "brigade", "battalion", "regiment", "division",
               "marine", "paratrooper", "navy", "guard", "defender", "militant", "mercenary", "sniper",
               "artillery", "corps", "fleet", "infantry", "personnel", "commando", "saboteur", "partisan",
               "military"}
GOVERNMENT_NOUNS = {"authority", "ministry", "government", "administration", "parliament", "council",
                    "office", "kremlin", "cabinet", "service", "committee", "agency", "command", "staff",
                    "directorate", "prosecutor", "police", "duma", "rada"}
#: Nouns for people who are not combatants: victims and witnesses of events.
CIVILIAN_NOUNS = {"civilian", "journalist", "resident", "child", "people", "person", "woman", "man",
                  "worker", "volunteer", "doctor", "medic", "prisoner", "hostage", "refugee", "student",
                  "teenager", "boy", "girl", "passenger", "driver", "farmer", "villager", "citizen",
                  "reporter", "employee", "rescuer", "victim"}
PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "minister",
                "president", "commander", "general", "colonel", "chief", "head", "leader", "adviser",
                "advisor", "prime", "secretary", "ambassador", "envoy", "analyst", "blogger", "lieutenant"}
TITLE_WORDS = {"president", "prime", "minister", "defense", "defence", "foreign", "general", "colonel",
               "commander", "chief", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson",
               "head", "deputy", "secretary", "chancellor", "lieutenant", "major", "admiral", "sergeant",
               "captain", "pope", "king", "senator", "mr", "mrs", "ms", "dr", "ex", "former", "acting",
               "in-chief", "commander-in-chief", "adviser", "advisor", "leader", "ambassador", "envoy",
               "regional", "military", "administration", "of", "the"}
EQUIPMENT_NOUNS = {"tank", "howitzer", "vehicle", "drone", "missile", "rocket", "helicopter", "jet",
                   "aircraft", "plane", "fighter", "bomber", "launcher", "system", "radar", "ship", "boat",
                   "vessel", "submarine", "artillery", "gun", "mortar", "munition", "shell", "bomb",
                   "weapon", "apc", "ifv", "truck", "carrier", "warship", "cruiser", "frigate", "uav",
                   "ammunition", "rifle", "interceptor", "battery", "depot", "mine"}
FACILITY_NOUNS = {"center", "centre", "plant", "station", "airport", "airfield", "base", "depot",
                  "headquarters", "bridge", "port", "hospital", "school", "building", "factory", "refinery",
                  "dam", "facility", "warehouse", "substation", "terminal", "post", "checkpoint", "barracks",
                  "market", "mall", "university", "church", "railway", "infrastructure", "complex", "hub",
                  "airbase", "shipyard", "harbor", "harbour", "installation", "block", "house", "home",
                  "apartment", "stadium", "shop", "store"}
PLACE_NOUNS = {"region", "oblast", "city", "town", "village", "settlement", "direction", "district",
               "area", "province", "territory", "suburb", "outskirts", "front", "frontline", "axis",
               "sector", "raion", "peninsula", "island", "border", "coast", "community", "hromada",
               "municipality"}
#: Past forms the lemmatiser of the small model gets wrong.
IRREGULAR_FORMS = {"retook": "retake", "retaken": "retake", "overran": "overrun", "shot": "shoot", "struck": "strike",
                   "fought": "fight", "downed": "down", "shelled": "shell"}
#: Verbs whose object (or subject) is the weapon, not what it hit: "launched cluster shells", "shells exploding".
MEANS_VERBS = {"launch", "fire", "drop", "use", "deploy", "hurl", "lob", "unleash", "explode", "detonate"}
#: What is fired rather than fired at.
MUNITIONS = {"missile", "rocket", "drone", "shell", "bomb", "munition", "uav", "projectile"}
#: Light verbs with "in": "engaged in an offensive", "took part in the assault".
ENGAGE_VERBS = {"engage", "participate", "involve", "take", "join", "succeed", "fail"}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."]
#: Verbs whose object, not subject, does what the infinitive says: "urged Germany to send tanks".
#: Verbs of asking: what they ask "for" is not done yet ("appealed for the supply of weapons").
REQUEST_VERBS = {"appeal", "call", "ask", "press", "plead", "beg", "lobby", "urge", "request"}
OBJECT_CONTROL_VERBS = {"urge", "ask", "call", "appeal", "press", "persuade", "encourage", "allow", "tell",
                        "order", "force", "invite", "request", "instruct", "authorize", "permit", "pressure",
                        "prompt", "push", "compel", "enable", "help", "lead", "inspire", "convince", "drive",
                        "accuse",  # "accused Kyiv's allies of sending weapons": the allies send
                        # "thanked Germany for providing a battery", "slammed Scholz for hesitating in sending"
                        "thank", "praise", "commend", "criticise", "criticize", "slam", "fault", "applaud",
                        "congratulate", "credit", "reward", "punish",
                        # "sending forces to fight in Ukraine": the forces fight
                        "send", "deploy", "dispatch", "recruit", "train", "mobilise", "mobilize"}
#: Journeys whose purpose, once made, is told as done: "visited the border to meet the troops".
JOURNEY_VERBS = {"visit", "travel", "fly", "arrive", "journey", "head", "return", "tour"}
#: Verbs after which an infinitive still happened: "continued to shell".
FACTUAL_CONTROLLERS = {"continue", "begin", "start", "manage", "keep", "proceed", "resume", "go", "come",
                       "use", "step", "prompt", "force", "compel"}  # "prompted Western countries to send weapons"
#: Verbs whose object is an event they carry out, suffer or see: its date is the event's ("launched the
#: invasion on February 24", "repelled an assault on Sunday", "provoked the invasion last year").
CARRYING_VERBS = SUPPORT_VERBS_AGENT | SUPPORT_VERBS_TARGET | SUPPORT_VERBS_PLACE | EVENT_CARRYING_VERBS | \
    FACTUAL_CONTROLLERS | {"record", "unleash", "wage", "provoke", "trigger", "spark", "cause", "prompt"}
#: Verbs that with "control" as object mean ground was taken: "established control over X".
CONTROL_VERBS = {"establish", "take", "gain", "seize", "assume", "regain", "restore", "retake"}
#: Event types whose "from X" is where someone or something came from, not where it happened.
ORIGIN_TYPES = frozenset({"Meeting", "Statement", "Visit", "Delivery"})
#: Prepositions whose proper-noun object is a place whatever the entity recogniser says.
STRONG_LOCATIVE_PREPS = {"in", "near", "outside", "around", "into", "towards", "toward", "at", "over"}
LOCATIVE_PREPS = {"in", "near", "at", "around", "outside", "inside", "across", "towards", "toward", "into",
                  "on", "over", "along", "within", "throughout", "from", "to", "off", "onto", "beyond",
                  "behind", "past", "by", "of"}
DIRECTION_WORDS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                   "north-east", "north-west", "south-east", "south-west", "northern", "southern",
                   "eastern", "western"}
APPROXIMATORS = {"around", "about", "approximately", "nearly", "almost", "some", "roughly", "over", "up",
                 "more", "than", "least", "at", "estimated", "close", "upwards", "as", "many", "much"}
#: Quantity words with no exact value: (value, approximate).
VAGUE_NUMBERS = {"dozens": 24, "dozen": 12, "hundreds": 200, "thousands": 2000, "scores": 40,
                 "tens": 20}
#: Nouns of reported speech that are sources only when nothing better is named.
GENERIC_SOURCES = {"report", "reports", "source", "sources", "media", "outlet", "outlets", "observer",
                   "observers", "analyst", "analysts", "witness", "witnesses", "resident", "residents",
                   "footage", "video", "image", "images"}
#: Equipment model names the small model does not know as entities (token-pattern texts).
EQUIPMENT_MODELS = [
    "M119", "M777", "HIMARS", "Leopard", "Leopard 1", "Leopard 2", "Leopard 1A5", "Leopard 2A4", "Leopard 2A6",
    "Bradley", "Abrams", "Challenger 2", "Marder", "Stryker", "Patriot", "IRIS-T", "NASAMS", "Storm Shadow",
    "SCALP", "ATACMS", "Javelin", "NLAW", "Stinger", "Bayraktar", "Bayraktar TB2", "Shahed", "Shahed-136",
    "Geran-2", "Lancet", "Iskander", "Kalibr", "Kinzhal", "Kh-101", "Kh-22", "S-300", "S-400", "Tor",
    "Buk", "Pantsir", "T-72", "T-80", "T-90", "T-62", "BMP-1", "BMP-2", "BMP-3", "BTR-82", "MT-LB",
    "Su-25", "Su-34", "Su-35", "Ka-52", "Mi-8", "Mi-28", "MiG-29", "F-16", "Caesar", "PzH 2000",
    "Krab", "Gepard", "Grad", "Uragan", "Smerch", "Tornado-S", "Krasnopol", "Orlan-10", "Zala",
]
