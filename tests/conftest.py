"""Shared fixtures: the trained pipeline (loaded once) and paths to ../shared data."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "kupyansk-clashes.txt"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline
    return load_pipeline()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed is not present beside the checkout")
    return SEED
