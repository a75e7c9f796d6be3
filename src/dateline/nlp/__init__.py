"""The spaCy pipeline: loaded once per process, run in batches."""

from dateline.nlp.pipeline import load_nlp

__all__ = ["load_nlp"]
