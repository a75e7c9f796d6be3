"""The spaCy pipeline: loaded once per process, run in batches."""

from dateline.nlp.pipeline import doc_text, load_nlp

__all__ = ["doc_text", "load_nlp"]
