"""Helpers for tests/test_reliability.py: corpora of invented articles, running `kg` in a child
process, reading a store's named graphs, and child-process entry points that wrap the pipeline or
slow down a write so that a test can watch or kill it at a chosen moment.

Every sentence here is written for these tests. Run as ``python -m tests.reliability_helpers MODE ...``
from the checkout for the child-process modes.
"""
from __future__ import annotations

import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

TOWNS = ("Kupyansk", "Lyman", "Kherson", "Izium", "Avdiivka", "Bakhmut", "Sumy", "Kramatorsk")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OPENERS = (
    "Russian forces shelled {town} on {day}, the regional governor said.",
    "Ukrainian troops struck a supply depot near {town} on {day}, the army said.",
    "Russian drones hit an apartment block in {town} on {day}, local officials reported.",
    "Ukrainian forces repelled an assault near {town} on {day}, a military spokesman said.",
)
FOLLOW_UPS = (
    "Two houses were damaged and a power line was cut.",
    "Firefighters worked through the night to put out the blaze.",
    "Nobody was hurt, the officials said.",
    "Residents were told to stay in shelters until the morning.",
)


def article_text(number: int, *, seed: int = 0) -> str:
    """A short article of two paragraphs, different for each number."""
    pick = random.Random(seed * 100_003 + number)
    first = pick.choice(OPENERS).format(town=pick.choice(TOWNS), day=pick.choice(DAYS))
    return f"{first}\n\n{pick.choice(FOLLOW_UPS)} This was report number {number}.\n"


def write_corpus(folder: Path, count: int, *, seed: int = 0, prefix: str = "report") -> list[Path]:
    """``count`` article files in ``folder``, named so that they sort in number order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{prefix}-{number:05d}.txt"
        path.write_text(article_text(number, seed=seed), encoding="utf-8")
        paths.append(path)
    return paths


def kg_command(*args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *map(str, args)]


def run_kg(*args: str | os.PathLike[str], timeout: float = 600, prefix: tuple[str, ...] = (),
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`kg ARGS` in a child process, from the checkout, with its output captured."""
    return subprocess.run([*prefix, *kg_command(*args)], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env=env)


def helper_command(mode: str, *args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "tests.reliability_helpers", mode, *map(str, args)]


def without_dac_override() -> tuple[str, ...] | None:
    """A command prefix under which root obeys file permissions (chmod 000 then stops reads), or
    () when not root, or None when root cannot drop the capabilities (no setpriv)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    drop = "-dac_override,-dac_read_search"
    return (setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}")


# ---------------------------------------------------------------------------------- store contents

def dump(store_path: Path) -> bytes:
    """The whole store as N-Quads, read through a read-only handle."""
    from kg.store import LocalStore

    store = LocalStore(store_path, read_only=True)
    try:
        out = io.BytesIO()
        store.export(out, format="nquads")
        return out.getvalue()
    finally:
        store.close()


def named_graphs(store_path: Path) -> dict[str, Any]:
    """Every named graph of the store as an rdflib Graph, by graph IRI (the ontology's included)."""
    return graphs_of_dump(dump(store_path))


def graphs_of_dump(data: bytes) -> dict[str, Any]:
    from rdflib import Dataset, Graph

    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    graphs: dict[str, Graph] = {}
    for context in dataset.graphs():
        if len(context) == 0:
            continue
        copy = Graph()
        for triple in context:
            copy.add(triple)
        graphs[str(context.identifier)] = copy
    return graphs


def has_store(store_path: Path) -> bool:
    return (store_path / "CURRENT").exists()


def wal_bytes(store_path: Path) -> int:
    """Bytes in the store's write-ahead logs: they grow as soon as a transaction is written."""
    try:
        return sum(entry.stat().st_size for entry in os.scandir(store_path) if entry.name.endswith(".log"))
    except OSError:
        return 0


def wait_for(condition: Any, *, timeout: float, interval: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------------------------- child-process modes

class GuardedPipeline:
    """The real pipeline, with every text handed to it checked: a str no longer than the chunk
    limit (so never bytes, which spaCy would read as a serialised Doc, and never over max_length)."""

    def __init__(self, nlp: Any, limit: int) -> None:
        self._nlp = nlp
        self._limit = limit
        self.texts = 0
        self.longest = 0
        self.characters = 0
        self.problems: list[str] = []

    def _check(self, text: object) -> None:
        self.texts += 1
        if not isinstance(text, str):
            self.problems.append(f"nlp got {type(text).__name__}, not str")
            return
        self.longest = max(self.longest, len(text))
        self.characters += len(text)
        if len(text) > min(self._limit, self._nlp.max_length):
            self.problems.append(f"nlp got {len(text)} characters, over the limit {self._limit}")

    def __call__(self, text: Any, **options: Any) -> Any:
        self._check(text)
        return self._nlp(text, **options)

    def pipe(self, texts: Any, *, as_tuples: bool = False, **options: Any) -> Iterator[Any]:
        def checked() -> Iterator[Any]:
            for item in texts:
                self._check(item[0] if as_tuples else item)
                yield item
        return self._nlp.pipe(checked(), as_tuples=as_tuples, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def _guarded_ingest(report: str, *args: str) -> int:
    """`kg ingest ARGS` in this process with the pipeline guarded; what the guard saw goes to ``report``."""
    import kg.nlp
    from kg.cli import app
    from kg.nlp.pipeline import MAX_CHUNK_CHARS

    real = kg.nlp.load_pipeline()
    guard = GuardedPipeline(real, MAX_CHUNK_CHARS)

    def guarded() -> GuardedPipeline:
        return guard

    guarded.cache_clear = lambda: None  # type: ignore[attr-defined]  # kg.ingest reloads a grown pipeline
    kg.nlp.load_pipeline = guarded  # type: ignore[assignment]
    started = time.perf_counter()
    try:
        app(["ingest", *args], standalone_mode=False)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    except Exception as exc:  # reported, not raised: the test reads the report
        guard.problems.append(f"{type(exc).__name__}: {exc}")
        code = 1
    Path(report).write_text(json.dumps({
        "texts": guard.texts, "longest": guard.longest, "characters": guard.characters,
        "problems": guard.problems, "peak_rss_mb": round(peak_rss_mb(), 1), "exit": code,
        "seconds": round(time.perf_counter() - started, 1)}), encoding="utf-8")
    return code


def _stalled_write(marker: str, *args: str) -> int:
    """`kg ARGS` with fsync stalled: the output is written to its temporary file, ``marker`` is
    created, and the process sleeps before it can rename, so the test can kill it mid-write."""
    real_fsync = os.fsync

    def stalled(fd: int) -> None:
        real_fsync(fd)
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        time.sleep(120)

    os.fsync = stalled  # type: ignore[assignment]
    from kg.cli import app

    app(list(args), standalone_mode=True)
    return 0


def main(argv: list[str]) -> int:
    mode, *rest = argv
    if mode == "guarded-ingest":
        return _guarded_ingest(*rest)
    if mode == "stalled-write":
        return _stalled_write(*rest)
    raise SystemExit(f"unknown mode {mode!r}: expected guarded-ingest or stalled-write")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
