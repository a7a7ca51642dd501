"""Where the project's data files live, installed or in a checkout."""
from __future__ import annotations

from pathlib import Path

__all__ = ["ONTOLOGY_DIR", "QUERIES_DIR", "EXAMPLES_DIR", "DATA_DIR", "ontology_file", "shapes_file"]

_PACKAGE = Path(__file__).resolve().parent


def _located(name: str) -> Path:
    """Inside the wheel the folders sit in the package; in a checkout, beside it."""
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


ONTOLOGY_DIR = _located("ontology")
QUERIES_DIR = _located("queries")
EXAMPLES_DIR = _located("examples")
DATA_DIR = _PACKAGE / "data"


def ontology_file() -> Path:
    return ONTOLOGY_DIR / "kg.ttl"


def shapes_file() -> Path:
    return ONTOLOGY_DIR / "shapes.ttl"
