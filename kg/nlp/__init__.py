"""The spaCy stage: the trained English pipeline plus the project's own components.

Importing this package does no work; :func:`load_pipeline` builds the pipeline once per process.
"""
from .pipeline import MODEL_NAME, load_pipeline

__all__ = ["MODEL_NAME", "load_pipeline"]
