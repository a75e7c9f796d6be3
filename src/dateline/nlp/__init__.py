"""The spaCy pipeline: loaded once per process, run in batches."""

from dateline.nlp.pipeline import break_tokens, doc_text, load_nlp, word_forms

__all__ = ["break_tokens", "doc_text", "load_nlp", "word_forms"]
