"""`kg demo`: the bundled examples through the whole path, with a few questions answered."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .ingest import ingest
from .paths import EXAMPLES_DIR
from .query import bind, format_results, get_query
from .store import LocalStore, stats

__all__ = ["QUESTIONS", "run_demo"]

#: (question, named query, parameters)
QUESTIONS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("Who visited Kupiansk?", "who", {"place": "Kupiansk", "event_type": "Visit"}),
    ("Where was Zelensky?", "where", {"actor": "Zelensky"}),
    ("When did things happen in the Odesa region?", "when", {"place": "Odesa region"}),
    ("What did the Russian Ministry of Defense claim?", "claims", {"source": "Russian Ministry of Defense"}),
)
_COLUMNS = {
    "who": ("actorLabel", "role", "eventType", "date", "placeLabel"),
    "where": ("actorLabel", "placeLabel", "lat", "long", "eventType", "date"),
    "when": ("date", "dateText", "eventType", "actorLabel", "placeLabel"),
    "claims": ("sourceLabel", "eventType", "quantity", "equipmentLabel", "placeLabel"),
}


def run_demo(out: Path) -> Iterator[tuple[str | None, str | None, Path | None]]:
    """Yield (heading, text, html path) pieces for the CLI to print."""
    from .viz import draw_store

    store = LocalStore(out / "store")
    try:
        report = ingest([EXAMPLES_DIR], store=store, workers=1)
        yield "Ingested examples/", (f"{report.stored} articles, {report.events} events, {report.claims} claims"
                                     + "".join(f"\n  failed: {e}" for e in report.errors)), None
        for question, name, params in QUESTIONS:
            result = store.select(bind(get_query(name), params))
            wanted = _COLUMNS[name]
            result["head"]["vars"] = [v for v in result["head"]["vars"] if v in wanted]
            kept, seen = [], set()
            for row in result["results"]["bindings"]:
                trimmed = {k: v for k, v in row.items() if k in wanted}
                signature = tuple(sorted((k, v["value"]) for k, v in trimmed.items()))
                if signature not in seen:
                    seen.add(signature)
                    kept.append(trimmed)
            result["results"]["bindings"] = kept
            params_text = " ".join(f'--param {k}="{v}"' for k, v in params.items())
            yield f"{question}   (kg query {name} {params_text})", format_results(result, "table"), None
        counts = stats(store)
        yield "kg stats", "\n".join(f"{k:<12} {v}" for k, v in counts.items()), None
        path, shown, total = draw_store(store, out / "graph.html")
        yield None, None, path
    finally:
        store.close()
