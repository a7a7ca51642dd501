"""Name keys and identifiers: how a name as written becomes a lookup key and an IRI-safe slug.

Shared by resolution (which matches names), RDF output (which writes ``kg:nameKey``) and queries
(which normalise ``--param`` values the same way), so a name typed by a person finds the node.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["name_key", "slug", "short_hash", "single_letters"]

_DROP = re.compile(r"[.'\u2019\u02bc`]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING_ARTICLE = re.compile(r"^(the|a|an) ")
_DOUBLED = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """Case-, accent-, punctuation- and article-insensitive key: "The U.S.-made" -> "us made"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DROP.sub("", text.casefold())
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    text = " ".join(text.split())
    return _LEADING_ARTICLE.sub("", text)


def single_letters(text: str) -> str:
    """Each run of one letter written once ("Blinkken" -> "Blinken"): spellings that differ only in doubled
    letters compare equal."""
    return _DOUBLED.sub(r"\1", text)


def short_hash(*parts: str, length: int = 12) -> str:
    """A stable hex digest of the parts (never Python's salted hash())."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def slug(text: str, *, max_length: int = 40) -> str:
    """ASCII letters, digits and hyphens only, so any name gives a valid IRI segment."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cut = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:max_length].strip("-")
    return cut or "x"
