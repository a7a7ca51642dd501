"""The one error hierarchy of kg. Messages say what was expected and what was found."""
from __future__ import annotations

from pathlib import Path

__all__ = ["KgError", "InputError", "IngestError", "StoreError", "StoreLockedError", "QueryError", "UnsafeQueryError"]


class KgError(Exception):
    """Base of every error kg raises on purpose."""


class InputError(KgError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, path: str | Path, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class IngestError(KgError):
    """The extraction could not run: its worker processes died or never started."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store for writing."""


class QueryError(KgError):
    """A query that is unknown, malformed or given bad parameters."""


class UnsafeQueryError(QueryError):
    """User SPARQL that would read files, reach the network or change the store."""
